"""Whose the invoice number is: the customer it was entered for, said under the field.

At a real counter the cashier often scans the next customer's receipt before their card. So a
number entered with nobody on screen, or after a redemption of the customer on screen was sent,
waits for the next customer, and goes with them when they come; one entered before (or when the
till asked for it: a promo's) is the customer's on screen, and goes when they leave. A number
waiting for the next customer is never sent with a redemption of the one still on screen, unless
the till asked for this sale's and the cashier pressed Enter on it: then it is theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.services import Member
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.main_window import CashierWindowView


class InvoiceOwner(QObject):
    """Keeps :class:`InvoiceField` saying whose sale its number is for, and drops it with the
    customer it belongs to."""

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        redemption: RedemptionController,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        #: The number waits for the next customer.
        self.for_next = False
        #: A redemption of the customer on screen was sent since they came.
        self._served = False
        self._customer: str | None = None
        view.invoice_field.invoice_changed.connect(self._entered)
        # Before the window's own Enter (which moves the cursor on): connected first, heard first.
        view.invoice_field.entered.connect(self._confirmed)
        view.invoice_field.asked_for.connect(self._say)
        session.member_changed.connect(self._member_changed)
        redemption.queued.connect(self._served_now)

    def _entered(self, text: str) -> None:
        # Each change decides anew: a receipt scanned over the last one's number is the next's.
        field = self.view.invoice_field
        self.for_next = bool(text) and (
            self.session.member is None or (self._served and not field.asked)
        )
        self._say()

    def _confirmed(self) -> None:
        # Enter on a number the till asked for (a promo refused without this sale's invoice)
        # while it waits for the next customer: the cashier says it is this sale's after all.
        # Only when asked: a receipt typed for the next customer ends with Enter too.
        field = self.view.invoice_field
        if self.for_next and field.asked and self.session.member is not None:
            self.for_next = False
            field.set_required(False)
            self._say()

    def _member_changed(self, member: Member | None) -> None:
        customer = member.server_id if member is not None else None
        if customer == self._customer:
            self._say()  # read again (their balance): the same customer
            return
        self._customer, self._served = customer, False
        field = self.view.invoice_field
        if not self.for_next:
            field.clear()  # the last customer's: it must not land on this sale
        elif member is not None:
            self.for_next = False  # the customer it waited for has come
            # The asking was the last customer's (their promo), not this one's.
            field.set_required(False)
            field.asked = False
        self._say()

    def _served_now(self) -> None:
        self._served = True
        # What the till asked for went with this sale: a number scanned over it now is the next
        # customer's receipt (kept asked, it was taken for the served one's and dropped).
        self.view.invoice_field.asked = False
        self._say()

    def _say(self) -> None:
        field, member = self.view.invoice_field, self.session.member
        offer = ""
        if not field.text():
            self.for_next = False
            words = ""
        elif self.for_next:
            words = self.tr("For the next customer")
            if field.asked and member is not None:
                # The till asked for this sale's: the key that makes it so, where the cashier
                # looks (the cursor is in the field).
                offer = self.tr("Enter: use it for {name}").format(name=member.name)
        else:
            words = self.tr("For {name}").format(name=member.name if member else "")
        field.set_owner(words, for_next=self.for_next, offer=offer)
