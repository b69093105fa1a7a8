"""A cached member's stamps may be unknown: the docs show a membership's ``stamps`` only by example,
and a member the server answered without it was cached with 0, a balance it never gave.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


#: The tables whose rows name a cached member, deleted with it (``ON DELETE CASCADE``).
_CHILDREN = ("cached_member_keys", "cached_vouchers")


def upgrade() -> None:
    """Let ``cached_members.stamps`` be NULL (not given). The rows already there keep what they
    hold: a 0 written for a missing balance cannot be told from a real 0, and the member's next
    lookup writes what the server says."""
    _rebuild_members(nullable=True)


def _rebuild_members(*, nullable: bool) -> None:
    # SQLite changes a column by building the table again, and dropping the old one deletes
    # what names its rows (the foreign keys are on, and cannot be turned off in the migration's
    # transaction): the members' keys and vouchers are kept aside and put back.
    for table in _CHILDREN:
        op.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")  # noqa: S608
    with op.batch_alter_table("cached_members") as batch:
        batch.alter_column("stamps", existing_type=sa.Integer(), nullable=nullable)
    for table in _CHILDREN:
        op.execute(f"INSERT INTO {table} SELECT * FROM kept_{table}")  # noqa: S608
        op.execute(f"DROP TABLE kept_{table}")


def downgrade() -> None:
    """Back to 0011: a member whose stamps are unknown is forgotten (the next lookup caches
    them again), as 0011 cannot hold "unknown" and 0 would be a balance never given."""
    op.execute("DELETE FROM cached_members WHERE stamps IS NULL")  # their keys and vouchers too
    _rebuild_members(nullable=False)
