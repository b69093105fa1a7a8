"""Reconciling ``unknown`` entries against the member's activity feed (architecture §3).

An entry becomes ``synced`` (reconciled, no server id) only when the feed shows a redemption at
this store of the same reward and stamps, created while one of its ambiguous attempts was on its
way (give or take the clock skew), that no other entry of this till accounts for. Anything less
leaves it ``unknown`` with the evidence: a redemption that may exist twice is worse than one a
manager must look at.

The line's ``status`` plays no part in the match: any line proves the request arrived, and a
redemption cancelled on the server since (from its dashboard) must not be sent again, which
would apply what the merchant cancelled. The evidence keeps what the line said
(``line_status``): a row whose line reads "Canceled" reads "Cancelled", one whose status the
till does not know says so (:func:`line_status_of`).

The feed does not say which till made a line. Another till redeeming the same reward for the
same member would leave a line this till cannot tell from its own; the attempt's window (not only
its start) keeps a line made minutes later, at the next till by a customer told "not confirmed",
from being taken for this entry's. The feed does name the channel: a kiosk's entry is not owned by
a line the counter ("POS") made, nor the other way round.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import Channel, EntryStatus, OperationKind, Outcome
from app.core.outbox.decisions import may_have_arrived
from app.core.outbox.policy import OutboxPolicy
from app.core.outbox.remote import LINE_STATUS, LINE_STATUS_SAID, ActivityRecord, LineStatus
from app.core.storage.tables import ATTEMPTS, ENTRIES, AuditEvent, OutboxEntry

#: Why an entry cannot be looked for in its member's activity, as its evidence records it (the
#: command line prints it), by the message that says it on a manager's screen.
CANNOT_RECONCILE = {
    "exception.cancel_not_in_feed": (
        "a cancel leaves no redemption line in the feed; check the Stamps dashboard"
    ),
    "exception.no_expected_line": (
        "the entry does not say which feed line it would leave (reward, stamps, store)"
    ),
    "exception.no_member_contact": (
        "the member has no email or phone number, which the activity feed needs"
    ),
    "exception.no_ambiguous_attempt": "no ambiguous attempt on record",
}
#: The start of a verdict that waits on another entry of the member, and of one that cannot
#: tell which entry owns which line.
DEFERRED, AMBIGUOUS = "deferred", "ambiguous"
#: Why a look at the feed proves nothing when it dates a redemption after the look itself (as
#: :func:`check_failed` records it, and the Exceptions say it).
FEED_AHEAD = (
    "MalformedResponse: the member's activity dates a redemption later than the till's clock reads"
)
#: Where a failed look's evidence keeps what the last look that read the feed found (its own
#: ``checked_at`` with it): the latest look and an earlier one, told apart.
LOOK_BEFORE = "look_before"
#: The verdict when the only lines that could be the entry's are at a store the till cannot
#: place: it has no store code to know its own lines by. Not "not found": such a line may well
#: be this redemption, and sending it again on "not found" would apply it twice.
STORE_UNKNOWN = "store_unknown"


def line_status_of(entry: OutboxEntry) -> LineStatus | None:
    """What the feed line that reconciled ``entry`` said of it; ``None`` for an entry no line
    reconciled (``not_kept`` for one reconciled before the till kept the line's status)."""
    return LineStatus.recorded(entry.evidence) if entry.reconciled else None


def cancelled_on_server(entries: sa.FromClause = ENTRIES) -> sa.ColumnElement[bool]:
    """Entries (of ``entries``: the table or an alias of it) the feed reconciled with a line
    that says the server cancelled the redemption (:func:`line_status_of` in SQL)."""
    return sa.and_(
        entries.c.reconciled.is_(True),
        sa.func.json_extract(entries.c.evidence, f"$.{LINE_STATUS}") == LineStatus.CANCELLED.value,
    )


@dataclass(frozen=True)
class ReconcileTarget:
    """An ``unknown`` entry due for a look at its member's feed."""

    entry_id: str
    user: str
    lane: str
    since: datetime
    checks: int


def due_targets(session: Session, now: datetime, policy: OutboxPolicy) -> list[ReconcileTarget]:
    """``unknown`` entries whose next check is due, oldest first.

    Those that cannot be reconciled from the feed (cancels, no expected line) get their evidence
    here and are not checked again.
    """
    entries = session.execute(
        sa.select(OutboxEntry)
        .where(
            ENTRIES.c.status == EntryStatus.UNKNOWN,
            sa.or_(
                ENTRIES.c.next_check_at <= now,
                # further off than any wait between looks: set before the wall clock was moved
                # back, and would wait for it to catch up (hours, or years)
                ENTRIES.c.next_check_at
                > now + timedelta(seconds=policy.reconcile_cap + policy.clock_tolerance),
            ),
        )
        .order_by(ENTRIES.c.seq)
    ).scalars()
    targets: list[ReconcileTarget] = []
    for entry in list(entries):
        since = session.execute(
            sa.select(sa.func.min(ATTEMPTS.c.started_at)).where(
                ATTEMPTS.c.entry_id == entry.id, ATTEMPTS.c.outcome == Outcome.AMBIGUOUS
            )
        ).scalar()
        reason = None
        if entry.kind == OperationKind.CANCEL:
            reason = CANNOT_RECONCILE["exception.cancel_not_in_feed"]
        elif entry.expect_name is None or entry.expect_stamps is None or entry.expect_store is None:
            reason = CANNOT_RECONCILE["exception.no_expected_line"]
        elif not entry.user:
            reason = CANNOT_RECONCILE["exception.no_member_contact"]
        elif since is None:
            reason = CANNOT_RECONCILE["exception.no_ambiguous_attempt"]
        if reason is not None:
            entry.evidence = {
                "checked_at": now.isoformat(),
                "result": "cannot_reconcile",
                "why": reason,
            }
            entry.next_check_at = None
            entry.updated_at = now
            session.add(entry)
            continue
        assert since is not None
        checks = int((entry.evidence or {}).get("checks", 0))
        targets.append(ReconcileTarget(entry.id, entry.user, entry.lane, since, checks))
    return targets


def apply_activity(
    session: Session,
    target: ReconcileTarget,
    records: Sequence[ActivityRecord],
    policy: OutboxPolicy,
    now: datetime,
) -> bool:
    """Compare the feed with the entry and record the verdict; ``True`` if it became ``synced``."""
    entry = session.get(OutboxEntry, target.entry_id)
    if entry is None or entry.status != EntryStatus.UNKNOWN:
        return False
    skew = timedelta(seconds=policy.reconcile_skew)
    if any(r.created > now + skew for r in records):
        # Stamped by a clock that is not the till's (or nonsense): no line's time can be set
        # beside the attempts' windows, and this redemption's own line, stamped so too, would
        # fall outside them and read "not in the member's activity".
        check_failed(session, target, FEED_AHEAD, policy, now)
        return False
    earliest = target.since - skew
    windows = _attempt_windows(session, entry.id, policy)
    channel = _channel_of(entry)
    expected = {
        "store": entry.expect_store,
        "name": entry.expect_name,
        "stamps": entry.expect_stamps,
    }

    def alike(r: ActivityRecord) -> bool:
        """The line the entry would leave, at whichever store."""
        return (
            r.name == entry.expect_name
            and r.stamps == entry.expect_stamps
            and any(r.made_within(opened, closed) for opened, closed in windows)
            and (r.channel is None or channel is None or r.channel == channel)
        )

    candidates = sorted(
        (r for r in records if r.store == entry.expect_store and alike(r)),
        key=lambda r: r.created,
    )
    unplaced = [r for r in records if r.store is None and alike(r)]
    others = list(
        session.execute(
            sa.select(OutboxEntry).where(ENTRIES.c.lane == entry.lane, ENTRIES.c.id != entry.id)
        ).scalars()
    )
    unsettled = [
        o.id
        for o in others
        if o.status in (EntryStatus.SENDING, EntryStatus.QUEUED) and may_have_arrived(session, o.id)
    ]
    claimed_fps = {o.reconciled_with for o in others if o.reconciled_with}
    known_ids = {o.server_redemption_id for o in others if o.server_redemption_id is not None}
    record_ids = {r.redemption_id for r in records if r.redemption_id is not None}
    # Entries confirmed for the same line (answered 2xx, or marked applied by a manager) whose
    # last attempt ended after our window opened and whose server id the feed does not show:
    # each owns one of the feed's id-less lines.
    answered_idless = sum(
        1
        for o in others
        if o.status == EntryStatus.SYNCED
        and not o.reconciled
        and (o.expect_store, o.expect_name, o.expect_stamps)
        == (entry.expect_store, entry.expect_name, entry.expect_stamps)
        and (o.server_redemption_id is None or o.server_redemption_id not in record_ids)
        and _last_attempt_ended(session, o.id, default=now) >= earliest
    )
    prints = _fingerprints(candidates)
    free_with_id = [
        (r, fp)
        for r, fp in zip(candidates, prints, strict=True)
        if r.redemption_id is not None
        and r.redemption_id not in known_ids
        and fp not in claimed_fps
    ]
    free_idless = [
        (r, fp)
        for r, fp in zip(candidates, prints, strict=True)
        if r.redemption_id is None and fp not in claimed_fps
    ]
    free = len(free_with_id) + max(0, len(free_idless) - answered_idless)
    free_lines = [r for r, _ in free_with_id + free_idless]
    # Other unknown entries of the member for the same line that could own a free line: unless
    # there are lines enough for all of them, no line can be given to any one of them.
    rivals = [
        o.id
        for o in others
        if o.status == EntryStatus.UNKNOWN
        and (o.expect_store, o.expect_name, o.expect_stamps)
        == (entry.expect_store, entry.expect_name, entry.expect_stamps)
        and _could_own(session, o.id, free_lines, policy)
    ]
    match: tuple[ActivityRecord, str] | None = None
    if unsettled:
        verdict = f"{DEFERRED}: another entry of this member may still reach the server"
    elif free == 0:
        verdict = STORE_UNKNOWN if unplaced else "not_found"
    elif free < 1 + len(rivals):
        lines = "1 line" if free == 1 else f"{free} lines"
        verdict = f"{AMBIGUOUS}: {1 + len(rivals)} unknown entries could own {lines}"
    elif free_with_id:
        match = free_with_id[0]
        verdict = "matched"
    else:
        match = free_idless[answered_idless]
        verdict = "matched"
    evidence: dict[str, Any] = {
        "checked_at": now.isoformat(),
        "since": earliest.isoformat(),
        "until": max((closed for _, closed in windows), default=earliest).isoformat(),
        "expected": expected,
        "lines_read": len(records),
        "candidates": [_describe(r) for r in candidates],
        "store_unknown": [_describe(r) for r in unplaced],
        "accounted_by_other_entries": len(candidates) - free,
        "waiting_on": unsettled,
        "rivals": rivals,
        "result": verdict,
        "checks": target.checks + 1,
    }
    if match is not None:
        evidence[LINE_STATUS] = match[0].line_status.value
        evidence[LINE_STATUS_SAID] = match[0].status
    entry.evidence = evidence
    entry.updated_at = now
    if match is not None:
        entry.status = EntryStatus.SYNCED
        entry.reconciled = True
        entry.reconciled_with = match[1]
        entry.next_check_at = None
        session.add(
            AuditEvent(
                at=now,
                who="sync",
                action="reconciled",
                terminal=entry.terminal,
                entry_id=entry.id,
                # what the line says of the redemption beside what it wrote (its ``status``):
                # the trail read "found in the member's activity" of one cancelled there since
                detail={"line": {**_describe(match[0]), LINE_STATUS: match[0].line_status.value}},
            )
        )
    else:
        entry.next_check_at = now + timedelta(seconds=check_delay(policy, target.checks + 1))
    session.add(entry)
    return match is not None


def check_failed(
    session: Session, target: ReconcileTarget, error: str, policy: OutboxPolicy, now: datetime
) -> None:
    """The feed could not be read: keep the entry ``unknown`` and look again later.

    The evidence is this look's alone; what the last look that read the feed found is kept
    apart, whole and with its own time, under :data:`LOOK_BEFORE`. Merged into this one, its
    "lines read" and "that match" stood beside "why it could not be read", and a manager read
    two looks as one: a feed read and unreadable at once."""
    entry = session.get(OutboxEntry, target.entry_id)
    if entry is None or entry.status != EntryStatus.UNKNOWN:
        return
    previous = dict(entry.evidence or {})
    evidence: dict[str, Any] = {
        "checked_at": now.isoformat(),
        "result": "feed_unreadable",
        "error": error,
        "checks": target.checks + 1,
    }
    read = (
        {k: v for k, v in previous.items() if k not in ("checks", LOOK_BEFORE)}
        if "lines_read" in previous
        else previous.get(LOOK_BEFORE)  # unreadable again: the look that read it stays
    )
    if isinstance(read, dict):
        evidence[LOOK_BEFORE] = read
    entry.evidence = evidence
    entry.next_check_at = now + timedelta(seconds=check_delay(policy, target.checks + 1))
    entry.updated_at = now
    session.add(entry)


def check_delay(policy: OutboxPolicy, checks: int) -> float:
    """Seconds until the next look at the feed after ``checks`` looks."""
    return float(min(policy.reconcile_cap, policy.reconcile_base * 2 ** min(checks - 1, 20)))


def _fingerprints(records: Sequence[ActivityRecord]) -> list[str]:
    """Each line's identity; identical id-less lines (same store, reward, stamps and time, as two
    redemptions in one second are) are told apart by their order."""
    seen: Counter[str] = Counter()
    prints: list[str] = []
    for record in records:
        base = record.fingerprint()
        prints.append(base if record.redemption_id is not None else f"{base}#{seen[base]}")
        seen[base] += 1
    return prints


def _channel_of(entry: OutboxEntry) -> Channel | None:
    """The channel the entry's request named (the kiosk's is not the counter's)."""
    said = entry.payload.get("channel") if isinstance(entry.payload, dict) else None
    try:
        return Channel(said) if isinstance(said, int) else None
    except ValueError:
        return None


def _attempt_windows(
    session: Session, entry_id: str, policy: OutboxPolicy
) -> list[tuple[datetime, datetime]]:
    """When each of the entry's ambiguous attempts could have been applied: from its start to its
    end (one a crash cut short: to the end of its lease, past which no request of the till is on
    its way), each widened by the clock skew (the server stamps the line with its own clock)."""
    skew = timedelta(seconds=policy.reconcile_skew)
    lease = timedelta(seconds=policy.lease_seconds)
    rows = session.execute(
        sa.select(ATTEMPTS.c.started_at, ATTEMPTS.c.ended_at).where(
            ATTEMPTS.c.entry_id == entry_id, ATTEMPTS.c.outcome == Outcome.AMBIGUOUS
        )
    ).all()
    return [
        (started - skew, (ended if ended is not None else started + lease) + skew)
        for started, ended in rows
    ]


def _last_attempt_ended(session: Session, entry_id: str, *, default: datetime) -> datetime:
    """When the entry's last attempt ended (or started, if it never did)."""
    row = session.execute(
        sa.select(ATTEMPTS.c.started_at, ATTEMPTS.c.ended_at)
        .where(ATTEMPTS.c.entry_id == entry_id)
        .order_by(ATTEMPTS.c.number.desc())
        .limit(1)
    ).first()
    if row is None:
        return default
    started, ended = row
    return ended if ended is not None else started  # type: ignore[no-any-return]


def _could_own(
    session: Session, entry_id: str, lines: Sequence[ActivityRecord], policy: OutboxPolicy
) -> bool:
    """Whether a line created at one of ``lines`` may belong to the (unknown) entry ``entry_id``:
    made while one of its ambiguous attempts was on its way, as its own lines are matched. An
    entry whose attempts all ended before a line was made (a 503 the server never applied, long
    before) is no rival for it, or it would keep the later entry unknown for good."""
    windows = _attempt_windows(session, entry_id, policy)
    return any(line.made_within(opened, closed) for line in lines for opened, closed in windows)


def _describe(record: ActivityRecord) -> dict[str, Any]:
    return {
        "store": record.store,
        "name": record.name,
        "stamps": record.stamps,
        "created": record.created.isoformat(),
        "redemption_id": record.redemption_id,
        "channel": record.channel.name if record.channel is not None else None,
        "status": record.status,
    }
