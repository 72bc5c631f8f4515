"""Alembic, driven from code: schema status at start-up and upgrade to head.

Alembic takes about 0.15 s to import, so start-up first compares the database's revision
with the newest migration file by name (revisions are numbered 0001, 0002, …; a test checks
this agrees with Alembic) and imports Alembic only when there is something to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError

from secretary.store.errors import NewerDatabaseError, NotOurDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def newest_file_revision() -> str:
    """The revision of the newest migration file, read from its name ('0003_…' -> '0003')."""
    return max(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _stored_revision(conn: Connection) -> str | None:
    try:
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError:
        conn.rollback()
        return None
    return str(value) if value is not None else None


def check(conn: Connection) -> SchemaStatus:
    """Where the database stands; refuses one made by a newer version, or by someone else."""
    fast_head = newest_file_revision()
    current = _stored_revision(conn)
    if current is not None and current == fast_head:
        return SchemaStatus(current, fast_head)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    if current is None:
        tables = set(inspect(conn).get_table_names())
        if tables:
            raise NotOurDatabaseError(
                "Filen innehåller en databas som inte kommer från Secretary. "
                "Välj en annan fil; den här lämnas orörd."
            )
        return SchemaStatus(None, head)
    try:
        script.get_revision(current)
    except Exception:
        raise NewerDatabaseError(
            "Databasen har skapats av en nyare version av Secretary "
            f"(schemaversion {current}). Uppdatera programmet; databasen lämnas orörd."
        ) from None
    return SchemaStatus(current, head)


def upgrade(conn: Connection) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
