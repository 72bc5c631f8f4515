"""Alembic environment: runs on the connection handed in by secretary.store.migrate."""

from alembic import context

from secretary.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the application drives migrations
    raise RuntimeError("Migrations run through secretary.store.migrate.upgrade().")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Autogenerate leaves the search index alone: migration 0005 makes it by hand (FTS5 on
    SQLite with its shadow tables, a tsvector table on PostgreSQL), not from the models."""
    return not (type_ == "table" and name is not None and name.startswith("sokindex"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
