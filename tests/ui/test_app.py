"""Booting the GUI: a qasync loop that ends when the window closes, after shutdown has run."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.app import create_application, run


@pytest.fixture
def restore_quit_policy(qapp: QApplication) -> Iterator[None]:
    before = qapp.quitOnLastWindowClosed()
    yield
    qapp.setQuitOnLastWindowClosed(before)


def test_the_application_is_named_themed_and_has_an_icon(qapp: QApplication):
    app = create_application()
    assert app is qapp
    assert app.applicationName() == "stamps-pos"
    assert "ResultPanel" in app.styleSheet()
    assert not app.windowIcon().isNull()


def test_run_serves_the_window_on_a_qasync_loop_until_it_closes(restore_quit_policy):
    seen: list[str] = []
    hooks_during_run = []

    def make_window() -> QWidget:
        seen.append(type(asyncio.get_running_loop()).__name__)
        return QWidget()

    async def startup(window: QWidget) -> None:
        await asyncio.sleep(0)
        hooks_during_run.append(sys.excepthook)
        seen.append("started")
        # The cashier closes the window a moment later.
        QTimer.singleShot(0, window.close)

    async def shutdown() -> None:
        await asyncio.sleep(0.01)  # I/O still gets to finish: the loop is not stopped under it
        seen.append("shut down")

    code = run(make_window, startup=startup, shutdown=shutdown)

    assert code == 0
    assert seen == [qasync.QEventLoop.__name__, "started", "shut down"]
    # The crash path was installed while running and is removed afterwards.
    assert hooks_during_run[0] is not sys.excepthook
