"""The one lock every editing service asks before it changes a meeting
(secretary.domain.arbetsgang.redigeringshinder): after justering it explains rättelse.

`las_mote` takes the meeting's row before anything is read that a check rests on. On SQLite
the write transaction holds the whole file already (store.database); on the shared
PostgreSQL register two secretaries may work at once, and the row is what orders them: an
edit waits for a justering in progress and then sees the meeting justerat, and a justering
that began while an edit was under way is refused by PostgreSQL and taken again on a
snapshot with the edit in it (Store.in_snapshot). The lock is an UPDATE that changes
nothing, because PostgreSQL detects that conflict for an updated row, not for one only
locked (SELECT … FOR UPDATE).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import RATTELSE, Del, redigeringshinder
from secretary.services.errors import NotFoundError, ServiceError
from secretary.store.andringar import LAS
from secretary.store.models import Meeting, ParagrafBeslut


def las_mote(session: Session, meeting_id: int) -> Meeting:
    """The meeting's row, locked for this unit of work and read after the lock."""
    if session.get_bind().dialect.name == "sqlite":
        # BEGIN IMMEDIATE (store.database) already holds the file for this unit of work.
        meeting = session.get(Meeting, meeting_id, populate_existing=True)
        if meeting is None:
            raise NotFoundError("Sammanträdet finns inte längre; listan uppdateras.")
        return meeting
    done = session.execute(
        update(Meeting)
        .where(Meeting.id == meeting_id)
        .values(state=Meeting.state)
        .execution_options(synchronize_session=False, **{LAS: True})
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        raise NotFoundError("Sammanträdet finns inte längre; listan uppdateras.")
    meeting = session.scalars(
        select(Meeting).where(Meeting.id == meeting_id).execution_options(populate_existing=True)
    ).one()
    return meeting


def kontrollera(meeting: Meeting, del_: Del) -> None:
    """Raise ServiceError with the Swedish reason when `del_` of the meeting is closed."""
    hinder = redigeringshinder(meeting.state, del_)
    if hinder is not None:
        raise ServiceError(hinder)


def oppna(session: Session, meeting_id: int, del_: Del) -> Meeting:
    """The meeting locked and checked: open for changes to `del_`, or refused."""
    meeting = las_mote(session, meeting_id)
    kontrollera(meeting, del_)
    return meeting


def kontrollera_paragraf(session: Session, meeting: Meeting, arende_id: int) -> None:
    """As kontrollera(TEXT), and a § that was justerad omedelbart is locked on its own."""
    kontrollera(meeting, Del.TEXT)
    justerad = session.scalar(
        select(ParagrafBeslut.omedelbart_justerad).where(ParagrafBeslut.arende_id == arende_id)
    )
    if justerad is not None:
        raise ServiceError(
            "Paragrafen är omedelbart justerad och därmed låst." + RATTELSE.split("låst.", 1)[1]
        )
