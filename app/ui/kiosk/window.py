"""The kiosk's controllers over one till: what the kiosk does, as opposed to how it looks
(``view.py``) and how it starts (``boot.py``)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QTimer

from app.core.services import Kiosk, ScanFormats, Till
from app.ui import language
from app.ui.controllers.disk_watch import DiskWatcher
from app.ui.controllers.tasks import spawn
from app.ui.kiosk.flow import KioskFlow
from app.ui.kiosk.idle import KioskIdle
from app.ui.kiosk.lockdown import KioskLock
from app.ui.kiosk.manager_exit import ManagerExit
from app.ui.kiosk.tap_guard import TapGuard
from app.ui.kiosk.view import KioskWindowView
from app.ui.widgets.key_repeat import KeyRepeatFilter
from app.ui.widgets.scanner_filter import ScannerFilter

#: How often the kiosk looks again whether redemptions are paused for the API token (another
#: process may pause the queue, or lift the pause) and, while they are, tries the token the till
#: finds now: as often as the cashier's till does (``controllers/status.py``). The disk is looked
#: at more often, by the till's one watch (``controllers/disk_watch.py``).
RECHECK_MS = 30_000


class KioskWindow(QObject):
    """The kiosk's controllers: the customer's flow, the idle reset, the guard against a
    double tap, the lock-down, a held key's repeats and the manager's way out, over one
    :class:`Till`; scans come from ``scanner``, read by the shop's ``formats``."""

    def __init__(
        self,
        view: KioskWindowView,
        till: Till,
        *,
        scanner: ScannerFilter | None = None,
        formats: ScanFormats | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.kiosk = Kiosk(till)
        self.flow = KioskFlow(view, self.kiosk, home_language=language.current())
        if formats is not None:
            self.flow.formats = formats
        self.idle = KioskIdle(view, self.flow)
        # Before the lock: the last filter installed sees an event first, and a press in the
        # corner must reach the lock's hold even on a screen just shown.
        self.taps = TapGuard(self.flow)
        self.lock = KioskLock(view)
        self.manager = ManagerExit(view, till, self.flow, self.lock)
        # After the scanner filter (boot.py) and the lock, so it sees a key first: a digit key
        # held down on a USB numpad types once, on every pad and through the scanner filter.
        self.repeats = KeyRepeatFilter(self)
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(self.flow.scanned)
            scanner.taken_back.connect(self._taken_back)
        # The welcome screen says at once when redemptions are paused (offline, or the server
        # refuses the till's token), and when they are back.
        self._looking: asyncio.Task[None] | None = None
        self._again = False
        self._try_token = False
        self._unsubscribe = till.subscribe(self._till_changed)
        # The disk is asked by the till's one watch, as at the cashier's window; the kiosk's
        # reaction is its pause (and the lookup's own look first: Kiosk.recheck_disk).
        self.disk = DiskWatcher(self, till)
        self.disk.changed.connect(self._show_paused)
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.recheck)
        self._recheck.start()
        self.recheck()  # the queue may have been paused for the token before the kiosk started

    def _till_changed(self) -> None:
        self._show_paused()
        # an entry's attempt may have paused the queue for the token: read it
        self._look(try_token=False)

    def recheck(self) -> None:
        """Look again whether redemptions are paused and, while the server refuses the till's
        token, try the one the till finds now; welcome says what is found."""
        self._look(try_token=True)

    def _look(self, *, try_token: bool) -> None:
        # One look at a time, and one more when asked meanwhile: a look must not cancel a token
        # check half way (its ping itself changes the till's connectivity, and so asks for one).
        self._try_token = self._try_token or try_token
        if self._looking is not None and not self._looking.done():
            self._again = True
            return
        self._looking = spawn(self._looking_again(), name="kiosk paused?")

    async def _looking_again(self) -> None:
        self._again = True
        while self._again:
            self._again = False
            try_token, self._try_token = self._try_token, False
            if try_token and self.kiosk.token_refused:
                await self.kiosk.check_token()
            else:
                await self.kiosk.refresh()
            self._show_paused()

    def _show_paused(self, *_: object) -> None:
        paused = self.kiosk.paused
        self.view.welcome.set_paused(paused)
        if paused:
            self.flow.paused_meanwhile()

    def _taken_back(self, widget: QObject) -> None:
        # The manager's keypad is only wiped; the PIN pad's card is the flow's to judge.
        if widget is self.view.manager.keypad:
            self.view.manager.say_card_not_read()
        elif widget is self.view.pin.pad:
            self.flow.scanned_onto_the_pin_pad()

    def close(self) -> None:
        """Stop listening (before the till closes)."""
        self._recheck.stop()
        self.disk.close()
        if self._looking is not None:
            self._looking.cancel()
        self._unsubscribe()
        self.idle.close()
        self.taps.close()
        self.lock.close()
        self.repeats.close()
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.flow.scanned)
            self.scanner.taken_back.disconnect(self._taken_back)
