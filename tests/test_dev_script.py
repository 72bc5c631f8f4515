"""`./dev`: running the program installs only its own dependencies; the commands that test,
measure or build install the dev extra. Run on a copy of the script beside a stand-in
virtualenv whose python writes down what it is asked to do, so nothing is installed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOGGING = '#!/bin/sh\necho "$(basename "$0") $*" >> "{log}"\n'


def _tool(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def _checkout(tmp_path: Path) -> tuple[Path, Path]:
    here = tmp_path / "checkout"
    (here / ".venv" / "bin").mkdir(parents=True)
    shutil.copy2(ROOT / "dev", here / "dev")
    (here / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    log = tmp_path / "log"
    for name in ("python", "ruff", "mypy"):
        _tool(here / ".venv" / "bin" / name, LOGGING.format(log=log))
    fake = tmp_path / "bin"
    fake.mkdir()
    # Every Debian package counts as installed, so set-up asks apt for nothing.
    _tool(fake / "dpkg-query", "#!/bin/sh\necho 'install ok installed'\n")
    return here, log


def _dev(here: Path, log: Path, command: str) -> list[str]:
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "PATH": f"{log.parent / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["sh", str(here / "dev"), command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [line for line in log.read_text(encoding="utf-8").splitlines() if "pip install" in line]


def test_run_installs_the_program_without_the_dev_extra_and_test_adds_it(tmp_path: Path) -> None:
    here, log = _checkout(tmp_path)
    installs = _dev(here, log, "run")
    assert "python -m pip install -q -e ." in installs
    assert not [line for line in installs if "[dev]" in line]

    installs = _dev(here, log, "test")
    assert "python -m pip install -q -e .[dev]" in installs, "test must set up the dev extra"

    assert _dev(here, log, "run") == [], "the dev extra holds everything run needs"
    assert _dev(here, log, "test") == []


def test_a_changed_pyproject_sets_up_again(tmp_path: Path) -> None:
    here, log = _checkout(tmp_path)
    _dev(here, log, "run")
    later = (here / ".venv" / ".installed-run").stat().st_mtime + 10
    os.utime(here / "pyproject.toml", (later, later))
    assert "python -m pip install -q -e ." in _dev(here, log, "run")
    assert "python -m pip install -q -e .[dev]" in _dev(here, log, "bench")
