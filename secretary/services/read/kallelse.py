"""Reading what a kallelse, a föredragningslista or a kungörelse says, inside a unit of work:
the meeting's facts, its ärenden with § numbers, who is called, and the snapshot a later
kallelse is compared with (domain.kallelse.andringar)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from secretary.domain.datum_text import klockan
from secretary.domain.kallelse import FORHINDER, FORHINDER_KF
from secretary.domain.register import Funktion, OrganKind, Roll, full_name, person_label
from secretary.reports.data import Delegationsbeslut, KallelseData, Punkt
from secretary.services.read import Reads
from secretary.store.models import Meeting, Membership, ParagrafBeslut


def _kallade(meeting: Meeting) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Ledamöter in seat order and ersättare by party and rank, with mandates covering the
    meeting's day; and the e-mail addresses of everyone called, in the same order."""

    def current(m: Membership) -> bool:
        return (m.period_from is None or m.period_from <= meeting.date) and (
            m.period_to is None or m.period_to >= meeting.date
        )

    ledamoter: list[tuple[int, str, str]] = []
    ersattare: list[tuple[str, int, str, str]] = []
    for m in meeting.organ.memberships:
        if not current(m):
            continue
        p = m.person
        label = person_label(
            full_name(p.first_name, p.last_name), p.party.short if p.party else None
        )
        if m.roll == Roll.LEDAMOT.value:
            post = Funktion(m.funktion).label if m.funktion else ""
            ledamoter.append((m.ordning, label + (f", {post}" if post else ""), p.email))
        elif m.roll == Roll.ERSATTARE.value:
            party = p.party.short if p.party else ""
            ersattare.append((party, m.ordning, label, p.email))
    ledamoter.sort()
    ersattare.sort()
    emails = tuple(e for *_, e in ledamoter) + tuple(e for *_, e in ersattare)
    return (
        tuple(label for _, label, _ in ledamoter),
        tuple(label for _, _, label, _ in ersattare),
        emails,
    )


def mottagare(meeting: Meeting) -> list[tuple[str, str]]:
    """(name with party, e-mail) of every ledamot and ersättare called; '' without address."""
    led, ers, emails = _kallade(meeting)
    return [(label.split(", ")[0], email) for label, email in zip(led + ers, emails, strict=True)]


def _sekretess(reads: Reads, meeting: Meeting) -> set[int]:
    ids = [a.id for a in meeting.arenden]
    if not ids:
        return set()
    return set(
        reads.session.scalars(
            select(ParagrafBeslut.arende_id).where(
                ParagrafBeslut.arende_id.in_(ids), ParagrafBeslut.sekretess.is_(True)
            )
        )
    )


def kallelse_data(reads: Reads, meeting: Meeting, nummer: int = 1) -> KallelseData:
    first = reads.first_paragraf(meeting)
    hemliga = _sekretess(reads, meeting)
    punkter = tuple(
        Punkt(
            paragraf=first + a.position,
            rubrik=a.rubrik,
            dnr=a.dnr,
            handlaggare=a.handlaggare,
            forslag_till_beslut=tuple(t for t in a.forslag_till_beslut.split("\n\n") if t.strip()),
            handlingar=tuple(a.beslutsunderlag or ()),
            sekretess=a.id in hemliga,
            delegationsbeslut=tuple(
                Delegationsbeslut(
                    d.get("dnr", ""), d.get("beslut", ""), d.get("datum", ""), d.get("delegat", "")
                )
                for d in a.delegationsbeslut or ()
            ),
        )
        for a in meeting.arenden
    )
    kf = meeting.organ.kind == OrganKind.KF.value
    led, ers, _ = _kallade(meeting)
    return KallelseData(
        kommun=reads.setting("kommun"),
        organ=meeting.organ.name,
        datum=meeting.date,
        tid=klockan(meeting.planned_start, None),
        plats=meeting.place,
        punkter=punkter,
        ledamoter=led,
        ersattare=ers,
        forhinder=FORHINDER_KF if kf else FORHINDER,
        nummer=nummer,
        sekreterare=reads.setting("sekreterare"),
        kf=kf,
    )


def innehall(meeting: Meeting, data: KallelseData) -> dict[str, Any]:
    """What the recipients were told, kept with a sent kallelse to compare the next with."""
    return {
        "datum": data.datum.isoformat(),
        "tid": data.tid,
        "plats": data.plats,
        "arenden": [
            {
                "key": str(a.id),
                "paragraf": p.paragraf,
                "rubrik": p.rubrik,
                "dnr": p.dnr,
                "forslag": list(p.forslag_till_beslut),
                "handlingar": list(p.handlingar),
            }
            for a, p in zip(meeting.arenden, data.punkter, strict=True)
        ],
    }


def skickad_datum(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None
