"""Manager mode's sign-in, typed as a manager types it: a USB numpad's PIN, NumLock on or off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.services import say
from app.ui.manager.sign_in_dialog import ManagerSignInDialog
from app.ui.wording import words

from ...support.languages import speaking

KEYPAD = Qt.KeyboardModifier.KeypadModifier
#: What X sends for the keypad's 2, 4, 6, 8, 1, 0 with NumLock off (KP_Down, KP_Left, ...).
NUMLOCK_OFF_246810 = [
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_End,
    Qt.Key.Key_Insert,
]


def test_a_pin_typed_on_a_numpad_with_numlock_off_signs_the_manager_in(qtbot: QtBot) -> None:
    dialog = ManagerSignInDialog(["Wayan"])
    qtbot.addWidget(dialog)
    field = dialog.pin_field
    for key in NUMLOCK_OFF_246810:
        qtbot.keyClick(field, key, KEYPAD)
    with qtbot.waitSignal(dialog.sign_in_requested) as asked:
        qtbot.keyClick(field, Qt.Key.Key_Enter, KEYPAD)  # KP_Enter
    assert asked.args == ["Wayan", "246810"]


def test_the_arrow_keys_still_move_in_a_pin_field(qtbot: QtBot) -> None:
    dialog = ManagerSignInDialog(["Wayan"])
    qtbot.addWidget(dialog)
    field = dialog.pin_field
    qtbot.keyClicks(field, "2468")
    qtbot.keyClick(field, Qt.Key.Key_Left)  # beside the letters: no keypad flag
    qtbot.keyClick(field, Qt.Key.Key_Home)
    assert field.text() == "2468" and field.cursorPosition() == 0


def test_a_refusal_leaves_the_buttons_where_the_manager_aims(qtbot: QtBot) -> None:
    # Seen under Xvfb: "Wrong PIN for Wayan…" under the PIN pushed "Enter manager mode" about
    # 50 px down, under the pointer of a manager about to try again.
    dialog = ManagerSignInDialog(["Wayan"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where() -> list[QPoint]:
        for _ in range(8):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        return [button.mapToGlobal(QPoint(0, 0)) for button in (dialog.enter_button, dialog.cancel)]

    before = where()
    for language in ("en", "id"):
        with speaking(language):
            refusals = [
                words(say("staff.wrong_pin", name="Wayan", left=4, minutes=5)),
                words(say("staff.locked", name="Wayan", count=5, minutes=5)),
                words(say("staff.not_a_pin")),
            ]
        for refusal in refusals:
            dialog.show_refusal(refusal)
            assert where() == before, (language, refusal)
    dialog.submit()
    assert where() == before
