"""What the store offers a member, and turning what a cashier names (a reward, a cart, a voucher,
a code) into an order the till can price and check.

Online, every answer refreshes the till's cache; when the server cannot answer, the cache does,
"as of" when it was read (architecture §4). A list the server could not give and the till never
saw is unknown, never empty: "voucher 12 is not hers" is said only on the server's word. Codes
need the server to be checked, so offline they are refused unless the store allows them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from app.core import clock
from app.core.domain import EntryStatus, OperationKind, Outcome, format_rupiah
from app.core.messages import Explained, Message, after_line_check, say
from app.core.offline.cache import NO_CHANNEL, CachedReward, CachedVoucher, MemberCache
from app.core.offline.connectivity import Report
from app.core.offline.identifiers import normalise_code
from app.core.offline.policy import VoucherFacts
from app.core.outbox.outbox import Outbox
from app.core.services.codes import PROMO_CODE, VOUCHER_CODE, check_code
from app.core.services.members import Member
from app.core.services.offer import (
    FLEXIBLE,
    Offer,
    OfferedReward,
    OfferedVoucher,
    VoucherUse,
    offered_reward,
    offered_voucher,
    reward_name,
    voucher_facts,
    voucher_name,
)
from app.core.services.orders import (
    CartItem,
    CartOrder,
    CodeOrder,
    DeductOrder,
    InvalidOrder,
    PromoOrder,
    RewardOrder,
    VoucherOrder,
    asks_first,
    invalid,
)
from app.core.services.receipts import Verdict, what_to_do
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    AnswerTooLarge,
    ApiError,
    ConnectionFailed,
    CredentialsRejected,
    CredentialsReplaced,
    CredentialsUnusable,
    MalformedResponse,
    StampsError,
    line_outcome,
)
from app.core.stamps.models import Reward, UnreadItem, VoucherInfo
from app.core.stamps.models.responses import VoucherTemplate
from app.core.stamps.server_text import quoted

log = logging.getLogger(__name__)

T = TypeVar("T")

VOUCHER_REWARD = 4  # the reward type that is a voucher, added to the member's vouchers
BALANCE = "dynamic"  # a voucher holding a value that is deducted from, not used whole
# A voucher's kind is stated by its "validity" alone (validation, voucher_api §2; a listing that
# gives one). The rewards list's voucher "type" is no kind: reward_api §1 shows "promotion 1",
# and a type a merchant named "Dynamic" read as a balance voucher the server had never said.


class CatalogueUnavailable(Explained):
    """The catalogue could not be read (offline, or the server failed) and the till has not
    seen it before."""

    verdict = Verdict.REFUSED
    asks_first = False  # nothing the cashier can put right (InvalidOrder.asks_first)

    @property
    def what_to_do(self) -> Message:
        """What the cashier does next: the words of a receipt with the same verdict."""
        return what_to_do(self.verdict)


class CodeNeedsServer(InvalidOrder):
    """A code cannot be checked without the server, and the store does not accept it unchecked.
    The offline rules' refusal (``policy.code_needs_server``): not redeemed, as the same code
    voided by them after an attempt that never arrived is (architecture §4). ``line_checked``:
    the check itself just found no connection to the server (the line is still down)."""

    verdict = Verdict.NOT_REDEEMED

    def __init__(self, message: Message, *, line_checked: bool = False) -> None:
        super().__init__(message)
        self.line_checked = line_checked

    @property
    def what_to_do(self) -> Message:
        """The offline rules' words, and that the line was just tried when it was."""
        return what_to_do(self.verdict, line_checked=self.line_checked)


def needs_server(message_id: str, *, line_checked: bool, **values: str | int) -> CodeNeedsServer:
    """:class:`CodeNeedsServer` in the words of ``message_id``, as said once the line was
    checked when it was (:func:`after_line_check`)."""
    said = say(message_id, **values)
    return CodeNeedsServer(
        after_line_check(said) if line_checked else said, line_checked=line_checked
    )


class CodeNotChecked(InvalidOrder):
    """The server left a code's check unanswered for the cashier's whole wait (a line that
    hangs): the code was not checked, so it is neither refused as invalid nor taken on trust as
    the offline rules take a code the server cannot be reached for, and nothing is redeemed."""

    verdict = Verdict.NOT_REDEEMED

    @property
    def what_to_do(self) -> Message:
        """Not the offline rules' words (the server was reached, and said nothing in time)."""
        return say("order.code_not_checked.todo")


@dataclass(frozen=True)
class _Rewards:
    rewards: list[Reward]
    as_of: datetime | None = None  # set when read from the cache
    unread: tuple[UnreadItem, ...] = ()  # rewards listed that the till could not read
    cut: bool = False  # the store has more rewards than the till reads


@dataclass(frozen=True)
class _Vouchers:
    vouchers: list[VoucherInfo]
    # Voucher id: whether it is a balance voucher, for each whose kind the listing states (or,
    # from the cache, whose kind was confirmed when it was read).
    kinds: dict[int, bool] = field(default_factory=dict)
    as_of: datetime | None = None  # set when read from the cache
    unread: tuple[UnreadItem, ...] = ()  # vouchers listed that the till could not read


@dataclass(frozen=True)
class _Kinds:
    balance: frozenset[int]  # the balance vouchers, and those of unknown kind
    unknown: frozenset[int]  # no one said which kind it is
    confirmed: dict[int, bool] = field(default_factory=dict)  # just said by validation


class Catalogue:
    """The store's rewards and a member's vouchers: live, and remembered for when the server
    cannot be reached. ``outbox`` tells which vouchers this till has already used; ``offline``
    says when the till knows the server cannot be reached, so the cache answers at once;
    ``wait`` is how long a cashier waits for the server's lists (the lookup's wait, a setting)
    before the till's copy answers, ``None`` for the request's own timeouts; ``report`` is told
    what a read that failed proves of the network (the connectivity monitor's ``report``)."""

    def __init__(
        self,
        client: StampsClient,
        cache: MemberCache | None = None,
        outbox: Outbox | None = None,
        *,
        allow_codes_offline: bool = False,
        offline: Callable[[], bool] | None = None,
        wait: float | None = None,
        report: Report | None = None,
    ) -> None:
        self.client = client
        self.cache = cache
        self.outbox = outbox
        self.allow_codes_offline = allow_codes_offline
        # Known offline: go to the cache at once rather than wait for a connection to fail.
        self._offline = offline or (lambda: False)
        # A line that hangs (packets lost, a portal that never answers) would hold the offer and
        # each order for the request's whole read timeout, with the member already on screen
        # from the till's copy after the lookup's wait: the lists get that wait too.
        self._wait = wait
        # The status bar reads "Online" until a request proves otherwise: a list the server left
        # unanswered is such a proof, as a lookup's is.
        self._report: Report = report or (lambda outcome, *, sent_at, status_code=None: None)

    # --- the offer ------------------------------------------------------------------------------

    async def offer(self, member: Member, projected_stamps: int | None) -> Offer:
        """The rewards and vouchers for ``member``, read once each (concurrently), from the cache
        where the server cannot answer. A part that can be read neither way is left empty, with
        the problem said."""
        rewards, vouchers = await asyncio.gather(
            self._rewards(member), self._vouchers(member), return_exceptions=True
        )
        for part in (rewards, vouchers):
            if isinstance(part, BaseException) and not isinstance(part, CatalogueUnavailable):
                raise part
        offered_rewards: tuple[OfferedReward, ...] = ()
        rewards_as_of = vouchers_as_of = None
        rewards_unread = vouchers_unread = 0
        rewards_cut = False
        if isinstance(rewards, _Rewards):
            rewards_cut = rewards.cut
            offered_rewards = tuple(offered_reward(r) for r in rewards.rewards)
            rewards_as_of = rewards.as_of
            rewards_unread = len(rewards.unread)
        offered_vouchers: tuple[OfferedVoucher, ...] = ()
        if isinstance(vouchers, _Vouchers):
            vouchers_as_of = vouchers.as_of
            vouchers_unread = len(vouchers.unread)
            kinds = await self._kinds(member, vouchers)
            use = await self._use_on_this_till(member, live=vouchers.as_of is None)
            offered_vouchers = tuple(
                offered_voucher(v, v.id in kinds.balance, use.get(v.id), v.id not in kinds.unknown)
                for v in vouchers.vouchers
                if v.id is not None
            )
            if vouchers.as_of is None:
                await self._remember_vouchers(member, vouchers.vouchers, kinds)
        return Offer(
            member=member,
            projected_stamps=projected_stamps,
            rewards=offered_rewards,
            vouchers=offered_vouchers,
            rewards_as_of=rewards_as_of,
            vouchers_as_of=vouchers_as_of,
            rewards_problem=rewards.message if isinstance(rewards, CatalogueUnavailable) else None,
            vouchers_problem=(
                vouchers.message if isinstance(vouchers, CatalogueUnavailable) else None
            ),
            rewards_unread=rewards_unread,
            vouchers_unread=vouchers_unread,
            rewards_cut=rewards_cut,
        )

    # --- orders ---------------------------------------------------------------------------------

    async def reward_order(
        self, member: Member, reward_id: int, *, qty: int = 1, stamps: int | None = None
    ) -> RewardOrder:
        """An order for one reward, priced from the catalogue."""
        listing = await self._rewards(member)
        reward = next((r for r in listing.rewards if r.id == reward_id), None)
        if reward is None:
            if any(u.named(reward_id) for u in listing.unread):
                raise invalid("order.reward_unreadable", reward=reward_id)
            raise invalid("order.reward_not_offered", reward=reward_id)
        flexible = reward.type == FLEXIBLE
        name = reward_name(reward)
        if not flexible and stamps is not None:
            raise invalid("order.only_flexible_takes_stamps", name=name)
        return RewardOrder(
            reward_id=reward.id,
            name=name,
            stamps_each=reward.stamps_to_redeem or 0,
            qty=qty,
            flexible=flexible,
            stamps=stamps,
            issues_voucher=reward.type == VOUCHER_REWARD,
        )

    async def cart_order(
        self, member: Member, lines: list[tuple[str | int, int, int | None]]
    ) -> CartOrder:
        """An order for several rewards, ``(reward, qty, stamps)`` each: a number is the
        reward's id (a tile the window picked), text is what was typed: a code, or the id's
        digits when no reward has that code."""
        listing = await self._rewards(member)
        catalogue = listing.rewards
        items = []
        for named, qty, stamps in lines:
            reward = _named(catalogue, named)
            code = str(named)
            if reward is None:
                if any(u.named(named) for u in listing.unread):
                    raise invalid("order.reward_unreadable", reward=code)
                raise invalid("order.no_reward_code", code=code)
            written = reward.code_as_written
            if not reward.code or written is None:  # a cart names its rewards by code, never by id
                raise invalid("order.reward_without_code", name=reward_name(reward))
            sharing = [r for r in catalogue if r.code == reward.code]
            if len(sharing) > 1:
                # The cart sends the code alone: the server (or the first in the list, typed)
                # would take one of them, and not necessarily the one the cashier meant.
                raise invalid(
                    "order.code_of_several",
                    code=reward.code,
                    names=", ".join(f"{reward_name(r)} (#{r.id})" for r in sharing),
                )
            items.append(
                CartItem(
                    code=written,
                    name=reward_name(reward),
                    stamps_each=reward.stamps_to_redeem or 0,
                    qty=qty,
                    flexible=reward.type == FLEXIBLE,
                    stamps=stamps,
                    issues_voucher=reward.type == VOUCHER_REWARD,
                )
            )
        return CartOrder(tuple(items))

    async def voucher(self, member: Member, voucher_id: int) -> tuple[OfferedVoucher, VoucherFacts]:
        """One of the member's vouchers, with what the offline policy needs to know of it: its
        dates and value, and whether this till has already used it (or, for a balance voucher,
        how much of it this till's waiting deductions hold)."""
        listing = await self._vouchers(member)
        found = next((v for v in listing.vouchers if v.id == voucher_id), None)
        if found is None:
            if any(u.named(voucher_id) for u in listing.unread):
                # listed, so the member may well hold it: not "not hers", and not usable either
                raise invalid("order.voucher_unreadable", voucher=voucher_id)
            if listing.as_of is not None:  # the till's copy, not the server's word
                raise invalid("order.voucher_not_known", voucher=voucher_id)
            raise invalid("order.voucher_not_members", voucher=voucher_id)
        kinds = await self._kinds(member, listing, only=voucher_id)
        if kinds.confirmed and self.cache is not None:
            await self.cache.remember_kinds(member.server_id, kinds.confirmed)
        use = (await self._use_on_this_till(member, live=listing.as_of is None)).get(voucher_id)
        offered = offered_voucher(
            found, voucher_id in kinds.balance, use, voucher_id not in kinds.unknown
        )
        return offered, voucher_facts(offered)

    async def voucher_order(
        self, member: Member, voucher_id: int, *, whole: bool = False
    ) -> tuple[VoucherOrder, VoucherFacts]:
        """An order for one of the member's vouchers, used whole, with its facts for the policy.

        A balance voucher is deducted from; using it up whole (losing what is left) takes
        ``whole``, a separate, deliberate choice.
        """
        voucher, facts = await self.voucher(member, voucher_id)
        if voucher.balance and not whole:
            raise invalid("order.balance_only_deducts", name=voucher.name)
        value = voucher.left if voucher.balance else voucher.value
        order = VoucherOrder(voucher_id, voucher.name, value, whole_balance=voucher.balance)
        return order, facts

    async def deduct_order(
        self, member: Member, voucher_id: int, value: int
    ) -> tuple[DeductOrder, VoucherFacts]:
        """An order taking ``value`` rupiah from a balance voucher, checked against what is left
        after this till's waiting deductions; with the voucher's facts for the policy."""
        if value <= 0:
            raise asks_first("order.value_positive")
        voucher, facts = await self.voucher(member, voucher_id)
        if voucher.left is not None and value > voucher.left:
            raise invalid("order.balance_left", name=voucher.name, left=format_rupiah(voucher.left))
        return DeductOrder(voucher_id, voucher.name, value), facts

    async def code_order(
        self,
        member: Member,
        code: str,
        template: int | None = None,
        transaction_value: int | Decimal | None = None,
    ) -> CodeOrder:
        """Validate a voucher code online (for a sale of ``transaction_value``, when the cashier
        entered one), then an order for it.

        ``voucher_template`` is the template id of the member's own voucher with that code when
        there is one, else the id the validation answers with (architecture §1). The code is
        checked first, as :func:`check_code` says.
        """
        text = check_code(code, VOUCHER_CODE)  # refused before it is sent, even to be checked
        try:
            answer = await self._in_time(
                self.client.validate_voucher(
                    text, user=member.user, transaction_value=transaction_value
                )
            )
        except TimeoutError:
            raise self._unchecked("order.code_not_checked", text) from None
        except StampsError as exc:
            if _looked_at(exc):
                raise InvalidOrder(server_refusal(exc)) from None
            if _unreadable_check(exc):
                raise CodeNotChecked(say("order.code_check_unreadable", code=text)) from None
            return await self._code_offline(
                member, text, template, line_checked=isinstance(exc, ConnectionFailed)
            )
        if answer.is_redeemable is False:
            raise invalid("order.code_not_redeemable", code=text)
        voucher = answer.voucher
        if voucher is not None and voucher.code and not _same_code(voucher.code, text):
            # an answer about another code (another member's Rp 500.000): its name, value and
            # template are not this code's, and nothing shows the server checked this one
            raise CodeNotChecked(say("order.code_check_unreadable", code=text))
        if template is None:
            try:
                own = next(
                    (v for v in (await self._vouchers(member)).vouchers if v.code == text), None
                )
            except CatalogueUnavailable:
                own = None
            if own is not None and own.template is not None and own.template.id:
                template = own.template.id
            elif voucher is not None and voucher.id:
                template = voucher.id
        if template is None:
            raise invalid("order.code_unknown_template", code=text)
        value = voucher.value if voucher is not None else None
        return CodeOrder(text, template, voucher.name or "" if voucher else "", value)

    async def promo_order(self, member: Member, code: str) -> PromoOrder:
        """Validate a promo code online, then an order for it (the code checked first, as
        :func:`check_code` says)."""
        text = check_code(code, PROMO_CODE)  # refused before it is sent, even to be checked
        try:
            answer = await self._in_time(self.client.validate_promo(text, user=member.user))
        except TimeoutError:
            raise self._unchecked("order.promo_not_checked", text) from None
        except StampsError as exc:
            if _looked_at(exc):
                raise InvalidOrder(server_refusal(exc)) from None
            if _unreadable_check(exc):
                raise CodeNotChecked(say("order.promo_check_unreadable", code=text)) from None
            if not self.allow_codes_offline:
                raise needs_server(
                    "policy.code_needs_server", line_checked=isinstance(exc, ConnectionFailed)
                ) from None
            return PromoOrder(text)
        if answer.promo_code.is_active is False:
            raise invalid("order.promo_inactive", code=text)
        return PromoOrder(text)

    def _unchecked(self, message_id: str, code: str) -> CodeNotChecked:
        """A code's check the cashier's wait ran out on, said with that wait: a line that hangs
        held it for the request's whole read timeout, where a lookup gives up after the wait."""
        return CodeNotChecked(say(message_id, code=code, seconds=f"{self._wait or 0:g}"))

    # --- reading, live or remembered --------------------------------------------------------

    @property
    def _channel(self) -> int:
        """The channel the server's lists are asked for, which the till's copy is kept by: a
        kiosk sharing the counter's data folder reads its own."""
        return int(self.client.channel or NO_CHANNEL)

    async def _rewards(self, member: Member) -> _Rewards:
        try:
            if self._offline():
                raise _Offline
            answer = await self._in_time(self.client.rewards(user=member.user))
        except (StampsError, TimeoutError, _Offline) as exc:
            cached = (
                await self.cache.rewards(self.client.store, self._channel) if self.cache else []
            )
            if not cached:
                raise CatalogueUnavailable(_unread("rewards", exc)) from None
            return _Rewards(
                [
                    Reward(
                        id=r.id,
                        name=r.name,
                        code=r.code_as_written,
                        stamps_to_redeem=r.stamps_to_redeem,
                        type=r.type,
                        image_url=r.image_url,
                    )
                    for r in cached
                ],
                as_of=min(r.fetched_at for r in cached),
                # Offline too, the cashier is told the store may offer more than is shown.
                cut=any(r.listing_cut for r in cached),
            )
        if self.cache is not None:
            now = clock.now()
            await self.cache.remember_rewards(
                self.client.store,
                self._channel,
                [
                    CachedReward(
                        id=r.id,
                        code=r.code,
                        code_is_number=isinstance(r.code_as_written, int),
                        name=reward_name(r),
                        stamps_to_redeem=r.stamps_to_redeem,
                        type=r.type,
                        image_url=r.image_url,
                        fetched_at=now,
                        listing_cut=answer.more_offered,
                    )
                    for r in answer.rewards
                ],
            )
        rewards: list[Reward] = list(answer.rewards)
        return _Rewards(
            rewards,
            unread=answer.unread_in("rewards"),
            cut=answer.more_offered,
        )

    async def _vouchers(self, member: Member) -> _Vouchers:
        if member.user is None:  # the endpoint takes "email or Member ID" and nothing else
            raise CatalogueUnavailable(say("catalogue.vouchers_need_user", name=member.name))
        try:
            if self._offline():
                raise _Offline
            answer = await self._in_time(self.client.member_vouchers(member.user))
        except (StampsError, TimeoutError, _Offline) as exc:
            return await self._remembered_vouchers(member, exc)
        vouchers: list[VoucherInfo] = list(answer.vouchers)
        # The docs' listing (voucher_api §3) has no "validity": only validation states the kind.
        listed = {v.id: _kind(v.validity) for v in vouchers if v.id is not None}
        kinds = {i: kind == BALANCE for i, kind in listed.items() if kind}
        return _Vouchers(vouchers, kinds, unread=answer.unread_in("vouchers"))

    async def _in_time(self, read: Awaitable[T]) -> T:
        """``read``'s answer, or :class:`TimeoutError` once the cashier's wait is over (the
        read is cancelled: a GET applies nothing). An answer, or the server's refusal (a code
        it looked at and turned down), is reported: the line works (a till believed offline
        had a code checked by the server and still said Offline). A read left unanswered is
        reported too (the till is degraded); a connection refused is not: a cut line is proved
        offline by what the till sends, and an order priced at once from the till's copy is
        judged on its own attempt, as before."""
        sent_at = clock.monotonic()  # ``read`` leaves when it is awaited, below
        try:
            answer = await asyncio.wait_for(read, self._wait)
        except TimeoutError:
            self._report(Outcome.AMBIGUOUS, sent_at=sent_at)
            raise
        except StampsError as exc:
            if exc.outcome in (Outcome.AMBIGUOUS, Outcome.REFUSED) and not isinstance(
                exc, CredentialsRejected | CredentialsReplaced | CredentialsUnusable
            ):
                self._report(line_outcome(exc), status_code=exc.status_code, sent_at=sent_at)
            raise
        self._report(None, sent_at=sent_at)
        return answer

    async def _kinds(
        self,
        member: Member,
        listing: _Vouchers,
        *,
        only: int | None = None,
    ) -> _Kinds:
        """Which of ``listing``'s vouchers are balance vouchers, and which are of a kind no one
        said (counted among the balance ones: see :class:`OfferedVoucher`).

        What the listing states is kept. A voucher read live whose kind it does not state takes
        the kind the till's copy has confirmed (a voucher's kind does not change), else is asked
        of the validation endpoint (voucher_api §2), all of them at once;
        ``only`` limits that to one voucher (an order needs no more). What validation says is
        returned as ``confirmed``, to be remembered; a validation that fails confirms nothing,
        and is asked again next time.
        """
        said = dict(listing.kinds)
        unsaid = [
            v.id
            for v in listing.vouchers
            if v.id is not None and v.id not in said and only in (None, v.id)
        ]
        confirmed: dict[int, bool] = {}
        if unsaid and listing.as_of is None:
            remembered = await self._confirmed_kinds(member)
            said.update((i, remembered[i]) for i in unsaid if i in remembered)
            asking = {v.id: v for v in listing.vouchers if v.id in unsaid and v.id not in said}
            answers = await asyncio.gather(*map(self._validity, asking.values()))
            confirmed = {
                i: kind == BALANCE for i, kind in zip(asking, answers, strict=True) if kind
            }
            said.update(confirmed)
        unknown = frozenset(i for i in unsaid if i not in said)
        balance = frozenset(i for i, is_balance in said.items() if is_balance)
        return _Kinds(balance | unknown, unknown, confirmed)

    async def _confirmed_kinds(self, member: Member) -> dict[int, bool]:
        """The kinds the till's copy of ``member``'s vouchers has confirmed (voucher id: whether
        it is a balance voucher)."""
        cached = await self.cache.vouchers(member.server_id, self._channel) if self.cache else None
        return {v.id: v.balance for v in cached or () if v.kind_known}

    async def _validity(self, voucher: VoucherInfo) -> str | None:
        """The voucher's kind as its validation states it (``"dynamic"``, ``"fixed"``…), or
        ``None`` when it cannot be asked or the answer does not say: unknown, never "ordinary"."""
        if not voucher.code:
            return None
        try:
            answer = await self._in_time(self.client.validate_voucher(voucher.code))
        except (StampsError, TimeoutError) as exc:
            log.info("voucher %s: its kind could not be read (%s)", voucher.id, type(exc).__name__)
            return None
        return _kind(answer.voucher.validity if answer.voucher else None) or None

    async def _remembered_vouchers(
        self, member: Member, unread: BaseException | None = None
    ) -> _Vouchers:
        cached = await self.cache.vouchers(member.server_id, self._channel) if self.cache else None
        if cached is None:
            raise CatalogueUnavailable(_unread("vouchers", unread))
        return _Vouchers(
            [_from_cache(v) for v in cached],
            {v.id: v.balance for v in cached if v.kind_known},
            as_of=min((v.fetched_at for v in cached), default=clock.now()),
        )

    async def remembered_voucher(
        self, member: Member, voucher_id: int, leaving_out: str
    ) -> VoucherFacts | None:
        """The offline policy's facts of a voucher, from the till's copy alone (no request: the
        till is deciding because the server cannot be reached), leaving out entry
        ``leaving_out``'s own use of it. ``None`` when the copy does not have it."""
        try:
            listing = await self._remembered_vouchers(member)
        except CatalogueUnavailable:
            return None
        found = next((v for v in listing.vouchers if v.id == voucher_id), None)
        if found is None:
            return None
        use = (await self._use_on_this_till(member, leaving_out=leaving_out)).get(voucher_id)
        kind = listing.kinds.get(voucher_id)  # None: never confirmed, kept as a balance voucher
        offered = offered_voucher(found, kind is not False, use, kind_known=kind is not None)
        return voucher_facts(offered)

    async def _remember_vouchers(
        self, member: Member, vouchers: list[VoucherInfo], kinds: _Kinds
    ) -> None:
        if self.cache is None:
            return
        now = clock.now()
        await self.cache.remember_vouchers(
            member.server_id,
            self._channel,
            [
                CachedVoucher(
                    id=v.id,
                    code=v.code,
                    name=voucher_name(v),
                    value=v.value,
                    is_active=v.is_active is not False,
                    start_date=v.start_date if isinstance(v.start_date, str) else None,
                    end_date=v.end_date if isinstance(v.end_date, str) else None,
                    template_id=v.template.id if v.template else None,
                    fetched_at=now,
                    balance=v.id in kinds.balance,
                    kind_known=v.id not in kinds.unknown,
                )
                for v in vouchers
                if v.id is not None
            ],
        )

    async def _use_on_this_till(
        self, member: Member, *, leaving_out: str | None = None, live: bool = False
    ) -> dict[int, VoucherUse]:
        """For each voucher this till has used for ``member``: whether it was redeemed whole,
        the rupiah its deductions not yet confirmed hold, and whether a use waits to sync.

        A ``live`` list is the server's word after every use it confirmed: those are in it."""
        if self.outbox is None:
            return {}
        use: dict[int, VoucherUse] = {}
        for entry in await self.outbox.entries(lane=member.lane):
            voucher = entry.payload.get("voucher")
            if not isinstance(voucher, int) or entry.status in _UNDONE or entry.id == leaving_out:
                continue
            synced = entry.status == EntryStatus.SYNCED
            if live and synced:
                continue
            used, held, waiting = use.get(voucher, (False, Decimal(0), False))
            if entry.kind == OperationKind.VOUCHER:
                used, waiting = True, waiting or not synced
            elif entry.kind == OperationKind.DEDUCT and not synced:
                held += Decimal(str(entry.payload.get("value") or 0))
            use[voucher] = (used, held, waiting)
        return use

    async def _code_offline(
        self, member: Member, code: str, template: int | None, *, line_checked: bool
    ) -> CodeOrder:
        if not self.allow_codes_offline:
            raise needs_server("policy.code_needs_server", line_checked=line_checked)
        if template is None and self.cache is not None:
            cached = await self.cache.vouchers(member.server_id, self._channel) or []
            own = next((v for v in cached if v.code == code), None)
            template = own.template_id if own else None
        if template is None:
            raise needs_server("order.code_offline_unknown", line_checked=line_checked, code=code)
        return CodeOrder(code, template)


def _named(catalogue: Sequence[Reward], named: str | int) -> Reward | None:
    """The reward a cart's line names. By its code before its id, whatever the list's order:
    a server that writes codes as digits gives one reward a code that is another's id, and
    the first that matched either was redeemed in place of the one picked."""
    if isinstance(named, int):
        return next((r for r in catalogue if r.id == named), None)
    by_code = next((r for r in catalogue if r.code == named), None)
    if by_code is not None or not named.isdigit():
        return by_code
    return next((r for r in catalogue if r.id == int(named)), None)


class _Offline(Exception):
    """The till knows it is offline: read the cache."""


_UNDONE = (EntryStatus.VOIDED, EntryStatus.REJECTED, EntryStatus.DISMISSED, EntryStatus.EXPIRED)


def _unread(part: str, problem: BaseException | None) -> Message:
    """Why the ``part`` ("rewards" or "vouchers") the till has no copy of could not be read, as
    far as it knows: a server that answered 503 or garbage did not go unanswered, and a manager
    looks at the network or at the server accordingly (architecture §4)."""
    if isinstance(problem, _Offline | ConnectionFailed):
        return say(f"catalogue.{part}_unreachable")
    if isinstance(problem, MalformedResponse | AnswerTooLarge):  # it answered, past reading
        return say(f"catalogue.{part}_unreadable")
    if isinstance(problem, ApiError) and problem.status_code is not None:
        if problem.status_code < 500 and problem.detail:
            # It turned the listing down in its own words ("store: Store 1 not found"): no
            # failing server, and trying again in a moment changes nothing.
            return say(
                f"catalogue.{part}_refused",
                status=str(problem.status_code),
                reason=quoted(problem.detail),
            )
        return say(f"catalogue.{part}_failing", status=str(problem.status_code))
    return say(f"catalogue.{part}_unavailable")  # unanswered in time, or the answer was lost


def _same_code(written: str, typed: str) -> bool:
    """Whether the code a check's answer names is the one typed, capitals, spaces and dashes
    aside (as a scanner or a server may write it)."""
    return normalise_code(written) == normalise_code(typed)


def _looked_at(error: StampsError) -> bool:
    """The server looked at the code and turned it down (a 400, a 404 "Not found." for a code
    it does not know, any refusal): no outage, so neither "codes can only be checked online"
    nor, with codes allowed offline, the code taken on trust."""
    return error.outcome is Outcome.REFUSED


def _unreadable_check(error: StampsError) -> bool:
    """The server answered a code's check in the API's language, and the till cannot read the
    answer (``"is_active": "false"``): the server was reached, so not the offline rules'
    "codes can only be checked online", nor, with codes allowed offline, the code taken on
    trust as for a server that cannot be reached. Not checked: nothing is redeemed."""
    return isinstance(error, MalformedResponse) and error.json_object


def server_refusal(error: StampsError) -> Message:
    """What the server said when it refused, for the cashier (its own words, when it gave any)."""
    words = getattr(error, "detail", None)
    return say("server.refused", reason=words) if words else say("server.refused_silently")


def _kind(word: object) -> str:
    """A voucher's kind as the server words it (``"Dynamic"``, ``"dynamic"``), lower-cased."""
    return word.strip().lower() if isinstance(word, str) else ""


def _from_cache(voucher: CachedVoucher) -> VoucherInfo:
    return VoucherInfo(
        id=voucher.id,
        code=voucher.code,
        name=voucher.name,
        value=voucher.value,
        is_active=voucher.is_active,
        start_date=voucher.start_date,
        end_date=voucher.end_date,
        template=VoucherTemplate(id=voucher.template_id) if voucher.template_id else None,
    )
