"""The shift's record: shifts, the refusals a cashier was shown, and what each entry was for;
and what the offline cache needs to know a balance voucher and a voucher list never read.

- ``shifts``: a cashier's shift on a terminal, so the shift and its summary survive a restart.
- ``refusals``: redemptions the till did not make, with who, for whom, what and why (a message).
- ``outbox_entries``: the shift, the member's name, the cashier's words for it and its rupiah,
  and the offline policy's reason when the till voided it itself.
- ``cached_vouchers.balance`` and ``cached_members.vouchers_fetched_at``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ENTRY_COLUMNS: tuple[tuple[str, type[sa.types.TypeEngine[Any]]], ...] = (
    ("shift_id", sa.Integer),
    ("member_name", sa.String),
    ("description", sa.String),
    ("rupiah", sa.String),  # decimal text: a voucher's value may have a fraction
    ("policy_refusal", sa.JSON),
)


def upgrade() -> None:
    """Create the shift tables and add the new columns."""
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cashier", sa.String(), nullable=False),
        sa.Column("terminal", sa.String(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_shifts_terminal_closed_at", "shifts", ["terminal", "closed_at"])
    op.create_table(
        "refusals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("cashier", sa.String(), nullable=False),
        sa.Column("terminal", sa.String(), nullable=False),
        sa.Column("lane", sa.String(), nullable=True),
        sa.Column("member_name", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("stamps", sa.Integer(), nullable=True),
        sa.Column("rupiah", sa.String(), nullable=True),
        sa.Column("invoice", sa.String(), nullable=True),
        sa.Column("reason", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("outbox_entries.id"), nullable=True),
    )
    op.create_index("ix_refusals_at", "refusals", ["at"])
    op.create_index("ix_refusals_shift_id", "refusals", ["shift_id"])
    for name, kind in ENTRY_COLUMNS:
        op.add_column("outbox_entries", sa.Column(name, kind(), nullable=True))
    op.create_index("ix_outbox_entries_shift_id", "outbox_entries", ["shift_id"])
    op.add_column(
        "cached_vouchers",
        sa.Column("balance", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("cached_members", sa.Column("vouchers_fetched_at", sa.DateTime()))


def downgrade() -> None:
    """Back to 0004."""
    with op.batch_alter_table("cached_members") as batch:
        batch.drop_column("vouchers_fetched_at")
    with op.batch_alter_table("cached_vouchers") as batch:
        batch.drop_column("balance")
    op.drop_index("ix_outbox_entries_shift_id", table_name="outbox_entries")
    with op.batch_alter_table("outbox_entries") as batch:
        for name, _ in reversed(ENTRY_COLUMNS):
            batch.drop_column(name)
    op.drop_table("refusals")
    op.drop_table("shifts")
