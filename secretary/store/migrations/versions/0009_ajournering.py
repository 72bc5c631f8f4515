"""ajournering: the breaks in a meeting, from–to, for the protocol's front page

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ajournering",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("fran", sa.Time(), nullable=False),
        sa.Column("till", sa.Time(), nullable=True),
    )
    op.create_index("ix_ajournering_meeting_id", "ajournering", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_ajournering_meeting_id", table_name="ajournering")
    op.drop_table("ajournering")
