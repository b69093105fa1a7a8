"""The cashier's cancel and the manager's decisions, each one transaction (architecture §3).

Every function here runs inside the caller's write transaction and writes its audit row in it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
import uuid6
from sqlmodel import Session

from app.core.domain import AcceptedAs, Channel, EntryStatus, OperationKind, Outcome
from app.core.messages import say
from app.core.outbox.errors import OutboxError
from app.core.outbox.remote import LineStatus
from app.core.stamps.errors import RateLimited, RequestTimedOut
from app.core.storage.tables import (
    ATTEMPTS,
    ENTRIES,
    AuditEvent,
    OutboxControl,
    OutboxEntry,
    Refusal,
)

#: The audit action (and the entry's note) when the till voids an entry under its offline policy.
VOIDED_BY_POLICY = "voided: offline policy"
#: A cancel already under way for a redemption: cancelling again returns it.
LIVE_CANCEL = (EntryStatus.QUEUED, EntryStatus.SENDING, EntryStatus.SYNCED, EntryStatus.UNKNOWN)
#: The states a manager's retry sends an entry again from.
RETRYABLE = (EntryStatus.REJECTED, EntryStatus.UNKNOWN)
#: Why a redemption in each of these states has nothing to cancel, as a message of its own.
NOTHING_TO_CANCEL = {
    EntryStatus.VOIDED: "decision.nothing_to_cancel.voided",
    EntryStatus.EXPIRED: "decision.nothing_to_cancel.expired",
    EntryStatus.DISMISSED: "decision.nothing_to_cancel.dismissed",
}


def cancel_redemption(
    session: Session,
    entry_id: str,
    replacement_voucher: bool,
    *,
    who: str,
    terminal: str,
    now: datetime,
    note: str | None = None,
) -> tuple[OutboxEntry, list[str]]:
    """Void the redemption, or make (or find) its cancel entry; returns it and the ids changed."""
    target = session.get(OutboxEntry, entry_id)
    if target is None:
        raise OutboxError(say("decision.no_entry", entry_id=entry_id))
    if target.kind == OperationKind.CANCEL:
        raise OutboxError(say("decision.cancel_of_cancel"))
    if target.status in NOTHING_TO_CANCEL:
        raise OutboxError(say(NOTHING_TO_CANCEL[EntryStatus(target.status)]))
    if target.status == EntryStatus.SYNCED and _cancelled_on_server(target):
        raise OutboxError(say("decision.nothing_to_cancel.on_server"))
    if target.status == EntryStatus.SYNCED and target.server_redemption_id is None:
        raise OutboxError(say("decision.needs_dashboard"))
    existing = (
        session.execute(
            sa.select(OutboxEntry).where(
                ENTRIES.c.cancels == entry_id,
                ENTRIES.c.status.in_(LIVE_CANCEL),
            )
        )
        .scalars()
        .first()
    )
    if existing is not None:
        return existing, []
    if target.status == EntryStatus.QUEUED and not may_have_arrived(session, target.id):
        target.status = EntryStatus.VOIDED
        target.updated_at = now
        target.note = f"cancelled by {who} before it was sent" + (f": {note}" if note else "")
        session.add(target)
        audit(
            session, now, who=who, action="void", terminal=terminal, entry_id=target.id, note=note
        )
        return target, [target.id]
    cancel = OutboxEntry(
        id=str(uuid6.uuid7()),
        seq=next_seq(session),
        kind=OperationKind.CANCEL,
        payload={
            "id": target.server_redemption_id,
            "create_replacement_voucher": replacement_voucher,
        },
        lane=target.lane,
        user=target.user,
        status=EntryStatus.QUEUED,
        depends_on=target.id,
        cancels=target.id,
        cashier=who,
        terminal=terminal,
        note=note,
        created_at=now,
        updated_at=now,
    )
    if target.status == EntryStatus.REJECTED:
        cancel.status = EntryStatus.VOIDED
        cancel.note = "nothing to cancel: the server refused the redemption"
    session.add(cancel)
    session.flush()
    audit(
        session,
        now,
        who=who,
        action="cancel",
        terminal=terminal,
        entry_id=target.id,
        cancel_entry=cancel.id,
        replacement_voucher=replacement_voucher,
        note=note,
    )
    return cancel, [cancel.id]


def local_redemption(session: Session, server_id: int) -> OutboxEntry | None:
    """The redemption this till made that the server knows as ``server_id``, if any."""
    return (
        session.execute(
            sa.select(OutboxEntry)
            .where(
                ENTRIES.c.server_redemption_id == server_id,
                ENTRIES.c.kind != OperationKind.CANCEL,
            )
            .order_by(ENTRIES.c.seq)
        )
        .scalars()
        .first()
    )


def cancel_by_server_id(
    session: Session,
    server_id: int,
    replacement_voucher: bool,
    *,
    lane: str,
    user: str,
    who: str,
    terminal: str,
    now: datetime,
    note: str | None = None,
) -> tuple[OutboxEntry, list[str]]:
    """Cancel the redemption the server knows as ``server_id``.

    One this till made is cancelled as its entry (:func:`cancel_redemption`). One made elsewhere
    (another till, a kiosk) gets a cancel entry of its own in the member's ``lane``, behind that
    member's queued entries, carrying the server id from the start; asking twice returns the first.
    """
    local = local_redemption(session, server_id)
    if local is not None:
        return cancel_redemption(
            session, local.id, replacement_voucher, who=who, terminal=terminal, now=now, note=note
        )
    existing = (
        session.execute(
            sa.select(OutboxEntry).where(
                ENTRIES.c.kind == OperationKind.CANCEL,
                ENTRIES.c.cancels.is_(None),
                sa.func.json_extract(ENTRIES.c.payload, "$.id") == server_id,
                ENTRIES.c.status.in_(LIVE_CANCEL),
            )
        )
        .scalars()
        .first()
    )
    if existing is not None:
        return existing, []
    cancel = OutboxEntry(
        id=str(uuid6.uuid7()),
        seq=next_seq(session),
        kind=OperationKind.CANCEL,
        payload={"id": server_id, "create_replacement_voucher": replacement_voucher},
        lane=lane,
        user=user,
        status=EntryStatus.QUEUED,
        cashier=who,
        terminal=terminal,
        note=note,
        created_at=now,
        updated_at=now,
    )
    session.add(cancel)
    session.flush()
    audit(
        session,
        now,
        who=who,
        action="cancel_by_server_id",
        terminal=terminal,
        entry_id=cancel.id,
        server_redemption_id=server_id,
        replacement_voucher=replacement_voucher,
        note=note,
    )
    return cancel, [cancel.id]


def authorised_by_pin(payload: dict[str, Any]) -> bool:
    """Whether the request carries a PIN authorisation's ``request_id`` (at its top or on an item
    of a cart): sending it again needs a new one, since an authorisation is used once."""
    if payload.get("request_id"):
        return True
    items = payload.get("rewards")
    return isinstance(items, list) and any(
        isinstance(item, dict) and item.get("request_id") for item in items
    )


def _with_request_id(payload: dict[str, Any], request_id: str) -> dict[str, Any]:
    body = dict(payload)
    if "rewards" in body and isinstance(body["rewards"], list):
        body["rewards"] = [
            {**item, "request_id": request_id} if isinstance(item, dict) else item
            for item in body["rewards"]
        ]
    else:
        body["request_id"] = request_id
    return body


def retry_entry(
    session: Session,
    entry_id: str,
    *,
    who: str,
    terminal: str,
    note: str | None,
    now: datetime,
    request_id: str | None = None,
    expires_at: datetime | None = None,
    channel: Channel | None = None,
    store: int | None = None,
) -> OutboxEntry:
    """A new linked entry for a ``rejected`` or ``unknown`` one, which is dismissed.

    A PIN-authorised request is sent again only under a new authorisation: ``request_id`` (which
    becomes the new entry's id, as for any PIN redemption). ``expires_at`` bounds the new entry
    as the sending till bounds what it queues. ``channel`` is the sending till's: the retry is
    made there, so a kiosk's redemption retried at the counter is sent, reconciled and judged as
    the counter's, and the server records where it was made. ``store`` is the sending till's
    too: a redemption the server refused over a store wrong in the settings ("Store not found")
    was sent again with that store after the manager had put it right, and refused again.
    """
    original = manager_target(session, entry_id, RETRYABLE)
    payload = dict(original.payload)
    if authorised_by_pin(payload):
        if request_id is None:
            raise OutboxError(say("manager.member_pin_again"))
        payload = _with_request_id(payload, request_id)
    elif request_id is not None:
        raise OutboxError(say("decision.not_by_pin"))
    if channel is not None and "channel" in payload:  # a cancel's request names none
        payload["channel"] = int(channel)
    expect_store = original.expect_store
    if store is not None and "store" in payload:  # nor a store
        payload["store"] = expect_store = store
    entry = OutboxEntry(
        id=request_id or str(uuid6.uuid7()),
        seq=next_seq(session),
        kind=original.kind,
        payload=payload,
        lane=original.lane,
        user=original.user,
        status=EntryStatus.QUEUED,
        depends_on=original.id,
        cancels=original.cancels,
        expires_at=expires_at,
        provisional=False,
        expect_store=expect_store,
        expect_name=original.expect_name,
        expect_stamps=original.expect_stamps,
        cashier=who,
        terminal=terminal,
        note=note,
        created_at=now,
        updated_at=now,
        # what the redemption is, for the history and the day's totals (its rupiah); not the
        # original's shift: a manager's decision is no cashier's sale
        member_name=original.member_name,
        description=original.description,
        rupiah=original.rupiah,
    )
    session.add(entry)
    session.flush()
    original.status = EntryStatus.DISMISSED
    original.note = f"retried as {entry.id}" + (f": {note}" if note else "")
    original.next_check_at = None
    original.updated_at = now
    session.add(original)
    audit(
        session,
        now,
        who=who,
        action="retry",
        terminal=terminal,
        entry_id=original.id,
        new_entry=entry.id,
        note=note,
    )
    return entry


def resolve_entry(
    session: Session,
    entry_id: str,
    *,
    status: EntryStatus,
    allowed: tuple[EntryStatus, ...],
    action: str,
    who: str,
    terminal: str,
    note: str,
    now: datetime,
    server_redemption_id: int | None = None,
) -> OutboxEntry:
    """A manager's verdict on an entry in one of the ``allowed`` states.

    ``server_redemption_id`` is the id the manager read on the Stamps dashboard (mark applied):
    the entry then has it as if the server's answer had named it, so it is cancelled from the
    till and reconciliation counts its line as owned. An id another redemption of this till has
    is refused: one of the two would be cancelled for the other.
    """
    if not note.strip():
        raise OutboxError(say("decision.note_needed"))
    entry = manager_target(session, entry_id, allowed)
    detail: dict[str, Any] = {"note": note}
    if server_redemption_id is not None:
        _check_server_id_free(session, server_redemption_id, entry.id)
        entry.server_redemption_id = server_redemption_id
        detail = {"server_redemption_id": server_redemption_id, "note": note}
    entry.status = status
    entry.note = note
    entry.next_check_at = None
    entry.updated_at = now
    session.add(entry)
    audit(session, now, who=who, action=action, terminal=terminal, entry_id=entry.id, **detail)
    return entry


def _check_server_id_free(session: Session, server_id: int, entry_id: str) -> None:
    """Refuse ``server_id`` when another redemption of this till has it, naming that one as a
    manager knows it: whose, when (the till's local time) and by whom."""
    if server_id <= 0:
        raise OutboxError(say("manager.server_id"))
    owner = local_redemption(session, server_id)
    if owner is None or owner.id == entry_id:
        return
    raise OutboxError(
        say(
            "manager.server_id_taken",
            server_id=server_id,
            member=owner.member_name or owner.user,
            # a UTC stamp, as a reconciliation's "since": the window says it in its locale
            made=owner.created_at.isoformat(timespec="seconds"),
            cashier=owner.cashier or "?",
        )
    )


def accept_unsent_offline(session: Session, entry_id: str, *, now: datetime) -> OutboxEntry | None:
    """Mark a queued entry that provably never reached the server as accepted offline
    (provisional); ``None`` when it has moved on (sent, settled) and the mark would be false."""
    entry = session.get(OutboxEntry, entry_id)
    if entry is None or entry.status != EntryStatus.QUEUED or may_have_arrived(session, entry_id):
        return None
    if not entry.provisional:
        entry.provisional = True
        entry.accepted_as = accepted_as(entry.last_error)
        entry.updated_at = now
        session.add(entry)
    return entry


def accepted_as(last_error: str | None) -> AcceptedAs:
    """Why an entry is accepted before the server's answer, from how its last attempt ended:
    the server turned it away to be sent again (a 429, a 408), or it could not be reached (or
    no attempt was made: the till knew itself offline). Recorded then, as later attempts say
    nothing of the moment it was accepted."""
    # the record's class name, before its words (``transitions.read_error_text``, which this
    # module cannot import: it imports this one, through the claim)
    kind = (last_error or "").partition(":")[0].strip()
    return _TURNED_AWAY.get(kind, AcceptedAs.OFFLINE)


#: The failures of an attempt the server turned away to be sent again, applying nothing.
_TURNED_AWAY = {
    RateLimited.__name__: AcceptedAs.SLOWED,
    RequestTimedOut.__name__: AcceptedAs.TIMED_OUT,
}


def void_unsent(
    session: Session,
    entry_id: str,
    *,
    reason: dict[str, Any],
    refusal: dict[str, Any],
    who: str,
    terminal: str,
    now: datetime,
) -> OutboxEntry | None:
    """Void a queued entry that provably never reached the server because the offline policy
    will not take it: the entry, its audit row and the shift's refusal record, in this one
    transaction. ``None`` when it has moved on (claimed again, sent, settled)."""
    entry = session.get(OutboxEntry, entry_id)
    if entry is None or entry.status != EntryStatus.QUEUED or may_have_arrived(session, entry_id):
        return None
    entry.status = EntryStatus.VOIDED
    entry.note = VOIDED_BY_POLICY
    entry.policy_refusal = reason
    entry.next_attempt_at = None
    entry.updated_at = now
    session.add(entry)
    audit(session, now, who=who, action=VOIDED_BY_POLICY, terminal=terminal, entry_id=entry.id)
    session.add(Refusal(at=now, entry_id=entry.id, reason=reason, **refusal))
    return entry


def pause(session: Session, *, reason: str, who: str, terminal: str, now: datetime) -> bool:
    """Pause the queue for credentials the server refuses, with an audit row; ``False`` when it
    was paused already (the first refusal's reason and time stand)."""
    control = session.get(OutboxControl, 1)
    assert control is not None
    if control.paused:
        return False
    audit(session, now, who=who, action="paused", terminal=terminal, entry_id=None, reason=reason)
    control.paused = True
    control.paused_at = now
    control.reason = reason
    session.add(control)
    return True


def resume(session: Session, *, who: str, terminal: str, now: datetime) -> None:
    """Unpause the queue, with an audit row when it was paused."""
    control = session.get(OutboxControl, 1)
    assert control is not None
    if control.paused:
        audit(
            session,
            now,
            who=who,
            action="resumed",
            terminal=terminal,
            entry_id=None,
            reason=control.reason,
        )
    control.paused = False
    control.paused_at = None
    control.reason = None
    session.add(control)


def audit(
    session: Session,
    now: datetime,
    *,
    who: str,
    action: str,
    terminal: str,
    entry_id: str | None,
    **detail: Any,
) -> None:
    """Append one line to the audit log in the caller's transaction: it is written exactly when
    what it records is. ``detail`` must never hold a PIN or a token."""
    session.add(
        AuditEvent(
            at=now, who=who, action=action, terminal=terminal, entry_id=entry_id, detail=detail
        )
    )


def next_seq(session: Session) -> int:
    """The next ``seq``: safe because every write transaction holds the database's write lock."""
    return int(
        session.execute(sa.select(sa.func.coalesce(sa.func.max(ENTRIES.c.seq), 0) + 1)).scalar_one()
    )


def may_have_arrived(session: Session, entry_id: str) -> bool:
    count: int = session.execute(
        sa.select(sa.func.count())
        .select_from(ATTEMPTS)
        .where(ATTEMPTS.c.entry_id == entry_id, ATTEMPTS.c.outcome != Outcome.NEVER_ARRIVED)
    ).scalar_one()
    return count > 0


def manager_target(
    session: Session, entry_id: str, allowed: tuple[EntryStatus, ...]
) -> OutboxEntry:
    """The entry a manager's decision is about, when it is in one of the ``allowed`` states;
    else :class:`OutboxError` saying what the entry is now. Reads only."""
    entry = session.get(OutboxEntry, entry_id)
    if entry is None:
        raise OutboxError(say("decision.no_entry", entry_id=entry_id))
    if entry.status not in allowed:
        # said as what the entry is now, in words: the statuses themselves are the till's words
        raise OutboxError(say(f"decision.wrong_state.{EntryStatus(entry.status).value}"))
    return entry


def _cancelled_on_server(entry: OutboxEntry) -> bool:
    """The line of the member's activity that reconciled ``entry`` says the server cancelled
    it since: there is nothing left to cancel, on the till or on the dashboard."""
    return entry.reconciled and LineStatus.recorded(entry.evidence) is LineStatus.CANCELLED
