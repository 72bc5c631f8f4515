"""Import, first part: the document's parties, people, organ and memberships matched to the
register of the importing database, or added to it.

A party is the same party by its short name, a person by name and party (as
services.register.find_person), an organ by its name, a membership by every field. What is
found is used as it stands; what is missing is added. A protocol is computed from the
register, so an organ that already exists must agree with the document on what the
protocol and the ersättare rules read, and its memberships in force on the meeting's date
must be exactly the document's. Otherwise the import is refused with the difference: the
imported protocol would say something other than the exported one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.register import Roll, full_name, person_label
from secretary.services.errors import ServiceError
from secretary.services.overforing.document import Document
from secretary.services.overforing.export import in_force
from secretary.services.overforing.fields import PARTI, PERSON, UPPDRAG, Ids
from secretary.services.overforing.tables import (
    ERSATTARORDNING,
    ORGAN,
    PARTIER,
    PERSONER,
    UPPDRAG_TABLE,
)
from secretary.store.models import (
    ErsattarordningParti,
    Meeting,
    Membership,
    Organ,
    Party,
    Person,
    Setting,
)

REFUSED = "Importen görs inte: "
ADVICE = " Rätta registret så att uppgifterna stämmer, eller importera till en annan databas."

# Organ fields the protocol or the ersättare rules read, and how a message names them.
_COMPARED = {
    "kind": "slag",
    "personliga_ersattare": "personliga ersättare",
    "benamning": "benämning i löptext",
    "anteckning_ersattare": "om ersättare får göra protokollsanteckningar",
    "forvaringsplats": "förvaringsplats",
    "labels": "egna rubriker",
}


def settings(s: Session, doc: Document) -> None:
    """A setting the database lacks is taken from the document; one it has must agree."""
    for key, value in doc.installningar.items():
        row = s.get(Setting, key)
        if not value.strip():
            continue
        if row is None or not row.value.strip():
            s.merge(Setting(key=key, value=value))
        elif row.value != value:
            raise ServiceError(
                f"{REFUSED}databasen har inställningen {key} ”{row.value}”, filen ”{value}”. "
                "Protokollet skulle då skrivas annorlunda än originalet."
            )


def parties(s: Session, doc: Document, ids: Ids) -> None:
    for row in doc.partier:
        party = s.scalar(select(Party).where(Party.short == row.values["short"]))
        if party is None:
            party = Party(**PARTIER.columns(row, ids))
            s.add(party)
            s.flush()
        ids[PARTI][str(row.ref)] = party.id


def _key(first: str, last: str, party_id: int | None) -> tuple[str, str, int | None]:
    return first.strip().lower(), last.strip().lower(), party_id


def persons(s: Session, doc: Document, ids: Ids) -> int:
    """Returns how many people were added. Names are compared in Python: SQLite's lower()
    folds only A-Z, so 'Åberg' and 'ÅBERG' would be two people there."""
    register: dict[tuple[str, str, int | None], Person] = {}
    for p in s.scalars(select(Person).order_by(Person.id)):
        register.setdefault(_key(p.first_name, p.last_name, p.party_id), p)
    added = 0
    for row in doc.personer:
        cols = PERSONER.columns(row, ids)
        person = register.get(_key(cols["first_name"], cols["last_name"], cols["party_id"]))
        if person is None:
            person = Person(**cols)
            s.add(person)
            s.flush()
            added += 1
        ids[PERSON][str(row.ref)] = person.id
    return added


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) or "standard"
    return f"”{value}”" if value else "(tomt)"


def organ(s: Session, doc: Document, ids: Ids) -> tuple[Organ, bool]:
    """The organ, and whether it was added."""
    cols = ORGAN.columns(doc.organ, ids)
    order = [ERSATTARORDNING.columns(r, ids) for r in doc.ersattarordning]
    found = s.scalar(select(Organ).where(Organ.name == cols["name"]))
    if found is None:
        found = Organ(**cols)
        s.add(found)
        s.flush()
        for o in order:
            s.add(ErsattarordningParti(organ_id=found.id, **o))
        s.flush()
        return found, True
    for col, what in _COMPARED.items():
        theirs = getattr(found, col) if col != "labels" else dict(found.labels or {})
        if theirs != cols[col]:
            raise ServiceError(
                f"{REFUSED}{found.name} finns redan i databasen men har en annan uppgift om "
                f"{what} ({_shown(theirs)}) än filen ({_shown(cols[col])}).{ADVICE}"
            )
    have = {(o.for_party_id, o.party_id, o.position) for o in found.party_order}
    if have != {(o["for_party_id"], o["party_id"], o["position"]) for o in order}:
        raise ServiceError(
            f"{REFUSED}{found.name} finns redan i databasen men har en annan ersättarordning "
            f"mellan partierna än filen.{ADVICE}"
        )
    return found, False


def _label(s: Session, m: Membership) -> str:
    person = s.get(Person, m.person_id)
    assert person is not None
    party = person.party.short if person.party else None
    return person_label(full_name(person.first_name, person.last_name), party)


def memberships(s: Session, doc: Document, found: Organ, ids: Ids, date: dt.date) -> int:
    """Match or add each membership; returns how many were added. Refused when the organ's
    memberships in force on `date` would differ from the document's."""
    existing = list(
        s.scalars(select(Membership).where(Membership.organ_id == found.id).order_by(Membership.id))
    )
    by_person: dict[int, list[Membership]] = {}
    for m in existing:
        by_person.setdefault(m.person_id, []).append(m)
    used: set[int] = set()
    rows: dict[str, Membership] = {}
    added: set[str] = set()
    for row in doc.uppdrag:
        ref = str(row.ref)
        cols = UPPDRAG_TABLE.columns(row, ids, skip=("personlig_ersattare_for",))
        match = next(
            (
                m
                for m in by_person.get(cols["person_id"], ())
                if m.id not in used and all(getattr(m, k) == v for k, v in cols.items())
            ),
            None,
        )
        if match is None:
            match = Membership(organ_id=found.id, **cols)
            s.add(match)
            added.add(ref)
        else:
            used.add(match.id)
        rows[ref] = match
    s.flush()
    ids[UPPDRAG].update({ref: m.id for ref, m in rows.items()})
    for row in doc.uppdrag:
        target = row.values["personlig_ersattare_for"]
        want = None if target is None else ids[UPPDRAG][target]
        m = rows[str(row.ref)]
        if str(row.ref) in added:
            m.personlig_ersattare_for_id = want
        elif m.personlig_ersattare_for_id != want:
            raise ServiceError(
                f"{REFUSED}{_label(s, m)} är personlig ersättare för någon annan i databasen "
                f"än i filen.{ADVICE}"
            )
    s.flush()
    _no_change_to_held_meetings(s, found, [rows[ref] for ref in sorted(added)])
    mine = set(ids[UPPDRAG].values())
    for m in existing:
        if m.id not in mine and in_force(m, date):
            raise ServiceError(
                f"{REFUSED}i databasen är {_label(s, m)} {Roll(m.roll).label.lower()} i "
                f"{found.name} den {date.isoformat()}, men filen har inte det uppdraget med "
                "samma uppgifter (roll, funktion, ordning, titel och period). Närvaron och "
                f"omröstningarna skulle då räknas annorlunda än i originalet.{ADVICE}"
            )
    return len(added)


def _no_change_to_held_meetings(s: Session, found: Organ, added: list[Membership]) -> None:
    """A membership the file brings must not reach a meeting the organ has already held:
    that meeting's attendance list, votes and justerat protocol would be read differently."""
    held = sorted(
        set(
            s.scalars(
                select(Meeting.date).where(
                    Meeting.organ_id == found.id, Meeting.state != "planerat"
                )
            )
        )
    )
    for m in added:
        hit = next((d for d in held if in_force(m, d)), None)
        if hit is not None:
            raise ServiceError(
                f"{REFUSED}filen ger {_label(s, m)} ett uppdrag i {found.name} som också gäller "
                f"sammanträdet den {hit.isoformat()}, som redan finns i databasen; dess "
                f"närvarolista och protokoll skulle då ändras. Ange uppdragets period i "
                f"registret där filen gjordes.{ADVICE}"
            )
