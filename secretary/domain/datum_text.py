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


VECKODAGAR = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def lang_datum(d: dt.date) -> str:
    """'26 november 2019'."""
    return f"{d.day} {MANADER[d.month - 1]} {d.year}"


def veckodag_datum(d: dt.date) -> str:
    """'tisdagen den 26 november 2019', as under 'Plats och tid för justering'."""
    return f"{VECKODAGAR_BEST[d.weekday()]} den {lang_datum(d)}"


def dag_och_datum(d: dt.date) -> str:
    """'måndag 30 november 2026', as a heading says it."""
    return f"{VECKODAGAR[d.weekday()]} {lang_datum(d)}"


def klockslag(t: dt.time | None) -> str:
    """'13.40'; '' without a time."""
    return "" if t is None else f"{t.hour:02d}.{t.minute:02d}"


def klockan(start: dt.time | None, slut: dt.time | None) -> str:
    """'klockan 13.00–15.55', 'klockan 13.00', or '' without a start."""
    if start is None:
        return ""
    text = f"klockan {klockslag(start)}"
    if slut is not None:
        text += f"–{klockslag(slut)}"
    return text
