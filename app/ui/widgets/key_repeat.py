"""A digit key held down types its digit once, whatever Qt says of the repeats.

X repeats a held key as a release and a press with the same time stamp, some 40 ms apart after
the first half second or so. Qt's xcb backend calls them auto-repeats only when the press is
already queued behind the release, which on a real X server it is for the first one or two:
the rest come as fresh presses. So the pads' ``isAutoRepeat()`` check let a finger resting on a
USB numpad's "1" fill the kiosk's PIN pad with 1s, for Enter to send as a wrong PIN, and the
phone keypad with a number nobody has (seen under Xvfb). This filter tells them by X's own
pattern and swallows them before any pad, or the scanner filter, sees them.

A keypad key with NumLock off is a digit only where the focus reads it so (a PIN pad, a PIN
field: ``KEYPAD_DIGITS_PROPERTY``); elsewhere KP_Down is an arrow, and a held arrow repeats (it
moved a list one row, however long it was held).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from app.ui.widgets.numpad import KEYPAD_DIGITS_PROPERTY, numlock_off_digit

#: A repeat comes at least this long after its key went down (X waits a quarter to two thirds
#: of a second before it repeats). A scanner typing "11" presses the second "1" a few ms after
#: the first, and its release and press may share a millisecond: that is no key held down.
HELD_MS = 150


def _types_a_digit(receiver: QObject, event: QKeyEvent) -> bool:
    text = event.text()
    if len(text) == 1 and text in "0123456789":
        return True
    return numlock_off_digit(event) is not None and bool(receiver.property(KEYPAD_DIGITS_PROPERTY))


class KeyRepeatFilter(QObject):
    """An application-wide event filter that swallows the repeats of a held digit key (its
    presses that Qt flags as auto-repeats, and those X sends after a release at the same time
    stamp). Other keys repeat as ever (Backspace held still erases, an arrow held still moves,
    the keypad's too outside a pad). :meth:`close` removes it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.swallowed = 0
        #: The last release seen: its key and time stamp.
        self._released: tuple[int, int] | None = None
        #: When each key last went down by a finger, not a repeat.
        self._down_at: dict[int, int] = {}
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: every event of every object passes here.
        if not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        key, at = event.key(), event.timestamp()
        if kind == QEvent.Type.KeyRelease:
            self._released = (key, at)
            return False
        if kind != QEvent.Type.KeyPress:
            return False
        if not self._repeats(event):
            self._down_at[key] = at
            return False
        if not _types_a_digit(watched, event):
            return False
        self.swallowed += 1
        event.accept()
        return True

    def _repeats(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return True
        key, at = event.key(), event.timestamp()
        # A time stamp of 0 is an event made by the program (the scanner filter's replay, a
        # test), not one X sent: no pattern to read.
        if not at or self._released != (key, at):
            return False
        return at - self._down_at.get(key, at) >= HELD_MS

    def close(self) -> None:
        """Stop watching (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
