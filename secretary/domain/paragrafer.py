"""§ numbers run on per organ through the calendar year (domain.md, Glossary: paragraf).

A meeting's first § follows the last § of the organ's previous meeting the same year; the
first meeting of a year starts at 1 unless the secretary sets another start. A start set by
hand on a later meeting also restarts the count from there (a municipality that begins
using the program mid-year).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingCount:
    """One meeting of the organ in the year, in date order."""

    arenden: int
    start_override: int | None = None


def first_paragrafer(meetings: Sequence[MeetingCount]) -> list[int]:
    """The first § number of each meeting, in the order given (the year's date order)."""
    firsts: list[int] = []
    next_number = 1
    for meeting in meetings:
        first = meeting.start_override if meeting.start_override is not None else next_number
        firsts.append(first)
        next_number = first + meeting.arenden
    return firsts


def paragraf_range(first: int, count: int) -> str:
    """'§ 335–372' for the front page; '§ 12' for a single one; '' with no §§."""
    if count <= 0:
        return ""
    if count == 1:
        return f"§ {first}"
    return f"§ {first}–{first + count - 1}"
