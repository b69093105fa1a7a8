"""The kiosk's controllers over one till: what the kiosk does, as opposed to how it looks
(``view.py``) and how it starts (``boot.py``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.services import Kiosk, Till
from app.ui import language
from app.ui.kiosk.flow import KioskFlow
from app.ui.kiosk.idle import KioskIdle
from app.ui.kiosk.lockdown import KioskLock
from app.ui.kiosk.manager_exit import ManagerExit
from app.ui.kiosk.view import KioskWindowView
from app.ui.widgets.scanner_filter import ScannerFilter


class KioskWindow(QObject):
    """The kiosk's controllers: the customer's flow, the idle reset, the lock-down and the
    manager's way out, over one :class:`Till`; scans come from ``scanner``."""

    def __init__(
        self, view: KioskWindowView, till: Till, *, scanner: ScannerFilter | None = None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.kiosk = Kiosk(till)
        self.flow = KioskFlow(view, self.kiosk, home_language=language.current())
        self.idle = KioskIdle(view, self.flow)
        self.lock = KioskLock(view)
        self.manager = ManagerExit(view, till, self.flow, self.lock)
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(self.flow.scanned)
        # The welcome screen says at once when redemptions are paused, and when they are back.
        self._unsubscribe = till.subscribe(self._till_changed)

    def _till_changed(self) -> None:
        self.view.welcome.set_paused(self.kiosk.paused)

    def close(self) -> None:
        """Stop listening (before the till closes)."""
        self._unsubscribe()
        self.idle.close()
        self.lock.close()
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.flow.scanned)
