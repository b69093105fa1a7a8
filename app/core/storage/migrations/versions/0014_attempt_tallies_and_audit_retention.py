"""A bound on what a till keeps for years: an entry's attempts past its first and last few, and
proven never to have arrived, are folded into a count by outcome (``outbox_attempt_tallies``);
and the audit log's lines may be deleted once they are older than the retention, never one less
than 90 days old (the trigger that refused every delete now refuses those); the refusals and the
members' balances are indexed by the entry they name, which forgetting an entry asks.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The times are naive UTC text ('YYYY-MM-DD HH:MM:SS.ffffff'), as SQLite's datetime() writes
# them but for the fraction: compared as text, a line of this second counts as younger.
_KEEP_YOUNG_LINES = (
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "WHEN OLD.at > datetime('now', '-90 days') "
    "BEGIN SELECT RAISE(ABORT, 'the audit log keeps its last 90 days'); END"
)
_KEEP_EVERY_LINE = (
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
)


def upgrade() -> None:
    """Add the tallies (empty: the upkeep folds an entry's attempts later, in small batches) and
    let the audit log's lines older than 90 days be deleted."""
    op.create_table(
        "outbox_attempt_tallies",
        sa.Column("entry_id", sa.String(), sa.ForeignKey("outbox_entries.id"), primary_key=True),
        sa.Column("outcome", sa.String(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_started_at", sa.DateTime(), nullable=False),
        sa.Column("last_ended_at", sa.DateTime(), nullable=False),
    )
    op.execute("DROP TRIGGER audit_log_no_delete")
    op.execute(_KEEP_YOUNG_LINES)
    # forgetting an entry asks whether a refusal or a balance names it: a scan of each
    # table for every entry, without these
    op.create_index("ix_refusals_entry_id", "refusals", ["entry_id"])
    op.create_index("ix_member_balances_entry_id", "member_balances", ["entry_id"])


def downgrade() -> None:
    """Back to 0013: every line kept again; the folded attempts stay counted in their entry's
    ``attempts`` only."""
    op.drop_index("ix_member_balances_entry_id", "member_balances")
    op.drop_index("ix_refusals_entry_id", "refusals")
    op.execute("DROP TRIGGER audit_log_no_delete")
    op.execute(_KEEP_EVERY_LINE)
    op.drop_table("outbox_attempt_tallies")
