"""The digit a numeric keypad's key means, NumLock on or off.

A customer types a PIN on a USB numpad. With NumLock off, X sends its keys as End, Down,
Page Down… (KP_End is the key printed "1"), with no text: a PIN pad that read only text took
nothing, and the kiosk's lock swallowed them as shortcuts. Qt marks every key of the keypad with
``KeypadModifier``, so the same keys beside the letters stay what they are.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

#: The keypad's keys with NumLock off, by the digit printed on them (KP_Begin is Qt's Clear).
_DIGIT_OF = {
    Qt.Key.Key_Insert: "0",
    Qt.Key.Key_End: "1",
    Qt.Key.Key_Down: "2",
    Qt.Key.Key_PageDown: "3",
    Qt.Key.Key_Left: "4",
    Qt.Key.Key_Clear: "5",
    Qt.Key.Key_Right: "6",
    Qt.Key.Key_Home: "7",
    Qt.Key.Key_Up: "8",
    Qt.Key.Key_PageUp: "9",
}
#: A widget that reads the keypad's keys as digits with NumLock off (a PIN pad, a PIN field) has
#: this property set to true. Elsewhere KP_Down is the arrow it is: held, it moves on.
KEYPAD_DIGITS_PROPERTY = "keypadDigits"
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def numlock_off_digit(event: QKeyEvent) -> str | None:
    """The digit printed on the keypad key ``event`` came from with NumLock off, or ``None``
    (any other key, the keypad with NumLock on, which types its digit as text)."""
    modifiers = event.modifiers()
    if not modifiers & Qt.KeyboardModifier.KeypadModifier or modifiers & _SHORTCUT_MODIFIERS:
        return None
    return _DIGIT_OF.get(Qt.Key(event.key()))


def typed_digit(event: QKeyEvent) -> str | None:
    """The ASCII digit a key typed: its own, a decimal digit of another script's (the
    full-width ``４`` an input method in its wide mode types, the Arabic-Indic ``٤``), else the
    keypad's with NumLock off. Such a digit was taken as none, and the customer saw no dot fill
    for the key pressed; a digit not to count with (``²``, ``①``) is still none."""
    text = event.text()
    if len(text) == 1 and text.isdecimal():
        return str(unicodedata.decimal(text))
    return numlock_off_digit(event)


class NumpadDigits(QObject):
    """Installed on a PIN's line edit: the keypad types its digits there with NumLock off too."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        edit.setProperty(KEYPAD_DIGITS_PROPERTY, True)
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        digit = numlock_off_digit(event)
        if digit is None or not isinstance(watched, QLineEdit):
            return False
        watched.insert(digit)
        return True
