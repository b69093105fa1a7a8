"""The promo tab: a promo code, which the server takes only with the sale's invoice number."""

from __future__ import annotations

from PySide6.QtCore import Signal

from app.core.services import Member, Message, OperationKind, Order, VoucherFacts, say, shown
from app.ui.controllers.base import OrderController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import ResultData
from app.ui.wording import words


class PromoController(OrderController):
    """Redeems the :class:`PromoPanel`'s code; without an invoice number it asks for it and
    sends nothing. With nobody on screen the code waits in its field, as a voucher's does, and
    is redeemed for the member found next (with this sale's invoice number, else that is asked
    for): never for anyone before the cashier has them on screen.

    ``card_typed(str)`` when what was typed as a promo code is a card the till knows (nothing is
    sent); ``member_typed(str)`` when it is a number of the store's card format (a member to
    look up)."""

    card_typed = Signal(str)
    member_typed = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view, session, redemption)
        #: The refusal that asked for this sale's invoice, and what stands for it on the panel
        #: once the sale has one: while either is on the panel, it follows the field.
        self._asked: ResultData | None = None
        self._answered: ResultData | None = None
        #: A code entered with nobody on screen: redeemed for the member found next, while the
        #: code field still holds it.
        self._waiting: str | None = None
        session.member_changed.connect(self._member_changed)
        # Another cashier's shift: a code the last one left waiting is not theirs to redeem.
        session.cashier_changed.connect(lambda _cashier: self._drop_waiting())
        view.promo_panel.promo_entered.connect(lambda code: self.order(self._typed_code(code)))
        view.invoice_field.invoice_changed.connect(self._invoice_changed)
        view.invoice_field.owner_changed.connect(self._invoice_owner_changed)

    async def _typed_code(self, code: str) -> None:
        # A scanner a little slower than the filter's pace types a card into the promo code as
        # a person would, and the card went to the server as a promo code, refused on the
        # record of the customer on screen (or with nobody there, the invoice was asked for).
        # A number of the store's card format is a member to look up; a card the till knows,
        # said not read. With no format and a card never seen, nothing tells it from a code.
        kind = self.session.formats.kind_of(code)
        if kind == "card":
            self.member_typed.emit(code)
            return
        if kind is None and await self.session.till.knows_card(code):
            self.card_typed.emit(code)
            return
        await self.redeem(code)

    async def redeem(self, code: str) -> None:
        """Validate the promo code online and redeem it with the invoice number."""
        what = say("what.promo", code=shown(code))  # a hidden character shown, not obeyed
        if self.session.member is None:
            # The member first, as the cashier works: the card, then the receipt. The code
            # waits for them, as a voucher's does: told "Find the member first", the cashier
            # found them and had to press F5 and Enter again for a code already typed.
            self._waiting = code
            self.redemption.show(
                self.redemption.asks_first(
                    words(what),
                    self.tr(
                        "Find the member first (F2): promo code {code} waits in Promo (F5) and "
                        "is redeemed for the member found next."
                    ).format(code=shown(code)),
                    self.tr(
                        "Nothing was sent to Stamps yet. Scan or search the customer's card: "
                        "the promo goes once they are on screen."
                    ),
                )
            )
            self.view.focus_member_search()
            return
        invoice = self.view.invoice_field
        if not invoice.sale_text():  # none, or the next customer's
            invoice.set_required(True)
            invoice.focus()
            self._asked = self._invoice_missing(what)
            self._answered = self._invoice_set(what)
            self.redemption.show(self._asked)
            return
        catalogue = self.session.till.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.promo_order(member, code), None

        receipt = await self.redemption.redeem(OperationKind.PROMO, what, build)
        if self.redemption.left_behind:
            # The next customer's cashier may be typing their code in that field already.
            return
        if receipt is not None:
            self.view.promo_panel.clear()
        # The code is used, or refused (it stays, F5 to put it right): the next scan is the
        # next customer's card, which the code field would send as a promo code for this
        # member, and a name typed was added to the refused code.
        if self.view.focusWidget() is self.view.promo_panel.code_field:
            self.view.focus_member_search()

    def _member_changed(self, member: Member | None) -> None:
        waiting = self._waiting
        if member is None or waiting is None:
            return
        self._waiting = None
        if self.view.promo_panel.code_field.text().strip() == waiting:
            # The customer the code waited for, now on screen (a code emptied or changed since
            # is no longer the one the cashier meant to wait).
            self.order(self.redeem(waiting))

    def _drop_waiting(self) -> None:
        if self._waiting is not None and self.session.member is None:
            self.view.promo_panel.clear()
        self._waiting = None

    def _invoice_missing(self, what: Message) -> ResultData:
        if not self.view.invoice_field.waits_for_next():
            return ResultData(
                kind="asks_first",
                headline=words(what),
                details=self.tr("A promo code needs the invoice number of this sale."),
                what_to_do=self.tr(
                    "Type or scan the invoice number (F6), then redeem the promo again."
                ),
            )
        # A number is in the field, taken for the next customer's receipt (entered after this
        # customer's redemption was sent): saying none is there was false, and the cashier
        # typed it again to make it this sale's. Enter in the field now does (InvoiceOwner).
        member = self.session.member
        name = member.name if member is not None else ""
        return ResultData(
            kind="asks_first",
            headline=words(what),
            details=self.tr(
                "The invoice number in the field is kept for the next customer: it was entered "
                "after this customer's last redemption was sent."
            ),
            what_to_do=self.tr(
                "If it is this sale's, press Enter in the invoice field to use it for {name}, "
                "then redeem the promo again. If not, type or scan this sale's (F6)."
            ).format(name=name),
        )

    def _invoice_set(self, what: Message) -> ResultData:
        # Nothing was sent: the till's asking, not "Refused" (the server's) nor "Not redeemed"
        # (the offline rules') of a promo the sale can now have.
        return ResultData(
            kind="asks_first",
            headline=words(what),
            details=self.tr("This sale's invoice number is in the field now."),
            what_to_do=self.tr("Redeem the promo again: F5, then Enter."),
        )

    def _invoice_changed(self, text: str) -> None:
        if text:
            self.view.invoice_field.set_required(False)

    def _invoice_owner_changed(self) -> None:
        missing = not self.view.invoice_field.sale_text()
        self.view.promo_panel.set_invoice_missing(missing)
        # The refusal asked for the number: once the sale has it (typed, or Enter on one that
        # waited for the next customer), it said "needs the invoice number" beside it until
        # the promo was sent. Emptied again, the asking is back.
        asked, answered = self._asked, self._answered
        if asked is None or answered is None:
            return
        shown_now = self.view.result_panel.result()
        if shown_now is not asked and shown_now is not answered:
            self._asked = self._answered = None  # another result since: not ours to change
            return
        wanted = asked if missing else answered
        if shown_now is not wanted:
            self.redemption.show(wanted)
