"""The Linux bundle (installer/linux/build.sh): built with PyInstaller, unpacked from its
.tar.gz like a user would, and started offscreen with `--self-test`, which opens a temporary
database, renders the final protocol and builds the main window.

Building takes about a minute, so the archive is built once and kept under
build/bundle-test/<key>/, where the key is a hash of everything that goes into it (the
sources, the installer files, Python and the installed packages' versions): a second run on
unchanged sources reuses it, any change builds again. CI starts from a fresh clone and
always builds."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from secretary import self_test

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "bundle-test"
INPUTS = ("secretary", "installer", "main.py", "pyproject.toml")
BUILD_TIMEOUT = 20 * 60


def _key() -> str:
    """A hash of what the bundle is made of."""
    h = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(path.rglob("*"))
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())
    h.update(sys.version.encode())
    versions = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )
    h.update("\n".join(versions).encode())
    return h.hexdigest()[:16]


def _tail(path: Path, lines: int = 80) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def _report(config: pytest.Config, line: str) -> None:
    """A figure in the test run's output, past pytest's output capture."""
    capture = config.pluginmanager.get_plugin("capturemanager")
    if capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        print(line)


@pytest.fixture(scope="session")
def bundle_archive(pytestconfig: pytest.Config) -> Path:
    """The built .tar.gz, built now or reused from an earlier run on the same inputs."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / _key()
    done = out / "built"
    with FileLock(str(CACHE / ".lock"), timeout=BUILD_TIMEOUT):
        if not done.exists():
            for old in CACHE.iterdir():  # one bundle at a time: each is about 400 MB
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            out.mkdir()
            log = out / "build.log"
            env = dict(
                os.environ,
                PYTHON=sys.executable,
                BUILD_DIR=str(out / "build"),
                DIST_DIR=str(out / "dist"),
            )
            start = time.perf_counter()
            with log.open("w", encoding="utf-8") as f:
                try:
                    run = subprocess.run(
                        ["sh", str(ROOT / "installer" / "linux" / "build.sh")],
                        cwd=ROOT,
                        env=env,
                        stdout=f,
                        stderr=subprocess.STDOUT,
                        timeout=BUILD_TIMEOUT,
                    )
                except subprocess.TimeoutExpired:
                    pytest.fail(f"build.sh took over {BUILD_TIMEOUT} s; log:\n{_tail(log)}")
            seconds = time.perf_counter() - start
            if run.returncode != 0:
                pytest.fail(f"build.sh failed ({run.returncode}); its log {log}:\n{_tail(log)}")
            shutil.rmtree(out / "build", ignore_errors=True)  # the archive is what is tested
            done.write_text(f"{seconds:.0f} s\n", encoding="utf-8")
            _report(pytestconfig, f"\nLinux-paketet byggt på {seconds:.0f} s. {_tail(log, 1)}")
        archives = sorted((out / "dist").glob("secretary-*-linux-*.tar.gz"))
        assert len(archives) == 1, f"expected one archive in {out / 'dist'}: {archives}"
        return archives[0]


@pytest.fixture(scope="session")
def unpacked(bundle_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive unpacked as a user would: its one top folder."""
    dest = tmp_path_factory.mktemp("bundle")
    subprocess.run(["tar", "-xzf", str(bundle_archive), "-C", str(dest)], check=True)
    (top,) = dest.iterdir()
    return top


def test_bundled_app_passes_its_self_test(
    unpacked: Path, tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    # Nothing from the source tree or the venv may help the bundle along.
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    start = time.perf_counter()
    run = subprocess.run(
        [str(unpacked / "secretary"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
    )
    seconds = time.perf_counter() - start
    out = run.stdout
    assert run.returncode == 0, (
        f"the bundled self-test failed ({run.returncode}).\nstdout:\n{out}\nstderr:\n{run.stderr}"
    )
    assert "(paketerad)" in out, out
    for k in self_test.KONTROLLER:
        assert f"  ok   {k.namn}: " in out, out
    assert f"Självtestet lyckades: alla {len(self_test.KONTROLLER)} kontroller" in out
    tid = f"{seconds:.1f}".replace(".", ",")
    _report(pytestconfig, f"\nDet paketerade självtestet tog {tid} s.")


def test_bundle_holds_what_a_user_needs(unpacked: Path, bundle_archive: Path) -> None:
    version = (unpacked / "VERSION").read_text(encoding="utf-8").strip()
    assert unpacked.name == f"secretary-{version}-linux-{os.uname().machine}"
    assert bundle_archive.name == f"{unpacked.name}.tar.gz"
    for name in ("secretary", "install.sh"):
        assert os.access(unpacked / name, os.X_OK), name
    for name in ("secretary.desktop", "secretary.png", "README.txt", "LICENSE-LiberationSans.txt"):
        assert (unpacked / name).is_file(), name
    desktop = (unpacked / "secretary.desktop").read_text(encoding="utf-8")
    assert "Exec=secretary" in desktop and "Icon=secretary" in desktop
    internal = unpacked / "_internal"
    fonts = internal / "secretary" / "resources" / "fonts"
    assert (fonts / "LiberationSans-Regular.ttf").is_file()
    assert (fonts / "LICENSE-LiberationSans.txt").is_file()
    migrations = internal / "secretary" / "store" / "migrations"
    assert (migrations / "script.py.mako").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("0*.py")) == sorted(
        p.name for p in (ROOT / "secretary/store/migrations/versions").glob("0*.py")
    )
    translations = internal / "PySide6" / "Qt" / "translations"
    assert (translations / "qtbase_sv.qm").is_file()
    others = [p.name for p in translations.glob("*.qm") if not p.name.endswith("_sv.qm")]
    assert not others, f"translations other than Swedish: {others[:5]}"
    # Test and development tools stay out of the program.
    for tool in ("pytest", "hypothesis", "mypy", "pdfplumber", "PyInstaller"):
        assert not (internal / tool).exists(), tool
