"""The content snapshot of a protocol: what it says, § by §, as plain JSON-able data.

A version stores it beside its PDF, the draft diff compares two of them, and the public
version masks one. Shape::

    {"forstasida": {key: [text, ...]},
     "paragrafer": [{"paragraf": 335, "rubrik": "...", "dnr": "...", "sekretess": False,
                     "omedelbar_justering": False, "delar": {del: [text, ...]}}]}

The keys of "delar" are the names of the parts of a § in the order the protocol prints them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

Innehall = dict[str, Any]

DELAR: dict[str, str] = {
    "sammanfattning": "Sammanfattning",
    "beslutsunderlag": "Beslutsunderlag",
    "forslag_till_beslut": "Förslag till beslut",
    "yrkanden": "Yrkanden",
    "beslutsgang": "Beslutsgång",
    "omrostningar": "Omröstning",
    "valresultat": "Valresultat",
    "beslut_rubrik": "Beslut (rubrik)",
    "beslut_att": "Beslut",
    "reservationer": "Reservation",
    "anteckningar": "Protokollsanteckning",
    "jav": "Jäv",
    "expedieras_till": "Beslut expedieras till",
    "delegationsbeslut": "Anmälda delegationsbeslut",
}

# Every part of a § by name, with the rubrik that heads it (a diff or a rättelse names them).
NAMN: dict[str, str] = {"rubrik": "Rubrik", **DELAR}

# Parts that may carry free text about individuals (masked in the public version).
FRITEXT = (
    "sammanfattning",
    "beslutsunderlag",
    "forslag_till_beslut",
    "yrkanden",
    "beslutsgang",
    "valresultat",
    "beslut_rubrik",
    "beslut_att",
    "reservationer",
    "anteckningar",
    "expedieras_till",
    "delegationsbeslut",
)


def kanonisk(innehall: Mapping[str, Any]) -> bytes:
    """One byte form for a snapshot, so its digest does not depend on key order."""
    return json.dumps(innehall, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def paragrafer(innehall: Mapping[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(p["paragraf"]): p for p in innehall.get("paragrafer", [])}
