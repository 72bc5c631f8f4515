"""maskeringstermer: the terms the secretary marked for masking in the public version

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: no table rebuild, so the search triggers of 0005
    # (on arende, paragraf_beslut and yrkande) are not touched.
    op.add_column(
        "meeting",
        sa.Column("maskeringstermer", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("maskeringstermer")
