"""Anslag dates as the law computes them: KL 8 kap. 12 §, KL 13 kap. 5 §, lag (1930:173)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain.anslag import (
    anslagsdatum,
    ej_arbetsdag,
    foreslaget_anslag,
    midsommarafton,
    senaste_anslag,
    senaste_justering,
)

D = dt.date


def test_domain_md_worked_example_across_christmas() -> None:
    """Posted Thu 2026-12-03, +21 = julafton -> juldagen, Sat, Sun -> Mon 2026-12-28."""
    dates = anslagsdatum(D(2026, 12, 3))
    assert dates.sista_overklagandedag == D(2026, 12, 28)
    assert dates.nedtagning == D(2026, 12, 29)


def test_an_ordinary_three_weeks_keeps_the_weekday() -> None:
    dates = anslagsdatum(D(2026, 9, 8))  # a Tuesday
    assert dates.sista_overklagandedag == D(2026, 9, 29)
    assert dates.nedtagning == D(2026, 9, 30)


def test_a_last_day_on_a_weekend_moves_to_monday() -> None:
    assert anslagsdatum(D(2026, 2, 7)).sista_overklagandedag == D(2026, 3, 2)  # Sat -> Mon
    assert anslagsdatum(D(2026, 2, 8)).sista_overklagandedag == D(2026, 3, 2)  # Sun -> Mon


def test_easter_langfredag_and_annandag_pask_are_skipped() -> None:
    # +21 from 2026-03-13 is långfredagen (3 April): Sat 4, påskdagen 5, annandag 6 -> Tue 7.
    assert anslagsdatum(D(2026, 3, 13)).sista_overklagandedag == D(2026, 4, 7)


def test_new_year_nyarsafton_and_nyarsdagen_are_skipped() -> None:
    # +21 from 2026-12-10 is nyårsafton (Thu 31): nyårsdagen Fri 1, Sat, Sun -> Mon 4 Jan.
    assert anslagsdatum(D(2026, 12, 10)).sista_overklagandedag == D(2027, 1, 4)


def test_midsommarafton_is_skipped_by_the_1930_law() -> None:
    assert midsommarafton(2026) == D(2026, 6, 19)
    assert midsommarafton(2027) == D(2027, 6, 25)
    # +21 from 2026-05-29 is midsommarafton: midsommardagen Sat, Sun -> Mon 22 June.
    assert anslagsdatum(D(2026, 5, 29)).sista_overklagandedag == D(2026, 6, 22)


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 5),  # trettondagsafton: a bank half-day, an ordinary weekday in law
        D(2026, 4, 2),  # skärtorsdagen
        D(2026, 4, 30),  # valborgsmässoafton
        D(2026, 5, 15),  # klämdag after Kristi himmelsfärd
    ],
)
def test_a_day_that_is_only_a_bank_holiday_does_not_move_the_date(day: dt.date) -> None:
    assert not ej_arbetsdag(day)
    assert anslagsdatum(day - dt.timedelta(days=21)).sista_overklagandedag == day


def test_posting_no_later_than_the_second_day_after_justering() -> None:
    assert senaste_anslag(D(2026, 11, 24)) == D(2026, 11, 26)  # Tue -> Thu
    assert senaste_anslag(D(2026, 11, 26)) == D(2026, 11, 30)  # Thu -> Sat -> Mon
    assert foreslaget_anslag(D(2026, 11, 28)) == D(2026, 11, 30)  # justerat on a Saturday


def test_justering_within_fourteen_days() -> None:
    assert senaste_justering(D(2026, 11, 30)) == D(2026, 12, 14)
