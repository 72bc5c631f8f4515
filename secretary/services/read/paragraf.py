"""Reading how an ärende is decided, inside a unit of work: the § view (`ParagrafVy`) the §
panel, the protocol and the checks of every beslut action are built on.

The rows of the §§ (yrkanden, the stored beslutsgång, reservations, anteckningar) are read in
one query per table for as many §§ as asked (`paragraf_rader`), and each view is built from
them and the meeting's `SessionState`, which is read once. Building a view writes nothing, so
it works on a read-only or locked database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.beslutsgang import (
    FragaUtfall,
    Paragrafbeslut,
    Reservation,
    ReservationTyp,
    Utfall,
    beslut_att_satser,
    beslutsgang_text,
    brister,
    reservation_forslag,
    reservation_text,
    utfall,
    yrkanden_text,
)
from secretary.domain.votering import Rost, Votering, kontrollera
from secretary.domain.yrkanden import (
    Fraga,
    FragaTyp,
    Genomfort,
    Person,
    StegResultat,
    Yrkande,
    YrkandeTyp,
    foreslagen_ordning,
    ordningsvarningar,
)
from secretary.services.read.sittning import SessionState
from secretary.store.models import (
    Arende,
    ParagrafBeslut,
    Protokollsanteckning,
    ReservationRad,
    YrkandeRad,
)

FORSLAG_NAMN = "förvaltningens förslag"
SEKTIONER = ("yrkanden", "beslutsgang", "reservation")


def forslag_att(text: str) -> tuple[str, ...]:
    """The att-satser of the förslag till beslut, one per line."""
    return tuple(line.strip().rstrip(".") for line in text.splitlines() if line.strip())


# --- (de)serialising what the chair found --------------------------------------------------


def votering_json(v: Votering) -> dict[str, Any]:
    return {
        "ja": v.ja,
        "nej": v.nej,
        "val": v.val,
        "utslag": v.utslag,
        "lottning": v.lottning,
        "roster": {str(p): r.value for p, r in v.roster.items()},
        "rostberattigade": v.rostberattigade,
    }


def votering_from(d: dict[str, Any]) -> Votering:
    return Votering(
        ja=d["ja"],
        nej=d["nej"],
        roster={int(p): Rost(r) for p, r in d.get("roster", {}).items()},
        val=bool(d.get("val")),
        utslag=d.get("utslag"),
        lottning=d.get("lottning"),
        rostberattigade=d.get("rostberattigade"),
    )


def steg_json(r: StegResultat) -> dict[str, Any]:
    return {
        "vinnare": r.vinnare,
        "begard": r.votering_begard,
        "votering": votering_json(r.votering) if r.votering else None,
    }


def steg_from(d: dict[str, Any]) -> StegResultat:
    v = d.get("votering")
    return StegResultat(d["vinnare"], bool(d.get("begard")), votering_from(v) if v else None)


def ordning_json(ordning: Iterable[Fraga]) -> list[dict[str, Any]]:
    return [{"typ": f.typ.value, "yrkande_id": f.yrkande_id} for f in ordning]


# --- the stored rows of §§ ----------------------------------------------------------------


def empty_beslut(arende_id: int) -> ParagrafBeslut:
    """An unsaved empty record: what a § without any recorded step reads as."""
    return ParagrafBeslut(
        arende_id=arende_id,
        ordning=None,
        ordning_godkand=False,
        resultat={},
        beslut_rubrik="",
        beslut_att=None,
        omedelbar_justering=False,
        sekretess=False,
        redigerat={},
    )


@dataclass
class ParagrafRader:
    """The stored rows of one §, in id order."""

    beslut: ParagrafBeslut
    yrkanden: list[YrkandeRad] = field(default_factory=list)
    reservationer: list[ReservationRad] = field(default_factory=list)
    anteckningar: list[Protokollsanteckning] = field(default_factory=list)


def paragraf_rader(session: Session, arende_ids: Iterable[int]) -> dict[int, ParagrafRader]:
    """The rows of these §§: one query per table however many §§ there are."""
    ids = list(arende_ids)
    if not ids:
        return {}
    found = {
        row.arende_id: row
        for row in session.scalars(select(ParagrafBeslut).where(ParagrafBeslut.arende_id.in_(ids)))
    }
    out = {aid: ParagrafRader(found.get(aid) or empty_beslut(aid)) for aid in ids}
    for y in session.scalars(
        select(YrkandeRad).where(YrkandeRad.arende_id.in_(ids)).order_by(YrkandeRad.id)
    ):
        out[y.arende_id].yrkanden.append(y)
    for r in session.scalars(
        select(ReservationRad).where(ReservationRad.arende_id.in_(ids)).order_by(ReservationRad.id)
    ):
        out[r.arende_id].reservationer.append(r)
    for a in session.scalars(
        select(Protokollsanteckning)
        .where(Protokollsanteckning.arende_id.in_(ids))
        .order_by(Protokollsanteckning.id)
    ):
        out[a.arende_id].anteckningar.append(a)
    return out


# --- the view -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Anteckning:
    id: int
    person: Person
    text: str


@dataclass(frozen=True)
class ReservationPost:
    id: int
    person_id: int
    typ: ReservationTyp
    text: str  # the written grounds, a bilaga; may arrive before justering


@dataclass(frozen=True)
class ParagrafVy:
    """Everything the § panel shows, read in one go."""

    arende_id: int
    meeting_id: int
    position: int
    paragraf: int
    rubrik: str
    organ: str  # running-text form
    tjanstgorande: tuple[Person, ...]  # roll-call order: seat order, chair last
    narvarande: tuple[Person, ...]
    ordforande_id: int | None
    beslut: Paragrafbeslut
    utfall: Utfall
    yrkanden_text: tuple[str, ...]
    beslutsgang_text: tuple[str, ...]
    reservation_text: tuple[str, ...]
    inaktuella: tuple[str, ...]  # edited sections whose facts have changed since
    beslut_rubrik: str
    beslut_att: tuple[str, ...]
    omedelbar_justering: bool
    sekretess: bool
    reservation_forslag: frozenset[int]
    anteckningar: tuple[Anteckning, ...]
    brister: tuple[str, ...]
    varningar: tuple[str, ...]
    beslutfort: tuple[bool, str]
    undantag: bool = False  # a decision without quorum confirmed and logged for this §
    reservationer: tuple[ReservationPost, ...] = ()
    omedelbart_justerad: bool = False

    @property
    def nasta(self) -> tuple[FragaUtfall, Genomfort] | None:
        return self.utfall.nasta()

    @property
    def oppen_votering(self) -> Votering | None:
        """A votering whose roll call or tie is not finished: where votes go."""
        nasta = self.nasta
        if nasta is None:
            return None
        g = nasta[1]
        return g.resultat.votering if g.resultat is not None else None

    @property
    def may_decide(self) -> tuple[bool, str]:
        """Quorum for the §, or a logged override (services.session.quorum_override)."""
        ok, text = self.beslutfort
        return (ok or self.undantag), text

    def person(self, person_id: int) -> Person | None:
        return next((p for p in self.narvarande if p.person_id == person_id), None)

    def generated(self, section: str) -> list[str]:
        """The text the application writes for a section from what was recorded."""
        if section == "yrkanden":
            return yrkanden_text(self.beslut)
        if section == "beslutsgang":
            return beslutsgang_text(self.beslut, self.organ)
        return list(self.reservation_text)


def people(state: SessionState) -> dict[int, Person]:
    return {
        d.person_id: Person(d.person_id, d.name, d.party)
        for d in state.tidslinje.deltagare.values()
    }


def paragrafbeslut(
    arende: Arende, rader: ParagrafRader, persons: dict[int, Person]
) -> Paragrafbeslut:
    def person(pid: int) -> Person:
        return persons.get(pid) or Person(pid, "(okänd)", None)

    row = rader.beslut
    yrkanden = tuple(
        Yrkande(
            id=y.id,
            typ=YrkandeTyp(y.typ),
            yrkare=person(y.yrkare_id),
            instammande=tuple(person(p) for p in y.instammande or ()),
            text=y.text,
            stodjer=y.stodjer_id,
            aterkallat=y.aterkallat,
        )
        for y in rader.yrkanden
    )
    # A question about a yrkande since removed is not put; the stored order keeps it, so an
    # undo that gives the yrkande back (under its own id) gives its place back too. Removal
    # is refused once the chair has begun, so the steps recorded by index stay in step.
    if row.ordning is None:
        ordning = tuple(foreslagen_ordning(yrkanden))
    else:
        ordning = tuple(
            Fraga(FragaTyp(f["typ"]), f.get("yrkande_id"))
            for f in row.ordning
            if f.get("yrkande_id") is None or any(y.id == f["yrkande_id"] for y in yrkanden)
        )
    resultat = {int(k): tuple(steg_from(d) for d in v) for k, v in (row.resultat or {}).items()}
    reservationer = tuple(
        Reservation(person(r.person_id), ReservationTyp(r.typ)) for r in rader.reservationer
    )
    return Paragrafbeslut(
        forslag_namn=arende.forslag_namn.strip() or FORSLAG_NAMN,
        forslag_att=forslag_att(arende.forslag_till_beslut),
        yrkanden=yrkanden,
        ordning=ordning,
        ordning_godkand=row.ordning_godkand,
        resultat=resultat,
        reservationer=reservationer,
    )


def build_vy(arende: Arende, state: SessionState, rader: ParagrafRader, organ: str) -> ParagrafVy:
    """The view of one § (`organ` in running text, see `benamning`)."""
    position = next(a.position for a in state.arenden if a.id == arende.id)
    persons = people(state)
    row = rader.beslut
    pb = paragrafbeslut(arende, rader, persons)
    narvaro = state.narvaro(position)
    serving_ids = [
        h for seat in state.tidslinje.seats if narvaro and (h := narvaro.holder(seat)) is not None
    ]
    serving = tuple(persons[p] for p in serving_ids)
    present = tuple(persons[p] for p in sorted(narvaro.present)) if narvaro else ()
    chair = next((d.person_id for d in state.deltagare if d.funktion.value == "ORDFORANDE"), None)
    u = utfall(pb)
    partier: dict[str, set[int]] = {}
    for p in serving:
        if p.party:
            partier.setdefault(p.party, set()).add(p.person_id)
    generated = {
        "yrkanden": yrkanden_text(pb),
        "beslutsgang": beslutsgang_text(pb, organ),
        "reservation": reservation_text(pb, partier),
    }
    texts: dict[str, list[str]] = {}
    stale: list[str] = []
    for section, text in generated.items():
        edited = (row.redigerat or {}).get(section)
        if edited:
            texts[section] = [p for p in edited["text"].split("\n\n") if p.strip()]
            if edited.get("genererad") != "\n\n".join(text):
                stale.append(section)
        else:
            texts[section] = text
    att = tuple(row.beslut_att) if row.beslut_att is not None else tuple(beslut_att_satser(pb, u))
    anteckningar = tuple(
        Anteckning(a.id, persons.get(a.person_id) or Person(a.person_id, "(okänd)", None), a.text)
        for a in rader.anteckningar
    )
    serving_set = set(serving_ids)
    problems = brister(pb, serving_set, att)
    for number, (_, _, v) in enumerate(u.voteringar, start=1):
        problems += [
            f"Votering {number}: {p}"
            for p in kontrollera(v, serving_ids, chair)
            if f"Votering {number}: {p}" not in problems
        ]
    quorum = state.beslutforhet(position)
    return ParagrafVy(
        arende_id=arende.id,
        meeting_id=state.meeting_id,
        position=position,
        paragraf=state.paragraf(position),
        rubrik=arende.rubrik,
        organ=organ,
        tjanstgorande=serving,
        narvarande=present,
        ordforande_id=chair,
        beslut=pb,
        utfall=u,
        yrkanden_text=tuple(texts["yrkanden"]),
        beslutsgang_text=tuple(texts["beslutsgang"]),
        reservation_text=tuple(texts["reservation"]),
        inaktuella=tuple(stale),
        beslut_rubrik=row.beslut_rubrik or f"{organ[:1].upper()}{organ[1:]} beslutar",
        beslut_att=att,
        omedelbar_justering=row.omedelbar_justering,
        sekretess=row.sekretess,
        reservation_forslag=frozenset(reservation_forslag(pb, serving_set)),
        anteckningar=anteckningar,
        brister=tuple(problems),
        varningar=tuple(ordningsvarningar(pb.ordning, pb.yrkanden)),
        beslutfort=(quorum.ok, quorum.text) if quorum else (False, ""),
        undantag=state.has_undantag(position),
        reservationer=tuple(
            ReservationPost(r.id, r.person_id, ReservationTyp(r.typ), r.text)
            for r in rader.reservationer
        ),
        omedelbart_justerad=row.omedelbart_justerad is not None,
    )


@dataclass(frozen=True)
class Kontrollpunkt:
    paragraf: int
    rubrik: str
    brister: tuple[str, ...]


def kontrollpunkter(vyer: Iterable[ParagrafVy]) -> list[Kontrollpunkt]:
    """Per §, what KL 5 kap. 67 § still lacks; only §§ with something missing are listed."""
    return [Kontrollpunkt(v.paragraf, v.rubrik, v.brister) for v in vyer if v.brister]
