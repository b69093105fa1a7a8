"""What an attempt's outcome does to its entry (the state diagram of DESIGN.md §3).

:func:`decide` is the diagram as a pure function; :func:`apply_result` writes its verdict, the
attempt's outcome and the member's new balance in the caller's (one) transaction, and only where the
claim's lease owner still holds the entry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import EntryStatus, Outcome
from app.core.outbox.claim import Claimed
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.outbox.retry import RetryPolicy
from app.core.outbox.transport import SubmitResult
from app.core.stamps.errors import CredentialsRejected, StampsError
from app.core.storage.tables import ATTEMPTS, AuditEvent, MemberBalance, OutboxControl, OutboxEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    """Where an entry goes after an attempt: its status, whether to back off, whether to pause."""

    status: EntryStatus
    backoff: bool = False
    pause: bool = False


def decide(
    outcome: Outcome,
    *,
    earlier_ambiguous: bool,
    key_vouches: bool,
    credentials_rejected: bool = False,
) -> Decision:
    """The diagram. ``key_vouches``: idempotency is honoured and the key is still in its window."""
    if credentials_rejected:
        return Decision(EntryStatus.QUEUED, pause=True)
    if outcome is Outcome.APPLIED:
        return Decision(EntryStatus.SYNCED)
    if outcome is Outcome.NEVER_ARRIVED:
        return Decision(EntryStatus.QUEUED, backoff=True)
    if outcome is Outcome.AMBIGUOUS:
        if key_vouches:
            return Decision(EntryStatus.QUEUED, backoff=True)
        return Decision(EntryStatus.UNKNOWN)
    # refused: a refusal after an ambiguous attempt may be the server refusing a duplicate of a
    # request it already applied, unless the key proves it is answering the same request.
    if earlier_ambiguous and not key_vouches:
        return Decision(EntryStatus.UNKNOWN)
    return Decision(EntryStatus.REJECTED)


def _error_text(error: BaseException | None) -> str | None:
    if error is None:
        return None
    if isinstance(error, StampsError):
        return f"{type(error).__name__}: {error.message}"[:500]
    return f"{type(error).__name__}"  # a bug's message may hold anything; the type is enough


def apply_result(
    session: Session,
    claimed: Claimed,
    *,
    outcome: Outcome,
    result: SubmitResult | None,
    error: BaseException | None,
    policy: OutboxPolicy,
    retry: RetryPolicy,
    now: datetime,
) -> EntryStatus | None:
    """Write an attempt's outcome and the entry's new state; ``None`` if the lease was lost.

    A lost lease means another claim (or the lease-expiry sweep) has taken the entry since: this
    late answer must not overwrite it. Its attempt row stays ``ambiguous``; an audit row keeps what
    the late answer said.
    """
    entry = session.get(OutboxEntry, claimed.entry_id)
    if entry is not None and _late_proof_of_application(entry, claimed, outcome):
        # the lease ran out and the entry went unknown, but nothing was sent since: a 2xx for
        # its last attempt is the proof reconciliation would have looked for
        entry.status = EntryStatus.SENDING
        entry.lease_owner = claimed.owner
    if entry is None or entry.status != EntryStatus.SENDING or entry.lease_owner != claimed.owner:
        log.warning("discarding a late answer for entry %s (%s)", claimed.entry_id, outcome)
        session.add(
            AuditEvent(
                at=now,
                who="sync",
                action="late_result_discarded",
                terminal=claimed.terminal,
                entry_id=claimed.entry_id,
                detail={"outcome": str(outcome), "error": _error_text(error)},
            )
        )
        return None

    status_code = error.status_code if isinstance(error, StampsError) else None
    if result is not None:
        status_code = status_code or 200
    session.execute(
        sa.update(ATTEMPTS)
        .where(ATTEMPTS.c.entry_id == entry.id, ATTEMPTS.c.number == claimed.attempt)
        .values(
            ended_at=now, outcome=str(outcome), status_code=status_code, error=_error_text(error)
        )
    )
    earlier_ambiguous = (
        session.execute(
            sa.select(sa.func.count())
            .select_from(ATTEMPTS)
            .where(
                ATTEMPTS.c.entry_id == entry.id,
                ATTEMPTS.c.number < claimed.attempt,
                ATTEMPTS.c.outcome == Outcome.AMBIGUOUS,
            )
        ).scalar_one()
        > 0
    )
    credentials = isinstance(error, CredentialsRejected)
    # A refusal is trusted when the key vouched for *this* attempt; an ambiguous answer is resent
    # only if a resend, from now, would still be inside the key's window.
    sent_at = claimed.started_at if outcome is Outcome.REFUSED and claimed.started_at else now
    verdict = decide(
        outcome,
        earlier_ambiguous=earlier_ambiguous,
        key_vouches=key_vouches(policy, entry.first_sent_at, sent_at),
        credentials_rejected=credentials,
    )

    entry.status = verdict.status
    entry.lease_owner = None
    entry.lease_until = None
    entry.last_outcome = str(outcome)
    entry.last_error = _error_text(error)
    entry.updated_at = now
    entry.next_attempt_at = None
    if verdict.status is EntryStatus.SYNCED:
        _record_applied(session, entry, result, now)
    elif verdict.status is EntryStatus.QUEUED:
        retry_after = getattr(error, "retry_after", None)
        delay = retry.delay(entry.attempts, retry_after) if verdict.backoff else 0.0
        entry.next_attempt_at = now + timedelta(seconds=delay)
    elif verdict.status is EntryStatus.UNKNOWN:
        entry.next_check_at = now
    if verdict.pause:
        control = session.get(OutboxControl, 1)
        assert control is not None
        if not control.paused:
            control.paused = True
            control.paused_at = now
            control.reason = entry.last_error
            session.add(
                AuditEvent(
                    at=now,
                    who="sync",
                    action="paused",
                    terminal=claimed.terminal,
                    entry_id=entry.id,
                    detail={"reason": entry.last_error},
                )
            )
    session.add(entry)
    return verdict.status


def _late_proof_of_application(entry: OutboxEntry, claimed: Claimed, outcome: Outcome) -> bool:
    return (
        outcome is Outcome.APPLIED
        and entry.status == EntryStatus.UNKNOWN
        and entry.attempts == claimed.attempt
        and entry.lease_owner is None
    )


def _record_applied(
    session: Session, entry: OutboxEntry, result: SubmitResult | None, now: datetime
) -> None:
    """A 2xx: keep the server's answer and the member's new balance, with the status, together."""
    if result is None:  # a 2xx we could not read: applied, but no id and no balance
        return
    entry.response = dict(result.raw)
    entry.server_redemption_id = result.redemption_id
    if result.stamps_remaining is not None:
        balance = session.get(MemberBalance, entry.lane)
        if balance is None:
            balance = MemberBalance(lane=entry.lane, stamps=result.stamps_remaining, updated_at=now)
        balance.stamps = result.stamps_remaining
        balance.updated_at = now
        balance.entry_id = entry.id
        session.add(balance)
