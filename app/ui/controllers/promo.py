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
    sends nothing, and the code waits for it: Enter on the number in the invoice field, or the
    receipt scanned, redeems it; so it does a code typed in the open tab and not yet entered
    (the line under the field says "Enter: redeem the promo"). With nobody on screen the code
    waits in its field, as a voucher's does, and is redeemed for the member found next (with
    this sale's invoice number, else that is asked for): never for anyone before the cashier
    has them on screen. Emptied or changed, the code waits for nothing.

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
        #: The panel that asked for this sale's invoice: up while the sale has none (it goes as
        #: the number comes, and comes back if the field is emptied).
        self._asked: ResultData | None = None
        #: A code entered with nobody on screen: redeemed for the member found next, while the
        #: code field still holds it.
        self._waiting: str | None = None
        #: A code the invoice number was asked for: redeemed for the member on screen once the
        #: cashier gives it (Enter in the field, or the receipt scanned), while the code field
        #: still holds it. Told "Redeem the promo again: F5, then Enter", the cashier had to go
        #: back to the code for what the till already had.
        self._for_invoice: str | None = None
        #: The number the till refused for this promo (a hidden character, too long): the
        #: promo waits for another, not for that one again.
        self._refused_invoice: str | None = None
        #: The code and invoice number the till last refused for the member on screen (the
        #: promo already went on that invoice): Enter in the invoice field does not send them
        #: again. Its line said "Enter: redeem the promo" under the refusal, and each Enter added
        #: another red "Refused" to the shift for the same code on the same sale.
        self._refused_pair: tuple[str, str] | None = None
        #: The code being sent, while it is.
        self._sending: str | None = None
        #: The codes this window redeemed as promo codes: scanned again where no member has
        #: them, they are a promo's, not the voucher code of the customer on screen.
        self._used: set[str] = set()
        session.member_changed.connect(self._member_changed)
        session.customer_left.connect(lambda _member: self._customer_left())
        # Another cashier's shift: a code the last one left waiting is not theirs to redeem.
        session.cashier_changed.connect(lambda _cashier: self._drop_waiting())
        redemption.result_shown.connect(self._result_shown)
        view.promo_panel.promo_entered.connect(lambda code: self.order(self._typed_code(code)))
        view.promo_panel.code_field.textChanged.connect(self._code_changed)
        # What Enter in the invoice field does follows the code typed and the tab open.
        view.promo_panel.code_field.textChanged.connect(lambda _text: self._say_next())
        view.tabs.currentChanged.connect(lambda _index: self._say_next())
        # A promo asked without the member on screen, or with a hidden character in its code:
        # the asking goes as the member comes or the code changes.
        view.promo_panel.code_field.textChanged.connect(redemption.recheck_asking)
        view.invoice_field.invoice_changed.connect(self._invoice_changed)
        view.invoice_field.owner_changed.connect(self._invoice_owner_changed)
        view.invoice_field.asked_for.connect(self._invoice_refused)
        # Heard after InvoiceOwner's Enter (constructed first): a number kept for the next
        # customer that Enter made this sale's is this sale's by now.
        view.invoice_field.given.connect(self._invoice_given)

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
        if kind is None and await self.session.till.lookup.knows_card(code):
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
            asking = self.redemption.asks_first(
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
            self.redemption.show(asking)
            field = self.view.promo_panel.code_field
            # Once the member is on screen the promo goes (or asks for the invoice), and a code
            # changed waits for nobody: either way, this asking no longer holds.
            self.redemption.ask(asking, lambda: (self.session.member is None, field.text()))
            self.view.focus_member_search()
            return
        invoice = self.view.invoice_field
        if not invoice.sale_text():  # none, or the next customer's
            invoice.set_required(True)
            invoice.focus()
            asked = self._invoice_missing(what)
            self.redemption.show(asked)
            self._asked, self._for_invoice = asked, code
            self._say_next()
            return
        catalogue = self.session.till.catalogue

        async def build(member: Member) -> tuple[Order, VoucherFacts | None]:
            return await catalogue.promo_order(member, code), None

        self._sending = code
        try:
            receipt = await self.redemption.redeem(
                OperationKind.PROMO, what, build, self.view.promo_panel.code_field.text
            )
        finally:
            self._sending = None
        if self.redemption.left_behind:
            # The next customer's cashier may be typing their code in that field already.
            return
        if receipt is not None:
            self._used.add(code.strip())
            self.view.promo_panel.clear()
        else:
            self._remember_refusal(code)
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

    def _remember_refusal(self, code: str) -> None:
        # Turned away by the till itself (nothing queued): the code stays in its field to be put
        # right, but with this invoice number it would be turned away again.
        shown_now = self.view.result_panel.result()
        if shown_now is None or shown_now.kind != "refused":
            return  # not sent for a reason that may pass (the PIN pad closed, offline, a disk)
        self._refused_pair = (code.strip(), self.view.invoice_field.sale_text())
        self._say_next()

    def _customer_left(self) -> None:
        self._refused_pair = None
        self._drop_for_invoice()

    def _drop_waiting(self) -> None:
        if self._waiting is not None and self.session.member is None:
            self.view.promo_panel.clear()
        self._waiting = None
        self._drop_for_invoice()

    def _drop_for_invoice(self) -> None:
        self._for_invoice = None
        self._asked = None
        self._refused_invoice = None
        self._say_next()

    def _invoice_refused(self) -> None:
        # The till asked for this sale's number again as the promo was sent: the one in the
        # field cannot be sent (RedemptionController). The promo waits for the number put
        # right, as for one missing; the panel's asking goes by itself as the field changes.
        code = self._sending
        if code is None:
            return
        self._for_invoice = code
        self._refused_invoice = self.view.invoice_field.sale_text()
        self._say_next()

    def _code_changed(self, text: str) -> None:
        # The code emptied or changed: the one that waited is no longer what the cashier meant.
        if self._for_invoice is None or text.strip() == self._for_invoice:
            return
        asked = self._asked
        self._drop_for_invoice()
        if asked is not None and self.view.result_panel.result() is asked:
            self.redemption.show(None)  # it asked for an invoice for a promo no longer there

    def _result_shown(self, result: ResultData | None) -> None:
        # Another result on the panel (another order's, or this promo's own once sent): what
        # waited for the invoice is not waiting any more. The panel put back to none is this
        # asking's own doing (the number came) or the customer's leaving (said apart).
        if result is not None and result is not self._asked:
            self._drop_for_invoice()

    def _typed_here(self) -> str | None:
        """The code typed in the open Promo tab and not yet entered, for the member on screen:
        the number given (Enter in the invoice field) sends it with it, as the line under the
        field says. It only moved the cursor to the code, for a second Enter."""
        view = self.view
        code = view.promo_panel.code_field.text().strip()
        if not code or self.session.member is None or view.tabs.currentIndex() != view.PROMO_TAB:
            return None
        if (code, view.invoice_field.sale_text()) == self._refused_pair:
            return None  # refused with this number just now: the same again would be too
        return code

    def _invoice_given(self) -> None:
        code = self._for_invoice or self._typed_here()
        if code is None or self.session.member is None or self.redemption.busy:
            return
        if not self._has_invoice():
            return  # emptied, the next customer's still, or the one refused: it still waits
        if self.view.promo_panel.code_field.text().strip() != code:
            self._drop_for_invoice()
            return
        invoice = self.view.invoice_field.sale_text()
        if self.session.formats.kind_of(invoice) is None:
            # With no format to tell it, the number may be a card the till knows: Budi's,
            # scanned into the invoice number asked for Ayu's promo, went as her receipt's.
            self._for_invoice = code  # a card after all: the code waits for the number
            self.order(self._redeem_unless_a_card(code, invoice))
            return
        # The cashier has the member on screen and gave the number asked for: the promo goes.
        self._drop_for_invoice()
        self.order(self.redeem(code))

    async def _redeem_unless_a_card(self, code: str, invoice: str) -> None:
        if await self.session.till.lookup.knows_card(invoice):
            return  # a member's card: the promo still waits (CashierWindow says so)
        if self._for_invoice != code or self.view.invoice_field.sale_text() != invoice:
            return  # changed meanwhile: given again, it is asked again
        self._drop_for_invoice()
        await self.redeem(code)

    def was_used(self, code: str) -> bool:
        """Whether this window redeemed ``code`` as a promo code."""
        return code.strip() in self._used

    def waits_for_invoice(self) -> bool:
        """Whether a promo code waits for this sale's invoice number (it was asked for)."""
        return self._for_invoice is not None

    def _say_next(self) -> None:
        # Under the field, what Enter does now that the number is there (the panel's asking
        # has gone with its cause).
        waiting = self._for_invoice is not None or self._typed_here() is not None
        has_it = waiting and self._has_invoice()
        # Short, without the code (in its field): a second line ran past the page's foot on a
        # scaled desktop (1093x614), and the page took a scroll bar.
        self.view.invoice_field.set_next_step(self.tr("Enter: redeem the promo") if has_it else "")

    def _has_invoice(self) -> bool:
        """Whether the sale has a number the promo can go with now."""
        text = self.view.invoice_field.sale_text()
        return bool(text) and text != self._refused_invoice

    def _invoice_missing(self, what: Message) -> ResultData:
        if not self.view.invoice_field.waits_for_next():
            return ResultData(
                kind="asks_first",
                headline=words(what),
                details=self.tr("A promo code needs the invoice number of this sale."),
                what_to_do=self.tr(
                    "Type the invoice number (F6) and press Enter, or scan the receipt: the "
                    "promo is redeemed with it."
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
                "If it is this sale's, press Enter in the invoice field to use it for {name}: "
                "the promo is redeemed with it. If not, type or scan this sale's (F6)."
            ).format(name=name),
        )

    def _invoice_changed(self, text: str) -> None:
        if text:
            self.view.invoice_field.set_required(False)

    def _invoice_owner_changed(self) -> None:
        missing = not self.view.invoice_field.sale_text()
        self.view.promo_panel.set_invoice_missing(missing)
        self._say_next()
        # The panel asked for the number: once the sale has it (typed, or Enter on one that
        # waited for the next customer), the asking goes, its cause gone (it said "Not sent —
        # the till needs something first" beside the number, until the promo was sent), and
        # under the field Enter says it sends the promo. Emptied again, the asking is back.
        asked = self._asked
        if asked is None:
            return
        shown_now = self.view.result_panel.result()
        if missing and shown_now is None:
            self.redemption.show(asked)
        elif not missing and shown_now is asked:
            self.redemption.show(None)
