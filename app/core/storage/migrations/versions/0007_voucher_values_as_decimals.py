"""Cached voucher values as decimal text: the voucher docs call a value a float, and an integer
column dropped its fraction (Rp 250.000,50 passed the Rp 250.000 offline cap).

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """``cached_vouchers.value`` becomes text (a decimal); whole values carry over as they were.
    The table is rebuilt from what is there, so 0005's ``balance`` column goes along."""
    with op.batch_alter_table("cached_vouchers") as batch:
        batch.alter_column("value", type_=sa.String(), existing_type=sa.Integer())


def downgrade() -> None:
    """Back to whole rupiah (the fraction is lost, as it was before)."""
    with op.batch_alter_table("cached_vouchers") as batch:
        batch.alter_column("value", type_=sa.Integer(), existing_type=sa.String())
