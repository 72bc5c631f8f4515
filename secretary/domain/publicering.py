"""The public (web) version of a protocol: what is masked, and the list the secretary checks
before exporting (domain.md, 'Publishing and confidentiality').

A § under sekretess keeps its number and heading and gets a note instead of its text.
Personnummer (secretary.domain.personnummer) and the personal data the secretary marked are
masked in every free-text part. The original snapshot is never changed: a new one is made.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from secretary.domain import personnummer
from secretary.domain.innehall import DELAR, FRITEXT, Innehall

SEKRETESS_NOT = (
    "Paragrafen omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) och "
    "publiceras inte i webbversionen. Den som vill ta del av beslutet kan begära ut det; "
    "en sekretessprövning görs då."
)
PERSONNUMMER = "[personnummer]"
MARKERAD = "[uppgift borttagen]"


@dataclass(frozen=True)
class Maskering:
    paragraf: int
    vad: str  # "sekretess", "personnummer", "markerad uppgift"
    var: str  # the part of the §, as the protocol names it
    original: str  # what is hidden (for the secretary's eyes only)


@dataclass(frozen=True)
class Publicering:
    innehall: Innehall
    maskeringar: tuple[Maskering, ...]


def _markering(markerade: Sequence[str]) -> re.Pattern[str] | None:
    terms = sorted({t.strip() for t in markerade if t.strip()}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.I)


def maskera_text(
    text: str, markerade: re.Pattern[str] | None = None
) -> tuple[str, list[tuple[str, str]]]:
    """The text with personnummer and marked terms replaced; and (what, original) per hit."""
    hits: list[tuple[str, str]] = []
    out: list[str] = []
    at = 0
    for t in personnummer.hitta(text):
        out += [text[at : t.start], PERSONNUMMER]
        hits.append(("personnummer", t.text))
        at = t.slut
    out.append(text[at:])
    masked = "".join(out)
    if markerade is not None:

        def sub(m: re.Match[str]) -> str:
            hits.append(("markerad uppgift", m.group(0)))
            return MARKERAD

        masked = markerade.sub(sub, masked)
    return masked, hits


def maskera(innehall: Mapping[str, Any], markerade: Sequence[str] = ()) -> Publicering:
    """The public version of a content snapshot, with every masking listed."""
    public: Innehall = copy.deepcopy(dict(innehall))
    pattern = _markering(markerade)
    out: list[Maskering] = []
    for p in public.get("paragrafer", []):
        nummer = int(p["paragraf"])
        if p.get("sekretess"):
            out.append(Maskering(nummer, "sekretess", "hela paragrafen", p.get("rubrik", "")))
            p["delar"] = {}
            p["dnr"] = ""
            p["sekretess_not"] = SEKRETESS_NOT
            continue
        rubrik, hits = maskera_text(str(p.get("rubrik", "")), pattern)
        p["rubrik"] = rubrik
        out += [Maskering(nummer, vad, "Rubrik", orig) for vad, orig in hits]
        for del_ in FRITEXT:
            texts = p.get("delar", {}).get(del_)
            if not texts:
                continue
            masked: list[str] = []
            for text in texts:
                ny, hits = maskera_text(text, pattern)
                masked.append(ny)
                out += [Maskering(nummer, vad, DELAR[del_], orig) for vad, orig in hits]
            p["delar"][del_] = masked
    return Publicering(public, tuple(out))
