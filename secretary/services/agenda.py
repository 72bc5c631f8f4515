"""The agenda: sammanträden, their ärenden and the § numbers that run on through the year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from secretary.domain.arbetsgang import Del, borttagningshinder
from secretary.domain.paragrafer import MeetingCount, first_paragrafer
from secretary.domain.register import Roll
from secretary.services import las
from secretary.services.errors import require
from secretary.services.read import Reads
from secretary.services.read.agenda import (
    ArendeData,
    MeetingData,
    PersonRef,
    arende_data,
    first_paragraf,
    forsta_paragrafer,
    get_arende_row,
    get_meeting_row,
    meeting_data,
    person_ref,
    year_meetings,
)
from secretary.services.read.register import get_organ_row
from secretary.store.database import Store
from secretary.store.models import Arende, Meeting, MeetingJusterare, Membership, Person

__all__ = [
    "ArendeData",
    "MeetingData",
    "PersonRef",
    "first_paragraf",
    "forsta_paragrafer",
    "get_meeting_row",
]


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
class ArendeInput:
    rubrik: str
    dnr: str = ""
    sammanfattning: str = ""
    forslag_till_beslut: str = ""
    beslutsunderlag: tuple[str, ...] = field(default_factory=tuple)
    expedieras_till: tuple[str, ...] = field(default_factory=tuple)


# --- § numbers ----------------------------------------------------------------------------


def suggested_first_paragraf(
    store: Store,
    organ_id: int,
    date: dt.date,
    planned_start: dt.time | None = None,
    meeting_id: int | None = None,
) -> int:
    """The first § a meeting on `date` gets without a start set by hand: what the meeting
    dialog shows while the secretary picks a date."""
    with store.read() as s:
        year = [r for r in year_meetings(s, organ_id, date.year) if r[0] != meeting_id]
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


def list_meetings(store: Store, organ_id: int) -> list[MeetingData]:
    """The organ's meetings, newest first, in a few queries however many there are: the
    navigator lists them all on every change (ten years of a busy organ: hundreds)."""
    with store.read() as s:
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
        return [meeting_data(m, firsts[m.id], counts.get(m.id, 0)) for m in meetings]


def get_meeting(store: Store, meeting_id: int) -> MeetingData:
    with store.read() as s:
        reads = Reads(s)
        return reads.meeting_data(reads.meeting(meeting_id))


def eligible_justerare(store: Store, organ_id: int) -> list[PersonRef]:
    """Ledamöter and ersättare of the organ: those who can be chosen to justera."""
    with store.read() as s:
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
            seen.setdefault(m.person_id, person_ref(m.person))
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
        return Reads(s).meeting_data(meeting)


def update_meeting(store: Store, meeting_id: int, data: MeetingInput) -> MeetingData:
    with store.session() as s:
        meeting = las.oppna(s, meeting_id, Del.TEXT)
        _apply_meeting(s, meeting, meeting.organ_id, data)
        s.flush()
        return Reads(s).meeting_data(meeting)


def delete_meeting(store: Store, meeting_id: int) -> None:
    """Only a planned meeting can go; one that has been held is part of the record."""
    with store.session() as s:
        meeting = las.las_mote(s, meeting_id)
        hinder = borttagningshinder(meeting.state)
        require(hinder is None, hinder or "")
        s.delete(meeting)


# --- ärenden ------------------------------------------------------------------------------


def list_arenden(store: Store, meeting_id: int) -> list[ArendeData]:
    with store.read() as s:
        reads = Reads(s)
        return reads.arenden(reads.meeting(meeting_id))


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


def _editable(session: Session, meeting_id: int) -> Meeting:
    """Which ärenden and their order (the § numbers): open until the meeting is closed."""
    return las.oppna(session, meeting_id, Del.DAGORDNING)


def _agenda(session: Session, meeting: Meeting) -> list[ArendeData]:
    session.flush()
    session.expire(meeting, ["arenden"])
    return Reads(session).arenden(meeting)


def _one(session: Session, arende: Arende) -> ArendeData:
    meeting = arende.meeting
    return arende_data(arende, Reads(session).first_paragraf(meeting), meeting.organ.dnr_pattern)


def add_arende(
    store: Store, meeting_id: int, data: ArendeInput, position: int | None = None
) -> ArendeData:
    with store.session() as s:
        meeting = _editable(s, meeting_id)
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
        return _one(s, arende)


def update_arende(store: Store, arende_id: int, data: ArendeInput) -> ArendeData:
    with store.session() as s:
        arende = get_arende_row(s, arende_id)
        las.kontrollera_paragraf(s, las.las_mote(s, arende.meeting_id), arende.id)
        _apply_arende(arende, data)
        s.flush()
        return _one(s, arende)


def move_arende(store: Store, arende_id: int, new_position: int) -> list[ArendeData]:
    """Move an ärende in the agenda; every § after it is renumbered. Returns the agenda."""
    with store.session() as s:
        arende = get_arende_row(s, arende_id)
        meeting = _editable(s, arende.meeting_id)
        items = list(meeting.arenden)
        items.remove(arende)
        items.insert(max(0, min(new_position, len(items))), arende)
        for position, item in enumerate(items):
            item.position = position
        return _agenda(s, meeting)


def remove_arende(store: Store, arende_id: int) -> list[ArendeData]:
    with store.session() as s:
        arende = get_arende_row(s, arende_id)
        meeting = _editable(s, arende.meeting_id)
        meeting.arenden.remove(arende)
        _renumber(meeting)
        return _agenda(s, meeting)
