"""The till's copy of the catalogue and of a member's vouchers, kept for the channel it was read
for: the server lists both for a channel (2 at the counter, 3 on the kiosk), and a kiosk may
share the counter's data folder, so offline the counter offered what the kiosk had read for the
kiosk, and the other way round.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

#: The tables whose rows name a cached member, deleted with it (``ON DELETE CASCADE``).
_CHILDREN = ("cached_member_keys", "cached_vouchers")


_COLUMNS = (
    "store, id, code, name, stamps_to_redeem, type, image_url, fetched_at, code_is_number, "
    "listing_cut"
)


def _rewards_table(name: str, *, by_channel: bool) -> None:
    """``cached_rewards`` as 0016 has it, or keyed by channel too (SQLite changes a primary key
    only by building the table again)."""
    op.create_table(
        name,
        sa.Column("store", sa.Integer(), primary_key=True),
        *([sa.Column("channel", sa.Integer(), primary_key=True)] if by_channel else []),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String()),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("stamps_to_redeem", sa.Integer()),
        sa.Column("type", sa.Integer()),
        sa.Column("image_url", sa.String()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("code_is_number", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("listing_cut", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def upgrade() -> None:
    """``cached_rewards`` keyed by store, channel and reward; ``cached_members.vouchers_channel``.

    No copy before it recorded its channel, and until the till asked for its own (a day before
    this revision) it asked for none: the server then listed every channel's, a voucher for the
    mobile app alone included. Such a copy is kept, with no channel (0 for the catalogue, NULL
    for a member's vouchers), and offered on none: the next live read replaces it."""
    _rewards_table("kept_rewards", by_channel=True)
    op.execute(
        f"INSERT INTO kept_rewards (channel, {_COLUMNS}) "  # noqa: S608
        # in the order written, which is the server's (the window lays the tiles out by it)
        f"SELECT 0, {_COLUMNS} FROM cached_rewards ORDER BY rowid"
    )
    op.drop_table("cached_rewards")
    op.rename_table("kept_rewards", "cached_rewards")
    op.add_column("cached_members", sa.Column("vouchers_channel", sa.Integer()))


def downgrade() -> None:
    """Back to 0016: one catalogue a store (the counter's, channel 2, where there is one, else
    the lowest channel's), and each member's vouchers as last read, whichever channel."""
    _rewards_table("kept_rewards", by_channel=False)
    op.execute(
        f"INSERT INTO kept_rewards ({_COLUMNS}) SELECT {_COLUMNS} FROM cached_rewards "  # noqa: S608
        "WHERE channel = (SELECT r.channel FROM cached_rewards r "
        "WHERE r.store = cached_rewards.store ORDER BY r.channel <> 2, r.channel LIMIT 1) "
        "ORDER BY rowid"
    )
    op.drop_table("cached_rewards")
    op.rename_table("kept_rewards", "cached_rewards")
    # SQLite drops a column by building the table again, and dropping the old one deletes what
    # names its rows (the foreign keys are on in the migration's transaction): the members'
    # keys and vouchers are kept aside and put back, as 0012 does.
    for table in _CHILDREN:
        op.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")  # noqa: S608
    with op.batch_alter_table("cached_members") as batch:
        batch.drop_column("vouchers_channel")
    for table in _CHILDREN:
        op.execute(f"INSERT INTO {table} SELECT * FROM kept_{table}")  # noqa: S608
        op.execute(f"DROP TABLE kept_{table}")
