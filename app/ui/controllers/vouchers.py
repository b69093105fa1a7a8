"""The vouchers tab: the member's vouchers (redeem one; deduct from a balance voucher, or use it up
whole on purpose) and voucher codes, typed or scanned. Orders come from the till's catalogue,
live or as last seen: the window has no catalogue of its own."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Signal

from app.core.services import (
    Member,
    Offer,
    OfferedVoucher,
    OperationKind,
    Order,
    VoucherFacts,
    clock,
    format_rupiah,
    say,
    shown,
)
from app.ui.controllers.base import OrderController
from app.ui.controllers.offline_copy import offline_copy_note
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.dates import day_text
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import VoucherRowData
from app.ui.wording import words


class VouchersController(OrderController):
    """Fills the :class:`VoucherPanel` and redeems vouchers, deductions and codes.

    ``vouchers_shown(list[VoucherRowData])`` fires when the list is filled; ``card_typed(str)``
    when what was typed as a voucher code is a card the till knows (nothing is sent);
    ``code_waits(str)`` when a voucher's code came with nobody on screen and waits in the code
    field for the member (:meth:`take_code`).
    """

    vouchers_shown = Signal(list)
    card_typed = Signal(str)
    #: A number of the store's card format typed as a voucher code: a member to look up.
    member_typed = Signal(str)
    code_waits = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view, session, redemption)
        panel = view.voucher_panel
        panel.voucher_redeem_requested.connect(
            lambda voucher_id: self.order(self.redeem_voucher(voucher_id))
        )
        panel.whole_balance_requested.connect(
            lambda voucher_id: self.order(self.redeem_voucher(voucher_id, whole=True))
        )
        panel.deduct_requested.connect(
            lambda voucher_id, value: self.order(self.deduct(voucher_id, value))
        )
        panel.code_entered.connect(self._code_typed)
        # A code the till asked to be put right (a hidden character), changed: the asking goes.
        panel.code_field.textChanged.connect(redemption.recheck_asking)
        panel.set_vouchers([], read=False)  # nobody on screen yet: no list to call empty
        self._member_id: str | None = None
        #: A voucher's code that came with nobody on screen: used for the member found next,
        #: while the code field still holds it (:meth:`take_code`).
        self._waiting: str | None = None
        session.member_changed.connect(self._member_changed)
        session.offer_loaded.connect(self._show_offer)
        # Another cashier's shift: a code the last one left waiting is not theirs to redeem.
        session.cashier_changed.connect(lambda _cashier: self._drop_waiting())

    def _member_changed(self, member: Member | None) -> None:
        server_id = member.server_id if member else None
        if server_id == self._member_id:
            return  # the same customer, their balance moved: the offer follows
        came_to_nobody = self._member_id is None
        self._member_id = server_id
        panel = self.view.voucher_panel
        # Nobody on screen has no list to call empty: "No vouchers for this member" stood under
        # a voucher code waiting for the member, with nobody there.
        panel.set_vouchers([], read=False)
        panel.set_note(self.tr("Reading the vouchers…") if member is not None else "")
        waiting, self._waiting = self._waiting, None
        if member is not None and waiting is not None and panel.code_field.text() == waiting:
            # The customer the code waited for: the code scanned before their card is theirs,
            # as a receipt scanned before the card is (InvoiceOwner).
            self.use_code(waiting)
            return
        if member is not None and came_to_nobody and panel.code_field.text():
            # Typed with nobody on screen, and no Enter yet: the code is this customer's, as one
            # scanned before their card is. Kept for the cashier's Enter (it was emptied as the
            # last customer's would be), never sent without it.
            return
        panel.clear_code()

    def take_code(self, code: str) -> None:
        """A voucher's code (by the store's format, scanned or typed anywhere; or typed into the
        code field and Enter): the voucher code of the member on screen, used at once. With
        nobody on screen it waits in the code field and is used for the member found next
        (scanned before the card, it was asked as a member, "No member matches", and lost);
        ``code_waits`` says so."""
        if self.session.member is not None:
            self.use_code(code)
            return
        self._waiting = code
        panel = self.view.voucher_panel
        self.view.open_vouchers_tab()
        panel.code_field.setText(code)
        panel.set_note(
            self.tr("Voucher code {code} waits for the member: find them, and it is used.").format(
                code=shown(code)
            )
        )
        self.code_waits.emit(code)

    def _drop_waiting(self) -> None:
        if self._waiting is not None and self.session.member is None:
            self.view.voucher_panel.clear_code()
            self.view.voucher_panel.set_note("")
        self._waiting = None

    def _show_offer(self, offer: Offer) -> None:
        rows = [self.row(v) for v in offer.vouchers]
        panel = self.view.voucher_panel
        panel.set_vouchers(rows, read=offer.vouchers_problem is None)
        if offer.vouchers_problem is not None:
            panel.set_note(words(offer.vouchers_problem))
        elif offer.vouchers_note is not None:  # some listed, left out: the cashier must know
            panel.set_note(words(offer.vouchers_note))
        elif offer.vouchers_as_of is not None:
            panel.set_note(offline_copy_note("vouchers", offer.vouchers_as_of))
        else:
            panel.set_note("")
        self.vouchers_shown.emit(rows)

    def row(self, voucher: OfferedVoucher) -> VoucherRowData:
        """One voucher as its row shows it."""
        # The end date is what the cashier checks; a start date only matters while it is ahead.
        today = clock.now().astimezone().date()
        start, end = voucher.start_date, voucher.end_date
        if start and start > today:
            dates = self.tr("from {start}").format(start=day_text(start))
        elif end:
            dates = self.tr("until {end}").format(end=day_text(end))
        else:
            dates = ""
        if voucher.balance:
            left = voucher.left if voucher.left is not None else voucher.value
            value_text = (
                self.tr("Saldo {left}").format(left=format_rupiah(left))
                if left is not None
                else self.tr("Saldo")
            )
        else:
            value_text = format_rupiah(voucher.value) if voucher.value is not None else "—"
        note = ""
        if voucher.used_here and voucher.use_waiting:
            note = self.tr("Already used on this till; waiting to sync")
        elif voucher.used_here:  # confirmed after the till's copy of the list was read
            note = self.tr("Already used on this till")
        elif not voucher.active:
            note = self.tr("Not active")
        return VoucherRowData(
            id=voucher.id,
            name=voucher.name,
            code=voucher.code or "",
            value_text=value_text,
            dates_text=dates,
            balance=voucher.balance,
            remaining_value=voucher.left if voucher.balance else None,
            usable=not voucher.used_here and voucher.active,
            note=note,
            kind_known=voucher.kind_known,
        )

    # -- redeeming ---------------------------------------------------------------------------

    async def redeem_voucher(self, voucher_id: Hashable, *, whole: bool = False) -> None:
        """Redeem one of the member's vouchers whole (a balance voucher only with ``whole``:
        what it has left is lost, and the cashier has said so)."""
        catalogue = self.session.till.catalogue
        number = _number(voucher_id)

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.voucher_order(member, number, whole=whole)

        what = say("what.voucher", name=self._name(voucher_id))
        receipt = await self.redemption.redeem(OperationKind.VOUCHER, what, build)
        self.after_the_order(self.view.voucher_panel, receipt)

    async def deduct(self, voucher_id: Hashable, value: int) -> None:
        """Take ``value`` rupiah from one of the member's balance vouchers."""
        catalogue = self.session.till.catalogue
        number = _number(voucher_id)

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.deduct_order(member, number, value)

        what = say("what.deduct", value=format_rupiah(value), name=self._name(voucher_id))
        receipt = await self.redemption.redeem(OperationKind.DEDUCT, what, build)
        self.after_the_order(self.view.voucher_panel, receipt)

    def _code_typed(self, code: str) -> None:
        self.order(self._typed_code(code))

    async def _typed_code(self, code: str) -> None:
        # A scanner a little slower than the filter's pace (xdotool at 25 ms a key, 25-35 ms
        # apart on a loaded till) types a card into the code field as a person would: Budi's
        # card went to the server as Ayu's voucher code, refused on her record. A card the
        # till knows is said not read instead, and nothing is sent. One of the store's card
        # format (its prefix rule) is a member to look up, seen here before or not: a card
        # this till had never seen went to the server as a voucher code; one of its voucher
        # format is a code, whatever card it may look like.
        kind = self.session.formats.kind_of(code)
        if kind == "card":
            self.member_typed.emit(code)
            return
        if kind != "voucher" and await self.session.till.lookup.knows_card(code):
            self.card_typed.emit(code)
            return
        if self.session.member is None:
            # Typed before the card, as a code is often handed over: it waits as a scanned one
            # does. Told "Find the member first", the cashier scanned the card and the code
            # typed was emptied.
            self.take_code(code)
            return
        await self.redeem_code(code)

    def use_code(self, code: str) -> None:
        """A voucher code typed, or scanned with a member on screen: validate it, then redeem."""
        self.order(self.redeem_code(code))

    async def redeem_code(self, code: str) -> None:
        """Validate ``code`` online and redeem it for the member on screen."""
        catalogue = self.session.till.catalogue
        self.view.show_vouchers()
        self.view.voucher_panel.code_field.setText(code)

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.code_order(member, code), None

        receipt = await self.redemption.redeem(
            OperationKind.CODE,
            say("what.code", code=shown(code)),
            build,
            self.view.voucher_panel.code_field.text,
        )
        if self.redemption.left_behind:
            # The next customer's cashier may be typing their code in that field already.
            return
        if receipt is not None:
            self.view.voucher_panel.clear_code()
        # The code is used, or refused (it stays, F4 to put it right): the next scan is the
        # next customer's card, which the code field would take as a voucher code for this
        # member, and a name typed was added to the refused code.
        if self.view.focusWidget() is self.view.voucher_panel.code_field:
            self.view.focus_member_search()

    def _name(self, voucher_id: Hashable) -> str:
        offer = self.session.offer
        found = offer.voucher(voucher_id) if offer and isinstance(voucher_id, int) else None
        return found.name if found else f"#{voucher_id}"


def _number(voucher_id: Hashable) -> int:
    # Rows are built from the offer, whose ids are the server's numbers; -1 is no voucher at all,
    # and the catalogue says so in words.
    return voucher_id if isinstance(voucher_id, int) else -1
