"""The kiosk forgets: sixty seconds without a touch, thirty once the result is on screen, ten on a
notice, and the customer is cleared and welcome is back; sixty on welcome in a language a
customer chose, and it is the kiosk's own again. Time is the till's clock
(``clock.monotonic``), so a test moves it instead of waiting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from app.core.services import clock
from app.ui import language
from app.ui.controllers.watcher import INPUT_EVENTS, InputWatcher
from app.ui.kiosk.flow import KioskFlow
from app.ui.kiosk.view import KioskWindowView

#: Seconds without a touch before the kiosk forgets the customer.
IDLE_SECONDS = 60
#: Seconds a result stays before welcome comes back. It asks for more than reading: "Show this
#: to the cashier", whose scanner reads its QR code from this screen, and who may be serving
#: someone first. Ten seconds were gone before a cashier mid-sale could turn to it, and with
#: them the code and the reference the customer was told to show. The next customer's card, or
#: "Done", still clears it at once.
RESULT_SECONDS = 30
#: Seconds a notice stays: one sentence to read, nothing to show anyone.
NOTICE_SECONDS = 10
CHECK_MS = 500

_PRESENCE = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})


class KioskIdle(InputWatcher):
    """Calls the flow's reset when a screen has waited long enough (see the module's doc)."""

    def __init__(self, view: KioskWindowView, flow: KioskFlow) -> None:
        super().__init__(view, self.check, interval_ms=CHECK_MS)
        self.view = view
        self.flow = flow
        self._last = clock.monotonic()
        flow.page_shown.connect(lambda _page: self.touch())

    def touch(self) -> None:
        """Someone is there, or a new screen came up: the wait starts again."""
        self._last = clock.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, INPUT_EVENTS) and event.type() in _PRESENCE:
            self._last = clock.monotonic()
        return False

    def limit(self) -> float | None:
        """How long the screen on show may wait, in seconds (``None``: welcome, in the kiosk's
        own language, waits forever)."""
        page = self.view.current_page()
        if page is self.view.welcome:
            # Welcome waits for ever in the kiosk's own language. In another, a customer chose
            # it and went (or went back, and then away): the next one met their language.
            return None if language.current() == self.flow.home_language else IDLE_SECONDS
        if page is self.view.result:
            return RESULT_SECONDS
        if page is self.view.notice:
            return NOTICE_SECONDS
        return IDLE_SECONDS

    def check(self) -> bool:
        """Reset the kiosk if the screen has waited long enough; whether it did."""
        limit = self.limit()
        if limit is None or self.flow.busy:
            return False
        if clock.monotonic() - self._last < limit:
            return False
        self.flow.reset()
        return True
