"""Between the protocol's data (services.protokoll_data) and its content snapshot
(secretary.domain.innehall): the snapshot a version stores, and a masked snapshot put back
into the data for the public PDF."""

from __future__ import annotations

from dataclasses import fields, replace

from secretary.domain.innehall import DELAR, Innehall
from secretary.reports.data import Omrostning, Paragraf, ProtokollData

_FORSTASIDA = (
    "plats_och_tid",
    "ajourneringar",
    "ledamoter",
    "tjanstgorande_ersattare",
    "ersattare",
    "adjungerade",
    "ovriga",
    "justerare",
    "justering",
    "paragrafer",
)
_TUPLAR = {f.name for f in fields(Paragraf)} & set(DELAR) - {"omrostningar", "beslut_rubrik"}


def _rader(o: Omrostning) -> list[str]:
    rows = [f"Omröstningslista nr {o.nummer}: {o.proposition}"]
    rows += [f"{r.ledamot} | {r.ersattare} | {r.rost}" for r in o.rader]
    return rows


def _paragraf(p: Paragraf) -> dict[str, object]:
    delar: dict[str, list[str]] = {name: list(getattr(p, name)) for name in sorted(_TUPLAR)}
    delar["beslut_rubrik"] = [p.beslut_rubrik] if p.beslut_rubrik else []
    delar["omrostningar"] = [row for o in p.omrostningar for row in _rader(o)]
    return {
        "paragraf": p.paragraf,
        "rubrik": p.rubrik,
        "dnr": p.dnr,
        "sekretess": p.sekretess,
        "omedelbar_justering": p.omedelbar_justering,
        "delar": {k: v for k, v in delar.items() if v},
    }


def innehall(data: ProtokollData) -> Innehall:
    """What the protocol says, as JSON-able data (the shape in domain.innehall)."""
    forstasida: dict[str, list[str]] = {}
    for key in _FORSTASIDA:
        value = getattr(data, key)
        forstasida[key] = [value] if isinstance(value, str) else list(value)
    return {"forstasida": forstasida, "paragrafer": [_paragraf(p) for p in data.arenden]}


def tillbaka(data: ProtokollData, masked: Innehall) -> ProtokollData:
    """`data` with the free text of the front page and of each § taken from a masked snapshot
    (the public PDF). A §
    the snapshot empties for sekretess keeps its number and heading only."""
    by_number = {int(p["paragraf"]): p for p in masked.get("paragrafer", [])}
    out: list[Paragraf] = []
    for p in data.arenden:
        m = by_number[p.paragraf]
        delar = m.get("delar", {})
        if m.get("sekretess_not"):
            out.append(Paragraf(paragraf=p.paragraf, rubrik=m["rubrik"], sekretess=True))
            continue
        changes: dict[str, object] = {name: tuple(delar.get(name, ())) for name in _TUPLAR}
        changes["beslut_rubrik"] = (delar.get("beslut_rubrik") or [""])[0]
        out.append(replace(p, rubrik=m["rubrik"], dnr=m.get("dnr", ""), **changes))  # type: ignore[arg-type]
    front: dict[str, object] = {}
    for key, texts in masked.get("forstasida", {}).items():
        if key in _FORSTASIDA and key != "paragrafer":
            front[key] = " ".join(texts) if isinstance(getattr(data, key), str) else tuple(texts)
    return replace(data, arenden=tuple(out), **front)  # type: ignore[arg-type]
