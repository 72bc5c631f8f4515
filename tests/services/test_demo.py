"""The demo gives a newcomer something real: the reference protocol's arbetsutskott."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from secretary.domain.register import Funktion, Roll
from secretary.services import agenda, demo, register
from secretary.store.database import Store, open_store


def test_demo_looks_like_the_reference_arbetsutskott(store: Store) -> None:
    assert demo.is_empty(store)
    demo.create_demo(store)
    assert not demo.is_empty(store)
    (organ,) = register.list_organs(store)
    members = register.list_members(store, organ.id)
    ledamoter = [m for m in members if m.roll is Roll.LEDAMOT]
    assert len(ledamoter) == 7
    assert {m.funktion for m in ledamoter} >= {
        Funktion.ORDFORANDE,
        Funktion.FORSTE_VICE,
        Funktion.ANDRE_VICE,
    }
    assert len({m.party for m in members if m.roll is Roll.ERSATTARE}) >= 4
    assert any(m.roll is Roll.ADJUNGERAD for m in members)
    assert any(m.roll is Roll.OVRIG and m.title for m in members)
    (meeting,) = agenda.list_meetings(store, organ.id)
    items = agenda.list_arenden(store, meeting.id)
    assert len(items) == 5
    assert all(item.dnr_warning is None for item in items)
    assert len(meeting.justerare) == 1


def test_demo_command_builds_a_database_without_a_window(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "secretary", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Demo skapad" in result.stdout
    again = subprocess.run(
        [sys.executable, "-m", "secretary", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1
    assert "innehåller redan data" in again.stdout
    store = open_store(db)
    try:
        assert len(register.list_organs(store)) == 1
    finally:
        store.close()
