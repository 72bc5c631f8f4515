"""`python -m secretary --self-test` from the source tree: the check the bundles run
(tests/test_bundle.py) must pass unbundled first, and must say what failed when it fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretary import self_test

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1")
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return env


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "secretary", "--self-test"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    out = run.stdout
    assert run.returncode == 0, f"stdout:\n{out}\nstderr:\n{run.stderr}"
    assert "Självtest av Secretary" in out
    for k in self_test.KONTROLLER:
        assert f"  ok   {k.namn}: " in out, out
    assert "PDF/A-2a" in out
    assert "signaturfält" in out
    assert "svensk översättning laddad" in out
    last = out.rstrip().splitlines()[-1]
    assert last.startswith(f"Självtestet lyckades: alla {len(self_test.KONTROLLER)} kontroller på ")
    # Nothing was written where the user's own database and settings live.
    assert not any((tmp_path / "xdg_data_home").rglob("*.sqlite"))


def test_a_failing_check_is_named_and_later_ones_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(lage: self_test.Lage) -> str:
        raise self_test.Kontrollfel("databasfilen kunde inte skapas")

    def fine(lage: self_test.Lage) -> str:
        return "bra"

    monkeypatch.setattr(
        self_test,
        "KONTROLLER",
        (
            self_test.Kontroll("Databas", broken),
            self_test.Kontroll("Exempeldata", fine, ("Databas",)),
            self_test.Kontroll("Oberoende", fine),
        ),
    )
    assert self_test.run() == 1
    out = capsys.readouterr().out
    assert "  FEL  Databas: databasfilen kunde inte skapas" in out
    assert "  --   Exempeldata: hoppades över (kräver Databas)" in out
    assert "  ok   Oberoende: bra" in out
    assert "Självtestet misslyckades: 2 av 3 kontroller (Databas, Exempeldata)" in out


def test_an_unexpected_exception_prints_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def crash(lage: self_test.Lage) -> str:
        raise ModuleNotFoundError("No module named 'pikepdf'")

    monkeypatch.setattr(self_test, "KONTROLLER", (self_test.Kontroll("Protokoll", crash),))
    assert self_test.run() == 1
    captured = capsys.readouterr()
    assert "  FEL  Protokoll: ModuleNotFoundError(\"No module named 'pikepdf'\")" in captured.out
    assert "Traceback" in captured.err
