"""§ numbers run on per organ through the calendar year (domain.md, Glossary: paragraf)."""

from secretary.domain.paragrafer import MeetingCount, first_paragrafer, paragraf_range


def test_first_meeting_of_the_year_starts_at_one_and_the_next_follows_on() -> None:
    assert first_paragrafer([MeetingCount(12), MeetingCount(8), MeetingCount(3)]) == [1, 13, 21]


def test_a_start_set_by_hand_restarts_the_count_for_the_meetings_after_it() -> None:
    meetings = [MeetingCount(10), MeetingCount(38, start_override=335), MeetingCount(5)]
    assert first_paragrafer(meetings) == [1, 335, 373]


def test_a_meeting_without_arenden_takes_no_numbers() -> None:
    assert first_paragrafer([MeetingCount(0), MeetingCount(4), MeetingCount(0)]) == [1, 1, 5]


def test_front_page_range_uses_an_en_dash() -> None:
    assert paragraf_range(335, 38) == "§ 335–372"
    assert paragraf_range(12, 1) == "§ 12"
    assert paragraf_range(1, 0) == ""
