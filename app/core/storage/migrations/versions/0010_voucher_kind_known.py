"""Whether a cached voucher's kind was confirmed: the listing may not say whether a voucher is a
balance ("dynamic") one, and one whose validation failed was kept as a balance voucher with
nothing to tell it from one the server said is. Offline, nothing is deducted from a voucher of
unconfirmed kind; online, a confirmed kind is not asked again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``cached_vouchers.kind_known``. No row before it recorded who said its kind, so none
    is taken as confirmed: the member's next live read of vouchers confirms them again."""
    op.add_column(
        "cached_vouchers",
        sa.Column("kind_known", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Back to 0009."""
    with op.batch_alter_table("cached_vouchers") as batch:
        batch.drop_column("kind_known")
