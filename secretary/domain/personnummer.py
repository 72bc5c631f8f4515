"""Finding Swedish personnummer (and samordningsnummer) in free text, for the public version.

Accepted forms: ÅÅÅÅMMDD-NNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN (100 years or older) and the same
without a separator. A hit must be a possible date (the day plus 60 for a samordningsnummer)
and its last digit must be the Luhn check digit over the ten digits ÅÅMMDDNNN, so that a
diarienummer such as "KS 2019/0835" or most telephone numbers are not taken for one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_KANDIDAT = re.compile(r"(?<![\w/.-])(\d{8}|\d{6})([-+]?)(\d{4})(?![\w/]|[.-]\d)")


@dataclass(frozen=True)
class Traff:
    start: int
    slut: int
    text: str


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
    year = int(datum[:-4]) if len(datum) == 8 else 2000 + int(datum[:2])
    month, day = int(datum[-4:-2]), int(datum[-2:])
    if day > 60:
        day -= 60  # samordningsnummer
    if len(datum) == 6:
        year = 2000  # a leap year, so 29 February of any century is possible
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def ar_personnummer(datum: str, separator: str, nummer: str) -> bool:
    if len(datum) == 8 and (separator == "+" or not datum.startswith(("18", "19", "20"))):
        return False
    return _mojligt_datum(datum) and luhn_ok(datum[-6:] + nummer)


def hitta(text: str) -> list[Traff]:
    """Every personnummer in `text`, in order."""
    return [
        Traff(m.start(), m.end(), m.group(0))
        for m in _KANDIDAT.finditer(text)
        if ar_personnummer(m.group(1), m.group(2), m.group(3))
    ]
