"""Undo commands for the session: each does and undoes through the session service.

The first `redo` happens before the command is pushed (`perform`), so a refusal never reaches
the stack. A refused undo or redo later on (ServiceError: later events rest on this one) is
caught, kept in `error`, and `undo()` / `redo()` below step the stack back so its index
still matches the database.

Redoing a removed event re-inserts it under a new id; `Ids` maps every id a command ever
knew to the current one, so a later command (a time correction) still finds its event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from secretary.domain.narvaro import HandelseTyp
from secretary.services import session
from secretary.services.errors import ServiceError
from secretary.services.session import HandelseRad, Upprop
from secretary.store.database import Store


class Ids:
    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._moved[old] = new

    def current(self, event_id: int) -> int:
        while event_id in self._moved:
            event_id = self._moved[event_id]
        return event_id


class SessionCommand(QUndoCommand):
    def __init__(self, store: Store, meeting_id: int, ids: Ids, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.meeting_id = meeting_id
        self.ids = ids
        self.error: str | None = None
        self._skip = True  # the first redo() is the push: `perform` has done it already

    def perform(self) -> None:
        """Do it for the first time; raises ServiceError, and nothing is pushed."""
        self.do()

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_it)

    def _guard(self, fn: Callable[[], None]) -> None:
        if self._skip:
            self._skip = False
            return
        try:
            fn()
        except ServiceError as exc:
            self.error = str(exc)


class Call(SessionCommand):
    """Any action whose undo is another service call."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self._do, self._undo = do, undo

    def do(self) -> None:
        self._do()

    def undo_it(self) -> None:
        self._undo()


def push(stack: QUndoStack, command: SessionCommand) -> None:
    command.perform()
    stack.push(command)


def _step(stack: QUndoStack, forward: bool) -> str | None:
    index = stack.index() if forward else stack.index() - 1
    if not 0 <= index < stack.count():
        return None
    command = stack.command(index)
    stack.redo() if forward else stack.undo()
    if not isinstance(command, SessionCommand) or command.error is None:
        return None
    message, command.error = command.error, None
    command._skip = True  # step back without running anything: the database never changed
    stack.undo() if forward else stack.redo()
    return message


def undo(stack: QUndoStack) -> str | None:
    """Undo one step; the Swedish refusal if the service refused (the stack is unchanged)."""
    return _step(stack, forward=False)


def redo(stack: QUndoStack) -> str | None:
    return _step(stack, forward=True)


class UppropCommand(SessionCommand):
    """An answer at the roll call; undo restores the previous answer (with its time)."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        person_id: int,
        status: Upprop,
        time: dt.time | None,
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self.person_id = person_id
        self.status = status
        self.time = time
        self.before = Upprop.FRANVARANDE
        self.before_time: dt.time | None = None
        self.added: HandelseRad | None = None
        self.removed: HandelseRad | None = None
        self.changed = True

    def perform(self) -> None:
        self.removed, self.added = session.mark_upprop(
            self.store, self.meeting_id, self.person_id, self.status, self.time
        )
        if self.removed is not None:
            self.before = Upprop.DISTANS if self.removed.distans else Upprop.NARVARANDE
            self.before_time = self.removed.time
        self.changed = self.removed is not None or self.added is not None

    def _mark(self, status: Upprop, time: dt.time | None, old: HandelseRad | None) -> None:
        _, added = session.mark_upprop(self.store, self.meeting_id, self.person_id, status, time)
        if old is not None and added is not None:
            self.ids.moved(self.ids.current(old.id), added.id)

    def do(self) -> None:
        self._mark(self.status, self.time, self.added)

    def undo_it(self) -> None:
        self._mark(self.before, self.before_time, self.removed)


class _EventCommand(SessionCommand):
    """An attendance event that comes and goes: putting it back re-inserts it under a new id,
    which `ids` maps from the old one."""

    event: HandelseRad | None = None

    def _take_back(self, event_id: int) -> None:
        self.event = session.remove_event(self.store, self.ids.current(event_id))

    def _put_back(self) -> None:
        assert self.event is not None
        again = session.restore_event(self.store, self.meeting_id, self.event)
        self.ids.moved(self.event.id, again.id)
        self.event = again


class RecordCommand(_EventCommand):
    """An arrival, departure, jäv or an ersättare taking a seat; undo removes the event."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        kind: HandelseTyp,
        person_id: int,
        time: dt.time | None,
        seat: int | None = None,
    ) -> None:
        super().__init__(store, meeting_id, ids, text)
        self.kind = kind
        self.person_id = person_id
        self.time = time
        self.seat = seat

    def perform(self) -> None:
        self.event = session.record(
            self.store, self.meeting_id, self.kind, self.person_id, time=self.time, seat=self.seat
        )

    def undo_it(self) -> None:
        assert self.event is not None
        self._take_back(self.event.id)

    def do(self) -> None:
        self._put_back()


class RemoveCommand(_EventCommand):
    """Taking back an event from the log (a correction); undo puts it back."""

    def __init__(self, store: Store, meeting_id: int, ids: Ids, text: str, event_id: int) -> None:
        super().__init__(store, meeting_id, ids, text)
        self.event_id = event_id

    def do(self) -> None:
        self._take_back(self.event_id)

    def undo_it(self) -> None:
        self._put_back()


class CursorCommand(Call):
    """Moving to an ärende, or starting to handle it (a class of its own: moving away from
    a § with a half-entered yrkande asks first)."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        ids: Ids,
        text: str,
        to: tuple[int, bool],
        came_from: tuple[int, bool],
    ) -> None:
        super().__init__(
            store,
            meeting_id,
            ids,
            text,
            lambda: session.set_cursor(store, meeting_id, *to),
            lambda: session.set_cursor(store, meeting_id, *came_from),
        )


def time_command(
    store: Store,
    meeting_id: int,
    ids: Ids,
    text: str,
    event_id: int,
    time: dt.time | None,
    before: dt.time | None,
) -> Call:
    """Correcting the time of an event (taken from the clock when it was recorded)."""
    return Call(
        store,
        meeting_id,
        ids,
        text,
        lambda: session.set_event_time(store, ids.current(event_id), time),
        lambda: session.set_event_time(store, ids.current(event_id), before),
    )
