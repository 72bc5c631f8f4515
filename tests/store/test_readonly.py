"""A store opened to read only (store.readonly): beside the window's writer, without its lock,
without migrating, and refusing every change with a Swedish message."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from secretary.store import migrate
from secretary.store.database import open_store
from secretary.store.errors import DatabaseInUseError, ReadOnlyError, StoreError
from secretary.store.models import Organ
from secretary.store.readonly import open_readonly


def _organ(name: str) -> Organ:
    return Organ(name=name, short_name=name, kind="KS")


def test_it_reads_while_the_window_holds_the_lock(db_path: Path) -> None:
    writer = open_store(db_path)
    try:
        with writer.session() as s:
            s.add(_organ("Kommunstyrelsen"))
        reader = open_readonly(db_path)
        try:
            with reader.read() as s:
                assert s.scalars(select(Organ.name)).all() == ["Kommunstyrelsen"]
            with writer.session() as s:  # the writer goes on writing; the reader sees it
                s.add(_organ("Bygg- och miljönämnden"))
            with reader.read() as s:
                assert len(s.scalars(select(Organ.name)).all()) == 2
        finally:
            reader.close()
        with pytest.raises(DatabaseInUseError):  # closing the reader left the writer's lock
            open_store(db_path)
        with writer.session() as s:
            s.add(_organ("Valnämnden"))
    finally:
        writer.close()


def test_a_change_is_refused_in_swedish(db_path: Path) -> None:
    reader = open_readonly(db_path)
    try:
        with (
            pytest.raises(ReadOnlyError, match="öppnad bara för läsning"),
            reader.session() as s,
        ):
            s.add(_organ("Kommunstyrelsen"))
        with pytest.raises(ReadOnlyError, match="öppnad bara för läsning"):
            reader.in_snapshot(lambda s: None)
        assert reader.backup("test") is None
        # Below the unit of work too: SQLite itself has the file open read-only.
        with (
            pytest.raises(sqlalchemy.exc.OperationalError, match="readonly database"),
            reader.engine.begin() as conn,
        ):
            conn.execute(text("INSERT INTO organ (name, short_name, kind) VALUES ('x', 'x', 'KS')"))
    finally:
        reader.close()
    with open_store(db_path).read() as s:
        assert s.scalars(select(Organ)).all() == []


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "finns-inte.sqlite"
    with pytest.raises(StoreError, match="finns inte"):
        open_readonly(path)
    assert list(tmp_path.iterdir()) == []


def test_an_older_schema_is_not_migrated(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "gammal.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with pytest.raises(StoreError, match="behöver uppgraderas"):
        open_readonly(path)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    engine.dispose()
