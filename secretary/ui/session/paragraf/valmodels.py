"""Table models of a val § in the session window: the posts to fill, and for the post at the
cursor its count: the nominees with their votes (acklamation, sluten omröstning), or the
valsedelsgrupper with theirs (proportionellt val). Rows are frozen and built from
`services.read.val.ValVy`; the votes column is edited in place (type the number, Enter),
which emits `counted` for the panel to record: the model itself never changes its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from secretary.domain.val import Personlig, Post, Valresultat, Valsatt, gruppnamn, roll_ord
from secretary.domain.val_text import period, tal
from secretary.services.read.val import ValVy
from secretary.ui.session.models import DISPLAY, FG, RowsModel

EDIT = Qt.ItemDataRole.EditRole
_Index = QModelIndex | QPersistentModelIndex

BLANKA = "blanka"
OGILTIGA = "ogiltiga"


@dataclass(frozen=True)
class PostRad:
    nr: int
    post: str
    period: str
    valsatt: str
    lage: str
    problem: bool
    entledigande: int = -1  # the row is entledigande number `entledigande`, not a post


@dataclass(frozen=True)
class RakningRad:
    """One line of the count: a nominee or a valsedelsgrupp (`index`), or the blank or
    invalid ballots (`slag`)."""

    slag: str  # "kandidat", "grupp", BLANKA, OGILTIGA
    index: int
    namn: str
    detalj: str  # nominated by whom; a group's names; its seats
    roster: int | None  # None: nothing to count (acklamation)
    vald: str


def _lage(post: Post, res: Valresultat, hinder: tuple[str, ...]) -> str:
    if hinder:
        return "⚠ " + hinder[0]
    if res.behov is not None:
        return f"Lottning om plats {res.behov.plats}"
    if not res.valda:
        return "Inga valda ännu"
    return f"{len(res.valda)} av {post.platser} valda"


def post_rows(vy: ValVy) -> list[PostRad]:
    out = []
    for i, (post, res, hinder) in enumerate(
        zip(vy.data.poster, vy.resultat, vy.hinder, strict=True)
    ):
        out.append(
            PostRad(
                i + 1,
                f"{post.platser} {roll_ord(post.roll, post.platser)} i {post.organ}",
                period(post.fran, post.till),
                post.valsatt.label,
                _lage(post, res, hinder),
                bool(hinder) or res.behov is not None,
            )
        )
    for j, e in enumerate(vy.data.entlediganden):
        out.append(
            PostRad(
                len(out) + 1,
                f"Entledigande: {e.kandidat.label}",
                f"från och med {e.fran.isoformat()}",
                "",
                f"{roll_ord(e.roll, 1)} i {e.organ}",
                False,
                j,
            )
        )
    return out


def rakning_rows(
    post: Post, res: Valresultat, personliga: Sequence[Personlig] = ()
) -> list[RakningRad]:
    """`personliga`: whom each elected ersättare replaces, shown beside 'vald'."""
    valda = {k.nyckel for k in res.valda}
    tied = {p.ersattare.nyckel: p.ledamot for p in personliga if p.ledamot is not None}
    out: list[RakningRad] = []
    if post.valsatt is Valsatt.PROPORTIONELL:
        names = gruppnamn(post.grupper)
        f = res.fordelning
        for i, g in enumerate(post.grupper):
            seats = f.for_grupp(i) if f is not None else []
            vald = ", ".join(f"plats {p.nummer} ({tal(p.jamforelsetal)})" for p in seats)
            lista = ", ".join(k.label for k in g.namn)
            out.append(RakningRad("grupp", i, names[i], lista, g.roster, vald))
    else:
        counted = post.valsatt is Valsatt.SLUTEN
        roster = list(post.roster) + [0] * (len(post.nomineringar) - len(post.roster))
        for i, n in enumerate(post.nomineringar):
            vald = "vald" if n.kandidat.nyckel in valda else ""
            if (ledamot := tied.get(n.kandidat.nyckel)) is not None:
                vald += f", personlig ersättare för {ledamot.label}"
            out.append(
                RakningRad(
                    "kandidat",
                    i,
                    n.kandidat.label,
                    f"nominerad av {n.av}" if n.av else "",
                    roster[i] if counted else None,
                    vald,
                )
            )
    if post.valsatt is not Valsatt.ACKLAMATION:
        out.append(RakningRad(BLANKA, -1, "Blanka valsedlar", "räknas inte", post.blanka, ""))
        out.append(RakningRad(OGILTIGA, -1, "Ogiltiga valsedlar", "räknas inte", post.ogiltiga, ""))
    return out


class PostModel(RowsModel):
    NR, POST, PERIOD, VALSATT, LAGE = range(5)
    HEADERS = ("#", "Post", "Mandattid", "Valsätt", "Läge")

    def key(self, row: PostRad) -> Any:
        return row.nr

    def cell(self, row: PostRad, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (str(row.nr), row.post, row.period, row.valsatt, row.lage)[column]
        if role == FG and column == self.LAGE and row.problem:
            return QBrush(QColor("#7f1d1d"))
        return None


class RakningModel(RowsModel):
    """The count of one post. Only the votes column is editable; an edit is a request."""

    NAMN, DETALJ, ROSTER, VALD = range(4)
    HEADERS = ("Kandidat", "Nominerad av", "Röster", "Vald")
    counted = Signal(object, int)  # (RakningRad, the number typed)

    def key(self, row: RakningRad) -> Any:
        return (row.slag, row.index, row.namn)

    def cell(self, row: RakningRad, column: int, role: int) -> Any:
        if role in (DISPLAY, EDIT):
            if column == self.ROSTER:
                if row.roster is None:
                    return "" if role == DISPLAY else None
                return str(row.roster) if role == DISPLAY else row.roster
            return (row.namn, row.detalj, None, row.vald)[column] if role == DISPLAY else None
        if role == FG and row.slag in (BLANKA, OGILTIGA):
            return QBrush(QColor("#6b7280"))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.row_at(index.row())
        if index.column() == self.ROSTER and row is not None and row.roster is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = EDIT) -> bool:
        row = self.row_at(index.row())
        if role != EDIT or row is None or index.column() != self.ROSTER:
            return False
        try:
            number = int(value)
        except (TypeError, ValueError):
            return False
        if number != row.roster:
            self.counted.emit(row, number)
        return True
