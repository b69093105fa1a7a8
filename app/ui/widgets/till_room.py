"""Dialogs over the till no larger than the room the till has."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStyle, QWidget


def till_room(dialog: QWidget) -> QSize:
    """The most a dialog's inside may take: the till's window (fitted to its screen at start,
    ``app.ui.app.fit_to_screen``) or, for a dialog without one, its screen's free room; less
    the title bar a window manager adds. The till's window, not a dialog it is opened over."""
    till = dialog.parentWidget()
    while till is not None and till.window().parentWidget() is not None:
        till = till.window().parentWidget()
    if till is not None:
        room = till.window().frameGeometry().size()
    else:
        room = dialog.screen().availableGeometry().size()
    title_bar = dialog.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, dialog)
    return room - QSize(0, title_bar)


def size_within_the_till(dialog: QWidget, smallest: QSize, first: QSize) -> None:
    """Give ``dialog`` its smallest and first sizes, bounded by :func:`till_room`: a fixed
    smallest size taller than a short screen (1366×768 at a desktop scale of 125% is 614 px
    high to Qt) kept the dialog's buttons below the screen's edge. Its own layout still holds
    what it needs (the pages scroll)."""
    room = till_room(dialog)
    dialog.setMinimumSize(smallest.boundedTo(room))
    dialog.resize(first.boundedTo(room))
