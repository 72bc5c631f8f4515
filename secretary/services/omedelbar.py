"""Omedelbar justering: §§ flagged at the meeting are justerade at once as their own document
(an utdrag with "Paragrafen justeras omedelbart"), stored as a version, and locked, before
the rest of the protocol is justerat (domain.md, 'Justering and anslag')."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from secretary.domain.arbetsgang import LAST, tillstand
from secretary.reports.utdrag import utdrag_pdf
from secretary.services.agenda import list_arenden
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.protokoll import protokoll_data
from secretary.services.versioner import Slag, VersionInfo, get_meeting, ny_version, version_info
from secretary.store.database import Store
from secretary.store.models import Arende, ParagrafBeslut


def justera_omedelbart(store: Store, meeting_id: int, now: dt.datetime) -> VersionInfo:
    """Justera every flagged § not yet justerad as one document; returns its version."""
    with store.session() as s:
        meeting = get_meeting(s, meeting_id)
        if tillstand(meeting.state) in LAST:
            raise ServiceError("Hela protokollet är redan justerat.")
        rows = s.execute(
            select(Arende.id, ParagrafBeslut.omedelbart_justerad)
            .join(ParagrafBeslut, ParagrafBeslut.arende_id == Arende.id)
            .where(Arende.meeting_id == meeting_id, ParagrafBeslut.omedelbar_justering)
        ).all()
    waiting = {aid for aid, done in rows if done is None}
    if not waiting:
        raise ServiceError(
            "Ingen paragraf väntar på omedelbar justering. Markera paragrafen "
            "”Paragrafen justeras omedelbart” först."
        )
    data = protokoll_data(store, meeting_id)
    numbers = {a.paragraf for a in list_arenden(store, meeting_id) if a.id in waiting}
    utdrag = data.utdrag(numbers)
    pdf = utdrag_pdf(utdrag, intygas=now.date())
    with store.session() as s:
        meeting = get_meeting(s, meeting_id)
        for aid in waiting:
            row = s.get(ParagrafBeslut, aid)
            assert row is not None
            if row.omedelbart_justerad is not None:
                raise ServiceError("Paragrafen har redan justerats omedelbart.")
            row.omedelbart_justerad = now
        version = ny_version(
            s, meeting, Slag.OMEDELBAR, now, pdf, innehall(utdrag), sorted(numbers)
        )
        return version_info(version)
