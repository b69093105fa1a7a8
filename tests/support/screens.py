"""The window in one of the screenshot states (app/ui/screenshots.py) at a screen's size, as the
layout tests read it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView
from app.ui.screenshots import STATES, _window

#: Counter screens at a desktop scale, in Qt's pixels: 1366×768 at 125%, 1024×768 at 125%.
SCALED_SCREENS = [(1093, 614), (819, 614)]
#: 1366×768 at 150%: as far as the cashier's page sensibly goes.
SMALLEST_SCREEN = (911, 512)


def inside_the_frame(size: tuple[int, int]) -> tuple[int, int]:
    """What a window gets of a screen of ``size`` under a window manager's title bar (the
    offscreen platform draws none, so a test sizes the window to this)."""
    style = QApplication.style()
    title_bar = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    return size[0], size[1] - title_bar


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
