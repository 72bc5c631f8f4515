"""The agenda: meetings, ärenden and § numbers that run on per organ through the year."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain.register import Roll
from secretary.services import agenda
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests import builders


def test_paragrafer_run_on_from_the_organs_previous_meeting_that_year(store: Store) -> None:
    ks = builders.organ(store)
    other = builders.organ(store, "Byggnadsnämnden")
    builders.meeting(store, ks, dt.date(2026, 2, 1), arenden=4)
    builders.meeting(store, other, dt.date(2026, 2, 15), arenden=9)
    march = builders.meeting(store, ks, dt.date(2026, 3, 1), arenden=3)
    assert march.first_paragraf == 5
    assert [a.paragraf for a in agenda.list_arenden(store, march.id)] == [5, 6, 7]


def test_the_first_meeting_of_a_new_year_starts_at_one(store: Store) -> None:
    ks = builders.organ(store)
    builders.meeting(store, ks, dt.date(2026, 12, 14), arenden=6)
    january = builders.meeting(store, ks, dt.date(2027, 1, 18), arenden=2)
    assert january.first_paragraf == 1


def test_a_start_set_by_the_user_is_kept_and_followed_on(store: Store) -> None:
    ks = builders.organ(store)
    builders.meeting(store, ks, dt.date(2019, 11, 25), arenden=38, start=335)
    next_meeting = builders.meeting(store, ks, dt.date(2019, 12, 9), arenden=1)
    assert next_meeting.first_paragraf == 373


def test_adding_an_arende_to_an_earlier_meeting_renumbers_the_later_ones(store: Store) -> None:
    ks = builders.organ(store)
    first = builders.meeting(store, ks, dt.date(2026, 2, 1), arenden=2)
    second = builders.meeting(store, ks, dt.date(2026, 3, 1), arenden=1)
    agenda.add_arende(store, first.id, agenda.ArendeInput("Extra ärende"), position=0)
    assert agenda.get_meeting(store, second.id).first_paragraf == 4


def test_reordering_renumbers_the_paragrafer(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 2, 1), arenden=3, start=10)
    items = agenda.list_arenden(store, meeting.id)
    moved = agenda.move_arende(store, items[2].id, 0)
    assert [(a.paragraf, a.rubrik) for a in moved] == [
        (10, "Ärende 3"),
        (11, "Ärende 1"),
        (12, "Ärende 2"),
    ]
    after = agenda.remove_arende(store, moved[0].id)
    assert [(a.paragraf, a.rubrik) for a in after] == [(10, "Ärende 1"), (11, "Ärende 2")]


def test_a_dnr_off_the_pattern_is_saved_with_a_warning(store: Store) -> None:
    ks = builders.organ(store, pattern="KS ÅÅÅÅ/####")
    meeting = builders.meeting(store, ks, dt.date(2026, 2, 1))
    item = agenda.add_arende(store, meeting.id, agenda.ArendeInput("Budget", dnr="2026/12"))
    assert item.dnr == "2026/12"
    assert item.dnr_warning is not None and "följer inte organets mönster" in item.dnr_warning
    good = agenda.update_arende(store, item.id, agenda.ArendeInput("Budget", dnr="KS 2026/0012"))
    assert good.dnr_warning is None


def test_an_arende_keeps_its_lists_without_blank_lines(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 2, 1))
    item = agenda.add_arende(
        store,
        meeting.id,
        agenda.ArendeInput(
            "Partnerskap",
            beslutsunderlag=("Tjänsteskrivelse den 14 november", "  ", "Presentation"),
            expedieras_till=("Akten", "", "Kommunstyrelsen"),
        ),
    )
    assert item.beslutsunderlag == ("Tjänsteskrivelse den 14 november", "Presentation")
    assert item.expedieras_till == ("Akten", "Kommunstyrelsen")


def test_an_arende_needs_a_rubrik(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 2, 1))
    with pytest.raises(ServiceError, match="rubrik"):
        agenda.add_arende(store, meeting.id, agenda.ArendeInput("   "))
    assert agenda.list_arenden(store, meeting.id) == []


def test_justerare_are_chosen_among_the_organs_members(store: Store) -> None:
    ks = builders.organ(store)
    other = builders.organ(store, "Byggnadsnämnden")
    ledamot = builders.member(store, ks, "Birger Hedlund", "EP")
    ersattare = builders.member(store, ks, "Fanny Jönsson", "S", Roll.ERSATTARE)
    outsider = builders.member(store, other, "Lars Nyberg", "S")
    meeting = agenda.create_meeting(
        store,
        ks,
        agenda.MeetingInput(
            date=dt.date(2026, 2, 1), justerare_ids=(ledamot.person_id, ersattare.person_id)
        ),
    )
    assert [j.label for j in meeting.justerare] == ["Birger Hedlund (EP)", "Fanny Jönsson (S)"]
    assert {p.label for p in agenda.eligible_justerare(store, ks)} == {
        "Birger Hedlund (EP)",
        "Fanny Jönsson (S)",
    }
    with pytest.raises(ServiceError, match="Justerare väljs bland"):
        agenda.update_meeting(
            store,
            meeting.id,
            agenda.MeetingInput(date=dt.date(2026, 2, 1), justerare_ids=(outsider.person_id,)),
        )


def test_a_held_meeting_cannot_be_deleted(store: Store) -> None:
    from secretary.store.models import Meeting

    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 2, 1))
    with store.session() as s:
        row = s.get(Meeting, meeting.id)
        assert row is not None
        row.state = "justerat"
    with pytest.raises(ServiceError, match="redan hållits"):
        agenda.delete_meeting(store, meeting.id)
    with pytest.raises(ServiceError, match="låst"):
        agenda.add_arende(store, meeting.id, agenda.ArendeInput("Sent ärende"))


def test_the_meeting_dialog_suggestion_follows_the_same_rule(store: Store) -> None:
    ks = builders.organ(store)
    builders.meeting(store, ks, dt.date(2026, 2, 1), arenden=4)
    later = builders.meeting(store, ks, dt.date(2026, 5, 1), arenden=2)
    assert agenda.suggested_first_paragraf(store, ks, dt.date(2026, 3, 1)) == 5
    assert agenda.suggested_first_paragraf(store, ks, dt.date(2026, 6, 1)) == 7
    assert agenda.suggested_first_paragraf(store, ks, dt.date(2027, 1, 1)) == 1
    # Moving an existing meeting earlier: its own ärenden no longer count before it.
    assert agenda.suggested_first_paragraf(store, ks, dt.date(2026, 1, 5), None, later.id) == 1


def test_a_text_longer_than_its_field_is_refused_in_swedish(store: Store) -> None:
    """PostgreSQL would refuse it with a driver error, SQLite would keep it and the export
    then refuse the meeting: both get the same clear refusal before anything is written."""

    organ = builders.organ(store)
    meeting = builders.meeting(store, organ, dt.date(2026, 5, 4), arenden=1)
    (arende,) = agenda.list_arenden(store, meeting.id)
    with pytest.raises(ServiceError, match="rubriken får vara högst 500 tecken men har 564"):
        agenda.update_arende(store, arende.id, agenda.ArendeInput("x" * 564))
    assert agenda.list_arenden(store, meeting.id)[0].rubrik == arende.rubrik
    agenda.update_arende(store, arende.id, agenda.ArendeInput("x" * 500))
