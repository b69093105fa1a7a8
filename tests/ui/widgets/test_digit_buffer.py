"""The digits a pad holds: appended up to its limit, erased one at a time, wiped by overwriting,
handed out once; the PIN pad and the kiosk keypad both keep theirs in one."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.kiosk.keypad import KioskKeypad
from app.ui.widgets.digit_buffer import DigitBuffer
from app.ui.widgets.pin_pad import PinPad


class Slots(list[str]):
    """A list that remembers what each slot was overwritten with."""

    def __init__(self) -> None:
        super().__init__()
        self.overwritten: list[str] = []

    def __setitem__(self, index: object, value: object) -> None:
        self.overwritten.append(str(value))
        super().__setitem__(index, value)  # type: ignore[index]


def test_it_takes_ascii_digits_up_to_its_limit_and_nothing_else() -> None:
    buffer = DigitBuffer(4)
    taken = [buffer.append(key) for key in ("1", "a", "", "12", "٣", "１", "2", " ", "3", "4")]
    assert taken == [True, False, False, False, False, False, True, False, True, True]
    assert buffer.full() and buffer.shown() == "1234"
    assert not buffer.append("5") and buffer.shown() == "1234"


def test_erase_takes_the_last_digit_and_says_when_there_was_none() -> None:
    buffer = DigitBuffer(6)
    for digit in "42":
        buffer.append(digit)
    assert buffer.erase() and buffer.shown() == "4"
    assert buffer.erase() and len(buffer) == 0
    assert not buffer.erase()


def test_hand_out_gives_the_digits_once_and_keeps_no_copy() -> None:
    buffer = DigitBuffer(6)
    slots = Slots()
    buffer._digits = slots  # watch the slots the digits live in
    for digit in "482193":
        buffer.append(digit)
    assert buffer.hand_out() == "482193"
    assert slots.overwritten == ["\0"] * 6 and slots == []  # each slot overwritten, then dropped
    assert buffer.hand_out() == "" and len(buffer) == 0


def test_wipe_and_erase_overwrite_before_they_drop() -> None:
    buffer = DigitBuffer(6)
    slots = Slots()
    buffer._digits = slots
    for digit in "123":
        buffer.append(digit)
    buffer.erase()
    assert slots.overwritten == ["\0"]
    buffer.wipe()
    assert slots.overwritten == ["\0"] * 3 and len(buffer) == 0


def test_repr_tells_how_many_never_which() -> None:
    buffer = DigitBuffer(6)
    for digit in "987":
        buffer.append(digit)
    assert repr(buffer) == "<DigitBuffer 3/6 digits>"
    assert not any(digit in repr(buffer) for digit in "789")


def test_a_pad_takes_at_least_one_digit() -> None:
    with pytest.raises(ValueError, match="at least one digit"):
        DigitBuffer(0)


def test_neither_pad_takes_a_digit_of_another_script(qtbot: QtBot) -> None:
    pad = PinPad()
    keypad = KioskKeypad(secret=False, min_length=1, max_length=13, name="phone")
    qtbot.addWidget(pad)
    qtbot.addWidget(keypad)
    for digit in ("１", "٣", "0", "8"):  # full-width one, Arabic-Indic three, then ASCII
        pad.press_digit(digit)
        keypad.press(digit)
    assert pad.entered_count() == 2
    assert keypad.shown_text() == "08"
