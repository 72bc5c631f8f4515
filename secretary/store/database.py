"""Opening a database: SQLite pragmas, the single-writer lock, migrations, the unit of work.

`open_store()` is the only way the application gets a database. It refuses, with a Swedish
message and without touching the file, a database that another copy of the program has
open, that a newer version of the program has made, or that lies in a folder or file that
cannot be written; it backs the file up before it migrates, and does not migrate without
that copy.

The unit of work (`Store.session`) rolls a failed change back as a whole and turns a full
disk, a write-protected file or a damaged page into a Swedish `StoreError` (errors.translate).
Every unit of work is one database transaction from its first read to its commit:

- `Store.session()`, a change: on SQLite `BEGIN IMMEDIATE`, so it holds the write lock from its
  first read and nothing another connection commits can fall between what it read and what it
  writes; on PostgreSQL READ COMMITTED, with the meeting's row locked by the editing services
  (services.las) before they read what they check.
- `Store.snapshot()`, a change that must rest on one consistent view of everything it reads
  (justering renders the protocol and locks it): on SQLite as above; on PostgreSQL REPEATABLE
  READ. Its first statement locks the meeting's row, so a concurrent edit either committed
  before the snapshot was taken or makes PostgreSQL refuse it (a serialization failure), in
  which case `Store.in_snapshot` runs it again on a new snapshot.
- `Store.read()`, reading only: on SQLite a deferred transaction (a WAL snapshot that takes no
  write lock, so a second program may read while the window writes); on PostgreSQL REPEATABLE
  READ, READ ONLY. Nothing is committed.

pysqlite would otherwise open a transaction only before the first INSERT/UPDATE/DELETE and run
each read on its own; the driver's own handling is switched off (isolation_level None) and the
transaction is begun here, in the engine's `begin` event.

`FileCheck` runs SQLite's `quick_check` over the whole file, for damage SQLite does not notice
when it opens the file. It reads every page: about 1 ms/MB from the page cache, 9-17 ms/MB
from a cold disk on the development machine (1.6-2.5 s for a 150-180 MB file), so the window
runs it in a background thread after start-up; the thread leaves the GIL to the window.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy.exc
from filelock import FileLock, Timeout
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from secretary.store import andringar, langder, migrate
from secretary.store.backup import make_backup, try_backup, why_not
from secretary.store.errors import (
    NO_SPACE,
    NO_WRITE,
    DamagedDatabaseError,
    DatabaseInUseError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
    read_only_file,
    read_only_folder,
    translate,
)
from secretary.store.paths import backup_dir_for, default_db_path, readonly_uri

log = logging.getLogger(__name__)
T = TypeVar("T")

# The execution option that says how a SQLite transaction begins ("IMMEDIATE", "DEFERRED").
SQLITE_BEGIN = "secretary_sqlite_begin"
SNAPSHOT_TRIES = 3  # a snapshot refused by PostgreSQL for a concurrent edit is taken again


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, not in pysqlite
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before the UI shows it, even if the machine dies.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(SQLITE_BEGIN, 'IMMEDIATE')}")


def _serialization_failure(exc: BaseException) -> bool:
    """PostgreSQL's 'could not serialize access' (SQLSTATE 40001): try the snapshot again."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) == "40001"


class Store:
    """An open database: the engine, a session factory, and for SQLite the file's lock.

    `readonly` (store.readonly.open_readonly): a store opened to read only, with no lock; a
    change through it is refused before it begins, with the Swedish reason."""

    def __init__(
        self, engine: Engine, path: Path | None, lock: FileLock | None, *, readonly: bool = False
    ) -> None:
        self.engine = engine
        self.path = path
        self.readonly = readonly
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        if engine.dialect.name == "sqlite":
            snapshot = engine
            reader = engine.execution_options(**{SQLITE_BEGIN: "DEFERRED"})
        else:
            snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
            reader = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        self._snapshots = sessionmaker(snapshot, expire_on_commit=False)
        self._readers = sessionmaker(reader, expire_on_commit=False)
        for maker in (self._sessions, self._snapshots):
            langder.install(maker)
        for maker in (self._sessions, self._snapshots, self._readers):
            andringar.install(maker)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def backup_dir(self) -> Path | None:
        return backup_dir_for(self.path) if self.path else None

    def session(self) -> contextlib.AbstractContextManager[Session]:
        """One unit of work that changes something: commits as a whole when the block ends, or
        rolls back. A full disk, a write-protected file, a disk error or a damaged page comes out
        as the StoreError that says so in Swedish; nothing of the change is kept."""
        self._refuse_if_readonly()
        return self._unit(self._sessions, commit=True)

    def snapshot(self) -> contextlib.AbstractContextManager[Session]:
        """A change made from one consistent view of everything it reads (module docstring).
        Use `in_snapshot` on PostgreSQL-facing code paths, which retries a refused snapshot."""
        self._refuse_if_readonly()
        return self._unit(self._snapshots, commit=True)

    def read(self) -> contextlib.AbstractContextManager[Session]:
        """A unit of work that only reads, from one snapshot; nothing is committed."""
        return self._unit(self._readers, commit=False)

    def _refuse_if_readonly(self) -> None:
        if self.readonly:
            where = f"Databasen {self.path}" if self.path else "Databasen"
            raise ReadOnlyError(
                f"{where} är öppnad bara för läsning, så inget kan ändras här. "
                "Gör ändringen i Secretarys fönster."
            )

    def in_snapshot(self, work: Callable[[Session], T]) -> T:
        """`work` in a snapshot unit of work, again on a new snapshot when PostgreSQL refuses
        the first for an edit another connection committed meanwhile."""
        for attempt in range(1, SNAPSHOT_TRIES + 1):
            try:
                with self.snapshot() as s:
                    return work(s)
            except sqlalchemy.exc.DBAPIError as exc:
                if not _serialization_failure(exc) or attempt == SNAPSHOT_TRIES:
                    raise
                log.info("Samtidig ändring; ögonblicksbilden tas om (försök %d)", attempt + 1)
        raise AssertionError("unreachable")

    @contextmanager
    def _unit(self, maker: sessionmaker[Session], *, commit: bool) -> Iterator[Session]:
        session = maker()
        try:
            yield session
            if commit:
                session.commit()
            else:
                session.rollback()
        except BaseException as exc:
            try:
                session.rollback()
            except Exception:  # the connection may be gone with the disk; the change is not kept
                log.warning("Återställningen av en misslyckad ändring misslyckades", exc_info=True)
            translated = translate(exc, self.path)
            if translated is None or translated is exc:
                raise
            log.warning("%s (%s)", translated, exc)
            raise translated from exc
        finally:
            session.close()

    def backup(self, reason: str) -> Path | None:
        """A copy after a committed change. One that cannot be made (full disk, folder not
        writable) is logged as a warning and returns None: the change itself stands."""
        if self.readonly or self.path is None or self.backup_dir is None:
            return None
        return try_backup(self.path, self.backup_dir, reason)

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
        _make_folder(path.parent)
        lock = _lock(path)
    try:
        if path is not None:
            _check_writable(path)
            if path.exists():
                _check_untouched(path)
        # A SQLite file by URL object, not by text: a '?' or '#' in a folder name would be
        # parsed out of a "sqlite:///…" string and open another file.
        engine = create_engine(URL.create("sqlite", database=str(path)) if path else url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        store = Store(engine, path, lock)
        try:
            if migrate_schema:
                _migrate(store)
        except (sqlite3.Error, sqlalchemy.exc.DBAPIError, OSError) as exc:
            engine.dispose()
            translated = translate(exc, path)
            if translated is None:
                raise StoreError(f"Databasen kunde inte öppnas: {exc}") from exc
            raise translated from exc
        except BaseException:
            engine.dispose()
            raise
        return store
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in NO_WRITE:
            raise ReadOnlyError(
                f"Mappen {folder} kan inte skapas: du saknar behörighet. Välj en annan plats "
                "för databasen eller be IT-avdelningen om skrivbehörighet."
            ) from exc
        if exc.errno in NO_SPACE:
            raise DiskFullError(
                f"Mappen {folder} kan inte skapas: disken är full. Frigör utrymme och starta igen."
            ) from exc
        raise StoreError(f"Mappen {folder} kan inte skapas: {exc.strerror}.") from exc


def _lock(path: Path) -> FileLock:
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseInUseError(
            f"Databasen {path} är redan öppen i ett annat fönster av Secretary. "
            "Stäng det andra fönstret först, så att inget skrivs över."
        ) from None
    except OSError as exc:
        _check_folder(path.parent)
        raise ReadOnlyError(
            f"Låsfilen {path.name}.lock i mappen {path.parent} går inte att skriva i, så "
            "databasen kan inte låsas mot en andra användare. Om ingen annan har databasen "
            "öppen: ta bort låsfilen, eller be IT-avdelningen om skrivbehörighet till den."
        ) from exc
    return lock


def _check_folder(folder: Path) -> None:
    """Refuse a folder where no file can be made, as SQLite must for its -wal and -shm files.
    Tried rather than asked: os.access says yes to root on a write-protected share."""
    try:
        fd, name = tempfile.mkstemp(prefix=".secretary-skrivprov-", dir=folder)
    except OSError as exc:
        if exc.errno in NO_SPACE:
            raise DiskFullError(
                f"Disken där mappen {folder} ligger är full, så databasen kan inte öppnas. "
                "Frigör utrymme och starta igen; inget i databasen är ändrat."
            ) from exc
        raise read_only_folder(folder) from exc
    os.close(fd)
    with suppress(OSError):
        os.unlink(name)


def _check_writable(path: Path) -> None:
    """Refuse before SQLite opens the file read-only by itself, which would let the window
    open and every change fail."""
    _check_folder(path.parent)
    for file in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        try:
            with open(file, "r+b"):
                pass
        except FileNotFoundError:
            continue
        except IsADirectoryError:
            raise StoreError(f"{path} är en mapp, inte en databasfil.") from None
        except OSError as exc:
            if exc.errno in NO_WRITE:
                raise read_only_file(file) from exc
            raise StoreError(f"Filen {file} kan inte öppnas: {exc.strerror}.") from exc


def _check_untouched(path: Path) -> None:
    """Refuse a foreign or newer database through a read-only connection, before the WAL
    pragma rewrites the file's header: a refused file must be left exactly as it was."""
    readonly = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(readonly_uri(path), uri=True)
    )
    try:
        schema_status(readonly, path, f"Filen {path}")
    finally:
        readonly.dispose()


def schema_status(engine: Engine, path: Path | None, where: str) -> migrate.SchemaStatus:
    """The schema's revision as the file says, or the Swedish refusal of a file that is not
    a readable Secretary database (a newer one is refused by migrate.check)."""
    try:
        with engine.connect() as conn:
            return migrate.check(conn)
    except (sqlite3.DatabaseError, sqlalchemy.exc.DatabaseError) as exc:
        translated = translate(exc, path)
        if translated is not None and not isinstance(translated, DamagedDatabaseError):
            raise translated from exc
        raise DamagedDatabaseError(
            f"{where} är inte en läsbar Secretary-databas. Välj en annan fil eller "
            "återställ från en säkerhetskopia."
        ) from exc


_SQLITE_INTERRUPT = 9
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class FileCheck:
    """`PRAGMA quick_check` on its own read-only connection, meant for a background thread
    while the window is in use (WAL lets it read beside the writer). `cancel()` interrupts it
    from another thread, say when the window closes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self._guard = threading.Lock()

    def run(self) -> list[str]:
        """What is wrong with the file, in SQLite's words; empty when it is whole, when the
        check was cancelled, or when it could not run (the file locked by another program, a
        network share gone): only damage SQLite finds is reported, since the answer to it is a
        restore over the database, which must never be offered for a healthy file."""
        try:
            conn = sqlite3.connect(readonly_uri(self.path), uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("Skadekontrollen kunde inte öppna %s: %s", self.path, exc)
            return []
        with self._guard:
            if self._cancelled:
                conn.close()
                return []
            self._conn = conn
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                return [str(exc)]
            if code != _SQLITE_INTERRUPT:
                log.warning("Skadekontrollen av %s avbröts: %s", self.path, exc)
            return []
        finally:
            with self._guard:
                self._conn = None
            conn.close()
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    def cancel(self) -> None:
        with self._guard:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()


def _migrate(store: Store) -> None:
    with store.engine.connect() as conn:
        status = migrate.check(conn)
    if status.up_to_date:
        return
    if status.current is not None and store.path is not None and store.backup_dir is not None:
        _backup_before_upgrade(store.path, store.backup_dir)
    try:
        with store.engine.connect() as conn:
            if store.is_sqlite:
                # Alembic rebuilds a SQLite table by copy, drop and rename. With foreign
                # keys on, the drop would cascade and delete every row that points at the
                # table (all ärenden with their meeting). Off during the migration, then
                # checked before the commit. A PRAGMA inside a transaction does nothing, so it
                # goes to the driver before the migration's transaction begins.
                _pragma(conn, "PRAGMA foreign_keys=OFF")
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
                _pragma(conn, "PRAGMA foreign_keys=ON")
    except (sqlite3.OperationalError, sqlalchemy.exc.OperationalError) as exc:
        translated = translate(exc, store.path)
        if translated is not None:
            raise translated from exc
        raise StoreError(f"Databasen kunde inte uppgraderas: {exc}") from exc


def _pragma(conn: Any, sql: str) -> None:
    """A PRAGMA outside any transaction, straight on the driver's connection (autocommit)."""
    raw = conn.connection.dbapi_connection
    raw.execute(sql)


def _backup_before_upgrade(path: Path, backup_dir: Path) -> None:
    """An upgrade rebuilds tables; without a copy first it does not run. The file is left as
    it was, and an older version of the program can still open it."""
    try:
        make_backup(path, backup_dir, "före-uppgradering")
    except (OSError, sqlite3.Error) as exc:
        why, what = why_not(exc, backup_dir)
        error = DiskFullError if why == "disken är full" else ReadOnlyError
        raise error(
            "Databasen behöver uppgraderas till den här versionen av Secretary, men först "
            f"ska en säkerhetskopia göras i mappen {backup_dir}, och det gick inte: {why}. "
            f"Ingenting i databasen är ändrat. {what} Starta sedan programmet igen."
        ) from exc
