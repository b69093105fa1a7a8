"""The first schema: outbox entries, attempts, audit log, member balances, queue control row.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables, their indexes, and the triggers that keep the audit log append-only."""
    op.create_table(
        "outbox_entries",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("lane", sa.String(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("lease_owner", sa.String(), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("last_outcome", sa.String(), nullable=True),
        sa.Column("depends_on", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=True),
        sa.Column("cancels", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=True),
        sa.Column("server_redemption_id", sa.Integer(), nullable=True),
        sa.Column("first_sent_at", sa.DateTime(), nullable=True),
        sa.Column("reconciled", sa.Boolean(), nullable=False),
        sa.Column("reconciled_with", sa.String(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=True),
        sa.Column("next_check_at", sa.DateTime(), nullable=True),
        sa.Column("expect_store", sa.Integer(), nullable=True),
        sa.Column("expect_name", sa.String(), nullable=True),
        sa.Column("expect_stamps", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("cashier", sa.String(), nullable=False),
        sa.Column("terminal", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_outbox_entries_seq", "outbox_entries", ["seq"], unique=True)
    op.create_index("ix_outbox_entries_lane", "outbox_entries", ["lane"])
    op.create_index("ix_outbox_entries_status", "outbox_entries", ["status"])
    op.create_index("ix_outbox_entries_depends_on", "outbox_entries", ["depends_on"])
    op.create_index("ix_outbox_entries_cancels", "outbox_entries", ["cancels"])

    op.create_table(
        "outbox_attempts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(), nullable=True),
        sa.UniqueConstraint("entry_id", "number"),
    )
    op.create_index("ix_outbox_attempts_entry_id", "outbox_attempts", ["entry_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("terminal", sa.String(), nullable=False),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_entry_id", "audit_log", ["entry_id"])
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )

    op.create_table(
        "member_balances",
        sa.Column("lane", sa.String(), primary_key=True),
        sa.Column("stamps", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=True),
    )

    op.create_table(
        "outbox_control",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("paused_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
    )
    op.execute("INSERT INTO outbox_control (id, paused) VALUES (1, 0)")


def downgrade() -> None:
    """Drop everything (only ever used by tests of the migration itself)."""
    for table in ("outbox_control", "member_balances", "audit_log", "outbox_attempts"):
        op.drop_table(table)
    op.drop_table("outbox_entries")
