"""Opening a database: SQLite pragmas, the single-writer lock, migrations, the unit of work.

`open_store()` is the only way the application gets a database. It refuses, with a Swedish
message and without touching the file, a database that another copy of the program has
open or that a newer version of the program has made; it backs the file up before it
migrates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy.exc
from filelock import FileLock, Timeout
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from secretary.store import migrate
from secretary.store.backup import make_backup
from secretary.store.errors import DatabaseInUseError, StoreError
from secretary.store.paths import backup_dir_for, default_db_path


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before the UI shows it, even if the machine dies.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Store:
    """An open database: the engine, a session factory, and for SQLite the file's lock."""

    def __init__(self, engine: Engine, path: Path | None, lock: FileLock | None) -> None:
        self.engine = engine
        self.path = path
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def backup_dir(self) -> Path | None:
        return backup_dir_for(self.path) if self.path else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits as a whole when the block ends, or rolls back."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def backup(self, reason: str) -> Path | None:
        if self.path is None or self.backup_dir is None:
            return None
        return make_backup(self.path, self.backup_dir, reason)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def resolve_url(db: str | Path | None) -> tuple[str, Path | None]:
    """A database URL and, for a SQLite file, its path. A bare path means a SQLite file."""
    if db is None:
        db = default_db_path()
    text = str(db)
    if "://" in text:
        if text.startswith(("postgresql://", "postgres://")):
            # The driver we ship is psycopg 3; SQLAlchemy's bare scheme means psycopg2.
            text = "postgresql+psycopg://" + text.split("://", 1)[1]
        url = make_url(text)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return text, Path(url.database)
        return text, None
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def open_store(db: str | Path | None = None, *, migrate_schema: bool = True) -> Store:
    url, path = resolve_url(db)
    lock: FileLock | None = None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Mappen {path.parent} kan inte skapas: {exc.strerror}.") from exc
        lock = FileLock(str(path) + ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise DatabaseInUseError(
                f"Databasen {path} är redan öppen i ett annat fönster av Secretary. "
                "Stäng det andra fönstret först, så att inget skrivs över."
            ) from None
        except OSError as exc:
            raise StoreError(
                f"Databasen {path} kan inte låsas ({exc.strerror}). "
                "Kontrollera att mappen går att skriva i."
            ) from exc
    try:
        if path is not None and path.exists():
            _check_untouched(path)
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = Store(engine, path, lock)
        if migrate_schema:
            _migrate(store)
        return store
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _check_untouched(path: Path) -> None:
    """Refuse a foreign or newer database through a read-only connection, before the WAL
    pragma rewrites the file's header: a refused file must be left exactly as it was."""
    readonly = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with readonly.connect() as conn:
            migrate.check(conn)
    except (sqlite3.DatabaseError, sqlalchemy.exc.DatabaseError) as exc:
        raise StoreError(
            f"Filen {path} är inte en läsbar Secretary-databas. Välj en annan fil eller "
            "återställ från en säkerhetskopia."
        ) from exc
    finally:
        readonly.dispose()


def _migrate(store: Store) -> None:
    with store.engine.connect() as conn:
        status = migrate.check(conn)
    if status.up_to_date:
        return
    if status.current is not None and store.path is not None:
        store.backup("före-uppgradering")
    try:
        with store.engine.connect() as conn:
            if store.is_sqlite:
                # Alembic rebuilds a SQLite table by copy, drop and rename. With foreign
                # keys on, the drop would cascade and delete every row that points at the
                # table (all ärenden with their meeting). Off during the migration, then
                # checked before the commit.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
            with conn.begin():
                migrate.upgrade(conn)
                if store.is_sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreError(
                            "Uppgraderingen av databasen gav trasiga kopplingar och avbröts. "
                            "En säkerhetskopia togs före försöket."
                        )
            if store.is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    except (sqlite3.OperationalError, sqlalchemy.exc.OperationalError) as exc:
        raise StoreError(f"Databasen kunde inte uppgraderas: {exc}") from exc
