"""The promo tab: a promo code, which the server takes only with the sale's invoice number."""

from __future__ import annotations

from app.core.services import Member, Message, OperationKind, Order, VoucherFacts, say, shown
from app.ui.controllers.base import OrderController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import ResultData
from app.ui.wording import words


class PromoController(OrderController):
    """Redeems the :class:`PromoPanel`'s code; without an invoice number it marks the invoice
    field as required and sends nothing."""

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view, session, redemption)
        view.promo_panel.promo_entered.connect(lambda code: self.order(self.redeem(code)))
        view.invoice_field.invoice_changed.connect(self._invoice_changed)

    async def redeem(self, code: str) -> None:
        """Validate the promo code online and redeem it with the invoice number."""
        what = say("what.promo", code=shown(code))  # a hidden character shown, not obeyed
        invoice = self.view.invoice_field
        if not invoice.sale_text():  # none, or the next customer's
            invoice.set_required(True)
            invoice.focus()
            self.redemption.show(self._invoice_needed(what, kept_for_next=invoice.text()))
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

    def _invoice_needed(self, what: Message, *, kept_for_next: str) -> ResultData:
        # A number in the field that waits for the next customer is not this sale's; said as
        # "needs the invoice number" alone, with a number in sight, the cashier pressed the
        # promo again and again, refused each time.
        if kept_for_next:
            details = self.tr(
                "The invoice number {number} was entered after this customer's last "
                "redemption: the till keeps it for the next customer."
            ).format(number=shown(kept_for_next))
            what_to_do = self.tr(
                "If it is this sale's, scan or type it again (F6), then redeem the promo again."
            )
        else:
            details = self.tr("A promo code needs the invoice number of this sale.")
            what_to_do = self.tr(
                "Type or scan the invoice number (F6), then redeem the promo again."
            )
        return ResultData(
            kind="refused", headline=words(what), details=details, what_to_do=what_to_do
        )

    def _invoice_changed(self, text: str) -> None:
        if text:
            self.view.invoice_field.set_required(False)
