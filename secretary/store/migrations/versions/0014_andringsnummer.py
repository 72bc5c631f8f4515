"""andringsnummer: the change numbers of each meeting and of the register (store.andringar)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "meeting",
        sa.Column("andringsnummer", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    table = op.create_table(
        "andringsnummer",
        sa.Column("namn", sa.String(40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("namn", name=op.f("pk_andringsnummer")),
    )
    op.bulk_insert(table, [{"namn": "register", "n": 0}])


def downgrade() -> None:
    op.drop_table("andringsnummer")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("andringsnummer")
