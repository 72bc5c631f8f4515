"""The register before the meeting: organs, parties, people and their places on organs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.labels import label_overrides
from secretary.domain.register import Funktion, OrganKind, Roll, full_name, person_label
from secretary.services.errors import ServiceError, require
from secretary.services.read.register import OrganData, get_organ_row, organ_data
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import (
    ErsattarordningParti,
    Meeting,
    Membership,
    Organ,
    Party,
    Person,
)

# --- organs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganInput:
    name: str
    kind: OrganKind
    short_name: str = ""
    forvaringsplats: str = ""
    dnr_pattern: str = ""
    personliga_ersattare: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    # None leaves the organ's ersättarordning between parties as it is.
    partiordning: dict[str | None, list[str]] | None = None


__all__ = ["OrganData", "get_organ_row"]


def list_organs(store: Store) -> list[OrganData]:
    with store.read() as s:
        return [organ_data(o) for o in s.scalars(select(Organ).order_by(Organ.name))]


def get_organ(store: Store, organ_id: int) -> OrganData:
    with store.read() as s:
        return organ_data(get_organ_row(s, organ_id))


def _apply_organ(session: Session, organ: Organ, data: OrganInput) -> None:
    name = data.name.strip()
    require(bool(name), "Organet måste ha ett namn.")
    clash = session.scalar(select(Organ.id).where(Organ.name == name, Organ.id != organ.id))
    require(clash is None, f"Det finns redan ett organ som heter ”{name}”.")
    organ.name = name
    organ.kind = OrganKind(data.kind).value
    organ.short_name = data.short_name.strip()
    organ.forvaringsplats = data.forvaringsplats.strip()
    organ.dnr_pattern = data.dnr_pattern.strip()
    organ.personliga_ersattare = data.personliga_ersattare
    organ.labels = label_overrides(data.labels)
    if data.partiordning is not None:
        _replace_party_order(session, organ, data.partiordning)


def create_organ(store: Store, data: OrganInput) -> OrganData:
    with store.session() as s:
        organ = Organ()
        _apply_organ(s, organ, data)
        s.add(organ)
        s.flush()
        return organ_data(organ)


def update_organ(store: Store, organ_id: int, data: OrganInput) -> OrganData:
    with store.session() as s:
        organ = get_organ_row(s, organ_id)
        _apply_organ(s, organ, data)
        s.flush()
        return organ_data(organ)


def delete_organ(store: Store, organ_id: int) -> None:
    """Refused while the organ has meetings: their protocols are part of the record."""
    with store.session() as s:
        organ = get_organ_row(s, organ_id)
        meetings = s.scalar(select(func.count()).where(Meeting.organ_id == organ_id)) or 0
        require(
            meetings == 0,
            f"{organ.name} har {meetings} sammanträden och kan inte tas bort. "
            "Protokollen hör till kommunens arkiv.",
        )
        s.delete(organ)


# --- parties ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyData:
    id: int
    short: str
    name: str


def list_parties(store: Store) -> list[PartyData]:
    with store.read() as s:
        return [
            PartyData(p.id, p.short, p.name) for p in s.scalars(select(Party).order_by(Party.short))
        ]


def ensure_party(session: Session, short: str, name: str = "") -> Party | None:
    """The party with this abbreviation, created if new; None for no party."""
    short = short.strip()
    if not short:
        return None
    party = session.scalar(select(Party).where(Party.short == short))
    if party is None:
        party = Party(short=short, name=name.strip())
        session.add(party)
        session.flush()
    elif name.strip() and not party.name:
        party.name = name.strip()
    return party


def save_party(store: Store, short: str, name: str) -> PartyData:
    short = short.strip()
    require(bool(short), "Partiet måste ha en förkortning, t.ex. S eller M.")
    with store.session() as s:
        party = ensure_party(s, short)
        assert party is not None
        party.name = name.strip()
        return PartyData(party.id, party.short, party.name)


# --- members ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberInput:
    first_name: str
    last_name: str
    roll: Roll
    party: str = ""
    funktion: Funktion = Funktion.INGEN
    ordning: int = 0
    title: str = ""
    email: str = ""
    personlig_ersattare_for_id: int | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    person_id: int
    first_name: str
    last_name: str
    party: str
    roll: Roll
    funktion: Funktion
    ordning: int
    title: str
    email: str
    personlig_ersattare_for_id: int | None
    personlig_ersattare_for: str
    period_from: dt.date | None
    period_to: dt.date | None

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)

    @property
    def label(self) -> str:
        return person_label(self.name, self.party or None)


_ROLL_ORDER = {Roll.LEDAMOT: 0, Roll.ERSATTARE: 1, Roll.ADJUNGERAD: 2, Roll.OVRIG: 3}


def _member_row(m: Membership, by_id: dict[int, Membership]) -> MemberRow:
    person = m.person
    target = by_id.get(m.personlig_ersattare_for_id) if m.personlig_ersattare_for_id else None
    target_label = ""
    if target is not None:
        tp = target.person
        target_label = person_label(
            full_name(tp.first_name, tp.last_name), tp.party.short if tp.party else None
        )
    return MemberRow(
        membership_id=m.id,
        person_id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        party=person.party.short if person.party else "",
        roll=Roll(m.roll),
        funktion=Funktion(m.funktion),
        ordning=m.ordning,
        title=m.title,
        email=person.email,
        personlig_ersattare_for_id=m.personlig_ersattare_for_id,
        personlig_ersattare_for=target_label,
        period_from=m.period_from,
        period_to=m.period_to,
    )


def member_sort_key(row: MemberRow) -> tuple[int, str, int, str, str]:
    """Ledamöter in seat order; ersättare by party, then their place in the party's order."""
    party = row.party if row.roll is Roll.ERSATTARE else ""
    return (_ROLL_ORDER[row.roll], party, row.ordning, row.last_name, row.first_name)


def list_members(store: Store, organ_id: int) -> list[MemberRow]:
    with store.read() as s:
        return members_of(s, organ_id)


def members_of(session: Session, organ_id: int) -> list[MemberRow]:
    memberships = list(session.scalars(select(Membership).where(Membership.organ_id == organ_id)))
    by_id = {m.id: m for m in memberships}
    return sorted((_member_row(m, by_id) for m in memberships), key=member_sort_key)


def find_person(session: Session, first: str, last: str, party: Party | None) -> Person | None:
    """An existing person with this name and party: the same person on another organ."""
    query = select(Person).where(
        func.lower(Person.first_name) == first.strip().lower(),
        func.lower(Person.last_name) == last.strip().lower(),
    )
    query = query.where(
        Person.party_id == party.id if party is not None else Person.party_id.is_(None)
    )
    return session.scalars(query).first()


def validate_member(data: MemberInput) -> list[str]:
    """Every reason `data` cannot be saved, in Swedish; empty when it can."""
    problems: list[str] = []
    if not data.first_name.strip() and not data.last_name.strip():
        problems.append("Namn saknas.")
    if data.funktion is not Funktion.INGEN and data.roll is not Roll.LEDAMOT:
        problems.append(f"Endast en ledamot kan vara {data.funktion.label}.")
    if data.personlig_ersattare_for_id is not None and data.roll is not Roll.ERSATTARE:
        problems.append("Endast en ersättare kan vara personlig ersättare.")
    if data.roll in (Roll.LEDAMOT, Roll.ERSATTARE) and not data.party.strip():
        problems.append(f"En {data.roll.label.lower()} måste ha ett parti.")
    if data.ordning < 0:
        problems.append("Ordningen kan inte vara negativ.")
    if data.period_from and data.period_to and data.period_to < data.period_from:
        problems.append("Mandatperioden slutar före den börjar.")
    return problems


def apply_member(
    session: Session, organ: Organ, data: MemberInput, membership: Membership | None = None
) -> Membership:
    """Create or change a membership inside the caller's unit of work; refuses bad data."""
    problems = validate_member(data)
    if problems:
        raise ServiceError(" ".join(problems))
    if data.funktion is not Funktion.INGEN:
        holder = session.scalar(
            select(Membership).where(
                Membership.organ_id == organ.id,
                Membership.funktion == data.funktion.value,
                Membership.id != (membership.id if membership else -1),
            )
        )
        if holder is not None:
            holder_name = full_name(holder.person.first_name, holder.person.last_name)
            raise ServiceError(f"{holder_name} är redan {data.funktion.label} i {organ.name}.")
    if data.personlig_ersattare_for_id is not None:
        target = session.get(Membership, data.personlig_ersattare_for_id)
        require(
            target is not None and target.organ_id == organ.id and target.roll == Roll.LEDAMOT,
            "En personlig ersättare måste höra till en ledamot i samma organ.",
        )
    party = ensure_party(session, data.party)
    if membership is None:
        person = find_person(session, data.first_name, data.last_name, party)
        if person is None:
            person = Person(first_name="", last_name="")
            session.add(person)
        membership = Membership(organ=organ, person=person)
        session.add(membership)
    person = membership.person
    person.first_name = data.first_name.strip()
    person.last_name = data.last_name.strip()
    person.party = party
    person.email = data.email.strip()
    membership.roll = data.roll.value
    membership.funktion = data.funktion.value
    membership.ordning = data.ordning
    membership.title = data.title.strip()
    membership.personlig_ersattare_for_id = data.personlig_ersattare_for_id
    membership.period_from = data.period_from
    membership.period_to = data.period_to
    session.flush()
    return membership


def add_member(store: Store, organ_id: int, data: MemberInput) -> MemberRow:
    with store.session() as s:
        organ = get_organ_row(s, organ_id)
        membership = apply_member(s, organ, data)
        return _member_row(membership, {m.id: m for m in organ.memberships})


def update_member(store: Store, membership_id: int, data: MemberInput) -> MemberRow:
    with store.session() as s:
        membership = get_row(s, Membership, membership_id, "Uppdraget")
        apply_member(s, membership.organ, data, membership)
        return _member_row(membership, {m.id: m for m in membership.organ.memberships})


def remove_member(store: Store, membership_id: int) -> None:
    with store.session() as s:
        membership = get_row(s, Membership, membership_id, "Uppdraget")
        s.delete(membership)


def next_ordning(store: Store, organ_id: int, roll: Roll, party: str = "") -> int:
    """The next free seat (ledamot) or place in the party's order (ersättare)."""
    with store.read() as s:
        rows = [r for r in members_of(s, organ_id) if r.roll is roll]
    if roll is Roll.ERSATTARE:
        rows = [r for r in rows if r.party == party.strip()]
    return max((r.ordning for r in rows), default=0) + 1


# --- ersättarordning between parties -------------------------------------------------------


def get_party_order(store: Store, organ_id: int) -> dict[str | None, list[str]]:
    """Per party (None: the organ's general order) the parties to call ersättare from."""
    with store.read() as s:
        organ = get_organ_row(s, organ_id)
        shorts = {p.id: p.short for p in s.scalars(select(Party))}
        order: dict[str | None, list[str]] = {}
        for row in organ.party_order:
            key = shorts[row.for_party_id] if row.for_party_id is not None else None
            order.setdefault(key, []).append(shorts[row.party_id])
        return order


def set_party_order(
    store: Store, organ_id: int, for_party: str | None, parties: Sequence[str]
) -> None:
    """Set one party's order (None: the general order), leaving the others as they are."""
    with store.session() as s:
        organ = get_organ_row(s, organ_id)
        _set_one_order(s, organ, for_party, parties)


def _replace_party_order(
    session: Session, organ: Organ, order: dict[str | None, list[str]]
) -> None:
    organ.party_order = []
    session.flush()
    for owner, parties in order.items():
        _set_one_order(session, organ, owner, parties)


def _set_one_order(
    session: Session, organ: Organ, for_party: str | None, parties: Sequence[str]
) -> None:
    owner = ensure_party(session, for_party) if for_party else None
    owner_id = owner.id if owner else None
    organ.party_order = [r for r in organ.party_order if r.for_party_id != owner_id]
    session.flush()
    seen: set[str] = set()
    for position, short in enumerate(parties):
        party = ensure_party(session, short)
        if party is None or party.short in seen:
            continue
        seen.add(party.short)
        organ.party_order.append(
            ErsattarordningParti(for_party_id=owner_id, party_id=party.id, position=position)
        )
