"""Whether a cached reward's code was written by the server as a number (the cart's example,
``"code": 1``): a cart built from the till's copy names the reward back in that form, as one built
online does. Kept as text alone, the code went back as ``"1"``, which a server that compares
codes as it wrote them refuses.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``cached_rewards.code_is_number``. The rewards cached before it read as text, as the
    till read them until now; the catalogue's next read online writes the form it is given."""
    op.add_column(
        "cached_rewards",
        sa.Column("code_is_number", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Back to 0014: the codes stay, as text."""
    with op.batch_alter_table("cached_rewards") as batch:
        batch.drop_column("code_is_number")
