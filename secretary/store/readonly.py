"""Opening a database to read only: the command line's `pdf` and `list`, beside a window that
has the same file open.

`open_store()` takes the file's single-writer lock and migrates, so a second opener is refused.
Reading needs neither: WAL lets a reader see the last commit while the window writes. Here a
SQLite file is opened by SQLite itself read-only (`mode=ro`, and `query_only` on top), no lock
file is taken, nothing is migrated and nothing is backed up; a schema that is not the current
one is refused with the reason. A change through the store is refused before it begins
(`Store.session`), with a Swedish message saying where to make it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from secretary.store.database import Store, resolve_url, schema_status
from secretary.store.errors import StoreError
from secretary.store.paths import readonly_uri


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _begin, as in open_store
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _begin(conn: Any) -> None:
    """Deferred: a WAL snapshot, no write lock (an IMMEDIATE one is refused under query_only)."""
    conn.exec_driver_sql("BEGIN DEFERRED")


def open_readonly(db: str | Path | None = None) -> Store:
    """A store that only reads (`Store.read`); no lock, no migration. Raises StoreError."""
    url, path = resolve_url(db)
    if path is None:
        engine = create_engine(url)
    else:
        if not path.is_file():
            raise StoreError(f"Databasfilen {path} finns inte.")
        uri = readonly_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
        )
        event.listen(engine, "connect", _pragmas)
        event.listen(engine, "begin", _begin)
    try:
        _check_current(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, path, None, readonly=True)


def _check_current(engine: Engine, path: Path | None) -> None:
    where = f"Databasen {path}" if path else "Databasen"
    status = schema_status(engine, path, where)
    if status.current is None:
        raise StoreError(f"{where} är tom: det finns inget i den att läsa.")
    if not status.up_to_date:
        raise StoreError(
            f"{where} är gjord av en äldre version av Secretary och behöver uppgraderas innan "
            "den kan läsas här. Öppna den en gång i Secretarys fönster, så uppgraderas den."
        )
