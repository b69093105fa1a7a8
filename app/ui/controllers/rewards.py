"""The rewards tab: the store's rewards for the member on screen, one redeemed now or several as
a cart."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Signal

from app.core.offline.policy import VoucherFacts
from app.core.services.catalogue import FLEXIBLE, CatalogueUnavailable
from app.core.services.members import Member
from app.core.services.orders import CartItem, CartOrder, InvalidOrder, Order, RewardOrder
from app.core.stamps.models import Reward
from app.ui.controllers.base import OrderController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession, Offer
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import CartLine, RewardCardData


class RewardsController(OrderController):
    """Fills the :class:`RewardPicker` from the member's offer and redeems what is picked.

    A reward the member cannot have is greyed with the reason: blocked, not offered to them
    (level, store) or not enough stamps (the projected balance, so queued redemptions count).
    ``rewards_shown(list[RewardCardData])`` fires when the picker is filled.
    """

    rewards_shown = Signal(list)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view, session, redemption)
        self._member_id: str | None = None
        picker = view.reward_picker
        picker.redeem_requested.connect(self._redeem_one)
        picker.cart_submitted.connect(self._redeem_cart)
        session.member_changed.connect(self._member_changed)
        session.offer_loaded.connect(self._show_offer)

    def _member_changed(self, member: Member | None) -> None:
        picker = self.view.reward_picker
        server_id = member.server_id if member else None
        if server_id != self._member_id:
            # A cart belongs to one customer.
            picker.cart.clear()
            picker.set_rewards([])
        self._member_id = server_id
        if member is None:
            picker.set_available_stamps(None)

    def _show_offer(self, offer: Offer) -> None:
        cards = [self.card(reward, offer) for reward in offer.rewards]
        self.view.reward_picker.set_rewards(cards)
        self.view.reward_picker.set_available_stamps(offer.projected_stamps)
        self.rewards_shown.emit(cards)

    def card(self, reward: Reward, offer: Offer) -> RewardCardData:
        """A reward as its tile shows it for this member."""
        member = offer.member
        cost = reward.stamps_to_redeem or 0
        reason: str | None = None
        if member.is_blocked:
            reason = self.tr("The member is blocked")
        elif not member.redemption_allowed:
            reason = self.tr("Redemptions are not allowed for this member")
        elif reward.redeemable is False and offer.projected_stamps >= cost:
            reason = self.tr("Not offered to this member (level or store)")
        elif offer.projected_stamps < cost:
            reason = self.tr("Needs {cost} stamps; member has {stamps}").format(
                cost=cost, stamps=offer.projected_stamps
            )
        return RewardCardData(
            id=reward.id,
            name=reward.name or self.tr("Reward {id}").format(id=reward.id),
            stamps_cost=cost,
            flexible=reward.type == FLEXIBLE,
            available=reason is None,
            reason=reason,
        )

    # -- redeeming ---------------------------------------------------------------------------

    def _redeem_one(self, reward_id: Hashable, qty: int, stamps: object) -> None:
        spawn(self.redeem_one(reward_id, qty, stamps if isinstance(stamps, int) else None))

    async def redeem_one(self, reward_id: Hashable, qty: int, stamps: int | None) -> None:
        """Redeem one reward (``stamps`` for a flexible one)."""
        catalogue = self.session.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            if not isinstance(reward_id, int):
                raise InvalidOrder(self.tr("That reward is not in the catalogue"))
            try:
                order = await catalogue.reward_order(member, reward_id, qty=qty, stamps=stamps)
            except CatalogueUnavailable:
                order = self._offline_reward_order(member, reward_id, qty, stamps)
            return order, None

        name = self._name(reward_id)
        await self.redemption.redeem(name, build, order_words=True)

    def _redeem_cart(self, lines: list[CartLine]) -> None:
        spawn(self.redeem_cart(list(lines)))

    async def redeem_cart(self, lines: list[CartLine]) -> None:
        """Redeem the cart as one all-or-nothing redemption; the cart empties once it is taken."""
        catalogue = self.session.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            try:
                order: Order = await catalogue.cart_order(
                    member, [(str(reward_id), qty, stamps) for reward_id, qty, stamps in lines]
                )
            except CatalogueUnavailable:
                order = self._offline_cart_order(member, lines)
            return order, None

        receipt = await self.redemption.redeem(self.tr("Cart"), build, order_words=True)
        if receipt is not None:
            self.view.reward_picker.cart.clear()

    # -- offline: the rewards on screen stand in for the catalogue -----------------------------

    def _offered(self, member: Member, reward_id: Hashable) -> Reward:
        # The offer was read online for this very member; the offline policy decides the rest.
        offer = self.session.offer
        if offer is None or offer.member.server_id != member.server_id:
            raise CatalogueUnavailable(
                self.tr("the rewards cannot be read while the till is offline")
            )
        for reward in offer.rewards:
            if reward.id == reward_id:
                return reward
        raise InvalidOrder(self.tr("That reward is not offered at this store"))

    def _offline_reward_order(
        self, member: Member, reward_id: Hashable, qty: int, stamps: int | None
    ) -> RewardOrder:
        reward = self._offered(member, reward_id)
        return RewardOrder(
            reward_id=reward.id,
            name=reward.name or f"reward {reward.id}",
            stamps_each=reward.stamps_to_redeem or 0,
            qty=qty,
            flexible=reward.type == FLEXIBLE,
            stamps=stamps,
        )

    def _offline_cart_order(self, member: Member, lines: list[CartLine]) -> CartOrder:
        items = []
        for reward_id, qty, stamps in lines:
            reward = self._offered(member, reward_id)
            items.append(
                CartItem(
                    code=reward.code or str(reward.id),
                    name=reward.name or str(reward.id),
                    stamps_each=reward.stamps_to_redeem or 0,
                    qty=qty,
                    flexible=reward.type == FLEXIBLE,
                    stamps=stamps,
                )
            )
        return CartOrder(tuple(items))

    def _name(self, reward_id: Hashable) -> str:
        offer = self.session.offer
        if offer is not None:
            for reward in offer.rewards:
                if reward.id == reward_id and reward.name:
                    return reward.name
        return self.tr("Reward {id}").format(id=reward_id)
