"""Alembic, driven from code: schema status at start-up and upgrade to head."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from secretary.store.errors import NewerDatabaseError, NotOurDatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def check(conn: Connection) -> SchemaStatus:
    """Where the database stands; refuses one made by a newer version, or by someone else."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    current = MigrationContext.configure(conn).get_current_revision()
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
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
