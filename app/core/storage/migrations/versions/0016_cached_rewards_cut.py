"""Whether the store's catalogue, as the till last read it, was cut at the most the till reads
(the server offered more rewards than that): offline, the copy showed its first 1000 rewards
with nothing said of the rest, where the live offer says "Only the first 1000 rewards".

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``cached_rewards.listing_cut``. No copy before it recorded whether it was cut: each
    reads as not cut, as the till read them until now (the next live read says it)."""
    op.add_column(
        "cached_rewards",
        sa.Column("listing_cut", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Back to 0015."""
    with op.batch_alter_table("cached_rewards") as batch:
        batch.drop_column("listing_cut")
