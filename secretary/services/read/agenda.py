"""Reading the agenda inside a unit of work: meetings, their ärenden and the § numbers that
run on per organ through the calendar year (domain.md, glossary: ärende, paragraf)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.diarienummer import dnr_warning
from secretary.domain.kallelse import delegationsrad
from secretary.domain.paragrafer import MeetingCount, first_paragrafer
from secretary.domain.register import full_name, person_label
from secretary.services.rows import get_row
from secretary.store.models import Arende, Meeting, Person


@dataclass(frozen=True)
class PersonRef:
    person_id: int
    label: str


@dataclass(frozen=True)
class MeetingData:
    id: int
    organ_id: int
    organ_name: str
    date: dt.date
    place: str
    planned_start: dt.time | None
    justering_place: str
    justering_date: dt.date | None
    justering_time: dt.time | None
    first_paragraf_override: int | None
    state: str
    justerare: tuple[PersonRef, ...]
    first_paragraf: int
    arende_count: int

    @property
    def title(self) -> str:
        return f"{self.organ_name} {self.date.isoformat()}"


@dataclass(frozen=True)
class ArendeData:
    id: int
    meeting_id: int
    position: int
    paragraf: int
    rubrik: str
    dnr: str
    sammanfattning: str
    forslag_till_beslut: str
    beslutsunderlag: tuple[str, ...]
    expedieras_till: tuple[str, ...]
    dnr_warning: str | None
    handlaggare: str = ""
    delegationsbeslut: tuple[str, ...] = ()  # an anmälan av delegationsbeslut, one a line


_YearRow = tuple[int, dt.date, dt.time | None, MeetingCount]


def year_meetings(session: Session, organ_id: int, year: int) -> list[_YearRow]:
    """The organ's meetings in `year`, in date order, with their number of ärenden.
    Counted by a join limited to those meetings: this runs on every session action, and a
    count over every ärende in a ten-year register would grow with the archive."""
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.date,
            Meeting.planned_start,
            Meeting.first_paragraf_override,
            func.count(Arende.id),
        )
        .outerjoin(Arende, Arende.meeting_id == Meeting.id)
        .where(
            Meeting.organ_id == organ_id,
            Meeting.date >= dt.date(year, 1, 1),
            Meeting.date <= dt.date(year, 12, 31),
        )
        .group_by(Meeting.id)
        .order_by(Meeting.date, Meeting.planned_start.nulls_first(), Meeting.id)
    ).all()
    return [(mid, date, start, MeetingCount(n, override)) for mid, date, start, override, n in rows]


def first_paragraf(session: Session, meeting: Meeting) -> int:
    if meeting.first_paragraf_override is not None:  # set by hand: the year's count is moot
        return meeting.first_paragraf_override
    year = year_meetings(session, meeting.organ_id, meeting.date.year)
    firsts = first_paragrafer([row[3] for row in year])
    return dict(zip((row[0] for row in year), firsts, strict=True))[meeting.id]


def forsta_paragrafer(session: Session, organ_years: Iterable[tuple[int, int]]) -> dict[int, int]:
    """The first § of every meeting of these (organ, year)s, in one query: the same count as
    first_paragraf, for many meetings at once (the navigator's tree, search hits)."""
    pairs = set(organ_years)
    if not pairs:
        return {}
    years = [year for _, year in pairs]
    count = select(func.count(Arende.id)).where(Arende.meeting_id == Meeting.id).scalar_subquery()
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.organ_id,
            Meeting.date,
            Meeting.planned_start,
            Meeting.first_paragraf_override,
            count,
        ).where(
            Meeting.organ_id.in_({organ_id for organ_id, _ in pairs}),
            Meeting.date >= dt.date(min(years), 1, 1),
            Meeting.date <= dt.date(max(years), 12, 31),
        )
    ).all()
    grouped: dict[tuple[int, int], list[tuple[tuple[dt.date, bool, dt.time, int], MeetingCount]]]
    grouped = {}
    for mid, organ_id, date, start, override, n in rows:
        if (organ_id, date.year) in pairs:
            # year_meetings' order: date, planned start (none first), id
            key = (date, start is not None, start or dt.time.min, mid)
            grouped.setdefault((organ_id, date.year), []).append((key, MeetingCount(n, override)))
    out: dict[int, int] = {}
    for meetings in grouped.values():
        meetings.sort(key=lambda m: m[0])
        firsts = first_paragrafer([m[1] for m in meetings])
        out.update(zip((m[0][3] for m in meetings), firsts, strict=True))
    return out


def get_meeting_row(session: Session, meeting_id: int) -> Meeting:
    return get_row(session, Meeting, meeting_id, "Sammanträdet")


def get_arende_row(session: Session, arende_id: int) -> Arende:
    return get_row(session, Arende, arende_id, "Ärendet")


def person_ref(person: Person) -> PersonRef:
    name = full_name(person.first_name, person.last_name)
    return PersonRef(person.id, person_label(name, person.party.short if person.party else None))


def meeting_data(meeting: Meeting, first: int, count: int | None = None) -> MeetingData:
    return MeetingData(
        id=meeting.id,
        organ_id=meeting.organ_id,
        organ_name=meeting.organ.name,
        date=meeting.date,
        place=meeting.place,
        planned_start=meeting.planned_start,
        justering_place=meeting.justering_place,
        justering_date=meeting.justering_date,
        justering_time=meeting.justering_time,
        first_paragraf_override=meeting.first_paragraf_override,
        state=meeting.state,
        justerare=tuple(person_ref(j.person) for j in meeting.justerare),
        first_paragraf=first,
        arende_count=len(meeting.arenden) if count is None else count,
    )


def arende_data(arende: Arende, first: int, pattern: str) -> ArendeData:
    return ArendeData(
        id=arende.id,
        meeting_id=arende.meeting_id,
        position=arende.position,
        paragraf=first + arende.position,
        rubrik=arende.rubrik,
        dnr=arende.dnr,
        sammanfattning=arende.sammanfattning,
        forslag_till_beslut=arende.forslag_till_beslut,
        beslutsunderlag=tuple(arende.beslutsunderlag or ()),
        expedieras_till=tuple(arende.expedieras_till or ()),
        dnr_warning=dnr_warning(arende.dnr, pattern),
        handlaggare=arende.handlaggare,
        delegationsbeslut=tuple(
            delegationsrad(
                d.get("dnr", ""), d.get("beslut", ""), d.get("datum", ""), d.get("delegat", "")
            )
            for d in arende.delegationsbeslut or ()
        ),
    )
