"""Sitting states kept between units of work, each with the change numbers it was read at.

On every key press of a live session the state of the sitting (the ärenden, the attendance
events and the timeline built from them, the register on the meeting's day) was read and built
again from six tables: more than half of the key's work. `Reads` keeps the last state of each
meeting here, and uses it only while nothing it was made from has changed: its key is the
meeting's change number and the register's (store.andringar), which every commit that changes
them raises, from any connection, and the meeting's first § number, which another meeting of
the year can move. A unit of work that changed the state itself and knows the state after
(an attendance event, the cursor: `Reads.wrote(state=…)`) leaves that state here with the
numbers its commit raised, so the next key press reads nothing of it again.

What the state is made from, by table: the meeting's row and its ärenden and attendance events
(INPUTS), and the register. The log is not among them: the one log entry the state reads (a
decision without quorum confirmed, sittning.UNDANTAG) is only written by
session.quorum_override, which gives the state after it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from sqlalchemy.orm import Session

from secretary.services.read.sittning import SessionState
from secretary.store.andringar import ALLA, REGISTER, Andring

INPUTS = frozenset({"meeting", "arende", "narvaro_handelse"})
# Inputs a write can give the state after (Reads.wrote(state=…)): events and the cursor.
HARLEDBARA = frozenset({"meeting", "narvaro_handelse"})
PLATSER = 16  # meetings kept per database; a secretary has one or two open

Nyckel = tuple[int, int, int]  # meeting's change number, register's, first § number


class Sittningsminne:
    """Locked: the window's thread and a background check may read at the same time."""

    def __init__(self) -> None:
        self._states: OrderedDict[int, tuple[Nyckel, SessionState]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, meeting_id: int, key: Nyckel) -> SessionState | None:
        with self._lock:
            kept = self._states.get(meeting_id)
            if kept is None or kept[0] != key:
                return None
            self._states.move_to_end(meeting_id)
            return kept[1]

    def put(self, meeting_id: int, key: Nyckel, state: SessionState) -> None:
        with self._lock:
            self._states[meeting_id] = (key, state)
            self._states.move_to_end(meeting_id)
            while len(self._states) > PLATSER:
                self._states.popitem(last=False)


_minnen: WeakKeyDictionary[object, Sittningsminne] = WeakKeyDictionary()


_minnen_lock = threading.Lock()


def minne(session: Session) -> Sittningsminne:
    """The cache of the database this session works on (one per connection pool: a Store's
    sessions for writing, for snapshots and for reading share it)."""
    pool = session.get_bind().pool  # type: ignore[union-attr]
    with _minnen_lock:
        if pool not in _minnen:
            _minnen[pool] = Sittningsminne()
        return _minnen[pool]


def beror(changes: Iterable[Andring], meeting_id: int, tables: frozenset[str] = INPUTS) -> bool:
    """Whether these changes touch `tables` of the meeting, or the register."""
    return any(
        table in REGISTER or (table in tables and m in (meeting_id, ALLA))
        for change in changes
        for table, m in change
    )


def harledbara(changes: Iterable[Andring], meeting_id: int) -> bool:
    """Whether every change of the meeting's state among these is one a write can give the
    state after (HARLEDBARA): nothing of the register, of its ärenden, or unnamed."""
    return not beror(changes, meeting_id, INPUTS - HARLEDBARA)
