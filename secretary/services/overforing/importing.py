"""Import: a checked transfer document written into a database in one unit of work.

The register facts are matched first (overforing.matching), then the meeting and all that
belongs to it is added with new ids. Any refusal or error rolls everything back: nothing is
half-imported.

§ numbers: the meeting keeps the numbers it had, as a start set by hand
(first_paragraf_override). The organ's other meetings that year keep theirs too: one whose
numbering the new meeting would shift gets its current start set by hand. A number used
by another meeting that year is reported, not refused (the organ's own history decides).

Last, the meeting is read back through the services inside the transaction
(overforing.probe): parts that fit the format but not each other are refused too.

The same meeting twice: a meeting of the organ with the same date, start time and ärenden
(rubrik and dnr, in order) is taken to be this one, and the import is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.services.errors import ServiceError
from secretary.services.overforing import matching, probe, val
from secretary.services.overforing.document import ArendeDoc, Document
from secretary.services.overforing.fields import ARENDE, NAMN, PERSON, VERSION, YRKANDE, Ids
from secretary.services.overforing.tables import (
    AJOURNERINGAR,
    ANTECKNINGAR,
    ARENDEN,
    BESLUT,
    BESTYRKANDEN,
    GODKANNANDEN,
    KOMMENTARER,
    LOGG,
    NARVARO,
    RATTELSER,
    RESERVATIONER,
    SAMMANTRADE,
    UNDERSKRIFTER,
    VERSIONER,
    YRKANDEN,
)
from secretary.services.read.agenda import first_paragraf
from secretary.store.models import (
    Ajournering,
    Arende,
    Bestyrkande,
    Justeringskommentar,
    Logg,
    Meeting,
    MeetingJusterare,
    NarvaroHandelse,
    Organ,
    ParagrafBeslut,
    ParagrafGodkand,
    Protokollsanteckning,
    Protokollversion,
    Rattelse,
    ReservationRad,
    Underskrift,
    YrkandeRad,
)


@dataclass(frozen=True)
class ImportResult:
    meeting_id: int
    organ_id: int
    title: str
    new_organ: bool
    new_persons: int
    new_memberships: int
    notes: tuple[str, ...]

    @property
    def text(self) -> str:
        """What the import did, in Swedish, for the window or the command line."""
        parts = [f"Sammanträdet {self.title} är importerat."]
        added = []
        if self.new_organ:
            added.append("organet")
        if self.new_persons:
            added.append(f"{self.new_persons} {'person' if self.new_persons == 1 else 'personer'}")
        if self.new_memberships:
            added.append(f"{self.new_memberships} uppdrag")
        if added:
            parts.append(f"Nytt i registret: {', '.join(added)}.")
        return " ".join([*parts, *self.notes])


def write(s: Session, doc: Document) -> ImportResult:
    ids: Ids = {kind: {} for kind in NAMN}
    date: dt.date = doc.meeting.values["date"]
    matching.settings(s, doc)
    matching.parties(s, doc, ids)
    new_persons = matching.persons(s, doc, ids)
    organ, new_organ = matching.organ(s, doc, ids)
    new_memberships = matching.memberships(s, doc, organ, ids, date)
    _not_twice(s, doc, organ)
    before = _firsts(s, organ.id, date.year)
    meeting = _meeting(s, doc, organ, ids)
    notes = _keep_numbers(s, organ.id, date.year, meeting, before)
    notes += _shared_numbers(s, doc, meeting)
    probe.readable(s, meeting.id, [ids[ARENDE][str(a.row.ref)] for a in doc.arenden])
    return ImportResult(
        meeting_id=meeting.id,
        organ_id=organ.id,
        title=f"{organ.name} {date.isoformat()}",
        new_organ=new_organ,
        new_persons=new_persons,
        new_memberships=new_memberships,
        notes=tuple(notes),
    )


def _not_twice(s: Session, doc: Document, organ: Organ) -> None:
    start = doc.meeting.values["planned_start"]
    query = select(Meeting).where(
        Meeting.organ_id == organ.id, Meeting.date == doc.meeting.values["date"]
    )
    query = query.where(
        Meeting.planned_start.is_(None) if start is None else Meeting.planned_start == start
    )
    wanted = [(a.row.values["rubrik"], a.row.values["dnr"]) for a in doc.arenden]
    for other in s.scalars(query):
        if [(a.rubrik, a.dnr) for a in other.arenden] == wanted:
            raise ServiceError(
                f"{matching.REFUSED}sammanträdet {organ.name} "
                f"{other.date.isoformat()} finns redan i databasen (samma datum, starttid och "
                "ärenden). Samma sammanträde importeras inte två gånger."
            )


def _year(s: Session, organ_id: int, year: int) -> list[Meeting]:
    return list(
        s.scalars(
            select(Meeting)
            .where(
                Meeting.organ_id == organ_id,
                Meeting.date >= dt.date(year, 1, 1),
                Meeting.date <= dt.date(year, 12, 31),
            )
            .order_by(Meeting.date, Meeting.planned_start.nulls_first(), Meeting.id)
        )
    )


def _firsts(s: Session, organ_id: int, year: int) -> dict[int, int]:
    return {m.id: first_paragraf(s, m) for m in _year(s, organ_id, year)}


def _keep_numbers(
    s: Session, organ_id: int, year: int, meeting: Meeting, before: dict[int, int]
) -> list[str]:
    """Pin the first meeting whose numbers moved; the ones after it follow it again."""
    notes: list[str] = []
    for other in _year(s, organ_id, year):
        if other.id == meeting.id or first_paragraf(s, other) == before[other.id]:
            continue
        other.first_paragraf_override = before[other.id]
        s.flush()
        notes.append(
            f"Sammanträdet {other.date.isoformat()} behåller sina paragrafnummer (från "
            f"§ {before[other.id]}, nu inställt för hand)."
        )
    return notes


def _shared_numbers(s: Session, doc: Document, meeting: Meeting) -> list[str]:
    count = len(doc.arenden)
    if not count:
        return []
    first, last = doc.forsta_paragraf, doc.forsta_paragraf + count - 1
    clash = []
    for other in _year(s, meeting.organ_id, meeting.date.year):
        n = len(other.arenden)
        start = first_paragraf(s, other)
        if other.id != meeting.id and n and start <= last and first <= start + n - 1:
            clash.append(other.date.isoformat())
    if not clash:
        return []
    return [
        f"Observera: paragrafnummer i § {first}–{last} används också av sammanträdet "
        f"{', '.join(clash)} samma år."
    ]


def _meeting(s: Session, doc: Document, organ: Organ, ids: Ids) -> Meeting:
    cols = SAMMANTRADE.columns(doc.meeting, ids, skip=("current_arende",))
    meeting = Meeting(organ_id=organ.id, first_paragraf_override=doc.forsta_paragraf, **cols)
    s.add(meeting)
    s.flush()
    for i, ref in enumerate(doc.justerare):
        s.add(MeetingJusterare(meeting_id=meeting.id, person_id=ids[PERSON][ref], position=i))
    arenden = [
        Arende(meeting_id=meeting.id, position=i, **ARENDEN.columns(a.row, ids))
        for i, a in enumerate(doc.arenden)
    ]
    s.add_all(arenden)
    s.flush()
    ids[ARENDE].update(
        {str(a.row.ref): row.id for a, row in zip(doc.arenden, arenden, strict=True)}
    )
    for a, row in zip(doc.arenden, arenden, strict=True):
        _paragraf(s, a, row.id, ids)
        val.write(s, row.id, a.val)
    s.add_all(
        NarvaroHandelse(meeting_id=meeting.id, **NARVARO.columns(r, ids)) for r in doc.narvaro
    )
    s.add_all(
        Ajournering(meeting_id=meeting.id, **AJOURNERINGAR.columns(r, ids))
        for r in doc.ajourneringar
    )
    s.add_all(Logg(meeting_id=meeting.id, **LOGG.columns(r, ids)) for r in doc.logg)
    versioner = [
        Protokollversion(meeting_id=meeting.id, **VERSIONER.columns(r, ids)) for r in doc.versioner
    ]
    s.add_all(versioner)
    s.flush()
    ids[VERSION].update({str(r.ref): v.id for r, v in zip(doc.versioner, versioner, strict=True)})
    s.add_all(Rattelse(meeting_id=meeting.id, **RATTELSER.columns(r, ids)) for r in doc.rattelser)
    s.add_all(
        Justeringskommentar(meeting_id=meeting.id, **KOMMENTARER.columns(r, ids))
        for r in doc.kommentarer
    )
    s.add_all(
        Underskrift(meeting_id=meeting.id, **UNDERSKRIFTER.columns(r, ids))
        for r in doc.underskrifter
    )
    s.add_all(
        Bestyrkande(meeting_id=meeting.id, **BESTYRKANDEN.columns(r, ids)) for r in doc.bestyrkanden
    )
    current = doc.meeting.values["current_arende"]
    meeting.current_arende_id = None if current is None else ids[ARENDE][current]
    s.flush()
    return meeting


def _paragraf(s: Session, a: ArendeDoc, arende_id: int, ids: Ids) -> None:
    yrkanden = [
        YrkandeRad(arende_id=arende_id, **YRKANDEN.columns(y, ids, skip=("stodjer",)))
        for y in a.yrkanden
    ]
    s.add_all(yrkanden)
    s.flush()
    ids[YRKANDE].update({str(y.ref): row.id for y, row in zip(a.yrkanden, yrkanden, strict=True)})
    for y, row in zip(a.yrkanden, yrkanden, strict=True):
        if y.values["stodjer"] is not None:
            row.stodjer_id = ids[YRKANDE][y.values["stodjer"]]
    if a.beslut is not None:
        s.add(ParagrafBeslut(arende_id=arende_id, **BESLUT.columns(a.beslut, ids)))
    s.add_all(
        ReservationRad(arende_id=arende_id, **RESERVATIONER.columns(r, ids))
        for r in a.reservationer
    )
    s.add_all(
        Protokollsanteckning(arende_id=arende_id, **ANTECKNINGAR.columns(r, ids))
        for r in a.anteckningar
    )
    s.add_all(
        ParagrafGodkand(arende_id=arende_id, **GODKANNANDEN.columns(r, ids)) for r in a.godkannanden
    )
