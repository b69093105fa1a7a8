"""The till's people: managers and cashiers, their PIN hashes and their lockout state.

Failure counts and lock times live here, not in memory, so restarting the till does not hand a
guesser five fresh tries (docs/manager-mode.md, "People and PINs").
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.core.storage.tables import UTCDateTime


class StaffAccount(SQLModel, table=True):
    """One manager or cashier of this till.

    ``name_key`` is the name case-folded: two accounts of one role cannot differ only in case.
    ``pin_hash`` is ``scrypt$n$r$p$salt$hash`` (a cashier may have none when the store does not
    use cashier PINs; a manager always has one). ``failed_attempts`` counts wrong PINs since the
    last success or lock; ``locked_until`` is set when they reach the limit.
    """

    __tablename__ = "staff_accounts"
    __table_args__ = (sa.UniqueConstraint("role", "name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    role: str
    name: str
    name_key: str
    pin_hash: str | None = None
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = Field(
        default=None, sa_column=sa.Column(UTCDateTime(), nullable=True)
    )
    created_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))


STAFF = SQLModel.metadata.tables[StaffAccount.__tablename__]
