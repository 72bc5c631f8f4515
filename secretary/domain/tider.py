"""The meeting's times as they happened: the real start and end, and the ajourneringar
(breaks) between, printed on the front page as Swedish protocols do ("Ajournering kl.
14.05–14.20"). The checks are the obvious ones a secretary would make by hand: the end is
not before the start, a break lies inside the meeting and does not overlap another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from secretary.domain.datum_text import klockslag


@dataclass(frozen=True)
class Paus:
    fran: dt.time
    till: dt.time | None  # None while the break lasts


def ajournering_text(paus: Paus) -> str:
    """'Ajournering kl. 14.05–14.20', or 'Ajournering från kl. 14.05' while it lasts."""
    if paus.till is None:
        return f"Ajournering från kl. {klockslag(paus.fran)}"
    return f"Ajournering kl. {klockslag(paus.fran)}–{klockslag(paus.till)}"


def tidshinder(start: dt.time | None, slut: dt.time | None, pauser: Sequence[Paus]) -> str | None:
    """Why these times cannot stand together, in Swedish, or None."""
    if start is not None and slut is not None and slut < start:
        return "Sammanträdet kan inte sluta innan det börjar."
    ordnade = sorted(pauser, key=lambda p: p.fran)
    for i, p in enumerate(ordnade):
        namn = ajournering_text(p)
        if p.till is not None and p.till < p.fran:
            return f"{namn}: ajourneringen kan inte sluta innan den börjar."
        if start is not None and p.fran < start:
            return f"{namn} börjar före sammanträdet (kl. {klockslag(start)})."
        if slut is not None and (p.till is None or p.till > slut):
            return f"{namn} slutar efter sammanträdet (kl. {klockslag(slut)})."
        if i + 1 < len(ordnade):
            nasta = ordnade[i + 1]
            if p.till is None or p.till > nasta.fran:
                return f"{namn} och {ajournering_text(nasta).lower()} överlappar."
    return None
