"""Buttons in a row that wraps: one line when the width holds them, more when it does not, never
narrower than the widest, and a hidden one takes no room."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.flow_layout import FlowLayout


def _row(qtbot: QtBot, *texts: str) -> tuple[QWidget, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    return holder, buttons


def _lines(buttons: list[QPushButton]) -> int:
    return len({b.geometry().top() for b in buttons if not b.isHidden()})


def test_the_buttons_wrap_when_the_width_does_not_hold_them(qtbot: QtBot) -> None:
    holder, buttons = _row(qtbot, "Kirim ulang…", "Tandai diproses…", "Tutup kasus…", "Rincian…")
    holder.resize(holder.sizeHint().width(), holder.heightForWidth(holder.sizeHint().width()))
    holder.show()
    qtbot.waitUntil(lambda: _lines(buttons) == 1)
    narrow = holder.minimumSizeHint().width() + 40
    holder.resize(narrow, holder.heightForWidth(narrow))
    qtbot.waitUntil(lambda: _lines(buttons) > 1)
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert button.geometry().right() < holder.width()
    assert holder.minimumSizeHint().width() == max(b.sizeHint().width() for b in buttons)


def test_a_hidden_button_takes_no_room(qtbot: QtBot) -> None:
    holder, buttons = _row(qtbot, "Send again…", "Mark applied…", "Dismiss…")
    buttons[1].hide()
    width = buttons[0].sizeHint().width() + buttons[2].sizeHint().width() + 8
    holder.resize(width, holder.heightForWidth(width))
    holder.show()
    qtbot.waitUntil(lambda: buttons[2].geometry().left() == buttons[0].geometry().right() + 9)
    assert _lines(buttons) == 1


def test_in_the_middle_one_line_sits_level_with_the_middle_of_a_taller_row(qtbot: QtBot) -> None:
    # The sync bar keeps two lines' height at 1024 px: one line of it sits level with the
    # cashier's name, not at the top.
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, middle=True)
    button = QPushButton("Online")
    layout.addWidget(button)
    height = 3 * button.sizeHint().height()
    holder.resize(holder.sizeHint().width(), height)
    holder.show()
    qtbot.waitUntil(lambda: abs(button.geometry().center().y() - height // 2) <= 1)
