"""The command line (secretary/cli.py): the global options go before or after the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary import cli


@pytest.mark.parametrize("command", [["demo"], ["import", "f.json"], ["list"]])
def test_db_goes_before_or_after_the_command(command: list[str]) -> None:
    name, *rest = command
    assert cli.parse(["--db", "a.sqlite", *command]).db == "a.sqlite"
    assert cli.parse([name, "--db", "b.sqlite", *rest]).db == "b.sqlite"
    assert cli.parse(["--db", "a.sqlite", name, "--db", "b.sqlite", *rest]).db == "b.sqlite"
    assert cli.parse(command).db is None


def test_without_a_command_the_window_gets_the_db() -> None:
    assert cli.parse(["--db", "a.sqlite"]).db == "a.sqlite"
    assert cli.parse([]).db is None


def test_demo_with_db_after_the_command(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(cli.parse(["demo", "--db", str(db_path)])) == 0
    assert "Exempelstad" in capsys.readouterr().out
    assert cli.run(cli.parse(["demo", "--db", str(db_path)])) == 1
    assert "innehåller redan data" in capsys.readouterr().out


def test_list_shows_organs_and_meetings_while_the_window_has_the_database_open(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secretary.domain.arbetsgang import Tillstand
    from secretary.services import agenda, demo, register
    from secretary.store.database import open_store

    window = open_store(db_path)  # holds the writer's lock, as the window does
    try:
        assert cli.run(cli.parse(["list", "--db", str(db_path)])) == 0
        assert capsys.readouterr().out.strip() == "Databasen har inga organ ännu."
        demo.create_demo(window)
        organ = register.list_organs(window)[0]
        meeting = agenda.list_meetings(window, organ.id)[0]
        assert cli.run(cli.parse(["--db", str(db_path), "list"])) == 0
        out = capsys.readouterr().out
    finally:
        window.close()
    assert f"{organ.name} (organ {organ.id})" in out
    row = next(line for line in out.splitlines() if meeting.date.isoformat() in line)
    assert row.split()[0] == str(meeting.id)
    assert Tillstand.PLANERAT.label in row
    assert "kl. 13.00" in row and "§ 335–339" in row


def test_a_reading_command_refuses_a_file_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "saknas.sqlite"
    assert cli.run(cli.parse(["list", "--db", str(missing)])) == 1
    assert "finns inte" in capsys.readouterr().err
    assert not missing.exists()
