"""A held digit key types once, told by X's pattern (a release and a press at one time stamp,
long after the key went down); a scanner's double digit and a held Backspace pass."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.key_repeat import HELD_MS, KeyRepeatFilter
from app.ui.widgets.pin_pad import PinPad


@pytest.fixture
def pad(qtbot: QtBot) -> Iterator[PinPad]:
    repeats = KeyRepeatFilter()
    pad = PinPad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    pad.setFocus()
    yield pad
    repeats.close()


def _key(pad: PinPad, kind: QEvent.Type, at: int, key: Qt.Key = Qt.Key.Key_1) -> None:
    text = "1" if key == Qt.Key.Key_1 else ""
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(at)
    QApplication.sendEvent(pad, event)


def test_a_scanners_double_digit_is_two_digits(pad: PinPad) -> None:
    # A fast scanner's release and next press of the same key may share a millisecond.
    _key(pad, QEvent.Type.KeyPress, 1_000)
    _key(pad, QEvent.Type.KeyRelease, 1_003)
    _key(pad, QEvent.Type.KeyPress, 1_003)
    assert pad.entered_count() == 2


def test_a_press_at_its_release_s_time_stamp_once_the_key_was_held_is_a_repeat(
    pad: PinPad,
) -> None:
    _key(pad, QEvent.Type.KeyPress, 1_000)
    _key(pad, QEvent.Type.KeyRelease, 1_000 + HELD_MS)
    _key(pad, QEvent.Type.KeyPress, 1_000 + HELD_MS)
    assert pad.entered_count() == 1


def test_backspace_held_still_erases(pad: PinPad) -> None:
    for at in (1_000, 1_100, 1_200):
        _key(pad, QEvent.Type.KeyPress, at)
        _key(pad, QEvent.Type.KeyRelease, at + 50)
    assert pad.entered_count() == 3
    _key(pad, QEvent.Type.KeyPress, 2_000, Qt.Key.Key_Backspace)
    _key(pad, QEvent.Type.KeyRelease, 2_700, Qt.Key.Key_Backspace)
    _key(pad, QEvent.Type.KeyPress, 2_700, Qt.Key.Key_Backspace)
    assert pad.entered_count() == 1


def _held(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    # Down, then X's repeat: a release and a press at one time stamp, long after the key went down.
    for kind, at in (
        (QEvent.Type.KeyPress, 1_000),
        (QEvent.Type.KeyRelease, 1_000 + HELD_MS),
        (QEvent.Type.KeyPress, 1_000 + HELD_MS),
    ):
        event = QKeyEvent(kind, key, modifiers, "")
        event.setTimestamp(at)
        QApplication.sendEvent(widget, event)


@pytest.mark.parametrize(
    "modifiers",
    [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier],
    ids=["arrow", "keypad arrow, NumLock off"],
)
def test_a_held_arrow_moves_on(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
    repeats = KeyRepeatFilter()
    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.addItems(["Kopi", "Teh", "Roti", "Donat"])
    rows.setCurrentRow(0)
    try:
        _held(rows, Qt.Key.Key_Down, modifiers)
    finally:
        repeats.close()
    assert rows.currentItem().text() == "Roti"


def test_a_held_keypad_key_with_numlock_off_types_its_digit_once_on_the_pad(
    pad: PinPad,
) -> None:
    _held(pad, Qt.Key.Key_End, Qt.KeyboardModifier.KeypadModifier)  # "1" with NumLock off
    assert pad.entered_count() == 1
