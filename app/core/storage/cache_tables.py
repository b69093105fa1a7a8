"""The offline cache's tables: members and the keys they are found by, their vouchers, and the
store's reward catalogue, each with the time it was fetched (architecture §4).

Written with SQLAlchemy Core rather than ORM objects: the cache is read on every keystroke and
may hold a million members, so its queries are kept to one indexed statement each.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.core.storage.tables import DecimalText, UTCDateTime

metadata = sa.MetaData()


MEMBERS = sa.Table(
    "cached_members",
    metadata,
    sa.Column("server_id", sa.String(), primary_key=True),
    sa.Column("name", sa.String(), nullable=False),
    sa.Column("name_key", sa.String(), nullable=False, index=True),
    sa.Column("email", sa.String()),
    sa.Column("phone", sa.String()),
    sa.Column("member_ids", sa.JSON(), nullable=False),
    sa.Column("card_number", sa.String()),
    sa.Column("level", sa.String()),
    # NULL: the server did not give the member's stamps (migration 0012), never taken for 0
    sa.Column("stamps", sa.Integer()),
    sa.Column("balance", sa.Float()),
    sa.Column("is_blocked", sa.Boolean(), nullable=False),
    sa.Column("redemption_allowed", sa.Boolean(), nullable=False),
    sa.Column("protected_redemption", sa.Boolean(), nullable=False),
    sa.Column("pin_is_blocked", sa.Boolean(), nullable=False),
    sa.Column("fetched_at", UTCDateTime(), nullable=False),
    sa.Column("seen_at", UTCDateTime(), nullable=False, index=True),
    # When the member's vouchers were last read (migration 0005): an empty list read from the
    # server is a fact; no list at all is not.
    sa.Column("vouchers_fetched_at", UTCDateTime()),
    # The channel that list was read for (migration 0017): the server lists a member's vouchers
    # for a channel, and a kiosk sharing the counter's data folder reads them for its own.
    # NULL: read before the till kept it (maybe for every channel), offered on none.
    sa.Column("vouchers_channel", sa.Integer()),
)

MEMBER_KEYS = sa.Table(
    "cached_member_keys",
    metadata,
    sa.Column("key", sa.String(), primary_key=True),
    sa.Column(
        "server_id",
        sa.String(),
        sa.ForeignKey("cached_members.server_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Index("ix_cached_member_keys_server_id", "server_id"),
    sqlite_with_rowid=False,
)

VOUCHERS = sa.Table(
    "cached_vouchers",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "server_id",
        sa.String(),
        sa.ForeignKey("cached_members.server_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("code", sa.String()),
    sa.Column("name", sa.String()),
    sa.Column("value", DecimalText()),
    sa.Column("is_active", sa.Boolean(), nullable=False),
    sa.Column("start_date", sa.String()),
    sa.Column("end_date", sa.String()),
    sa.Column("template_id", sa.Integer()),
    sa.Column("fetched_at", UTCDateTime(), nullable=False),
    # A balance ("dynamic") voucher: only deducted from (migration 0005).
    sa.Column("balance", sa.Boolean(), nullable=False, server_default=sa.false()),
    # Whether anyone (the listing, the rewards list, a validation) said which kind it is
    # (migration 0010): a voucher of a kind never confirmed is kept as a balance voucher.
    sa.Column("kind_known", sa.Boolean(), nullable=False, server_default=sa.false()),
)

REWARDS = sa.Table(
    "cached_rewards",
    metadata,
    sa.Column("store", sa.Integer(), primary_key=True),
    # The channel the catalogue was read for (migration 0017): a kiosk sharing the counter's
    # data folder reads its own channel's rewards, which the counter must not offer offline.
    # 0: read with no channel (a till configured without one).
    sa.Column("channel", sa.Integer(), primary_key=True),
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("code", sa.String()),
    sa.Column("name", sa.String(), nullable=False),
    sa.Column("stamps_to_redeem", sa.Integer()),
    sa.Column("type", sa.Integer()),
    sa.Column("image_url", sa.String()),
    sa.Column("fetched_at", UTCDateTime(), nullable=False),
    # The server wrote the code as a number (migration 0015): a cart sends it back as one.
    sa.Column("code_is_number", sa.Boolean(), nullable=False, server_default=sa.false()),
    # The server offered more rewards than the till reads: the copy is only the first of them.
    sa.Column("listing_cut", sa.Boolean(), nullable=False, server_default=sa.false()),
)
