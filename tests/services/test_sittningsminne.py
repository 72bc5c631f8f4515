"""The sitting state kept between key presses (services.read.minne, store.andringar).

A key press of the live session takes the state of the sitting from the previous one when
nothing it was made from has changed. What the secretary sees must still be what the database
says after every kind of change: by the session itself, by the register or the agenda in the
main window, by another meeting of the year moving the § numbers, and by another connection
(another secretary on the shared register). Each case compares the state the program gives
with one built from the tables in a unit of work of its own, bypassing the cache.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import URL, create_engine, event

from secretary.domain.narvaro import HandelseTyp
from secretary.domain.register import Roll
from secretary.services import agenda, demo, register, session
from secretary.services.errors import ServiceError
from secretary.services.read import agenda as read_agenda
from secretary.services.read import sittning
from secretary.services.register import MemberInput, list_members, list_organs
from secretary.store import database
from secretary.store.database import Store, open_store
from secretary.store.models import Meeting

NOW = dt.datetime(2026, 12, 1, 10, 30)
BUILD = sittning.build_state  # the build itself, also where a test counts the program's builds


def built_from_the_tables(store: Store, meeting_id: int) -> sittning.SessionState:
    with store.read() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        return BUILD(s, meeting, read_agenda.first_paragraf(s, meeting))


def assert_true_state(store: Store, meeting_id: int, what: str) -> sittning.SessionState:
    shown = session.load_session(store, meeting_id)
    assert shown == built_from_the_tables(store, meeting_id), what
    return shown


@pytest.fixture
def live(store: Store) -> tuple[Store, int, dict[str, int]]:
    demo.create_demo(store)
    meeting = agenda.list_meetings(store, list_organs(store)[0].id)[0]
    session.start_session(store, meeting.id, NOW)
    people = {m.name: m.person_id for m in list_members(store, list_organs(store)[0].id)}
    return store, meeting.id, people


def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    original = sittning.build_state

    def counted(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(sittning, "build_state", counted)
    return seen


def test_the_upprop_reads_the_sitting_once_and_every_key_after_it_from_the_kept_state(
    live: tuple[Store, int, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, meeting_id, _ = live
    seats = session.load_session(store, meeting_id).tidslinje.seats
    seen = builds(monkeypatch)
    for seat in seats:
        done = session.mark_upprop(store, meeting_id, seat, session.Upprop.NARVARANDE)
        assert done.sittning == built_from_the_tables(store, meeting_id)
    assert seen == []  # every key press took the state the one before it left


def test_the_shown_state_is_the_stored_one_after_every_kind_of_change(
    live: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, p = live
    organ_id = list_organs(store)[0].id
    state = session.load_session(store, meeting_id)
    first_seat = state.tidslinje.seats[0]
    ersattare = next(d for d in state.deltagare if d.roll is Roll.ERSATTARE)
    upprop, record, u = session.mark_upprop, session.record, session.Upprop
    steps: list[tuple[str, Callable[[], object]]] = [
        ("upprop", lambda: upprop(store, meeting_id, first_seat, u.NARVARANDE)),
        ("på distans", lambda: upprop(store, meeting_id, p["Maria Ek"], u.DISTANS)),
        (
            "ersättare",
            lambda: record(store, meeting_id, HandelseTyp.NARVARANDE, ersattare.person_id),
        ),
        ("upprop", lambda: upprop(store, meeting_id, p["Johan Berg"], u.NARVARANDE)),
        ("avgår", lambda: record(store, meeting_id, HandelseTyp.AVGAR, p["Johan Berg"])),
        ("nästa ärende", lambda: session.set_cursor(store, meeting_id, 1, True)),
        ("jäv", lambda: record(store, meeting_id, HandelseTyp.JAV, first_seat)),
        ("tillbaka", lambda: session.set_cursor(store, meeting_id, 0, False)),
        ("undantag", lambda: session.quorum_override(store, meeting_id, 0, NOW, "prov")),
    ]
    for what, step in steps:
        step()
        assert_true_state(store, meeting_id, what)
    last = session.load_session(store, meeting_id).handelser[-1]
    session.set_event_time(store, last.id, dt.time(11, 5))
    assert_true_state(store, meeting_id, "tid ändrad")
    session.remove_event(store, last.id)
    assert_true_state(store, meeting_id, "händelse borttagen")

    # The register, changed from the main window while the session runs.
    row = next(m for m in list_members(store, organ_id) if m.person_id == p["Maria Ek"])
    register.update_member(
        store,
        row.membership_id,
        MemberInput("Maria", "Ekström", Roll(row.roll), party=row.party or ""),
    )
    shown = assert_true_state(store, meeting_id, "namnbyte i registret")
    assert shown.tidslinje.deltagare[p["Maria Ek"]].name == "Maria Ekström"
    register.add_member(store, organ_id, MemberInput("Ny", "Ersättare", Roll.ERSATTARE, "S"))
    shown = assert_true_state(store, meeting_id, "ny ersättare")
    assert any(d.name == "Ny Ersättare" for d in shown.deltagare)

    # Another meeting of the same year moves every § number of this one (once the demo's
    # own first § number is taken away, so that the numbers run on from the year's meetings).
    with store.session() as s:
        own = s.get(Meeting, meeting_id)
        assert own is not None
        own.first_paragraf_override = None
    before = assert_true_state(store, meeting_id, "numrering").arenden[0].paragraf
    date = agenda.get_meeting(store, meeting_id).date
    earlier = agenda.create_meeting(
        store, organ_id, agenda.MeetingInput(date - dt.timedelta(days=7))
    )
    agenda.add_arende(store, earlier.id, agenda.ArendeInput("Ett tidigare ärende"))
    shown = assert_true_state(store, meeting_id, "ärende i ett tidigare sammanträde")
    assert shown.arenden[0].paragraf == before + 1


def test_a_refused_action_leaves_the_kept_state_true(
    live: tuple[Store, int, dict[str, int]],
) -> None:
    store, meeting_id, p = live
    session.mark_upprop(store, meeting_id, p["Johan Berg"], session.Upprop.NARVARANDE)
    session.record(store, meeting_id, HandelseTyp.AVGAR, p["Johan Berg"])
    with pytest.raises(ServiceError):
        session.record(store, meeting_id, HandelseTyp.AVGAR, p["Johan Berg"])
    assert_true_state(store, meeting_id, "efter vägran")


@pytest.fixture
def other_connection(store: Store) -> Iterator[Store]:
    """A second connection to the same database, as a second secretary's program has: on
    PostgreSQL a store of its own; on SQLite (where the file lock keeps a second program
    out) a second engine on the file, as a second window's thread would use."""
    if store.is_sqlite:
        assert store.path is not None
        engine = create_engine(URL.create("sqlite", database=str(store.path)))
        event.listen(engine, "connect", database._sqlite_pragmas)
        event.listen(engine, "begin", database._sqlite_begin)
        other = Store(engine, store.path, None)
    else:
        other = open_store(str(store.engine.url.render_as_string(hide_password=False)))
    yield other
    other.engine.dispose()


def test_a_change_from_another_connection_is_seen_at_the_next_key_press(
    live: tuple[Store, int, dict[str, int]], other_connection: Store
) -> None:
    store, meeting_id, p = live
    mine = session.load_session(store, meeting_id)
    assert p["Johan Berg"] not in mine.tidslinje.present_at_boundary(mine.boundary)
    session.mark_upprop(other_connection, meeting_id, p["Johan Berg"], session.Upprop.NARVARANDE)
    shown = assert_true_state(store, meeting_id, "upprop från en annan anslutning")
    assert p["Johan Berg"] in shown.tidslinje.present_at_boundary(shown.boundary)

    organ_id = list_organs(store)[0].id
    row = next(m for m in list_members(store, organ_id) if m.person_id == p["Johan Berg"])
    register.update_member(
        other_connection,
        row.membership_id,
        MemberInput("Johan", "Bergström", Roll(row.roll), party=row.party or ""),
    )
    shown = assert_true_state(store, meeting_id, "registret ändrat från en annan anslutning")
    assert shown.tidslinje.deltagare[p["Johan Berg"]].name == "Johan Bergström"

    # And my own key press after the other's: it must not keep what it had before theirs.
    session.mark_upprop(store, meeting_id, p["Maria Ek"], session.Upprop.NARVARANDE)
    session.mark_upprop(other_connection, meeting_id, p["Maria Ek"], session.Upprop.DISTANS)
    session.mark_upprop(store, meeting_id, p["Johan Berg"], session.Upprop.DISTANS)
    shown = assert_true_state(store, meeting_id, "turvis från två anslutningar")
    assert shown.tidslinje.present_at_boundary(shown.boundary)[p["Maria Ek"]] is True


def test_a_write_that_does_not_give_the_state_after_it_is_read_again(
    live: tuple[Store, int, dict[str, int]],
) -> None:
    """A unit of work that read the state and then changed what it is made from without
    saying what the state became (any future service that forgets to) must not leave the
    state it read as the kept one."""
    from secretary.services.read import Reads
    from secretary.store.models import NarvaroHandelse

    store, meeting_id, p = live
    session.mark_upprop(store, meeting_id, p["Johan Berg"], session.Upprop.NARVARANDE)
    with store.session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        Reads(s).state(meeting)
        for row in s.query(NarvaroHandelse).filter_by(meeting_id=meeting_id):
            row.distans = True
    shown = assert_true_state(store, meeting_id, "ändrat utan nytt tillstånd")
    assert shown.tidslinje.present_at_boundary(shown.boundary)[p["Johan Berg"]] is True
