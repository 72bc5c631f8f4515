"""Table models for the session panels, over the frozen rows of `rows.py`.

A refresh after every action must not lose the secretary's place: `set_rows` compares keys
and tells the views only what changed (rows removed, inserted, repainted), so the current
row and selection stay and nothing is re-read that did not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from secretary.domain.datum_text import klockslag
from secretary.domain.sprak import versal
from secretary.ui.models import RowsModel as TableRows
from secretary.ui.session.rows import (
    UPPROP_TEXT,
    ArendePunkt,
    HandelsePost,
    PersonRad,
    PlatsRad,
    Status,
    VakansRad,
)

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
BG = Qt.ItemDataRole.BackgroundRole
FG = Qt.ItemDataRole.ForegroundRole
FONT = Qt.ItemDataRole.FontRole

# Colours always come with a word ("Närvarande", "Jäv"), never alone.
STATUS_COLORS: dict[Status, tuple[str, str]] = {
    Status.NARVARANDE: ("#d7f0d9", "#14532d"),
    Status.DISTANS: ("#d6e6fb", "#1e3a8a"),
    Status.FRANVARANDE: ("#eeeeee", "#555555"),
    Status.LAMNAT: ("#fde2c4", "#7c2d12"),
    Status.JAV: ("#eadcf7", "#581c87"),
}
STATUS_MARK = {
    Status.NARVARANDE: "● ",
    Status.DISTANS: "◐ ",
    Status.FRANVARANDE: "○ ",
    Status.LAMNAT: "→ ",
    Status.JAV: "⊘ ",
}


def _bold(size_delta: int = 0) -> QFont:
    font = QFont()
    font.setBold(True)
    if size_delta:
        font.setPointSize(font.pointSize() + size_delta)
    return font


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


class RowsModel(TableRows):
    """A list of frozen rows, a header per column, and a refresh that keeps the place."""

    def key(self, row: Any) -> Any:
        return row

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows, telling the views only what changed: rows whose key is gone
        are removed, new keys inserted, and changed rows repainted. A reset would make every
        view re-read every cell and lose its current row on each key press of the session."""
        new = list(rows)
        old = self._rows
        keys_old = [self.key(r) for r in old]
        keys_new = [self.key(r) for r in new]
        if keys_old != keys_new:
            head = 0
            while head < min(len(old), len(new)) and keys_old[head] == keys_new[head]:
                head += 1
            tail = 0
            while (
                tail < min(len(old), len(new)) - head
                and keys_old[len(old) - 1 - tail] == keys_new[len(new) - 1 - tail]
            ):
                tail += 1
            kept_tail = old[len(old) - tail :]
            if len(old) - tail > head:
                self.beginRemoveRows(_NO_INDEX, head, len(old) - tail - 1)
                self._rows = old[:head] + kept_tail
                self.endRemoveRows()
            if len(new) - tail > head:
                self.beginInsertRows(_NO_INDEX, head, len(new) - tail - 1)
                self._rows = old[:head] + new[head : len(new) - tail] + kept_tail
                self.endInsertRows()
            old = self._rows
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        self._rows = new
        last = len(self._headers) - 1
        for first, end in _runs(changed):  # only those rows repaint, not all between them
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class PersonModel(RowsModel):
    NAMN, FUNKTION, STATUS, TJANSTGORING, UPPROP = range(5)
    HEADERS = ("Namn", "Funktion/titel", "Status", "Tjänstgöring", "Vid upprop")

    def key(self, row: PersonRad) -> Any:
        return (row.person_id, row.namn if row.heading else None)

    def person(self, row: int) -> PersonRad | None:
        item: PersonRad | None = self.row_at(row)
        return item if item is not None and not item.heading else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or row.heading:
            return Qt.ItemFlag.NoItemFlags  # arrow keys step over group headings
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell(self, row: PersonRad, column: int, role: int) -> Any:
        if row.heading:
            if role == DISPLAY and column == 0:
                return row.namn
            if role == FONT:
                return _bold(1)
            if role == BG:
                return QBrush(QColor("#dfe3e8"))
            if role == FG:
                return QBrush(QColor("#1f2937"))
            return None
        if role == DISPLAY:
            return self._text(row, column)
        if column == self.STATUS:
            bg, fg = STATUS_COLORS[row.status]
            if role == BG:
                return QBrush(QColor(bg))
            if role == FG:
                return QBrush(QColor(fg))
            if role == FONT:
                return _bold()
        if role == FONT and column == self.NAMN and row.status is not Status.FRANVARANDE:
            return _bold()
        if role == FG and row.status is Status.FRANVARANDE and column != self.STATUS:
            return QBrush(QColor("#6b7280"))
        return None

    def _text(self, row: PersonRad, column: int) -> str:
        if column == self.NAMN:
            return row.namn
        if column == self.FUNKTION:
            return versal(row.funktion)
        if column == self.STATUS:
            return STATUS_MARK[row.status] + row.status.value
        if column == self.TJANSTGORING:
            return row.tjanstgoring
        if column == self.UPPROP:
            return UPPROP_TEXT[row.upprop]
        return ""


class AgendaModel(RowsModel):
    PARAGRAF, RUBRIK, LAGE = range(3)
    HEADERS = ("§", "Ärende", "Läge")

    def key(self, row: ArendePunkt) -> Any:
        return row.position

    def cell(self, row: ArendePunkt, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row.paragraf, row.rubrik, versal(row.lage))[column]
        current = row.lage in ("behandlas", "nästa")
        if role == FONT and current:
            return _bold()
        if role == BG and current:
            return QBrush(QColor("#fff3c4" if row.lage == "behandlas" else "#e0ecff"))
        if role == FG and row.lage == "behandlad":
            return QBrush(QColor("#6b7280"))
        return None


class SeatModel(RowsModel):
    PLATS, TJANSTGOR, ANM = range(3)
    HEADERS = ("Plats", "Tjänstgör", "Anmärkning")

    def key(self, row: PlatsRad) -> Any:
        return row.seat

    def cell(self, row: PlatsRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (row.plats, row.tjanstgor, row.anm)[column]
        vacant = row.tjanstgor == "—"
        if vacant and role == BG:
            return QBrush(QColor("#fde2e2"))
        if vacant and role == FONT:
            return _bold()
        return None


class VacancyModel(RowsModel):
    PLATS, FORSLAG, FLER = range(3)
    HEADERS = ("Vakant plats", "Förslag (E antar)", "Andra (V väljer)")

    def key(self, row: VakansRad) -> Any:
        return (row.seat, row.overtagande)

    def cell(self, row: VakansRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, column)
        if role == FONT and column == self.FORSLAG and row.top is not None:
            return _bold()
        if role == BG and not row.overtagande:
            return QBrush(QColor("#fde2e2" if row.top is None else "#fff3c4"))
        if role == FG and row.overtagande:
            return QBrush(QColor("#374151"))
        return None

    def _text(self, row: VakansRad, column: int) -> str:
        if column == self.PLATS:
            if row.overtagande:
                return f"{row.plats} (nu {row.innehavare})"
            return row.plats
        if column == self.FORSLAG:
            if row.top is None:
                return "Ingen ersättare tillgänglig"
            return f"Kan ta över: {row.top.label}" if row.overtagande else row.top.label
        if column == self.FLER:
            more = len(row.forslag) - 1
            return f"{more} till" if more > 0 else ""
        return ""


class EventModel(RowsModel):
    """The event log, newest last. The time is editable; an edit is handed to `on_time`
    (the window turns it into an undoable command) instead of being written here."""

    TID, HANDELSE = range(2)
    HEADERS = ("Tid", "Händelse")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_time: Callable[[int, str], None] | None = None
        self.editable = True

    def key(self, row: HandelsePost) -> Any:
        return row.id

    def post(self, row: int) -> HandelsePost | None:
        item: HandelsePost | None = self.row_at(row)
        return item

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TID and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, row: HandelsePost, column: int, role: int) -> Any:
        if role in (DISPLAY, Qt.ItemDataRole.EditRole):
            return klockslag(row.time) if column == self.TID else row.text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TID:
            return "F2: rätta tiden (tt.mm)"
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.post(index.row()) if index.isValid() else None
        if row is None or index.column() != self.TID or role != Qt.ItemDataRole.EditRole:
            return False
        if self.on_time is not None and str(value) != klockslag(row.time):
            self.on_time(row.id, str(value))
        return True
