"""The window in one of the screenshot states (app/ui/screenshots.py) at a screen's size, as the
layout tests read it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView
from app.ui.screenshots import STATES, _window


def window_in(qtbot: QtBot, state: str, size: tuple[int, int]) -> CashierWindowView:
    """A window of ``size`` showing ``state``, laid out, closed by pytest-qt at teardown."""
    window = _window(size)
    qtbot.addWidget(window)
    STATES[state](window)
    QApplication.processEvents()
    return window


def standings_cut(table: QTableView, column: int) -> list[int]:
    """The rows whose standing (drawn on two lines at most) needs more than ``column`` got."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    delegate = table.itemDelegateForColumn(column)
    model, width = table.model(), table.horizontalHeader().sectionSize(column)
    return [
        row
        for row in range(model.rowCount())
        if delegate.sizeHint(option, model.index(row, column)).width() > width
    ]
