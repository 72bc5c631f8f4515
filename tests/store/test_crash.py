"""Nothing the window has shown is lost when the process is killed (issue: live session).

A reduced run of scripts/crash_drill.py: a child drives a meeting through the services and
is killed with SIGKILL at random moments; the database must pass integrity_check and hold
every change the child reported as done. `./dev bench` runs it 100 times.
"""

import subprocess
import sys
from pathlib import Path

DRILL = Path(__file__).resolve().parents[2] / "scripts" / "crash_drill.py"


def test_sigkill_at_random_moments_loses_nothing_reported() -> None:
    result = subprocess.run(
        [sys.executable, str(DRILL), "--runs", "8", "--seed", "7", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 avbrott med SIGKILL, 0 fel" in result.stdout
