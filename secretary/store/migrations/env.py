"""Alembic environment: runs on the connection handed in by secretary.store.migrate."""

from alembic import context

from secretary.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the application drives migrations
    raise RuntimeError("Migrations run through secretary.store.migrate.upgrade().")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
