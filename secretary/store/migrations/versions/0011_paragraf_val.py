"""paragraf_val: a § of kind val (posts, nominations, way of electing, counts, lottning,
entlediganden) and when the register followed it at justering

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "paragraf_val",
        sa.Column(
            "arende_id",
            sa.Integer(),
            sa.ForeignKey("arende.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("registrerat", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("paragraf_val")
