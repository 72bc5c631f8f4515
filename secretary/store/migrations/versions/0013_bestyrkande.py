"""bestyrkande: the bestyrkta utdrag and anslagsbevis of a justerat meeting, each fixed when
issued for signing (PDF and digest, what it covers) with its one signatory's state and
evidence, as the protocol's underskrift

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-09 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bestyrkande",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("nummer", sa.Integer(), nullable=False),
        sa.Column("slag", sa.String(20), nullable=False),
        sa.Column("paragrafer", sa.JSON(), nullable=False),
        sa.Column("mottagare", sa.String(300), nullable=False),
        sa.Column("intygas", sa.Date(), nullable=True),
        sa.Column("anslag_uppsatt", sa.Date(), nullable=True),
        sa.Column("anslag_nedtagen", sa.Date(), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("signerad_pdf", sa.LargeBinary(), nullable=True),
        sa.Column("signerad_sha256", sa.String(64), nullable=True),
        sa.Column("roll", sa.String(40), nullable=False),
        sa.Column("namn", sa.String(200), nullable=False),
        sa.Column("falt", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("datum", sa.Date(), nullable=True),
        sa.Column("satt", sa.String(20), nullable=False),
        sa.Column("signerare", sa.String(300), nullable=False),
        sa.Column("registrerad", sa.DateTime(), nullable=True),
        sa.Column("granskning", sa.JSON(), nullable=False),
        sa.UniqueConstraint("meeting_id", "nummer", name="uq_bestyrkande_meeting_id"),
    )
    op.create_index("ix_bestyrkande_meeting_id", "bestyrkande", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_bestyrkande_meeting_id", table_name="bestyrkande")
    op.drop_table("bestyrkande")
