"""Walking a page or a dialog with the keyboard, as a keyboard user does: where each press of
Tab (or Shift+Tab) puts the focus, by the name of what has it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QWidget
from pytestqt.qtbot import QtBot


def focus_name(widget: QWidget | None) -> str:
    """A widget's object name (a tab bar by its tab widget's: Qt names every one alike), else
    its accessible name, else its class."""
    if widget is None:
        return "<nothing>"
    if isinstance(widget, QTabBar) and widget.parentWidget() is not None:
        return f"{widget.parentWidget().objectName()}.tabBar"
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def tab_walk(qtbot: QtBot, steps: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[str]:
    """The names of where the focus lands after each of ``steps`` presses of ``key``."""
    landed = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), key)
        landed.append(focus_name(QApplication.focusWidget()))
    return landed


def walk_both_ways(qtbot: QtBot, start: QWidget, stops: list[str]) -> tuple[list[str], list[str]]:
    """From ``start``, Tab through ``stops`` (ending back at ``start``), then Shift+Tab back:
    what each walk met. A right order gives ``(stops, reversed stops)``."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    forth = tab_walk(qtbot, len(stops))
    back = tab_walk(qtbot, len(stops), Qt.Key.Key_Backtab)
    return forth, back


def reversed_walk(start: QWidget, stops: list[str]) -> list[str]:
    """What Shift+Tab from ``start`` should meet when Tab meets ``stops`` (ending at ``start``)."""
    return [*reversed(stops[:-1]), focus_name(start)]
