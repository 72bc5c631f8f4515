"""Dates and times as a Swedish protocol writes them in running text."""

from __future__ import annotations

import datetime as dt

MANADER = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
VECKODAGAR_BEST = (
    "måndagen",
    "tisdagen",
    "onsdagen",
    "torsdagen",
    "fredagen",
    "lördagen",
    "söndagen",
)


def lang_datum(d: dt.date) -> str:
    """'26 november 2019'."""
    return f"{d.day} {MANADER[d.month - 1]} {d.year}"


def veckodag_datum(d: dt.date) -> str:
    """'tisdagen den 26 november 2019', as under 'Plats och tid för justering'."""
    return f"{VECKODAGAR_BEST[d.weekday()]} den {lang_datum(d)}"


def klockan(start: dt.time | None, slut: dt.time | None) -> str:
    """'klockan 13.00–15.55', 'klockan 13.00', or '' without a start."""
    if start is None:
        return ""
    text = f"klockan {start.hour:02d}.{start.minute:02d}"
    if slut is not None:
        text += f"–{slut.hour:02d}.{slut.minute:02d}"
    return text
