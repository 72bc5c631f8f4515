"""yrkande ids are never handed out again (SQLite AUTOINCREMENT)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 16:00:00

Without AUTOINCREMENT SQLite gives a new row the highest id + 1, so a removed yrkande's id
could go to the next yrkande. The chair's propositionsordning names yrkanden by id, and an
undo gives a removed yrkande back under its own id: a reused id put the new yrkande in the
old one's place in the order. PostgreSQL's sequences never reuse an id; nothing to do there.

The table is rebuilt (batch mode: copy, drop, rename). The search triggers of 0005 are
dropped first, since those on `arende` and `paragraf_beslut` read `yrkande` and SQLite
refuses the rename while they point at a table that is gone, and then made again from
0005's own definitions.
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SOKINDEX = importlib.import_module("secretary.store.migrations.versions.0005_sokindex")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _SOKINDEX.SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table(
        "yrkande", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass
    for sql in _SOKINDEX.SQLITE_TRIGGERS.values():
        op.execute(sql)


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
