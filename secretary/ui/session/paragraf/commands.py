"""Undo commands for the § panel: each does and undoes through `services.beslut`.

They ride the session window's QUndoStack and its refusal handling (`SessionCommand`).
Recorded steps of the beslutsgång are undone with `angra_steg` and redone with
`aterstall_steg`; a vote is undone by giving the previous answer again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from secretary.services import beslut
from secretary.store.database import Store
from secretary.ui.session.commands import Ids, SessionCommand


class Created(SessionCommand):
    """Adding something that gets an id (a yrkande, reservation, anteckning); undo removes
    it, redo adds it again. `add` is given the id to keep (None the first time); a service
    that cannot keep it returns a new one, which `ids` maps from the first."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        add: Callable[[int | None], int],
        remove: Callable[[int], Any],
        first: int | None = None,
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self._add, self._remove = add, remove
        self.first = first

    def do(self) -> None:
        new = self._add(None if self.first is None else self.ids.current(self.first))
        if self.first is None:
            self.first = new
        else:
            self.ids.moved(self.ids.current(self.first), new)

    def undo_it(self) -> None:
        assert self.first is not None
        self._remove(self.ids.current(self.first))


class Removed(Created):
    """Removing something with an id (`first`); undo adds it back (its own id kept where the
    service can, else a new one, mapped)."""

    def do(self) -> None:
        assert self.first is not None
        self._remove(self.ids.current(self.first))

    def undo_it(self) -> None:
        assert self.first is not None
        current = self.ids.current(self.first)
        self.ids.moved(current, self._add(current))


class Steg(SessionCommand):
    """A recorded step of the beslutsgång (a finding, or opening a votering)."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        arende_id: int,
        record: Callable[[], Any],
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self.arende_id = arende_id
        self._record = record
        self.saved: tuple[int, dict[str, Any]] | None = None

    def perform(self) -> None:
        self._record()

    def undo_it(self) -> None:
        self.saved = beslut.angra_steg(self.store, self.arende_id)

    def do(self) -> None:
        assert self.saved is not None
        beslut.aterstall_steg(self.store, self.arende_id, *self.saved)


class Lika(SessionCommand):
    """The tie decided (utslagsröst or lottning); undo puts the undecided step back."""

    def __init__(
        self, store: Store, meeting_id: int, ids: Ids, text: str, arende_id: int, vinnare: str
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self.arende_id = arende_id
        self.vinnare = vinnare
        self.before: tuple[int, dict[str, Any]] | None = None

    def perform(self) -> None:
        before = beslut.angra_steg(self.store, self.arende_id)
        assert before is not None
        beslut.aterstall_steg(self.store, self.arende_id, *before)
        self.before = before
        self.do()

    def do(self) -> None:
        beslut.avgor_lika(self.store, self.arende_id, self.vinnare)

    def undo_it(self) -> None:
        assert self.before is not None
        beslut.angra_steg(self.store, self.arende_id)
        beslut.aterstall_steg(self.store, self.arende_id, *self.before)
