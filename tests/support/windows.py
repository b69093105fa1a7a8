"""Making a window the active one in a test, as a cashier's click would."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as QtBotTimeout
from pytestqt.qtbot import QtBot

#: As long as the UI tests wait for anything (tests/ui/controllers/conftest.py's WAIT_MS).
ACTIVATION_MS = 30_000


def make_active(qtbot: QtBot, window: QWidget, timeout: int = ACTIVATION_MS) -> None:
    """Wait until ``window`` is the active window, asking for it again on each look: one request
    made before the window was exposed, or undone by another window closing meanwhile, was lost
    on a loaded machine and the test waited out its 30 s (seen in CI)."""

    def active() -> bool:
        if QApplication.activeWindow() is window:
            return True
        window.activateWindow()
        return False

    try:
        qtbot.waitUntil(active, timeout=timeout)
    except QtBotTimeout as exc:  # say what held the activation instead
        held = QApplication.activeWindow()
        modal = QApplication.activeModalWidget()
        raise AssertionError(
            f"{window!r} never became active: the active window is {held!r}, the modal "
            f"{modal!r}, visible {window.isVisible()}"
        ) from exc
