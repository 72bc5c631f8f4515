"""The meeting's times as they happened (issue 13): the real start and end set afterwards,
ajourneringar recorded and printed as Swedish protocols print them, every change logged,
bad times refused in Swedish with nothing changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from secretary.services import arbetsgang, demo, dokument, overforing, session, tider
from secretary.services.agenda import list_meetings
from secretary.services.errors import ServiceError
from secretary.services.register import list_organs
from secretary.store.database import Store
from secretary.store.models import Logg
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast
from tests.services.overforing_helpers import fresh

NOW = dt.datetime(2026, 11, 30, 16, 0)
T = dt.time


def _front_page(store: Store, meeting_id: int) -> str:
    return flat(pages(dokument.protokoll(store, meeting_id, utkast=True).pdf)[0])


def _logged(store: Store, meeting_id: int) -> list[str]:
    with store.read() as s:
        return list(
            s.scalars(
                select(Logg.text).where(Logg.meeting_id == meeting_id, Logg.kind == tider.LOGG_TID)
            )
        )


def test_the_real_times_replace_the_laptop_clock_and_the_change_is_logged(store: Store) -> None:
    meeting_id, _, _ = utkast(store)  # opened 13.00 and closed 15.00 by the clock
    tider.satt_tider(store, meeting_id, T(13, 5), T(15, 55), NOW)
    assert "klockan 13.05–15.55" in _front_page(store, meeting_id)
    assert _logged(store, meeting_id) == [
        "Tider ändrade: klockan 13.00–15.00 → klockan 13.05–15.55"
    ]


def test_ajourneringar_are_printed_under_plats_och_tid(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    tider.ajournera(store, meeting_id, T(14, 5), T(14, 20), NOW)
    tider.ajournera(store, meeting_id, T(13, 30), T(13, 40), NOW)
    front = _front_page(store, meeting_id)
    assert "Ajournering kl. 13.30–13.40" in front
    assert "Ajournering kl. 14.05–14.20" in front
    assert front.index("13.30–13.40") < front.index("14.05–14.20")  # in time order
    assert len(_logged(store, meeting_id)) == 2


def test_a_break_in_session_lasts_until_the_meeting_resumes(store: Store) -> None:
    demo.create_demo(store)
    meeting = list_meetings(store, list_organs(store)[0].id)[0]
    session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 0))
    tider.ajournera(store, meeting.id, T(14, 5), None, NOW)
    assert tider.las_tider(store, meeting.id).pagaende is not None
    with pytest.raises(ServiceError, match="överlappar"):
        tider.ajournera(store, meeting.id, T(14, 10), None, NOW)
    tider.ateruppta(store, meeting.id, T(14, 20), NOW)
    assert tider.las_tider(store, meeting.id).pagaende is None
    assert "Ajournering kl. 14.05–14.20" in _front_page(store, meeting.id)
    with pytest.raises(ServiceError, match="inte ajournerat"):
        tider.ateruppta(store, meeting.id, T(14, 30), NOW)


@pytest.mark.parametrize(
    ("fran", "till", "message"),
    [
        (T(14, 20), T(14, 5), "kan inte sluta innan den börjar"),
        (T(12, 30), T(12, 45), "börjar före sammanträdet"),
        (T(14, 50), T(15, 30), "slutar efter sammanträdet"),
        (T(14, 10), T(14, 30), "överlappar"),
    ],
)
def test_impossible_ajourneringar_are_refused_and_nothing_changes(
    store: Store, fran: dt.time, till: dt.time, message: str
) -> None:
    meeting_id, _, _ = utkast(store)
    tider.ajournera(store, meeting_id, T(14, 0), T(14, 15), NOW)
    before = tider.las_tider(store, meeting_id)
    with pytest.raises(ServiceError, match=message):
        tider.ajournera(store, meeting_id, fran, till, NOW)
    assert tider.las_tider(store, meeting_id) == before


def test_a_meeting_cannot_end_before_it_began(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    with pytest.raises(ServiceError, match="kan inte sluta innan det börjar"):
        tider.satt_tider(store, meeting_id, T(15, 0), T(13, 0), NOW)


def test_after_justering_the_times_are_corrected_only_by_rattelse(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    arbetsgang.justera(store, meeting_id, NOW)
    with pytest.raises(ServiceError, match="rättelse"):
        tider.ajournera(store, meeting_id, T(14, 0), T(14, 10), NOW)


def test_ajourneringar_travel_with_the_meeting_and_version_1_files_still_read(
    store: Store, template_db: Path
) -> None:
    meeting_id, _, _ = utkast(store)
    tider.ajournera(store, meeting_id, T(14, 5), T(14, 20), NOW)
    data = overforing.export_bytes(store, meeting_id)
    doc = json.loads(data)
    assert doc["version"] == overforing.VERSION
    assert doc["sammantrade"]["ajourneringar"] == [{"fran": "14:05:00", "till": "14:20:00"}]
    with fresh("sqlite", template_db) as other:
        result = overforing.import_bytes(other, data)
        assert tider.las_tider(other, result.meeting_id).ajourneringar[0][1].till == T(14, 20)
    doc["version"] = 1
    del doc["sammantrade"]["ajourneringar"]
    with fresh("sqlite", template_db) as other:
        result = overforing.import_bytes(other, json.dumps(doc).encode())
        assert tider.las_tider(other, result.meeting_id).ajourneringar == ()
