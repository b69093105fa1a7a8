"""Indexes for the claim: a lane's entries by status and seq, and each status by seq.

The claim looks for the lowest ``seq`` among queued entries (``status, seq``) and, for each
candidate, whether anything of its lane is sending or queued earlier (``lane, status, seq``).
With only single-column indexes on ``lane`` and ``status`` SQLite searched every queued row for
each candidate and sorted with a temporary B-tree. The two composite indexes replace the
single-column ones, which they cover as left-most prefixes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the composite indexes, then drop the single-column ones they cover."""
    op.create_index(
        "ix_outbox_entries_lane_status_seq", "outbox_entries", ["lane", "status", "seq"]
    )
    op.create_index("ix_outbox_entries_status_seq", "outbox_entries", ["status", "seq"])
    op.drop_index("ix_outbox_entries_lane", table_name="outbox_entries")
    op.drop_index("ix_outbox_entries_status", table_name="outbox_entries")


def downgrade() -> None:
    """Back to 0002's indexes."""
    op.create_index("ix_outbox_entries_status", "outbox_entries", ["status"])
    op.create_index("ix_outbox_entries_lane", "outbox_entries", ["lane"])
    op.drop_index("ix_outbox_entries_status_seq", table_name="outbox_entries")
    op.drop_index("ix_outbox_entries_lane_status_seq", table_name="outbox_entries")
