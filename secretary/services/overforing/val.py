"""A val § in the transfer document (`arenden[].val`, from version 4): the § record of
store.models.ParagrafVal made portable.

Database ids do not travel: a candidate keeps name and party (the register is matched by
them at justering, as for anyone new), and a post's or entledigande's organ is named by its
register name in "organ_register" and matched by name on import (an organ the receiving
register lacks is a post outside it). `registrerat` says whether the register already
followed the decision where the file was made. Keys added since version 4 without a version
of their own (a post's "personliga", an entledigande's "skal") are optional: a file without
them reads as no pairing and no reason (secretary.services.read.val)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.services.overforing.format import FormatError
from secretary.services.read.val import valdata_from
from secretary.store.models import Organ, ParagrafVal


def _kandidat(k: Any) -> Any:
    return {**k, "person_id": None} if isinstance(k, dict) else k


def _portabel(item: dict[str, Any], organ_namn: dict[int, str]) -> dict[str, Any]:
    out = {**item, "organ_register": organ_namn.get(item.get("organ_id") or -1)}
    out["organ_id"] = None
    for key in ("efter", "kandidat"):
        if out.get(key):
            out[key] = _kandidat(out[key])
    if "nomineringar" in out:
        out["nomineringar"] = [
            {**n, "kandidat": _kandidat(n["kandidat"])} for n in out["nomineringar"]
        ]
    if "grupper" in out:
        out["grupper"] = [{**g, "namn": [_kandidat(k) for k in g["namn"]]} for g in out["grupper"]]
    if out.get("personliga"):
        out["personliga"] = [
            {"ersattare": _kandidat(x["ersattare"]), "for": _kandidat(x["for"])}
            for x in out["personliga"]
        ]
    return out


def dump(session: Session, row: ParagrafVal | None) -> dict[str, Any] | None:
    if row is None:
        return None
    names = {o.id: o.name for o in session.scalars(select(Organ))}
    data = row.data or {}
    return {
        "data": {
            "poster": [_portabel(p, names) for p in data.get("poster", [])],
            "entlediganden": [_portabel(e, names) for e in data.get("entlediganden", [])],
        },
        "registrerat": row.registrerat.isoformat() if row.registrerat else None,
    }


def load(value: Any, where: str) -> dict[str, Any] | None:
    """Check a val as read from a file; refused with where and why."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"data", "registrerat"}:
        raise FormatError(where, "ska vara null eller ett objekt med ”data” och ”registrerat”")
    data = value["data"]
    if not isinstance(data, dict) or not set(data) <= {"poster", "entlediganden"}:
        raise FormatError(f"{where}.data", "ska vara ett objekt med ”poster” och ”entlediganden”")
    try:
        valdata_from(data)
        if value["registrerat"] is not None:
            dt.datetime.fromisoformat(value["registrerat"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FormatError(where, f"är inget giltigt val ({type(exc).__name__})") from exc
    return value


def write(session: Session, arende_id: int, value: dict[str, Any] | None) -> None:
    if value is None:
        return
    ids = {o.name: o.id for o in session.scalars(select(Organ))}

    def local(item: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in item.items() if k != "organ_register"}
        out["organ_id"] = ids.get(item.get("organ_register") or "")
        return out

    data = value["data"]
    stored = {
        "poster": [local(p) for p in data.get("poster", [])],
        "entlediganden": [local(e) for e in data.get("entlediganden", [])],
    }
    when = value["registrerat"]
    session.add(
        ParagrafVal(
            arende_id=arende_id,
            data=stored,
            registrerat=dt.datetime.fromisoformat(when) if when else None,
        )
    )
