"""The words of a val § as a Swedish protocol prints them: the nominations, how the val was
held, the count (per candidate, or per valsedelsgrupp with its jämförelsetal and each seat),
any lottning, and the decision by post in order ("Kommunfullmäktige väljer … till ledamot
i … för tiden …")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from secretary.domain.register import Roll
from secretary.domain.val import (
    LPV,
    Entledigande,
    Kandidat,
    Personlig,
    Post,
    Valsatt,
    gruppnamn,
    resultat,
    roll_ord,
    troskel,
)


def lista(items: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} och {items[-1]}"


def tal(x: Fraction) -> str:
    """A jämförelsetal as printed: '24', '12,5', '8,33'."""
    if x.denominator == 1:
        return str(x.numerator)
    return f"{float(x):.2f}".rstrip("0").replace(".", ",")


def period(fran: dt.date | None, till: dt.date | None) -> str:
    """'för tiden 2027-01-01–2030-12-31', or the half that is known; '' for neither."""
    if fran and till:
        return f"för tiden {fran.isoformat()}–{till.isoformat()}"
    if till:
        return f"för tiden till och med {till.isoformat()}"
    if fran:
        return f"från och med {fran.isoformat()}"
    return ""


def _versal(text: str) -> str:
    return text[:1].upper() + text[1:]


def _roster(n: int) -> str:
    return f"{n} röst" if n == 1 else f"{n} röster"


def nomineringar_text(post: Post) -> list[str]:
    """'Valberedningen nominerar Anna Andersson (S) och Bo Berg (M) till ledamöter i
    socialnämnden.', one line per nominator in the order they spoke."""
    by: dict[str, list[str]] = {}
    for n in post.nomineringar:
        by.setdefault(n.av.strip(), []).append(n.kandidat.label)
    out: list[str] = []
    for av, namn in by.items():
        roll = roll_ord(post.roll, len(namn))
        if post.efter is not None:
            roll = f"ny {roll}"
        tail = f"till {roll} i {post.organ}"
        if post.efter is not None:
            tail += f" efter {post.efter.label}"
        if av:
            out.append(f"{av} nominerar {lista(namn)} {tail}.")
        else:
            verb = "nomineras" if namn else ""
            out.append(f"{lista(namn)} {verb} {tail}.")
    return out


def beslutsgang_text(post: Post, organ: str, narvarande: int) -> list[str]:
    """How the val was held. `organ` is the electing organ in running text."""
    if post.valsatt is Valsatt.ACKLAMATION:
        return [
            f"Ordföranden frågar om {organ} kan välja enligt nomineringen och finner "
            "frågan med ja besvarad."
        ]
    if post.valsatt is Valsatt.SLUTEN:
        out = ["Sluten omröstning begärs. Valet förrättas med slutna valsedlar."]
        res = resultat(post)
        namn = [n.kandidat for n in post.nomineringar]
        roster = list(post.roster) + [0] * (len(namn) - len(post.roster))
        delar = [f"{k.label} {_roster(n)}" for k, n in zip(namn, roster, strict=True)]
        if delar:
            out.append(f"Rösterna fördelar sig så: {lista(delar)}.")
        out += _ogiltiga(post.blanka, post.ogiltiga, "röstsedel", "röstsedlar")
        if res.sluten is not None:
            for _, mellan, vinnare in res.sluten.lottningar:
                lika = lista([namn[i].label for i in mellan])
                out.append(
                    f"{lika} har fått lika många röster. Lottning förrättas och utfaller "
                    f"till förmån för {namn[vinnare].label}."
                )
        if res.behov is not None:
            lika = lista([namn[i].label for i in res.behov.mellan])
            out.append(f"{lika} har fått lika många röster. Lottning ska förrättas.")
        return out
    behovs = troskel(narvarande, max(post.platser, 1))
    fler = "ledamöter begär" if post.begarande != 1 else "ledamot begär"
    return [
        f"{post.begarande} {fler} proportionellt val. Enligt 2 § {LPV} krävs att minst "
        f"{behovs} av de {narvarande} närvarande ledamöterna begär det.",
        "Valet förrättas proportionellt med slutna valsedlar.",
    ]


def _ogiltiga(blanka: int, ogiltiga: int, en: str, flera: str) -> list[str]:
    parts = []
    if blanka:
        parts.append(f"{blanka} blank {en}" if blanka == 1 else f"{blanka} blanka {flera}")
    if ogiltiga:
        parts.append(
            f"{ogiltiga} ogiltig {en}" if ogiltiga == 1 else f"{ogiltiga} ogiltiga {flera}"
        )
    if not parts:
        return []
    return [f"Därtill lämnas {lista(parts)}, som inte räknas."]


def valresultat_text(post: Post) -> list[str]:
    """For a proportional val: each valsedelsgrupp with its votes, the blank ballots, and
    each seat with the jämförelsetal that won it and any lottning."""
    if post.valsatt is not Valsatt.PROPORTIONELL:
        return []
    names = gruppnamn(post.grupper)
    out = [
        f"Valsedelsgrupp {names[i]} ({', '.join(k.label for k in g.namn)}): {_roster(g.roster)}."
        for i, g in enumerate(post.grupper)
    ]
    out += _ogiltiga(post.blanka, post.ogiltiga, "valsedel", "valsedlar")
    res = resultat(post)
    f = res.fordelning
    assert f is not None
    for p in f.platser:
        if p.lottning:
            lika = lista([names[i] for i in p.lottning])
            out.append(
                f"Plats {p.nummer}: {lika} har samma jämförelsetal {tal(p.jamforelsetal)}. "
                f"Lottning förrättas och utfaller till förmån för {names[p.grupp]}: "
                f"{p.kandidat.label}."
            )
        else:
            out.append(
                f"Plats {p.nummer}: {names[p.grupp]}, jämförelsetal {tal(p.jamforelsetal)}: "
                f"{p.kandidat.label}."
            )
    if f.behov is not None:
        lika = lista([names[i] for i in f.behov.mellan])
        out.append(
            f"Plats {f.behov.plats}: {lika} har samma jämförelsetal. Lottning ska förrättas."
        )
    if f.vakanta:
        out.append(f"{f.vakanta} platser kan inte tillsättas: valsedlarna har inga fler namn.")
    return out


def beslut_text(post: Post, organ: str, personliga: Sequence[Personlig] = ()) -> list[str]:
    """'Kommunfullmäktige väljer … till ledamot i … för tiden ….' (`organ`: the electing
    organ in running text). Nothing while a lottning is awaited. With `personliga` (an organ
    with personliga ersättare) each ersättare is named with the ledamot they replace."""
    res = resultat(post)
    if not res.klar or not res.valda:
        return []
    if any(p.ledamot is not None for p in personliga):
        return [personliga_text(post, organ, personliga)]
    namn = [k.label for k in res.valda]
    roll = roll_ord(post.roll, len(namn))
    tid = period(post.fran, post.till)
    if post.efter is not None:
        text = f"till ny {roll} i {post.organ} efter {post.efter.label}"
    elif (
        post.roll is Roll.ERSATTARE and len(namn) > 1 and post.valsatt is not Valsatt.PROPORTIONELL
    ):
        text = f"i nu nämnd ordning, till {roll} i {post.organ}"
    else:
        text = f"till {roll} i {post.organ}"
    if post.roll is Roll.ERSATTARE and len(namn) > 1 and post.valsatt is not Valsatt.PROPORTIONELL:
        first = f"{_versal(organ)} väljer {lista(namn)}, {text}"
    else:
        first = f"{_versal(organ)} väljer {lista(namn)} {text}"
    out = [f"{first} {tid}.".replace(" .", ".")]
    if post.roll is Roll.ERSATTARE and post.valsatt is Valsatt.PROPORTIONELL and res.fordelning:
        names = gruppnamn(post.grupper)
        grupper: dict[int, list[Kandidat]] = {}
        for p in res.fordelning.platser:
            grupper.setdefault(p.grupp, [])
        for k in res.valda:
            g = next(p.grupp for p in res.fordelning.platser if p.kandidat == k)
            grupper[g].append(k)
        delar = [
            f"för {names[g]} {', '.join(f'{n}. {k.label}' for n, k in enumerate(ks, 1))}"
            for g, ks in sorted(grupper.items())
        ]
        out.append(
            f"Ersättarna kallas in i ordningen på sin valsedelsgrupps lista: {'; '.join(delar)}."
        )
    return out


def personliga_text(post: Post, organ: str, personliga: Sequence[Personlig]) -> str:
    """'Kommunfullmäktige väljer Carl Dahl (S) till personlig ersättare för Anna Berg (S) och
    Eva Fors (M) till personlig ersättare för Bo Ek (M) i socialnämnden för tiden ….'; one
    not tied to a ledamot is elected 'till ersättare'."""
    ny = "ny " if post.efter is not None else ""
    delar = [
        f"{p.ersattare.label} till {ny}personlig ersättare för {p.ledamot.label}"
        if p.ledamot is not None
        else f"{p.ersattare.label} till {ny}ersättare"
        for p in personliga
    ]
    efter = f" efter {post.efter.label}" if post.efter is not None else ""
    tid = period(post.fran, post.till)
    return f"{_versal(organ)} väljer {lista(delar)} i {post.organ}{efter} {tid}".rstrip() + "."


def entledigande_skal_text(e: Entledigande) -> list[str]:
    """'Skäl till entledigandet av Karin Ek (M): flyttar från kommunen.'; nothing without a
    reason."""
    skal = e.skal.strip().rstrip(".")
    return [f"Skäl till entledigandet av {e.kandidat.label}: {skal}."] if skal else []


def entledigande_text(e: Entledigande, organ: str) -> str:
    """'Kommunfullmäktige entledigar Karin Ek (M) från uppdraget som ledamot i socialnämnden
    från och med 2027-03-15.'"""
    return (
        f"{_versal(organ)} entledigar {e.kandidat.label} från uppdraget som "
        f"{roll_ord(e.roll, 1)} i {e.organ} från och med {e.fran.isoformat()}."
    )
