"""Recording a val §, live: the posts to fill with their nominations and way of electing, the
counts per candidate or per valsedelsgrupp, the lottning drawn on a tie, and entlediganden;
and the register following the decision at justering.

One unit of work per action. Every write returns an `Andring` whose undo (`AterstallVal`)
puts the § record back as it was: the record is one document, so the way back is the
document before. The rules are secretary.domain.val's; the LPV 2 § threshold is computed from
the live attendance: each seat once whose ledamot is in the room, also jävig for the §, or in
which an ersättare serves (`secretary.domain.val.narvarande_ledamoter`, where the reason is).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.register import Roll
from secretary.domain.val import (
    Entledigande,
    Kandidat,
    Personlig,
    Post,
    Valsatt,
    entledigande_sista_dag,
    fyllnadsval_period,
    post_hinder,
    resultat,
    roll_ord,
)
from secretary.services import las
from secretary.services.andring import Andring, Ids
from secretary.services.errors import ServiceError, require
from secretary.services.read import Reads
from secretary.services.read.val import (
    Valdata,
    ValLage,
    ValVy,
    ledamotsval,
    lpv_narvarande,
    valdata_from,
    valdata_json,
    valvy,
    valvyer,
)
from secretary.services.register import ensure_party, find_person
from secretary.services.valregister import NYCKEL, Spar
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    Meeting,
    Membership,
    Organ,
    ParagrafVal,
    Party,
    Person,
)

# --- reading ------------------------------------------------------------------------------


__all__ = ["valvy", "valvyer"]


def load_val(store: Store, arende_id: int) -> ValVy | None:
    with store.read() as s:
        reads = Reads(s)
        return valvy(reads, reads.arende(arende_id))


# --- writing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AterstallVal:
    """Put a § record back as it was (None: the § was no val)."""

    arende_id: int
    data: dict[str, Any] | None
    text: str = "Valet återställt"

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return _skriv(store, self.arende_id, self.text, lambda _: self.data, raw=True)


def _skriv(
    store: Store,
    arende_id: int,
    text: str,
    change: Any,
    *,
    raw: bool = False,
) -> Andring:
    """Read the § record, apply `change` (Valdata -> Valdata, or raw dict -> dict | None),
    check every post against the live attendance, write it, and return the undo."""
    with store.session() as s:
        reads = Reads(s)
        arende = reads.arende(arende_id)
        meeting = las.las_mote(s, arende.meeting_id)
        las.kontrollera_paragraf(s, meeting, arende.id)
        row = s.get(ParagrafVal, arende.id)
        before = dict(row.data) if row is not None else None
        if raw:
            after: dict[str, Any] | None = change(before)
        else:
            new = provad(reads, arende, meeting, change(valdata_from(before or {})))
            after = valdata_json(new)
        if after is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(ParagrafVal(arende_id=arende.id, data=after))
        else:
            row.data = after
        reads.wrote(arende_id=arende.id)
        return Andring(
            text,
            undo=AterstallVal(arende.id, before),
            vy=reads.vy(arende),
            val=ValLage(arende.id, valvy(reads, arende)),
        )


def provad(reads: Reads, arende: Arende, meeting: Meeting, d: Valdata) -> Valdata:
    """The record as it is stored: a fyllnadsval's term filled in, and refused, with the
    reason, if a post breaks a rule against the live attendance (LPV 2 and 3 §§)."""
    new = _fyllnadsval_tider(reads.session, meeting, d)
    narvarande = lpv_narvarande(reads, arende)
    for i in range(len(new.poster)):
        problems = _hinder(new, i, narvarande)
        if problems:
            raise ServiceError(" ".join(problems))
    return new


def _fyllnadsval_tider(session: Session, meeting: Meeting, d: Valdata) -> Valdata:
    """A fyllnadsval's term, where not given: from the decision to the end of the term of
    the one whose place it fills, as the register has it (prop. 2021/22:125)."""
    poster = list(d.poster)
    for i, post in enumerate(poster):
        if post.efter is None or post.organ_id is None or (post.fran and post.till):
            continue
        gone = _befintlig(session, post.efter)
        theirs = _uppdrag(session, gone, post.organ_id, post.roll, meeting.date) if gone else []
        avgangens_slut = post.till or next((m.period_to for m in theirs if m.period_to), None)
        try:
            fran, till = fyllnadsval_period(meeting.date, avgangens_slut, post.fran)
        except ValueError as exc:
            raise ServiceError(str(exc)) from exc
        poster[i] = replace(post, fran=fran, till=till)
    return replace(d, poster=tuple(poster))


def _hinder(d: Valdata, index: int, narvarande: int) -> list[str]:
    return post_hinder(d.poster[index], narvarande, ledamotsval(d.poster, index))


def gor_till_val(store: Store, arende_id: int) -> Andring:
    """Make the § a val § (an empty record to add posts to)."""
    return _skriv(store, arende_id, "Paragrafen är ett val", lambda d: d)


def spara_post(store: Store, arende_id: int, index: int | None, post: Post) -> Andring:
    """Add a post (index None) or replace post `index`. Refused, with the reason, if the
    post breaks a rule: a proportional val not asked for by enough of those present (LPV
    2 §), proportional ersättare after ledamöter elected otherwise (LPV 3 §)."""
    require(bool(post.organ.strip()), "Ange organet valet gäller.")

    def change(d: Valdata) -> Valdata:
        poster = list(d.poster)
        if index is None:
            poster.append(post)
        else:
            require(0 <= index < len(poster), "Posten finns inte längre.")
            poster[index] = post
        return replace(d, poster=tuple(poster))

    what = "Ny post" if index is None else "Posten ändrad"
    return _skriv(store, arende_id, f"{what}: {roll_ord(post.roll, 1)} i {post.organ}", change)


def ta_bort_post(store: Store, arende_id: int, index: int) -> Andring:
    def change(d: Valdata) -> Valdata:
        require(0 <= index < len(d.poster), "Posten finns inte längre.")
        return replace(d, poster=d.poster[:index] + d.poster[index + 1 :])

    return _skriv(store, arende_id, "Posten borttagen", change)


def lotta(store: Store, arende_id: int, index: int, plats: int, vinnare: int) -> Andring:
    """Record the outcome of the lottning drawn for seat `plats` of post `index`: `vinnare`
    is the index of the winning group (proportional val) or nominee (sluten)."""

    def change(d: Valdata) -> Valdata:
        require(0 <= index < len(d.poster), "Posten finns inte längre.")
        post = d.poster[index]
        behov = resultat(post).behov
        require(
            behov is not None and behov.plats == plats and vinnare in behov.mellan,
            "Ingen lottning väntar för den platsen mellan dessa.",
        )
        lottning = {**post.lottning, plats: vinnare}
        poster = list(d.poster)
        poster[index] = replace(post, lottning=lottning)
        return replace(d, poster=tuple(poster))

    return _skriv(store, arende_id, f"Lottning om plats {plats}", change)


def satt_personlig(
    store: Store, arende_id: int, index: int, ersattare: Kandidat, ledamot: Kandidat | None
) -> Andring:
    """Record whose personlig ersättare a nominee of ersättare post `index` is (None: no one),
    as the decision says, for an acklamation or sluten omröstning in an organ with personliga
    ersättare; a proportional val ties them by valsedelsgrupp (secretary.domain.val)."""

    def change(d: Valdata) -> Valdata:
        require(0 <= index < len(d.poster), "Posten finns inte längre.")
        post = d.poster[index]
        require(
            post.roll is Roll.ERSATTARE,
            "Endast en ersättare kan vara personlig ersättare.",
        )
        require(
            post.valsatt is not Valsatt.PROPORTIONELL,
            "Vid proportionellt val följer de personliga ersättarna valsedelsgrupperna.",
        )
        require(
            any(n.kandidat.nyckel == ersattare.nyckel for n in post.nomineringar),
            f"{ersattare.label} är inte nominerad till ersättare i {post.organ}.",
        )
        others = [(e, le) for e, le in post.personliga if e.nyckel != ersattare.nyckel]
        if ledamot is not None:
            taken = next((e for e, le in others if le.nyckel == ledamot.nyckel), None)
            require(
                taken is None,
                f"{taken.label if taken else ''} är redan personlig ersättare för {ledamot.label}.",
            )
            others.append((ersattare, ledamot))
        poster = list(d.poster)
        poster[index] = replace(post, personliga=tuple(others))
        return replace(d, poster=tuple(poster))

    what = f"för {ledamot.label}" if ledamot is not None else "borttagen"
    return _skriv(store, arende_id, f"Personlig ersättare {what}", change)


def spara_entledigande(store: Store, arende_id: int, index: int | None, e: Entledigande) -> Andring:
    def change(d: Valdata) -> Valdata:
        items = list(d.entlediganden)
        if index is None:
            items.append(e)
        else:
            require(0 <= index < len(items), "Entledigandet finns inte längre.")
            items[index] = e
        return replace(d, entlediganden=tuple(items))

    return _skriv(store, arende_id, f"Entledigande: {e.kandidat.label}", change)


def ta_bort_entledigande(store: Store, arende_id: int, index: int) -> Andring:
    def change(d: Valdata) -> Valdata:
        require(0 <= index < len(d.entlediganden), "Entledigandet finns inte längre.")
        return replace(d, entlediganden=d.entlediganden[:index] + d.entlediganden[index + 1 :])

    return _skriv(store, arende_id, "Entledigandet borttaget", change)


# --- the register follows the decision ------------------------------------------------------


@dataclass(frozen=True)
class Registerandring:
    """One change the decision makes to the register: who, what, on which organ, when."""

    paragraf: int
    text: str


def _ordning_ledamot(session: Session, organ_id: int) -> int:
    rows = session.scalars(
        select(Membership.ordning).where(
            Membership.organ_id == organ_id, Membership.roll == Roll.LEDAMOT.value
        )
    )
    return max(rows, default=0) + 1


def _befintlig(session: Session, k: Kandidat) -> Person | None:
    """The register's person for a candidate, if there is one: by id, else by name and party."""
    if k.person_id is not None:
        found = session.get(Person, k.person_id)
        if found is not None:
            return found
    party = session.scalar(select(Party).where(Party.short == k.parti.strip()))
    if k.parti.strip() and party is None:
        return None
    return find_person(session, k.fornamn, k.efternamn, party)


def _person(session: Session, k: Kandidat) -> Person:
    """The register's person for a candidate; added from the § if new (name, party)."""
    person = _befintlig(session, k)
    if person is not None:
        return person
    party = ensure_party(session, k.parti)
    person = Person(first_name=k.fornamn.strip(), last_name=k.efternamn.strip(), party=party)
    session.add(person)
    session.flush()
    return person


def _uppdrag(
    session: Session, person: Person, organ_id: int, roll: Roll, on: dt.date
) -> list[Membership]:
    return [
        m
        for m in session.scalars(
            select(Membership).where(
                Membership.person_id == person.id,
                Membership.organ_id == organ_id,
                Membership.roll == roll.value,
            )
        )
        if m.period_to is None or m.period_to >= on
    ]


def _planer(reads: Reads, meeting: Meeting) -> list[tuple[int, ValVy, Arende]]:
    vyer = valvyer(reads, meeting)
    nummer = {a.id: a.paragraf for a in reads.arenden(meeting)}
    return [(nummer[a.id], vyer[a.id], a) for a in meeting.arenden if a.id in vyer]


def registerforslag(reads: Reads, meeting: Meeting) -> list[Registerandring]:
    """What the register will say after justering: before it, a proposal to look at."""
    return [
        Registerandring(nr, text) for nr, vy, _ in _planer(reads, meeting) for text in vy.register
    ]


def load_registerforslag(store: Store, meeting_id: int) -> list[Registerandring]:
    with store.read() as s:
        reads = Reads(s)
        return registerforslag(reads, reads.meeting(meeting_id))


def kontrollera_valen(reads: Reads, meeting: Meeting) -> None:
    """Refused, in Swedish, while a val § breaks a rule or awaits its lottning: checked when
    the protocol is fixed for signing as well as at justering itself."""
    for nr, vy, _arende in _planer(reads, meeting):
        kontrollera_valet(nr, vy)


def kontrollera_valet(nr: int, vy: ValVy) -> None:
    """Refused, in Swedish, while val § `nr` breaks a rule or awaits its lottning."""
    for post, res, hinder in zip(vy.data.poster, vy.resultat, vy.hinder, strict=True):
        if hinder:
            raise ServiceError(f"§ {nr}: {' '.join(hinder)}")
        if res.behov is not None:
            raise ServiceError(
                f"§ {nr}: valet till {post.organ} väntar på lottning om plats "
                f"{res.behov.plats}. För in utfallet innan protokollet justeras."
            )


def folj_beslutet(session: Session, meeting: Meeting, now: dt.datetime) -> int:
    """At justering, in its unit of work: the elected get their memberships (organ, role,
    term, their place in the order) and the entledigade lose theirs from the decided date.
    A person not yet in the register is added from the § (name, party). Each § is applied
    once. Refused while a val awaits its lottning or breaks a rule. Returns the changes."""
    reads = Reads(session)
    kontrollera_valen(reads, meeting)
    changes = 0
    for _nr, vy, arende in _planer(reads, meeting):
        row = session.get(ParagrafVal, arende.id)
        assert row is not None
        if row.registrerat is None:
            changes += folj_paragrafen(session, meeting, vy, row, now)
    session.flush()
    return changes


def folj_paragrafen(
    session: Session, meeting: Meeting, vy: ValVy, row: ParagrafVal, now: dt.datetime
) -> int:
    """The register follows one val § (checked by the caller), noting what it did in the
    § record so that a rättelse can take back exactly that (services.valregister)."""
    spar = Spar()
    knyt: list[tuple[Membership, Post, Kandidat]] = []
    for post, res, pairs in zip(vy.data.poster, vy.resultat, vy.personliga, strict=True):
        if post.organ_id is None or session.get(Organ, post.organ_id) is None:
            continue  # a post outside the register (an external ombud): nothing to follow
        nya = _valda_in(session, post, res.valda, res.ordning, meeting.date, spar)
        knyt += _personliga(nya, post, res.valda, pairs)
    changes = len(spar.nya)
    for m, post, ledamot in knyt:  # once every ledamot of the § is in the register
        changes += _knyt(session, m, post, ledamot)
    for e in vy.data.entlediganden:
        if e.organ_id is None:
            continue
        person = _person(session, e.kandidat)
        for m in _uppdrag(session, person, e.organ_id, e.roll, e.fran):
            spar.avsluta(m, entledigande_sista_dag(e.fran))
            changes += 1
    session.flush()
    row.data = {**(row.data or {}), NYCKEL: spar.json()}
    row.registrerat = now
    return changes


def _personliga(
    nya: list[Membership], post: Post, valda: tuple[Kandidat, ...], pairs: tuple[Personlig, ...]
) -> list[tuple[Membership, Post, Kandidat]]:
    tied = {p.ersattare.nyckel: p.ledamot for p in pairs}
    return [
        (m, post, ledamot)
        for m, k in zip(nya, valda, strict=True)
        if (ledamot := tied.get(k.nyckel)) is not None
    ]


def _knyt(session: Session, m: Membership, post: Post, ledamot: Kandidat) -> int:
    """The membership gets personlig_ersattare_for_id: the ledamot's seat on the organ in
    force when the ersättare's term begins (elected in this § or already in the register)."""
    assert post.organ_id is not None
    person = _befintlig(session, ledamot)
    on = m.period_from or dt.date.min
    seats = _uppdrag(session, person, post.organ_id, Roll.LEDAMOT, on) if person else []
    seat = max(seats, key=lambda s: s.id, default=None)
    if seat is None:
        return 0
    m.personlig_ersattare_for_id = seat.id
    return 1


def _valda_in(
    session: Session,
    post: Post,
    valda: tuple[Kandidat, ...],
    ordning: tuple[int, ...],
    beslutsdag: dt.date,
    spar: Spar,
) -> list[Membership]:
    assert post.organ_id is not None
    start = post.fran or beslutsdag
    plats_efter: int | None = None
    if post.efter is not None:
        # A fyllnadsval takes the seat of the one who left; their uppdrag ends before it.
        gone = _person(session, post.efter)
        for m in _uppdrag(session, gone, post.organ_id, post.roll, start):
            plats_efter = m.ordning
            spar.avsluta(m, entledigande_sista_dag(start))
    per_parti: dict[str, int] = {}
    nya: list[Membership] = []
    for i, k in enumerate(valda):
        person = _person(session, k)
        if post.roll is Roll.LEDAMOT:
            n = plats_efter if plats_efter is not None else _ordning_ledamot(session, post.organ_id)
        elif ordning:
            n = ordning[i]
        else:
            per_parti[k.parti] = per_parti.get(k.parti, 0) + 1
            n = plats_efter if plats_efter is not None else per_parti[k.parti]
        m = Membership(
            organ_id=post.organ_id,
            person_id=person.id,
            roll=post.roll.value,
            ordning=n,
            period_from=start,
            period_to=post.till,
        )
        session.add(m)
        session.flush()
        nya.append(m)
    spar.nya += nya
    return nya


def kandidat_for(person: Person) -> Kandidat:
    """A register person as a candidate."""
    return Kandidat(
        person.first_name, person.last_name, person.party.short if person.party else "", person.id
    )


@dataclass(frozen=True)
class Uppdrag:
    """A current uppdrag in the register, for choosing whom an entledigande or a fyllnadsval
    concerns: the person as a candidate, the organ (in running text), role and term end."""

    kandidat: Kandidat
    organ: str
    organ_id: int
    roll: Roll
    till: dt.date | None

    @property
    def label(self) -> str:
        tom = f" t.o.m. {self.till.isoformat()}" if self.till else ""
        return f"{self.kandidat.label}, {roll_ord(self.roll, 1)} i {self.organ}{tom}"


def load_uppdrag(store: Store, meeting_id: int) -> list[Uppdrag]:
    """The register's ledamöter and ersättare whose uppdrag has not ended by the meeting day."""
    with store.read() as s:
        meeting = Reads(s).meeting(meeting_id)
        rows = s.scalars(
            select(Membership).where(
                Membership.roll.in_((Roll.LEDAMOT.value, Roll.ERSATTARE.value))
            )
        )
        out = [
            Uppdrag(
                kandidat_for(m.person),
                m.organ.name[:1].lower() + m.organ.name[1:],
                m.organ_id,
                Roll(m.roll),
                m.period_to,
            )
            for m in rows
            if m.period_to is None or m.period_to >= meeting.date
        ]
    return sorted(out, key=lambda u: (u.kandidat.efternamn, u.kandidat.fornamn, u.organ))
