"""Managers and cashiers (names, PIN hashes, lockout), and the indexes manager mode reads by.

History is read by date range (``created_at``) and a redemption made here is found by the server's
id when a manager cancels it by that id (``server_redemption_id``); the audit log is filtered by
who and by action.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the staff table and the indexes."""
    op.create_table(
        "staff_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("pin_hash", sa.String(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("role", "name_key"),
    )
    op.create_index("ix_outbox_entries_created_at", "outbox_entries", ["created_at"])
    op.create_index(
        "ix_outbox_entries_server_redemption_id", "outbox_entries", ["server_redemption_id"]
    )
    op.create_index("ix_audit_log_who", "audit_log", ["who"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])


def downgrade() -> None:
    """Back to 0007."""
    op.drop_index("ix_audit_log_action", table_name="audit_log")
    op.drop_index("ix_audit_log_who", table_name="audit_log")
    op.drop_index("ix_outbox_entries_server_redemption_id", table_name="outbox_entries")
    op.drop_index("ix_outbox_entries_created_at", table_name="outbox_entries")
    op.drop_table("staff_accounts")
