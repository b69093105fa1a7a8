"""The offline cache: members, their lookup keys, their vouchers, and the reward catalogue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the cache tables and their indexes."""
    op.create_table(
        "cached_members",
        sa.Column("server_id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("email", sa.String()),
        sa.Column("phone", sa.String()),
        sa.Column("member_ids", sa.JSON(), nullable=False),
        sa.Column("card_number", sa.String()),
        sa.Column("level", sa.String()),
        sa.Column("stamps", sa.Integer(), nullable=False),
        sa.Column("balance", sa.Float()),
        sa.Column("is_blocked", sa.Boolean(), nullable=False),
        sa.Column("redemption_allowed", sa.Boolean(), nullable=False),
        sa.Column("protected_redemption", sa.Boolean(), nullable=False),
        sa.Column("pin_is_blocked", sa.Boolean(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_cached_members_name_key", "cached_members", ["name_key"])
    op.create_index("ix_cached_members_seen_at", "cached_members", ["seen_at"])
    op.create_table(
        "cached_member_keys",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column(
            "server_id",
            sa.String(),
            sa.ForeignKey("cached_members.server_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_cached_member_keys_server_id", "cached_member_keys", ["server_id"])
    op.create_table(
        "cached_vouchers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "server_id",
            sa.String(),
            sa.ForeignKey("cached_members.server_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("code", sa.String()),
        sa.Column("name", sa.String()),
        sa.Column("value", sa.Integer()),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.String()),
        sa.Column("end_date", sa.String()),
        sa.Column("template_id", sa.Integer()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_cached_vouchers_server_id", "cached_vouchers", ["server_id"])
    op.create_table(
        "cached_rewards",
        sa.Column("store", sa.Integer(), primary_key=True),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String()),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("stamps_to_redeem", sa.Integer()),
        sa.Column("type", sa.Integer()),
        sa.Column("image_url", sa.String()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    """Drop the cache (it is only a cache: the server has everything in it)."""
    for table in ("cached_rewards", "cached_vouchers", "cached_member_keys", "cached_members"):
        op.drop_table(table)
