"""What a write changed, and what undoes it, as typed values (style.md, habit 2 and 3).

Every action in a live session returns an `Andring`: a Swedish sentence saying what was done
(the undo stack and the status bar show it), the state after it read in the same unit of
work (the sitting state, the § view, or both), and the `Atgard` that undoes it. An `Atgard`
is a frozen dataclass naming one service call with its arguments; running it returns the
next `Andring`, whose `undo` is the way back again. So the window pushes what it gets and
never writes an inverse itself.

Putting back something that was removed (an event, a reservation) may give it a new id.
`Ids` maps every id an action was given to the one the row has now; the actions resolve their
ids through it when they run, so an older action on the stack still finds its row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from secretary.services.read.paragraf import ParagrafVy
    from secretary.services.read.sittning import HandelseRad, SessionState
    from secretary.services.read.val import ValLage
    from secretary.store.database import Store

HANDELSE = "handelse"
YRKANDE = "yrkande"
RESERVATION = "reservation"
ANTECKNING = "anteckning"

Flytt = tuple[str, int, int]  # (kind, old id, new id)


class Ids:
    """Old id -> the id the same row has now, per kind of row."""

    def __init__(self) -> None:
        self._moved: dict[tuple[str, int], int] = {}

    def moved(self, kind: str, old: int, new: int) -> None:
        if old != new:
            self._moved[(kind, old)] = new

    def apply(self, flyttade: Iterable[Flytt]) -> None:
        for kind, old, new in flyttade:
            self.moved(kind, self.current(kind, old), new)

    def current(self, kind: str, id_: int) -> int:
        seen = {id_}
        while (kind, id_) in self._moved:
            id_ = self._moved[(kind, id_)]
            if id_ in seen:  # a row that came back under an id it had before
                break
            seen.add(id_)
        return id_


class Atgard(Protocol):
    """One service call that can be run again later (to undo, or to redo)."""

    def __call__(self, store: Store, ids: Ids) -> Andring: ...


@dataclass(frozen=True)
class Andring:
    """What a write did. `undo` is None when there is nothing to take back (an answer that
    was already given, a logged override)."""

    text: str
    undo: Atgard | None = None
    sittning: SessionState | None = None
    vy: ParagrafVy | None = None
    id: int | None = None  # the id of what the write created
    handelse: HandelseRad | None = None  # the attendance event written or removed
    flyttade: tuple[Flytt, ...] = ()
    val: ValLage | None = None  # a val write: the § as a val after it (services.val)
