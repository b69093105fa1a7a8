"""A controller that watches the whole application's input and looks again on a timer: the
cashier's idle lock, manager mode's idle end, the kiosk's idle reset and its corner hold all see
every key, click and touch (an event filter on the application) and check their time every few
hundred milliseconds, on the till's clock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

#: The classes a person's key, click, wheel or touch arrives as. An application's event filter
#: sees every event of every object (some 600 while one member's offer is shown); ``isinstance``
#: against these is cheap, while ``event.type()`` builds a Python enum on each call (PySide6),
#: so a filter asks the class first and the type only of input (docs/performance.md).
INPUT_EVENTS = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class InputWatcher(QObject):
    """Installs itself as the application's event filter (a subclass overrides ``eventFilter``)
    and calls ``tick`` every ``interval_ms`` while its timer runs (from the start, unless
    ``start`` is false). :meth:`close` stops both; a window calls it as it closes."""

    def __init__(
        self,
        parent: QObject,
        tick: Callable[[], object],
        *,
        interval_ms: int,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(tick)
        if start:
            self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def close(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
