"""underskrift: each signatory of a justerat version and their signature's state and
evidence; the signed PDF kept with the version

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("protokollversion") as batch:
        batch.add_column(sa.Column("signerad_pdf", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("signerad_sha256", sa.String(64), nullable=True))
    op.create_table(
        "underskrift",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "version_id",
            sa.Integer(),
            sa.ForeignKey("protokollversion.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("roll", sa.String(40), nullable=False),
        sa.Column("namn", sa.String(200), nullable=False),
        sa.Column("falt", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("datum", sa.Date(), nullable=True),
        sa.Column("satt", sa.String(20), nullable=False),
        sa.Column("signerare", sa.String(300), nullable=False),
        sa.Column("registrerad", sa.DateTime(), nullable=True),
        sa.Column("granskning", sa.JSON(), nullable=False),
        sa.UniqueConstraint("version_id", "falt"),
    )
    op.create_index("ix_underskrift_meeting_id", "underskrift", ["meeting_id"])
    op.create_index("ix_underskrift_version_id", "underskrift", ["version_id"])


def downgrade() -> None:
    op.drop_index("ix_underskrift_version_id", table_name="underskrift")
    op.drop_index("ix_underskrift_meeting_id", table_name="underskrift")
    op.drop_table("underskrift")
    with op.batch_alter_table("protokollversion") as batch:
        batch.drop_column("signerad_sha256")
        batch.drop_column("signerad_pdf")
