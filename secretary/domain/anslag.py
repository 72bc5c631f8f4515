"""Dates of justering and anslag, computed as the law says (domain.md, 'Justering and anslag').

- Justering within 14 days of the meeting (KL 5 kap. 69 §, applied to nämnder; verify §).
- The notice of justering goes up on the anslagstavla no later than the second day after
  justering (KL 8 kap. 12 §).
- An appeal (laglighetsprövning) must arrive within three weeks from the day the notice was
  posted (KL 13 kap. 5 §): posting day + 21 days. Under lag (1930:173) om beräkning av
  lagstadgad tid, a last day that falls on a Saturday, Sunday, allmän helgdag, midsommarafton,
  julafton or nyårsafton moves to the next day that is none of these. The notice stays up the
  whole period and comes down the day after.

The allmänna helgdagar come from the `holidays` package (only its public category: bank
holidays and klämdagar are ordinary weekdays in law); the three aftnar from the 1930 law.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

JUSTERING_DAGAR = 14
ANSLAG_SENAST_DAGAR = 2
OVERKLAGANDE_DAGAR = 21


@lru_cache(maxsize=64)
def _helgdagar(year: int) -> frozenset[dt.date]:
    public = holidays.country_holidays("SE", years=year, categories=("public",))
    return frozenset(public.keys())


def midsommarafton(year: int) -> dt.date:
    """The Friday between 19 and 25 June."""
    day = dt.date(year, 6, 19)
    return day + dt.timedelta(days=(4 - day.weekday()) % 7)


def aftnar(year: int) -> frozenset[dt.date]:
    return frozenset({midsommarafton(year), dt.date(year, 12, 24), dt.date(year, 12, 31)})


def ej_arbetsdag(day: dt.date) -> bool:
    """Saturday, Sunday, allmän helgdag, midsommarafton, julafton or nyårsafton."""
    return day.weekday() >= 5 or day in _helgdagar(day.year) or day in aftnar(day.year)


def flytta_framat(day: dt.date) -> dt.date:
    """Lag (1930:173): a last day that is not a working day moves to the next one that is."""
    while ej_arbetsdag(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class Anslagsdatum:
    uppsatt: dt.date  # the day the notice goes up
    sista_overklagandedag: dt.date
    nedtagning: dt.date  # the day after the last day of appeal

    @property
    def text(self) -> str:
        return (
            f"Anslaget sätts upp {self.uppsatt.isoformat()}, sista dag för överklagande är "
            f"{self.sista_overklagandedag.isoformat()} och anslaget tas ned "
            f"{self.nedtagning.isoformat()}."
        )


def anslagsdatum(uppsatt: dt.date) -> Anslagsdatum:
    last = flytta_framat(uppsatt + dt.timedelta(days=OVERKLAGANDE_DAGAR))
    return Anslagsdatum(uppsatt, last, last + dt.timedelta(days=1))


def senaste_anslag(justerat: dt.date) -> dt.date:
    """No later than the second day after justering (KL 8 kap. 12 §), moved past a day that
    is not a working day by lag (1930:173)."""
    return flytta_framat(justerat + dt.timedelta(days=ANSLAG_SENAST_DAGAR))


def foreslaget_anslag(justerat: dt.date) -> dt.date:
    """What the application proposes: the day of justering, or the next working day."""
    return flytta_framat(justerat)


def senaste_justering(sammantrade: dt.date) -> dt.date:
    return sammantrade + dt.timedelta(days=JUSTERING_DAGAR)
