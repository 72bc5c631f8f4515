"""The command line (secretary/cli.py): the global options go before or after the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretary import cli


@pytest.mark.parametrize("command", [["demo"], ["import", "f.json"]])
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
