"""Reading a val § inside a unit of work: its stored record as domain values
(secretary.domain.val), and the view the § panel and the protocol are built on (`ValVy`).

The record is one JSON document per § (store.models.ParagrafVal):
{"poster": [post, …], "entlediganden": [entledigande, …]}; a person is
{"fornamn", "efternamn", "parti", "person_id"}; dates are ISO strings; a lottning maps the
seat number (a string) to the winner's index. Keys added later have a default for older
records (and for transfer files, which carry the record as it is): a post's "personliga"
([{"ersattare": person, "for": person}], none), an entledigande's "skal" ("").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.register import Roll
from secretary.domain.val import (
    Entledigande,
    Kandidat,
    Nominering,
    Personlig,
    Post,
    Valresultat,
    Valsatt,
    Valsedelsgrupp,
    narvarande_ledamoter,
    personliga_ersattare,
    post_brister,
    post_hinder,
    resultat,
    roll_ord,
)
from secretary.domain.val_text import (
    beslut_text,
    beslutsgang_text,
    entledigande_skal_text,
    entledigande_text,
    nomineringar_text,
    period,
    valresultat_text,
)
from secretary.services.read.paragraf import Kontrollpunkt
from secretary.store.models import Arende, Meeting, Organ, ParagrafVal

if TYPE_CHECKING:
    from secretary.services.read import Reads

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
        "personliga": [
            {"ersattare": kandidat_json(e), "for": kandidat_json(le)} for e, le in p.personliga
        ],
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
        personliga=tuple(
            (kandidat_from(x["ersattare"]), kandidat_from(x["for"]))
            for x in d.get("personliga") or []
        ),
    )


def entledigande_json(e: Entledigande) -> dict[str, Any]:
    return {
        "kandidat": kandidat_json(e.kandidat),
        "organ": e.organ,
        "organ_id": e.organ_id,
        "roll": e.roll.value,
        "fran": e.fran.isoformat(),
        "skal": e.skal,
    }


def entledigande_from(d: dict[str, Any]) -> Entledigande:
    return Entledigande(
        kandidat_from(d["kandidat"]),
        str(d.get("organ", "")),
        Roll(d.get("roll", Roll.LEDAMOT.value)),
        dt.date.fromisoformat(d["fran"]),
        d.get("organ_id"),
        str(d.get("skal") or ""),
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


def ledamotspost(poster: tuple[Post, ...], index: int) -> int | None:
    """The post before `index` in the § electing ledamöter of the same organ, or None."""
    post = poster[index]
    for i in range(index - 1, -1, -1):
        p = poster[i]
        if p.roll is Roll.LEDAMOT and (p.organ_id, p.organ) == (post.organ_id, post.organ):
            return i
    return None


def ledamotsval(poster: tuple[Post, ...], index: int) -> Valsatt | None:
    """How the ledamöter of the same organ were elected before post `index` in the § (for
    LPV 3 §), or None if they were not elected here."""
    i = ledamotspost(poster, index)
    return poster[i].valsatt if i is not None else None


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
    personliga: tuple[tuple[Personlig, ...], ...] = ()  # per post; () unless the organ has them
    har_personliga: tuple[bool, ...] = ()  # per post: its organ has personliga ersättare
    register: tuple[str, ...] = ()  # what the register will say after justering
    brister: tuple[str, ...] = ()  # what is unfinished, for the checklist

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
    arende_id: int,
    d: Valdata,
    narvarande: int,
    organ: str,
    registrerat: bool,
    personliga_organ: frozenset[int] = frozenset(),
) -> ValVy:
    """The view of a val § (`organ`: the electing organ in running text; `personliga_organ`:
    the register's organs with personliga ersättare)."""
    poster = d.poster
    res = tuple(resultat(p) for p in poster)
    hinder = tuple(
        tuple(post_hinder(p, narvarande, ledamotsval(poster, i))) for i, p in enumerate(poster)
    )
    har = tuple(p.organ_id is not None and p.organ_id in personliga_organ for p in poster)
    personliga: list[tuple[Personlig, ...]] = []
    for i, p in enumerate(poster):
        j = ledamotspost(poster, i)
        pairs = (
            personliga_ersattare(
                p,
                res[i],
                poster[j] if j is not None else None,
                res[j] if j is not None else None,
            )
            if har[i]
            else ()
        )
        personliga.append(pairs)
    nom: list[str] = []
    gang: list[str] = []
    vres: list[str] = []
    beslut: list[str] = []
    brister: list[str] = []
    for i, p in enumerate(poster):
        nom += nomineringar_text(p)
        gang += beslutsgang_text(p, organ, narvarande)
        vres += valresultat_text(p)
        beslut += beslut_text(p, organ, personliga[i])
        brister += post_brister(p, res[i], narvarande, personliga[i], har_personliga=har[i])
    for e in d.entlediganden:
        nom += entledigande_skal_text(e)
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
        personliga=tuple(personliga),
        har_personliga=har,
        register=tuple(registerforslag_text(d, res, personliga)),
        brister=tuple(brister),
    )


def registerforslag_text(
    d: Valdata, res: tuple[Valresultat, ...], personliga: list[tuple[Personlig, ...]]
) -> list[str]:
    """What the register will say after justering, one line per change."""
    out: list[str] = []
    for post, r, pairs in zip(d.poster, res, personliga, strict=True):
        tid = period(post.fran, post.till)
        where = post.organ if post.organ_id is not None else f"{post.organ} (inte i registret)"
        if post.efter is not None and post.organ_id is not None and r.valda:
            fran = f" från och med {post.fran.isoformat()}" if post.fran else ""
            out.append(f"{post.efter.label} upphör som {roll_ord(post.roll, 1)} i {where}{fran}.")
        tied = {p.ersattare.nyckel: p.ledamot for p in pairs}
        for k in r.valda:
            ledamot = tied.get(k.nyckel)
            what = (
                f"personlig ersättare för {ledamot.label}"
                if ledamot is not None
                else roll_ord(post.roll, 1)
            )
            out.append(f"{k.label} blir {what} i {where} {tid}".strip() + ".")
    for e in d.entlediganden:
        out.append(
            f"{e.kandidat.label} upphör som {roll_ord(e.roll, 1)} i {e.organ} "
            f"från och med {e.fran.isoformat()}."
        )
    return list(dict.fromkeys(out))  # a fyllnadsval and an entledigande of the same uppdrag


def val_rader(session: Session, arende_ids: Iterable[int]) -> dict[int, ParagrafVal]:
    """The stored val records of these §§ (only the §§ that are val §§), in one query."""
    ids = list(arende_ids)
    if not ids:
        return {}
    rows = session.scalars(select(ParagrafVal).where(ParagrafVal.arende_id.in_(ids)))
    return {r.arende_id: r for r in rows}


# --- the views of a meeting's val §§ ------------------------------------------------------------


def _personliga_organ(reads: Reads) -> frozenset[int]:
    return frozenset(
        reads.session.scalars(select(Organ.id).where(Organ.personliga_ersattare.is_(True)))
    )


def lpv_narvarande(reads: Reads, arende: Arende) -> int:
    """The LPV 2 § 'närvarande ledamöter' on the § (secretary.domain.val)."""
    vy = reads.vy(arende)
    narvaro = reads.state(arende.meeting).narvaro(vy.position)
    return narvarande_ledamoter(narvaro) if narvaro is not None else 0


def valvy(reads: Reads, arende: Arende) -> ValVy | None:
    """The val view of a §, or None when the § is no val."""
    row = val_rader(reads.session, [arende.id]).get(arende.id)
    if row is None:
        return None
    return build_valvy(
        arende.id,
        valdata_from(row.data or {}),
        lpv_narvarande(reads, arende),
        reads.vy(arende).organ,
        row.registrerat is not None,
        _personliga_organ(reads),
    )


def valvyer(reads: Reads, meeting: Meeting) -> dict[int, ValVy]:
    """The val view of every val § of the meeting, by ärende id."""
    rows = val_rader(reads.session, [a.id for a in meeting.arenden])
    if not rows:
        return {}
    personliga = _personliga_organ(reads)
    out: dict[int, ValVy] = {}
    for a in meeting.arenden:
        row = rows.get(a.id)
        if row is None:
            continue
        out[a.id] = build_valvy(
            a.id,
            valdata_from(row.data or {}),
            lpv_narvarande(reads, a),
            reads.vy(a).organ,
            row.registrerat is not None,
            personliga,
        )
    return out


def kontrollpunkter_val(reads: Reads, meeting: Meeting) -> list[Kontrollpunkt]:
    """The checklist before justering (KL 5 kap. 67 §), a val § with what its val lacks in
    place of what an ordinary § would: seats unfilled, a lottning not recorded, a
    proportional val no longer asked for by enough of those present (LPV 2 §), an ersättare
    not tied to a ledamot in an organ with personliga ersättare."""
    val = valvyer(reads, meeting)
    out: list[Kontrollpunkt] = []
    for vy in reads.vyer(meeting):
        v = val.get(vy.arende_id)
        if v is None:
            if vy.brister:
                out.append(Kontrollpunkt(vy.paragraf, vy.rubrik, vy.brister))
            continue
        brister = v.brister if v.data.poster or v.data.entlediganden else ("Valet saknar poster.",)
        if brister:
            out.append(Kontrollpunkt(vy.paragraf, vy.rubrik, tuple(brister)))
    return out


def expedieras_till(lista: Sequence[str], val: ValVy | None) -> tuple[str, ...]:
    """Who gets the utdrag of a §: its own list, and for a val § also the elected and the
    organ they join, and the entledigade and the organ they leave (issue 15)."""
    out = list(lista)
    if val is not None:
        for post, res in zip(val.data.poster, val.resultat, strict=True):
            out += [k.label for k in res.valda]
            out.append(post.organ[:1].upper() + post.organ[1:])
        for e in val.data.entlediganden:
            out += [e.kandidat.label, e.organ[:1].upper() + e.organ[1:]]
    return tuple(dict.fromkeys(x for x in out if x.strip()))
