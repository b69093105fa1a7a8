"""Walking a page or a dialog with the keyboard, as a keyboard user does: where each press of
Tab (or Shift+Tab) puts the focus, by the name of what has it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
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


def held_down(key: Qt.Key, text: str, repeats: int, target: QWidget | None = None) -> None:
    """``key`` held down on a USB numpad, to ``target`` (else the widget with the keyboard), as
    a real X server delivers it: a press, then, after X's delay, a release and a press at one
    time stamp every 40 ms (which Qt's xcb backend flags as auto-repeats only for the first one
    or two), then the release."""

    def send(kind: QEvent.Type, at: int) -> None:
        to = target or QApplication.focusWidget()
        assert to is not None
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.KeypadModifier, text)
        event.setTimestamp(at)
        QApplication.sendEvent(to, event)

    at = 1_000
    send(QEvent.Type.KeyPress, at)
    at += 660
    for _ in range(repeats):
        send(QEvent.Type.KeyRelease, at)
        send(QEvent.Type.KeyPress, at)
        at += 40
    send(QEvent.Type.KeyRelease, at)
