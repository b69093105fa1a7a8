"""Telling a keyboard-wedge barcode scanner from a person typing, wherever focus is."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

MIN_LENGTH = 6
MAX_GAP_MS = 30.0
#: Widgets with this property set to true get their keys straight away (the PIN pad: a PIN must
#: not sit in a buffer, and a customer never scans into it).
EXEMPT_PROPERTY = "scannerExempt"

_MODIFIERS_THAT_MAKE_A_SHORTCUT = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _Key:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScannerFilter(QObject):
    """An application-wide event filter that turns scanner bursts into ``scanned(text)``.

    A scanner types like a very fast keyboard: at least ``min_length`` printable keys, each less
    than ``max_gap_ms`` after the last, then Enter. Printable keys are held back for a moment;
    when the next one comes too late (or a non-printable key, or the short pause the flush timer
    waits for), the held keys are replayed to the widget they were meant for, so typing works as
    before, only a few milliseconds later. When Enter completes a burst, the held keys are
    swallowed and ``scanned`` is emitted instead, so a scan never lands in the focused field.

    ``clock_ms`` returns milliseconds; tests pass a fake one to script timings without sleeping.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock_ms: Callable[[], float] = _monotonic_ms,
        min_length: int = MIN_LENGTH,
        max_gap_ms: float = MAX_GAP_MS,
    ) -> None:
        super().__init__(parent)
        self._clock_ms = clock_ms
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self._held: list[_Key] = []
        self._last_ms = 0.0
        self._replaying = False
        self._enabled = True
        # A person who types one key and stops must see it: after a pause longer than any gap in
        # a scan, the held keys are replayed.
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(int(max_gap_ms) + 20)
        self._flush_timer.timeout.connect(self.flush)

    # -- public API --------------------------------------------------------------------------

    def install(self, app: QCoreApplication | None = None) -> None:
        """Start watching every key of the application."""
        self._application(app).installEventFilter(self)

    def remove(self, app: QCoreApplication | None = None) -> None:
        """Stop watching; any held keys are delivered first."""
        self.flush()
        self._application(app).removeEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        """Pause recognition (keys pass straight through) e.g. while a dialog owns the keyboard."""
        if not enabled:
            self.flush()
        self._enabled = enabled

    def held_count(self) -> int:
        """How many keys are held back right now."""
        return len(self._held)

    def flush(self) -> None:
        """Deliver the held keys to the widgets they were meant for: it was typing, not a scan."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                if not shiboken6.isValid(key.receiver):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        key.receiver, QKeyEvent(kind, key.key, key.modifiers, key.text)
                    )
        finally:
            self._replaying = False

    # -- Qt ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self._enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or not self._is_key_target(watched):
            return False
        assert isinstance(watched, QWidget)
        if watched.property(EXEMPT_PROPERTY):
            self.flush()
            return False

        now = self._clock_ms()
        text = event.text()
        modifiers = event.modifiers()
        printable = (
            len(text) == 1
            and text.isprintable()
            and not (modifiers & _MODIFIERS_THAT_MAKE_A_SHORTCUT)
        )
        if printable:
            if self._held and now - self._last_ms > self.max_gap_ms:
                self.flush()
            self._held.append(_Key(watched, event.key(), modifiers, text))
            self._last_ms = now
            self._flush_timer.start()
            return True

        if not self._held:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._is_burst(now):
            code = "".join(key.text for key in self._held)
            self._held = []
            self._flush_timer.stop()
            self.scanned.emit(code)
            return True
        # Anything else ends what was typing: deliver it first, then this key, in order.
        self.flush()
        return False

    @staticmethod
    def _application(app: QCoreApplication | None) -> QCoreApplication:
        found = app or QCoreApplication.instance()
        if found is None:
            raise RuntimeError("the scanner filter needs a QApplication")
        return found

    # -- rules -------------------------------------------------------------------------------

    def _is_burst(self, now: float) -> bool:
        return len(self._held) >= self.min_length and now - self._last_ms <= self.max_gap_ms

    @staticmethod
    def _is_key_target(watched: QObject) -> bool:
        # A key event reaches the application filter once per hop (the window, the focus widget,
        # then each parent it propagates to); only the focus widget's hop is the real keystroke.
        if not isinstance(watched, QWidget):
            return False
        focus = watched.window().focusWidget()
        if focus is None:
            return watched.isWindow()
        return watched is focus
