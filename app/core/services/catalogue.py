"""Turning what a cashier names (a reward id, a cart of codes, a voucher, a code) into an order the
till can price and check, from the server's catalogue.

Online, every answer refreshes the till's cache; offline, the cache answers as of when it was
fetched (DESIGN.md §4). Codes need the server to be checked, so offline they are refused unless the
store allows them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.core import clock
from app.core.domain import EntryStatus, OperationKind, format_rupiah
from app.core.offline.cache import CachedReward, CachedVoucher, MemberCache
from app.core.offline.policy import VoucherFacts
from app.core.outbox.outbox import Outbox
from app.core.services.members import Member
from app.core.services.orders import (
    CartItem,
    CartOrder,
    CodeOrder,
    DeductOrder,
    InvalidOrder,
    PromoOrder,
    RewardOrder,
    VoucherOrder,
)
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import StampsError, ValidationFailed
from app.core.stamps.models import Reward, VoucherInfo
from app.core.stamps.models.common import parse_api_time
from app.core.stamps.models.responses import VoucherTemplate

FLEXIBLE = 5  # the reward type whose price the member chooses


class CatalogueUnavailable(Exception):
    """The catalogue could not be read (offline, or the server failed) and the till has not
    seen it before."""


class CodeNeedsServer(InvalidOrder):
    """A code cannot be checked without the server, and the store does not accept it unchecked."""


class Catalogue:
    """The store's rewards and a member's vouchers: live, and remembered for when the server
    cannot be reached. ``outbox`` tells which vouchers this till has already used."""

    def __init__(
        self,
        client: StampsClient,
        cache: MemberCache | None = None,
        outbox: Outbox | None = None,
        *,
        allow_codes_offline: bool = False,
    ) -> None:
        self.client = client
        self.cache = cache
        self.outbox = outbox
        self.allow_codes_offline = allow_codes_offline

    async def rewards(self, member: Member | None = None) -> list[Reward]:
        """The store's rewards; with a member online, ``redeemable`` says which they can afford."""
        try:
            answer = await self.client.rewards(user=member.user if member else None)
        except StampsError as exc:
            cached = await self.cache.rewards(self.client.store) if self.cache else []
            if not cached:
                raise CatalogueUnavailable(exc.message) from None
            return [
                Reward(
                    id=r.id,
                    name=r.name,
                    code=r.code,
                    stamps_to_redeem=r.stamps_to_redeem,
                    type=r.type,
                    image_url=r.image_url,
                )
                for r in cached
            ]
        if self.cache is not None:
            now = clock.now()
            await self.cache.remember_rewards(
                self.client.store,
                [
                    CachedReward(
                        id=r.id,
                        code=r.code,
                        name=r.name or f"reward {r.id}",
                        stamps_to_redeem=r.stamps_to_redeem,
                        type=r.type,
                        image_url=r.image_url,
                        fetched_at=now,
                    )
                    for r in answer.rewards
                ],
            )
        return answer.rewards

    async def reward_order(
        self, member: Member, reward_id: int, *, qty: int = 1, stamps: int | None = None
    ) -> RewardOrder:
        """An order for one reward, priced from the catalogue."""
        reward = next((r for r in await self.rewards(member) if r.id == reward_id), None)
        if reward is None:
            raise InvalidOrder(f"reward {reward_id} is not offered at this store")
        flexible = reward.type == FLEXIBLE
        if not flexible and stamps is not None:
            raise InvalidOrder(f"{reward.name}: only a flexible reward takes a number of stamps")
        return RewardOrder(
            reward_id=reward.id,
            name=reward.name or f"reward {reward.id}",
            stamps_each=reward.stamps_to_redeem or 0,
            qty=qty,
            flexible=flexible,
            stamps=stamps,
        )

    async def cart_order(
        self, member: Member, lines: list[tuple[str, int, int | None]]
    ) -> CartOrder:
        """An order for several rewards by code (or id), ``(code, qty, stamps)`` each."""
        catalogue = await self.rewards(member)
        items = []
        for code, qty, stamps in lines:
            reward = next(
                (r for r in catalogue if r.code == code or (code.isdigit() and r.id == int(code))),
                None,
            )
            if reward is None:
                raise InvalidOrder(f"no reward with code {code} at this store")
            if not reward.code:  # a cart names its rewards by code, never by id
                raise InvalidOrder(
                    f"{reward.name or f'Reward {reward.id}'} has no reward code, so it cannot go "
                    "in a cart: redeem it on its own."
                )
            items.append(
                CartItem(
                    code=reward.code,
                    name=reward.name or code,
                    stamps_each=reward.stamps_to_redeem or 0,
                    qty=qty,
                    flexible=reward.type == FLEXIBLE,
                    stamps=stamps,
                )
            )
        return CartOrder(tuple(items))

    async def vouchers(self, member: Member) -> list[VoucherInfo]:
        """The member's vouchers, live or as last seen."""
        if member.user is None:  # the endpoint takes "email or Member ID" and nothing else
            raise CatalogueUnavailable(_no_user(member, "list their vouchers"))
        try:
            vouchers = (await self.client.member_vouchers(member.user)).vouchers
        except StampsError as exc:
            cached = await self.cache.vouchers(member.server_id) if self.cache else None
            if cached is None:
                raise CatalogueUnavailable(exc.message) from None
            return [
                VoucherInfo(
                    id=v.id,
                    code=v.code,
                    name=v.name,
                    value=v.value,
                    is_active=v.is_active,
                    start_date=v.start_date,
                    end_date=v.end_date,
                    template=VoucherTemplate(id=v.template_id) if v.template_id else None,
                )
                for v in cached
            ]
        if self.cache is not None:
            now = clock.now()
            await self.cache.remember_vouchers(
                member.server_id,
                [
                    CachedVoucher(
                        id=v.id,
                        code=v.code,
                        name=v.name,
                        value=v.value,
                        is_active=v.is_active is not False,
                        start_date=v.start_date if isinstance(v.start_date, str) else None,
                        end_date=v.end_date if isinstance(v.end_date, str) else None,
                        template_id=v.template.id if v.template else None,
                        fetched_at=now,
                    )
                    for v in vouchers
                    if v.id is not None
                ],
            )
        return vouchers

    async def voucher(self, member: Member, voucher_id: int) -> tuple[VoucherInfo, VoucherFacts]:
        """One of the member's vouchers, with what the offline policy needs to know of it: its
        dates and value, and whether this till has already used it (or, for a dynamic voucher,
        how much of it this till's waiting deductions hold)."""
        found = next((v for v in await self.vouchers(member) if v.id == voucher_id), None)
        if found is None:
            raise InvalidOrder(f"voucher {voucher_id} is not one of this member's vouchers")
        facts = voucher_facts(found)
        if self.outbox is not None:
            used, held = await self._use_on_this_till(member, voucher_id)
            value = facts.value - held if facts.value is not None else None
            facts = replace(facts, used_on_this_till=used, value=value)
        return found, facts

    async def _use_on_this_till(self, member: Member, voucher_id: int) -> tuple[bool, Decimal]:
        assert self.outbox is not None
        entries = await self.outbox.entries(lane=member.lane)
        used, held = False, Decimal(0)
        for entry in entries:
            if entry.payload.get("voucher") != voucher_id or entry.status in _UNDONE:
                continue
            if entry.kind == OperationKind.VOUCHER:
                used = True
            elif entry.kind == OperationKind.DEDUCT and entry.status != EntryStatus.SYNCED:
                held += Decimal(str(entry.payload.get("value") or 0))
        return used, held

    async def voucher_order(
        self, member: Member, voucher_id: int
    ) -> tuple[VoucherOrder, VoucherFacts]:
        """An order for one of the member's vouchers, with the voucher's facts for the policy
        (one read of the member's vouchers serves both)."""
        voucher, facts = await self.voucher(member, voucher_id)
        return VoucherOrder(voucher_id, voucher_name(voucher), voucher.value), facts

    async def deduct_order(
        self, member: Member, voucher_id: int, value: int
    ) -> tuple[DeductOrder, VoucherFacts]:
        """An order taking ``value`` rupiah from a dynamic voucher, checked against what is left
        after this till's waiting deductions; with the voucher's facts for the policy."""
        voucher, facts = await self.voucher(member, voucher_id)
        if facts.value is not None and value > facts.value:
            raise InvalidOrder(
                f"{voucher_name(voucher)} has only {format_rupiah(facts.value)} left"
            )
        return DeductOrder(voucher_id, voucher_name(voucher), value), facts

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
        there is one, else the id the validation answers with (DESIGN.md §1).
        """
        text = code.strip()
        if not text:
            raise InvalidOrder("type or scan the voucher code")
        try:
            answer = await self.client.validate_voucher(
                text, user=member.user, transaction_value=transaction_value
            )
        except ValidationFailed as exc:
            raise InvalidOrder(exc.message) from None
        except StampsError:
            return await self._code_offline(member, text, template)
        if answer.is_redeemable is False:
            raise InvalidOrder(f"voucher code {text} cannot be redeemed here")
        voucher = answer.voucher
        if template is None:
            # the member's own vouchers can be listed only by email or Member ID
            mine = await self.vouchers(member) if member.user is not None else []
            own = next((v for v in mine if v.code == text), None)
            if own is not None and own.template is not None and own.template.id:
                template = own.template.id
            elif voucher is not None and voucher.id:
                template = voucher.id
        if template is None:
            raise InvalidOrder(f"the server did not say which voucher {text} is")
        return CodeOrder(text, template, voucher.name or "" if voucher else "")

    async def promo_order(self, member: Member, code: str) -> PromoOrder:
        """Validate a promo code online, then an order for it."""
        text = code.strip()
        if not text:
            raise InvalidOrder("type or scan the promo code")
        try:
            answer = await self.client.validate_promo(text, user=member.user)
        except ValidationFailed as exc:
            raise InvalidOrder(exc.message) from None
        except StampsError:
            if not self.allow_codes_offline:
                raise CodeNeedsServer(_CODES_ONLINE) from None
            return PromoOrder(text)
        if answer.promo_code.is_active is False:
            raise InvalidOrder(f"promo code {text} is not active")
        return PromoOrder(text)

    async def _code_offline(self, member: Member, code: str, template: int | None) -> CodeOrder:
        if not self.allow_codes_offline:
            raise CodeNeedsServer(_CODES_ONLINE)
        if template is None and self.cache is not None:
            own = next(
                (v for v in await self.cache.vouchers(member.server_id) if v.code == code), None
            )
            template = own.template_id if own else None
        if template is None:
            raise CodeNeedsServer(
                f"Offline, the till cannot tell which voucher {code} is. Try again online."
            )
        return CodeOrder(code, template)


def _no_user(member: Member, what: str) -> str:
    return f"{member.name} has no email or Member ID, which the server needs to {what}."


_CODES_ONLINE = (
    "Voucher and promo codes can only be checked online. Try again when the till is back online."
)
_UNDONE = (EntryStatus.VOIDED, EntryStatus.REJECTED, EntryStatus.DISMISSED, EntryStatus.EXPIRED)


def voucher_name(voucher: VoucherInfo) -> str:
    """What to call a voucher: its own name, else its template's (member voucher lists often name
    only the template), else its id."""
    if voucher.name:
        return voucher.name
    if voucher.template is not None and voucher.template.name:
        return voucher.template.name
    return f"voucher {voucher.id}"


def voucher_facts(voucher: VoucherInfo) -> VoucherFacts:
    """What the offline policy needs to know about a voucher."""
    return VoucherFacts(
        is_active=voucher.is_active is not False,
        start_date=_day(voucher.start_date),
        end_date=_day(voucher.end_date),
        value=voucher.value,
        used_on_this_till=False,
    )


def _day(value: str | int | None) -> date | None:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    moment = parse_api_time(value)
    return moment.date() if moment else None
