"""What an attempt's outcome does to its entry (the state diagram of architecture §3).

:func:`next_state` is the diagram as a pure function; :func:`apply_result` writes it, the
attempt's outcome and the member's new balance in the caller's (one) transaction, and only where the
claim's lease owner still holds the entry.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox.claim import Claimed, set_entry
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.outbox.remote import SubmitResult
from app.core.outbox.retry import RetryPolicy
from app.core.stamps.errors import MalformedResponse, StampsError
from app.core.storage.prepared import Prepared
from app.core.storage.tables import ATTEMPTS, AUDIT, BALANCES, CONTROL, ENTRIES, UTCDateTime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NextState:
    """Where an entry goes after an attempt: its status, whether to back off, whether to pause."""

    status: EntryStatus
    backoff: bool = False
    pause: bool = False


def next_state(
    outcome: Outcome,
    *,
    earlier_ambiguous: bool,
    key_vouches: bool,
    credentials_rejected: bool = False,
    resend_at_once: bool = False,
) -> NextState:
    """The diagram. ``key_vouches``: idempotency is honoured and the key is still in its window.
    ``resend_at_once``: what stopped an attempt that never arrived has changed already (the
    token it carried was replaced), so the next one goes now."""
    if credentials_rejected:
        return NextState(EntryStatus.QUEUED, pause=True)
    if outcome is Outcome.APPLIED:
        return NextState(EntryStatus.SYNCED)
    if outcome is Outcome.NEVER_ARRIVED:
        return NextState(EntryStatus.QUEUED, backoff=not resend_at_once)
    if outcome is Outcome.AMBIGUOUS:
        if key_vouches:
            return NextState(EntryStatus.QUEUED, backoff=True)
        return NextState(EntryStatus.UNKNOWN)
    # refused: a refusal after an ambiguous attempt may be the server refusing a duplicate of a
    # request it already applied, unless the key proves it is answering the same request.
    if earlier_ambiguous and not key_vouches:
        return NextState(EntryStatus.UNKNOWN)
    return NextState(EntryStatus.REJECTED)


def error_text(error: BaseException | None) -> str | None:
    """An attempt's failure as the entry records it: ``"<class>: <message>"`` (see
    :func:`read_error_text`); a bug's message may hold anything, so it keeps only the class."""
    if error is None:
        return None
    if isinstance(error, StampsError):
        return f"{type(error).__name__}: {error.message}"[:500]
    return f"{type(error).__name__}"


_ERROR_TEXT = re.compile(r"^(?P<kind>[A-Za-z_]\w*)(?::\s?(?P<words>.*))?$", re.DOTALL)


def read_error_text(text: str | None) -> tuple[str | None, str | None]:
    """``(class name, message)`` of a recorded failure, for the screen to explain in its own
    words (the class) and to quote the server (the message); ``(None, None)`` for none."""
    if not text:
        return None, None
    match = _ERROR_TEXT.match(text)
    if match is None:
        return None, text
    return match["kind"], match["words"] or None


def apply_result(
    connection: sqlite3.Connection,
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
    found = _ENTRY_STATE.rows(connection, {"r_entry_id": claimed.entry_id})
    row = _EntryState(*found[0]) if found else None
    if outcome is Outcome.APPLIED and result is not None:
        taken = _named_elsewhere(connection, claimed, result)
        if taken is not None:
            outcome, result, error = Outcome.AMBIGUOUS, None, taken
    held = (
        row is not None and row.status == EntryStatus.SENDING and row.lease_owner == claimed.owner
    )
    # the lease ran out and the entry went unknown, but nothing was sent since: a 2xx for its
    # last attempt is the proof reconciliation would have looked for
    late_proof = row is not None and _late_proof_of_application(
        row.status, row.attempts, row.lease_owner, claimed, outcome
    )
    if row is None or not (held or late_proof):
        log.warning("discarding a late answer for entry %s (%s)", claimed.entry_id, outcome)
        _audit(
            connection,
            now,
            "late_result_discarded",
            claimed,
            {"outcome": str(outcome), "error": error_text(error)},
        )
        return None

    entry_id = claimed.entry_id
    # only a refusal's verdict depends on earlier attempts (next_state() reads it for nothing
    # else): after one that may have been applied, it may be of a duplicate, and a 409 may be
    # the first still being processed (errors.Conflict), which proves nothing
    earlier_ambiguous = outcome is Outcome.REFUSED and bool(
        _EARLIER_AMBIGUOUS.rows(connection, {"r_entry_id": entry_id, "r_number": claimed.attempt})
    )
    if earlier_ambiguous and isinstance(error, StampsError) and error.outcome_when_resent:
        outcome = error.outcome_when_resent
    recorded = error_text(error)
    status_code = error.status_code if isinstance(error, StampsError) else None
    if result is not None:
        status_code = status_code or 200
    _END_ATTEMPT.run(
        connection,
        {
            "r_entry_id": entry_id,
            "r_number": claimed.attempt,
            "r_ended_at": now,
            "r_outcome": str(outcome),
            "r_status_code": status_code,
            "r_error": recorded,
        },
    )
    credentials = isinstance(error, StampsError) and error.pauses_queue
    at_once = isinstance(error, StampsError) and error.resend_at_once
    # A refusal is trusted when the key vouched for *this* attempt; an ambiguous answer is resent
    # only if a resend, from now, would still be inside the key's window.
    sent_at = claimed.started_at if outcome is Outcome.REFUSED and claimed.started_at else now
    verdict = next_state(
        outcome,
        earlier_ambiguous=earlier_ambiguous,
        key_vouches=key_vouches(policy, row.first_sent_at, sent_at, row.updated_at),
        credentials_rejected=credentials,
        resend_at_once=at_once,
    )

    values: dict[str, Any] = {
        "status": verdict.status,
        "lease_owner": None,
        "lease_until": None,
        "last_outcome": str(outcome),
        "last_error": recorded,
        "updated_at": now,
        "next_attempt_at": None,
    }
    if verdict.status is EntryStatus.SYNCED and result is not None:
        values["response"] = dict(result.raw)
        values["server_redemption_id"] = result.redemption_id
        # what the server reported beside the redemption is kept, to be shown
        values["last_error"] = result.errors[:500] if result.errors else None
    elif verdict.status is EntryStatus.QUEUED:
        retry_after = getattr(error, "retry_after", None)
        delay = retry.delay(row.attempts, retry_after) if verdict.backoff else 0.0
        values["next_attempt_at"] = now + timedelta(seconds=delay)
    elif verdict.status is EntryStatus.UNKNOWN:
        values["next_check_at"] = now
    set_entry(connection, entry_id, values)
    if verdict.status is EntryStatus.SYNCED and result is not None:
        _record_balance(connection, entry_id, row.lane, result, now)
    if verdict.pause and _PAUSE.run(connection, {"r_paused_at": now, "r_reason": recorded}):
        _audit(connection, now, "paused", claimed, {"reason": recorded})
    return verdict.status


def _named_elsewhere(
    connection: sqlite3.Connection, claimed: Claimed, result: SubmitResult
) -> MalformedResponse | None:
    """Why a 2xx that names a redemption another entry of this till already has proves nothing
    of this one: the server (or a cache in front of it) answered with another request's answer,
    and nothing says it made this redemption. ``None`` when the id is this entry's own. A
    cancel's answer names the redemption it cancelled, which its target holds."""
    if claimed.kind is OperationKind.CANCEL or result.redemption_id is None:
        return None
    owners = _REDEMPTION_OWNER.rows(
        connection, {"r_server_id": result.redemption_id, "r_entry_id": claimed.entry_id}
    )
    if not owners:
        return None
    log.warning(
        "entry %s: the answer names redemption %s, which is entry %s's: not confirmed",
        claimed.entry_id,
        result.redemption_id,
        owners[0][0],
    )
    return MalformedResponse(
        f"the server answered but named redemption {result.redemption_id}, which another "
        "redemption of this till already has",
        status_code=200,
    )


def _late_proof_of_application(
    status: str, attempts: int, lease_owner: str | None, claimed: Claimed, outcome: Outcome
) -> bool:
    return (
        outcome is Outcome.APPLIED
        and status == EntryStatus.UNKNOWN
        and attempts == claimed.attempt
        and lease_owner is None
    )


def _audit(
    connection: sqlite3.Connection,
    now: datetime,
    action: str,
    claimed: Claimed,
    detail: dict[str, Any],
) -> None:
    _NEW_AUDIT.run(
        connection,
        {
            "r_at": now,
            "r_action": action,
            "r_terminal": claimed.terminal,
            "r_entry_id": claimed.entry_id,
            "r_detail": detail,
        },
    )


def _record_balance(
    connection: sqlite3.Connection, entry_id: str, lane: str, result: SubmitResult, now: datetime
) -> None:
    """A 2xx: the member's new balance, in the transaction that writes the entry's result."""
    if result.stamps_remaining is None:
        return
    _UPSERT_BALANCE.run(
        connection,
        {
            "r_lane": lane,
            "r_stamps": result.stamps_remaining,
            "r_updated_at": now,
            "r_entry_id": entry_id,
        },
    )


# The statements of apply_result, built once (building them cost more than running them).
def _param(column: sa.Column[Any]) -> sa.BindParameter[Any]:
    return sa.bindparam(f"r_{column.name}", type_=column.type)


@dataclass(frozen=True)
class _EntryState:
    status: str
    lease_owner: str | None
    attempts: int
    first_sent_at: datetime | None
    lane: str
    #: the claim's time, or the time the sweep last moved it: later than now when the wall
    #: clock was moved back while the request travelled
    updated_at: datetime | None


_ENTRY_STATE = Prepared(
    sa.select(
        ENTRIES.c.status,
        ENTRIES.c.lease_owner,
        ENTRIES.c.attempts,
        ENTRIES.c.first_sent_at,
        ENTRIES.c.lane,
        ENTRIES.c.updated_at,
    ).where(ENTRIES.c.id == sa.bindparam("r_entry_id"))
)
_REDEMPTION_OWNER = Prepared(
    sa.select(ENTRIES.c.id)
    .where(
        ENTRIES.c.server_redemption_id == sa.bindparam("r_server_id", type_=sa.Integer()),
        ENTRIES.c.id != sa.bindparam("r_entry_id", type_=sa.String()),
        ENTRIES.c.kind != OperationKind.CANCEL,
    )
    .limit(1)
)
_END_ATTEMPT = Prepared(
    sa.update(ATTEMPTS)
    .where(
        ATTEMPTS.c.entry_id == sa.bindparam("r_entry_id"),
        ATTEMPTS.c.number == sa.bindparam("r_number"),
    )
    .values(
        ended_at=_param(ATTEMPTS.c.ended_at),
        outcome=_param(ATTEMPTS.c.outcome),
        status_code=_param(ATTEMPTS.c.status_code),
        error=_param(ATTEMPTS.c.error),
    )
)
_EARLIER_AMBIGUOUS = Prepared(
    sa.select(ATTEMPTS.c.id)
    .where(
        ATTEMPTS.c.entry_id == sa.bindparam("r_entry_id"),
        ATTEMPTS.c.number < sa.bindparam("r_number"),
        ATTEMPTS.c.outcome == Outcome.AMBIGUOUS,
    )
    .limit(1)
)
# the queue pauses once: a second refusal finds it paused and changes nothing
_PAUSE = Prepared(
    sa.update(CONTROL)
    .where(CONTROL.c.id == 1, CONTROL.c.paused.is_(False))
    .values(
        paused=True,
        paused_at=sa.bindparam("r_paused_at", type_=UTCDateTime()),
        reason=sa.bindparam("r_reason", type_=sa.String()),
    )
)
_NEW_AUDIT = Prepared(
    sa.insert(AUDIT).values(
        at=_param(AUDIT.c.at),
        who="sync",
        action=_param(AUDIT.c.action),
        terminal=_param(AUDIT.c.terminal),
        entry_id=_param(AUDIT.c.entry_id),
        detail=_param(AUDIT.c.detail),
    )
)
_NEW_BALANCE = sqlite_insert(BALANCES).values(
    lane=_param(BALANCES.c.lane),
    stamps=_param(BALANCES.c.stamps),
    updated_at=_param(BALANCES.c.updated_at),
    entry_id=_param(BALANCES.c.entry_id),
)
_UPSERT_BALANCE = Prepared(
    _NEW_BALANCE.on_conflict_do_update(
        index_elements=[BALANCES.c.lane],
        set_={
            "stamps": _NEW_BALANCE.excluded.stamps,
            "updated_at": _NEW_BALANCE.excluded.updated_at,
            "entry_id": _NEW_BALANCE.excluded.entry_id,
        },
    )
)
