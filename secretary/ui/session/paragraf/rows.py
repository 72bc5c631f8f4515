"""From `beslut.ParagrafVy` to what the § panel shows: rows for the models and the next
proposition in words, with its alternatives numbered for the keys 1–9."""

from __future__ import annotations

from dataclasses import dataclass

from secretary.domain.beslutsgang import ReservationTyp, beslut_att_satser, fragans_alternativ
from secretary.domain.sprak import lista
from secretary.domain.votering import Rost, Votering
from secretary.domain.yrkanden import Fraga, FragaTyp, StegTyp, YrkandeTyp, foreslagen_ordning
from secretary.services.beslut import ParagrafVy
from secretary.ui.session.paragraf.models import FragaRad, PersonRad, RostRad, YrkandeRad

FYND, HUVUDVOTERING, ROSTNING, LIKA, KLAR = "fynd", "huvudvotering", "röstning", "lika", "klar"

RESERVATION_TEXT = {
    ReservationTyp.EGET_YRKANDE: "reserverar sig – till förmån för eget yrkande",
    ReservationTyp.SKRIFTLIG: "reserverar sig – skriftlig reservation",
}


@dataclass(frozen=True)
class Proposition:
    """The next thing to record: a finding (digits), opening a huvudvotering, the roll call,
    a tie, or nothing more."""

    mode: str
    title: str
    text: str
    alternativ: tuple[tuple[str, str], ...] = ()  # (key, name), numbered from 1
    votering: Votering | None = None
    votering_nr: int = 0


def yrkande_rows(vy: ParagrafVy) -> list[YrkandeRad]:
    out: list[YrkandeRad] = []
    for nr, y in enumerate(vy.beslut.yrkanden, start=1):
        what = y.typ.label
        if y.typ is YrkandeTyp.BIFALL and y.stodjer is None:
            what = f"Bifall till {vy.beslut.forslag_namn}"
        elif y.typ is YrkandeTyp.AVSLAG:
            what = f"Avslag på {vy.beslut.forslag_namn}"
        if y.text:
            what = f"{what}: {y.text}"
        if y.aterkallat:
            what = f"{what} (återtaget)"
        instammer = ", ".join(p.label for p in y.instammande)
        out.append(YrkandeRad(y.id, nr, y.yrkare.label, what, instammer, y.aterkallat))
    return out


def fraga_namn(vy: ParagrafVy, fraga: Fraga) -> str:
    pb = vy.beslut
    y = next((y for y in pb.yrkanden if y.id == fraga.yrkande_id), None)
    if fraga.typ is FragaTyp.HUVUD:
        names = [v.namn for v in fragans_alternativ(pb, fraga).values()]
        return "Huvudfrågan: " + (lista(names) if len(names) > 2 else " mot ".join(names))
    if fraga.typ is FragaTyp.SAMLAD:
        return f"Samlad proposition: {pb.forslag_namn} med tilläggsyrkandena"
    if y is None:
        return "(yrkandet finns inte längre)"
    if fraga.typ is FragaTyp.FORMELL:
        kind = "återremiss" if y.typ is YrkandeTyp.ATERREMISS else "bordläggning"
        return f"{kind.capitalize()}: {y.yrkare.genitiv} yrkande – avgörs idag eller {kind}"
    return f"Tillägg: {y.yrkare.genitiv} tilläggsyrkande – bifall eller avslag"


def fraga_rows(vy: ParagrafVy) -> list[FragaRad]:
    fragor = vy.utfall.fragor
    out: list[FragaRad] = []
    for i, fraga in enumerate(vy.beslut.ordning):
        lage = ""
        if i < len(fragor):
            f = fragor[i]
            lage = f"avgjord: {f.alternativ[f.vinnare].namn}" if f.vinnare else "pågår"
        elif vy.utfall.avslutad_av is not None:
            lage = "prövas inte"
        out.append(FragaRad(i + 1, fraga_namn(vy, fraga), lage))
    return out


def ordning_andrad(vy: ParagrafVy) -> bool:
    return list(vy.beslut.ordning) != foreslagen_ordning(vy.beslut.yrkanden)


def samlad(vy: ParagrafVy) -> list[Fraga] | None:
    """The order with the main question and every tillägg put as one, when nothing stands
    against the förslag (else None: a samlad proposition does not fit)."""
    order = list(vy.beslut.ordning)
    huvud = fragans_alternativ(vy.beslut, Fraga(FragaTyp.HUVUD))
    has_tillagg = any(f.typ is FragaTyp.TILLAGG for f in order)
    if len(huvud) != 1 or not has_tillagg:
        return None
    out = [f for f in order if f.typ not in (FragaTyp.HUVUD, FragaTyp.TILLAGG)]
    return [*out, Fraga(FragaTyp.SAMLAD)]


def proposition(vy: ParagrafVy) -> Proposition:
    nasta = vy.nasta
    organ = vy.organ
    if nasta is None:
        att = "; ".join(vy.beslut_att) or "(inga att-satser)"
        return Proposition(KLAR, "Beslutsgången är klar", f"{vy.beslut_rubrik}: {att}.")
    f, g = nasta
    index = vy.utfall.fragor.index(f)
    total = len(vy.beslut.ordning)
    alts = tuple((k, f.alternativ[k].namn) for k in g.steg.alternativ)
    names = [n for _, n in alts]
    head = f"Fråga {index + 1} av {total}"
    v = g.resultat.votering if g.resultat is not None else None
    if v is not None:
        nr = len(vy.utfall.voteringar)
        prop = (
            f"Ja-röst för {f.alternativ[v.ja].rost_for}, "
            f"Nej-röst för {f.alternativ[v.nej].rost_for}."
        )
        if v.komplett and v.lika:
            how = "lottningens utfall" if v.val else "ordförandens utslagsröst"
            pairs = ((v.ja, f.alternativ[v.ja].namn), (v.nej, f.alternativ[v.nej].namn))
            return Proposition(
                LIKA,
                f"Votering {nr}: lika röstetal",
                f"{totals(v, len(vy.tjanstgorande))}. Ange {how}.",
                pairs,
                v,
                nr,
            )
        return Proposition(ROSTNING, f"Votering {nr} – {head}", prop, (), v, nr)
    typ = g.steg.typ
    if typ is StegTyp.HUVUDVOTERING:
        a, b = g.steg.alternativ
        text = (
            f"Huvudvotering: {f.alternativ[a].namn} (huvudförslag) mot {f.alternativ[b].namn} "
            f"(motförslag). Ja-röst för {f.alternativ[a].rost_for}, Nej-röst för "
            f"{f.alternativ[b].rost_for}."
        )
        return Proposition(HUVUDVOTERING, f"{head}: huvudvotering", text, alts)
    if typ is StegTyp.ENDA:
        text = f"Ordföranden frågar om {organ} kan bifalla {names[0]}."
    elif f.fraga.typ is FragaTyp.FORMELL:
        text = f"Ordföranden frågar om {names[0].removeprefix('att ')} eller {names[1]}."
    elif typ is StegTyp.KONTRA:
        text = f"Kontrapropositionsvotering – motförslag: proposition på {' mot '.join(names)}."
    elif typ is StegTyp.ALLA:
        text = (
            f"Proposition på {lista(names)}. Ordförandens utslag blir huvudförslag; begärs "
            "votering utses motförslaget i en kontrapropositionsvotering."
        )
    else:
        text = f"Ordföranden ställer proposition på {' mot '.join(names)}."
    return Proposition(FYND, f"{head}: {fraga_namn(vy, f.fraga)}", text, alts)


def totals(v: Votering, serving: int) -> str:
    counted = len(v.roster)
    avstar = f", {v.antal_avstar} avstår" if v.antal_avstar else ", 0 avstår"
    return f"{v.antal_ja} ja, {v.antal_nej} nej{avstar} – {counted} av {serving}"


def shown_votering(vy: ParagrafVy) -> tuple[int, Votering | None]:
    """The votering the roll call shows: the open one, else the last one (numbered)."""
    if vy.oppen_votering is not None:
        return len(vy.utfall.voteringar), vy.oppen_votering
    if vy.utfall.voteringar:
        return len(vy.utfall.voteringar), vy.utfall.voteringar[-1][2]
    return 0, None


def rost_rows(vy: ParagrafVy, v: Votering | None) -> list[RostRad]:
    roster = v.roster if v is not None else {}
    return [
        RostRad(p.person_id, nr, p.label, roster.get(p.person_id), p.person_id == vy.ordforande_id)
        for nr, p in enumerate(vy.tjanstgorande, start=1)
    ]


def person_rows(
    vy: ParagrafVy, reservationer: dict[int, tuple[int, ReservationTyp]]
) -> list[PersonRad]:
    """Those offered a reservation first, then everyone else serving (seat order)."""
    voteringar = vy.utfall.voteringar
    last = voteringar[-1][2] if voteringar else None
    notes = {a.person.person_id: a for a in vy.anteckningar}
    people = list(vy.tjanstgorande) + [
        p for p in vy.narvarande if p.person_id in notes and p not in vy.tjanstgorande
    ]
    offered = vy.reservation_forslag
    people.sort(key=lambda p: p.person_id not in offered and p.person_id not in reservationer)
    out: list[PersonRad] = []
    for p in people:
        res = reservationer.get(p.person_id)
        note = notes.get(p.person_id)
        out.append(
            PersonRad(
                p.person_id,
                p.label,
                p.person_id in offered,
                last is not None and last.roster.get(p.person_id) is Rost.AVSTAR,
                res[0] if res else None,
                RESERVATION_TEXT[res[1]] if res else "",
                note.id if note else None,
                note.text if note else "",
            )
        )
    return out


def prefill(vy: ParagrafVy) -> tuple[str, ...]:
    return tuple(beslut_att_satser(vy.beslut, vy.utfall))
