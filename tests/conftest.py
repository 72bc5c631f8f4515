"""Shared fixtures: Qt offscreen and a fixed locale before Qt loads; a fresh database per test.

A migrated template database is made once per run and copied for each test, so every test
starts from an empty, current schema in a few milliseconds.

With SECRETARY_TEST_PG set to a PostgreSQL URL (.ci/run sets it), every store and services
test that needs only `store` runs on PostgreSQL as well: the schema is migrated once, and
the tables are emptied after each test. Tests that need a SQLite file (`db_path`) skip there.
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


PG_URL = os.environ.get("SECRETARY_TEST_PG", "")
PG_DIRS = ("tests/store/", "tests/services/", "tests/domain/")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    path = str(metafunc.definition.path).replace("\\", "/")
    on_pg = PG_URL and any(part in path for part in PG_DIRS)
    metafunc.parametrize("backend", ["sqlite", "postgresql"] if on_pg else ["sqlite"])


@pytest.fixture(scope="session")
def pg_schema() -> str:
    """A freshly migrated PostgreSQL schema for this run."""
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    open_store(PG_URL).close()
    return PG_URL


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path, backend: str) -> Path:
    if backend != "sqlite":
        pytest.skip("gäller en SQLite-fil")
    path = tmp_path / "secretary.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if backend == "sqlite":
        opened = open_store(request.getfixturevalue("db_path"))
        yield opened
        opened.close()
        return
    opened = open_store(request.getfixturevalue("pg_schema"))
    try:
        yield opened
    finally:
        _empty_pg(opened)
        opened.close()


def _empty_pg(store: Store) -> None:
    from sqlalchemy import text

    from secretary.store.models import Base

    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with store.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        # The one row the migrations put in (store.andringar), as a fresh schema has it.
        conn.execute(text("INSERT INTO andringsnummer (namn, n) VALUES ('register', 0)"))


@pytest.fixture
def ctx(store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An application context for widget tests, with settings in a private file."""
    from PySide6.QtCore import QSettings

    from secretary.ui.context import AppContext

    return AppContext(
        store=store, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach: pytest's own temporary folders are private."""
    folder = Path(tempfile.mkdtemp(prefix="secretary-behorighet-"))
    folder.chmod(0o777)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o777)
    shutil.rmtree(folder)


@pytest.fixture(scope="session")
def pki():  # type: ignore[no-untyped-def]
    """The test PKI (CA, signatories, a foreign CA), made once per run (tests/pki.py)."""
    from tests import pki as tpki

    return tpki.pki()


@pytest.fixture(scope="session")
def tsa(pki):  # type: ignore[no-untyped-def]
    """A local RFC 3161 timestamp server on 127.0.0.1 for the run; its URL."""
    from tests import pki as tpki

    with tpki.tidsstampelserver(pki) as url:
        yield url
