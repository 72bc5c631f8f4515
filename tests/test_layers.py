"""The layer contracts in pyproject.toml ([tool.importlinter]) hold: the window reaches the
store and the reports only through the services, a report reads nothing, the domain depends
on nothing of ours, the core never imports Qt. import-linter reads every import statement,
including those inside functions, so a shortcut taken anywhere fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_layer_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
