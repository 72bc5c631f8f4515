"""The ersättarordning between parties, written as a secretary writes it down:

    Alla: S, M, L, C, KD, MP, V
    S: V, MP

The first line is the organ's general order for calling in another party's ersättare; a
line per party is that party's own order (decided by fullmäktige) and takes precedence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

ALLA = "Alla"


def format_partiordning(order: Mapping[str | None, Sequence[str]]) -> str:
    lines = []
    if order.get(None):
        lines.append(f"{ALLA}: {', '.join(order[None])}")
    for party in sorted(k for k in order if k is not None):
        if order[party]:
            lines.append(f"{party}: {', '.join(order[party])}")
    return "\n".join(lines)


def parse_partiordning(text: str) -> tuple[dict[str | None, list[str]], list[str]]:
    """The order and the problems found, each a Swedish sentence naming the line."""
    order: dict[str | None, list[str]] = {}
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        head, sep, tail = line.partition(":")
        if not sep or not head.strip():
            problems.append(f"Rad {number}: skriv som ”{ALLA}: S, M, L” eller ”S: V, MP”.")
            continue
        owner: str | None = None if head.strip().lower() == ALLA.lower() else head.strip()
        if owner in order:
            who = ALLA if owner is None else owner
            problems.append(f"Rad {number}: ordningen för {who} står redan på en tidigare rad.")
            continue
        parties = [p.strip() for p in tail.replace(";", ",").split(",") if p.strip()]
        order[owner] = list(dict.fromkeys(p for p in parties if p != owner))
    return order, problems
