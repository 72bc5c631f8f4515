"""From what was recorded on a § to what the protocol says, and whether it says enough.

Phrasing follows domain.md and the reference protocol: "Ordföranden ställer proposition på
förvaltningens förslag mot Anders Almgrens (S) avslagsyrkande och finner att kommunstyrelsen
beslutar enligt förvaltningens förslag." KL 5 kap. 67 § decides what `brister` checks.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from secretary.domain.sprak import antal, lista, versal
from secretary.domain.votering import Rost, Votering
from secretary.domain.yrkanden import (
    FORSLAG,
    IDAG,
    Alternativ,
    Fraga,
    FragaTyp,
    Genomfort,
    Person,
    StegResultat,
    StegTyp,
    Yrkande,
    YrkandeTyp,
    aktiva,
    avslag_nyckel,
    forlopp,
    huvudalternativ,
    nyckel,
)


@dataclass(frozen=True)
class Val:
    """How an alternative reads in each place: after 'på'/'mot' (namn), after 'Ja-röst för'
    (rost_for) and after 'beslutar <organ>' (beslut)."""

    namn: str
    rost_for: str
    beslut: str


class ReservationTyp(enum.StrEnum):
    EGET_YRKANDE = "EGET_YRKANDE"
    SKRIFTLIG = "SKRIFTLIG"


@dataclass(frozen=True)
class Reservation:
    person: Person
    typ: ReservationTyp = ReservationTyp.EGET_YRKANDE


@dataclass(frozen=True)
class Paragrafbeslut:
    """Everything recorded on one § about how it was decided."""

    forslag_namn: str  # 'förvaltningens förslag'
    forslag_att: tuple[str, ...]
    yrkanden: tuple[Yrkande, ...] = ()
    ordning: tuple[Fraga, ...] = ()
    ordning_godkand: bool = False
    resultat: Mapping[int, tuple[StegResultat, ...]] = field(default_factory=dict)
    reservationer: tuple[Reservation, ...] = ()


# --- the alternatives of each question ----------------------------------------------------


def _yrkande(pb: Paragrafbeslut, yrkande_id: int | None) -> Yrkande | None:
    return next((y for y in pb.yrkanden if y.id == yrkande_id), None)


def fragans_alternativ(pb: Paragrafbeslut, fraga: Fraga) -> dict[str, Val]:
    """The alternatives a question puts, in order, keyed as the step results name them."""
    if fraga.typ is FragaTyp.HUVUD:
        return {
            a.key: Val(a.namn, f"bifall till {a.namn}", f"enligt {a.namn}")
            for a in huvudalternativ(pb.forslag_namn, pb.yrkanden)
        }
    if fraga.typ is FragaTyp.SAMLAD:
        return {FORSLAG: Val("yrkandena", "bifall till yrkandena", "enligt yrkandena")}
    y = _yrkande(pb, fraga.yrkande_id)
    assert y is not None
    if fraga.typ is FragaTyp.FORMELL:
        verb = "återremitteras" if y.typ is YrkandeTyp.ATERREMISS else "bordläggas"
        idag = "att ärendet ska avgöras idag"
        senare = f"att ärendet ska {verb}"
        return {IDAG: Val(idag, idag, idag), nyckel(y.id): Val(senare, senare, senare)}
    name = f"{y.yrkare.genitiv} tilläggsyrkande"
    return {
        nyckel(y.id): Val(f"bifall till {name}", f"bifall till {name}", f"att bifalla {name}"),
        avslag_nyckel(y.id): Val(f"avslag på {name}", f"avslag på {name}", f"att avslå {name}"),
    }


# --- the outcome --------------------------------------------------------------------------


@dataclass(frozen=True)
class FragaUtfall:
    fraga: Fraga
    alternativ: Mapping[str, Val]
    steg: tuple[Genomfort, ...]
    vinnare: str | None


@dataclass(frozen=True)
class Utfall:
    fragor: tuple[FragaUtfall, ...]
    avslutad_av: Yrkande | None  # a formal yrkande that won: the ärende ends there

    @property
    def avgjort(self) -> bool:
        return all(f.vinnare is not None for f in self.fragor)

    @cached_property
    def voteringar(self) -> tuple[tuple[FragaUtfall, Genomfort, Votering], ...]:
        """Kept once computed: the § view and its texts ask for it many times a key press."""
        return tuple(
            (f, g, g.resultat.votering)
            for f in self.fragor
            for g in f.steg
            if g.resultat is not None and g.resultat.votering is not None
        )

    def nasta(self) -> tuple[FragaUtfall, Genomfort] | None:
        """The step waiting to be recorded, or whose votering is not finished."""
        for f in self.fragor:
            for g in f.steg:
                r = g.resultat
                if r is None or (r.votering is not None and r.votering.vinnare is None):
                    return f, g
        return None

    def vinnare(self, typ: FragaTyp) -> str | None:
        return next((f.vinnare for f in self.fragor if f.fraga.typ is typ), None)


def utfall(pb: Paragrafbeslut) -> Utfall:
    out: list[FragaUtfall] = []
    ended: Yrkande | None = None
    for index, fraga in enumerate(pb.ordning):
        alts = fragans_alternativ(pb, fraga)
        steg, vinnare = forlopp(list(alts), pb.resultat.get(index, ()))
        out.append(FragaUtfall(fraga, alts, tuple(steg), vinnare))
        if vinnare is None:
            break
        if fraga.typ is FragaTyp.FORMELL and vinnare != IDAG:
            ended = _yrkande(pb, fraga.yrkande_id)
            break
    return Utfall(tuple(out), ended)


def beslut_att_satser(pb: Paragrafbeslut, u: Utfall) -> list[str]:
    """The att-satser the beslut starts from: the winning proposal plus accepted tillägg."""
    if u.avslutad_av is not None:
        y = u.avslutad_av
        if y.typ is YrkandeTyp.ATERREMISS:
            reason = f" {y.text.strip().rstrip('.')}" if y.text.strip() else ""
            return [f"att återremittera ärendet{reason}"]
        return ["att bordlägga ärendet"]
    out: list[str] = []
    main = u.vinnare(FragaTyp.HUVUD) or u.vinnare(FragaTyp.SAMLAD)
    if main == FORSLAG:
        out += list(pb.forslag_att)
    elif main is not None:
        winner = _yrkande(pb, int(main[1:]))
        if winner is not None and winner.typ is YrkandeTyp.AVSLAG:
            out.append(f"att avslå {pb.forslag_namn}")
        elif winner is not None:
            out += _att_lines(winner.text)
    for f in u.fragor:
        tillagg = _yrkande(pb, f.fraga.yrkande_id)
        accepted = tillagg is not None and f.vinnare == nyckel(tillagg.id)
        if f.fraga.typ is FragaTyp.TILLAGG and tillagg is not None and accepted:
            out += _att_lines(tillagg.text)
    if u.vinnare(FragaTyp.SAMLAD) is not None:
        out += [
            line
            for y in aktiva(pb.yrkanden)
            if y.typ is YrkandeTyp.TILLAGG
            for line in _att_lines(y.text)
        ]
    return out


def _att_lines(text: str) -> list[str]:
    return [line.strip().rstrip(".") for line in text.splitlines() if line.strip()]


# --- text ---------------------------------------------------------------------------------


def _mening(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _vem(y: Yrkande) -> str:
    if not y.instammande:
        return y.yrkare.label
    return f"{y.yrkare.label} med instämmande av {lista([p.label for p in y.instammande])}"


def yrkanden_text(pb: Paragrafbeslut) -> list[str]:
    """One sentence per yrkande not withdrawn, as the Yrkanden section writes them."""
    by_id = {y.id: y for y in pb.yrkanden}
    out: list[str] = []
    for y in aktiva(pb.yrkanden):
        text = y.text.strip().rstrip(".")
        if y.typ is YrkandeTyp.BIFALL:
            target = by_id.get(y.stodjer) if y.stodjer is not None else None
            what = f"{target.yrkare.genitiv} yrkande" if target is not None else pb.forslag_namn
            verb = f"yrkar bifall till {what}"
        elif y.typ is YrkandeTyp.AVSLAG:
            verb = f"yrkar avslag på {pb.forslag_namn}"
        elif y.typ is YrkandeTyp.TILLAGG:
            verb = f"yrkar som tillägg {text}"
        elif y.typ is YrkandeTyp.ANDRING:
            verb = f"yrkar {text}" if text.startswith("att ") else f"yrkar följande ändring: {text}"
        elif y.typ is YrkandeTyp.EGET:
            verb = (
                f"yrkar {text}"
                if text.startswith("att ")
                else f"yrkar bifall till eget förslag: {text}"
            )
        elif y.typ is YrkandeTyp.ATERREMISS:
            verb = "yrkar att ärendet ska återremitteras" + (f" {text}" if text else "")
        else:
            verb = "yrkar att ärendet ska bordläggas" + (f" {text}" if text else "")
        out.append(_mening(f"{_vem(y)} {verb}"))
    return out


def _rakning(v: Votering) -> str:
    ja = antal(v.antal_ja, "ja-röst", "ja-röster")
    nej = antal(v.antal_nej, "nej-röst", "nej-röster")
    avstar = f", {v.antal_avstar} avstår," if v.antal_avstar else ""
    return f"Med {ja} mot {nej}{avstar}"


def _votering_text(
    v: Votering, alts: Mapping[str, Val], organ: str, verb: str, etikett: str = ""
) -> str:
    """'Votering begärs. Följande voteringsproposition godkänns: …. Med … beslutar …'"""
    prop = (
        f"Följande voteringsproposition godkänns{etikett}: Ja-röst för {alts[v.ja].rost_for}, "
        f"Nej-röst för {alts[v.nej].rost_for}."
    )
    if not v.komplett:  # the roll call is still going on: no count to report yet
        return f"{prop} Omröstning pågår."
    winner = v.vinnare
    result = alts[winner].beslut if winner else "…"
    if verb == "utser":
        result = f"{alts[winner].namn} till motförslag" if winner else "…"
    if v.lika and v.val:
        who = alts[winner].namn if winner else "…"
        counted = _rakning(v).replace("Med ", "", 1).rstrip(",")
        tail = (
            f"Röstetalet blir lika, {counted}. Lottning förrättas och utfaller till förmån "
            f"för {who}; {organ} {verb} därmed {result}."
        )
    elif v.lika:
        tail = f"{_rakning(v)} och ordförandens utslagsröst {verb} {organ} {result}."
    else:
        tail = f"{_rakning(v)} {verb} {organ} {result}."
    return f"{prop} {tail}"


def _steg_text(f: FragaUtfall, g: Genomfort, organ: str) -> list[str]:
    r = g.resultat
    if r is None:
        return []
    alts = f.alternativ
    names = [alts[a].namn for a in g.steg.alternativ]
    out: list[str] = []
    if g.steg.typ is StegTyp.ENDA:
        subject = alts[g.steg.alternativ[0]].namn
        question = f"Ordföranden frågar om {organ} kan bifalla {subject}"
        return [f"{question} och finner frågan med ja besvarad."]
    if g.steg.typ is StegTyp.HUVUDVOTERING:
        assert r.votering is not None
        if g.kontra:  # the last vote of a kontrapropositionsvotering among several
            etikett = " i kontrapropositionsvoteringen"
            return [_votering_text(r.votering, alts, organ, "utser", etikett)]
        return [_votering_text(r.votering, alts, organ, "beslutar", " i huvudvoteringen")]
    if f.fraga.typ is FragaTyp.FORMELL:
        verb = "återremitteras" if "återremitteras" in names[1] else "bordläggas"
        lead = f"Ordföranden frågar om ärendet ska avgöras idag eller {verb}"
    elif f.fraga.typ is FragaTyp.TILLAGG:
        subject = names[0].removeprefix("bifall till ")
        lead = f"Ordföranden ställer proposition på bifall mot avslag till {subject}"
    elif g.steg.typ is StegTyp.KONTRA:
        lead = f"Till motförslag i huvudvoteringen ställer ordföranden proposition på {_mot(names)}"
    else:
        lead = f"Ordföranden ställer proposition på {_mot(names)}"
    if g.steg.typ is StegTyp.KONTRA:
        out.append(f"{lead} och finner att {organ} utser {alts[r.vinnare].namn} till motförslag.")
    else:
        out.append(f"{lead} och finner att {organ} beslutar {alts[r.vinnare].beslut}.")
    if r.votering_begard:
        out.append("Votering begärs.")
        if r.votering is not None:
            if g.steg.typ is StegTyp.KONTRA:
                out.append(
                    _votering_text(
                        r.votering, alts, organ, "utser", " i kontrapropositionsvoteringen"
                    )
                )
            else:
                out.append(_votering_text(r.votering, alts, organ, "beslutar"))
    return out


def _mot(names: Sequence[str]) -> str:
    if len(names) == 2:
        return f"{names[0]} mot {names[1]}"
    return lista(list(names))


def _ordning_text(pb: Paragrafbeslut, organ: str) -> str | None:
    if not pb.ordning_godkand or len(pb.ordning) < 2:
        return None
    parts: list[str] = []
    for fraga in pb.ordning:
        y = _yrkande(pb, fraga.yrkande_id)
        if fraga.typ is FragaTyp.HUVUD:
            parts.append("huvudfrågan")
        elif fraga.typ is FragaTyp.SAMLAD:
            parts.append("yrkandena samlat")
        elif y is not None and fraga.typ is FragaTyp.FORMELL:
            kind = "återremissyrkande" if y.typ is YrkandeTyp.ATERREMISS else "bordläggningsyrkande"
            parts.append(f"{y.yrkare.genitiv} {kind}")
        elif y is not None:
            parts.append(f"{y.yrkare.genitiv} tilläggsyrkande")
    if len(parts) == 2:
        seq = f"först på {parts[0]} och därefter på {parts[1]}"
    else:
        seq = f"först på {parts[0]}, därefter på {lista(parts[1:-1])} och sist på {parts[-1]}"
    return (
        f"Ordföranden föreslår följande propositionsordning, som {organ} godkänner: "
        f"proposition ställs {seq}."
    )


def beslutsgang_text(pb: Paragrafbeslut, organ: str) -> list[str]:
    """The Beslutsgång section, one paragraph per question. `organ` in running-text form:
    'kommunstyrelsen', 'arbetsutskottet'."""
    u = utfall(pb)
    paragraphs: list[str] = []
    ordning = _ordning_text(pb, organ)
    if ordning:
        paragraphs.append(ordning)
    for f in u.fragor:
        sentences = [s for g in f.steg for s in _steg_text(f, g, organ)]
        if sentences:
            paragraphs.append(" ".join(sentences))
    return paragraphs


# --- reservations -------------------------------------------------------------------------


def _losers(pb: Paragrafbeslut, u: Utfall) -> set[int]:
    """Everyone behind a yrkande that lost, and everyone who voted for a losing side."""
    people: set[int] = set()
    active = aktiva(pb.yrkanden)
    backing: dict[str, set[int]] = {}
    for f in u.fragor:
        for key in f.alternativ:
            if key == IDAG or key.startswith("-"):
                continue
            ids: set[int] = set()
            if key == FORSLAG:
                ys = [y for y in active if y.typ is YrkandeTyp.BIFALL and y.stodjer is None]
            else:
                main = int(key[1:])
                ys = [y for y in active if y.id == main or y.stodjer == main]
                main_y = _yrkande(pb, main)
                if main_y is not None and main_y.typ is YrkandeTyp.AVSLAG:
                    ys += [y for y in active if y.typ is YrkandeTyp.AVSLAG]
            for y in ys:
                ids.add(y.yrkare.person_id)
                ids |= {p.person_id for p in y.instammande}
            backing[key] = ids
        if f.vinnare is not None:
            for key, ids in backing.items():
                if key != f.vinnare and key in f.alternativ:
                    people |= ids
        backing.clear()
    for _, g, v in u.voteringar:
        if g.kontra or g.steg.typ is StegTyp.KONTRA:
            continue  # choosing the motförslag is not a vote on the decision
        winner = v.vinnare
        losing = Rost.NEJ if winner == v.ja else Rost.JA
        people |= {p for p, r in v.roster.items() if r is losing}
    return people


def reservation_hinder(pb: Paragrafbeslut, person: Person, tjanstgorande: set[int]) -> str | None:
    """Why `person` cannot reserve against the decision, or None. Only someone who took part
    in the decision may reserve (KL 4 kap. 27 §), and not someone who abstained."""
    if person.person_id not in tjanstgorande:
        return f"{person.label} deltog inte i beslutet och kan inte reservera sig."
    voteringar = utfall(pb).voteringar
    if voteringar and voteringar[-1][2].roster.get(person.person_id) is Rost.AVSTAR:
        return f"{person.label} avstod från att rösta och kan därför inte reservera sig."
    return None


def reservation_forslag(pb: Paragrafbeslut, tjanstgorande: set[int]) -> set[int]:
    """Who to offer a reservation: took part, lost a yrkande or voted against, did not abstain."""
    u = utfall(pb)
    last = u.voteringar[-1][2] if u.voteringar else None
    return {
        p
        for p in _losers(pb, u) & tjanstgorande
        if last is None or last.roster.get(p) is not Rost.AVSTAR
    }


_YRKANDE_NAMN = {
    YrkandeTyp.TILLAGG: "tilläggsyrkande",
    YrkandeTyp.ATERREMISS: "återremissyrkande",
    YrkandeTyp.BORDLAGGNING: "bordläggningsyrkande",
}


def _forman(pb: Paragrafbeslut, u: Utfall) -> dict[int, list[tuple[str, bool]]]:
    """For each person, what they stood behind that lost, in the order asked: the name as it
    reads after 'till förmån för', and whether it was their own yrkande."""
    out: dict[int, list[tuple[str, bool]]] = {}
    active = aktiva(pb.yrkanden)

    def add(person: int, namn: str, eget: bool) -> None:
        seen = out.setdefault(person, [])
        if (namn, eget) not in seen:
            seen.append((namn, eget))

    for f in u.fragor:
        if f.vinnare is None:
            continue
        for key, val in f.alternativ.items():
            if key in (f.vinnare, IDAG) or key.startswith("-"):
                continue
            if key == FORSLAG:
                ys = [y for y in active if y.typ is YrkandeTyp.BIFALL and y.stodjer is None]
                namn, own = val.namn, set[int]()
            else:
                main = _yrkande(pb, int(key[1:]))
                if main is None:
                    continue
                ys = [y for y in active if y.id == main.id or y.stodjer == main.id]
                if main.typ is YrkandeTyp.AVSLAG and f.fraga.typ is FragaTyp.HUVUD:
                    ys += [y for y in active if y.typ is YrkandeTyp.AVSLAG and y not in ys]
                namn = val.namn
                if f.fraga.typ is not FragaTyp.HUVUD:
                    namn = f"{main.yrkare.genitiv} {_YRKANDE_NAMN.get(main.typ, 'yrkande')}"
                own = {y.yrkare.person_id for y in ys if y.typ is not YrkandeTyp.BIFALL}
            for y in ys:
                for p in (y.yrkare, *y.instammande):
                    add(p.person_id, namn, p.person_id in own)
    for f, g, v in u.voteringar:
        if g.kontra or g.steg.typ is StegTyp.KONTRA or v.vinnare is None:
            continue
        losing = v.nej if v.vinnare == v.ja else v.ja
        rost = Rost.NEJ if losing == v.nej else Rost.JA
        forlorare = f.alternativ.get(losing)
        if forlorare is None:
            continue
        for voter, r in v.roster.items():
            if r is rost:
                add(voter, forlorare.namn, False)
    return out


def reservation_text(
    pb: Paragrafbeslut, partier: Mapping[str, set[int]] | None = None
) -> list[str]:
    """What each reservation reserves in favour of. 'till förmån för eget yrkande' only for
    whoever made the yrkande that lost; who only instämde, or voted for the losing side, is
    named with the yrkande they stood behind: 'Anders Almqvist (S) och Maria Ek (S) reserverar
    sig mot beslutet till förmån för Anders Almqvists (S) avslagsyrkande.' A whole party
    reserving each for an own yrkande reads 'Ledamöterna för (S) …' (given `partier`: party
    -> serving ids), the standard phrase of domain.md."""
    u = utfall(pb)
    forman = _forman(pb, u)
    out: list[str] = []
    for_yrkande: dict[str, list[tuple[Person, bool]]] = {}
    utan: list[Person] = []
    skriftliga: list[Person] = []
    for r in pb.reservationer:
        if r.typ is ReservationTyp.SKRIFTLIG:
            skriftliga.append(r.person)
            continue
        stod = forman.get(r.person.person_id, [])
        if not stod:
            utan.append(r.person)
            continue
        namn, eget = next(((n, e) for n, e in stod if e), stod[0])
        for_yrkande.setdefault(namn, []).append((r.person, eget))
    egna = [p for group in for_yrkande.values() if all(e for _, e in group) for p, _ in group]
    groups: list[tuple[list[Person], str]] = []
    if egna:
        groups.append((egna, " till förmån för eget yrkande"))
    for namn, backing in for_yrkande.items():
        if not all(e for _, e in backing):
            groups.append(([p for p, _ in backing], f" till förmån för {namn}"))
    if utan:
        groups.append((utan, ""))
    if skriftliga:
        groups.append((skriftliga, " med hänvisning till skriftlig reservation"))
    for group, grund in groups:
        names: list[str] = []
        rest = list(group)
        if grund in (" till förmån för eget yrkande", " med hänvisning till skriftlig reservation"):
            for party, members in sorted((partier or {}).items()):
                ids = {p.person_id for p in rest if p.party == party}
                if len(members) >= 2 and ids == members:
                    names.append(f"Ledamöterna för ({party})")
                    rest = [p for p in rest if p.person_id not in ids]
        names += [p.label for p in rest]
        out.append(f"{versal(lista(names))} reserverar sig mot beslutet{grund}.")
    return out


# --- what KL 5 kap. 67 § requires ---------------------------------------------------------


def brister(
    pb: Paragrafbeslut, tjanstgorande: set[int], beslut_att: Sequence[str] | None = None
) -> list[str]:
    """What is missing before the § says what the law requires, in Swedish."""
    from secretary.domain.votering import kontrollera

    out: list[str] = []
    u = utfall(pb)
    if not pb.ordning:
        out.append("Propositionsordningen är inte fastställd.")
    elif len(pb.ordning) > 1 and not pb.ordning_godkand:
        out.append("Propositionsordningen är inte godkänd.")
    asked_main = any(f.typ in (FragaTyp.HUVUD, FragaTyp.SAMLAD) for f in pb.ordning)
    asked = {f.yrkande_id for f in pb.ordning}
    samlad = any(f.typ is FragaTyp.SAMLAD for f in pb.ordning)
    if u.avslutad_av is None:
        for y in aktiva(pb.yrkanden):
            separate = y.typ.formell or (y.typ is YrkandeTyp.TILLAGG and not samlad)
            if (separate and y.id not in asked) or (not separate and not asked_main):
                out.append(f"{y.yrkare.genitiv} yrkande har inte ställts under proposition.")
    nasta = u.nasta()
    if nasta is not None:
        out.append("Beslutsgången är inte avslutad: ett propositionssteg saknar resultat.")
    for number, (_, _, v) in enumerate(u.voteringar, start=1):
        for problem in kontrollera(v, sorted(tjanstgorande), None):
            out.append(f"Votering {number}: {problem}")
    for r in pb.reservationer:
        hinder = reservation_hinder(pb, r.person, tjanstgorande)
        if hinder:
            out.append(hinder)
    if beslut_att is not None and not any(a.strip() for a in beslut_att):
        out.append("Beslutet saknar att-satser.")
    return out


__all__ = [
    "Alternativ",
    "Paragrafbeslut",
    "Reservation",
    "ReservationTyp",
    "Utfall",
    "Val",
    "beslut_att_satser",
    "beslutsgang_text",
    "brister",
    "reservation_forslag",
    "reservation_hinder",
    "reservation_text",
    "utfall",
    "yrkanden_text",
]
