"""Draft N+1 against draft N, § by §: the words inserted and removed in each part, so the
justerare re-reads only what changed (issue 6, 'Justerare reviewing drafts')."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from secretary.domain.innehall import NAMN, paragrafer


class Op(StrEnum):
    LIKA = "lika"
    INFOGAT = "infogat"
    BORTTAGET = "borttaget"


@dataclass(frozen=True)
class Bit:
    op: Op
    text: str


@dataclass(frozen=True)
class Delandring:
    del_: str
    rubrik: str
    bitar: tuple[Bit, ...]

    @property
    def infogat(self) -> str:
        return " ".join(b.text for b in self.bitar if b.op is Op.INFOGAT)

    @property
    def borttaget(self) -> str:
        return " ".join(b.text for b in self.bitar if b.op is Op.BORTTAGET)


@dataclass(frozen=True)
class Paragrafandring:
    paragraf: int
    rubrik: str
    status: str  # "ändrad", "ny", "borttagen"
    delar: tuple[Delandring, ...]


_ORD = re.compile(r"\S+|\n")


def _ord(texts: list[str]) -> list[str]:
    return _ORD.findall("\n".join(texts))


def orddiff(fore: list[str], efter: list[str]) -> tuple[Bit, ...]:
    """Word by word; a paragraph break counts as a word so moved breaks show."""
    a, b = _ord(fore), _ord(efter)
    out: list[Bit] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Bit(Op.LIKA, " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Bit(Op.BORTTAGET, " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(Bit(Op.INFOGAT, " ".join(b[j1:j2])))
    return tuple(out)


def _texter(p: Mapping[str, Any] | None, del_: str) -> list[str]:
    if p is None:
        return []
    if del_ == "rubrik":
        return [f"{p.get('rubrik', '')}", f"Dnr {p['dnr']}" if p.get("dnr") else ""]
    return list(p.get("delar", {}).get(del_, []))


def jamfor(fore: Mapping[str, Any], efter: Mapping[str, Any]) -> list[Paragrafandring]:
    """Every § that differs between two content snapshots, in § order, with the changed
    parts only."""
    a, b = paragrafer(fore), paragrafer(efter)
    out: list[Paragrafandring] = []
    for nummer in sorted(a.keys() | b.keys()):
        pa, pb = a.get(nummer), b.get(nummer)
        status = "ny" if pa is None else "borttagen" if pb is None else "ändrad"
        delar: list[Delandring] = []
        for del_, rubrik in NAMN.items():
            ta, tb = _texter(pa, del_), _texter(pb, del_)
            if ta != tb:
                delar.append(Delandring(del_, rubrik, orddiff(ta, tb)))
        if delar:
            rubrik = str((pb or pa or {}).get("rubrik", ""))
            out.append(Paragrafandring(nummer, rubrik, status, tuple(delar)))
    return out
