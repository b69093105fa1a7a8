"""The PIN dialog around the pad: stays open while the PIN is checked, wipes on failure."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.messages import say
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.wording import words

from ...support.screens import window_in

#: A key a fingertip hits (``KEY_LOWEST_PX``), and a key's height where the till has room.
FINGER_PX, KEY_PX = 48, 70


def test_a_submitted_pin_is_handed_over_and_the_pad_waits(qtbot: QtBot):
    dialog = PinDialog("Siti")
    qtbot.addWidget(dialog)
    dialog.open()
    for digit in "123456":
        qtbot.keyClick(dialog.pad, digit)

    with qtbot.waitSignal(dialog.pin_submitted) as submitted:
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)

    assert submitted.args == ["123456"]
    assert dialog.isVisible()
    assert dialog.pad.entered_count() == 0
    qtbot.keyClick(dialog.pad, "7")
    assert dialog.pad.entered_count() == 0  # busy until the controller answers


def test_a_refused_pin_shows_attempts_left_and_takes_a_new_one(qtbot: QtBot):
    dialog = PinDialog("Siti")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pad.press_digit("1")
    dialog.show_failure("Wrong PIN. Try again.", 2)
    assert dialog.pad.entered_count() == 0
    assert dialog.pad.attempts_text() == "2 attempts left"
    qtbot.keyClick(dialog.pad, "4")
    assert dialog.pad.entered_count() == 1


def test_cancel_rejects_and_wipes(qtbot: QtBot):
    dialog = PinDialog("Siti")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.pad.press_digit("9")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Escape)
    assert dialog.pad.entered_count() == 0
    assert not dialog.isVisible()


@pytest.mark.parametrize("failure", ["pin.wrong", "pin.unchecked"])
def test_a_failure_said_above_the_pad_leaves_its_keys_where_they_were(
    qtbot: QtBot, language: str, failure: str
):
    # Seen under Xvfb: the customer's finger aims at a key while the till checks the PIN; the
    # server's "wrong PIN", longer than the prompt, wrapped onto a second line and moved every
    # key down under the finger.
    dialog = PinDialog("Budi Santoso")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    keys = [dialog.pad.findChild(QPushButton, name) for name in ("pinOk", "pinCancel")]
    before = [key.mapTo(dialog, QPoint(0, 0)) for key in keys]
    height = dialog.height()
    dialog.show_failure(words(say(failure)), 2)
    prompt = dialog.pad.findChild(QLabel, "pinPrompt")
    qtbot.waitUntil(lambda: prompt.height() >= prompt.heightForWidth(prompt.width()))
    assert [key.mapTo(dialog, QPoint(0, 0)) for key in keys] == before
    assert dialog.height() == height


#: Screens of 1366×768 at a desktop scale of 125% and 1600×900 at 150%, in Qt's pixels.
SCALED_SCREENS = [(1093, 614), (1067, 600)]


@pytest.mark.parametrize("size", SCALED_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pad_fits_a_short_till_whole_with_keys_for_a_finger(
    qtbot: QtBot, language: str, size: tuple[int, int]
):
    # Seen under Xvfb at 1366×768 with QT_SCALE_FACTOR=1.25: the dialog was 665 px high on a
    # 614 px screen, its Cancel and OK row below the screen's edge.
    window = window_in(qtbot, "05-rewards", size)
    dialog = PinDialog("Budi Santoso", window)  # as the redemption's controller opens it
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: window.frameGeometry().contains(dialog.frameGeometry()))
    keys = dialog.pad.findChildren(QPushButton)
    assert min(key.height() for key in keys) >= FINGER_PX
    assert all(
        dialog.rect().contains(QRect(key.mapTo(dialog, QPoint(0, 0)), key.size())) for key in keys
    )


def test_the_pad_keeps_its_keys_where_the_till_has_room(qtbot: QtBot):
    window = window_in(qtbot, "05-rewards", (1366, 768))
    dialog = PinDialog("Budi Santoso", window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert {key.height() for key in dialog.pad.findChildren(QPushButton)} == {KEY_PX}
