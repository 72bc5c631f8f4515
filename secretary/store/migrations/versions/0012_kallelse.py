"""kallelse: before the meeting: handläggare and delegationsbeslut on the ärende, the
organ's kallelse deadline, the kungörelse's posting day, and every kallelse sent

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs on both backends: no table rebuild, so the search triggers of 0005
    # on arende are not touched.
    op.add_column(
        "arende",
        sa.Column("handlaggare", sa.String(200), server_default="", nullable=False),
    )
    op.add_column(
        "arende",
        sa.Column("delegationsbeslut", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
    )
    op.add_column("organ", sa.Column("kallelse_dagar", sa.Integer(), nullable=True))
    op.add_column("meeting", sa.Column("kungorelse_uppsatt", sa.Date(), nullable=True))
    op.create_table(
        "kallelse",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("nummer", sa.Integer(), nullable=False),
        sa.Column("skickad", sa.DateTime(), nullable=False),
        sa.Column("innehall", sa.JSON(), nullable=False),
        sa.Column("andringar", sa.JSON(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("meeting_id", "nummer", name="uq_kallelse_meeting_id"),
    )
    op.create_index("ix_kallelse_meeting_id", "kallelse", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_kallelse_meeting_id", table_name="kallelse")
    op.drop_table("kallelse")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("kungorelse_uppsatt")
    with op.batch_alter_table("organ", schema=None) as batch_op:
        batch_op.drop_column("kallelse_dagar")
    with op.batch_alter_table("arende", schema=None) as batch_op:
        batch_op.drop_column("delegationsbeslut")
        batch_op.drop_column("handlaggare")
