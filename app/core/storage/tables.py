"""The tables of the till's database (architecture §3).

Times are stored as naive UTC and come back timezone-aware (:class:`UTCDateTime`), so a comparison
in SQL and one in Python agree. Ordering never uses them: ``seq`` does. Money that may have a
fraction (a voucher's value) is decimal text (:class:`DecimalText`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC ``datetime`` stored as naive UTC; a naive value is refused."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        """Aware → naive UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times written to the database must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        """Naive UTC → aware UTC."""
        return None if value is None else value.replace(tzinfo=UTC)


class DecimalText(TypeDecorator[Decimal]):
    """Money kept as the decimal text it was read as: SQLite has no decimal type, and a float
    column would round it."""

    impl = sa.String
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> str | None:
        """The decimal's text."""
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: object, dialect: sa.Dialect) -> Decimal | None:
        """The decimal back (a row written before 0007 holds an integer)."""
        return None if value is None else Decimal(str(value))


def _time(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=sa.Column(UTCDateTime(), nullable=nullable, index=index))


def _json(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=sa.Column(sa.JSON(), nullable=nullable))


class OutboxEntry(SQLModel, table=True):
    """One redemption or cancellation the till has asked the server for.

    ``id`` is the entry's Idempotency-Key on every attempt; ``seq`` orders a lane. The ``expect_*``
    columns describe the line the redemption leaves in the member's activity feed, so an ``unknown``
    entry can be reconciled; ``evidence`` holds what the last reconciliation checked.
    """

    __tablename__ = "outbox_entries"
    __table_args__ = (
        # the claim (migration 0003): a lane's entries by status and seq; each status by seq
        sa.Index("ix_outbox_entries_lane_status_seq", "lane", "status", "seq"),
        sa.Index("ix_outbox_entries_status_seq", "status", "seq"),
        # the sweep before it (migration 0004)
        sa.Index("ix_outbox_entries_status_first_sent_at", "status", "first_sent_at"),
        sa.Index("ix_outbox_entries_status_expires_at", "status", "expires_at"),
        sa.Index("ix_outbox_entries_status_cancels", "status", "cancels"),
        # manager mode: history by date, a cancel by the server's id (migration 0008)
        sa.Index("ix_outbox_entries_created_at", "created_at"),
        sa.Index("ix_outbox_entries_server_redemption_id", "server_redemption_id"),
    )

    id: str = Field(primary_key=True, max_length=36)
    seq: int = Field(unique=True, index=True)
    kind: str
    payload: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False)
    )
    lane: str
    user: str
    status: str
    attempts: int = 0
    next_attempt_at: datetime | None = _time()
    lease_owner: str | None = None
    lease_until: datetime | None = _time()
    last_error: str | None = None
    last_outcome: str | None = None
    depends_on: str | None = Field(default=None, foreign_key="outbox_entries.id", index=True)
    cancels: str | None = Field(default=None, foreign_key="outbox_entries.id", index=True)
    expires_at: datetime | None = _time()
    provisional: bool = False
    response: dict[str, Any] | None = _json()
    server_redemption_id: int | None = None
    first_sent_at: datetime | None = _time()
    reconciled: bool = False
    reconciled_with: str | None = None
    evidence: dict[str, Any] | None = _json()
    next_check_at: datetime | None = _time()
    expect_store: int | None = None
    expect_name: str | None = None
    expect_stamps: int | None = None
    note: str | None = None
    cashier: str
    terminal: str
    created_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    # The shift's record of it (migration 0005): whose shift, for whom, in the cashier's words,
    # and its worth in rupiah when it spends a voucher's value.
    shift_id: int | None = Field(default=None, index=True)
    member_name: str | None = None
    description: str | None = None
    rupiah: Decimal | None = Field(default=None, sa_column=sa.Column(DecimalText()))
    # Why the till voided it itself: the offline policy's reason, as a message (id and params).
    policy_refusal: dict[str, Any] | None = _json()
    # A reward that is a voucher (migration 0011): accepted offline, nothing is handed over.
    issues_voucher: bool = Field(
        default=False,
        sa_column=sa.Column(sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    # Why it was accepted before the server's answer (migration 0013, ``AcceptedAs``): offline,
    # or turned away by a 429 or a 408. NULL when it was not, or before the till recorded it.
    accepted_as: str | None = None


class Attempt(SQLModel, table=True):
    """One try at sending an entry: written ``ambiguous`` when claimed, downgraded only on proof."""

    __tablename__ = "outbox_attempts"
    __table_args__ = (sa.UniqueConstraint("entry_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    entry_id: str = Field(foreign_key="outbox_entries.id", index=True)
    number: int
    lease_owner: str
    started_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    ended_at: datetime | None = _time()
    outcome: str
    status_code: int | None = None
    error: str | None = None


class AttemptTally(SQLModel, table=True):
    """The attempts of an entry folded away (migration 0014), by outcome: how many, the first's
    start and the last's end. Only attempts proved never to have arrived are folded, and only
    past an entry's first and last few (:mod:`app.core.outbox.retention`)."""

    __tablename__ = "outbox_attempt_tallies"

    entry_id: str = Field(foreign_key="outbox_entries.id", primary_key=True)
    outcome: str = Field(primary_key=True)
    count: int
    first_started_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    last_ended_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))


class AuditEvent(SQLModel, table=True):
    """An append-only record of who did what, when, on which terminal: triggers refuse every
    change, and every delete of a line less than :data:`AUDIT_KEPT_DAYS` old (migration 0014)."""

    __tablename__ = "audit_log"
    # the audit view filters by who and by action (migration 0008)
    __table_args__ = (
        sa.Index("ix_audit_log_who", "who"),
        sa.Index("ix_audit_log_action", "action"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False, index=True))
    who: str
    action: str
    terminal: str
    entry_id: str | None = Field(default=None, foreign_key="outbox_entries.id", index=True)
    detail: dict[str, Any] | None = _json()


class MemberBalance(SQLModel, table=True):
    """A member's stamps as the server last reported them, written with the entry that said so."""

    __tablename__ = "member_balances"
    # an entry forgotten is looked up here by the foreign key's check (migration 0014)
    __table_args__ = (sa.Index("ix_member_balances_entry_id", "entry_id"),)

    lane: str = Field(primary_key=True)
    stamps: int
    updated_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    entry_id: str | None = Field(default=None, foreign_key="outbox_entries.id")


class OutboxControl(SQLModel, table=True):
    """The queue's single control row: paused (bad credentials) and since when."""

    __tablename__ = "outbox_control"

    id: int = Field(default=1, primary_key=True)
    paused: bool = False
    paused_at: datetime | None = _time()
    reason: str | None = None


class Shift(SQLModel, table=True):
    """A cashier's shift on one terminal, from sign-in until it is closed (migration 0005)."""

    __tablename__ = "shifts"
    __table_args__ = (sa.Index("ix_shifts_terminal_closed_at", "terminal", "closed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    cashier: str
    terminal: str
    opened_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    closed_at: datetime | None = _time()


class Refusal(SQLModel, table=True):
    """A redemption the till did not make, and why: refused before anything was queued, or
    voided by the offline policy after every attempt at it never arrived (migration 0005).

    ``reason`` is the message the cashier was shown (``{"id", "params"}``); ``source`` says who
    refused: ``till`` (a rule that holds online too, an order check, the server's word on a
    validation before anything was queued), or ``offline_policy`` (the offline rules: voided after
    it could not be sent, ``entry_id`` set, or refused before it was queued), counted as not
    redeemed.
    """

    __tablename__ = "refusals"
    # the retention asks, for each entry it would forget, whether a refusal names it
    # (migration 0014)
    __table_args__ = (sa.Index("ix_refusals_entry_id", "entry_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False, index=True))
    shift_id: int | None = Field(default=None, index=True)
    cashier: str
    terminal: str
    lane: str | None = None
    member_name: str | None = None
    kind: str
    description: str
    stamps: int | None = None
    rupiah: Decimal | None = Field(default=None, sa_column=sa.Column(DecimalText()))
    invoice: str | None = None
    reason: dict[str, Any] = Field(sa_column=sa.Column(sa.JSON(), nullable=False))
    source: str
    entry_id: str | None = Field(default=None, foreign_key="outbox_entries.id")


class StorageCheck(SQLModel, table=True):
    """A row written and removed again to learn whether the disk takes writes once more, after
    it refused one (migration 0009); the table is empty between checks."""

    __tablename__ = "storage_checks"

    id: int | None = Field(default=None, primary_key=True)
    filler: bytes = Field(sa_column=sa.Column(sa.LargeBinary(), nullable=False))


#: The audit log's lines younger than this are never deleted, whatever the retention set: the
#: database's trigger refuses it (migration 0014).
AUDIT_KEPT_DAYS = 90

ENTRIES = SQLModel.metadata.tables[OutboxEntry.__tablename__]
ATTEMPTS = SQLModel.metadata.tables[Attempt.__tablename__]
AUDIT = SQLModel.metadata.tables[AuditEvent.__tablename__]
TALLIES = SQLModel.metadata.tables[AttemptTally.__tablename__]
BALANCES = SQLModel.metadata.tables[MemberBalance.__tablename__]
CONTROL = SQLModel.metadata.tables[OutboxControl.__tablename__]
SHIFTS = SQLModel.metadata.tables[Shift.__tablename__]
REFUSALS = SQLModel.metadata.tables[Refusal.__tablename__]
CHECKS = SQLModel.metadata.tables[StorageCheck.__tablename__]
