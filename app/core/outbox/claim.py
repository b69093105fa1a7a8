"""Taking the next entry to send, atomically, and the sweeps that run in the same transaction.

Every function here runs inside one ``BEGIN IMMEDIATE`` transaction on the writer thread, so two
processes sharing the database file (the GUI and a headless ``stamps-pos sync``) never claim the
same entry or two entries of one lane.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.storage.tables import (
    ATTEMPTS,
    CONTROL,
    ENTRIES,
    Attempt,
    OutboxEntry,
    UTCDateTime,
)

NEEDS_DASHBOARD = (
    "the redemption was confirmed without a server id (reconciled or marked applied): "
    "cancel it in the Stamps dashboard"
)


@dataclass(frozen=True)
class Claimed:
    """An entry this worker holds the lease on, with what it needs to send it."""

    entry_id: str
    owner: str
    attempt: int
    kind: OperationKind
    payload: dict[str, Any] = field(default_factory=dict)
    lane: str = ""
    user: str = ""
    terminal: str = ""
    lease_until: datetime | None = None
    started_at: datetime | None = None


def _may_have_arrived(entry_id: Any) -> sa.ColumnElement[bool]:
    """Some attempt of the entry is not proven never to have reached the server."""
    return sa.exists().where(
        ATTEMPTS.c.entry_id == entry_id, ATTEMPTS.c.outcome != Outcome.NEVER_ARRIVED
    )


def _has_ambiguous(entry_id: Any) -> sa.ColumnElement[bool]:
    return sa.exists().where(
        ATTEMPTS.c.entry_id == entry_id, ATTEMPTS.c.outcome == Outcome.AMBIGUOUS
    )


def _held(entries: sa.FromClause) -> sa.ColumnElement[bool]:
    """A cancel waiting for its redemption to be synced: neither sendable nor blocking its lane."""
    target = ENTRIES.alias()
    return sa.and_(
        entries.c.cancels.is_not(None),
        sa.exists().where(target.c.id == entries.c.cancels, target.c.status != EntryStatus.SYNCED),
    )


def is_paused(session: Session) -> bool:
    """Whether the queue is paused for bad credentials."""
    return bool(session.execute(sa.select(CONTROL.c.paused).where(CONTROL.c.id == 1)).scalar())


def sweep(session: Session, policy: OutboxPolicy, now: datetime) -> list[str]:
    """Move every entry whose state time or a neighbour has decided; returns the ids changed.

    - a lease that ran out (crash, kill): the attempt stays ambiguous; the entry goes back to
      ``queued`` under the same key when the key vouches, else to ``unknown``;
    - a queued entry with an ambiguous attempt whose key no longer vouches → ``unknown``;
    - a PIN authorisation that ran out, no attempt having possibly arrived → ``expired``;
    - a cancel whose redemption ended without reaching the server → ``voided``; whose redemption
      was confirmed without a server id → ``rejected`` (the dashboard must do it).
    """
    changed: list[str] = []

    def vouches(first_sent_at: datetime | None) -> bool:
        return key_vouches(policy, first_sent_at, now)

    lost = session.execute(
        sa.select(ENTRIES.c.id, ENTRIES.c.first_sent_at).where(
            ENTRIES.c.status == EntryStatus.SENDING, ENTRIES.c.lease_until < now
        )
    ).all()
    for entry_id, first_sent_at in lost:
        requeue = vouches(first_sent_at)
        session.execute(
            sa.update(ATTEMPTS)
            .where(ATTEMPTS.c.entry_id == entry_id, ATTEMPTS.c.ended_at.is_(None))
            .values(error="lease ran out (crash or kill mid-attempt)")
        )
        session.execute(
            sa.update(ENTRIES)
            .where(ENTRIES.c.id == entry_id)
            .values(
                status=EntryStatus.QUEUED if requeue else EntryStatus.UNKNOWN,
                lease_owner=None,
                lease_until=None,
                last_outcome=Outcome.AMBIGUOUS,
                last_error="lease ran out (crash or kill mid-attempt)",
                next_attempt_at=now if requeue else None,
                next_check_at=None if requeue else now,
                updated_at=now,
            )
        )
        changed.append(entry_id)

    queued_ambiguous = session.execute(
        sa.select(ENTRIES.c.id, ENTRIES.c.first_sent_at).where(
            ENTRIES.c.status == EntryStatus.QUEUED, _has_ambiguous(ENTRIES.c.id)
        )
    ).all()
    for entry_id, first_sent_at in queued_ambiguous:
        if not vouches(first_sent_at):
            _set(session, entry_id, now, status=EntryStatus.UNKNOWN, next_check_at=now)
            changed.append(entry_id)

    expired = session.execute(
        sa.select(ENTRIES.c.id).where(
            ENTRIES.c.status == EntryStatus.QUEUED,
            ENTRIES.c.expires_at <= now,
            ~_may_have_arrived(ENTRIES.c.id),
        )
    ).scalars()
    for entry_id in list(expired):
        _set(session, entry_id, now, status=EntryStatus.EXPIRED, last_error="authorisation expired")
        changed.append(entry_id)

    target = ENTRIES.alias()
    cancels = session.execute(
        sa.select(ENTRIES.c.id, target.c.status, target.c.server_redemption_id)
        .join(target, target.c.id == ENTRIES.c.cancels)
        .where(
            ENTRIES.c.status == EntryStatus.QUEUED,
            ENTRIES.c.kind == OperationKind.CANCEL,
            ~_may_have_arrived(ENTRIES.c.id),
        )
    ).all()
    for entry_id, target_status, server_id in cancels:
        if target_status in (
            EntryStatus.REJECTED,
            EntryStatus.VOIDED,
            EntryStatus.EXPIRED,
            EntryStatus.DISMISSED,
        ):
            note = f"nothing to cancel: the redemption is {target_status}"
            _set(session, entry_id, now, status=EntryStatus.VOIDED, note=note)
            changed.append(entry_id)
        elif target_status == EntryStatus.SYNCED and server_id is None:
            _set(session, entry_id, now, status=EntryStatus.REJECTED, last_error=NEEDS_DASHBOARD)
            changed.append(entry_id)
    return changed


def _set(session: Session, entry_id: str, now: datetime, **values: Any) -> None:
    session.execute(
        sa.update(ENTRIES).where(ENTRIES.c.id == entry_id).values(updated_at=now, **values)
    )


def claim_next(session: Session, policy: OutboxPolicy, now: datetime, owner: str) -> Claimed | None:
    """Claim the next sendable entry, if any, writing its lease and an ``ambiguous`` attempt.

    The candidate is the lowest ``seq`` of its lane among entries that are queued, due, and not
    held; it is taken only when nothing of its lane is ``sending`` and nothing earlier in the lane
    is queued (rejected, unknown and final entries do not block).
    """
    if is_paused(session):
        return None
    e = ENTRIES.alias("e")
    sending = ENTRIES.alias("s")
    earlier = ENTRIES.alias("b")
    candidate = (
        sa.select(e.c.id)
        .where(
            e.c.status == EntryStatus.QUEUED,
            sa.or_(e.c.next_attempt_at.is_(None), e.c.next_attempt_at <= now),
            ~_held(e),
            ~sa.exists().where(sending.c.lane == e.c.lane, sending.c.status == EntryStatus.SENDING),
            ~sa.exists().where(
                earlier.c.lane == e.c.lane,
                earlier.c.seq < e.c.seq,
                earlier.c.status == EntryStatus.QUEUED,
                ~_held(earlier),
            ),
        )
        .order_by(e.c.seq)
        .limit(1)
        .scalar_subquery()
    )
    lease_until = now + timedelta(seconds=policy.lease_seconds)
    row = session.execute(
        sa.update(ENTRIES)
        .where(ENTRIES.c.id == candidate, ENTRIES.c.status == EntryStatus.QUEUED)
        .values(
            status=EntryStatus.SENDING,
            lease_owner=owner,
            lease_until=lease_until,
            attempts=ENTRIES.c.attempts + 1,
            first_sent_at=sa.func.coalesce(ENTRIES.c.first_sent_at, sa.literal(now, UTCDateTime())),
            next_attempt_at=None,
            updated_at=now,
        )
        .returning(ENTRIES.c.id)
    ).first()
    if row is None:
        return None
    entry = session.get(OutboxEntry, row[0], populate_existing=True)
    assert entry is not None
    payload = dict(entry.payload)
    if entry.cancels is not None:
        target = session.get(OutboxEntry, entry.cancels)
        assert target is not None and target.server_redemption_id is not None
        payload["id"] = target.server_redemption_id
        entry.payload = payload
    session.add(
        Attempt(
            entry_id=entry.id,
            number=entry.attempts,
            lease_owner=owner,
            started_at=now,
            outcome=Outcome.AMBIGUOUS,
        )
    )
    session.add(entry)
    return Claimed(
        entry_id=entry.id,
        owner=owner,
        attempt=entry.attempts,
        kind=OperationKind(entry.kind),
        payload=payload,
        lane=entry.lane,
        user=entry.user,
        terminal=entry.terminal,
        lease_until=lease_until,
        started_at=now,
    )


def next_due(session: Session, now: datetime) -> datetime | None:
    """The earliest time something becomes due without outside help: a backoff ending, a lease
    running out, an authorisation expiring, a reconciliation check."""
    candidates = [
        sa.select(sa.func.min(ENTRIES.c.next_attempt_at)).where(
            ENTRIES.c.status == EntryStatus.QUEUED, ENTRIES.c.next_attempt_at > now
        ),
        sa.select(sa.func.min(ENTRIES.c.lease_until)).where(
            ENTRIES.c.status == EntryStatus.SENDING
        ),
        sa.select(sa.func.min(ENTRIES.c.expires_at)).where(
            ENTRIES.c.status == EntryStatus.QUEUED, ENTRIES.c.expires_at > now
        ),
        sa.select(sa.func.min(ENTRIES.c.next_check_at)).where(
            ENTRIES.c.status == EntryStatus.UNKNOWN
        ),
    ]
    times = [session.execute(q).scalar() for q in candidates]
    found = [t for t in times if t is not None]
    return min(found) if found else None
