"""What the cashier's controllers share: the till, who is signed in, and the member on screen
with what the store offers them."""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.config import Settings
from app.core import clock
from app.core.services.catalogue import Catalogue, CatalogueUnavailable
from app.core.services.members import Member
from app.core.services.till import Till
from app.core.stamps.errors import StampsError
from app.core.stamps.models import Reward, VoucherInfo
from app.ui.controllers.tasks import LatestOnly


@dataclass(frozen=True)
class Offer:
    """What the store offers the member on screen: rewards, their vouchers, and which of those
    vouchers hold a value to deduct from. ``problem`` says why a part could not be read."""

    member: Member
    projected_stamps: int
    rewards: list[Reward] = field(default_factory=list)
    vouchers: list[VoucherInfo] = field(default_factory=list)
    dynamic_vouchers: frozenset[int] = frozenset()
    problem: str | None = None


class CashierSession(QObject):
    """The till and the state of the counter. ``member_changed(Member | None)`` fires when the
    member on screen changes (or their balance does); ``offer_loaded(Offer)`` once their rewards
    and vouchers are read."""

    member_changed = Signal(object)
    offer_loaded = Signal(object)
    cashier_changed = Signal(object)

    def __init__(self, till: Till, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.settings = settings
        self.catalogue: Catalogue = till.catalogue
        self.cashier: str | None = None
        self.shift_started: datetime | None = None
        self.member: Member | None = None
        self.offer: Offer | None = None
        self._offer_loader = LatestOnly("offer")

    # -- the cashier -------------------------------------------------------------------------

    def sign_in(self, name: str) -> None:
        """Start ``name``'s shift now."""
        self.cashier = name
        self.shift_started = clock.now()
        self.cashier_changed.emit(name)

    def sign_out(self) -> None:
        """End the shift: no cashier, no member."""
        self.cashier = None
        self.shift_started = None
        self.set_member(None)
        self.cashier_changed.emit(None)

    # -- the member --------------------------------------------------------------------------

    def set_member(self, member: Member | None) -> None:
        """Put ``member`` on screen (``None`` clears it) and read what they are offered."""
        previous = self.offer
        self.member = member
        self.offer = None
        self.member_changed.emit(member)
        if member is None:
            self._offer_loader.cancel()
            return
        self._offer_loader.start(self._load_offer(member, previous))

    def balance_changed(self, stamps_remaining: int | None) -> None:
        """The server said the member now has ``stamps_remaining``; re-read the rest."""
        member = self.member
        if member is None:
            return
        if stamps_remaining is not None:
            member = dataclasses.replace(member, stamps=stamps_remaining, fetched_at=clock.now())
        self.set_member(member)

    async def _load_offer(self, member: Member, previous: Offer | None) -> None:
        client = self.till.client

        async def rewards() -> tuple[list[Reward], frozenset[int]]:
            # The rewards list also names each voucher's type ("dynamic"), which the vouchers
            # list does not: read it from here rather than guess.
            try:
                answer = await client.rewards(user=member.user)
            except StampsError as exc:
                raise CatalogueUnavailable(exc.message) from None
            dynamic = frozenset(
                v.id for v in answer.vouchers if str(v.type or "").lower() == "dynamic"
            )
            return answer.rewards, dynamic

        projected, listed, vouchers = await asyncio.gather(
            self.till.projected_stamps(member),
            rewards(),
            self.catalogue.vouchers(member),
            return_exceptions=True,
        )
        problems = [r for r in (listed, vouchers) if isinstance(r, CatalogueUnavailable)]
        for result in (projected, listed, vouchers):
            if isinstance(result, BaseException) and not isinstance(result, CatalogueUnavailable):
                raise result
        assert isinstance(projected, int)
        reward_list, dynamic = listed if isinstance(listed, tuple) else ([], frozenset())
        voucher_list = vouchers if isinstance(vouchers, list) else []
        dynamic = dynamic | frozenset(
            v.id for v in voucher_list if v.id and (v.validity or "").lower() == "dynamic"
        )
        if previous is not None and previous.member.server_id == member.server_id:
            # Offline, what was read a moment ago still describes the counter best.
            if isinstance(listed, CatalogueUnavailable):
                reward_list, dynamic = previous.rewards, previous.dynamic_vouchers
            if isinstance(vouchers, CatalogueUnavailable):
                voucher_list = previous.vouchers
        self.offer = Offer(
            member=member,
            projected_stamps=projected,
            rewards=reward_list,
            vouchers=voucher_list,
            dynamic_vouchers=dynamic,
            problem=str(problems[0]) if problems else None,
        )
        self.offer_loaded.emit(self.offer)
