"""The customer's PIN pad: masked, wiped, keyboard-driven."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.kiosk.keypad import KioskKeypad
from app.ui.widgets.pin_pad import PinDots, PinPad


@pytest.fixture
def pad(qtbot: QtBot) -> PinPad:
    pad = PinPad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    pad.setFocus()
    return pad


def type_digits(qtbot: QtBot, pad: PinPad, digits: str) -> None:
    for digit in digits:
        qtbot.keyClick(pad, digit)


def type_text(widget: QWidget, text: str) -> None:
    """A key that types ``text`` as an input method hands it over: no key code of its own (QTest
    knows only Latin-1 characters)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))


def snapshot(pad: PinPad) -> QImage:
    return pad.grab().toImage()


def test_keyboard_digits_fill_the_dots_and_enter_submits_the_pin(qtbot: QtBot, pad: PinPad):
    type_digits(qtbot, pad, "482193")
    assert pad.entered_count() == 6

    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Return)

    assert signal.args == ["482193"]
    assert pad.entered_count() == 0


KEYPAD = Qt.KeyboardModifier.KeypadModifier
#: The numeric keypad's keys with NumLock off, as X delivers them (KP_End, KP_Down, ... KP_Insert):
#: no text, a navigation key, and Qt's keypad flag.
NUMLOCK_OFF = {
    "1": Qt.Key.Key_End,
    "2": Qt.Key.Key_Down,
    "3": Qt.Key.Key_PageDown,
    "4": Qt.Key.Key_Left,
    "5": Qt.Key.Key_Clear,
    "6": Qt.Key.Key_Right,
    "7": Qt.Key.Key_Home,
    "8": Qt.Key.Key_Up,
    "9": Qt.Key.Key_PageUp,
    "0": Qt.Key.Key_Insert,
}


def test_a_usb_numpad_types_the_pin_with_numlock_on_or_off(qtbot: QtBot, pad: PinPad):
    # NumLock on: KP_1 is "1" with the keypad flag; off, it is End. A customer sees a 1 on the key.
    qtbot.keyClick(pad, Qt.Key.Key_1, KEYPAD)
    for digit in "23456":
        qtbot.keyClick(pad, NUMLOCK_OFF[digit], KEYPAD)
    assert pad.entered_count() == 6

    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Enter, KEYPAD)  # KP_Enter

    assert signal.args == ["123456"]


@pytest.mark.parametrize(
    "make",
    [PinPad, lambda: KioskKeypad(secret=True, min_length=6, max_length=6, name="kioskPin")],
    ids=["pin pad", "kiosk keypad"],
)
@pytest.mark.parametrize(
    "typed", ["\uff14\uff18\uff12\uff11\uff19\uff13", "\u0664\u0668\u0662\u0661\u0669\u0663"]
)
def test_digits_of_an_input_method_or_another_script_type_the_pin(
    qtbot: QtBot, make: Callable[[], QWidget], typed: str
):
    # An input method left in its wide mode types "４８２１９３"; an Arabic keyboard "٤٨٢١٩٣".
    # The customer pressed 4 8 2 1 9 3 and saw no dot fill: the pad took nothing, and said
    # nothing either.
    pad = make()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    pad.setFocus()
    for digit in typed:
        type_text(pad, digit)
    assert pad.entered_count() == 6
    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert signal.args == ["482193"]


def test_a_digit_that_is_no_decimal_types_nothing(qtbot: QtBot, pad: PinPad):
    for mark in "\u00b2\u2460":  # superscript two, circled one: digits, but not to count with
        type_text(pad, mark)
    assert pad.entered_count() == 0


def test_the_navigation_keys_themselves_type_no_digit(qtbot: QtBot, pad: PinPad):
    for key in NUMLOCK_OFF.values():
        qtbot.keyClick(pad, key)  # the keys beside the letters: no keypad flag
    assert pad.entered_count() == 0


def test_the_display_depends_only_on_how_many_digits_not_which(qtbot: QtBot, pad: PinPad):
    type_digits(qtbot, pad, "123456")
    first = snapshot(pad)
    pad.wipe()
    type_digits(qtbot, pad, "987650")
    second = snapshot(pad)
    pad.wipe()
    type_digits(qtbot, pad, "98765")
    five = snapshot(pad)

    assert first == second
    assert first != five


def test_the_pin_is_in_no_text_a_screen_reader_tooltip_or_repr_could_show(
    qtbot: QtBot, pad: PinPad
):
    type_digits(qtbot, pad, "731")
    texts = [repr(pad)]
    for widget in [pad, *pad.findChildren(QLabel), *pad.findChildren(PinDots)]:
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    texts += [label.text() for label in pad.findChildren(QLabel)]

    assert not any("731" in text or "73" in text for text in texts)
    assert "3/6" in repr(pad)


def test_backspace_removes_one_digit_and_escape_cancels_and_wipes(qtbot: QtBot, pad: PinPad):
    type_digits(qtbot, pad, "1234")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.entered_count() == 3

    with qtbot.waitSignal(pad.cancelled):
        qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.entered_count() == 0


def test_ok_is_disabled_until_six_digits_and_a_seventh_is_ignored(qtbot: QtBot, pad: PinPad):
    ok = pad.findChild(QPushButton, "pinOk")
    type_digits(qtbot, pad, "12345")
    assert not ok.isEnabled()
    with qtbot.assertNotEmitted(pad.submitted):
        qtbot.keyClick(pad, Qt.Key.Key_Enter)

    type_digits(qtbot, pad, "67")
    assert pad.entered_count() == 6
    assert ok.isEnabled()


def test_the_on_screen_keys_are_large_and_enter_the_pin(qtbot: QtBot, pad: PinPad):
    for digit in "0123456789":
        button = pad.findChild(QPushButton, f"pinDigit{digit}")
        assert button.width() >= 48 and button.height() >= 48
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    for digit in "905512":
        qtbot.mouseClick(pad.findChild(QPushButton, f"pinDigit{digit}"), Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.mouseClick(pad.findChild(QPushButton, "pinOk"), Qt.MouseButton.LeftButton)
    assert signal.args == ["905512"]


@pytest.mark.parametrize("how", ["hide", "close"])
def test_hiding_or_closing_wipes_the_digits(qtbot: QtBot, pad: PinPad, how: str):
    type_digits(qtbot, pad, "555")
    getattr(pad, how)()
    assert pad.entered_count() == 0


@pytest.mark.parametrize(
    "make",
    [PinPad, lambda: KioskKeypad(secret=True, min_length=6, max_length=6, name="kioskPin")],
    ids=["pin pad", "kiosk keypad"],
)
def test_a_window_torn_down_with_the_pad_shown_raises_nothing(
    qtbot: QtBot, make: Callable[[], QWidget]
):
    # As a window is torn down, Qt still sends the pad its last events (a hide, a change of
    # style or language) after the Python side has lost its attributes: the member search's
    # hideEvent failed so in a long run ("no attribute …"), and the pads' hide wipes the
    # digits through the same attributes. Shown, a digit typed, then as the teardown leaves it.
    window = QWidget()
    qtbot.addWidget(window)
    pad = make()
    QVBoxLayout(window).addWidget(pad)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(pad, "5")
    pad.__dict__.clear()
    for happened in (QEvent.Type.LanguageChange, QEvent.Type.StyleChange, QEvent.Type.FontChange):
        QApplication.sendEvent(pad, QEvent(happened))
    window.close()  # pytest-qt fails the test on an exception raised in a Qt handler
    pad.show()


def test_attempts_left_reads_as_the_server_counts(qtbot: QtBot, pad: PinPad):
    assert pad.attempts_text() == ""
    pad.set_attempts_left(2)
    assert pad.attempts_text() == "2 attempts left"
    pad.set_attempts_left(1)
    assert pad.attempts_text() == "1 attempt left"
    pad.set_attempts_left(None)
    assert pad.attempts_text() == ""


def test_busy_pad_takes_no_digits_while_the_pin_is_checked(qtbot: QtBot, pad: PinPad):
    pad.set_busy(True)
    assert not pad.findChild(QPushButton, "pinDigit1").isEnabled()
    assert pad.findChild(QPushButton, "pinCancel").isEnabled()  # giving up is always possible
    type_digits(qtbot, pad, "12")
    assert pad.entered_count() == 0
    pad.set_busy(False)
    assert pad.findChild(QPushButton, "pinDigit1").isEnabled()
    assert not pad.findChild(QPushButton, "pinOk").isEnabled()


def test_esc_gives_up_on_a_pin_being_checked_as_cancel_does(qtbot: QtBot, pad: PinPad):
    # Wayan pressed Esc on Budi's PIN pad while a slow server checked the PIN (seen under Xvfb):
    # the busy pad swallowed it, and only a click on Cancel closed the pad.
    type_digits(qtbot, pad, "123456")
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    pad.set_busy(True)
    with qtbot.waitSignal(pad.cancelled, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Escape)


def held_down(key: Qt.Key, text: str, repeats: int) -> list[QKeyEvent]:
    """What a key held down sends: one press, then the keyboard's auto-repeat presses."""
    return [
        QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, n > 0)
        for n in range(1 + repeats)
    ]


def test_a_digit_key_held_down_types_it_once(qtbot: QtBot, pad: PinPad):
    # A finger resting on "7" filled the pad with 7s, and Enter sent a PIN nobody chose: a
    # wrong one, an attempt of the member's few.
    for event in held_down(Qt.Key.Key_7, "7", repeats=8):
        QApplication.sendEvent(pad, event)
    assert pad.entered_count() == 1
    type_digits(qtbot, pad, "77")
    assert pad.entered_count() == 3


def test_backspace_held_down_still_erases_digit_after_digit(qtbot: QtBot, pad: PinPad):
    type_digits(qtbot, pad, "1234")
    for event in held_down(Qt.Key.Key_Backspace, "\b", repeats=3):
        QApplication.sendEvent(pad, event)
    assert pad.entered_count() == 0
