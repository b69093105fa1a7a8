"""The outbox: every redemption and cancellation the till makes, durable before anyone is told.

The UI and the CLI enqueue and then await the entry's outcome; the :class:`SyncWorker` claims and
sends. Each method is one transaction on the writer thread, committed before it returns.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import sqlalchemy as sa
import uuid6
from sqlmodel import Session

from app.core import clock, logs
from app.core.domain import AcceptedAs, Channel, EntryStatus, OperationKind, Outcome
from app.core.outbox import claim as claims
from app.core.outbox import decisions, reconcile
from app.core.outbox.admission import (
    HELD_STAMPS,
    Admission,
    NotAdmitted,
    PromoOnInvoice,
    confirmed_until,
    promo_standing,
)
from app.core.outbox.claim import Claimed
from app.core.outbox.errors import ForbiddenPayload, OutboxError
from app.core.outbox.policy import OutboxPolicy
from app.core.outbox.remote import ActivityRecord, SubmitResult
from app.core.outbox.retry import RetryPolicy
from app.core.outbox.status import OutboxStatus, read_status
from app.core.outbox.transitions import apply_result, error_text
from app.core.stamps.errors import StampsError
from app.core.storage.payloads import FORBIDDEN_KEYS, forbidden_key
from app.core.storage.prepared import Prepared, as_loaded
from app.core.storage.tables import (
    ATTEMPTS,
    ENTRIES,
    TALLIES,
    Attempt,
    AttemptTally,
    AuditEvent,
    MemberBalance,
    OutboxEntry,
)
from app.core.storage.writer import Database

log = logging.getLogger(__name__)

__all__ = [
    "FORBIDDEN_KEYS",
    "EntryRecord",
    "ForbiddenPayload",
    "Outbox",
    "OutboxError",
    "check_payload",
]

IN_FLIGHT = (EntryStatus.QUEUED, EntryStatus.SENDING)
#: The columns an enqueue writes, besides ``seq``.
_ENQUEUED = (
    "id",
    "kind",
    "payload",
    "lane",
    "user",
    "status",
    "attempts",
    "depends_on",
    "expires_at",
    "provisional",
    "accepted_as",
    "reconciled",
    "expect_store",
    "expect_name",
    "expect_stamps",
    "cashier",
    "terminal",
    "created_at",
    "updated_at",
    "shift_id",
    "member_name",
    "issues_voucher",
    "description",
    "rupiah",
)
#: The next ``seq``, read in the insert's own transaction (safe: see ``decisions.next_seq``).
#: Read apart rather than as the insert's ``RETURNING``: SQLite ran that insert for about 40 µs
#: more CPU than this read and a plain insert together (docs/performance.md, The enqueue).
_NEXT_SEQ = Prepared(sa.select(sa.func.coalesce(sa.func.max(ENTRIES.c.seq), 0) + 1))
_INSERT = Prepared(
    sa.insert(ENTRIES).values(
        seq=sa.bindparam("e_seq", type_=ENTRIES.c.seq.type),
        **{name: sa.bindparam(f"e_{name}", type_=ENTRIES.c[name].type) for name in _ENQUEUED},
    )
)
_ENTRY_COLUMNS = tuple(column.name for column in ENTRIES.columns)
_SELECT_ENTRY = Prepared(sa.select(*ENTRIES.columns).where(ENTRIES.c.id == sa.bindparam("e_id")))


@dataclass(frozen=True)
class EntryRecord:
    """What the shift's record says of an entry: the shift it belongs to, the member's name,
    the cashier's words for it, its rupiah when it spends a voucher's value, and whether it is
    a reward that is a voucher (its receipt says so before any answer names the voucher)."""

    shift_id: int | None = None
    member_name: str | None = None
    description: str | None = None
    rupiah: int | Decimal | None = None
    issues_voucher: bool = False


def check_payload(payload: Any) -> None:
    """Refuse a payload holding a ``pin`` or ``token`` key anywhere."""
    key = forbidden_key(payload)
    if key is not None:
        raise ForbiddenPayload(f"an outbox payload may not hold {key!r}")


class Outbox:
    """The till's queue of redemptions and cancellations, on one :class:`Database`.

    ``retry`` is the backoff for the worker's resends. Listeners added with :meth:`add_listener`
    are called (on the loop) after every change this process makes, so a worker wakes at once.
    """

    def __init__(
        self, db: Database, policy: OutboxPolicy, retry: RetryPolicy | None = None
    ) -> None:
        self.db = db
        self.policy = policy
        self.retry_policy = retry or RetryPolicy()
        self._listeners: list[Callable[[], None]] = []
        self._waiters: dict[str, list[asyncio.Event]] = {}

    @classmethod
    async def open(
        cls, path: Path, policy: OutboxPolicy, retry: RetryPolicy | None = None
    ) -> Outbox:
        """Open (and migrate) the database at ``path`` and the outbox on it."""
        return cls(await Database.open(path), policy, retry)

    async def close(self) -> None:
        """Close the database."""
        await self.db.close()

    # --- change notification -----------------------------------------------------------------

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after every change this process makes (once, however often added)."""
        if callback not in self._listeners:
            self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        """Stop calling ``callback``."""
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _changed(self, ids: Iterable[str] = ()) -> None:
        for entry_id in ids:
            for event in self._waiters.pop(entry_id, []):
                event.set()
        for callback in list(self._listeners):
            callback()

    # --- the cashier's side ------------------------------------------------------------------

    async def enqueue(
        self,
        kind: OperationKind,
        payload: Mapping[str, Any],
        *,
        lane: str,
        user: str,
        cashier: str,
        terminal: str,
        provisional: bool = False,
        expires_at: datetime | None = None,
        depends_on: str | None = None,
        entry_id: str | None = None,
        reward_name: str | None = None,
        stamps: int | None = None,
        record: EntryRecord | None = None,
        admit: Callable[[int], Admission] | None = None,
        balance_as_of: datetime | None = None,
        once_on_invoice: tuple[str, str] | None = None,
    ) -> OutboxEntry:
        """Queue a redemption; it is committed when this returns.

        ``entry_id`` (a UUID string) is given when the till already used it, as the ``request_id``
        of a PIN authorisation; enqueuing the same id and payload twice returns the first entry.
        ``reward_name`` and ``stamps`` describe the line the redemption leaves in the member's feed,
        for reconciliation; the store comes from the payload. ``record`` is what the shift's
        record says of it, written in the same transaction.

        ``admit``, when given, decides in the same transaction, from the stamps the lane already
        holds against its balance read ``balance_as_of`` (:meth:`held_stamps`; both are given or
        neither), whether the entry is queued and whether it is provisional;
        :class:`NotAdmitted` is raised with its answer when it says no, and nothing is queued.
        Deciding there means two redemptions for one member cannot both spend the same stamps.

        ``once_on_invoice`` (a promo's code and invoice number) refuses, in the same transaction
        and before ``admit`` is asked, a promo the lane already has standing on that invoice
        (:meth:`promo_on_invoice`): :class:`PromoOnInvoice` is raised and nothing is queued. Two
        enqueues of one promo a few milliseconds apart cannot both be queued. The same
        ``entry_id`` handed in again is that entry, returned as above, not a second promo.
        """
        now = clock.now()  # the loop's time, taken before the work is queued
        if kind is OperationKind.CANCEL:
            raise OutboxError("a cancellation is made with Outbox.cancel()")
        if (admit is None) != (balance_as_of is None):
            raise OutboxError("admit is decided against a balance read at a known time")
        check_payload(payload)
        new_id = str(UUID(entry_id)) if entry_id is not None else str(uuid6.uuid7())
        body = dict(payload)
        store = body.get("store")

        values: dict[str, Any] = {
            "id": new_id,
            "kind": kind,
            "payload": body,
            "lane": lane,
            "user": user,
            "status": EntryStatus.QUEUED,
            "attempts": 0,
            "depends_on": depends_on,
            "expires_at": expires_at,
            "provisional": provisional,
            # the policy accepts a redemption before sending it only when the till is offline
            "accepted_as": AcceptedAs.OFFLINE if provisional else None,
            "reconciled": False,
            "expect_store": int(store)
            if isinstance(store, int | str) and str(store).isdigit()
            else None,
            "expect_name": reward_name,
            "expect_stamps": stamps,
            "cashier": cashier,
            "terminal": terminal,
            "created_at": now,
            "updated_at": now,
            "shift_id": record.shift_id if record else None,
            "member_name": record.member_name if record else None,
            "description": record.description if record else None,
            "rupiah": record.rupiah if record else None,
            "issues_voucher": record.issues_voucher if record else False,
        }

        until = confirmed_until(balance_as_of, self.policy)  # (the loop's clock, taken now)

        def write(connection: sqlite3.Connection) -> tuple[OutboxEntry | None, Any]:
            # The reads and the insert in one transaction on the writer thread, each a statement
            # prepared once: the ORM around them cost more than the commit (make bench).
            if entry_id is not None:  # a fresh UUIDv7 cannot be in the table already
                found = _SELECT_ENTRY.rows(connection, {"e_id": new_id})
                if found:
                    existing = as_loaded(
                        OutboxEntry, dict(zip(_ENTRY_COLUMNS, found[0], strict=True))
                    )
                    if existing.kind != kind or existing.payload != body or existing.lane != lane:
                        raise OutboxError(f"entry {new_id} already exists with another request")
                    return existing, None
            if once_on_invoice is not None:
                earlier = promo_standing(connection, lane, *once_on_invoice)
                if earlier is not None:
                    return None, PromoOnInvoice(earlier)
            admission = None
            if admit is not None:
                held = HELD_STAMPS.rows(
                    connection,
                    {
                        "h_lane": lane,
                        "h_leaving_out": None,
                        "h_as_of": balance_as_of,
                        "h_until": until,
                    },
                )
                admission = admit(held[0][0])
                if not admission.allowed:
                    return None, admission
                values["provisional"] = admission.provisional
                values["accepted_as"] = AcceptedAs.OFFLINE if admission.provisional else None
            values["seq"] = _NEXT_SEQ.rows(connection, {})[0][0]
            _INSERT.run(connection, {f"e_{name}": value for name, value in values.items()})
            return as_loaded(OutboxEntry, values), admission

        entry, admission = await self.db.write_raw(write)
        if entry is None:
            # answered rather than raised in the transaction: a raise rolls back the writes
            # queued with it, each then run again alone
            raise admission if isinstance(admission, PromoOnInvoice) else NotAdmitted(admission)
        log.info("queued %s in lane %s", kind, lane, extra=logs.entry(entry.id))
        self._changed([entry.id])
        return entry

    async def held_stamps(
        self, lane: str, *, as_of: datetime, leaving_out: str | None = None
    ) -> int:
        """The stamps to take from the lane's balance read ``as_of`` (``leaving_out`` one entry):
        what its queued, sending and unknown redemptions hold (spent as far as the till knows,
        not yet confirmed by the server), and what those confirmed after ``as_of`` spent, unless
        a confirmed cancel gave it back."""

        params = {
            "h_lane": lane,
            "h_leaving_out": leaving_out,
            "h_as_of": as_of,
            "h_until": confirmed_until(as_of, self.policy),
        }
        found = await self.db.read_raw(lambda connection: HELD_STAMPS.rows(connection, params))
        return int(found[0][0])

    async def promo_on_invoice(self, lane: str, code: str, invoice: str) -> str | None:
        """The id of the lane's redemption of promo ``code`` with ``invoice`` that still stands
        (waiting, being sent, not confirmed or confirmed, and no confirmed cancel of it), or
        ``None``. A promo goes on a sale once: the cashier who pressed Enter in the invoice field
        (which redeemed the promo waiting for it) and then scanned the promo again doubled it.
        Read as a look ahead; :meth:`enqueue`'s ``once_on_invoice`` decides."""
        return await self.db.read_raw(
            lambda connection: promo_standing(connection, lane, code, invoice)
        )

    async def outage_left(self) -> tuple[datetime, int, int] | None:
        """The outage the till's last run left, as its entries tell it: ``None`` when no entry
        accepted offline still waits to be sent (the outage ended, or never began); else from
        the oldest that waits, the stamps and the redemptions accepted offline since
        (architecture §4). One ``unknown`` waits for a manager, not for the network: taken for
        an outage, last month's would have counted every redemption accepted offline since
        against today's caps, at every start."""

        def read(session: Session) -> tuple[datetime, int, int] | None:
            started = session.execute(
                sa.select(sa.func.min(ENTRIES.c.created_at)).where(
                    ENTRIES.c.provisional.is_(True),
                    ENTRIES.c.status.in_((EntryStatus.QUEUED, EntryStatus.SENDING)),
                )
            ).scalar()
            if started is None:
                return None
            stamps, redemptions = session.execute(
                sa.select(
                    sa.func.coalesce(sa.func.sum(ENTRIES.c.expect_stamps), 0), sa.func.count()
                ).where(
                    ENTRIES.c.provisional.is_(True),
                    ENTRIES.c.kind != OperationKind.CANCEL,
                    ENTRIES.c.created_at >= started,
                )
            ).one()
            return started, int(stamps), int(redemptions)

        return await self.db.read(read)

    async def get(self, entry_id: str) -> OutboxEntry | None:
        """The entry, as last committed."""
        return await self.db.read(lambda s: s.get(OutboxEntry, entry_id))

    async def waits_behind(self, entry: OutboxEntry) -> OutboxEntry | None:
        """The entry of its member's lane that holds ``entry`` back by the claim's rules (one
        being sent, or an earlier one queued that is no held cancel), or ``None``."""

        def read(session: Session) -> OutboxEntry | None:
            first = claims.blocking(entry.id, entry.lane, entry.seq).limit(1).scalar_subquery()
            return session.execute(
                sa.select(OutboxEntry).where(ENTRIES.c.id == first)
            ).scalar_one_or_none()

        return await self.db.read(read)

    async def sent_again_as(self, entry: OutboxEntry) -> OutboxEntry | None:
        """The redemption a manager's "Send again" made of ``entry`` (the latest, if it was sent
        again more than once), or ``None``. A retry depends on its original and is of its kind;
        a cancel of it depends on it too, and is not."""

        def read(session: Session) -> OutboxEntry | None:
            return session.execute(
                sa.select(OutboxEntry)
                .where(ENTRIES.c.depends_on == entry.id, ENTRIES.c.kind == entry.kind)
                .order_by(ENTRIES.c.seq.desc())
                .limit(1)
            ).scalar_one_or_none()

        return await self.db.read(read)

    async def entries(
        self,
        statuses: Iterable[EntryStatus] | None = None,
        *,
        lane: str | None = None,
        limit: int | None = None,
        newest: int | None = None,
    ) -> list[OutboxEntry]:
        """Entries in ``seq`` order, optionally only some statuses or one lane: the first
        ``limit`` of them, or the last ``newest``."""
        wanted = [str(s) for s in statuses] if statuses is not None else None

        def read(session: Session) -> list[OutboxEntry]:
            order = ENTRIES.c.seq.desc() if newest is not None else ENTRIES.c.seq
            query = sa.select(OutboxEntry).order_by(order)
            if wanted is not None:
                query = query.where(ENTRIES.c.status.in_(wanted))
            if lane is not None:
                query = query.where(ENTRIES.c.lane == lane)
            if limit is not None or newest is not None:
                query = query.limit(newest if newest is not None else limit)
            found = list(session.execute(query).scalars())
            return found[::-1] if newest is not None else found

        return await self.db.read(read)

    async def newest_entry(self) -> str | None:
        """The id of the newest entry (``None``: none), queued by this process or another: every
        entry queued becomes it. Its ``seq`` alone could come round again, as ``seq`` is the
        newest's plus one and the upkeep may forget a newest entry settled long ago."""
        return await self.db.read(
            lambda s: s.execute(
                sa.select(ENTRIES.c.id).order_by(ENTRIES.c.seq.desc()).limit(1)
            ).scalar_one_or_none()
        )

    async def cancels_after(self, seq: int | None) -> tuple[int, list[OutboxEntry]]:
        """The newest entry's ``seq`` (0: none yet), and the cancel entries queued after
        ``seq``, oldest first (``None``: none, only where the queue stands)."""

        def read(session: Session) -> tuple[int, list[OutboxEntry]]:
            newest = session.execute(
                sa.select(sa.func.coalesce(sa.func.max(ENTRIES.c.seq), 0))
            ).scalar_one()
            if seq is None:
                return int(newest), []
            query = (
                sa.select(OutboxEntry)
                .where(ENTRIES.c.seq > seq, ENTRIES.c.kind == OperationKind.CANCEL)
                .order_by(ENTRIES.c.seq)
            )
            return int(newest), list(session.execute(query).scalars())

        return await self.db.read(read)

    async def count(self, statuses: Iterable[EntryStatus] | None = None) -> int:
        """How many entries there are (of some statuses)."""
        wanted = [str(s) for s in statuses] if statuses is not None else None

        def read(session: Session) -> int:
            query = sa.select(sa.func.count()).select_from(ENTRIES)
            if wanted is not None:
                query = query.where(ENTRIES.c.status.in_(wanted))
            return int(session.execute(query).scalar_one())

        return await self.db.read(read)

    async def attempts(self, entry_id: str) -> list[Attempt]:
        """The entry's attempts, first to last."""
        return await self.db.read(
            lambda s: list(
                s.execute(
                    sa.select(Attempt)
                    .where(ATTEMPTS.c.entry_id == entry_id)
                    .order_by(ATTEMPTS.c.number)
                ).scalars()
            )
        )

    async def folded_attempts(self, entry_id: str) -> list[AttemptTally]:
        """The entry's attempts counted, not listed (:mod:`app.core.outbox.retention`), by
        outcome."""
        return await self.db.read(
            lambda s: list(
                s.execute(
                    sa.select(AttemptTally)
                    .where(TALLIES.c.entry_id == entry_id)
                    .order_by(TALLIES.c.outcome)
                ).scalars()
            )
        )

    async def audit_log(self, entry_id: str | None = None) -> list[AuditEvent]:
        """The audit log (of one entry, when given), oldest first."""

        def read(session: Session) -> list[AuditEvent]:
            query = sa.select(AuditEvent).order_by(sa.column("id"))
            if entry_id is not None:
                query = query.where(sa.column("entry_id") == entry_id)
            return list(session.execute(query).scalars())

        return await self.db.read(read)

    async def balance(self, lane: str) -> MemberBalance | None:
        """The member's stamps as the server last reported them through this outbox."""
        return await self.db.read(lambda s: s.get(MemberBalance, lane))

    async def wait_for(self, entry_id: str, timeout: float) -> OutboxEntry:  # noqa: ASYNC109
        """The entry once it leaves ``queued``/``sending``, or as it stands after ``timeout`` s."""
        deadline = clock.monotonic() + timeout
        while True:
            event = asyncio.Event()
            self._waiters.setdefault(entry_id, []).append(event)
            entry = await self.get(entry_id)
            if entry is None:
                raise KeyError(entry_id)
            remaining = deadline - clock.monotonic()
            if entry.status not in IN_FLIGHT or remaining <= 0:
                self._forget(entry_id, event)
                return entry
            if not await clock.wait_event(event, remaining):
                self._forget(entry_id, event)

    def _forget(self, entry_id: str, event: asyncio.Event) -> None:
        events = self._waiters.get(entry_id, [])
        if event in events:
            events.remove(event)
        if not events:
            self._waiters.pop(entry_id, None)

    async def status(self) -> OutboxStatus:
        """Counts for the status bar."""
        return await self.db.read(read_status)

    # --- cancelling -------------------------------------------------------------------------

    async def cancel(
        self,
        entry_id: str,
        replacement_voucher: bool = False,
        *,
        who: str,
        terminal: str,
        note: str | None = None,
    ) -> OutboxEntry:
        """Cancel a redemption (architecture §3); returns the entry that carries the cancellation.

        Queued with no attempt that can have arrived: the redemption itself is voided, in this one
        transaction, and returned. Otherwise a cancel entry in the same lane, depending on it, is
        returned: sent with the server's redemption id once the redemption is synced, voided if it
        is rejected, held while it is unknown. Cancelling twice returns the first cancel entry.
        A redemption confirmed without a server id cannot be cancelled from the till.
        """
        now = clock.now()  # the loop's time, taken before the work is queued
        entry, changed = await self.db.write(
            lambda s: decisions.cancel_redemption(
                s, entry_id, replacement_voucher, who=who, terminal=terminal, now=now, note=note
            )
        )
        log.info("cancel asked by %s: %s", who, entry.status, extra=logs.entry(entry.id))
        self._changed(changed)
        return entry

    async def cancel_by_server_id(
        self,
        server_id: int,
        replacement_voucher: bool = False,
        *,
        lane: str,
        user: str,
        who: str,
        terminal: str,
        note: str | None = None,
    ) -> OutboxEntry:
        """Cancel the redemption the server knows as ``server_id``: as its entry when this till
        made it, else with a cancel entry of its own in the member's ``lane`` (a redemption made
        on another till or a kiosk). Returns the entry that carries the cancellation."""
        now = clock.now()  # the loop's time, taken before the work is queued
        entry, changed = await self.db.write(
            lambda s: decisions.cancel_by_server_id(
                s,
                server_id,
                replacement_voucher,
                lane=lane,
                user=user,
                who=who,
                terminal=terminal,
                now=now,
                note=note,
            )
        )
        self._changed(changed)
        return entry

    async def local_redemption(self, server_id: int) -> OutboxEntry | None:
        """The redemption of this till that the server knows as ``server_id``, if any."""
        return await self.db.read(lambda s: decisions.local_redemption(s, server_id))

    # --- the manager's side -----------------------------------------------------------------

    async def retryable(self, entry_id: str) -> OutboxEntry:
        """The entry :meth:`retry` would send again, read without a write: :class:`OutboxError`,
        as the retry itself would say it, when it is missing or not ``rejected`` or ``unknown``.
        Asked first, so nobody is asked for a PIN to retry what cannot be retried."""
        return await self.db.read(
            lambda s: decisions.manager_target(s, entry_id, decisions.RETRYABLE)
        )

    async def retry(
        self,
        entry_id: str,
        *,
        who: str,
        terminal: str,
        note: str | None = None,
        request_id: str | None = None,
        expires_at: datetime | None = None,
        channel: Channel | None = None,
        store: int | None = None,
    ) -> OutboxEntry:
        """Resend a ``rejected`` or ``unknown`` entry as a new linked entry (new id, new key).

        The original is dismissed in the same transaction ("retried as …"), so it is never
        reconciled into a second redemption behind the new one. A PIN-authorised entry needs a new
        authorisation: its ``request_id`` (the new entry's id). ``expires_at`` is when the new
        entry stops being sent (a PIN's authorisation, a kiosk's bound); ``channel`` and
        ``store``, the sending till's, replace the ones the request named.
        """
        now = clock.now()  # the loop's time, taken before the work is queued
        entry = await self.db.write(
            lambda s: decisions.retry_entry(
                s,
                entry_id,
                who=who,
                terminal=terminal,
                note=note,
                now=now,
                request_id=request_id,
                expires_at=expires_at,
                channel=channel,
                store=store,
            )
        )
        log.info("retried as %s by %s", entry.id, who, extra=logs.entry(entry_id))
        self._changed([entry.id, entry_id])
        return entry

    async def mark_applied(
        self,
        entry_id: str,
        *,
        who: str,
        terminal: str,
        note: str,
        server_redemption_id: int | None = None,
    ) -> OutboxEntry:
        """A manager confirms an ``unknown`` entry reached the server: ``synced``, with the
        server's id when the manager read it on the dashboard (else none, for good)."""
        return await self._resolve(
            entry_id,
            EntryStatus.SYNCED,
            (EntryStatus.UNKNOWN,),
            "mark_applied",
            who,
            terminal,
            note,
            server_redemption_id,
        )

    async def dismiss(self, entry_id: str, *, who: str, terminal: str, note: str) -> OutboxEntry:
        """A manager closes a ``rejected`` or ``unknown`` entry with a note: ``dismissed``."""
        return await self._resolve(
            entry_id,
            EntryStatus.DISMISSED,
            (EntryStatus.REJECTED, EntryStatus.UNKNOWN),
            "dismiss",
            who,
            terminal,
            note,
        )

    async def _resolve(
        self,
        entry_id: str,
        status: EntryStatus,
        allowed: tuple[EntryStatus, ...],
        action: str,
        who: str,
        terminal: str,
        note: str,
        server_redemption_id: int | None = None,
    ) -> OutboxEntry:
        now = clock.now()  # the loop's time, taken before the work is queued
        entry = await self.db.write(
            lambda s: decisions.resolve_entry(
                s,
                entry_id,
                status=status,
                allowed=allowed,
                action=action,
                who=who,
                terminal=terminal,
                note=note,
                now=now,
                server_redemption_id=server_redemption_id,
            )
        )
        log.info("%s by %s: %s", action, who, entry.status, extra=logs.entry(entry_id))
        self._changed([entry_id])
        return entry

    async def accept_unsent_offline(self, entry_id: str) -> OutboxEntry | None:
        """Accept offline (provisional) an entry whose every attempt never arrived and that is
        still queued; ``None`` when it has moved on. See :func:`decisions.accept_unsent_offline`."""
        now = clock.now()  # the loop's time, taken before the work is queued
        entry = await self.db.write(lambda s: decisions.accept_unsent_offline(s, entry_id, now=now))
        if entry is not None:
            self._changed([entry_id])
        return entry

    async def void_unsent(
        self,
        entry_id: str,
        *,
        reason: Mapping[str, Any],
        refusal: Mapping[str, Any],
        who: str,
        terminal: str,
    ) -> OutboxEntry | None:
        """Void, under the offline policy, an entry whose every attempt never arrived and that
        is still queued, with its audit row and the shift's refusal record, in one transaction;
        ``None`` when it has moved on. See :func:`decisions.void_unsent`."""
        now = clock.now()  # the loop's time, taken before the work is queued
        entry = await self.db.write(
            lambda s: decisions.void_unsent(
                s,
                entry_id,
                reason=dict(reason),
                refusal=dict(refusal),
                who=who,
                terminal=terminal,
                now=now,
            )
        )
        if entry is not None:
            self._changed([entry_id])
        return entry

    async def pause_for_credentials(
        self, refusal: StampsError, *, who: str, terminal: str = ""
    ) -> bool:
        """Pause the queue: the server refused the till's credentials outside a send (the
        connectivity probe's ping), which proves what a send's refusal proves. The reason is
        recorded as a send's is (``"<class>: <message>"``: the server's words, never the token).
        ``False`` when the queue was paused already."""
        reason = error_text(refusal) or type(refusal).__name__
        now = clock.now()  # the loop's time, taken before the work is queued
        paused = await self.db.write(
            lambda s: decisions.pause(s, reason=reason, who=who, terminal=terminal, now=now)
        )
        if paused:
            self._changed()
        return paused

    async def resume_after_credentials_change(
        self, *, who: str = "settings", terminal: str = ""
    ) -> None:
        """Unpause the queue: the credentials have changed since the server rejected them."""
        now = clock.now()  # the loop's time, taken before the work is queued
        await self.db.write(lambda s: decisions.resume(s, who=who, terminal=terminal, now=now))
        self._changed()

    # --- the worker's side ------------------------------------------------------------------

    async def claim(self, owner: str) -> Claimed | None:
        """Sweep (leases, expiry, cancels), then claim the next sendable entry for ``owner``."""
        now = clock.now()  # the loop's time, taken before the work is queued

        def write(connection: sqlite3.Connection) -> tuple[list[str], Claimed | None]:
            changed = claims.sweep(connection, self.policy, now)
            return changed, claims.claim_next(connection, self.policy, now, owner)

        changed, claimed = await self.db.write_raw(write)
        if changed:
            self._changed(changed)
        return claimed

    async def claim_batch(self, owners: Sequence[str]) -> list[Claimed]:
        """Sweep once, then claim up to one entry per owner, all in one transaction.

        Each claim is the one :meth:`claim` would make next (a lane at a time, lowest ``seq``
        first), so a batch is the same claims as that many calls, at the cost of one sweep and
        one commit. Every claim and its ``ambiguous`` attempt are committed when this returns.
        """
        now = clock.now()  # the loop's time, taken before the work is queued

        def write(connection: sqlite3.Connection) -> tuple[list[str], list[Claimed]]:
            changed = claims.sweep(connection, self.policy, now)
            return changed, claims.claim_batch(connection, self.policy, now, owners)

        changed, claimed = await self.db.write_raw(write)
        if changed:
            self._changed(changed)
        return claimed

    async def record(
        self,
        claimed: Claimed,
        outcome: Outcome,
        *,
        result: SubmitResult | None = None,
        error: BaseException | None = None,
    ) -> EntryStatus | None:
        """Write an attempt's outcome; ``None`` when the lease was lost and the answer discarded."""
        status, _ = await self.record_and_claim(claimed, outcome, result=result, error=error)
        return status

    async def record_and_claim(
        self,
        claimed: Claimed,
        outcome: Outcome,
        *,
        result: SubmitResult | None = None,
        error: BaseException | None = None,
        owner: str | None = None,
    ) -> tuple[EntryStatus | None, Claimed | None]:
        """Write an attempt's outcome and, for ``owner``, sweep and claim the next sendable
        entry (as :meth:`claim` would), in one transaction: a lane goes on to its next request
        at the cost of one commit, not two. Returns the outcome's status (``None`` when the
        lease was lost and the answer discarded) and the new claim, if any."""
        now = clock.now()  # the loop's time, taken before the work is queued

        def write(
            connection: sqlite3.Connection,
        ) -> tuple[EntryStatus | None, list[str], Claimed | None]:
            status = apply_result(
                connection,
                claimed,
                outcome=outcome,
                result=result,
                error=error,
                policy=self.policy,
                retry=self.retry_policy,
                now=now,
            )
            if owner is None:
                return status, [], None
            changed = claims.sweep(connection, self.policy, now)
            return status, changed, claims.claim_next(connection, self.policy, now, owner)

        status, changed, following = await self.db.write_raw(write)
        log.info(
            "attempt %d: %s -> %s",
            claimed.attempt,
            outcome,
            status or "late answer, discarded",
            extra=logs.entry(claimed.entry_id),
        )
        self._changed([claimed.entry_id, *changed])
        return status, following

    async def next_due(self, *, after: datetime | None = None) -> datetime | None:
        """When something next becomes due on its own (see :func:`claim.next_due`), counting what
        became due after ``after`` (a claim that looked then) as well; from now without it."""
        now = after or clock.now()  # the loop's time, taken before the work is queued
        return await self.db.read(lambda s: claims.next_due(s, now))

    async def sending_count(self, *, foreign_to: str | None = None) -> int:
        """Entries in flight, from every process sharing the database; with ``foreign_to`` (the
        prefix of one worker's lease owners), only those whose lease another worker holds."""

        def read(session: Session) -> int:
            query = sa.select(sa.func.count()).where(ENTRIES.c.status == EntryStatus.SENDING)
            if foreign_to is not None:
                # a worker's lease owners are "<its prefix>:<token>" (SyncWorker._owner)
                query = query.where(
                    ~ENTRIES.c.lease_owner.startswith(f"{foreign_to}:", autoescape=True)
                )
            count: int = session.execute(query).scalar_one()
            return count

        return await self.db.read(read)

    async def wake_after_outage(
        self, back_at: datetime | None = None, *, only: str | None = None
    ) -> int:
        """Connectivity is back: bring forward the queued entries whose last attempt never arrived,
        or went unanswered with no word from the server (a lost answer, a read timeout: the line
        hung rather than refused, and its backoff grew while it did). One the server answered
        with an error (a status) keeps its backoff: the server failed, not the line.

        Each one due later than ``policy.reconnect_spread`` seconds from now is made due at a
        moment drawn at random within them (full jitter, the retry policy's ``random``): every
        till of a shop that lost its line comes back at the same moment, and their queues must
        not reach the server in the same second. One due within the spread keeps its time, so
        the moments stay evenly spread and nothing is ever put off. Server-error backoffs run
        their course. Returns how many were brought forward.

        ``back_at``: when the network came back, when that was earlier (an attempt the outage
        left hanging ended after the wake): the spread is the reconnect's, so such an entry is
        due within the spread of that moment, or at once when it is over, not within a spread
        of its own that began when its request gave up (seen: 12.5 s after the till read Online).
        ``only``: that entry alone (the others were woken when the network came back, and one
        lost since then was lost on the line as it is now).
        """
        now = clock.now()  # the loop's time, taken before the work is queued
        spread = timedelta(seconds=max(0.0, self.policy.reconnect_spread))
        draw = self.retry_policy.random
        back = min(now, back_at) if back_at is not None else now

        last_status = (
            sa.select(ATTEMPTS.c.status_code)
            .where(ATTEMPTS.c.entry_id == ENTRIES.c.id)
            .order_by(ATTEMPTS.c.number.desc())
            .limit(1)
            .scalar_subquery()
        )

        def write(session: Session) -> int:
            waiting = session.execute(
                sa.select(ENTRIES.c.id).where(
                    ENTRIES.c.status == EntryStatus.QUEUED,
                    # with no status: one the server turned away (a 429, its Retry-After; a
                    # 408) keeps its backoff, as a server error does
                    ENTRIES.c.last_outcome.in_((Outcome.NEVER_ARRIVED, Outcome.AMBIGUOUS)),
                    last_status.is_(None),
                    ENTRIES.c.next_attempt_at > max(now, back + spread),
                    ENTRIES.c.id == only if only is not None else sa.true(),
                )
            ).scalars()
            woken = 0
            for entry_id in list(waiting):
                session.execute(
                    sa.update(ENTRIES)
                    .where(ENTRIES.c.id == entry_id)
                    .values(next_attempt_at=max(now, back + draw() * spread))
                )
                woken += 1
            return woken

        woken = await self.db.write(write)
        self._changed()
        return woken

    async def reconcile_targets(self) -> list[reconcile.ReconcileTarget]:
        """``unknown`` entries due for a look at the member's feed."""
        now = clock.now()  # the loop's time, taken before the work is queued
        return await self.db.write(lambda s: reconcile.due_targets(s, now, self.policy))

    async def apply_activity(
        self, target: reconcile.ReconcileTarget, records: list[ActivityRecord]
    ) -> bool:
        """Reconcile one entry against the feed read for it; ``True`` when it became ``synced``."""
        now = clock.now()  # the loop's time, taken before the work is queued
        found = await self.db.write(
            lambda s: reconcile.apply_activity(s, target, records, self.policy, now)
        )
        self._changed([target.entry_id])
        return found

    async def activity_unreadable(self, target: reconcile.ReconcileTarget, error: str) -> None:
        """The feed for ``target`` could not be read; look again later."""
        now = clock.now()  # the loop's time, taken before the work is queued
        await self.db.write(lambda s: reconcile.check_failed(s, target, error, self.policy, now))
