"""What the cashier's controllers share: the till, who is signed in (and their shift), and the
customer on screen with what the store offers them."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from app.core.services import (
    Connectivity,
    Member,
    MemberNotFound,
    NotOnline,
    Offer,
    Sale,
    ScanFormats,
    ShiftInfo,
    Till,
    clock,
)
from app.ui.controllers.tasks import LatestOnly


class CashierSession(QObject):
    """The till and the state of the counter, one customer at a time.

    ``customer_left(Member)`` fires first when the customer on screen gives way (to another
    member, or to none): everything of theirs (invoice, cart, PIN, result) goes. Then
    ``member_changed(Member | None)``, also when only their balance changed, and
    ``offer_loaded(Offer)`` once their rewards and vouchers are read (live, else as last seen).
    ``cashier_changed(str | None)`` when a shift opens or closes.
    """

    customer_left = Signal(object)
    member_changed = Signal(object)
    offer_loaded = Signal(object)
    cashier_changed = Signal(object)

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.cashier: str | None = None
        self.shift: ShiftInfo | None = None
        self.member: Member | None = None
        self.offer: Offer | None = None
        self._offer_loader = LatestOnly("offer")
        self._rereader = LatestOnly("member read again")
        #: The lookup of the next customer (the member search's): here, so that what the
        #: counter does meanwhile can tell it is out (:attr:`looking_up`).
        self.lookup = LatestOnly("member lookup")
        #: The store's card and receipt formats (its settings' prefix rules).
        self.formats = ScanFormats()
        #: The offline copy on screen already read again since the line came back.
        self._read_on_return: Member | None = None

    @property
    def looking_up(self) -> bool:
        """Whether a member is being looked up: the customer on screen may be about to give
        way to the next one."""
        return self.lookup.running

    # -- the cashier -------------------------------------------------------------------------

    async def sign_in(self, name: str) -> ShiftInfo:
        """Open ``name``'s shift (or take up the one they left open before a restart)."""
        self.shift = await self.till.shift_record.open_shift(name)
        self.cashier = name
        self.cashier_changed.emit(name)
        return self.shift

    async def follow_rename(self) -> bool:
        """Whether a manager renamed the cashier signed in: their shift, still open, carries on
        under its new name, as what they redeem next does (``Staff.rename`` moved it)."""
        if self.shift is None:
            return False
        for shift in await self.till.shift_record.open_shifts():
            if shift.id == self.shift.id and shift.cashier != self.cashier:
                self.shift = shift
                self.cashier = shift.cashier
                self.cashier_changed.emit(shift.cashier)
                return True
        return False

    async def sign_out(self) -> None:
        """Close the shift: no cashier, no customer."""
        if self.shift is not None:
            await self.till.shift_record.close_shift(self.shift.id)
        self.cashier = None
        self.shift = None
        self.set_member(None)
        self.cashier_changed.emit(None)

    def sale(self, invoice_number: str | None) -> Sale:
        """Who sells, in which shift, with this sale's invoice number."""
        return Sale(
            cashier=self.cashier or self.till.config.terminal,
            shift_id=self.shift.id if self.shift else None,
            invoice_number=invoice_number or None,
        )

    # -- the customer ------------------------------------------------------------------------

    def set_member(self, member: Member | None) -> None:
        """Put ``member`` on screen (``None`` clears it) and read what they are offered. Another
        member than the one on screen is a new customer."""
        previous = self.member
        if previous is not None and (member is None or previous.server_id != member.server_id):
            self.customer_left.emit(previous)
        self.member = member
        self.offer = None
        self.member_changed.emit(member)
        if member is None:
            self._offer_loader.cancel()
            return
        self._offer_loader.start(self._load_offer(member))

    def balance_changed(self, lane: str, stamps_remaining: int | None) -> None:
        """The server said the member of ``lane`` now has ``stamps_remaining``; if they are the
        one on screen, read the rest again (an answer for the last customer changes nothing)."""
        member = self.member
        if member is None or member.lane != lane:
            return
        if stamps_remaining is not None:
            member = dataclasses.replace(member, stamps=stamps_remaining, fetched_at=clock.now())
        self.set_member(member)
        if not member.live:
            # Served from the till's copy while offline, and the server has just answered for
            # them: the card said "Offline copy" and "Projected" beside a till back online
            # until the next scan. The rest of the copy (level, PIN, blocked) is as old.
            self._rereader.start(self._read_again(member))

    def till_changed(self) -> None:
        """The till's state changed (``TillChanges``): online, with the member on screen the
        till's offline copy, read them from the server, once for that copy (again after the
        line drops and comes back). The card said "Offline copy — as of …" beside a bar that
        said Online, until the member was scanned again; the copy's level, PIN and balance may
        all be out of date. (A change, not the change to online: changes are read together, and
        the line dropping and coming back between two reads was missed.)"""
        if self.till.connectivity is not Connectivity.ONLINE:
            self._read_on_return = None
            return
        member = self.member
        if member is None or member.live or member is self._read_on_return:
            return
        self._read_on_return = member
        self._rereader.start(self._read_again(member))

    def read_by_the_till(self, fresh: Member) -> None:
        """The till read ``fresh`` from the server itself (a redemption's balance check): if
        they are the one on screen, the card shows them as read."""
        on_screen = self.member
        if on_screen is not None and on_screen.server_id == fresh.server_id and fresh.live:
            self.set_member(fresh)

    def read_again(self, lane: str) -> None:
        """If the member of ``lane`` is on screen, read them again from the server: what the
        card holds back for their redemptions has just changed without an answer that says
        their balance. A refusal: what let the till take the order (often offline, from an old
        balance) the server has just contradicted ("Insufficient stamps: 10 available", beside
        a card that still read 225). A manager dismissing, marking applied or sending one
        again: the card read "Projected", less an unknown dismissed, until the next scan."""
        member = self.member
        if member is not None and member.lane == lane:
            self._rereader.start(self._read_again(member))

    async def _read_again(self, member: Member) -> None:
        try:
            fresh = await self.till.lookup.find_member(member.lookup)
        except (MemberNotFound, NotOnline):
            return  # the refusal's own words stand; the card is no worse than before
        on_screen = self.member
        if not fresh.live or on_screen is None or on_screen.server_id != fresh.server_id:
            return  # the server could not be asked (the copy is the card's own), or they left
        self.set_member(fresh)

    def reload_offer(self) -> None:
        """Read the offer of the member on screen again (the queue moved on)."""
        if self.member is not None:
            self._offer_loader.start(self._load_offer(self.member))

    async def _load_offer(self, member: Member) -> None:
        offer = await self.till.lookup.offer(member)
        if self.member is not member:
            return  # the customer changed while it was read
        self.offer = offer
        self.offer_loaded.emit(offer)
