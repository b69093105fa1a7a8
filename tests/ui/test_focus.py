"""After a dialog closes, the keyboard is back in the window under it, on the widget that had
it: a till or kiosk without a window manager has nobody to hand it back, and a scanner and the
F-keys typed into nothing until someone clicked the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot


def _window_with_a_field(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit()
    QVBoxLayout(window).addWidget(QLineEdit())
    window.layout().addWidget(field)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window, field


def _ask(window: QWidget, qtbot: QtBot) -> QMessageBox:
    box = QMessageBox(window)
    box.setText("Drop it?")
    keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(keep)
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def test_a_message_box_answered_with_esc_gives_the_keyboard_back_to_the_field(
    qtbot: QtBot,
) -> None:
    window, field = _window_with_a_field(qtbot)
    box = _ask(window, qtbot)

    qtbot.keyClick(box, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(field.hasFocus)


def test_a_dialog_closed_by_the_program_gives_the_keyboard_back_too(qtbot: QtBot) -> None:
    window, field = _window_with_a_field(qtbot)
    box = _ask(window, qtbot)

    box.done(0)  # a PIN accepted, a sign-in that succeeded: the code closes it

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(field.hasFocus)


def test_a_dialog_over_a_dialog_gives_the_keyboard_to_the_one_under_it(qtbot: QtBot) -> None:
    window, _field = _window_with_a_field(qtbot)
    first = _ask(window, qtbot)
    second = _ask(first, qtbot)

    second.done(0)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is first)
