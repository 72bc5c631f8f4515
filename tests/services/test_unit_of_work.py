"""One unit of work per action, and what a write returns is what the database now says.

The window pushes the `Andring` a service returns and shows its state without reading again,
so that state has to be the state a fresh read gives. And the protocol, which needs the
state of every §, has to come from one reading: one unit of work, one timeline build.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest

from secretary.domain.narvaro import HandelseTyp
from secretary.domain.yrkanden import FORSLAG
from secretary.domain.yrkanden import YrkandeTyp as T
from secretary.services import arbetsgang, beslut, demo, dokument, session, underskrift, versioner
from secretary.services.agenda import list_meetings
from secretary.services.andring import Andring, Ids
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.protokoll import protokoll_data
from secretary.services.read import sittning
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast

NOW = dt.datetime(2026, 12, 1, 10, 30)


class Counts:
    def __init__(self) -> None:
        self.units: list[str] = []
        self.timelines = 0


def counts(monkeypatch: pytest.MonkeyPatch) -> Counts:
    """How many units of work are opened (any kind) and timelines built, from here on."""
    seen = Counts()
    for kind in ("session", "read", "snapshot"):
        original = getattr(Store, kind)

        def counted(self: Store, _kind: str = kind, _orig: Any = original) -> Any:
            seen.units.append(_kind)
            return _orig(self)

        monkeypatch.setattr(Store, kind, counted)
    build = sittning.bygg_tidslinje

    def counted_build(*args: Any, **kwargs: Any) -> Any:
        seen.timelines += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(sittning, "bygg_tidslinje", counted_build)
    return seen


def test_the_protocol_of_a_meeting_is_read_in_one_unit_of_work_with_one_timeline(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, arenden, _ = utkast(store)
    assert len(arenden) >= 5
    seen = counts(monkeypatch)
    data = protokoll_data(store, meeting_id)
    assert len(data.arenden) == len(arenden)
    assert seen.units == ["read"]
    assert seen.timelines == 1


def test_the_protocol_document_is_one_unit_of_work_too(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, _, _ = utkast(store)
    seen = counts(monkeypatch)
    doc = dokument.protokoll(store, meeting_id, utkast=True)
    assert doc.pdf.startswith(b"%PDF")
    assert seen.units == ["read"]
    assert seen.timelines == 1


def test_justering_stores_one_reading_when_another_connection_edits_meanwhile(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While justering renders, a second secretary (another connection, another thread)
    changes a § text. Either the edit waits and is then refused as too late, or it lands
    after: never between the content that is locked, the PDF and its digest."""
    meeting_id, arenden, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    before = innehall(protokoll_data(store, meeting_id))
    outcome: list[BaseException | Andring] = []
    started = threading.Event()

    def other_secretary() -> None:
        started.set()
        try:
            outcome.append(beslut.set_text(store, arenden[0], "yrkanden", "Ändrat under tiden."))
        except BaseException as exc:
            outcome.append(exc)

    real_render = underskrift.render  # justering fixes the version for signing there
    editor = threading.Thread(target=other_secretary)

    def render_while_edited(*args: Any, **kwargs: Any) -> bytes:
        if not editor.is_alive() and not outcome:
            editor.start()
            started.wait(5)
            editor.join(0.5)  # the edit gets its chance to land before the PDF is drawn
        return real_render(*args, **kwargs)

    monkeypatch.setattr(underskrift, "render", render_while_edited)
    info = arbetsgang.justera(store, meeting_id, NOW)
    editor.join(10)
    assert outcome, "the other secretary's edit never finished"
    refused = outcome[0]
    assert isinstance(refused, ServiceError), refused
    assert "Protokollet är justerat" in str(refused)

    stored = versioner.las_innehall(store, meeting_id, info.nummer)
    assert stored == before
    printed = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, info.nummer))))
    assert "Ändrat under tiden" not in printed
    assert versioner.kontrollera(store, meeting_id) == []
    assert versioner.kontrollera_mot_data(store, meeting_id) == []


@pytest.fixture
def live(store: Store) -> tuple[Store, int, list[int], dict[str, int]]:
    """The demo meeting in session with every ledamot present."""
    demo.create_demo(store)
    meeting = list_meetings(store, list_organs(store)[0].id)[0]
    state = session.start_session(store, meeting.id, NOW)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting.id, seat, session.Upprop.NARVARANDE)
    people = {m.name: m.person_id for m in list_members(store, list_organs(store)[0].id)}
    return store, meeting.id, [a.id for a in state.arenden], people


def _same_as_a_fresh_read(store: Store, meeting_id: int, done: Andring) -> None:
    """The window shows what the action returned without reading: it must be the truth."""
    if done.sittning is not None:
        fresh = session.load_session(store, meeting_id)
        assert done.sittning.handelser == fresh.handelser, done.text
        assert done.sittning.tidslinje == fresh.tidslinje, done.text
    if done.vy is not None:
        assert done.vy == beslut.load_paragraf(store, done.vy.arende_id), done.text


def _picture(store: Store, meeting_id: int, arende_id: int) -> tuple[Any, ...]:
    """What the secretary sees of the meeting and one §, without row ids."""
    state = session.load_session(store, meeting_id)
    vy = beslut.load_paragraf(store, arende_id)
    events = sorted(
        (h.kind, h.person_id, h.position, h.time, h.vid_upprop, h.distans) for h in state.handelser
    )
    return tuple(events), vy.yrkanden_text, vy.beslut_att, vy.beslutsgang_text, vy.brister


def test_what_an_action_returns_is_what_a_fresh_read_says_and_undo_goes_both_ways(
    live: tuple[Store, int, list[int], dict[str, int]],
) -> None:
    store, meeting_id, arenden, p = live
    ids = Ids()
    arende = arenden[0]
    steps: list[Callable[[], Andring]] = [
        lambda: session.record(store, meeting_id, HandelseTyp.AVGAR, p["Johan Berg"]),
        lambda: session.mark_upprop(store, meeting_id, p["Maria Ek"], session.Upprop.DISTANS),
        lambda: beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"]),
        lambda: beslut.set_text(store, arende, "yrkanden", "Egen text."),
        lambda: beslut.set_beslut(store, arende, None, ["att avslå förslaget"]),
        lambda: beslut.besvara(store, arende, FORSLAG),
    ]
    for step in steps:
        before = _picture(store, meeting_id, arende)
        done = step()
        _same_as_a_fresh_read(store, meeting_id, done)
        after = _picture(store, meeting_id, arende)
        assert after != before, done.text
        assert done.undo is not None, done.text
        undone = done.undo(store, ids)
        ids.apply(undone.flyttade)
        _same_as_a_fresh_read(store, meeting_id, undone)
        assert _picture(store, meeting_id, arende) == before, f"ångra: {done.text}"
        assert undone.undo is not None, undone.text
        redone = undone.undo(store, ids)
        ids.apply(redone.flyttade)
        _same_as_a_fresh_read(store, meeting_id, redone)
        assert _picture(store, meeting_id, arende) == after, f"gör om: {done.text}"
