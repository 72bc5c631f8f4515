"""Finding Swedish personnummer (and samordningsnummer) in free text, for the public version.

Written forms found: ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN (100 years or older), the same
without a separator, with a space (or a no-break space) instead of the dash, with spaces
around the dash, with an en dash, minus sign or non-breaking hyphen as a word processor
writes it, and ÅÅÅÅ-MM-DD-NNNN. A hit must be a possible date (the day plus 60 for a
samordningsnummer). The control digit is *not* required: a number mistyped in its last
digit still identifies a person (domain.md, 'Publishing and confidentiality').

What keeps other numbers out:
- a diarienummer ("KS 2019/0835"), an amount ("1 250 000 kr", "12 500,50") or a date
  ("2026-11-30") has the wrong shape: the number must stand alone, six or eight digits then
  four, not inside a longer run of digits, slashes, decimal commas or points;
- an impossible date (month 13, day 32, an organisationsnummer's month 20 or more) is no hit;
- a Swedish telephone number always begins with 0, so ten digits in a row that begin with 0
  (0701234567) are taken for a personnummer only when the control digit is right too: a
  person born 2000–2009 written without a separator and with a typo in the last digit is the
  one form this lets through.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DASH = "\\-\u2010\u2011\u2012\u2013\u2212"  # hyphen-minus, hyphens, en dash, minus sign
_SPACE = " \u00a0\u202f"
_SEPARATOR = rf"[{_SPACE}]*[{_DASH}+][{_SPACE}]*|[{_SPACE}]"
_KANDIDAT = re.compile(
    rf"(?<![\w/.,+{_DASH}])"
    rf"(?:(?P<iso>(?:18|19|20)\d\d-[01]\d-[0-9]\d)-|(?P<datum>\d{{8}}|\d{{6}})(?P<sep>{_SEPARATOR})?)"
    rf"(?P<nummer>\d{{4}})"
    rf"(?![\w/]|[.,{_DASH}]\d)"
)


@dataclass(frozen=True)
class Traff:
    start: int
    slut: int
    text: str
    samordningsnummer: bool = False
    kontrollsiffra_ok: bool = True


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _mojligt_datum(datum: str) -> bool:
    """ÅÅMMDD or ÅÅÅÅMMDD is a date that can exist (day + 60: a samordningsnummer)."""
    year = int(datum[:-4]) if len(datum) == 8 else 2000  # 2000: 29 February is possible
    month, day = int(datum[-4:-2]), int(datum[-2:])
    if day > 60:
        day -= 60
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def ar_personnummer(datum: str, separator: str, nummer: str) -> bool:
    """`datum` (six or eight digits), the separator as written and the four last digits
    make a personnummer or samordningsnummer, as far as the digits can tell."""
    if len(datum) == 8 and not datum.startswith(("18", "19", "20")):
        return False
    if not _mojligt_datum(datum):
        return False
    if len(datum) == 6 and not separator and datum.startswith("0"):
        return luhn_ok(datum + nummer)  # could be a telephone number: 0701234567
    return True


def hitta(text: str) -> list[Traff]:
    """Every personnummer and samordningsnummer in `text`, in order."""
    out: list[Traff] = []
    for m in _KANDIDAT.finditer(text):
        datum = (m.group("iso") or "").replace("-", "") or m.group("datum")
        separator = (
            "-"
            if m.group("iso")
            else (m.group("sep") or "").strip(_SPACE) or (" " if m.group("sep") else "")
        )
        nummer = m.group("nummer")
        if ar_personnummer(datum, separator, nummer):
            out.append(
                Traff(
                    m.start(),
                    m.end(),
                    m.group(0),
                    samordningsnummer=int(datum[-2:]) > 60,
                    kontrollsiffra_ok=luhn_ok(datum[-6:] + nummer),
                )
            )
    return out
