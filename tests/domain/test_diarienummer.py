"""Diarienummer are checked against the organ's pattern with a warning, never a refusal."""

import pytest

from secretary.domain.diarienummer import dnr_warning, example, pattern_regex


@pytest.mark.parametrize(
    ("pattern", "dnr"),
    [
        ("KS ÅÅÅÅ/####", "KS 2019/0835"),
        ("ÅÅÅÅ-#+", "2026-7"),
        ("ÅÅÅÅ-#+", "2026-12345"),
        ("BN ÅÅ.###", "BN 26.042"),
        ("Dnr (ÅÅÅÅ)", "Dnr (2026)"),
    ],
)
def test_numbers_that_follow_the_pattern_give_no_warning(pattern: str, dnr: str) -> None:
    assert dnr_warning(dnr, pattern) is None


def test_a_number_off_the_pattern_gets_a_swedish_warning_naming_both() -> None:
    warning = dnr_warning("KS 2019/835", "KS ÅÅÅÅ/####")
    assert warning == "Diarienumret ”KS 2019/835” följer inte organets mönster ”KS ÅÅÅÅ/####”."


def test_no_pattern_or_no_number_means_nothing_to_check() -> None:
    assert dnr_warning("vad som helst", "") is None
    assert dnr_warning("", "KS ÅÅÅÅ/####") is None


def test_regex_characters_in_a_pattern_stand_for_themselves() -> None:
    assert pattern_regex("A.B ÅÅÅÅ").match("A.B 2026")
    assert not pattern_regex("A.B ÅÅÅÅ").match("AxB 2026")


def test_the_example_shown_beside_the_pattern_matches_it() -> None:
    for pattern in ("KS ÅÅÅÅ/####", "ÅÅÅÅ-#+", "BN ÅÅ.###"):
        assert dnr_warning(example(pattern), pattern) is None
    assert example("KS ÅÅÅÅ/####", 2026) == "KS 2026/1111"
