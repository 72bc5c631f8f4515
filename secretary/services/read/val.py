"""Reading a val § inside a unit of work: its stored record as domain values
(secretary.domain.val), and the view the § panel and the protocol are built on (`ValVy`).

The record is one JSON document per § (store.models.ParagrafVal):
{"poster": [post, …], "entlediganden": [entledigande, …]}; a person is
{"fornamn", "efternamn", "parti", "person_id"}; dates are ISO strings; a lottning maps the
seat number (a string) to the winner's index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.register import Roll
from secretary.domain.val import (
    Entledigande,
    Kandidat,
    Nominering,
    Post,
    Valresultat,
    Valsatt,
    Valsedelsgrupp,
    post_hinder,
    resultat,
)
from secretary.domain.val_text import (
    beslut_text,
    beslutsgang_text,
    entledigande_text,
    nomineringar_text,
    valresultat_text,
)
from secretary.store.models import ParagrafVal

# --- (de)serialising ------------------------------------------------------------------------


def _datum(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _datum_from(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def kandidat_json(k: Kandidat) -> dict[str, Any]:
    return {
        "fornamn": k.fornamn,
        "efternamn": k.efternamn,
        "parti": k.parti,
        "person_id": k.person_id,
    }


def kandidat_from(d: dict[str, Any]) -> Kandidat:
    pid = d.get("person_id")
    return Kandidat(
        str(d.get("fornamn", "")),
        str(d.get("efternamn", "")),
        str(d.get("parti", "")),
        int(pid) if pid is not None else None,
    )


def post_json(p: Post) -> dict[str, Any]:
    return {
        "organ": p.organ,
        "organ_id": p.organ_id,
        "roll": p.roll.value,
        "platser": p.platser,
        "fran": _datum(p.fran),
        "till": _datum(p.till),
        "valsatt": p.valsatt.value,
        "efter": kandidat_json(p.efter) if p.efter is not None else None,
        "nomineringar": [
            {"kandidat": kandidat_json(n.kandidat), "av": n.av} for n in p.nomineringar
        ],
        "roster": list(p.roster),
        "grupper": [
            {
                "beteckning": g.beteckning,
                "namn": [kandidat_json(k) for k in g.namn],
                "roster": g.roster,
            }
            for g in p.grupper
        ],
        "blanka": p.blanka,
        "ogiltiga": p.ogiltiga,
        "begarande": p.begarande,
        "lottning": {str(k): v for k, v in p.lottning.items()},
    }


def post_from(d: dict[str, Any]) -> Post:
    efter = d.get("efter")
    return Post(
        organ=str(d.get("organ", "")),
        organ_id=d.get("organ_id"),
        roll=Roll(d.get("roll", Roll.LEDAMOT.value)),
        platser=int(d.get("platser", 1)),
        fran=_datum_from(d.get("fran")),
        till=_datum_from(d.get("till")),
        valsatt=Valsatt(d.get("valsatt", Valsatt.ACKLAMATION.value)),
        efter=kandidat_from(efter) if efter else None,
        nomineringar=tuple(
            Nominering(kandidat_from(n["kandidat"]), str(n.get("av", "")))
            for n in d.get("nomineringar", [])
        ),
        roster=tuple(int(n) for n in d.get("roster", [])),
        grupper=tuple(
            Valsedelsgrupp(
                str(g.get("beteckning", "")),
                tuple(kandidat_from(k) for k in g.get("namn", [])),
                int(g.get("roster", 0)),
            )
            for g in d.get("grupper", [])
        ),
        blanka=int(d.get("blanka", 0)),
        ogiltiga=int(d.get("ogiltiga", 0)),
        begarande=int(d.get("begarande", 0)),
        lottning={int(k): int(v) for k, v in (d.get("lottning") or {}).items()},
    )


def entledigande_json(e: Entledigande) -> dict[str, Any]:
    return {
        "kandidat": kandidat_json(e.kandidat),
        "organ": e.organ,
        "organ_id": e.organ_id,
        "roll": e.roll.value,
        "fran": e.fran.isoformat(),
    }


def entledigande_from(d: dict[str, Any]) -> Entledigande:
    return Entledigande(
        kandidat_from(d["kandidat"]),
        str(d.get("organ", "")),
        Roll(d.get("roll", Roll.LEDAMOT.value)),
        dt.date.fromisoformat(d["fran"]),
        d.get("organ_id"),
    )


@dataclass(frozen=True)
class Valdata:
    poster: tuple[Post, ...] = ()
    entlediganden: tuple[Entledigande, ...] = ()


def valdata_from(d: dict[str, Any]) -> Valdata:
    return Valdata(
        tuple(post_from(p) for p in d.get("poster", [])),
        tuple(entledigande_from(e) for e in d.get("entlediganden", [])),
    )


def valdata_json(v: Valdata) -> dict[str, Any]:
    return {
        "poster": [post_json(p) for p in v.poster],
        "entlediganden": [entledigande_json(e) for e in v.entlediganden],
    }


# --- the view ------------------------------------------------------------------------------


def ledamotsval(poster: tuple[Post, ...], index: int) -> Valsatt | None:
    """How the ledamöter of the same organ were elected before post `index` in the § (for
    LPV 3 §), or None if they were not elected here."""
    post = poster[index]
    for p in reversed(poster[:index]):
        if p.roll is Roll.LEDAMOT and (p.organ_id, p.organ) == (post.organ_id, post.organ):
            return p.valsatt
    return None


@dataclass(frozen=True)
class ValVy:
    """A val § as the panel and the protocol show it. `narvarande`: the ledamöter present
    (serving) on the §, the basis of the LPV 2 § threshold."""

    arende_id: int
    data: Valdata
    narvarande: int
    resultat: tuple[Valresultat, ...]
    hinder: tuple[tuple[str, ...], ...]  # per post
    nomineringar: tuple[str, ...]
    beslutsgang: tuple[str, ...]
    valresultat: tuple[str, ...]
    beslut: tuple[str, ...]
    registrerat: bool

    @property
    def klar(self) -> bool:
        return all(r.klar for r in self.resultat) and not any(self.hinder)


@dataclass(frozen=True)
class ValLage:
    """A § after a val write, for the window to show without reading again: `vy` None when
    the § is (again) no val § (the undo of making it one)."""

    arende_id: int
    vy: ValVy | None


def build_valvy(
    arende_id: int, d: Valdata, narvarande: int, organ: str, registrerat: bool
) -> ValVy:
    """The view of a val § (`organ`: the electing organ in running text)."""
    poster = d.poster
    res = tuple(resultat(p) for p in poster)
    hinder = tuple(
        tuple(post_hinder(p, narvarande, ledamotsval(poster, i))) for i, p in enumerate(poster)
    )
    nom: list[str] = []
    gang: list[str] = []
    vres: list[str] = []
    beslut: list[str] = []
    for p in poster:
        nom += nomineringar_text(p)
        gang += beslutsgang_text(p, organ, narvarande)
        vres += valresultat_text(p)
        beslut += beslut_text(p, organ)
    beslut += [entledigande_text(e, organ) for e in d.entlediganden]
    return ValVy(
        arende_id=arende_id,
        data=d,
        narvarande=narvarande,
        resultat=res,
        hinder=hinder,
        nomineringar=tuple(nom),
        beslutsgang=tuple(gang),
        valresultat=tuple(vres),
        beslut=tuple(beslut),
        registrerat=registrerat,
    )


def val_rader(session: Session, arende_ids: Iterable[int]) -> dict[int, ParagrafVal]:
    """The stored val records of these §§ (only the §§ that are val §§), in one query."""
    ids = list(arende_ids)
    if not ids:
        return {}
    rows = session.scalars(select(ParagrafVal).where(ParagrafVal.arende_id.in_(ids)))
    return {r.arende_id: r for r in rows}
