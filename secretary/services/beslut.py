"""Recording how an ärende is decided, live: yrkanden, the propositionsordning, what the chair
finds at each step, voteringar with their roll call, the beslut, reservations and
protokollsanteckningar. One unit of work per action, committed before it returns.

The domain (secretary.domain.yrkanden, .beslutsgang, .votering) decides what is legal and
writes the text; this module stores what was recorded and checks who may do what from the
attendance timeline (only those serving on the § propose and vote).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
    reservation_hinder,
    reservation_text,
    utfall,
    yrkanden_text,
)
from secretary.domain.register import OrganKind, Roll
from secretary.domain.votering import Rost, Votering, kontrollera, resten_rostar
from secretary.domain.yrkanden import (
    Fraga,
    FragaTyp,
    Genomfort,
    Person,
    StegResultat,
    StegTyp,
    Yrkande,
    YrkandeTyp,
    foreslagen_ordning,
    ordningsvarningar,
)
from secretary.services import las
from secretary.services.errors import ServiceError, require
from secretary.services.rows import get_row
from secretary.services.session import SessionState, _state
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    Meeting,
    Organ,
    ParagrafBeslut,
    Protokollsanteckning,
    ReservationRad,
    YrkandeRad,
)

FORSLAG_NAMN = "förvaltningens förslag"
SEKTIONER = ("yrkanden", "beslutsgang", "reservation")


def benamning(organ: Organ) -> str:
    """The organ in running text: 'arbetsutskottet', 'kommunstyrelsen', 'byggnadsnämnden'."""
    if organ.benamning.strip():
        return organ.benamning.strip()
    kind = OrganKind(organ.kind)
    if kind is OrganKind.KF:
        return "kommunfullmäktige"
    if kind is OrganKind.KS:
        return "kommunstyrelsen"
    if kind is OrganKind.AU:
        return "arbetsutskottet"
    return organ.name[:1].lower() + organ.name[1:]


def forslag_att(text: str) -> tuple[str, ...]:
    """The att-satser of the förslag till beslut, one per line."""
    return tuple(line.strip().rstrip(".") for line in text.splitlines() if line.strip())


# --- (de)serialising what the chair found --------------------------------------------------


def _votering_json(v: Votering) -> dict[str, Any]:
    return {
        "ja": v.ja,
        "nej": v.nej,
        "val": v.val,
        "utslag": v.utslag,
        "lottning": v.lottning,
        "roster": {str(p): r.value for p, r in v.roster.items()},
        "rostberattigade": v.rostberattigade,
    }


def _votering(d: dict[str, Any]) -> Votering:
    return Votering(
        ja=d["ja"],
        nej=d["nej"],
        roster={int(p): Rost(r) for p, r in d.get("roster", {}).items()},
        val=bool(d.get("val")),
        utslag=d.get("utslag"),
        lottning=d.get("lottning"),
        rostberattigade=d.get("rostberattigade"),
    )


def _steg_json(r: StegResultat) -> dict[str, Any]:
    return {
        "vinnare": r.vinnare,
        "begard": r.votering_begard,
        "votering": _votering_json(r.votering) if r.votering else None,
    }


def _steg(d: dict[str, Any]) -> StegResultat:
    v = d.get("votering")
    return StegResultat(d["vinnare"], bool(d.get("begard")), _votering(v) if v else None)


def _ordning_json(ordning: Sequence[Fraga]) -> list[dict[str, Any]]:
    return [{"typ": f.typ.value, "yrkande_id": f.yrkande_id} for f in ordning]


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anteckning:
    id: int
    person: Person
    text: str


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

    def person(self, person_id: int) -> Person | None:
        return next((p for p in self.narvarande if p.person_id == person_id), None)


def _people(state: SessionState) -> dict[int, Person]:
    return {
        d.person_id: Person(d.person_id, d.name, d.party)
        for d in state.tidslinje.deltagare.values()
    }


def _read_row(session: Session, arende: Arende) -> ParagrafBeslut:
    """The stored record, or an unsaved empty one: reading (a PDF, the panel) never writes,
    so it works on a read-only or locked database."""
    row = session.get(ParagrafBeslut, arende.id)
    if row is not None:
        return row
    return ParagrafBeslut(
        arende_id=arende.id,
        ordning=None,
        ordning_godkand=False,
        resultat={},
        beslut_rubrik="",
        beslut_att=None,
        omedelbar_justering=False,
        sekretess=False,
        redigerat={},
    )


def _row(session: Session, arende: Arende) -> ParagrafBeslut:
    """The stored record for writing, created on first use."""
    row = session.get(ParagrafBeslut, arende.id)
    if row is None:
        row = ParagrafBeslut(arende_id=arende.id, resultat={}, redigerat={})
        session.add(row)
        session.flush()
    return row


def _domain(
    session: Session, arende: Arende, row: ParagrafBeslut, people: dict[int, Person]
) -> Paragrafbeslut:
    def person(pid: int) -> Person:
        return people.get(pid) or Person(pid, "(okänd)", None)

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
        for y in session.scalars(
            select(YrkandeRad).where(YrkandeRad.arende_id == arende.id).order_by(YrkandeRad.id)
        )
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
    resultat = {int(k): tuple(_steg(d) for d in v) for k, v in (row.resultat or {}).items()}
    reservationer = tuple(
        Reservation(person(r.person_id), ReservationTyp(r.typ))
        for r in session.scalars(
            select(ReservationRad)
            .where(ReservationRad.arende_id == arende.id)
            .order_by(ReservationRad.id)
        )
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


def _vy(session: Session, arende: Arende) -> ParagrafVy:
    meeting = arende.meeting
    state = _state(session, meeting)
    position = next(a.position for a in state.arenden if a.id == arende.id)
    people = _people(state)
    row = _read_row(session, arende)
    pb = _domain(session, arende, row, people)
    narvaro = state.narvaro(position)
    serving_ids = [
        h for seat in state.tidslinje.seats if narvaro and (h := narvaro.holder(seat)) is not None
    ]
    serving = tuple(people[p] for p in serving_ids)
    present = tuple(people[p] for p in sorted(narvaro.present)) if narvaro else ()
    chair = next((d.person_id for d in state.deltagare if d.funktion.value == "ORDFORANDE"), None)
    organ = benamning(meeting.organ)
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
        Anteckning(a.id, people.get(a.person_id) or Person(a.person_id, "(okänd)", None), a.text)
        for a in session.scalars(
            select(Protokollsanteckning)
            .where(Protokollsanteckning.arende_id == arende.id)
            .order_by(Protokollsanteckning.id)
        )
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
        meeting_id=meeting.id,
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
    )


def _arende(session: Session, arende_id: int) -> Arende:
    return get_row(session, Arende, arende_id, "Ärendet")


def load_paragraf(store: Store, arende_id: int) -> ParagrafVy:
    with store.session() as s:
        return _vy(s, _arende(s, arende_id))


def _editable(session: Session, arende: Arende) -> None:
    """The shared lock (services.las): refused after justering, with the way to a rättelse."""
    las.kontrollera_paragraf(session, arende.meeting, arende.id)


def _open(session: Session, arende_id: int) -> tuple[Arende, ParagrafVy]:
    arende = _arende(session, arende_id)
    _editable(session, arende)
    return arende, _vy(session, arende)


# --- yrkanden -----------------------------------------------------------------------------


def _not_started(vy: ParagrafVy) -> None:
    require(
        not vy.beslut.resultat,
        "Beslutsgången har redan börjat. Ångra stegen först om yrkandena ska ändras.",
    )


def _serving(vy: ParagrafVy, person_ids: Sequence[int], what: str) -> None:
    serving = {p.person_id for p in vy.tjanstgorande}
    for pid in person_ids:
        if pid not in serving:
            who = vy.person(pid)
            name = who.label if who else "Personen"
            raise ServiceError(f"{name} tjänstgör inte i § {vy.paragraf} och kan inte {what}.")


def add_yrkande(
    store: Store,
    arende_id: int,
    typ: YrkandeTyp,
    yrkare_id: int,
    *,
    text: str = "",
    instammande: Sequence[int] = (),
    stodjer: int | None = None,
    yrkande_id: int | None = None,
) -> int:
    """Only those serving on the § may make yrkanden (domain.md, Yrkanden).

    `yrkande_id` gives a removed yrkande back under its own id (undo, redo), so that a
    hand-made propositionsordning naming it still holds; a new id if that one is taken."""
    with store.session() as s:
        _, vy = _open(s, arende_id)
        _not_started(vy)
        _serving(vy, [yrkare_id], "yrka")
        _serving(vy, instammande, "instämma i yrkanden")
        needs_text = typ in (YrkandeTyp.ANDRING, YrkandeTyp.TILLAGG, YrkandeTyp.EGET)
        require(not needs_text or bool(text.strip()), f"Skriv vad {typ.label.lower()} gäller.")
        row = YrkandeRad(
            arende_id=arende_id,
            typ=typ.value,
            yrkare_id=yrkare_id,
            instammande=list(dict.fromkeys(p for p in instammande if p != yrkare_id)),
            text=text.strip(),
            stodjer_id=stodjer,
        )
        if yrkande_id is not None and s.get(YrkandeRad, yrkande_id) is None:
            row.id = yrkande_id
        s.add(row)
        s.flush()
        return row.id


def update_yrkande(
    store: Store,
    yrkande_id: int,
    *,
    typ: YrkandeTyp | None = None,
    text: str | None = None,
    instammande: Sequence[int] | None = None,
    aterkallat: bool | None = None,
) -> None:
    """Correct a yrkande, add who instämmer, or record that it is withdrawn (återtas)."""
    with store.session() as s:
        row = get_row(s, YrkandeRad, yrkande_id, "Yrkandet")
        _, vy = _open(s, row.arende_id)
        _not_started(vy)
        if instammande is not None:
            _serving(vy, instammande, "instämma i yrkanden")
            row.instammande = list(dict.fromkeys(p for p in instammande if p != row.yrkare_id))
        if typ is not None:
            row.typ = typ.value
        if text is not None:
            row.text = text.strip()
        if aterkallat is not None:
            row.aterkallat = aterkallat


def remove_yrkande(store: Store, yrkande_id: int) -> None:
    with store.session() as s:
        row = get_row(s, YrkandeRad, yrkande_id, "Yrkandet")
        _, vy = _open(s, row.arende_id)
        _not_started(vy)
        s.delete(row)


# --- propositionsordning ------------------------------------------------------------------


def set_ordning(store: Store, arende_id: int, ordning: Sequence[Fraga] | None) -> None:
    """The secretary's order of questions (None: the legal order proposed)."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        _not_started(vy)
        row = _row(s, arende)
        row.ordning = _ordning_json(ordning) if ordning is not None else None
        row.ordning_godkand = False


def godkann_ordning(store: Store, arende_id: int, godkand: bool = True) -> None:
    """Record that the body approved the propositionsordning."""
    with store.session() as s:
        arende, _ = _open(s, arende_id)
        _row(s, arende).ordning_godkand = godkand


# --- the chair's findings and voteringar ---------------------------------------------------


def _save_results(row: ParagrafBeslut, resultat: dict[int, list[StegResultat]]) -> None:
    row.resultat = {str(k): [_steg_json(r) for r in v] for k, v in resultat.items() if v}


def _results(vy: ParagrafVy) -> dict[int, list[StegResultat]]:
    return {k: list(v) for k, v in vy.beslut.resultat.items()}


def _next_index(vy: ParagrafVy) -> tuple[int, Genomfort]:
    nasta = vy.nasta
    require(nasta is not None, "Beslutsgången är redan avslutad.")
    assert nasta is not None
    return vy.utfall.fragor.index(nasta[0]), nasta[1]


def besvara(
    store: Store,
    arende_id: int,
    vinnare: str,
    *,
    votering_begard: bool = False,
    val: bool = False,
) -> None:
    """Record the chair's finding on the next proposition, and whether votering was asked
    for. For a pair the votering opens at once: Ja for the finding, Nej for the other."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        ok, text = may_decide_in(s, vy)
        require(
            ok,
            f"Beslutförhet saknas i § {vy.paragraf} ({text}). Bekräfta undantag innan beslut "
            "registreras.",
        )
        index, g = _next_index(vy)
        require(
            g.resultat is None or g.resultat.votering is None,
            "Voteringen pågår: registrera rösterna först.",
        )
        alts = g.steg.alternativ
        votering: Votering | None = None
        voters = len(vy.tjanstgorande)
        if g.steg.typ is StegTyp.HUVUDVOTERING:
            votering_begard, vinnare = True, alts[0]
            votering = Votering(alts[0], alts[1], {}, val=val, rostberattigade=voters)
        else:
            require(vinnare in alts, "Välj ett av förslagen i propositionen.")
            if votering_begard and len(alts) == 2:
                other = alts[1] if vinnare == alts[0] else alts[0]
                votering = Votering(vinnare, other, {}, val=val, rostberattigade=voters)
        results = _results(vy)
        results.setdefault(index, []).append(StegResultat(vinnare, votering_begard, votering))
        _save_results(_row(s, arende), results)


def may_decide_in(session: Session, vy: ParagrafVy) -> tuple[bool, str]:
    """Quorum for the §, or a logged override (session.quorum_override)."""
    ok, text = vy.beslutfort
    if ok:
        return True, text
    from secretary.store.models import Logg

    override = session.scalar(
        select(Logg.id).where(
            Logg.meeting_id == vy.meeting_id,
            Logg.kind == "beslutförhet-undantag",
            Logg.arende_id == vy.arende_id,
        )
    )
    return override is not None, text


def _open_votering(vy: ParagrafVy) -> tuple[int, Votering]:
    index, g = _next_index(vy)
    require(
        g.resultat is not None and g.resultat.votering is not None,
        "Ingen votering pågår i paragrafen.",
    )
    assert g.resultat is not None and g.resultat.votering is not None
    return index, g.resultat.votering


def _votering_att_angra(vy: ParagrafVy) -> tuple[int, Votering]:
    """Where an answer is taken back: the open votering, or else the one the last recorded
    step holds, finished by the answer being undone (the last J of a roll call, or 'the rest
    vote Ja'). Taking an answer back opens it again."""
    if vy.oppen_votering is not None:
        return _open_votering(vy)
    results = _results(vy)
    last = results[max(results)][-1] if results else None
    require(last is not None and last.votering is not None, "Ingen votering pågår i paragrafen.")
    assert last is not None and last.votering is not None
    return max(results), last.votering


def _replace_votering(
    session: Session, arende: Arende, vy: ParagrafVy, index: int, votering: Votering
) -> None:
    results = _results(vy)
    last = results[index][-1]
    results[index][-1] = StegResultat(last.vinnare, last.votering_begard, votering)
    _save_results(_row(session, arende), results)


def rosta(store: Store, arende_id: int, person_id: int, rost: Rost | None) -> None:
    """One answer in the roll call (None takes it back)."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        index, v = _votering_att_angra(vy) if rost is None else _open_votering(vy)
        _serving(vy, [person_id], "rösta")
        roster = dict(v.roster)
        if rost is None:
            roster.pop(person_id, None)
        else:
            roster[person_id] = rost
        _replace_votering(s, arende, vy, index, _with(v, roster=roster))


def ta_tillbaka(store: Store, arende_id: int, person_ids: Sequence[int]) -> None:
    """Take back the answers of several at once, in one unit of work (undoing 'the rest vote
    Ja', say): all of them or, if refused, none."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        index, v = _votering_att_angra(vy)
        roster = {pid: r for pid, r in v.roster.items() if pid not in set(person_ids)}
        _replace_votering(s, arende, vy, index, _with(v, roster=roster))


def resten(store: Store, arende_id: int, rost: Rost) -> int:
    """'The rest vote Ja/Nej': everyone serving who has not answered. Returns how many."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        index, v = _open_votering(vy)
        order = [p.person_id for p in vy.tjanstgorande]
        roster = resten_rostar(v.roster, order, rost)
        _replace_votering(s, arende, vy, index, _with(v, roster=roster))
        return len(roster) - len(v.roster)


def avgor_lika(store: Store, arende_id: int, vinnare: str) -> None:
    """A tie: the chair's casting vote (ordinary matter) or the draw's outcome (val)."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        index, v = _open_votering(vy)
        require(v.lika, "Röstetalet är inte lika.")
        require(vinnare in (v.ja, v.nej), "Välj ett av de två förslagen.")
        changed = _with(v, lottning=vinnare) if v.val else _with(v, utslag=vinnare)
        problems = kontrollera(changed, [p.person_id for p in vy.tjanstgorande], vy.ordforande_id)
        require(not problems, " ".join(problems))
        _replace_votering(s, arende, vy, index, changed)


def byt_voteringsproposition(store: Store, arende_id: int) -> None:
    """Swap what Ja and Nej stand for, before anyone has voted."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        index, v = _open_votering(vy)
        require(not v.roster, "Rösterna är redan avgivna; ta bort dem först.")
        _replace_votering(s, arende, vy, index, _with(v, ja=v.nej, nej=v.ja))


def _with(v: Votering, **changes: Any) -> Votering:
    from dataclasses import replace

    return replace(v, **changes)


def angra_steg(store: Store, arende_id: int) -> tuple[int, dict[str, Any]] | None:
    """Take back the last recorded step (undo or correction). Returns it for redo."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        results = _results(vy)
        if not results:
            return None
        index = max(results)
        removed = results[index].pop()
        _save_results(_row(s, arende), results)
        return index, _steg_json(removed)


def aterstall_steg(store: Store, arende_id: int, index: int, steg: dict[str, Any]) -> None:
    """Put back a step taken back (redo)."""
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        results = _results(vy)
        results.setdefault(index, []).append(_steg(steg))
        _save_results(_row(s, arende), results)


# --- beslut, flags, texts -----------------------------------------------------------------


def set_beslut(
    store: Store, arende_id: int, rubrik: str | None, att_satser: Sequence[str] | None
) -> None:
    """The beslut as edited (None: the att-satser follow the winning proposal)."""
    with store.session() as s:
        arende, _ = _open(s, arende_id)
        row = _row(s, arende)
        if rubrik is not None:
            row.beslut_rubrik = rubrik.strip()
        row.beslut_att = (
            [a.strip() for a in att_satser if a.strip()] if att_satser is not None else None
        )


def set_flaggor(
    store: Store,
    arende_id: int,
    *,
    omedelbar_justering: bool | None = None,
    sekretess: bool | None = None,
) -> None:
    with store.session() as s:
        arende, _ = _open(s, arende_id)
        row = _row(s, arende)
        if omedelbar_justering is not None:
            row.omedelbar_justering = omedelbar_justering
        if sekretess is not None:
            row.sekretess = sekretess


def set_text(store: Store, arende_id: int, section: str, text: str | None) -> None:
    """Keep the secretary's own wording of a section (None: back to the generated text).
    The generated text at the time is kept too, so a later change of facts is noticed."""
    require(section in SEKTIONER, "Okänd del av paragrafen.")
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        spara_text(s, arende, vy, section, text)


def spara_text(
    session: Session, arende: Arende, vy: ParagrafVy, section: str, text: str | None
) -> None:
    """set_text inside the caller's unit of work, without the lock: for services.rattelse,
    which is the one door to a change after justering."""
    row = _row(session, arende)
    edited = dict(row.redigerat or {})
    if text is None:
        edited.pop(section, None)
    else:
        generated = {
            "yrkanden": yrkanden_text(vy.beslut),
            "beslutsgang": beslutsgang_text(vy.beslut, vy.organ),
            "reservation": list(vy.reservation_text)
            if section not in (row.redigerat or {})
            else (row.redigerat or {})[section]["genererad"].split("\n\n"),
        }[section]
        edited[section] = {"text": text.strip(), "genererad": "\n\n".join(generated)}
    row.redigerat = edited


# --- reservations and protokollsanteckningar -----------------------------------------------


def add_reservation(
    store: Store,
    arende_id: int,
    person_id: int,
    typ: ReservationTyp = ReservationTyp.EGET_YRKANDE,
    text: str = "",
) -> int:
    """Refused to someone who did not take part, or who abstained (KL 4 kap. 27 §)."""
    with store.session() as s:
        _, vy = _open(s, arende_id)
        person = vy.person(person_id) or Person(person_id, "Personen", None)
        hinder = reservation_hinder(vy.beslut, person, {p.person_id for p in vy.tjanstgorande})
        if hinder:
            raise ServiceError(hinder)
        exists = s.scalar(
            select(ReservationRad.id).where(
                ReservationRad.arende_id == arende_id, ReservationRad.person_id == person_id
            )
        )
        require(exists is None, f"{person.label} har redan reserverat sig.")
        row = ReservationRad(arende_id=arende_id, person_id=person_id, typ=typ.value, text=text)
        s.add(row)
        s.flush()
        return row.id


def set_reservation(store: Store, reservation_id: int, typ: ReservationTyp, text: str) -> None:
    """The written grounds, which may arrive later (before justering)."""
    with store.session() as s:
        row = get_row(s, ReservationRad, reservation_id, "Reservationen")
        _editable(s, _arende(s, row.arende_id))
        row.typ = typ.value
        row.text = text.strip()


def remove_reservation(store: Store, reservation_id: int) -> None:
    with store.session() as s:
        row = get_row(s, ReservationRad, reservation_id, "Reservationen")
        _editable(s, _arende(s, row.arende_id))
        s.delete(row)


def add_anteckning(store: Store, arende_id: int, person_id: int, text: str) -> int:
    """A protokollsanteckning, entered with the chair's permission. Whether ersättare who do
    not serve may make one is the organ's own rule."""
    require(bool(text.strip()), "Skriv protokollsanteckningens text.")
    with store.session() as s:
        arende, vy = _open(s, arende_id)
        person = vy.person(person_id)
        require(person is not None, "Personen är inte närvarande vid paragrafen.")
        assert person is not None
        serving = {p.person_id for p in vy.tjanstgorande}
        state = _state(s, arende.meeting)
        deltagare = state.tidslinje.deltagare.get(person_id)
        if person_id not in serving:
            allowed = (
                deltagare is not None
                and deltagare.roll is Roll.ERSATTARE
                and arende.meeting.organ.anteckning_ersattare
            )
            require(
                allowed,
                f"{person.label} tjänstgör inte i § {vy.paragraf}; i {vy.organ} får bara "
                "tjänstgörande göra protokollsanteckningar.",
            )
        row = Protokollsanteckning(arende_id=arende_id, person_id=person_id, text=text.strip())
        s.add(row)
        s.flush()
        return row.id


def remove_anteckning(store: Store, anteckning_id: int) -> None:
    with store.session() as s:
        row = get_row(s, Protokollsanteckning, anteckning_id, "Protokollsanteckningen")
        _editable(s, _arende(s, row.arende_id))
        s.delete(row)


# --- before closing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Kontrollpunkt:
    paragraf: int
    rubrik: str
    brister: tuple[str, ...]


def kontrollista(store: Store, meeting_id: int) -> list[Kontrollpunkt]:
    """Per §, what KL 5 kap. 67 § still lacks; only §§ with something missing are listed."""
    with store.session() as s:
        meeting = get_row(s, Meeting, meeting_id, "Sammanträdet")
        out: list[Kontrollpunkt] = []
        for arende in meeting.arenden:
            vy = _vy(s, arende)
            if vy.brister:
                out.append(Kontrollpunkt(vy.paragraf, vy.rubrik, vy.brister))
        return out


@dataclass(frozen=True)
class ReservationPost:
    id: int
    person_id: int
    typ: ReservationTyp
    text: str


def list_reservationer(store: Store, arende_id: int) -> list[ReservationPost]:
    """The reservations on a § with their ids, for correcting or removing one."""
    with store.session() as s:
        return [
            ReservationPost(r.id, r.person_id, ReservationTyp(r.typ), r.text)
            for r in s.scalars(
                select(ReservationRad)
                .where(ReservationRad.arende_id == arende_id)
                .order_by(ReservationRad.id)
            )
        ]
