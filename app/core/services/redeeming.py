"""Redeeming at the counter: the member's PIN, the offline policy, and the order into the outbox.

Nothing here sends a redemption itself: it checks the order, enqueues it and wakes the worker.
PIN authorisation is the one direct call, and never queued: a PIN is only good for as long as
the member stands at the counter (architecture §5). A refusal is written to the shift's record
before the cashier hears it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum, auto
from typing import NoReturn, cast

import uuid6

from app.core import clock
from app.core.credentials import Secret
from app.core.domain import (
    Channel,
    EntryStatus,
    MissingIdentifier,
    OperationKind,
    Outcome,
)
from app.core.messages import Message, after_line_check, say
from app.core.offline.connectivity import ConnectivityMonitor
from app.core.offline.policy import (
    CLOCK_MOVED_BACK_BY,
    MemberFacts,
    PolicyDecision,
    Refusal,
    VoucherFacts,
    apply_policy,
)
from app.core.outbox.admission import NotAdmitted, PromoOnInvoice
from app.core.outbox.outbox import EntryRecord, Outbox
from app.core.outbox.worker import SyncWorker
from app.core.services.codes import CodeRefused, check_invoice
from app.core.services.config import TillConfig
from app.core.services.line import Line
from app.core.services.members import Member, MemberNotFound
from app.core.services.order_kinds import counted_kind
from app.core.services.orders import (
    CartOrder,
    Context,
    Order,
    PromoOrder,
    RewardOrder,
    build_payload,
)
from app.core.services.outage import OutageCount
from app.core.services.receipts import (
    Receipt,
    Verdict,
    receipt_for,
    stored,
)
from app.core.services.refusals import (
    Approval,
    CredentialsRefused,
    NotOnline,
    PinBlocked,
    PinRejected,
    PinRequired,
    Refused,
    pin_needs_server,
)
from app.core.services.refused_words import refusal_words
from app.core.services.sale import Sale
from app.core.services.shift import OFFLINE_RULES
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    ApiError,
    CredentialsRejected,
    CredentialsReplaced,
    CredentialsUnusable,
    MalformedResponse,
    Redirected,
    ServerError,
    StampsError,
    UnprovenAnswer,
    ValidationFailed,
)
from app.core.storage.problems import StorageProblem
from app.core.storage.shift_log import ShiftLog

log = logging.getLogger(__name__)

#: Entries the worker may still send.
IN_FLIGHT = (EntryStatus.QUEUED, EntryStatus.SENDING)

#: Reads a member again from the server (:meth:`Lookup.find_member` of their lookup).
ReadMember = Callable[[Member], Awaitable[Member]]


class _Balance(Enum):
    """Whose figure a cost is judged by, online (:data:`Refusal.SHORT_OF_STAMPS`)."""

    #: the balance the member was looked up with: a shortfall is read again before it refuses
    AS_LOOKED_UP = auto()
    #: the balance just read again: a shortfall now is refused, naming it
    READ_AGAIN = auto()
    #: reading it again failed: the server judges, the till's old figure refuses nothing
    THE_SERVERS = auto()


class _ShortOnTheBalanceLookedUp(Exception):
    """The policy found the order short of the balance the member was looked up with: not
    refused yet (nothing recorded), the balance is read again first."""


def _why_unchecked(failure: StampsError) -> Message:
    """Why the server, there and answering, did not check the PIN: an answer the till cannot
    read ("ok" in another word), or a failure of its own, is not "did not answer", which sent
    the cashier to wait for a server that had answered."""
    if isinstance(failure, UnprovenAnswer):
        return say("pin.unproven", said=failure.message)  # the server's words, not "unreadable"
    if isinstance(failure, MalformedResponse):
        return say("pin.unreadable")
    if (
        isinstance(failure, ServerError)
        and not isinstance(failure, Redirected)
        and failure.status_code is not None
    ):
        return say("pin.server_failing", status=failure.status_code)
    return say("pin.unchecked")


def _recorded_invoice(invoice_number: str | None) -> str | None:
    """The invoice number a refusal is recorded with: none when it was itself refused (the
    reason says why), so a hidden character never reaches the shift's CSV or history."""
    try:
        return check_invoice(invoice_number)
    except CodeRefused:
        return None


class Redeemer:
    """Puts a cashier's order through: the PIN checked, the policy decided in the enqueue's own
    transaction, the refusals recorded."""

    def __init__(
        self,
        *,
        config: TillConfig,
        client: StampsClient,
        outbox: Outbox,
        worker: SyncWorker,
        monitor: ConnectivityMonitor,
        shifts: ShiftLog,
        line: Line,
        outages: OutageCount,
        read_member: ReadMember,
    ) -> None:
        self.config = config
        self._read_member = read_member
        self.client = client
        self.outbox = outbox
        self.worker = worker
        self.monitor = monitor
        self.shifts = shifts
        self.limits = config.limits
        self._line = line
        self._outages = outages
        # Lanes whose PIN the server blocked as this till asked it, and when: the member read
        # before then still says it is not, and would be handed the pad again for nothing.
        self._pins_blocked: dict[str, datetime] = {}

    async def authorize_pin(self, member: Member, pin: Secret) -> str:
        """Have the server check the member's PIN; returns the request id it now vouches for.

        Only online, and only when nothing of the member's waits in the queue, so the redemption
        that follows is sent at once, inside the authorisation's time. Never retried: each failure
        costs the member an attempt. Only a refusal of the till's credentials is asked again, once,
        under the token where it is kept (when it is another): the server checked no PIN.
        """
        if await self._line.check_line_now():
            raise pin_needs_server(line_checked=True)
        waiting = await self.outbox.entries(IN_FLIGHT, lane=member.lane)
        if waiting:
            raise Refused(say("pin.lane_busy"))
        request_id = str(uuid6.uuid7())
        sent_at = clock.monotonic()
        try:
            await self._line.asked_under_the_token_kept(
                lambda: self.client.authorize(
                    member.lookup, pin.reveal(), request_id, self.config.pin_timeout
                )
            )
        except ValidationFailed as exc:
            self.monitor.report(Outcome.REFUSED, sent_at=sent_at)
            raise self._pin_refused(member, exc) from None
        except (CredentialsRejected, CredentialsReplaced) as refused:
            await self._line.pause_for_credentials(refused)
            raise CredentialsRefused(
                refusal_words("server.credentials", refused, self.config.base_url)
            ) from None
        except CredentialsUnusable as unusable:  # never sent: no attempt spent, nothing of the
            await self._line.pause_for_credentials(unusable)  # network
            raise CredentialsRefused(say("server.token_unusable")) from None
        except StampsError as exc:
            self.monitor.report(exc.outcome, status_code=exc.status_code, sent_at=sent_at)
            if isinstance(exc, ApiError) and exc.outcome is Outcome.REFUSED:
                # turned down with another 4xx than the docs' 400 (a 403 once ping vouched for
                # the token, a 422): the server answered, and "did not answer" was false
                raise self._pin_refused(member, exc) from None
            if not self.monitor.online:
                # the check never reached the server: the same order tried again now would meet
                # the offline rules, and so does this one (the line was tried just now)
                raise pin_needs_server(line_checked=True) from None
            # a server that is there but failing is no outage
            raise NotOnline(_why_unchecked(exc)) from None
        self.monitor.report(None, sent_at=sent_at)
        return request_id

    def _pin_refused(self, member: Member, exc: ApiError) -> PinBlocked | PinRejected:
        """What a PIN the server turned down says, in the server's words for it: no attempts
        left on the last, ``pin_blocked`` after (blocked), else the attempts it says are left."""
        attempts_left = exc.attempts_left
        if attempts_left == 0 or exc.error_code == "pin_blocked":
            self._pins_blocked[member.lane] = clock.now()
            return PinBlocked(say("policy.pin_blocked"), refusal=Refusal.PIN_BLOCKED)
        if attempts_left is not None or exc.error_code == "invalid_pin":
            return PinRejected(say("pin.wrong"), attempts_left)
        words = exc.field_errors.get("pin") or exc.detail
        if not words and not isinstance(exc, ValidationFailed):
            # a 404 or 405 without a word is no wrong PIN: its status is what it said
            words = exc.message
        return PinRejected(say("pin.refused", reason=words) if words else say("pin.wrong"), None)

    async def authorize_pin_for(
        self, order: Order | None, member: Member, sale: Sale, pin: Secret
    ) -> str:
        """:meth:`authorize_pin` for ``order``, as the window, the command line and the kiosk
        ask it (the kiosk's ``None``: its PIN comes before the customer picks a reward).

        A refusal made here is one before anything is queued, and goes on the shift's record as
        the policy's do, so the shift and the day count it whoever asked: the PIN
        could not be checked, the member's lane is busy, the server refused the till's token.
        A wrong PIN that leaves tries goes on it too, as "Wrong PIN: 2 attempts left" (never the
        PIN, nor how long it was): only the one that blocked the PIN was, and a manager
        reconciling the day could not see that someone typed wrong PINs on an account. Its
        record is not worth a customer left at the pad: a disk that refuses it is logged, and
        the pad still says the PIN was wrong.
        """
        try:
            return await self.authorize_pin(member, pin)
        except PinRejected as exc:
            try:
                await self._record_pin_refusal(order, member, sale, _wrong_pin_words(exc))
            except StorageProblem as problem:
                log.warning("wrong PIN not recorded: %s", problem)
            raise
        except Refused as exc:
            await self._record_pin_refusal(order, member, sale, exc.message, exc.verdict)
            raise

    async def _record_pin_refusal(
        self,
        order: Order | None,
        member: Member,
        sale: Sale,
        reason: Message,
        verdict: Verdict = Verdict.REFUSED,
    ) -> None:
        """:meth:`record_refusal` of a PIN check for ``order``."""
        if order is None:
            # the kiosk redeems rewards alone, and its customer had not picked one yet
            await self.record_refusal(
                member,
                sale,
                kind=OperationKind.REWARD,
                what=say("what.kiosk_pin"),
                reason=reason,
                verdict=verdict,
            )
        else:
            await self._record_order_refusal(order, member, sale, reason, verdict)

    async def redeem(
        self,
        order: Order,
        member: Member,
        sale: Sale,
        *,
        request_id: str | None = None,
        voucher: VoucherFacts | None = None,
        approval: Approval | None = None,
    ) -> Receipt:
        """Check the order against the policy, enqueue it, and return its receipt (queued).

        ``request_id`` is the id :meth:`authorize_pin` returned; it becomes the entry's id too.
        A refusal by the policy is written to the shift's record before :class:`Refused` is raised.
        A member whose redemptions need their PIN gets :class:`PinRequired` once the policy has
        passed; its ``approval``, handed back here with the ``request_id``, stands for that
        decision, so the policy is not run a second time.

        The policy is decided in the enqueue's own transaction, from the stamps the member's
        waiting entries hold then: one write, and no second redemption can slip in between. So
        is a promo the member already has on the sale's invoice (:meth:`_refuse_a_promo_twice`).

        An invoice number the cashier cannot have meant is :class:`CodeRefused` before anything
        else (:meth:`Sale.checked`): the caller records it, as any order refused unqueued.
        """
        sale = sale.checked()
        await self._refuse_a_promo_already_on_the_sale(order, member, sale, request_id)
        kiosk = (sale.channel or self.config.channel) is Channel.KIOSK
        online = self.monitor.online
        if not online and await self._refused_for_the_line(order, member, voucher, kiosk=kiosk):
            # Refused only because the till believes itself offline: asked first, so a line
            # back since the monitor last looked is used (check_line_now).
            online = not await self._line.check_line_now()
            if not online:
                return await self._redeem(
                    order, member, sale, request_id, voucher, approval, online=False,
                    line_checked=True,
                )  # fmt: skip
        return await self._redeem(order, member, sale, request_id, voucher, approval, online=online)

    async def _refuse_a_promo_already_on_the_sale(
        self, order: Order, member: Member, sale: Sale, request_id: str | None
    ) -> None:
        """Refuse a promo code this member already has on this sale's invoice, looked for
        before anything else: a PIN is not asked, nor the line checked, for a promo that cannot
        go. The enqueue decides (:meth:`_refuse_a_promo_twice`); this look only says it sooner.
        The same request handed in again (its ``request_id``, a PIN's) is that entry, not a
        second one: the outbox returns it."""
        on_invoice = _once_on_invoice(order, sale)
        if on_invoice is None:
            return
        earlier = await self.outbox.promo_on_invoice(member.lane, *on_invoice)
        if earlier is not None and earlier != request_id:
            await self._refuse_a_promo_twice(order, member, sale)

    async def _refuse_a_promo_twice(self, order: Order, member: Member, sale: Sale) -> NoReturn:
        """Refuse (on the shift's record) a promo code already on this sale's invoice, standing
        or on its way: the server took the same code on the same receipt twice, and the customer
        got the discount twice."""
        assert isinstance(order, PromoOrder) and sale.invoice_number
        reason = say(
            "policy.promo_already_on_invoice", code=order.code, invoice=sale.invoice_number
        )
        await self._record_order_refusal(order, member, sale, reason, Verdict.REFUSED)
        raise Refused(reason)

    async def _refused_for_the_line(
        self, order: Order, member: Member, voucher: VoucherFacts | None, *, kiosk: bool
    ) -> bool:
        """Whether the offline rules refuse ``order`` only because the till is offline (a
        refusal that holds online too, a blocked member, is no reason to ask the server)."""
        decision = await self._decide(order, member, voucher, online=False, kiosk=kiosk)
        return decision.refusal is not None and not decision.refusal.holds_online

    async def _redeem(
        self,
        order: Order,
        member: Member,
        sale: Sale,
        request_id: str | None,
        voucher: VoucherFacts | None,
        approval: Approval | None,
        *,
        online: bool,
        line_checked: bool = False,
    ) -> Receipt:
        """:meth:`redeem`, the sale checked, as the till is ``online`` or not; ``line_checked``:
        offline, found so just now (a refusal by the offline rules says so).

        Short of the balance the member was looked up with (up to :data:`BALANCE_FRESH_FOR`
        ago), the member is read again before anything is refused: stamps earned at the till
        next door meanwhile were refused as "not enough". Read, the order is decided again on
        their balance now, which the receipt or the refusal carries (``member_read``) for the
        screen's card; not read (offline, slow, failing), the server judges it, as it did before
        the till refused anything on its own figure."""
        args = (order, member, sale, request_id, voucher, approval)
        try:
            return await self._put_through(*args, online=online, line_checked=line_checked)
        except _ShortOnTheBalanceLookedUp:
            pass
        fresh = await self._read_again(member)
        if fresh is None:
            return await self._put_through(
                *args, online=online, line_checked=line_checked, balance=_Balance.THE_SERVERS
            )
        args = (order, fresh, sale, request_id, voucher, approval)
        try:
            receipt = await self._put_through(
                *args, online=online, line_checked=line_checked, balance=_Balance.READ_AGAIN
            )
        except Refused as exc:  # a PIN asked for, too: the card shows the balance it was for
            exc.member_read = fresh
            raise
        return dataclasses.replace(receipt, member_read=fresh)

    async def _read_again(self, member: Member) -> Member | None:
        """``member`` as the server holds them now, or ``None`` when it could not say (only its
        answer is news: the till's copy is older than the figure that fell short)."""
        try:
            fresh = await self._read_member(member)
        except (MemberNotFound, NotOnline, CredentialsRefused):
            return None
        if not fresh.live or fresh.server_id != member.server_id:
            return None
        return fresh

    async def _put_through(
        self,
        order: Order,
        member: Member,
        sale: Sale,
        request_id: str | None,
        voucher: VoucherFacts | None,
        approval: Approval | None,
        *,
        online: bool,
        line_checked: bool,
        balance: _Balance = _Balance.AS_LOOKED_UP,
    ) -> Receipt:
        """:meth:`_redeem` on the ``balance`` it names."""
        kiosk = (sale.channel or self.config.channel) is Channel.KIOSK
        if request_id is None or (
            approval is not None and not approval.stands_for(order, member, online)
        ):
            # another order, member or connection state (the network came or went while the
            # customer typed): the policy decides afresh
            approval = None
        if member.protected_redemption and request_id is None and order.kind.takes_a_pin:
            decision = await self._decide(
                order, member, voucher, online=online, kiosk=kiosk, balance=balance
            )
            await self._refuse_unless_allowed(decision, order, member, sale, line_checked, balance)
            raise PinRequired(
                say("pin.required"), approval=Approval(order, member.lane, online, decision)
            )
        try:
            user = member.identifier_for(order.kind)
        except MissingIdentifier as exc:
            # the policy's refusal, if any, comes first: it says more than a missing address
            decision = (
                approval.decision
                if approval is not None
                else await self._decide(
                    order, member, voucher, online=online, kiosk=kiosk, balance=balance
                )
            )
            await self._refuse_unless_allowed(decision, order, member, sale, line_checked, balance)
            reason = (
                say("member.no_email_or_phone", name=exc.name)
                if exc.accepts_phone
                else say("member.no_email_or_member_id", name=exc.name)
            )
            await self._record_order_refusal(order, member, sale, reason, Verdict.REFUSED)
            raise Refused(reason) from None
        ctx = Context(
            user=user,
            store=self.config.store,
            channel=sale.channel or self.config.channel,
            invoice_number=sale.invoice_number,
            request_id=request_id,
        )
        payload = build_payload(order, ctx)
        admit = (
            None
            if approval is not None
            else self._policy_for(
                order, member, voucher, online=online, kiosk=kiosk, balance=balance
            )
        )
        try:
            entry = await self.outbox.enqueue(
                order.kind,
                payload,
                lane=member.lane,
                # the activity feed, read to reconcile, takes "email/mobile number"
                user=member.contact or "",
                cashier=sale.cashier,
                terminal=self.config.terminal,
                provisional=approval is not None and approval.decision.provisional,
                expires_at=self.send_by(request_id, kiosk=kiosk),
                entry_id=request_id,
                reward_name=_feed_name(order),
                stamps=order.cost,
                record=EntryRecord(
                    shift_id=sale.shift_id,
                    member_name=member.name,
                    description=str(order.description),
                    rupiah=order.rupiah,
                    issues_voucher=isinstance(order, (RewardOrder, CartOrder))
                    and order.issues_voucher,
                ),
                admit=admit,
                balance_as_of=None if admit is None else member.fetched_at,
                once_on_invoice=_once_on_invoice(order, sale),
            )
        except PromoOnInvoice:
            # queued since the look in redeem(): two scans of one promo a moment apart
            await self._refuse_a_promo_twice(order, member, sale)
        except NotAdmitted as exc:
            # ``admit`` is this till's policy: what it answered is a PolicyDecision, and a refusal
            decision = cast(PolicyDecision, exc.admission)
            await self._refuse_unless_allowed(decision, order, member, sale, line_checked, balance)
            raise
        if entry.provisional:
            self._outages.count_offline(order.cost)
        self.worker.wake()
        return receipt_for(entry)

    def send_by(self, request_id: str | None, *, kiosk: bool) -> datetime | None:
        """When an entry queued now stops being sent if nothing of it can have arrived (the sweep
        expires it): a PIN's authorisation (``request_id``) runs out; a kiosk's customer has gone
        (architecture §3). ``None``: it is sent whenever it can be."""
        now = clock.now()
        bounds = [now + timedelta(seconds=self.config.pin_timeout)] if request_id else []
        if kiosk:
            bounds.append(now + timedelta(seconds=self.config.kiosk_send_window))
        return min(bounds, default=None)

    def _policy_for(
        self,
        order: Order,
        member: Member,
        voucher: VoucherFacts | None,
        *,
        online: bool,
        kiosk: bool,
        balance: _Balance = _Balance.AS_LOOKED_UP,
    ) -> Callable[[int], PolicyDecision]:
        """The policy for this order, as the enqueue's transaction asks it: given the stamps the
        member's waiting entries hold. Everything else it reads is taken now, on the loop."""
        now, outage, limits = clock.now(), self._outages.current.totals, self.limits
        # a balance the till could not read again is no figure to judge by: the server holds one
        stamps = None if balance is _Balance.THE_SERVERS else member.stamps

        def decide(held: int) -> PolicyDecision:
            return apply_policy(
                order.kind,
                self.facts(member, None if stamps is None else stamps - held),
                online=online,
                now=now,
                limits=limits,
                outage=outage,
                stamps=order.cost,
                rupiah=order.rupiah or 0,
                voucher=voucher,
                kiosk=kiosk,
            )

        return decide

    async def _refuse_unless_allowed(
        self,
        decision: PolicyDecision,
        order: Order,
        member: Member,
        sale: Sale,
        line_checked: bool = False,
        balance: _Balance = _Balance.AS_LOOKED_UP,
    ) -> None:
        """Raise :class:`Refused` for a refusal, written to the shift's record first, in the
        words the cashier is shown: after the line was checked (``line_checked``), the offline
        rules' refusal leaves "try again when back online" out (:func:`after_line_check`).
        Short of the balance the member was looked up with, nothing is refused yet
        (:class:`_ShortOnTheBalanceLookedUp`: it is read again); of the one read again, the
        words say it is the server's figure now."""
        if decision.allowed:
            return
        refusal, reason = decision.refusal, decision.reason
        assert reason is not None and refusal is not None
        if refusal is Refusal.SHORT_OF_STAMPS:
            if balance is _Balance.AS_LOOKED_UP:
                raise _ShortOnTheBalanceLookedUp
            short = reason.params  # the figures the policy refused by, as it named them
            reason = say("policy.short_of_stamps_now", cost=short["cost"], stamps=short["stamps"])
        # The offline rules' refusal reads as the same order voided by them after an attempt
        # that never arrived (settle_unsent): the till learning it is offline a moment sooner
        # or later changes nothing for the customer.
        verdict = Verdict.REFUSED if refusal.holds_online else Verdict.NOT_REDEEMED
        checked = line_checked and verdict is Verdict.NOT_REDEEMED
        # Reworded before it is written: reworded after, the shift's record (its summary, CSV
        # and End of day, which support reads) kept "Try again when back online" beside a
        # screen that said the line had just been checked.
        reason = after_line_check(reason) if checked else reason
        await self._record_order_refusal(order, member, sale, reason, verdict)
        raise Refused(reason, refusal=refusal, verdict=verdict, line_checked=checked)

    async def _record_order_refusal(
        self, order: Order, member: Member, sale: Sale, reason: Message, verdict: Verdict
    ) -> None:
        """:meth:`record_refusal` of ``order``: what it was, counted as what it holds (a cart of
        one line is a reward), and what it would have spent."""
        lines = len(order.items) if isinstance(order, CartOrder) else None
        await self.record_refusal(
            member,
            sale,
            kind=OperationKind(counted_kind(order.kind, lines)),
            what=order.description,
            reason=reason,
            stamps=order.cost,
            rupiah=order.rupiah,
            verdict=verdict,
        )

    async def record_refusal(
        self,
        member: Member | None,
        sale: Sale,
        *,
        kind: OperationKind,
        what: Message,
        reason: Message,
        stamps: int | None = None,
        rupiah: int | Decimal | None = None,
        verdict: Verdict = Verdict.REFUSED,
    ) -> None:
        """Write a refusal the cashier was shown to the shift's record, as ``verdict`` said it
        (the refusal's, e.g. :attr:`Refused.verdict`): refused, or not redeemed by the offline
        rules (counted apart: architecture §4)."""
        await self.shifts.record_refusal(
            {
                "shift_id": sale.shift_id,
                "cashier": sale.cashier,
                "terminal": self.config.terminal,
                "lane": member.lane if member else None,
                "member_name": member.name if member else None,
                "kind": str(kind),
                "description": str(what),
                "stamps": stamps,
                "rupiah": rupiah,
                "invoice": _recorded_invoice(sale.invoice_number),
                "reason": stored(reason),
                "source": OFFLINE_RULES if verdict is Verdict.NOT_REDEEMED else "till",
            }
        )

    async def _decide(
        self,
        order: Order,
        member: Member,
        voucher: VoucherFacts | None,
        *,
        online: bool,
        kiosk: bool,
        balance: _Balance = _Balance.AS_LOOKED_UP,
    ) -> PolicyDecision:
        """The policy for this order now, given what the member's waiting entries hold."""
        decide = self._policy_for(
            order, member, voucher, online=online, kiosk=kiosk, balance=balance
        )
        return decide(await self.outbox.held_stamps(member.lane, as_of=member.fetched_at))

    def pin_blocked(self, member: Member) -> bool:
        """Whether ``member``'s PIN is blocked: as the server said when they were read, or as it
        refused a PIN here since (a member read after that says what the server holds now)."""
        blocked_at = self._pins_blocked.get(member.lane)
        seen_blocked = blocked_at is not None and member.fetched_at <= blocked_at
        if seen_blocked and blocked_at is not None:
            # refused "later than now": before the clock was moved back, so a read not later
            # than now came after it and says what the server holds
            latest = clock.now() + CLOCK_MOVED_BACK_BY
            seen_blocked = not member.fetched_at <= latest < blocked_at
        return member.pin_is_blocked or seen_blocked

    def facts(self, member: Member, projected: int | None) -> MemberFacts:
        return MemberFacts(
            is_blocked=member.is_blocked,
            redemption_allowed=member.redemption_allowed,
            pin_is_blocked=self.pin_blocked(member),
            protected_redemption=member.protected_redemption,
            fetched_at=member.fetched_at,
            projected_stamps=projected,
            live=member.live,
        )


def _once_on_invoice(order: Order, sale: Sale) -> tuple[str, str] | None:
    """A promo's code and the sale's invoice, which it goes on once; ``None`` for anything
    else (no other order pays for the look)."""
    if isinstance(order, PromoOrder) and sale.invoice_number:
        return order.code, sale.invoice_number
    return None


def _feed_name(order: Order) -> str | None:
    """The name the redemption's line in the member's activity feed carries (reconciliation)."""
    name = getattr(order, "name", None)
    return str(name) if name else None


def _wrong_pin_words(rejected: PinRejected) -> Message:
    """A wrong PIN as the shift's record keeps it: how many tries the server says are left,
    else what the cashier was told (the server's own words for it, if any)."""
    if rejected.attempts_left is None:
        return rejected.message
    return say("pin.wrong_attempts_left", left=rejected.attempts_left)
