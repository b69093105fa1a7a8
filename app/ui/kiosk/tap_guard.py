"""A new screen takes no tap for a moment: a customer's double tap, or a second tap given
because the first seemed not to take, lands on the screen that tap brought up, and often on its
button in the same place ("No, go back", then the rewards' "Done": the customer forgotten).
Keys pass (a scanner's card, a numpad's digits): no finger typed them. A tap swallowed starts
the moment again: a triple tap's third tap, 0.3 s or more after the screen came, is the same
finger's as the two before it (the third of "No, go back" tapped the rewards' "Done").

Time is the till's clock (``clock.monotonic``), as the idle reset's, so a test moves it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication

from app.core.services import clock
from app.ui.kiosk.flow import KioskFlow

#: Seconds after a change of screen in which a tap does nothing. A double tap's second tap comes
#: some 50-250 ms after the first, while nobody reads a new screen and aims at one of its buttons
#: in under a third of a second: longer, and a quick customer's real tap would be lost.
FRESH_PAGE_SECONDS = 0.3

#: What starts a tap (a release alone clicks nothing); a double click's second press arrives as
#: a double click.
_TAP_STARTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
)


class TapGuard(QObject):
    """Swallows a tap that starts within :data:`FRESH_PAGE_SECONDS` of the flow's
    ``page_shown``, or of the last tap it swallowed. An application-wide event filter:
    :meth:`close` removes it."""

    def __init__(self, flow: KioskFlow) -> None:
        super().__init__(flow)
        self._shown_at = clock.monotonic()
        flow.page_shown.connect(self._page_shown)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _page_shown(self, _page: object) -> None:
        self._shown_at = clock.monotonic()

    def fresh(self) -> bool:
        """Whether the screen on show came up too recently to have been aimed at (or a tap on
        it was swallowed too recently)."""
        since = clock.monotonic() - self._shown_at
        # A clock that went back (another one installed since, in a test) is no recent change.
        return 0 <= since < FRESH_PAGE_SECONDS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: every event of every object passes here (watcher.py, INPUT_EVENTS).
        if not isinstance(event, QMouseEvent | QTouchEvent):
            return False
        if event.type() not in _TAP_STARTS or not self.fresh():
            return False
        # The finger is still at it: its next tap is as little aimed at this screen.
        self._shown_at = clock.monotonic()
        event.accept()
        return True

    def close(self) -> None:
        """Stop watching (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
