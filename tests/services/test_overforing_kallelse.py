"""What the ärende import and the kungörelse record travels with the meeting (format 6):
the handläggare, the delegationsbeslut an anmälan § lists (printed in the protocol) and the
day the kungörelse went up. A file from before version 6 reads as having none."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select

from secretary.domain.register import OrganKind
from secretary.services import agenda, kallelse, overforing, register
from secretary.store.database import Store
from secretary.store.models import Arende, Meeting
from tests.services.overforing_helpers import fresh

DELEGATION = [
    {
        "dnr": "KS 2026/0100",
        "beslut": "Yttrande över remiss",
        "datum": "2026-03-02",
        "delegat": "Eva Ek",
    },
    {
        "dnr": "",
        "beslut": "Tillförordnad kommundirektör",
        "datum": "2026-03-20",
        "delegat": "Ordföranden",
    },
]


def _kf_meeting(store: Store) -> int:
    kf = register.create_organ(store, register.OrganInput("Kommunfullmäktige", OrganKind.KF))
    meeting = agenda.create_meeting(store, kf.id, agenda.MeetingInput(dt.date(2026, 4, 20)))
    a = agenda.add_arende(store, meeting.id, agenda.ArendeInput("Anmälan av delegationsbeslut"))
    with store.session() as s:  # as the ärende import writes them (services.arende_import)
        row = s.get(Arende, a.id)
        assert row is not None
        row.handlaggare = "Eva Ek"
        row.delegationsbeslut = DELEGATION
    kallelse.satt_kungorelse(store, meeting.id, dt.date(2026, 4, 10))
    return meeting.id


def _facts(store: Store, meeting_id: int) -> tuple[object, ...]:
    with store.read() as s:
        m = s.get(Meeting, meeting_id)
        assert m is not None
        arenden = s.scalars(select(Arende).where(Arende.meeting_id == meeting_id)).all()
        return m.kungorelse_uppsatt, [(a.handlaggare, a.delegationsbeslut) for a in arenden]


def test_handlaggare_delegationsbeslut_and_the_kungorelse_day_travel(
    store: Store, template_db: Path
) -> None:
    with fresh("sqlite", template_db) as source:
        meeting_id = _kf_meeting(source)
        data = overforing.export_bytes(source, meeting_id)
        sent = _facts(source, meeting_id)
    assert json.loads(data)["version"] == overforing.VERSION
    result = overforing.import_bytes(store, data)
    assert _facts(store, result.meeting_id) == sent
    assert sent[1] == [("Eva Ek", DELEGATION)]


def test_a_version_5_file_reads_as_having_none(store: Store, template_db: Path) -> None:
    with fresh("sqlite", template_db) as source:
        doc = json.loads(overforing.export_bytes(source, _kf_meeting(source)))
    doc["version"] = 5
    del doc["sammantrade"]["kungorelse_uppsatt"]
    for a in doc["sammantrade"]["arenden"]:
        del a["handlaggare"], a["delegationsbeslut"]
    result = overforing.import_bytes(store, json.dumps(doc).encode())
    assert _facts(store, result.meeting_id) == (None, [("", [])])
