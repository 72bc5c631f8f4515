"""`make bench` cannot rot: a reduced run (a few iterations of every section, --snabb) goes
through each benchmark script in the test suite. Figures are printed, never asserted
(brief: speed is measured by the bench, not by timed tests); what is asserted is that every
section ran to its figures, so a schema change that breaks the synthetic data or a service
whose return changed fails here and not on the day someone measures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.mark.slow
def test_the_service_protocol_and_search_benchmarks_run() -> None:
    out = _run("scripts/bench.py", "--snabb")
    for figure in (
        "upprop: markera närvarande",
        "ångra / gör om",
        "data ur tjänstelagret (protokoll_data)",
        "PDF/A-2a",
        "första underskriften (PKCS#12)",
        "full kontroll av två underskrifter",
        "tecken för tecken",
        "Secretary, tio år",
    ):
        assert figure in out, f"{figure!r} saknas i:\n{out}"
    assert "inga mätningar" not in out, out


@pytest.mark.slow
def test_the_key_to_paint_benchmarks_run() -> None:
    out = _run("scripts/bench_ui.py", "--snabb")
    assert "tangent N i uppropet" in out and "tangent J i uppropet" in out, out
    assert out.count("p95") == 2, out


@pytest.mark.slow
def test_the_crash_drill_runs() -> None:
    out = _run("scripts/crash_drill.py", "--runs", "2", "--quiet")
    assert "2 avbrott med SIGKILL, 0 fel" in out, out
