"""Why a redemption was accepted before the server's answer: offline, or turned away by a 429 or
a 408 with the server there all along. Guessed from its attempts, a till offline when it accepted
whose first attempts once the line came back were all 408s read "accepted to send again", and
one accepted after a 408 read "accepted offline" on every screen but the Confirmed panel.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``outbox_entries.accepted_as``. An entry accepted before it keeps NULL: nothing
    recorded why, and its screens keep the words they said until now."""
    op.add_column("outbox_entries", sa.Column("accepted_as", sa.String(), nullable=True))


def downgrade() -> None:
    """Back to 0012."""
    with op.batch_alter_table("outbox_entries") as batch:
        batch.drop_column("accepted_as")
