"""The cashier window's controllers over one till: what the window does, as opposed to how it
looks (app/ui/main_window.py) and how it starts (app/ui/cashier.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.core.services.till import Till
from app.ui.controllers.member import MemberController
from app.ui.controllers.promo import PromoController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.rewards import RewardsController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.shift import ShiftController
from app.ui.controllers.status import StatusController
from app.ui.controllers.vouchers import VouchersController
from app.ui.main_window import CashierWindowView
from app.ui.widgets.scanner_filter import ScannerFilter


class CashierWindow(QObject):
    """The controllers of one :class:`CashierWindowView` over one :class:`Till`."""

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        settings: Settings,
        *,
        cashiers: list[str] | None = None,
        use_printer: bool = True,
        scanner: ScannerFilter | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = CashierSession(till, settings, self)
        self.redemption = RedemptionController(view, self.session)
        self.vouchers = VouchersController(view, self.session, self.redemption)
        self.member = MemberController(view, self.session, unmatched_scan=self.vouchers.use_code)
        self.rewards = RewardsController(view, self.session, self.redemption)
        self.promo = PromoController(view, self.session, self.redemption)
        self.status = StatusController(view, self.session)
        self.shift = ShiftController(
            view, self.session, self.redemption, cashiers=cashiers, use_printer=use_printer
        )
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(self.scanned)

    def scanned(self, code: str) -> None:
        """A scan, wherever focus was: into the invoice field when the cursor is there, else a
        member identifier first and a voucher code second (DESIGN.md §5)."""
        view = self.view
        if view.pages.currentWidget() is not view.cashier_page:
            return
        if self.redemption.pin_dialog is not None:
            return
        focus = QApplication.focusWidget()
        if focus is view.invoice_field.field:
            view.invoice_field.set_text(code)
        elif focus is view.promo_panel.code_field:
            view.promo_panel.code_field.setText(code)
            view.promo_panel.submit()
        elif focus is view.voucher_panel.code_field and self.session.member is not None:
            self.vouchers.use_code(code)
        else:
            self.member.scanned(code)

    def close(self) -> None:
        """Stop listening to the till (before it closes)."""
        self.status.close()
        self.redemption.close()
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.scanned)
