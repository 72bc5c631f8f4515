"""Omedelbar justering: §§ flagged at the meeting are justerade at once as their own document
(an utdrag with "Paragrafen justeras omedelbart"), stored as a version, and locked, before
the rest of the protocol is justerat (domain.md, 'Justering and anslag'). Read, rendered and
locked in one unit of work on one snapshot (services.arbetsgang says why)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import LAST, tillstand
from secretary.services import las
from secretary.services.dokument import utdrag_render
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.versioner import Slag, VersionInfo, ny_version, version_info
from secretary.store.database import Store
from secretary.store.models import Arende, ParagrafBeslut


def justera_omedelbart(store: Store, meeting_id: int, now: dt.datetime) -> VersionInfo:
    """Justera every flagged § not yet justerad as one document; returns its version."""

    def work(s: Session) -> VersionInfo:
        meeting = las.las_mote(s, meeting_id)
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
        reads = Reads(s)
        data = protokoll_data(reads, meeting)
        numbers = {a.paragraf for a in reads.arenden(meeting) if a.id in waiting}
        utdrag = replace(data.utdrag(numbers), justerat=now.date())  # justerad at the meeting
        pdf = utdrag_render(utdrag, intygas=now.date(), utkast=False)
        for aid in waiting:
            row = s.get(ParagrafBeslut, aid)
            assert row is not None
            row.omedelbart_justerad = now
        version = ny_version(
            s, meeting, Slag.OMEDELBAR, now, pdf, innehall(utdrag), sorted(numbers)
        )
        return version_info(version)

    return store.in_snapshot(work)
