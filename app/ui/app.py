"""Booting the GUI: one QApplication, one qasync loop, one crash path, one quit event."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

# app/ui/__init__.py has already set QT_API=pyside6, so qasync cannot pick another binding that
# happens to be installed, whatever the import order below.
import qasync  # type: ignore[import-untyped]
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, DISPLAY_NAME, version
from app.ui.crash import CrashReporter
from app.ui.language import install as install_language
from app.ui.resources import icon, style_sheet


def create_application(
    argv: Sequence[str] | None = None, *, language: str | None = None
) -> QApplication:
    """The QApplication (the existing one if there is one), named, themed and with its icon; in
    ``language`` (a ``language`` setting: ``auto``, ``id`` or ``en``) when one is given."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(version())
    QGuiApplication.setDesktopFileName(APP_NAME)
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(style_sheet("till"))
    if language is not None:
        # Before any widget is built: a widget's words are looked up when it is made.
        install_language(language, app)
    return app


def run(
    window_factory: Callable[[], QWidget],
    *,
    argv: Sequence[str] | None = None,
    startup: Callable[[QWidget], Awaitable[None]] | None = None,
    shutdown: Callable[[], Awaitable[None]] | None = None,
    crash_reporter: CrashReporter | None = None,
    support_bundle: Callable[[], Path] | None = None,
    language: str | None = None,
) -> int:
    """Run the GUI until its last window closes; returns the process exit code.

    ``window_factory`` runs inside the loop, so it may create tasks. ``startup`` runs after the
    window shows (open the database, start the sync worker); ``shutdown`` runs once before the
    loop ends, whatever ended it (close the httpx client and the engine here). Ctrl-C and SIGTERM
    end it the same way as closing the window (the exit code is then 128 + the signal), so a
    terminal or a service manager never leaves the database or a demo's folder behind.
    ``support_bundle`` is what the crash dialog offers to write (see :class:`CrashReporter`).
    ``language`` is the ``language`` setting (:mod:`app.ui.language`); ``None`` leaves the
    application's language as it is.
    """
    app = create_application(argv, language=language)
    crash = crash_reporter or CrashReporter(app, support_bundle=support_bundle)
    crash.install()
    # The quit event, not QApplication.quit(), ends the loop: quitting Qt first would stop the
    # event loop under a shutdown coroutine still awaiting its I/O.
    app.setQuitOnLastWindowClosed(False)

    async def main() -> int:
        quit_requested = asyncio.Event()
        stopped_by: list[int] = []
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(crash.loop_exception_handler)

        def stop(signum: int) -> None:
            stopped_by.append(signum)
            quit_requested.set()

        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop, signum)
        # aboutToQuit can fire twice (and from the session manager); Event.set is idempotent.
        app.aboutToQuit.connect(quit_requested.set)
        app.lastWindowClosed.connect(quit_requested.set)
        window = window_factory()
        window.show()
        try:
            if startup is not None:
                # Let the first frame paint before startup's work (imports, the database)
                # holds the thread: the cashier sees the window at once, then it fills in.
                await _after_pending_events()
                await startup(window)
            await quit_requested.wait()
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)
            if shutdown is not None:
                await shutdown()
        return 128 + stopped_by[0] if stopped_by else 0

    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(main())
    finally:
        crash.uninstall()


async def _after_pending_events() -> None:
    """Resume once Qt has delivered what is already posted (the window's first paint among it):
    a zero timer fires only after the posted events ahead of it."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def fire() -> None:
        if not future.done():
            future.set_result(None)

    QTimer.singleShot(0, fire)
    await future
