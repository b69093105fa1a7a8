"""What the tab controllers (rewards, vouchers, promo) share: the window, the counter's session
and the one redemption flow every order goes through."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
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
