"""Booting the GUI: a qasync loop that ends when the window closes, after shutdown has run."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.ui.app import create_application, run
from app.ui.crash import CrashReporter


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


def test_run_paints_the_window_then_serves_it_on_a_qasync_loop_until_it_closes(
    restore_quit_policy,
):
    seen: list[str] = []
    hooks_during_run = []

    class Painted(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            if "painted" not in seen:
                seen.append("painted")
            super().paintEvent(event)

    def make_window() -> QWidget:
        # Before any loop: the first frame waits for neither asyncio's loop nor startup.
        seen.append("no loop" if _no_running_loop() else "a loop")
        return Painted()

    async def startup(window: QWidget) -> None:
        loop = asyncio.get_running_loop()
        seen.append("qasync" if isinstance(loop, qasync.QEventLoop) else type(loop).__name__)
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
    assert seen == ["no loop", "painted", "qasync", "started", "shut down"]
    # The crash path was installed while running and is removed afterwards.
    assert hooks_during_run[0] is not sys.excepthook


def test_run_shows_error_reports_over_its_window_not_over_a_dialog(
    restore_quit_policy, caplog: pytest.LogCaptureFixture
):
    crash = CrashReporter()
    parents: list[object] = []

    async def startup(window: QWidget) -> None:
        # An error while a dialog of the window is the active one (a form, an entry's details).
        dialog = QDialog(window)
        dialog.open()
        dialog.activateWindow()
        with caplog.at_level(logging.CRITICAL):
            try:
                raise RuntimeError("the member cache could not be read")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
        assert crash.dialog is not None
        parents.append(crash.dialog.parentWidget())
        crash.dialog.reject()
        QTimer.singleShot(0, window.close)

    window = QWidget()
    assert run(lambda: window, startup=startup, crash_reporter=crash) == 0
    # Over the window, which outlives the dialog that was active: the report never goes with it.
    assert parents == [window]


def test_a_window_closed_before_the_loop_starts_ends_the_run(restore_quit_policy):
    started: list[QWidget] = []

    def make_window() -> QWidget:
        window = QWidget()
        QTimer.singleShot(0, window.close)  # closed while its first frame is up
        return window

    async def startup(window: QWidget) -> None:
        started.append(window)

    assert run(make_window, startup=startup) == 0  # it ends: nothing waits for a closed window


def _no_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return True
    return False


def test_a_window_larger_than_the_screen_is_shown_within_it(restore_quit_policy):
    # Laid out for 1366x768, the cashier's window on a 1024x768 till left its right part off the
    # screen (seen on a bare X session, where no window manager shrinks it).
    # Maximized too: the offscreen platform, like a window manager, fits its frame in.
    shown: list[QRect] = []
    room = QApplication.primaryScreen().availableGeometry()

    def make_window() -> QWidget:
        window = QWidget()
        window.resize(room.width() + 566, room.height() + 100)
        return window

    async def startup(window: QWidget) -> None:
        shown.append(window.frameGeometry())
        QTimer.singleShot(0, window.close)

    assert run(make_window, startup=startup) == 0
    [frame] = shown
    assert room.contains(frame)
    assert frame.width() >= room.width() - 8 and frame.height() >= room.height() - 8


def test_a_window_as_tall_as_the_screen_is_shown_maximized(restore_quit_policy):
    # Seen under X with a window manager (openbox) at 1024x600: the window sized to the screen
    # got a title bar on top, and the sync row was 26 px under the screen's edge. Maximized,
    # the manager fits the frame and all to the screen.
    states: list[bool] = []
    room = QApplication.primaryScreen().availableGeometry()

    def make_window() -> QWidget:
        window = QWidget()
        window.resize(room.width(), room.height())
        return window

    async def startup(window: QWidget) -> None:
        states.append(window.isMaximized())
        QTimer.singleShot(0, window.close)

    assert run(make_window, startup=startup) == 0
    assert states == [True]


def test_a_window_with_room_on_the_screen_keeps_its_size(restore_quit_policy):
    shown: list[tuple[bool, int, int]] = []
    room = QApplication.primaryScreen().availableGeometry()

    def make_window() -> QWidget:
        window = QWidget()
        window.resize(room.width() // 2, room.height() // 2)
        return window

    async def startup(window: QWidget) -> None:
        shown.append((window.isMaximized(), window.width(), window.height()))
        QTimer.singleShot(0, window.close)

    assert run(make_window, startup=startup) == 0
    assert shown == [(False, room.width() // 2, room.height() // 2)]


def test_a_full_screen_window_is_left_full_screen(restore_quit_policy):
    # The kiosk's window takes the whole screen, frameless: no title bar to make room for.
    states: list[Qt.WindowState] = []
    room = QApplication.primaryScreen().availableGeometry()

    def make_window() -> QWidget:
        window = QWidget()
        window.resize(room.width(), room.height())
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        return window

    async def startup(window: QWidget) -> None:
        states.append(window.windowState())
        QTimer.singleShot(0, window.close)

    assert run(make_window, startup=startup) == 0
    assert states == [Qt.WindowState.WindowFullScreen]
