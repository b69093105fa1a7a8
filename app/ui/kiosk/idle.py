"""The kiosk forgets: sixty seconds without a touch, or ten once the result (or a notice) is on
screen, and the customer is cleared and welcome is back. Time is the till's clock
(``clock.monotonic``), so a test moves it instead of waiting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from app.core.services import clock
from app.ui.controllers.watcher import INPUT_EVENTS, InputWatcher
from app.ui.kiosk.flow import KioskFlow
from app.ui.kiosk.view import KioskWindowView

#: Seconds without a touch before the kiosk forgets the customer.
IDLE_SECONDS = 60
#: Seconds a result or a notice stays before welcome comes back.
RESULT_SECONDS = 10
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
        """How long the screen on show may wait, in seconds (``None``: welcome waits forever)."""
        page = self.view.current_page()
        if page is self.view.welcome:
            return None
        if page in (self.view.result, self.view.notice):
            return RESULT_SECONDS
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
