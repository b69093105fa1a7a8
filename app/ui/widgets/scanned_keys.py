"""What a key event adds to a scan: the keys a scanner types, and those that end or shape one.

A wedge scanner is a keyboard: it types what it reads, as key presses, then a terminator. Like a
keyboard it presses Shift around every capital and around symbols that need it (``@``, ``_``,
``#``), and some are set to send a prefix first, or to type on the numeric keypad.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from app.ui.widgets.numpad import numlock_off_digit

_MODIFIERS_THAT_MAKE_A_SHORTCUT = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Keys that only change what the next key types: a scanner presses Shift around capitals, and
#: one set to type on the numeric keypad may press NumLock before each digit (xdotool does): taken
#: for a key of its own, NumLock ended the burst at every digit, and the card went into the PIN
#: pad as a person's digits, its Enter sending them as the PIN.
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    }
)
#: Keys a scanner may end a scan with (it is set to send one of them).
TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
#: What a scanner set to end a line the Unix way sends instead of Enter: a line feed, which X
#: delivers as Ctrl+J or as its own key (0x0a), the character the same either way. Where Enter
#: ends a scan, so does a line feed: not one, it ended nothing, and the card's digits were left
#: typed into the member search (or a dialog's amount).
LINE_FEED = "\n"
#: What the digits' row types with Shift held (a US keyboard): a card's digits, scanned while
#: the cashier held Shift down, come as these.
_SHIFTED_DIGITS = frozenset("!@#$%^&*()")
#: Signs of a card's digits in a row, typed with Shift held: one alone may be part of a code.
_SHIFTED_RUN = 4


def typed_with_shift_held(code: str) -> bool:
    """Whether ``code`` is a card typed with Shift held: its digits as the signs above them
    ("&)!$…" for "7014…"), its letters as capitals ("KR@$)))))^" for "KR24000006"). No card,
    ID, code or receipt is made of those signs alone, nor holds four of them in a row and not a
    digit."""
    if not code or any(char.isdigit() for char in code):
        return False
    if set(code) <= _SHIFTED_DIGITS:
        return True
    run = longest = 0
    for char in code:
        run = run + 1 if char in _SHIFTED_DIGITS else 0
        longest = max(longest, run)
    return longest >= _SHIFTED_RUN


def is_typed_character(event: QKeyEvent) -> bool:
    """Whether ``event`` types one character (a letter, a digit, a sign, a space), not a
    shortcut and not a key held down repeating."""
    text = event.text()
    return (
        len(text) == 1
        and text.isprintable()
        and not (event.modifiers() & _MODIFIERS_THAT_MAKE_A_SHORTCUT)
        and not event.isAutoRepeat()
    )


def scanned_character(event: QKeyEvent) -> str | None:
    """What ``event`` adds to a scan: the character it types, or the digit printed on a keypad
    key with NumLock off (a scanner set to type on the keypad, as one is for any keyboard
    layout, sends End for "1" there); ``None`` for any other key."""
    if is_typed_character(event):
        return event.text()
    return None if event.isAutoRepeat() else numlock_off_digit(event)


def ends_scan(event: QKeyEvent, terminators: frozenset[Qt.Key]) -> bool:
    """Whether ``event`` is the scanner's terminator: one of ``terminators``, or a line feed
    where Enter is one (:data:`LINE_FEED`)."""
    if event.key() in terminators:
        return True
    return event.text() == LINE_FEED and Qt.Key.Key_Return in terminators


def ends_with_enter(event: QKeyEvent) -> bool:
    """Whether ``event`` is Enter (or a line feed): it presses a form's button, where Tab only
    moves the keyboard on."""
    enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return enter or event.text() == LINE_FEED
