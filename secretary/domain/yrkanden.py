"""Yrkanden, the alternatives they put before the body, and the propositionsordning.

The legal order (domain.md, 'Order of deciding'): formal yrkanden first, each on its own
(återremiss, then bordläggning), never set against each other; then the main question with
the material proposals against each other (with more than two: huvudförslag, then a
kontrapropositionsvotering for the motförslag, then huvudförslag against motförslag);
tilläggsyrkanden last, each bifall or avslag. Every proposition is answerable yes or no.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from secretary.domain.sprak import person_genitiv
from secretary.domain.votering import Votering


class YrkandeTyp(enum.StrEnum):
    BIFALL = "BIFALL"  # bifall till förslaget (or to another's yrkande: `stodjer`)
    AVSLAG = "AVSLAG"
    ANDRING = "ANDRING"
    TILLAGG = "TILLAGG"
    ATERREMISS = "ATERREMISS"
    BORDLAGGNING = "BORDLAGGNING"
    EGET = "EGET"

    @property
    def label(self) -> str:
        return {
            YrkandeTyp.BIFALL: "Bifall",
            YrkandeTyp.AVSLAG: "Avslag",
            YrkandeTyp.ANDRING: "Ändringsyrkande",
            YrkandeTyp.TILLAGG: "Tilläggsyrkande",
            YrkandeTyp.ATERREMISS: "Återremiss",
            YrkandeTyp.BORDLAGGNING: "Bordläggning",
            YrkandeTyp.EGET: "Eget förslag",
        }[self]

    @property
    def formell(self) -> bool:
        return self in (YrkandeTyp.ATERREMISS, YrkandeTyp.BORDLAGGNING)


@dataclass(frozen=True)
class Person:
    person_id: int
    name: str
    party: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    @property
    def genitiv(self) -> str:
        return person_genitiv(self.name, self.party)


@dataclass(frozen=True)
class Yrkande:
    """A proposal made in the meeting. `text` is the wording of an ändring, tillägg or own
    proposal, or the reason for an återremiss. `stodjer` is the id of another yrkande a
    BIFALL supports (None: bifall to the förslag the meeting starts from)."""

    id: int
    typ: YrkandeTyp
    yrkare: Person
    instammande: tuple[Person, ...] = ()
    text: str = ""
    stodjer: int | None = None
    aterkallat: bool = False


FORSLAG = "F"
IDAG = "IDAG"


def nyckel(yrkande_id: int) -> str:
    return f"Y{yrkande_id}"


def avslag_nyckel(yrkande_id: int) -> str:
    return f"-Y{yrkande_id}"


@dataclass(frozen=True)
class Alternativ:
    """Something a proposition puts to the body. `namn` reads after 'på', 'mot', 'enligt'
    and 'bifall till': 'förvaltningens förslag', 'Anders Almgrens (S) avslagsyrkande'."""

    key: str
    namn: str
    yrkanden: tuple[int, ...] = ()  # the yrkanden that stand behind it


_SUFFIX = {
    YrkandeTyp.AVSLAG: "avslagsyrkande",
    YrkandeTyp.ANDRING: "ändringsyrkande",
    YrkandeTyp.TILLAGG: "tilläggsyrkande",
    YrkandeTyp.ATERREMISS: "återremissyrkande",
    YrkandeTyp.BORDLAGGNING: "bordläggningsyrkande",
    YrkandeTyp.EGET: "yrkande",
}


def aktiva(yrkanden: Sequence[Yrkande]) -> list[Yrkande]:
    """Withdrawn yrkanden are not put to decision."""
    return [y for y in yrkanden if not y.aterkallat]


def huvudalternativ(forslag_namn: str, yrkanden: Sequence[Yrkande]) -> list[Alternativ]:
    """The alternatives in the main question: the förslag the meeting starts from, one
    avslag (however many made it), and each ändringsyrkande and own proposal."""
    active = aktiva(yrkanden)
    supporters = [y.id for y in active if y.typ is YrkandeTyp.BIFALL and y.stodjer is None]
    out = [Alternativ(FORSLAG, forslag_namn, tuple(supporters))]
    avslag = [y for y in active if y.typ is YrkandeTyp.AVSLAG]
    if avslag:
        first = avslag[0]
        out.append(
            Alternativ(
                nyckel(first.id),
                f"{first.yrkare.genitiv} {_SUFFIX[YrkandeTyp.AVSLAG]}",
                tuple(y.id for y in avslag),
            )
        )
    for y in active:
        if y.typ in (YrkandeTyp.ANDRING, YrkandeTyp.EGET):
            backing = (y.id, *(b.id for b in active if b.stodjer == y.id))
            out.append(Alternativ(nyckel(y.id), f"{y.yrkare.genitiv} {_SUFFIX[y.typ]}", backing))
    return out


class FragaTyp(enum.StrEnum):
    FORMELL = "FORMELL"
    HUVUD = "HUVUD"
    TILLAGG = "TILLAGG"
    SAMLAD = "SAMLAD"  # one question for the förslag and all tillägg, when none is opposed


@dataclass(frozen=True)
class Fraga:
    typ: FragaTyp
    yrkande_id: int | None = None  # the formal or tilläggsyrkande


def foreslagen_ordning(yrkanden: Sequence[Yrkande]) -> list[Fraga]:
    """The legal propositionsordning the application proposes."""
    active = aktiva(yrkanden)
    order: list[Fraga] = []
    for typ in (YrkandeTyp.ATERREMISS, YrkandeTyp.BORDLAGGNING):
        order += [Fraga(FragaTyp.FORMELL, y.id) for y in active if y.typ is typ]
    order.append(Fraga(FragaTyp.HUVUD))
    order += [Fraga(FragaTyp.TILLAGG, y.id) for y in active if y.typ is YrkandeTyp.TILLAGG]
    return order


def ordningsvarningar(ordning: Sequence[Fraga], yrkanden: Sequence[Yrkande]) -> list[str]:
    """Where a reordered propositionsordning departs from the legal order, in Swedish."""
    warnings: list[str] = []
    kinds = [f.typ for f in ordning]
    if FragaTyp.HUVUD in kinds:
        main = kinds.index(FragaTyp.HUVUD)
        if any(k is FragaTyp.FORMELL for k in kinds[main + 1 :]):
            warnings.append("Formella yrkanden (återremiss, bordläggning) ska avgöras först.")
        if any(k is FragaTyp.TILLAGG for k in kinds[:main]):
            warnings.append("Tilläggsyrkanden ska avgöras efter huvudfrågan.")
    by_id = {y.id: y for y in aktiva(yrkanden)}
    formal = [
        by_id[f.yrkande_id].typ
        for f in ordning
        if f.yrkande_id in by_id and f.typ is FragaTyp.FORMELL
    ]
    both = YrkandeTyp.BORDLAGGNING in formal and YrkandeTyp.ATERREMISS in formal
    if both and formal.index(YrkandeTyp.BORDLAGGNING) < formal.index(YrkandeTyp.ATERREMISS):
        warnings.append("Återremiss prövas normalt före bordläggning.")
    asked = {f.yrkande_id for f in ordning if f.yrkande_id is not None}
    samlad = FragaTyp.SAMLAD in kinds
    for y in by_id.values():
        needs = y.typ.formell or y.typ is YrkandeTyp.TILLAGG
        if needs and y.id not in asked and not (samlad and y.typ is YrkandeTyp.TILLAGG):
            warnings.append(f"{y.yrkare.genitiv} {_SUFFIX[y.typ]} ställs inte under proposition.")
    return warnings


# --- the procedure -------------------------------------------------------------------------


class StegTyp(enum.StrEnum):
    ENDA = "ENDA"  # one proposal: 'kan … bifalla …?'
    PAR = "PAR"  # two alternatives against each other
    ALLA = "ALLA"  # more than two: the chair finds the huvudförslag
    KONTRA = "KONTRA"  # finding the motförslag among the rest
    HUVUDVOTERING = "HUVUDVOTERING"  # huvudförslag against motförslag, by votering


@dataclass(frozen=True)
class Steg:
    typ: StegTyp
    alternativ: tuple[str, ...]


@dataclass(frozen=True)
class StegResultat:
    """What the chair found (`vinnare`) and whether votering was asked for; for a pair, the
    votering itself (for more than two it follows in later steps)."""

    vinnare: str
    votering_begard: bool = False
    votering: Votering | None = None


@dataclass(frozen=True)
class Genomfort:
    steg: Steg
    resultat: StegResultat | None  # None: the next thing to record
    kontra: bool = False  # part of a kontrapropositionsvotering


@dataclass
class _Cursor:
    results: Sequence[StegResultat]
    index: int = 0

    def take(self) -> StegResultat | None:
        if self.index < len(self.results):
            self.index += 1
            return self.results[self.index - 1]
        return None


def _avgor(
    alts: tuple[str, ...], cur: _Cursor, out: list[Genomfort], kontra: bool = False
) -> str | None:
    """Choose one of `alts` the way the chair does; None while a result is missing."""
    if len(alts) == 1:
        r = cur.take()
        out.append(Genomfort(Steg(StegTyp.ENDA, alts), r, kontra))
        return alts[0] if r is not None else None
    kind = StegTyp.KONTRA if kontra else (StegTyp.PAR if len(alts) == 2 else StegTyp.ALLA)
    r = cur.take()
    out.append(Genomfort(Steg(kind, alts), r, kontra))
    if r is None:
        return None
    if not r.votering_begard:
        return r.vinnare
    if len(alts) == 2:
        return r.votering.vinnare if r.votering is not None else None
    huvud = r.vinnare
    mot = _avgor(tuple(a for a in alts if a != huvud), cur, out, kontra=True)
    if mot is None:
        return None
    final = cur.take()
    out.append(Genomfort(Steg(StegTyp.HUVUDVOTERING, (huvud, mot)), final, kontra))
    if final is None or final.votering is None:
        return None
    return final.votering.vinnare


def forlopp(
    alts: Sequence[str], results: Sequence[StegResultat]
) -> tuple[list[Genomfort], str | None]:
    """Replay the results recorded for one question: the steps so far (the last with
    resultat None is the next to record) and the winner once decided."""
    out: list[Genomfort] = []
    cur = _Cursor(results)
    winner = _avgor(tuple(alts), cur, out)
    return out, winner
