"""What the tab controllers (rewards, vouchers, promo) share: the window, the counter's session
and the one redemption flow every order goes through."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.services import Receipt
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView


class OrderController(QObject):
    """A controller that turns what the cashier picks in one tab into orders; parented to the
    window so it lives as long as the view."""

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.redemption = redemption

    def order(self, work: Coroutine[Any, Any, object]) -> None:
        """Start ``work``, an order a key or a click just asked for, unless a redemption is in
        progress: then the press is dropped here, when it happens.

        Checked only when the task starts, a press that came while a redemption was finishing
        (F9 held down, a double click) ran once that one had settled, with the cart or the pick
        as it was at the press: the same cart was redeemed twice.
        """
        if self.redemption.busy:
            work.close()  # never started: nothing to run, no "never awaited" warning
            return
        spawn(work)

    def after_the_order(self, tab: QWidget, receipt: Receipt | None) -> None:
        """Where the keyboard goes once an order made from ``tab`` has ended (``receipt``:
        ``None`` when nothing was queued): to the member search, as :meth:`ready_for_the_next_
        customer` says, for one taken and for one turned away before it was queued (refused,
        not redeemed, its PIN pad closed). Left where it is while the till asks for something
        of the order to be put right first (the field to put right has it, or the cashier puts
        it there), and once its customer has left (the next one's cashier may be typing).

        Turned away, it stayed on the empty cart, where Qt had passed it as "Redeem now" greyed
        for the wait: a name typed there went nowhere."""
        if self.redemption.left_behind:
            return
        if receipt is not None:
            self.ready_for_the_next_customer(tab)
            return
        shown = self.view.result_panel.result()
        if shown is not None and shown.kind == "asks_first":
            return
        focus = self.view.focusWidget()
        if focus is None or tab.isAncestorOf(focus):
            self.view.focus_member_search()

    def ready_for_the_next_customer(self, tab: QWidget) -> None:
        """The redemption made from ``tab`` is taken: the cursor to the member search, unless
        the cashier put it elsewhere during the wait.

        What was pressed goes grey or changes under the keyboard as the offer is re-read (Qt
        left it on the emptied cart, or on the voucher button now "Deduct from saldo…" for the
        next row, where a space in the next name typed opened the deduction), and the next
        customer's card or name then found nobody. The invoice field is the order's too: F9
        pressed there left the keyboard in it, and the next customer's card, scanned, became
        the invoice number while the last customer stayed on screen."""
        focus = self.view.focusWidget()
        if focus is None or tab.isAncestorOf(focus) or focus is self.view.invoice_field.field:
            self.view.focus_member_search()
