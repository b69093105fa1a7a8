"""Booting the GUI: one QApplication, one qasync loop, one crash path, one quit event.

The window is shown and its first frame painted before asyncio and qasync are imported and the
loop is made (a few hundredths of a second the person at the till would otherwise look at an
empty screen for: docs/performance.md); the loop then runs everything else.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from app import APP_NAME, DISPLAY_NAME
from app.ui.crash import CrashReporter
from app.ui.dialog_room import DialogRoom
from app.ui.focus import FocusReturn
from app.ui.language import install as install_language
from app.ui.plain_text import PlainTextLabels
from app.ui.resources import icon, style_sheet

#: How long the start waits for the window's first frame at most: a window that is never exposed
#: (a minimised session, a compositor that is slow to map it) must not hold the till's start.
FIRST_FRAME_WAIT_MS = 500


def create_application(
    argv: Sequence[str] | None = None,
    *,
    language: str | None = None,
    plain_labels: bool = True,
) -> QApplication:
    """The QApplication (the existing one if there is one), named, themed and with its icon,
    giving the keyboard back to the window under a dialog that closes (:mod:`app.ui.focus`); in
    ``language`` (a ``language`` setting: ``auto``, ``id`` or ``en``) when one is given. Its labels
    show their text as typed (:mod:`app.ui.plain_text`) unless ``plain_labels`` is false: then the
    caller installs that after its first frame, which it would otherwise delay."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    QGuiApplication.setDesktopFileName(APP_NAME)
    app.setWindowIcon(icon("app"))
    if plain_labels:
        PlainTextLabels.install(app)
    app.setStyleSheet(style_sheet("till"))
    # Without a window manager nobody else gives the keyboard back when a dialog closes.
    FocusReturn.install(app)
    # Qt gives a dialog at most two thirds of the screen's height: less than some need.
    DialogRoom.install(app)
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
    after_first_frame: Callable[[QWidget], None] | None = None,
    crash_reporter: CrashReporter | None = None,
    support_bundle: Callable[[], Path] | None = None,
    language: str | None = None,
) -> int:
    """Run the GUI until its last window closes; returns the process exit code.

    ``window_factory`` makes the window; it is shown and its first frame painted before the
    event loop exists (it must not need one). ``startup`` runs on the loop after that (open the
    database, start the sync worker); ``shutdown`` runs once before the loop ends, whatever ended
    it (close the httpx client and the engine here). ``after_first_frame`` runs right after the
    first frame, before the loop's modules load (the scanner filter, listening from then on).
    Ctrl-C and SIGTERM end it the same way as
    closing the window (the exit code is then 128 + the signal), so a terminal or a service
    manager never leaves the database or a demo's folder behind. ``support_bundle`` is what the
    crash dialog offers to write (see :class:`CrashReporter`). ``language`` is the ``language``
    setting (:mod:`app.ui.language`); ``None`` leaves the application's language as it is.
    """
    app = create_application(argv, language=language, plain_labels=False)
    crash = crash_reporter or CrashReporter(app, support_bundle=support_bundle)
    crash.install()
    try:
        # The quit event, not QApplication.quit(), ends the loop: quitting Qt first would stop
        # the event loop under a shutdown coroutine still awaiting its I/O.
        app.setQuitOnLastWindowClosed(False)
        window = window_factory()
        crash.report_over(window)
        if fit_to_screen(window):
            window.showMaximized()
        else:
            window.show()
        # Ask for the keyboard at once: the window's keys (F8 on the sign-in page) work only in
        # the active window, and a till has no one to click it first.
        window.activateWindow()
        # The first frame before anything else: the cashier sees the window at once, then it
        # fills in. Then ask for the keyboard once more: on an X server without a window manager
        # (a kiosk's bare session) the first ask can come before the window is mapped, and is lost.
        paint_first_frame(window)
        window.activateWindow()
        # Its labels as typed from here on (the starting page's too, polished again): not before
        # the frame, as the check creates the 15 ms of Qt's enums the first frame does without.
        PlainTextLabels.install(app)
        if after_first_frame is not None:
            after_first_frame(window)
        # Only now: asyncio (with ssl, sockets, subprocesses) and qasync load, and the loop.
        from app.ui.loop import serve

        return serve(app, window, crash, startup=startup, shutdown=shutdown)
    finally:
        crash.uninstall()


def fit_to_screen(window: QWidget) -> bool:
    """Make a window larger than its screen (the cashier's is laid out for 1366×768; a till may
    have 1024×768) as large as the screen allows, at its top left. Left as it was, its right part
    would be off the screen: seen on a bare X session, where no window manager shrinks it. The
    cashier page's narrow layout takes over from there (architecture §5).

    Returns whether to show it maximized: a window manager then fits the frame and all to the
    screen; sized to the screen alone, its title bar pushed the sync row 26 px under a 1024×600
    screen's edge (seen under X with openbox). Without one, the size set here stands. (Shown by
    ``showMaximized``: the state's flag would create Qt's namespace, 15 ms of enums, before the
    first frame.)"""
    screen = window.screen()
    if screen is None or window.isFullScreen():
        return False  # the kiosk's: the whole screen, no frame
    room = screen.availableGeometry()
    # A window manager's title bar comes on top of the window's own height.
    title_bar = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    if window.width() <= room.width() and window.height() + title_bar <= room.height():
        return False
    window.resize(window.size().boundedTo(room.size()))
    window.move(room.topLeft())
    return True


def paint_first_frame(window: QWidget, at_most_ms: int = FIRST_FRAME_WAIT_MS) -> None:
    """Return once ``window`` (shown) has painted its first frame, and what Qt had posted
    before it is delivered; after ``at_most_ms`` in any case. Runs Qt's own event loop: no
    asyncio loop exists yet."""
    app = QApplication.instance()
    assert app is not None
    waiting = QEventLoop()
    done = _FirstPaint(window, waiting)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(waiting.quit)
    give_up.start(at_most_ms)
    # On the application: the frame's first Paint may reach a child (the central page) first.
    app.installEventFilter(done)
    try:
        waiting.exec()
    finally:
        give_up.stop()
        app.removeEventFilter(done)


class _FirstPaint(QObject):
    """Ends ``waiting`` once the window's first Paint is delivered; a zero timer, so the paint
    pass (the whole frame, its children's paints too) finishes first."""

    def __init__(self, window: QWidget, waiting: QEventLoop) -> None:
        super().__init__()
        self.painted = False
        self.window = window
        self.waiting = waiting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.painted = True
            QTimer.singleShot(0, self.waiting.quit)
        return False
