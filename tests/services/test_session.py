"""The live session through the service door: every action checked, committed, undoable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from secretary.domain.narvaro import HandelseTyp
from secretary.services import demo, narvarolista, session
from secretary.services.agenda import list_meetings
from secretary.services.errors import ServiceError
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store

T = HandelseTyp
NOW = dt.datetime(2026, 11, 30, 13, 0)


@pytest.fixture
def running(store: Store) -> tuple[Store, int, dict[str, int]]:
    """The demo meeting, opened; names map to person ids."""
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    session.start_session(store, meeting.id, NOW)
    people = {m.name: m.person_id for m in list_members(store, organ.id)}
    return store, meeting.id, people


def _upprop_all_ledamoter(store: Store, meeting_id: int, people: dict[str, int]) -> None:
    state = session.load_session(store, meeting_id)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting_id, seat, session.Upprop.NARVARANDE)


def test_opening_the_meeting_moves_it_to_pagar_and_backs_up_the_file(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, _ = running
    state = session.load_session(store, meeting_id)
    assert state.state == "pågår"
    assert state.started_at == dt.time(13, 0)
    assert state.cursor == 0 and not state.under_behandling
    if store.is_sqlite:  # a shared PostgreSQL register is backed up by its server
        assert store.backup_dir is not None and any(store.backup_dir.iterdir())


def test_every_action_is_on_disk_when_it_returns(
    running: tuple[Store, int, dict[str, int]], db_path: Path
) -> None:
    store, meeting_id, people = running
    session.mark_upprop(store, meeting_id, people["Maria Ek"], session.Upprop.DISTANS)
    # A second reader (as after a crash) sees the change without the first closing.
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        (count,) = conn.execute("SELECT count(*) FROM narvaro_handelse WHERE distans").fetchone()
    assert count == 1


def test_an_arrival_while_an_arende_is_handled_counts_from_the_next(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    state = session.load_session(store, meeting_id)
    anders = people["Anders Almqvist"]
    for seat in state.tidslinje.seats:
        if seat != anders:
            session.mark_upprop(store, meeting_id, seat, session.Upprop.NARVARANDE)
    session.mark_upprop(store, meeting_id, people["Fanny Jönsson"], session.Upprop.NARVARANDE)
    session.record(store, meeting_id, T.TJANSTGOR, people["Fanny Jönsson"], seat=anders)
    session.set_cursor(store, meeting_id, 1, under_behandling=True)
    added = session.record(store, meeting_id, T.NARVARANDE, anders, time=dt.time(13, 25)).handelse
    assert added is not None
    state = session.load_session(store, meeting_id)
    assert added.position == 2
    assert [state.narvaro(p).holder(anders) for p in range(4)] == [  # type: ignore[union-attr]
        people["Fanny Jönsson"],
        people["Fanny Jönsson"],
        anders,
        anders,
    ]
    assert state.describe(added) == "13.25 Anders Almqvist (S) närvarande från § 337"


def test_a_refused_action_says_why_and_changes_nothing(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    _upprop_all_ledamoter(store, meeting_id, people)
    session.record(store, meeting_id, T.AVGAR, people["Maria Ek"])
    session.set_cursor(store, meeting_id, 2, under_behandling=False)
    before = session.load_session(store, meeting_id).handelser
    with pytest.raises(ServiceError, match="växeltjänstgöring"):
        session.record(store, meeting_id, T.NARVARANDE, people["Maria Ek"])
    assert session.load_session(store, meeting_id).handelser == before


def test_undo_and_redo_of_an_event(running: tuple[Store, int, dict[str, int]]) -> None:
    store, meeting_id, people = running
    _upprop_all_ledamoter(store, meeting_id, people)
    event = session.record(store, meeting_id, T.JAV, people["Johan Berg"])
    assert people["Johan Berg"] in session.load_session(store, meeting_id).narvaro(0).javiga  # type: ignore[union-attr]
    removed = session.remove_event(store, event.id).handelse
    assert removed is not None
    assert not session.load_session(store, meeting_id).narvaro(0).javiga  # type: ignore[union-attr]
    session.restore_event(store, meeting_id, removed)
    assert people["Johan Berg"] in session.load_session(store, meeting_id).narvaro(0).javiga  # type: ignore[union-attr]


def test_an_event_that_later_ones_rest_on_cannot_be_removed(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    _upprop_all_ledamoter(store, meeting_id, people)
    session.mark_upprop(store, meeting_id, people["Lars Nyberg"], session.Upprop.NARVARANDE)
    session.record(store, meeting_id, T.AVGAR, people["Maria Ek"])
    session.record(store, meeting_id, T.TJANSTGOR, people["Lars Nyberg"], seat=people["Maria Ek"])
    with pytest.raises(ServiceError, match=r"senare händelser bygger på den\. Lars Nyberg"):
        session.mark_upprop(store, meeting_id, people["Lars Nyberg"], session.Upprop.FRANVARANDE)


def test_a_jav_substitute_serves_that_paragraf_only(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    _upprop_all_ledamoter(store, meeting_id, people)
    session.mark_upprop(store, meeting_id, people["Fanny Jönsson"], session.Upprop.NARVARANDE)
    maria, fanny = people["Maria Ek"], people["Fanny Jönsson"]
    session.set_cursor(store, meeting_id, 2, under_behandling=False)
    session.record(store, meeting_id, T.JAV, maria)
    sub = session.record(store, meeting_id, T.TJANSTGOR, fanny, seat=maria).handelse
    assert sub is not None and sub.only_this
    state = session.load_session(store, meeting_id)
    assert [state.narvaro(p).holder(maria) for p in (1, 2, 3)] == [maria, fanny, maria]  # type: ignore[union-attr]
    page = narvarolista.front_page(store, meeting_id)
    assert "Maria Ek (S), deltar inte i § 337 p.g.a. jäv" in page.ledamoter
    assert page.tjanstgorande_ersattare == ("Fanny Jönsson (S), tjänstgör för Maria Ek (S) § 337",)


def test_deciding_without_quorum_needs_an_override_that_is_logged(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    session.mark_upprop(store, meeting_id, people["Petra Sandström"], session.Upprop.NARVARANDE)
    ok, text = session.may_decide(store, meeting_id, 0)
    assert not ok and text == "1 av 7 tjänstgör – beslutförhet saknas (minst 4 behövs)"
    session.quorum_override(store, meeting_id, 0, NOW, "Ordföranden beslutade att fortsätta")
    ok, text = session.may_decide(store, meeting_id, 0)
    assert ok and "undantag bekräftat och loggat" in text
    assert not session.may_decide(store, meeting_id, 1)[0]


def test_attendance_is_fixed_once_the_meeting_is_closed(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    session.close_session(store, meeting_id, NOW.replace(hour=15, minute=53))
    with pytest.raises(ServiceError, match="avslutat"):
        session.mark_upprop(store, meeting_id, people["Maria Ek"], session.Upprop.NARVARANDE)


def test_arvode_lists_hours_and_paragrafer_per_person(
    running: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, people = running
    _upprop_all_ledamoter(store, meeting_id, people)
    session.set_cursor(store, meeting_id, 3, under_behandling=False)
    session.record(store, meeting_id, T.AVGAR, people["Johan Berg"], time=dt.time(14, 30))
    session.close_session(store, meeting_id, NOW.replace(hour=15, minute=0))
    text = narvarolista.arvode_csv(store, meeting_id)
    lines = text.splitlines()
    assert lines[0] == "Namn;Parti;Roll;Från;Till;Minuter;Timmar;Närvarande i;Tjänstgjorde i"
    assert "Johan Berg;M;Ledamot;13.00;14.30;90;1,50;§§ 335–337;§§ 335–337" in lines
    assert "Maria Ek;S;Ledamot;13.00;15.00;120;2,00;§§ 335–339;§§ 335–339" in lines
