"""Room for a write test: after the disk refused a write (full, read-only), the till writes a row
of this table and removes it again to learn whether it can save once more.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table (it is empty between checks)."""
    op.create_table(
        "storage_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("filler", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    """Back to 0008."""
    op.drop_table("storage_checks")
