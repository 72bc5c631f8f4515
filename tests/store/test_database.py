"""Opening the database: durability settings, one writer, migrations and their refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from secretary.store import migrate
from secretary.store.backup import list_backups
from secretary.store.database import open_store
from secretary.store.errors import (
    DatabaseInUseError,
    NewerDatabaseError,
    NotOurDatabaseError,
    StoreError,
)


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        store.close()


def test_a_second_copy_of_the_program_is_refused_with_a_swedish_message(db_path: Path) -> None:
    first = open_store(db_path)
    try:
        with pytest.raises(DatabaseInUseError, match="redan öppen"):
            open_store(db_path)
    finally:
        first.close()
    open_store(db_path).close()  # free again once the first copy has closed


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_framtid'")
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="nyare version"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "annan.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kunder (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(NotOurDatabaseError, match="inte kommer från Secretary"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_new_file_gets_the_current_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path / "ny" / "mapp" / "db.sqlite")
    try:
        with store.engine.connect() as conn:
            assert migrate.check(conn).up_to_date
    finally:
        store.close()


def test_the_file_is_backed_up_before_a_migration(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate an older schema: the copy must be taken before upgrade() runs."""
    head = migrate.head_revision()
    seen: list[int] = []
    monkeypatch.setattr(migrate, "check", lambda conn: migrate.SchemaStatus("äldre", head))
    monkeypatch.setattr(
        migrate, "upgrade", lambda conn: seen.append(len(list_backups(db_path, backup_dir)))
    )
    backup_dir = db_path.parent / "säkerhetskopior"
    open_store(db_path).close()
    assert seen == [1]
    (backup,) = list_backups(db_path, backup_dir)
    assert backup.reason == "före-uppgradering"
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_that_is_not_a_database_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "trasig.sqlite"
    path.write_bytes(b"detta \x00 ar inte en databas" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="inte en läsbar Secretary-databas"):
        open_store(path)
    assert path.read_bytes() == before


def test_an_older_database_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "gammal.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO organ VALUES (1, 'KS', 'KS', 'KS', '', '', 0, '{}')"))
        conn.execute(
            text(
                "INSERT INTO meeting (id, organ_id, date, place, justering_place, state) "
                "VALUES (1, 1, '2026-01-10', 'Rådhuset', '', 'planerat')"
            )
        )
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO arende (meeting_id, position, rubrik, dnr, sammanfattning, "
                    "forslag_till_beslut, beslutsunderlag, expedieras_till) "
                    f"VALUES (1, {i}, 'Ärende {i}', '', '', '', '[]', '[]')"
                )
            )
    engine.dispose()
    store = open_store(path)
    try:
        with store.engine.connect() as conn:
            assert migrate.check(conn).up_to_date
            row = conn.execute(text("SELECT place, under_behandling FROM meeting")).one()
            assert tuple(row) == ("Rådhuset", 0)
            # The table rebuild must not cascade: every ärende of the meeting is kept.
            assert conn.execute(text("SELECT count(*) FROM arende")).scalar() == 3
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        store.close()
    (backup,) = list_backups(path, path.parent / "säkerhetskopior")
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_the_start_up_shortcut_agrees_with_alembic_on_the_newest_revision() -> None:
    """Start-up reads the head from the file names to avoid importing Alembic; a new
    migration must keep the numbered naming (0004_…) for that to stay true."""
    assert migrate.newest_file_revision() == migrate.head_revision()


def test_a_postgresql_url_uses_the_driver_we_ship() -> None:
    from secretary.store.database import resolve_url

    url, path = resolve_url("postgresql://kansli@db.example/register")
    assert url == "postgresql+psycopg://kansli@db.example/register"
    assert path is None
    assert resolve_url("postgresql+psycopg://x@y/z")[0] == "postgresql+psycopg://x@y/z"


def test_the_migrations_make_exactly_the_tables_the_program_uses(tmp_path: Path) -> None:
    """A column the models have and no migration adds fails on every database made before
    it; Alembic's comparison finds any such difference. The search index (FTS5, made by
    0005 and kept by triggers) is outside the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from secretary.store.models import Base

    def modelled(obj: object, name: str | None, type_: str, *_: object) -> bool:
        return not (type_ == "table" and (name or "").startswith("sokindex"))

    store = open_store(tmp_path / "db.sqlite")
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": modelled})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()
