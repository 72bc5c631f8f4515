"""Table models of the § panel, over frozen rows built from `beslut.ParagrafVy`.

They share the session models' refresh in place (`RowsModel.set_rows`): the same keys give
dataChanged only, so a vote key never resets the roll call or re-measures its columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from secretary.domain.sprak import versal
from secretary.domain.votering import Rost
from secretary.ui.session.models import BG, DISPLAY, FG, FONT, RowsModel, _bold

TIP = Qt.ItemDataRole.ToolTipRole


def _tip(text: str) -> str | None:
    """The whole text of a cell, for when the column is too narrow to show it."""
    return text or None


@dataclass(frozen=True)
class YrkandeRad:
    id: int
    nr: int
    yrkare: str
    yrkande: str
    instammer: str
    aterkallat: bool


@dataclass(frozen=True)
class FragaRad:
    nr: int
    text: str
    lage: str  # "avgjord", "pågår", "" (later)


@dataclass(frozen=True)
class RostRad:
    person_id: int
    nr: int
    namn: str
    rost: Rost | None
    ordforande: bool


@dataclass(frozen=True)
class PersonRad:
    """Someone serving on the §: offered a reservation, reserved, or neither."""

    person_id: int
    namn: str
    erbjuds: bool
    avstod: bool
    reservation_id: int | None
    reservation: str
    anteckning_id: int | None
    anteckning: str


class YrkandeModel(RowsModel):
    NR, YRKARE, YRKANDE, INSTAMMER = range(4)
    HEADERS = ("#", "Yrkare", "Yrkande", "Instämmer")

    def key(self, row: YrkandeRad) -> Any:
        return row.id

    def cell(self, row: YrkandeRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (str(row.nr), row.yrkare, row.yrkande, row.instammer)[column]
        if role == TIP and column:
            return _tip((row.nr, row.yrkare, row.yrkande, row.instammer)[column])  # type: ignore[arg-type]
        if role == FG and row.aterkallat:
            return QBrush(QColor("#6b7280"))
        if role == FONT and row.aterkallat:
            font = _bold()
            font.setBold(False)
            font.setStrikeOut(True)
            return font
        return None


class OrdningModel(RowsModel):
    NR, FRAGA, LAGE = range(3)
    HEADERS = ("#", "Fråga", "Läge")

    def key(self, row: FragaRad) -> Any:
        return (row.nr, row.text)

    def cell(self, row: FragaRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (str(row.nr), row.text, versal(row.lage))[column]
        if role == TIP and column:
            return _tip((row.text, row.text, versal(row.lage))[column])
        if role == BG and row.lage == "pågår":
            return QBrush(QColor("#fff3c4"))
        if role == FG and row.lage == "avgjord":
            return QBrush(QColor("#374151"))
        return None


ROST_COLORS = {
    Rost.JA: ("#d7f0d9", "#14532d"),
    Rost.NEJ: ("#fde2e2", "#7f1d1d"),
    Rost.AVSTAR: ("#eeeeee", "#374151"),
}


class RostModel(RowsModel):
    """The roll call: those serving, seat order, the chair last."""

    NR, NAMN, ROST = range(3)
    HEADERS = ("#", "Ledamot", "Röst")

    def key(self, row: RostRad) -> Any:
        return row.person_id

    def person(self, row: int) -> RostRad | None:
        item: RostRad | None = self.row_at(row)
        return item

    def cell(self, row: RostRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            name = f"{row.namn}  (ordförande)" if row.ordforande else row.namn
            return (str(row.nr), name, row.rost.label if row.rost else "")[column]
        if column == self.ROST and row.rost is not None:
            bg, fg = ROST_COLORS[row.rost]
            if role == BG:
                return QBrush(QColor(bg))
            if role == FG:
                return QBrush(QColor(fg))
            if role == FONT:
                return _bold()
        return None


class PersonModel(RowsModel):
    NAMN, RESERVATION, ANTECKNING = range(3)
    HEADERS = ("Tjänstgörande", "Reservation", "Anteckning")

    def key(self, row: PersonRad) -> Any:
        return row.person_id

    def person(self, row: int) -> PersonRad | None:
        item: PersonRad | None = self.row_at(row)
        return item

    def cell(self, row: PersonRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            if column == self.RESERVATION:
                if row.reservation:
                    return row.reservation
                if row.avstod:
                    return "avstod – kan inte reservera sig"
                return "erbjuds (R / S)" if row.erbjuds else ""
            return (row.namn, "", row.anteckning)[column]
        if role == BG and column == self.RESERVATION:
            if row.reservation:
                return QBrush(QColor("#d7f0d9"))
            if row.erbjuds:
                return QBrush(QColor("#fff3c4"))
        if role == FONT and row.erbjuds and column == self.NAMN:
            return _bold()
        if role == FG and row.avstod and not row.reservation:
            return QBrush(QColor("#6b7280"))
        if role == TIP:
            return _tip(self.cell(row, column, DISPLAY))
        return None
