"""Diarienummer patterns, e.g. 'KS ÅÅÅÅ/####' for 'KS 2019/0835'.

The format differs per municipality, so each organ has a pattern written the way a
secretary would describe it: `ÅÅÅÅ` a four-digit year, `ÅÅ` a two-digit year, each `#` one
digit, `#+` one or more digits; everything else stands for itself (so organ prefixes such
as 'BN' or 'KS' are safe). A number that does not
match gives a warning, never a refusal: the register is the secretary's, not ours.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKENS = re.compile(r"ÅÅÅÅ|ÅÅ|#\+|#")


@lru_cache(maxsize=64)
def pattern_regex(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    pos = 0
    for match in _TOKENS.finditer(pattern):
        parts.append(re.escape(pattern[pos : match.start()]))
        token = match.group()
        parts.append({"ÅÅÅÅ": r"\d{4}", "ÅÅ": r"\d{2}", "#+": r"\d+", "#": r"\d"}[token])
        pos = match.end()
    parts.append(re.escape(pattern[pos:]))
    return re.compile("^" + "".join(parts) + "$")


def dnr_warning(dnr: str, pattern: str) -> str | None:
    """A Swedish warning when `dnr` does not follow the organ's pattern, else None."""
    dnr = dnr.strip()
    if not dnr or not pattern.strip():
        return None
    if pattern_regex(pattern.strip()).match(dnr):
        return None
    return f"Diarienumret ”{dnr}” följer inte organets mönster ”{pattern.strip()}”."


def example(pattern: str, year: int = 2026) -> str:
    """A matching example of the pattern, shown next to the pattern field."""

    def repl(match: re.Match[str]) -> str:
        token = match.group()
        return {"ÅÅÅÅ": f"{year:04d}", "ÅÅ": f"{year % 100:02d}", "#+": "12", "#": "1"}[token]

    return _TOKENS.sub(repl, pattern)
