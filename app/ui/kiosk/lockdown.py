"""Nothing a customer does gets past the kiosk: no key is a shortcut (Esc, F-keys, Alt+F4, Ctrl+Q,
Ctrl+W, the cashier window's keys), and the one way out is a manager's: hold the top-left corner
for five seconds, then a manager's PIN (``manager_exit.py``). The window itself refuses to close
(``view.py``).

The hold is timed on the till's clock (``clock.monotonic``), so a test moves it instead of
waiting; the window's close, which a window manager sends for Alt+F4, is refused by the view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication

from app.core.services import clock
from app.ui.controllers.watcher import InputWatcher
from app.ui.kiosk.keypad import KioskKeypad
from app.ui.kiosk.view import KioskWindowView
from app.ui.widgets.numpad import numlock_off_digit
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY
from app.ui.widgets.scanned_keys import LINE_FEED

#: Seconds a finger must stay on the corner.
HOLD_SECONDS = 5.0
#: The corner's size, in pixels from the window's top-left.
CORNER_PX = 120
CHECK_MS = 200

_KEY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
    }
)
#: What a scanner sends besides its characters: the keys that end a scan.
_SCAN_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
#: A numeric keypad's own keys besides its digits, for the pads that read keys.
_PAD_KEYS = frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Delete})
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Alt and Meta make a shortcut of any key; Ctrl alone may be a scanner's line feed.
_NEVER_A_SCANNER = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def passes(event: QKeyEvent) -> bool:
    """Whether a key may reach the kiosk: a character a scanner types (Shift allowed), the
    key ending a scan (a line feed too), or, on a pad (the PIN pad, the kiosk's keypads), a
    numeric keypad's digit key with NumLock off and Backspace or Delete.
    Everything else (Esc, F-keys, arrows, anything else with Ctrl, Alt or Meta) is swallowed
    here."""
    if event.text() == LINE_FEED and not event.modifiers() & _NEVER_A_SCANNER:
        # A scanner set to end a code the Unix way sends a line feed, which X delivers as
        # Ctrl+J (or its own key): swallowed, the card was never read at the kiosk, where the
        # cashier's window reads it (scanned_keys.LINE_FEED). It is no way out: the kiosk
        # has no shortcut on it, and typed by a person it ends no scan.
        return True
    if event.modifiers() & _SHORTCUT_MODIFIERS:
        return False
    if event.key() in _SCAN_KEYS:
        return True
    if numlock_off_digit(event) is not None or event.key() in _PAD_KEYS:
        # A USB numpad with NumLock off sends its digits as arrows, End, Page Down...: digits
        # on a pad (which reads them so), arrows swallowed anywhere else. Its Backspace and
        # Delete put a mistyped digit right there (swallowed, the wrong PIN went with Enter).
        focus = QApplication.focusWidget()
        return isinstance(focus, KioskKeypad) or (
            focus is not None and bool(focus.property(EXEMPT_PROPERTY))
        )
    text = event.text()
    return len(text) == 1 and text.isprintable()


class KioskLock(InputWatcher):
    """Swallows every key that could be a way out, and watches the corner. ``keys_refused`` counts
    what it swallowed; ``corner_held()`` fires once a hold lasts :data:`HOLD_SECONDS`."""

    corner_held = Signal()

    def __init__(self, view: KioskWindowView) -> None:
        # The timer runs only while a corner is held.
        super().__init__(view, self.check_hold, interval_ms=CHECK_MS, start=False)
        self.view = view
        self.keys_refused = 0
        self._pressed_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: every event of every object passes here (see INPUT_EVENTS).
        if isinstance(event, QKeyEvent):
            kind = event.type()
            if kind not in _KEY_EVENTS:
                return False
            if passes(event):
                return False
            if kind == QEvent.Type.KeyPress:
                self.keys_refused += 1
            event.accept()  # a ShortcutOverride accepted and dropped: no shortcut fires
            return True
        if not isinstance(event, QMouseEvent | QTouchEvent):
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._pressed(event)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd) and not (
            # A hold the timer had no chance to see (a busy moment) still counts at release.
            self.check_hold()
        ):
            self._released()
        return False

    def holding(self) -> bool:
        """Whether a finger is on the corner now."""
        return self._pressed_at is not None

    def check_hold(self) -> bool:
        """Fire ``corner_held`` if the corner has been held long enough; whether it fired."""
        if self._pressed_at is None or clock.monotonic() - self._pressed_at < HOLD_SECONDS:
            return False
        self._released()
        self.corner_held.emit()
        return True

    def _pressed(self, event: QEvent) -> None:
        point = _global_point(event)
        if point is None or not self.view.isVisible():
            return
        local = self.view.mapFromGlobal(point)
        if 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX:
            if self._pressed_at is None:
                self._pressed_at = clock.monotonic()
                self._timer.start()
        else:
            self._released()

    def _released(self) -> None:
        self._pressed_at = None
        self._timer.stop()


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None
