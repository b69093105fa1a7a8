"""Whether a queued reward is a voucher (reward type 4): the server adds it to the member's
vouchers, so nothing goes over the counter for it. Accepted offline, its receipt said "Hand over
the reward" before any answer could name the voucher.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``outbox_entries.issues_voucher``. No entry before it recorded its reward's type:
    each is taken as no voucher, as the till read them until now (an answer that names a
    voucher still says so)."""
    op.add_column(
        "outbox_entries",
        sa.Column("issues_voucher", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Back to 0010."""
    with op.batch_alter_table("outbox_entries") as batch:
        batch.drop_column("issues_voucher")
