"""A scan that lands in a PIN field is taken back, never tried as a PIN.

A PIN must not sit in a buffer, so a widget that takes one (:data:`EXEMPT_PROPERTY`) gets its
keys at once; a burst there is told a scan by its length, once its terminator comes or its keys
stop, and what it typed is taken back: it never reaches the server as a wrong PIN, one of a
member's few.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.widgets.key_timing import Press, ScanPace, burst_of

#: Widgets with this property set to true get their keys straight away (the PIN pad, a PIN field:
#: a PIN must not sit in a buffer). A scan that lands in one anyway (a card scanned while the pad
#: is up) is not submitted: its terminator is swallowed and what it typed taken back (a QLineEdit
#: cleared; else the widget's ``take_back_scan(keys)``, the PIN pad keeping the customer's digits
#: typed before it; else its ``wipe()``), so it never reaches the server as a wrong PIN, one of a
#: member's few.
EXEMPT_PROPERTY = "scannerExempt"
#: An exempt field that holds a token, not a PIN (the settings' API token): every token is longer
#: than any PIN, so a burst typed into it that stops is kept (a password manager or xdotool types
#: a token at a scanner's pace; it was emptied with words about a PIN). Only a burst its
#: terminator ends is a card scanned into it, taken back before its Enter saves the card's number
#: as the token; unless the window says what the field holds could be no card
#: (``ScannerFilter.could_be_a_card``): a password manager's autotype ends in Enter too, and the
#: token it typed was emptied, "Card not read".
NOT_A_PIN_PROPERTY = "notAPin"


class PinFieldGuard(QObject):
    """Watches the keys that went straight into an exempt widget: when, and whether each typed
    a digit, never which key it was; a burst among them that is a scan is taken back."""

    def __init__(
        self,
        parent: QObject,
        *,
        pace: Callable[[], ScanPace],
        could_be_a_card: Callable[[QWidget, str], bool],
        taken_back: Callable[[QWidget], None],
    ) -> None:
        super().__init__(parent)
        self._pace = pace
        self._could_be_a_card = could_be_a_card
        self._taken_back = taken_back
        self._passed: list[Press] = []
        self._passed_to: QWidget | None = None
        # A scanner set to send no terminator: a burst into an exempt widget is told once it
        # stops, from its length and pace, as one that ends in Enter is (it filled the PIN pad
        # without a word, for the customer's OK to send as a wrong PIN). The pause is measured
        # by this timer, not the events.
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self._burst_stopped)

    def pressed(self, widget: QWidget, char: str, now: float) -> None:
        """A key that types ``char`` went straight into ``widget`` at ``now``."""
        passed, slow_gap = self._passed, self._pace().slow_scan_gap_ms
        if passed and (now - passed[-1].at > slow_gap or widget is not self._passed_to):
            passed.clear()
        passed.append(Press(now, not_a_digit=not char.isdecimal()))
        self._passed_to = widget
        self._pause_timer.start(int(slow_gap) + 20)

    def let_go(self, now: float) -> None:
        """A key of an exempt widget let go at ``now``: not which key it was, the last one still
        down. A scanner's key, pressed and let go while the customer's finger is still on theirs,
        is let go first; taken for the customer's, their digit went with the card."""
        down = next((key for key in reversed(self._passed) if key.released == math.inf), None)
        if down is not None:
            down.released = now

    def other_key(self, widget: QWidget, now: float, *, ends_scan: bool) -> bool:
        """A key that types nothing came for ``widget`` at ``now``: true when it ends a scan
        (``ends_scan``: the scanner's terminator), to be swallowed, and what the scan typed
        taken back."""
        self._pause_timer.stop()
        passed, self._passed = self._passed, []
        burst = burst_of(passed)  # a PIN's digits typed just before stay
        if not ends_scan or not self._is_scan(burst, now, widget):
            return False
        if (
            widget.property(NOT_A_PIN_PROPERTY)
            and isinstance(widget, QLineEdit)
            and not self._could_be_a_card(widget, widget.text())
        ):
            return False  # a token typed fast and Enter: no card, so its Enter is the person's
        self._take_back(widget, len(burst))
        return True

    def _burst_stopped(self) -> None:
        # The keys that went straight through stopped without a terminator: a scan all the
        # same when no PIN is that long.
        passed, widget = self._passed, self._passed_to
        self._passed, self._passed_to = [], None
        burst = burst_of(passed)
        if (
            burst
            and widget is not None
            and shiboken6.isValid(widget)
            and not widget.property(NOT_A_PIN_PROPERTY)
            and self._is_scan(burst, burst[-1].at, widget)
        ):
            self._take_back(widget, len(burst))

    def _is_scan(self, burst: list[Press], now: float, widget: QWidget) -> bool:
        not_a_pin = bool(widget.property(NOT_A_PIN_PROPERTY))
        return self._pace().scanned_onto_a_pin_pad(burst, now, may_be_a_pin_or_code=not not_a_pin)

    def _take_back(self, widget: QWidget, keys: int) -> None:
        """What a scan typed into an exempt widget goes, and the page is told."""
        take_back = getattr(widget, "take_back_scan", None)
        if isinstance(widget, QLineEdit):
            widget.clear()
        elif callable(take_back):
            take_back(keys)
        else:
            wipe = getattr(widget, "wipe", None)
            if callable(wipe):
                wipe()
        self._taken_back(widget)
