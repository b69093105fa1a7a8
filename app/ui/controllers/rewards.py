"""The rewards tab: the store's rewards for the member on screen, one redeemed now or several as
a cart. Orders come from the till's catalogue, live or as last seen: the window has no catalogue
of its own."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QCoreApplication, Signal

from app.core.services import (
    Member,
    Offer,
    OfferedReward,
    OperationKind,
    Order,
    VoucherFacts,
    counted_kind,
    format_count,
    say,
)
from app.ui.controllers.base import OrderController
from app.ui.controllers.offline_copy import offline_copy_note
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import CartLine, RewardCardData
from app.ui.wording import words


def short_of(cost: int, stamps: int) -> str:
    """Why a reward of ``cost`` stamps is greyed for a member with ``stamps``."""
    return (
        QCoreApplication.translate("RewardsController", "Needs {cost} stamp; member has {stamps}")
        if cost == 1
        else QCoreApplication.translate(
            "RewardsController", "Needs {cost} stamps; member has {stamps}"
        )
    ).format(cost=format_count(cost), stamps=format_count(stamps))


class RewardsController(OrderController):
    """Fills the :class:`RewardPicker` from the member's offer and redeems what is picked.

    A reward the member cannot have is greyed with the reason: blocked, a blocked PIN where
    their redemptions need one, not offered to them (level, store) or not enough stamps (the
    projected balance, so queued redemptions count).
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
        picker = view.reward_picker
        picker.redeem_requested.connect(self._redeem_one)
        picker.cart_submitted.connect(self._redeem_cart)
        # What an order is made of, changed: an asking about it (a cart over a reward's most,
        # the stamps of a flexible one) goes once it is put right.
        for changed in (
            picker.cart.changed,
            picker.reward_chosen,
            picker.qty_spin.valueChanged,
            picker.stamps_spin.valueChanged,
        ):
            changed.connect(redemption.recheck_asking)
        self._member_id: str | None = None
        session.member_changed.connect(self._member_changed)
        session.offer_loaded.connect(self._show_offer)
        redemption.pin_blocked.connect(self._pin_blocked)
        redemption.busy_changed.connect(picker.set_busy)

    def _member_changed(self, member: Member | None) -> None:
        server_id = member.server_id if member else None
        if server_id == self._member_id:
            return  # the same customer, their balance moved: the offer follows
        self._member_id = server_id
        picker = self.view.reward_picker
        picker.cart.clear()  # a cart belongs to one customer
        picker.set_rewards([])
        picker.set_note("")
        picker.set_available_stamps(None if member is None else member.stamps)
        picker.set_empty_text(
            self.tr("Reading the rewards…")
            if member is not None
            else self.tr("No rewards to show. Find a member first (F2).")
        )

    def _show_offer(self, offer: Offer) -> None:
        cards = [self.card(reward, offer) for reward in offer.rewards]
        picker = self.view.reward_picker
        picker.set_rewards(cards)
        picker.set_available_stamps(offer.projected_stamps)
        if offer.rewards_problem is not None:
            picker.set_empty_text(words(offer.rewards_problem))
        elif not cards:
            picker.set_empty_text(
                words(offer.rewards_note)
                if offer.rewards_note is not None  # not "no rewards": some could not be read
                else self.tr("The store offers no rewards.")
            )
        # Where the tiles come from, when it is the till's copy (as the vouchers tab says of
        # its list); then what is missing from them: rewards the till could not read, and those
        # past the most it reads (the cashier looked for a reward the till had dropped, in vain).
        notes = [words(n) for n in (offer.rewards_note, offer.rewards_cut_note) if n is not None]
        if offer.rewards_as_of is not None:
            notes.insert(0, offline_copy_note("rewards", offer.rewards_as_of))
        picker.set_note("\n".join(notes) if cards else "")
        self.rewards_shown.emit(cards)

    def _pin_blocked(self) -> None:
        # The server has just blocked the PIN of the member on screen: their tiles grey now,
        # not when their offer is next read.
        if self.session.offer is not None:
            self._show_offer(self.session.offer)
        # Nothing of theirs can be had now: the keyboard, on the amount that greyed, went to
        # the empty cart (under Xvfb), where the next customer's name typed was lost.
        self.ready_for_the_next_customer(self.view.reward_picker)

    def card(self, reward: OfferedReward, offer: Offer) -> RewardCardData:
        """A reward as its tile shows it for this member."""
        member = offer.member
        cost = reward.stamps
        reason: str | None = None
        if member.is_blocked:
            reason = self.tr("The member is blocked")
        elif not member.redemption_allowed:
            reason = self.tr("Redemptions are not allowed for this member")
        elif member.protected_redemption and self.session.till.redeemer.pin_blocked(member):
            # Every reward (and a cart) is sent with the PIN's request id for such a member, and
            # a blocked PIN gives none: the till refuses it before the pad (architecture §5).
            reason = self.tr("PIN blocked: must be reset")
        elif offer.projected_stamps is None:
            # No balance to judge the price by: the server's word on it stands, whatever its
            # reason (and offline the policy refuses it, saying why), never "short of" a
            # balance the server never gave.
            if reward.redeemable is False:
                reason = self.tr("Not offered to this member by the Stamps server")
        elif reward.redeemable is False and offer.projected_stamps >= cost:
            reason = self.tr("Not offered to this member (level or store)")
        elif offer.projected_stamps < cost:
            reason = short_of(cost, offer.projected_stamps)
        return RewardCardData(
            id=reward.id,
            name=reward.name,
            stamps_cost=cost,
            flexible=reward.flexible,
            available=reason is None,
            reason=reason,
        )

    # -- redeeming ---------------------------------------------------------------------------

    def _redeem_one(self, reward_id: Hashable, qty: int, stamps: object) -> None:
        self.order(self.redeem_one(reward_id, qty, stamps if isinstance(stamps, int) else None))

    async def redeem_one(self, reward_id: Hashable, qty: int, stamps: int | None) -> None:
        """Redeem one reward (``stamps`` for a flexible one)."""
        catalogue = self.session.till.catalogue
        number = reward_id if isinstance(reward_id, int) else -1

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.reward_order(member, number, qty=qty, stamps=stamps), None

        what = say("what.reward", name=self._name(reward_id))
        picker = self.view.reward_picker

        def made_of() -> object:
            return picker.selected(), picker.qty_spin.value(), picker.stamps_spin.value()

        receipt = await self.redemption.redeem(OperationKind.REWARD, what, build, made_of)
        self.after_the_order(self.view.reward_picker, receipt)

    def _redeem_cart(self, lines: list[CartLine]) -> None:
        self.order(self.redeem_cart(list(lines)))

    async def redeem_cart(self, lines: list[CartLine]) -> None:
        """Redeem the cart as one all-or-nothing redemption; the cart empties once it is taken."""
        catalogue = self.session.till.catalogue
        # by the ids of the tiles picked: as digits, they read as codes first
        wanted: list[tuple[str | int, int, int | None]] = [
            (reward_id if isinstance(reward_id, int) else str(reward_id), qty, stamps)
            for reward_id, qty, stamps in lines
        ]

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.cart_order(member, wanted), None

        items = ", ".join(self._name(reward_id) for reward_id, _, _ in lines)
        receipt = await self.redemption.redeem(
            # what a refusal before the order is built is recorded as: what the cart holds
            OperationKind(counted_kind(OperationKind.MULTI, len(lines))),
            say("what.cart", items=items),
            build,
            self.view.reward_picker.cart.lines,
        )
        # Before the cart empties: its greyed "Redeem cart" would pass the keyboard on first.
        self.after_the_order(self.view.reward_picker, receipt)
        if receipt is not None:
            self.view.reward_picker.cart.clear()

    def _name(self, reward_id: Hashable) -> str:
        offer = self.session.offer
        found = offer.reward(reward_id) if offer and isinstance(reward_id, int) else None
        return found.name if found else f"#{reward_id}"
