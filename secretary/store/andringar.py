"""Change numbers: each meeting's, and the register's, raised by every commit that changes them.

A live session derives its state (the attendance timeline, the register on the meeting's day)
from several tables on every key press. Reading them all again on each key cost more than
the rest of the key together. A copy kept between units of work is faster, but only right if
nothing it was made from changed meanwhile, also not from another connection (another window,
another secretary on the shared PostgreSQL register). These numbers say so cheaply:

- `meeting.andringsnummer` is raised by a commit that changed the meeting's row or a row that
  names it by `meeting_id` (its ärenden, attendance events, log …). A § row that names only its
  ärende (yrkanden, beslut) does not raise it.
- the register's number (`andringsnummer` row "register") is raised by a commit that changed
  a person, party, organ, membership or ersättarordning.

Both are raised in the same transaction as the change, just before its commit, so no change
is committed without them. A copy made when the numbers were (m, r) is right while they are.
On PostgreSQL the meeting row is the one every live-session write locks first anyway
(services.las), and the register row is only taken by register changes, so the numbers add
no lock a writer did not already wait for.

What a unit of work changed is kept in `session.info` as a list of changes, each a set of
(table, meeting id) pairs (`andringar(session)`), so a cache can tell which of its copies the
unit of work itself changed. An INSERT/UPDATE/DELETE statement (not a flush) cannot name its
rows; it counts as a change of every meeting and of the register. A statement marked with the
execution option LAS (the row lock of services.las, which sets a column to itself) changes
nothing and is not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from secretary.store.models import Andringsnummer, Meeting

LAS = "secretary_las"  # execution option: a lock that changes nothing
REGISTER = frozenset({"person", "party", "organ", "membership", "ersattarordning_parti"})
ALLA = -1  # meeting id of a change that cannot say which meeting it concerned: all of them
_ANDRINGAR = "andringar.lista"
_EFTER = "andringar.efter_commit"
_NUMMER = "andringar.nummer"

Andring = frozenset[tuple[str, int | None]]  # (table, meeting id or None) per changed row


@dataclass(frozen=True)
class Nummer:
    """The numbers after a commit: per meeting it raised, and the register's if raised."""

    moten: dict[int, int]
    register: int | None


def andringar(session: Session) -> list[Andring]:
    """The changes of this unit of work so far, one entry per flush or statement."""
    return list(session.info.get(_ANDRINGAR, ()))


def registernummer(session: Session) -> int | None:
    """The register's change number as this unit of work sees it (None: not in the schema)."""
    query = select(Andringsnummer.n).where(Andringsnummer.namn == "register")
    return session.connection().execute(query).scalar()


def nummer_efter_commit(session: Session) -> Nummer | None:
    """Inside an `efter_commit` callback: the numbers this unit of work raised."""
    value = session.info.get(_NUMMER)
    return value if isinstance(value, Nummer) else None


def efter_commit(session: Session, callback: Callable[[Session], None]) -> None:
    """Run `callback(session)` once this unit of work has committed (not on a rollback)."""
    session.info.setdefault(_EFTER, []).append(callback)


def _moten(obj: Any) -> set[int | None]:
    if isinstance(obj, Meeting):
        return {obj.id}
    if not hasattr(obj, "meeting_id"):
        return {None}
    history = inspect(obj).attrs.meeting_id.history  # an ärende moved: both meetings
    ids = {obj.meeting_id, *history.deleted}
    return {i for i in ids if isinstance(i, int)} or {None}


def _flushed(session: Session, _flush: UOWTransaction) -> None:
    change: set[tuple[str, int | None]] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        table = getattr(obj, "__tablename__", None)
        if isinstance(table, str):
            change |= {(table, m) for m in _moten(obj)}
    if change:
        session.info.setdefault(_ANDRINGAR, []).append(frozenset(change))


def _executed(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.execution_options.get(LAS):
        return
    table = getattr(getattr(state.statement, "table", None), "name", "?")
    change = frozenset({(str(table), ALLA), *((t, None) for t in REGISTER)})
    state.session.info.setdefault(_ANDRINGAR, []).append(change)


def _before_commit(session: Session) -> None:
    session.flush()  # what is still pending is part of the commit, and of its numbers
    changes = session.info.get(_ANDRINGAR)
    if not changes:
        return
    rows = {pair for change in changes for pair in change}
    meetings = {m for table, m in rows if m is not None and table not in REGISTER}
    raised = update(Meeting).values(andringsnummer=Meeting.andringsnummer + 1)
    if ALLA not in meetings:
        raised = raised.where(Meeting.id.in_(meetings))
    # On the session's connection, not through the ORM: these rows are not objects of the
    # unit of work (and a statement there is not counted as a change of its own).
    connection = session.connection()
    moten: dict[int, int] = {}
    if meetings:
        done = connection.execute(raised.returning(Meeting.id, Meeting.andringsnummer))
        moten = {mid: n for mid, n in done}
    register = None
    if any(table in REGISTER for table, _ in rows):
        register = connection.execute(
            update(Andringsnummer)
            .where(Andringsnummer.namn == "register")
            .values(n=Andringsnummer.n + 1)
            .returning(Andringsnummer.n)
        ).scalar()
    session.info[_NUMMER] = Nummer(moten, register)


def _after_commit(session: Session) -> None:
    callbacks = session.info.pop(_EFTER, [])
    try:
        for callback in callbacks:
            callback(session)
    finally:
        _reset(session)


def _reset(session: Session, *_: Any) -> None:
    for key in (_ANDRINGAR, _NUMMER, _EFTER):
        session.info.pop(key, None)


def install(sessions: Any) -> None:
    event.listen(sessions, "after_flush", _flushed)
    event.listen(sessions, "do_orm_execute", _executed)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_rollback", _reset)
