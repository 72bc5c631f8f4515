"""Shared fixtures: Qt offscreen and a fixed locale before Qt loads; a fresh database per test.

A migrated template database is made once per run and copied for each test, so every test
starts from an empty, current schema in a few milliseconds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "sv_SE.UTF-8"
os.environ["LC_ALL"] = "C.UTF-8"
# Keep platformdirs (database, logs) away from the developer's own files.
_HOME = Path(tempfile.mkdtemp(prefix="secretary-test-home-"))
for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(_HOME / var.lower())

import pytest  # noqa: E402

from secretary.store.database import Store, open_store  # noqa: E402


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "secretary.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def ctx(store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An application context for widget tests, with settings in a private file."""
    from PySide6.QtCore import QSettings

    from secretary.ui.context import AppContext

    return AppContext(
        store=store, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
