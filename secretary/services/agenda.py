"""The agenda: sammanträden, their ärenden and the § numbers that run on through the year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from secretary.domain.arbetsgang import Del
from secretary.domain.diarienummer import dnr_warning
from secretary.domain.paragrafer import MeetingCount, first_paragrafer
from secretary.domain.register import Roll, full_name, person_label
from secretary.services import las
from secretary.services.errors import require
from secretary.services.register import get_organ_row
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import Arende, Meeting, MeetingJusterare, Membership, Person


@dataclass(frozen=True)
class PersonRef:
    person_id: int
    label: str


@dataclass(frozen=True)
class MeetingInput:
    date: dt.date
    place: str = ""
    planned_start: dt.time | None = None
    justering_place: str = ""
    justering_date: dt.date | None = None
    justering_time: dt.time | None = None
    first_paragraf_override: int | None = None
    justerare_ids: tuple[int, ...] = ()


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
class ArendeInput:
    rubrik: str
    dnr: str = ""
    sammanfattning: str = ""
    forslag_till_beslut: str = ""
    beslutsunderlag: tuple[str, ...] = field(default_factory=tuple)
    expedieras_till: tuple[str, ...] = field(default_factory=tuple)


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


# --- § numbers ----------------------------------------------------------------------------


_YearRow = tuple[int, dt.date, dt.time | None, MeetingCount]


def _year_meetings(session: Session, organ_id: int, year: int) -> list[_YearRow]:
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
    year = _year_meetings(session, meeting.organ_id, meeting.date.year)
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
            # _year_meetings' order: date, planned start (none first), id
            key = (date, start is not None, start or dt.time.min, mid)
            grouped.setdefault((organ_id, date.year), []).append((key, MeetingCount(n, override)))
    out: dict[int, int] = {}
    for meetings in grouped.values():
        meetings.sort(key=lambda m: m[0])
        firsts = first_paragrafer([m[1] for m in meetings])
        out.update(zip((m[0][3] for m in meetings), firsts, strict=True))
    return out


def suggested_first_paragraf(
    store: Store,
    organ_id: int,
    date: dt.date,
    planned_start: dt.time | None = None,
    meeting_id: int | None = None,
) -> int:
    """The first § a meeting on `date` gets without a start set by hand: what the meeting
    dialog shows while the secretary picks a date."""
    with store.session() as s:
        year = [r for r in _year_meetings(s, organ_id, date.year) if r[0] != meeting_id]
        own = 0
        if meeting_id is not None:
            own = (
                s.scalar(select(func.count(Arende.id)).where(Arende.meeting_id == meeting_id)) or 0
            )
        key = (date, planned_start or dt.time.min, meeting_id or 1 << 62)
        position = sum(1 for r in year if (r[1], r[2] or dt.time.min, r[0]) < key)
        counts = [r[3] for r in year]
        counts.insert(position, MeetingCount(own))
        return first_paragrafer(counts)[position]


# --- meetings -----------------------------------------------------------------------------


def _meeting_data(
    session: Session, meeting: Meeting, first: int | None = None, count: int | None = None
) -> MeetingData:
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
        justerare=tuple(_person_ref(j.person) for j in meeting.justerare),
        first_paragraf=first_paragraf(session, meeting) if first is None else first,
        arende_count=len(meeting.arenden) if count is None else count,
    )


def _person_ref(person: Person) -> PersonRef:
    name = full_name(person.first_name, person.last_name)
    return PersonRef(person.id, person_label(name, person.party.short if person.party else None))


def get_meeting_row(session: Session, meeting_id: int) -> Meeting:
    return get_row(session, Meeting, meeting_id, "Sammanträdet")


def list_meetings(store: Store, organ_id: int) -> list[MeetingData]:
    """The organ's meetings, newest first, in a few queries however many there are: the
    navigator lists them all on every change (ten years of a busy organ: hundreds)."""
    with store.session() as s:
        meetings = s.scalars(
            select(Meeting)
            .where(Meeting.organ_id == organ_id)
            .options(
                selectinload(Meeting.justerare)
                .joinedload(MeetingJusterare.person)
                .joinedload(Person.party)
            )
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        ).all()
        counts: dict[int, int] = {
            mid: n
            for mid, n in s.execute(
                select(Arende.meeting_id, func.count(Arende.id))
                .join(Meeting, Meeting.id == Arende.meeting_id)
                .where(Meeting.organ_id == organ_id)
                .group_by(Arende.meeting_id)
            )
        }
        firsts = forsta_paragrafer(s, {(organ_id, m.date.year) for m in meetings})
        return [_meeting_data(s, m, firsts[m.id], counts.get(m.id, 0)) for m in meetings]


def get_meeting(store: Store, meeting_id: int) -> MeetingData:
    with store.session() as s:
        return _meeting_data(s, get_meeting_row(s, meeting_id))


def eligible_justerare(store: Store, organ_id: int) -> list[PersonRef]:
    """Ledamöter and ersättare of the organ: those who can be chosen to justera."""
    with store.session() as s:
        memberships = s.scalars(
            select(Membership)
            .where(
                Membership.organ_id == organ_id,
                Membership.roll.in_([Roll.LEDAMOT.value, Roll.ERSATTARE.value]),
            )
            .order_by(Membership.roll.desc(), Membership.ordning)
        )
        seen: dict[int, PersonRef] = {}
        for m in memberships:
            seen.setdefault(m.person_id, _person_ref(m.person))
        return list(seen.values())


def _apply_meeting(session: Session, meeting: Meeting, organ_id: int, data: MeetingInput) -> None:
    require(
        data.first_paragraf_override is None or data.first_paragraf_override >= 1,
        "Första paragrafnumret måste vara 1 eller högre.",
    )
    allowed = set(
        session.scalars(
            select(Membership.person_id).where(
                Membership.organ_id == organ_id,
                Membership.roll.in_([Roll.LEDAMOT.value, Roll.ERSATTARE.value]),
            )
        )
    )
    require(
        all(pid in allowed for pid in data.justerare_ids),
        "Justerare väljs bland organets ledamöter och ersättare.",
    )
    meeting.date = data.date
    meeting.place = data.place.strip()
    meeting.planned_start = data.planned_start
    meeting.justering_place = data.justering_place.strip()
    meeting.justering_date = data.justering_date
    meeting.justering_time = data.justering_time
    meeting.first_paragraf_override = data.first_paragraf_override
    meeting.justerare = [
        MeetingJusterare(person_id=pid, position=i)
        for i, pid in enumerate(dict.fromkeys(data.justerare_ids))
    ]


def create_meeting(store: Store, organ_id: int, data: MeetingInput) -> MeetingData:
    with store.session() as s:
        organ = get_organ_row(s, organ_id)
        meeting = Meeting(organ_id=organ.id, state="planerat")
        _apply_meeting(s, meeting, organ.id, data)
        s.add(meeting)
        s.flush()
        return _meeting_data(s, meeting)


def update_meeting(store: Store, meeting_id: int, data: MeetingInput) -> MeetingData:
    with store.session() as s:
        meeting = get_meeting_row(s, meeting_id)
        las.kontrollera(meeting, Del.TEXT)
        _apply_meeting(s, meeting, meeting.organ_id, data)
        s.flush()
        return _meeting_data(s, meeting)


def delete_meeting(store: Store, meeting_id: int) -> None:
    """Only a planned meeting can go; one that has been held is part of the record."""
    with store.session() as s:
        meeting = get_meeting_row(s, meeting_id)
        require(
            meeting.state == "planerat",
            "Sammanträdet har redan hållits och kan inte tas bort.",
        )
        s.delete(meeting)


# --- ärenden ------------------------------------------------------------------------------


def _arende_data(arende: Arende, first: int, pattern: str) -> ArendeData:
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
    )


def _agenda(session: Session, meeting: Meeting) -> list[ArendeData]:
    first = first_paragraf(session, meeting)
    pattern = meeting.organ.dnr_pattern
    return [_arende_data(a, first, pattern) for a in meeting.arenden]


def list_arenden(store: Store, meeting_id: int) -> list[ArendeData]:
    with store.session() as s:
        return _agenda(s, get_meeting_row(s, meeting_id))


def _clean_lines(lines: Sequence[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def _apply_arende(arende: Arende, data: ArendeInput) -> None:
    rubrik = data.rubrik.strip()
    require(bool(rubrik), "Ärendet måste ha en rubrik.")
    arende.rubrik = rubrik
    arende.dnr = data.dnr.strip()
    arende.sammanfattning = data.sammanfattning.strip()
    arende.forslag_till_beslut = data.forslag_till_beslut.strip()
    arende.beslutsunderlag = _clean_lines(data.beslutsunderlag)
    arende.expedieras_till = _clean_lines(data.expedieras_till)


def _renumber(meeting: Meeting) -> None:
    for position, arende in enumerate(meeting.arenden):
        arende.position = position


def _editable(meeting: Meeting) -> None:
    """Which ärenden and their order (the § numbers): open until the meeting is closed."""
    las.kontrollera(meeting, Del.DAGORDNING)


def add_arende(
    store: Store, meeting_id: int, data: ArendeInput, position: int | None = None
) -> ArendeData:
    with store.session() as s:
        meeting = get_meeting_row(s, meeting_id)
        _editable(meeting)
        arende = Arende(position=len(meeting.arenden))
        _apply_arende(arende, data)
        at = (
            len(meeting.arenden)
            if position is None
            else max(0, min(position, len(meeting.arenden)))
        )
        meeting.arenden.insert(at, arende)
        _renumber(meeting)
        s.flush()
        return _arende_data(arende, first_paragraf(s, meeting), meeting.organ.dnr_pattern)


def _get_arende(session: Session, arende_id: int) -> Arende:
    return get_row(session, Arende, arende_id, "Ärendet")


def update_arende(store: Store, arende_id: int, data: ArendeInput) -> ArendeData:
    with store.session() as s:
        arende = _get_arende(s, arende_id)
        las.kontrollera_paragraf(s, arende.meeting, arende.id)
        _apply_arende(arende, data)
        s.flush()
        meeting = arende.meeting
        return _arende_data(arende, first_paragraf(s, meeting), meeting.organ.dnr_pattern)


def move_arende(store: Store, arende_id: int, new_position: int) -> list[ArendeData]:
    """Move an ärende in the agenda; every § after it is renumbered. Returns the agenda."""
    with store.session() as s:
        arende = _get_arende(s, arende_id)
        meeting = arende.meeting
        _editable(meeting)
        items = list(meeting.arenden)
        items.remove(arende)
        items.insert(max(0, min(new_position, len(items))), arende)
        for position, item in enumerate(items):
            item.position = position
        s.flush()
        s.expire(meeting, ["arenden"])
        return _agenda(s, meeting)


def remove_arende(store: Store, arende_id: int) -> list[ArendeData]:
    with store.session() as s:
        arende = _get_arende(s, arende_id)
        meeting = arende.meeting
        _editable(meeting)
        meeting.arenden.remove(arende)
        _renumber(meeting)
        s.flush()
        return _agenda(s, meeting)
