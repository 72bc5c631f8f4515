"""The one lock every editing service asks before it changes a meeting
(secretary.domain.arbetsgang.redigeringshinder): after justering it explains rättelse."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import RATTELSE, Del, redigeringshinder
from secretary.services.errors import ServiceError
from secretary.store.models import Meeting, ParagrafBeslut


def kontrollera(meeting: Meeting, del_: Del) -> None:
    """Raise ServiceError with the Swedish reason when `del_` of the meeting is closed."""
    hinder = redigeringshinder(meeting.state, del_)
    if hinder is not None:
        raise ServiceError(hinder)


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
