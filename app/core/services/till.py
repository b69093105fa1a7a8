"""The till's use-cases: every cashier and manager action, for the window and the command line.

Nothing here sends a redemption or a cancellation itself: it checks the order, enqueues it, wakes
the worker and lets the caller wait for the outcome. PIN authorisation is the one direct call, and
never queued: a PIN is only good for as long as the member stands at the counter (DESIGN.md §5).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

import uuid6

from app.core import clock
from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus, MissingIdentifier, Outcome
from app.core.offline.cache import AmbiguousMember, MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.offline.policy import (
    Decision,
    MemberFacts,
    OfflineLimits,
    OutageTotals,
    VoucherFacts,
    decide,
)
from app.core.outbox.outbox import Outbox, OutboxStatus
from app.core.outbox.signals import wait_event
from app.core.outbox.worker import SyncWorker
from app.core.services.audit_log import AuditLog
from app.core.services.catalogue import Catalogue
from app.core.services.changes import ChangeWatch
from app.core.services.history import History
from app.core.services.manager_mode import ManagerMode
from app.core.services.members import (
    Member,
    MemberNotFound,
    member_from_details,
    suggestion_member,
)
from app.core.services.orders import Context, Order, build_payload
from app.core.services.receipts import Receipt, receipt_for
from app.core.services.staff import Staff
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import NotFound, StampsError, ValidationFailed
from app.core.storage.tables import OutboxEntry

log = logging.getLogger(__name__)

#: Entries the worker may still send.
IN_FLIGHT = (EntryStatus.QUEUED, EntryStatus.SENDING)
#: Entries that still hold stamps the server has not confirmed spending (DESIGN.md §4).
HOLDING = (EntryStatus.QUEUED, EntryStatus.SENDING, EntryStatus.UNKNOWN)


class Refused(Exception):
    """The till will not take this redemption: the policy, the server, or the PIN said no.
    ``reason`` is in words a cashier can repeat to the customer."""

    def __init__(self, reason: str, *, decision: Decision | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.decision = decision


class PinRequired(Refused):
    """The member's redemptions need their PIN: authorise first."""


class PinRejected(Refused):
    """The server refused the PIN; ``attempts_left`` when it says how many remain."""

    def __init__(self, reason: str, attempts_left: int | None) -> None:
        super().__init__(reason)
        self.attempts_left = attempts_left


class NotOnline(Refused):
    """This needs the server, and the till cannot reach it."""


@dataclass(frozen=True)
class TillIdentity:
    """Where the till stands and how it talks."""

    merchant: int
    store: int
    terminal: str
    channel: Channel
    pin_timeout: int = 900


@dataclass
class Outage:
    """The current outage: from going offline until online with nothing provisional left."""

    started_at: datetime | None = None
    totals: OutageTotals = field(default_factory=OutageTotals)


class Till:
    """One till: a client, an outbox with its worker, the connectivity monitor and the policy."""

    def __init__(
        self,
        *,
        identity: TillIdentity,
        client: StampsClient,
        outbox: Outbox,
        worker: SyncWorker,
        monitor: ConnectivityMonitor,
        cache: MemberCache,
        limits: OfflineLimits | None = None,
        lookup_timeout: float = 3.0,
    ) -> None:
        self.identity = identity
        self.cache = cache
        self.lookup_timeout = lookup_timeout
        self.client = client
        self.outbox = outbox
        self.worker = worker
        self.monitor = monitor
        self.limits = limits or OfflineLimits()
        self.outage = Outage()
        self._background: set[asyncio.Task[int]] = set()
        monitor.subscribe(self._connectivity_changed)

    # --- members --------------------------------------------------------------------------------

    async def find_member(self, query: str) -> Member:
        """The member who answers to ``query`` (email, member ID, phone or card number).

        Online first, with a short deadline; when the server cannot be reached, the member as the
        till last saw them (``live`` false, "as of" ``fetched_at``). Raises
        :class:`MemberNotFound` when neither knows them, :class:`NotOnline` when the server cannot
        be asked and the cache does not know them.
        """
        text = query.strip()
        if not text:
            raise MemberNotFound("type or scan an email, member ID, phone or card number")
        if self.monitor.state is not Connectivity.OFFLINE:
            try:
                details = await asyncio.wait_for(
                    self.client.member_details(text), self.lookup_timeout
                )
            except ValidationFailed as exc:
                self.monitor.report(Outcome.REFUSED)
                raise MemberNotFound(exc.message or "no member matches that") from None
            except NotFound:
                self.monitor.report(Outcome.REFUSED)
                raise MemberNotFound("no member matches that") from None
            except StampsError as exc:
                self.monitor.report(exc.outcome, status_code=exc.status_code)
            except TimeoutError:
                self.monitor.report(Outcome.AMBIGUOUS)
            else:
                self.monitor.report(None)
                member = member_from_details(details)
                await self.cache.remember(member)
                return member
        try:
            cached = await self.cache.find(text)
        except AmbiguousMember as exc:
            raise MemberNotFound(str(exc)) from None
        if cached is None:
            raise NotOnline(
                "The Stamps server cannot be reached and this till has not seen that member before."
            )
        return cached

    async def suggest(self, query: str) -> list[Member]:
        """Members for the type-ahead: the server's suggestions online, a prefix search of the
        cache offline. Suggestions are members as far as they are known: look one up to use it."""
        text = query.strip()
        if len(text) < 2:
            return []
        if self.monitor.state is not Connectivity.OFFLINE:
            try:
                answer = await asyncio.wait_for(self.client.suggestions(text), self.lookup_timeout)
            except (StampsError, TimeoutError):
                pass
            else:
                return [suggestion_member(s) for s in answer.suggestions]
        return await self.cache.suggest(text)

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue, live or remembered, with this till's use of vouchers."""
        return Catalogue(
            self.client, self.cache, self.outbox, allow_codes_offline=self.limits.allow_codes
        )

    async def projected_stamps(self, member: Member) -> int:
        """The member's stamps less what their queued, sending and unknown entries hold."""
        held = await self.outbox.entries(HOLDING, lane=member.lane)
        pending = sum(e.expect_stamps or 0 for e in held if e.kind != "cancel")
        return member.stamps - pending

    # --- redeeming ------------------------------------------------------------------------------

    async def authorize_pin(self, member: Member, pin: Secret) -> str:
        """Have the server check the member's PIN; returns the request id it now vouches for.

        Only online, and only when nothing of the member's waits in the queue, so the redemption
        that follows is sent at once, inside the authorisation's time. Never retried: each failure
        costs the member an attempt.
        """
        if not self.monitor.online:
            raise NotOnline("The PIN can only be checked online. Try again when the till is back.")
        waiting = await self.outbox.entries(
            (EntryStatus.QUEUED, EntryStatus.SENDING), lane=member.lane
        )
        if waiting:
            raise Refused(
                "This member still has a redemption waiting to sync; finish it before a PIN one."
            )
        request_id = str(uuid6.uuid7())
        try:
            await self.client.authorize(
                member.lookup, pin.reveal(), request_id, self.identity.pin_timeout
            )
        except ValidationFailed as exc:
            self.monitor.report(Outcome.REFUSED)
            # The field's own message reads as a sentence; ``detail`` carries a "pin: " prefix.
            reason = exc.field_errors.get("pin") or exc.message or "Wrong PIN"
            raise PinRejected(reason, exc.attempts_left) from None
        except StampsError as exc:
            self.monitor.report(exc.outcome, status_code=exc.status_code)
            raise NotOnline(f"The PIN could not be checked: {exc.message}") from None
        self.monitor.report(None)
        return request_id

    async def redeem(
        self,
        order: Order,
        member: Member,
        *,
        cashier: str,
        invoice_number: str | None = None,
        request_id: str | None = None,
        channel: Channel | None = None,
        voucher: VoucherFacts | None = None,
    ) -> Receipt:
        """Check the order against the policy, enqueue it, and return its receipt (queued).

        ``request_id`` is the id :meth:`authorize_pin` returned; it becomes the entry's id too.
        """
        online = self.monitor.online
        decision = decide(
            order.kind,
            MemberFacts(
                is_blocked=member.is_blocked,
                redemption_allowed=member.redemption_allowed,
                pin_is_blocked=member.pin_is_blocked,
                protected_redemption=member.protected_redemption,
                fetched_at=member.fetched_at,
                projected_stamps=await self.projected_stamps(member),
            ),
            online=online,
            now=clock.now(),
            limits=self.limits,
            outage=self.outage.totals,
            stamps_cost=order.cost if order.cost else _value(order),
            voucher=voucher,
        )
        if not decision.allowed:
            raise Refused(decision.reason, decision=decision)
        if member.protected_redemption and request_id is None:
            raise PinRequired("This member's redemptions need their PIN.")
        try:
            user = member.identifier_for(order.kind)
        except MissingIdentifier as exc:
            raise Refused(str(exc)) from None
        ctx = Context(
            user=user,
            store=self.identity.store,
            channel=channel or self.identity.channel,
            invoice_number=(invoice_number or "").strip() or None,
            request_id=request_id,
        )
        payload = build_payload(order, ctx)
        entry = await self.outbox.enqueue(
            order.kind,
            payload,
            lane=member.lane,
            # the activity feed, read to reconcile, takes "email/mobile number"
            user=member.contact or "",
            cashier=cashier,
            terminal=self.identity.terminal,
            provisional=decision.provisional,
            expires_at=(
                clock.now() + timedelta(seconds=self.identity.pin_timeout) if request_id else None
            ),
            entry_id=request_id,
            reward_name=_feed_name(order),
            stamps=order.cost,
        )
        if decision.provisional:
            self._count_offline(order.cost)
        self.worker.wake()
        return receipt_for(entry)

    async def wait(self, entry_id: str, timeout: float) -> Receipt:  # noqa: ASYNC109
        """The entry's receipt once it settles or an attempt at it ends, or as it stands after
        ``timeout`` seconds.

        An attempt that ends without an answer (a lost response, a server error) is worth telling
        the cashier at once, "not confirmed", even though the worker goes on trying.
        """
        changed = asyncio.Event()
        self.outbox.add_listener(changed.set)
        try:
            deadline = clock.monotonic() + timeout
            start = await self.outbox.attempts(entry_id)
            while True:
                changed.clear()
                receipt = await self.receipt(entry_id)
                if receipt.status not in IN_FLIGHT:
                    return receipt
                attempts = await self.outbox.attempts(entry_id)
                if len(attempts) > len(start) and attempts[-1].ended_at is not None:
                    # Read again: the attempt may have ended after the receipt above was read.
                    return await self.receipt(entry_id)
                remaining = deadline - clock.monotonic()
                if remaining <= 0:
                    return receipt
                await wait_event(changed, remaining)
        finally:
            self.outbox.remove_listener(changed.set)

    async def receipt(self, entry: OutboxEntry | str) -> Receipt:
        """The receipt of an entry (or an entry id) as it stands now."""
        if isinstance(entry, str):
            found = await self.outbox.get(entry)
            if found is None:
                raise KeyError(entry)
            entry = found
        attempts = await self.outbox.attempts(entry.id)
        ambiguous = any(a.outcome == Outcome.AMBIGUOUS and a.ended_at is not None for a in attempts)
        return receipt_for(entry, ambiguous_attempt=ambiguous)

    # --- manager mode, and what managers read ----------------------------------------------------

    @cached_property
    def staff(self) -> Staff:
        """Managers and cashiers: accounts, sign-in, lockout."""
        return Staff(self.outbox.db, self.identity.terminal)

    @cached_property
    def manager(self) -> ManagerMode:
        """Manager mode: the one way to cancel, retry, mark applied, dismiss or change accounts."""
        return ManagerMode(self, self.staff)

    @cached_property
    def history(self) -> History:
        """This till's redemptions, one entry's details, the exceptions."""
        return History(self.outbox.db)

    @cached_property
    def audit(self) -> AuditLog:
        """The audit log, filtered."""
        return AuditLog(self.outbox.db)

    @cached_property
    def changes(self) -> ChangeWatch:
        """Tells open views that another process changed the database."""
        return ChangeWatch(self.outbox.db.path)

    async def status(self) -> OutboxStatus:
        """The queue's counts for the status bar (and the end of an outage, once settled)."""
        await self.end_outage_if_settled()
        return await self.outbox.status()

    # --- the outage -----------------------------------------------------------------------------

    def _connectivity_changed(self, old: Connectivity, new: Connectivity) -> None:
        if new is Connectivity.OFFLINE and self.outage.started_at is None:
            self.outage = Outage(started_at=clock.now())
        if new is Connectivity.ONLINE:
            # Only the entries that never arrived wake; server-error backoffs run their course.
            task = asyncio.get_running_loop().create_task(self.worker.connectivity_restored())
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    def _count_offline(self, stamps: int) -> None:
        if self.outage.started_at is None:
            self.outage = Outage(started_at=clock.now())
        totals = self.outage.totals
        self.outage.totals = OutageTotals(totals.stamps + stamps, totals.redemptions + 1)

    async def end_outage_if_settled(self) -> bool:
        """End the outage when online with nothing provisional left; True if it ended."""
        if self.outage.started_at is None or not self.monitor.online:
            return False
        held = await self.outbox.entries(HOLDING)
        if any(e.provisional for e in held):
            return False
        self.outage = Outage()
        return True


def _value(order: Order) -> int:
    value = getattr(order, "value", None)
    return int(value) if isinstance(value, int) else 0


def _feed_name(order: Order) -> str | None:
    name = getattr(order, "name", None)
    return str(name) if name else None
