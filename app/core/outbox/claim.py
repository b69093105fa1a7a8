"""Taking the next entry to send, atomically, and the sweeps that run in the same transaction.

Every function here runs inside one ``BEGIN IMMEDIATE`` transaction on the writer thread, so two
processes sharing the database file (the GUI and a headless ``stamps-pos sync``) never claim the
same entry or two entries of one lane. They run on the SQLite connection itself, each statement
prepared once (:class:`~app.core.storage.prepared.Prepared`): a drain claims and records an entry
every few milliseconds, and the ORM around these statements cost more than SQLite did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import Channel, EntryStatus, OperationKind, Outcome
from app.core.outbox.policy import OutboxPolicy, key_vouches
from app.core.outbox.reconcile import cancelled_on_server
from app.core.storage.prepared import Prepared
from app.core.storage.tables import (
    ATTEMPTS,
    CONTROL,
    ENTRIES,
    OutboxEntry,
    UTCDateTime,
)

#: What an attempt and its entry record when the attempt's lease ran out, when a PIN's
#: authorisation ran out before a send, and when a kiosk's entry was not sent within its bound
#: (app/core/services/failures.py says them in words). A kiosk's entry may have had no PIN, and
#: when it had one, its customer had gone either way: it records the kiosk's bound.
LEASE_LOST = "lease ran out (crash or kill mid-attempt)"
PIN_EXPIRED = "authorisation expired"
KIOSK_EXPIRED = "not sent within the kiosk's bound"
NEEDS_DASHBOARD = (
    "the redemption was confirmed without a server id (reconciled or marked applied): "
    "cancel it in the Stamps dashboard"
)
#: A cancel's note when the line of the member's activity that confirmed its redemption says the
#: server cancelled that redemption since: there was nothing left to cancel, anywhere.
CANCELLED_ON_SERVER = "nothing to cancel: the server had cancelled the redemption already"


def needs_dashboard(entry: OutboxEntry) -> bool:
    """A cancel the till never sent, having no server id to cancel its redemption by (the sweep
    rejected it :data:`NEEDS_DASHBOARD`): only the Stamps dashboard can; sent again, it would
    be held and ended so again."""
    return (
        entry.kind == OperationKind.CANCEL
        and entry.status == EntryStatus.REJECTED
        and entry.last_error == NEEDS_DASHBOARD
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


def _held(entries: sa.FromClause, target: sa.FromClause) -> sa.ColumnElement[bool]:
    """A cancel waiting for its redemption to be synced: neither sendable nor blocking its lane.

    ``target`` is an alias of the entries table distinct from ``entries``.
    """
    return sa.and_(
        entries.c.cancels.is_not(None),
        sa.exists().where(target.c.id == entries.c.cancels, target.c.status != EntryStatus.SYNCED),
    )


def blocking(entry_id: str, lane: str, seq: int) -> sa.Select[Any]:
    """The entries of ``lane`` that hold entry ``entry_id`` (at ``seq``) back, by the claim's
    own rules (:data:`_CANDIDATE`), earliest first: one of the lane being sent, or an earlier
    one still queued that is not itself a held cancel (a cancel waiting for its redemption holds
    nothing back)."""
    earlier_target = ENTRIES.alias("bt")
    return (
        sa.select(ENTRIES.c.id)
        .where(
            ENTRIES.c.lane == lane,
            ENTRIES.c.id != entry_id,
            sa.or_(
                ENTRIES.c.status == EntryStatus.SENDING,
                sa.and_(
                    ENTRIES.c.status == EntryStatus.QUEUED,
                    ENTRIES.c.seq < seq,
                    ~_held(ENTRIES, earlier_target),
                ),
            ),
        )
        .order_by(ENTRIES.c.seq)
    )


# The claim's statement is built once: its aliases and clauses cost more Python to build than the
# statement costs SQLite to run. Indexes (migration 0003): the candidate walks ``(status, seq)``
# in seq order and stops at the first sendable one; the lane checks probe ``(lane, status, seq)``.
_E = ENTRIES.alias("e")
_SENDING = ENTRIES.alias("s")
_EARLIER = ENTRIES.alias("b")
_E_TARGET = ENTRIES.alias("et")
_EARLIER_TARGET = ENTRIES.alias("bt")
_NOW = sa.bindparam("claim_now", type_=UTCDateTime())
_CANDIDATE = (
    sa.select(_E.c.id)
    .where(
        _E.c.status == EntryStatus.QUEUED,
        sa.or_(_E.c.next_attempt_at.is_(None), _E.c.next_attempt_at <= _NOW),
        ~_held(_E, _E_TARGET),
        ~sa.exists().where(_SENDING.c.lane == _E.c.lane, _SENDING.c.status == EntryStatus.SENDING),
        ~sa.exists().where(
            _EARLIER.c.lane == _E.c.lane,
            _EARLIER.c.status == EntryStatus.QUEUED,
            _EARLIER.c.seq < _E.c.seq,
            ~_held(_EARLIER, _EARLIER_TARGET),
        ),
    )
    .order_by(_E.c.seq)
    .limit(1)
    .scalar_subquery()
)
_CLAIM = (
    sa.update(ENTRIES)
    .where(
        ENTRIES.c.id == _CANDIDATE,
        ENTRIES.c.status == EntryStatus.QUEUED,
        # nothing is claimed from a queue paused for its credentials (asked here rather than in
        # a statement of its own: one fewer for every claim of a drain)
        ~sa.exists().where(CONTROL.c.id == 1, CONTROL.c.paused),
    )
    .values(
        status=EntryStatus.SENDING,
        lease_owner=sa.bindparam("claim_owner", type_=sa.String()),
        lease_until=sa.bindparam("claim_lease_until", type_=UTCDateTime()),
        attempts=ENTRIES.c.attempts + 1,
        first_sent_at=sa.func.coalesce(ENTRIES.c.first_sent_at, _NOW),
        next_attempt_at=None,
        updated_at=_NOW,
    )
    .returning(
        ENTRIES.c.id,
        ENTRIES.c.attempts,
        ENTRIES.c.kind,
        ENTRIES.c.payload,
        ENTRIES.c.lane,
        ENTRIES.c.user,
        ENTRIES.c.terminal,
        ENTRIES.c.cancels,
    )
)
#: A kiosk's entry past its bound (``expires_at``, set when it was queued): its customer has gone,
#: so it is never sent again, even under a key that vouches. A PIN's entry is, past its expiry:
#: the server checks the authorisation, and the kiosk's entry without a PIN has nothing that does.
_ON_KIOSK = sa.func.json_extract(ENTRIES.c.payload, "$.channel") == int(Channel.KIOSK)
_KIOSK_PAST_BOUND = sa.and_(_ON_KIOSK, ENTRIES.c.expires_at <= _NOW)
# The sweep's queries, built once too; each is a range of an index of migration 0003.
_LOST = sa.select(
    ENTRIES.c.id,
    ENTRIES.c.first_sent_at,
    ENTRIES.c.updated_at,
    sa.type_coerce(_KIOSK_PAST_BOUND, sa.Boolean()),
).where(ENTRIES.c.status == EntryStatus.SENDING, ENTRIES.c.lease_until < _NOW)
_QUEUED_AMBIGUOUS = sa.select(
    ENTRIES.c.id,
    ENTRIES.c.first_sent_at,
    ENTRIES.c.updated_at,
    sa.type_coerce(_KIOSK_PAST_BOUND, sa.Boolean()),
).where(
    ENTRIES.c.status == EntryStatus.QUEUED,
    # only an entry sent before has attempts (the claim writes both at once)
    ENTRIES.c.first_sent_at.is_not(None),
    _has_ambiguous(ENTRIES.c.id),
)
_EXPIRED = sa.select(ENTRIES.c.id, sa.type_coerce(_ON_KIOSK, sa.Boolean())).where(
    ENTRIES.c.status == EntryStatus.QUEUED,
    ENTRIES.c.expires_at <= _NOW,
    ~_may_have_arrived(ENTRIES.c.id),
)
# The wall clock moved back (a dead CMOS battery, a hand "fix"): no lease is longer than a lease
# from now, so one that reaches further was written under the old time. It is cut to a whole lease
# from now, not ended: its request may still be on its way (ranges of ``status, seq``).
_LEASE_LIMIT = sa.bindparam("lease_limit", type_=UTCDateTime())
_OVERLONG_LEASES = (
    sa.update(ENTRIES)
    .where(ENTRIES.c.status == EntryStatus.SENDING, ENTRIES.c.lease_until > _LEASE_LIMIT)
    .values(lease_until=_LEASE_LIMIT)
)
# A queued entry sent before, written later than now: its backoff was measured on the old time
# (a range of ``status, first_sent_at``: only an entry sent before has a backoff).
_WRITTEN_LATER = sa.bindparam("written_later", type_=UTCDateTime())
_WAITS_WRITTEN_LATER = sa.select(
    ENTRIES.c.id, ENTRIES.c.next_attempt_at, ENTRIES.c.updated_at
).where(
    ENTRIES.c.status == EntryStatus.QUEUED,
    ENTRIES.c.first_sent_at.is_not(None),
    ENTRIES.c.updated_at > _WRITTEN_LATER,
)
_SWEEP_TARGET = ENTRIES.alias("target")
# the redemption's line in the member's activity says the server cancelled it since
_TARGET_CANCELLED_ON_SERVER = cancelled_on_server(_SWEEP_TARGET)
_CANCELS = (
    sa.select(
        ENTRIES.c.id,
        _SWEEP_TARGET.c.status,
        _SWEEP_TARGET.c.server_redemption_id,
        sa.type_coerce(_TARGET_CANCELLED_ON_SERVER, sa.Boolean()),
    )
    .join(_SWEEP_TARGET, _SWEEP_TARGET.c.id == ENTRIES.c.cancels)
    .where(
        ENTRIES.c.status == EntryStatus.QUEUED,
        ENTRIES.c.cancels.is_not(None),
        ENTRIES.c.kind == OperationKind.CANCEL,
        ~_may_have_arrived(ENTRIES.c.id),
    )
)

# Whether the sweep has anything to do: each of its statements' conditions, asked in one
# statement. A drain's every claim sweeps, and almost always finds nothing; six statements to
# find it cost the writer about 100 µs a claim, each a wait for the GIL as it came back.
_SWEEP_NEEDED = sa.select(
    sa.or_(
        sa.exists().where(
            ENTRIES.c.status == EntryStatus.SENDING, ENTRIES.c.lease_until > _LEASE_LIMIT
        ),
        _LOST.exists(),
        _QUEUED_AMBIGUOUS.exists(),
        sa.exists().where(
            ENTRIES.c.status == EntryStatus.QUEUED,
            ENTRIES.c.first_sent_at.is_not(None),
            ENTRIES.c.updated_at > _WRITTEN_LATER,
        ),
        _EXPIRED.exists(),
        _CANCELS.exists(),
    )
)


_PREPARED_CLAIM = Prepared(_CLAIM)
_PREPARED_SWEEP_NEEDED = Prepared(_SWEEP_NEEDED)
_PREPARED_LOST = Prepared(_LOST)
_PREPARED_QUEUED_AMBIGUOUS = Prepared(_QUEUED_AMBIGUOUS)
_PREPARED_OVERLONG_LEASES = Prepared(_OVERLONG_LEASES)
_PREPARED_WAITS_WRITTEN_LATER = Prepared(_WAITS_WRITTEN_LATER)
_PREPARED_EXPIRED = Prepared(_EXPIRED)
_PREPARED_CANCELS = Prepared(_CANCELS)
_LEASE_LOST = Prepared(
    sa.update(ATTEMPTS)
    .where(ATTEMPTS.c.entry_id == sa.bindparam("s_entry_id"), ATTEMPTS.c.ended_at.is_(None))
    .values(error=LEASE_LOST)
)
_NEW_ATTEMPT = Prepared(
    sa.insert(ATTEMPTS).values(
        entry_id=sa.bindparam("a_entry_id", type_=sa.String()),
        number=sa.bindparam("a_number", type_=sa.Integer()),
        lease_owner=sa.bindparam("a_lease_owner", type_=sa.String()),
        started_at=sa.bindparam("a_started_at", type_=UTCDateTime()),
        outcome=Outcome.AMBIGUOUS,
    )
)
_SERVER_ID = Prepared(
    sa.select(ENTRIES.c.server_redemption_id).where(ENTRIES.c.id == sa.bindparam("s_entry_id"))
)
_entry_updates: dict[frozenset[str], Prepared] = {}


def set_entry(connection: sqlite3.Connection, entry_id: str, values: dict[str, Any]) -> None:
    """``UPDATE outbox_entries SET <values> WHERE id = entry_id``, prepared once per set of
    columns."""
    columns = frozenset(values)
    statement = _entry_updates.get(columns)
    if statement is None:
        statement = _entry_updates[columns] = Prepared(
            sa.update(ENTRIES)
            .where(ENTRIES.c.id == sa.bindparam("u_entry_id"))
            .values(
                {
                    name: sa.bindparam(f"u_{name}", type_=ENTRIES.c[name].type)
                    for name in sorted(columns)
                }
            )
        )
    statement.run(connection, {"u_entry_id": entry_id, **{f"u_{k}": v for k, v in values.items()}})


def sweep(connection: sqlite3.Connection, policy: OutboxPolicy, now: datetime) -> list[str]:
    """Move every entry whose state time or a neighbour has decided; returns the ids changed.

    - a lease that ran out (crash, kill): the attempt stays ambiguous; the entry goes back to
      ``queued`` under the same key when the key vouches, else to ``unknown``;
    - a queued entry with an ambiguous attempt whose key no longer vouches → ``unknown``;
    - a kiosk's entry past its bound with an ambiguous attempt, likewise → ``unknown``, never
      resent: the feed proves it or a manager decides (docs/kiosk.md);
    - a PIN authorisation or a kiosk's bound that ran out, no attempt having possibly arrived →
      ``expired``;
    - a cancel whose redemption ended without reaching the server → ``voided``; whose redemption
      was confirmed without a server id → ``rejected`` (the dashboard must do it), or ``voided``
      when the member's activity that confirmed it says the server cancelled it already.

    The wall clock moved back (now earlier than times the till recorded): a lease reaching
    further than one lease from now is cut to that; a key whose entry was written later than
    now does not vouch; a backoff waits at most what it was given, from now (architecture §3).
    """
    changed: list[str] = []

    def resend(
        first_sent_at: datetime | None, updated_at: datetime | None, kiosk_past_bound: bool
    ) -> bool:
        return not kiosk_past_bound and key_vouches(policy, first_sent_at, now, updated_at)

    lease_limit = now + timedelta(seconds=policy.lease_seconds)
    written_later = now + timedelta(seconds=policy.clock_tolerance)
    if not _PREPARED_SWEEP_NEEDED.rows(
        connection,
        {"lease_limit": lease_limit, "claim_now": now, "written_later": written_later},
    )[0][0]:
        return changed  # (nothing below would find a row: none changes one before the next)
    _PREPARED_OVERLONG_LEASES.run(connection, {"lease_limit": lease_limit})
    params = {"claim_now": now}
    for entry_id, first_sent_at, updated_at, kiosk_past_bound in _PREPARED_LOST.rows(
        connection, params
    ):
        requeue = resend(first_sent_at, updated_at, kiosk_past_bound)
        _LEASE_LOST.run(connection, {"s_entry_id": entry_id})
        _set(
            connection,
            entry_id,
            now,
            status=EntryStatus.QUEUED if requeue else EntryStatus.UNKNOWN,
            lease_owner=None,
            lease_until=None,
            last_outcome=Outcome.AMBIGUOUS,
            last_error=LEASE_LOST,
            next_attempt_at=now if requeue else None,
            next_check_at=None if requeue else now,
        )
        changed.append(entry_id)

    for entry_id, first_sent_at, updated_at, kiosk_past_bound in _PREPARED_QUEUED_AMBIGUOUS.rows(
        connection, params
    ):
        if not resend(first_sent_at, updated_at, kiosk_past_bound):
            _set(connection, entry_id, now, status=EntryStatus.UNKNOWN, next_check_at=now)
            changed.append(entry_id)

    # (after the ambiguous ones: rewriting ``updated_at`` wipes the sign the clock went back)
    _restart_waits_written_later(connection, policy, now)

    for entry_id, kiosk in _PREPARED_EXPIRED.rows(connection, params):
        _set(
            connection,
            entry_id,
            now,
            status=EntryStatus.EXPIRED,
            last_error=KIOSK_EXPIRED if kiosk else PIN_EXPIRED,
        )
        changed.append(entry_id)

    for entry_id, target_status, server_id, cancelled_there in _PREPARED_CANCELS.rows(
        connection, {}
    ):
        if target_status in (
            EntryStatus.REJECTED,
            EntryStatus.VOIDED,
            EntryStatus.EXPIRED,
            EntryStatus.DISMISSED,
        ):
            note = f"nothing to cancel: the redemption is {target_status}"
            _set(connection, entry_id, now, status=EntryStatus.VOIDED, note=note)
            changed.append(entry_id)
        elif target_status == EntryStatus.SYNCED and server_id is None and cancelled_there:
            # "cancel it on the dashboard" sent a manager to cancel what was cancelled there
            _set(connection, entry_id, now, status=EntryStatus.VOIDED, note=CANCELLED_ON_SERVER)
            changed.append(entry_id)
        elif target_status == EntryStatus.SYNCED and server_id is None:
            _set(connection, entry_id, now, status=EntryStatus.REJECTED, last_error=NEEDS_DASHBOARD)
            changed.append(entry_id)
    return changed


def _restart_waits_written_later(
    connection: sqlite3.Connection, policy: OutboxPolicy, now: datetime
) -> None:
    """The wall clock moved back under queued entries backing off: each waits at most the wait
    it was given, from now, not until the clock catches up with the old time (hours; 26 years
    for a till booting in 2000). Sending early costs the server a request; it sends nothing
    twice (the key's question was settled above)."""
    later = now + timedelta(seconds=policy.clock_tolerance)
    for entry_id, next_attempt_at, updated_at in _PREPARED_WAITS_WRITTEN_LATER.rows(
        connection, {"written_later": later}
    ):
        due = next_attempt_at
        if due is not None:
            due = min(due, now + max(timedelta(0), due - updated_at))
        _set(connection, entry_id, now, next_attempt_at=due)


def _set(connection: sqlite3.Connection, entry_id: str, now: datetime, **values: Any) -> None:
    set_entry(connection, entry_id, {"updated_at": now, **values})


def claim_next(
    connection: sqlite3.Connection, policy: OutboxPolicy, now: datetime, owner: str
) -> Claimed | None:
    """Claim the next sendable entry, if any, writing its lease and an ``ambiguous`` attempt.

    The candidate is the lowest ``seq`` of its lane among entries that are queued, due, and not
    held; it is taken only when nothing of its lane is ``sending`` and nothing earlier in the lane
    is queued (rejected, unknown and final entries do not block).
    """
    claimed = claim_batch(connection, policy, now, [owner])
    return claimed[0] if claimed else None


def claim_batch(
    connection: sqlite3.Connection, policy: OutboxPolicy, now: datetime, owners: Sequence[str]
) -> list[Claimed]:
    """Claim up to one entry per owner (each as :func:`claim_next` would, one after the other, in
    the caller's transaction); stops at the first that finds nothing sendable."""
    if not owners:
        return []
    lease_until = now + timedelta(seconds=policy.lease_seconds)
    claimed: list[Claimed] = []
    for owner in owners:
        found = _PREPARED_CLAIM.rows(
            connection, {"claim_now": now, "claim_owner": owner, "claim_lease_until": lease_until}
        )
        if not found:
            break
        entry_id, attempt, kind, stored_payload, lane, user, terminal, cancels = found[0]
        payload = dict(stored_payload)
        if cancels is not None:
            server_id = _SERVER_ID.rows(connection, {"s_entry_id": cancels})[0][0]
            assert server_id is not None
            payload["id"] = server_id
            set_entry(connection, entry_id, {"payload": payload})
        _NEW_ATTEMPT.run(
            connection,
            {
                "a_entry_id": entry_id,
                "a_number": attempt,
                "a_lease_owner": owner,
                "a_started_at": now,
            },
        )
        claimed.append(
            Claimed(
                entry_id=entry_id,
                owner=owner,
                attempt=attempt,
                kind=OperationKind(kind),
                payload=payload,
                lane=lane,
                user=user,
                terminal=terminal,
                lease_until=lease_until,
                started_at=now,
            )
        )
    return claimed


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
