"""Recording how an ärende is decided, live: yrkanden, the propositionsordning, what the chair
finds at each step, voteringar with their roll call, the beslut, reservations and
protokollsanteckningar. One unit of work per action, committed before it returns.

The domain (secretary.domain.yrkanden, .beslutsgang, .votering) decides what is legal and
writes the text; this module stores what was recorded and checks who may do what from the
attendance timeline (only those serving on the § propose and vote). Every action returns an
`Andring` with the § view after it and the action that undoes it
(secretary.services.andring).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.beslutsgang import ReservationTyp, reservation_hinder
from secretary.domain.register import Roll
from secretary.domain.votering import Rost, Votering, kontrollera
from secretary.domain.yrkanden import (
    Fraga,
    FragaTyp,
    Genomfort,
    Person,
    StegResultat,
    StegTyp,
    YrkandeTyp,
)
from secretary.services import las
from secretary.services.andring import ANTECKNING, RESERVATION, YRKANDE, Andring, Flytt, Ids
from secretary.services.errors import ServiceError, require
from secretary.services.read import Reads
from secretary.services.read.paragraf import (
    FORSLAG_NAMN,
    SEKTIONER,
    Anteckning,
    Kontrollpunkt,
    ParagrafVy,
    ReservationPost,
    forslag_att,
    ordning_json,
    steg_from,
    steg_json,
)
from secretary.services.read.sittning import benamning
from secretary.services.read.val import kontrollpunkter_val
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    ParagrafBeslut,
    Protokollsanteckning,
    ReservationRad,
    YrkandeRad,
)

__all__ = [
    "FORSLAG_NAMN",
    "SEKTIONER",
    "Anteckning",
    "Kontrollpunkt",
    "ParagrafVy",
    "ReservationPost",
    "benamning",
    "forslag_att",
]

_FLAGGOR = {"omedelbar_justering": "Omedelbar justering", "sekretess": "Sekretess"}


# --- reading ------------------------------------------------------------------------------


def load_paragraf(store: Store, arende_id: int) -> ParagrafVy:
    with store.read() as s:
        reads = Reads(s)
        return reads.vy(reads.arende(arende_id))


def kontrollista(store: Store, meeting_id: int) -> list[Kontrollpunkt]:
    """Per §, what KL 5 kap. 67 § still lacks (for a val §, what its val lacks); only §§
    with something missing are listed."""
    with store.read() as s:
        reads = Reads(s)
        return kontrollpunkter_val(reads, reads.meeting(meeting_id))


def list_reservationer(store: Store, arende_id: int) -> list[ReservationPost]:
    """The reservations on a § with their ids, for correcting or removing one."""
    return list(load_paragraf(store, arende_id).reservationer)


# --- one action ---------------------------------------------------------------------------


def _open(reads: Reads, arende_id: int) -> tuple[Arende, ParagrafVy]:
    """The § for a change: its meeting locked (services.las) and open, and its view."""
    arende = reads.arende(arende_id)
    meeting = las.las_mote(reads.session, arende.meeting_id)
    las.kontrollera_paragraf(reads.session, meeting, arende.id)
    return arende, reads.vy(arende)


def _done(
    reads: Reads,
    arende: Arende,
    text: str,
    undo: Any,
    *,
    id_: int | None = None,
    flyttade: tuple[Flytt, ...] = (),
) -> Andring:
    """What the action did, with the § view read again after the write."""
    reads.wrote(arende_id=arende.id)
    return Andring(text, undo=undo, vy=reads.vy(arende), id=id_, flyttade=flyttade)


def _row(session: Session, arende: Arende) -> ParagrafBeslut:
    """The stored record for writing, created on first use."""
    row = session.get(ParagrafBeslut, arende.id)
    if row is None:
        row = ParagrafBeslut(arende_id=arende.id, resultat={}, redigerat={})
        session.add(row)
        session.flush()
    return row


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


def _label(vy: ParagrafVy, person_id: int) -> str:
    who = vy.person(person_id)
    return who.label if who else "Personen"


@dataclass(frozen=True)
class LaggTillYrkande:
    arende_id: int
    typ: YrkandeTyp
    yrkare_id: int
    text: str = ""
    instammande: tuple[int, ...] = ()
    stodjer: int | None = None
    yrkande_id: int | None = None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        keep = None if self.yrkande_id is None else ids.current(YRKANDE, self.yrkande_id)
        return add_yrkande(
            store,
            self.arende_id,
            self.typ,
            self.yrkare_id,
            text=self.text,
            instammande=self.instammande,
            stodjer=self.stodjer,
            yrkande_id=keep,
        )


@dataclass(frozen=True)
class TaBortYrkande:
    yrkande_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return remove_yrkande(store, ids.current(YRKANDE, self.yrkande_id))


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
) -> Andring:
    """Only those serving on the § may make yrkanden (domain.md, Yrkanden).

    `yrkande_id` gives a removed yrkande back under its own id (undo, redo), so that a
    hand-made propositionsordning naming it still holds; a new id if that one is taken."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
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
        moved: tuple[Flytt, ...] = ()
        if yrkande_id is not None and row.id != yrkande_id:
            moved = ((YRKANDE, yrkande_id, row.id),)
        return _done(
            reads,
            arende,
            f"Yrkande: {_label(vy, yrkare_id)} {typ.label.lower()}",
            TaBortYrkande(row.id),
            id_=row.id,
            flyttade=moved,
        )


@dataclass(frozen=True)
class AndraYrkande:
    yrkande_id: int
    typ: YrkandeTyp | None = None
    text: str | None = None
    instammande: tuple[int, ...] | None = None
    aterkallat: bool | None = None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return update_yrkande(
            store,
            ids.current(YRKANDE, self.yrkande_id),
            typ=self.typ,
            text=self.text,
            instammande=self.instammande,
            aterkallat=self.aterkallat,
        )


def update_yrkande(
    store: Store,
    yrkande_id: int,
    *,
    typ: YrkandeTyp | None = None,
    text: str | None = None,
    instammande: Sequence[int] | None = None,
    aterkallat: bool | None = None,
) -> Andring:
    """Correct a yrkande, add who instämmer, or record that it is withdrawn (återtas)."""
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, YrkandeRad, yrkande_id, "Yrkandet")
        arende, vy = _open(reads, row.arende_id)
        _not_started(vy)
        before = AndraYrkande(
            yrkande_id,
            typ=YrkandeTyp(row.typ) if typ is not None else None,
            text=row.text if text is not None else None,
            instammande=tuple(row.instammande or ()) if instammande is not None else None,
            aterkallat=row.aterkallat if aterkallat is not None else None,
        )
        yrkare = _label(vy, row.yrkare_id)
        what = "Yrkandet ändrat"
        if instammande is not None:
            _serving(vy, instammande, "instämma i yrkanden")
            new = list(dict.fromkeys(p for p in instammande if p != row.yrkare_id))
            joined = [p for p in new if p not in (row.instammande or ())]
            what = f"{_label(vy, joined[0])} instämmer" if joined else "Instämmanden ändrade"
            row.instammande = new
        if typ is not None:
            row.typ = typ.value
        if text is not None:
            row.text = text.strip()
            what = "Lydelsen ändrad"
        if aterkallat is not None:
            row.aterkallat = aterkallat
            what = f"{yrkare}: yrkandet {'återtas' if aterkallat else 'återinförs'}"
        return _done(reads, arende, what, before)


def remove_yrkande(store: Store, yrkande_id: int) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, YrkandeRad, yrkande_id, "Yrkandet")
        arende, vy = _open(reads, row.arende_id)
        _not_started(vy)
        back = LaggTillYrkande(
            arende.id,
            YrkandeTyp(row.typ),
            row.yrkare_id,
            text=row.text,
            instammande=tuple(row.instammande or ()),
            stodjer=row.stodjer_id,
            yrkande_id=row.id,
        )
        s.delete(row)
        return _done(reads, arende, f"Borttaget yrkande: {_label(vy, back.yrkare_id)}", back)


# --- propositionsordning ------------------------------------------------------------------


@dataclass(frozen=True)
class SattOrdning:
    arende_id: int
    ordning: tuple[Fraga, ...] | None
    godkand: bool = False

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_ordning(store, self.arende_id, self.ordning, godkand=self.godkand)


def set_ordning(
    store: Store, arende_id: int, ordning: Sequence[Fraga] | None, *, godkand: bool = False
) -> Andring:
    """The secretary's order of questions (None: the legal order proposed). A changed order
    is not approved by the body until it says so (`godkann_ordning`); undo gives back the
    order with its approval as it was."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        _not_started(vy)
        row = _row(s, arende)
        before = SattOrdning(
            arende_id,
            tuple(vy.beslut.ordning) if row.ordning is not None else None,
            row.ordning_godkand,
        )
        row.ordning = ordning_json(ordning) if ordning is not None else None
        row.ordning_godkand = godkand
        if ordning is None:
            text = "Lagens propositionsordning"
        elif any(f.typ is FragaTyp.SAMLAD for f in ordning):
            text = "Samlad proposition"
        else:
            text = "Propositionsordningen ändrad"
        return _done(reads, arende, text, before)


@dataclass(frozen=True)
class GodkannOrdning:
    arende_id: int
    godkand: bool

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return godkann_ordning(store, self.arende_id, self.godkand)


def godkann_ordning(store: Store, arende_id: int, godkand: bool = True) -> Andring:
    """Record that the body approved the propositionsordning."""
    with store.session() as s:
        reads = Reads(s)
        arende, _ = _open(reads, arende_id)
        row = _row(s, arende)
        before = row.ordning_godkand
        row.ordning_godkand = godkand
        text = "Propositionsordningen godkänd" if godkand else "Godkännandet borttaget"
        return _done(reads, arende, text, GodkannOrdning(arende_id, before))


# --- the chair's findings and voteringar ---------------------------------------------------


def _save_results(row: ParagrafBeslut, resultat: Mapping[int, Sequence[StegResultat]]) -> None:
    row.resultat = {str(k): [steg_json(r) for r in v] for k, v in resultat.items() if v}


def _results(vy: ParagrafVy) -> dict[int, list[StegResultat]]:
    return {k: list(v) for k, v in vy.beslut.resultat.items()}


def _next_index(vy: ParagrafVy) -> tuple[int, Genomfort]:
    nasta = vy.nasta
    require(nasta is not None, "Beslutsgången är redan avslutad.")
    assert nasta is not None
    return vy.utfall.fragor.index(nasta[0]), nasta[1]


def _decidable(vy: ParagrafVy) -> None:
    """A beslut is recorded only on a § with quorum or a logged override (KL 6 kap. 27 §):
    the chair's finding, its redo, a casting vote and the beslut's own wording alike."""
    ok, text = vy.may_decide
    require(
        ok,
        f"Beslutförhet saknas i § {vy.paragraf} ({text}). Bekräfta undantag innan beslut "
        "registreras.",
    )


@dataclass(frozen=True)
class AngraSteg:
    arende_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return angra_steg(store, self.arende_id)


@dataclass(frozen=True)
class AterstallSteg:
    arende_id: int
    index: int
    steg: Mapping[str, Any]

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return aterstall_steg(store, self.arende_id, self.index, dict(self.steg))


def besvara(
    store: Store,
    arende_id: int,
    vinnare: str,
    *,
    votering_begard: bool = False,
    val: bool = False,
) -> Andring:
    """Record the chair's finding on the next proposition, and whether votering was asked
    for. For a pair the votering opens at once: Ja for the finding, Nej for the other."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        _decidable(vy)
        index, g = _next_index(vy)
        require(
            g.resultat is None or g.resultat.votering is None,
            "Voteringen pågår: registrera rösterna först.",
        )
        fraga = vy.utfall.fragor[index]
        alts = g.steg.alternativ
        votering: Votering | None = None
        voters = len(vy.tjanstgorande)
        if g.steg.typ is StegTyp.HUVUDVOTERING:
            votering_begard, vinnare = True, alts[0]
            votering = Votering(alts[0], alts[1], {}, val=val, rostberattigade=voters)
            text = "Huvudvoteringen öppnas"
        else:
            require(vinnare in alts, "Välj ett av förslagen i propositionen.")
            if votering_begard and len(alts) == 2:
                other = alts[1] if vinnare == alts[0] else alts[0]
                votering = Votering(vinnare, other, {}, val=val, rostberattigade=voters)
            text = f"Ordföranden finner: {fraga.alternativ[vinnare].namn}"
            text += " – votering begärs" if votering_begard else ""
        results = _results(vy)
        results.setdefault(index, []).append(StegResultat(vinnare, votering_begard, votering))
        _save_results(_row(s, arende), results)
        return _done(reads, arende, text, AngraSteg(arende_id))


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


@dataclass(frozen=True)
class SattRoster:
    """Answers in the roll call, per person (None takes an answer back)."""

    arende_id: int
    roster: tuple[tuple[int, Rost | None], ...]

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return satt_roster(store, self.arende_id, dict(self.roster))


def _satt_roster(
    reads: Reads, arende: Arende, vy: ParagrafVy, roster: Mapping[int, Rost | None]
) -> Andring:
    """Give or take back the answers of these people: all or none. Taking answers back
    reopens a votering they had finished."""
    taking_back = all(r is None for r in roster.values())
    index, v = _votering_att_angra(vy) if taking_back else _open_votering(vy)
    _serving(vy, [p for p, r in roster.items() if r is not None], "rösta")
    before = tuple((pid, v.roster.get(pid)) for pid in roster)
    answers = dict(v.roster)
    for pid, rost in roster.items():
        if rost is None:
            answers.pop(pid, None)
        else:
            answers[pid] = rost
    _replace_votering(reads.session, arende, vy, index, replace(v, roster=answers))
    if len(roster) == 1:
        ((pid, one),) = roster.items()
        who = _label(vy, pid)
        text = f"{who}: {one.label}" if one else f"{who}: rösten borttagen"
    else:
        given = {r for r in roster.values() if r is not None}
        text = (
            f"Resten röstar {given.pop().label.lower()}" if len(given) == 1 else "Rösterna ändrade"
        )
    return _done(reads, arende, text, SattRoster(arende.id, before), id_=len(roster))


def satt_roster(store: Store, arende_id: int, roster: Mapping[int, Rost | None]) -> Andring:
    """Answers of several at once, in one unit of work (undoing 'the rest vote Ja', say)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        return _satt_roster(reads, arende, vy, roster)


def rosta(store: Store, arende_id: int, person_id: int, rost: Rost | None) -> Andring:
    """One answer in the roll call (None takes it back)."""
    return satt_roster(store, arende_id, {person_id: rost})


def ta_tillbaka(store: Store, arende_id: int, person_ids: Sequence[int]) -> Andring:
    """Take back the answers of several at once: all of them or, if refused, none."""
    return satt_roster(store, arende_id, dict.fromkeys(person_ids))


def resten(store: Store, arende_id: int, rost: Rost) -> Andring:
    """'The rest vote Ja/Nej': everyone serving who has not answered. `id` says how many."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        _, v = _open_votering(vy)
        missing = [p.person_id for p in vy.tjanstgorande if p.person_id not in v.roster]
        return _satt_roster(reads, arende, vy, dict.fromkeys(missing, rost))


@dataclass(frozen=True)
class ErsattSteg:
    """The last recorded step of a question, put back as it was (a tie decided, undone)."""

    arende_id: int
    index: int
    steg: Mapping[str, Any]

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return ersatt_steg(store, self.arende_id, self.index, dict(self.steg))


def ersatt_steg(store: Store, arende_id: int, index: int, steg: dict[str, Any]) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        results = _results(vy)
        require(bool(results.get(index)), "Steget finns inte längre.")
        before = steg_json(results[index][-1])
        results[index][-1] = steg_from(steg)
        _save_results(_row(s, arende), results)
        return _done(reads, arende, "Steget återställt", ErsattSteg(arende_id, index, before))


def avgor_lika(store: Store, arende_id: int, vinnare: str) -> Andring:
    """A tie: the chair's casting vote (ordinary matter) or the draw's outcome (val)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        _decidable(vy)
        index, v = _open_votering(vy)
        require(v.lika, "Röstetalet är inte lika.")
        require(vinnare in (v.ja, v.nej), "Välj ett av de två förslagen.")
        changed = replace(v, lottning=vinnare) if v.val else replace(v, utslag=vinnare)
        problems = kontrollera(changed, [p.person_id for p in vy.tjanstgorande], vy.ordforande_id)
        require(not problems, " ".join(problems))
        before = steg_json(_results(vy)[index][-1])
        _replace_votering(s, arende, vy, index, changed)
        name = vy.utfall.fragor[index].alternativ[vinnare].namn
        how = "lottningen" if v.val else "utslagsröst"
        return _done(
            reads,
            arende,
            f"Lika röstetal: {how} för {name}",
            ErsattSteg(arende_id, index, before),
        )


@dataclass(frozen=True)
class BytVoteringsproposition:
    arende_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return byt_voteringsproposition(store, self.arende_id)


def byt_voteringsproposition(store: Store, arende_id: int) -> Andring:
    """Swap what Ja and Nej stand for, before anyone has voted."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        index, v = _open_votering(vy)
        require(not v.roster, "Rösterna är redan avgivna; ta bort dem först.")
        _replace_votering(s, arende, vy, index, replace(v, ja=v.nej, nej=v.ja))
        return _done(
            reads, arende, "Voteringspropositionen omvänd", BytVoteringsproposition(arende_id)
        )


def angra_steg(store: Store, arende_id: int) -> Andring:
    """Take back the last recorded step (undo or correction); undo puts it back. With no
    step recorded nothing changes (no undo)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        results = _results(vy)
        if not results:
            return Andring("Inget steg att ta tillbaka", vy=vy)
        index = max(results)
        removed = results[index].pop()
        _save_results(_row(s, arende), results)
        back = AterstallSteg(arende_id, index, steg_json(removed))
        return _done(reads, arende, "Steget borttaget", back)


def aterstall_steg(store: Store, arende_id: int, index: int, steg: dict[str, Any]) -> Andring:
    """Put back a step taken back (redo)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        _decidable(vy)
        results = _results(vy)
        results.setdefault(index, []).append(steg_from(steg))
        _save_results(_row(s, arende), results)
        return _done(reads, arende, "Steget återinfört", AngraSteg(arende_id))


# --- beslut, flags, texts -----------------------------------------------------------------


@dataclass(frozen=True)
class SattBeslut:
    arende_id: int
    rubrik: str | None
    att_satser: tuple[str, ...] | None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_beslut(store, self.arende_id, self.rubrik, self.att_satser)


def set_beslut(
    store: Store, arende_id: int, rubrik: str | None, att_satser: Sequence[str] | None
) -> Andring:
    """The beslut as edited (None: the att-satser follow the winning proposal)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        if rubrik is not None or att_satser is not None:
            _decidable(vy)  # going back to the proposal's att-satser decides nothing
        row = _row(s, arende)
        before = SattBeslut(
            arende_id,
            row.beslut_rubrik if rubrik is not None else None,
            tuple(row.beslut_att) if row.beslut_att is not None else None,
        )
        if rubrik is not None:
            row.beslut_rubrik = rubrik.strip()
        row.beslut_att = (
            [a.strip() for a in att_satser if a.strip()] if att_satser is not None else None
        )
        text = "Beslutet ändrat" if att_satser is not None else "Beslutet följer förslaget"
        return _done(reads, arende, text, before)


@dataclass(frozen=True)
class SattFlaggor:
    arende_id: int
    omedelbar_justering: bool | None = None
    sekretess: bool | None = None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_flaggor(
            store,
            self.arende_id,
            omedelbar_justering=self.omedelbar_justering,
            sekretess=self.sekretess,
        )


def set_flaggor(
    store: Store,
    arende_id: int,
    *,
    omedelbar_justering: bool | None = None,
    sekretess: bool | None = None,
) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        arende, _ = _open(reads, arende_id)
        row = _row(s, arende)
        before = SattFlaggor(
            arende_id,
            row.omedelbar_justering if omedelbar_justering is not None else None,
            row.sekretess if sekretess is not None else None,
        )
        said: list[str] = []
        if omedelbar_justering is not None:
            row.omedelbar_justering = omedelbar_justering
            said.append(
                f"{_FLAGGOR['omedelbar_justering']} {'på' if omedelbar_justering else 'av'}"
            )
        if sekretess is not None:
            row.sekretess = sekretess
            said.append(f"{_FLAGGOR['sekretess']} {'på' if sekretess else 'av'}")
        return _done(reads, arende, ", ".join(said) or "Inget ändrat", before)


@dataclass(frozen=True)
class SattText:
    arende_id: int
    section: str
    text: str | None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_text(store, self.arende_id, self.section, self.text)


def set_text(store: Store, arende_id: int, section: str, text: str | None) -> Andring:
    """Keep the secretary's own wording of a section (None: back to the generated text).
    The generated text at the time is kept too, so a later change of facts is noticed."""
    require(section in SEKTIONER, "Okänd del av paragrafen.")
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        edited = (_row(s, arende).redigerat or {}).get(section)
        before = SattText(arende_id, section, edited["text"] if edited else None)
        spara_text(s, arende, vy, section, text)
        return _done(
            reads, arende, "Texten sparad" if text is not None else "Genererad text", before
        )


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
        if section == "reservation" and section in edited:
            generated = edited[section]["genererad"].split("\n\n")
        else:
            generated = vy.generated(section)
        edited[section] = {"text": text.strip(), "genererad": "\n\n".join(generated)}
    row.redigerat = edited


# --- reservations and protokollsanteckningar -----------------------------------------------

_RESERVATION_TEXT = {
    ReservationTyp.EGET_YRKANDE: "reserverar sig – till förmån för eget yrkande",
    ReservationTyp.SKRIFTLIG: "reserverar sig – skriftlig reservation",
}


@dataclass(frozen=True)
class LaggTillReservation:
    arende_id: int
    person_id: int
    typ: ReservationTyp
    text: str = ""
    reservation_id: int | None = None  # the id it had, for the ids of later actions

    def __call__(self, store: Store, ids: Ids) -> Andring:
        done = add_reservation(store, self.arende_id, self.person_id, self.typ, self.text)
        if self.reservation_id is None or done.id is None:
            return done
        old = ids.current(RESERVATION, self.reservation_id)
        return replace(done, flyttade=((RESERVATION, old, done.id),))


@dataclass(frozen=True)
class TaBortReservation:
    reservation_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return remove_reservation(store, ids.current(RESERVATION, self.reservation_id))


def add_reservation(
    store: Store,
    arende_id: int,
    person_id: int,
    typ: ReservationTyp = ReservationTyp.EGET_YRKANDE,
    text: str = "",
) -> Andring:
    """Refused to someone who did not take part, or who abstained (KL 4 kap. 27 §)."""
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
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
        return _done(
            reads,
            arende,
            f"{person.label} {_RESERVATION_TEXT[typ]}",
            TaBortReservation(row.id),
            id_=row.id,
        )


@dataclass(frozen=True)
class AndraReservation:
    reservation_id: int
    typ: ReservationTyp
    text: str

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_reservation(
            store, ids.current(RESERVATION, self.reservation_id), self.typ, self.text
        )


def set_reservation(store: Store, reservation_id: int, typ: ReservationTyp, text: str) -> Andring:
    """The written grounds, which may arrive later (before justering)."""
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, ReservationRad, reservation_id, "Reservationen")
        arende, vy = _open(reads, row.arende_id)
        before = AndraReservation(reservation_id, ReservationTyp(row.typ), row.text)
        row.typ = typ.value
        row.text = text.strip()
        who = vy.person(row.person_id)
        name = who.label if who else "Personen"
        return _done(reads, arende, f"{name}: {_RESERVATION_TEXT[typ]}", before)


def remove_reservation(store: Store, reservation_id: int) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, ReservationRad, reservation_id, "Reservationen")
        arende, vy = _open(reads, row.arende_id)
        back = LaggTillReservation(
            arende.id, row.person_id, ReservationTyp(row.typ), row.text, row.id
        )
        who = vy.person(row.person_id)
        s.delete(row)
        text = f"Reservation borttagen: {who.label if who else 'Personen'}"
        return _done(reads, arende, text, back)


@dataclass(frozen=True)
class LaggTillAnteckning:
    arende_id: int
    person_id: int
    text: str
    anteckning_id: int | None = None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        done = add_anteckning(store, self.arende_id, self.person_id, self.text)
        if self.anteckning_id is None or done.id is None:
            return done
        old = ids.current(ANTECKNING, self.anteckning_id)
        return replace(done, flyttade=((ANTECKNING, old, done.id),))


@dataclass(frozen=True)
class TaBortAnteckning:
    anteckning_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return remove_anteckning(store, ids.current(ANTECKNING, self.anteckning_id))


def add_anteckning(store: Store, arende_id: int, person_id: int, text: str) -> Andring:
    """A protokollsanteckning, entered with the chair's permission. Whether ersättare who do
    not serve may make one is the organ's own rule."""
    require(bool(text.strip()), "Skriv protokollsanteckningens text.")
    with store.session() as s:
        reads = Reads(s)
        arende, vy = _open(reads, arende_id)
        person = vy.person(person_id)
        require(person is not None, "Personen är inte närvarande vid paragrafen.")
        assert person is not None
        serving = {p.person_id for p in vy.tjanstgorande}
        if person_id not in serving:
            deltagare = reads.state(arende.meeting).tidslinje.deltagare.get(person_id)
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
        return _done(
            reads,
            arende,
            f"Protokollsanteckning: {person.label}",
            TaBortAnteckning(row.id),
            id_=row.id,
        )


def remove_anteckning(store: Store, anteckning_id: int) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, Protokollsanteckning, anteckning_id, "Protokollsanteckningen")
        arende, vy = _open(reads, row.arende_id)
        back = LaggTillAnteckning(arende.id, row.person_id, row.text, row.id)
        who = vy.person(row.person_id)
        s.delete(row)
        text = f"Protokollsanteckning borttagen: {who.label if who else 'Personen'}"
        return _done(reads, arende, text, back)
