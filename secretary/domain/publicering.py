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


FORSTASIDAN = 0  # Maskering.paragraf of a masking on the front page
# The front page's texts where a personnummer is masked. The terms the secretary marks (a
# sökande's name or address) are not: the front page names the officials and the town hall
# ("Stadshuset, Storgatan 1"), which are public. "paragrafer" is computed, never masked.
FORSTASIDA_FRITEXT = {
    "plats_och_tid": "Plats och tid",
    "ajourneringar": "Plats och tid",
    "ledamoter": "Ledamöter",
    "tjanstgorande_ersattare": "Tjänstgörande ersättare",
    "ersattare": "Ersättare",
    "adjungerade": "Adjungerade",
    "ovriga": "Övriga",
    "justerare": "Justerare",
    "justering": "Plats och tid för justering",
}


@dataclass(frozen=True)
class Maskering:
    paragraf: int  # FORSTASIDAN for the front page
    vad: str  # "sekretess", "personnummer", "samordningsnummer", "markerad uppgift", ...
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


def _slag(t: personnummer.Traff) -> str:
    """What the preview calls a hit: the secretary checks a mistyped number with the author."""
    vad = "samordningsnummer" if t.samordningsnummer else "personnummer"
    return vad if t.kontrollsiffra_ok else f"{vad} (fel kontrollsiffra)"


def maskera_text(
    text: str, markerade: re.Pattern[str] | None = None
) -> tuple[str, list[tuple[str, str]]]:
    """The text with personnummer and marked terms replaced; and (what, original) per hit."""
    hits: list[tuple[str, str]] = []
    out: list[str] = []
    at = 0
    for t in personnummer.hitta(text):
        out += [text[at : t.start], PERSONNUMMER]
        hits.append((_slag(t), t.text))
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
    for key, texts in public.get("forstasida", {}).items():
        if key in FORSTASIDA_FRITEXT:
            masked_texts: list[str] = []
            for text in texts:
                ny, hits = maskera_text(text)
                masked_texts.append(ny)
                out += [Maskering(FORSTASIDAN, vad, FORSTASIDA_FRITEXT[key], o) for vad, o in hits]
            public["forstasida"][key] = masked_texts
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
        for del_ in (*FRITEXT, "jav"):
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
