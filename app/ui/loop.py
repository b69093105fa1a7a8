"""The GUI's event loop: qasync's, on the QApplication, from the window's first frame to its
close. Imported only once that frame is up (:func:`app.ui.app.run`): asyncio brings ssl, sockets
and subprocesses with it."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable

# app/ui/__init__.py has already set QT_API=pyside6, so qasync cannot pick another binding that
# happens to be installed.
import qasync  # type: ignore[import-untyped]
from PySide6.QtWidgets import QApplication, QWidget

from app import version
from app.core.services import clock
from app.ui.crash import CrashReporter


def serve(
    app: QApplication,
    window: QWidget,
    crash: CrashReporter,
    *,
    startup: Callable[[QWidget], Awaitable[None]] | None = None,
    shutdown: Callable[[], Awaitable[None]] | None = None,
) -> int:
    """Run the loop for ``window`` (shown): ``startup``, then until the quit event (the last
    window closed, Ctrl-C, SIGTERM), then ``shutdown``; returns the exit code (128 + the
    signal when one ended it)."""
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(_main(app, window, crash, startup, shutdown))


async def _main(
    app: QApplication,
    window: QWidget,
    crash: CrashReporter,
    startup: Callable[[QWidget], Awaitable[None]] | None,
    shutdown: Callable[[], Awaitable[None]] | None,
) -> int:
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
    if not window.isVisible():  # closed while its first frame was up, before these were heard
        quit_requested.set()
    try:
        if startup is not None:
            await _unless_quit(startup(window), quit_requested)
        # Not before the first frame: the version is read from the package's metadata, a
        # tenth of a second of imports (startup has usually read it by now, off this thread).
        app.setApplicationVersion(version())
        await quit_requested.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        if shutdown is not None:
            await shutdown()
    return 128 + stopped_by[0] if stopped_by else 0


async def _unless_quit(work: Awaitable[None], quit_requested: asyncio.Event) -> None:
    """Run ``work`` (startup) unless quitting comes first: startup may wait on a person (a
    damaged database waits for a manager), and closing the window, Ctrl-C or SIGTERM must still
    end the program. Its error, if it fails, is raised here."""
    task = asyncio.ensure_future(work)
    quitting = asyncio.ensure_future(quit_requested.wait())
    try:
        await asyncio.wait({task, quitting}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        quitting.cancel()
    if not task.done():
        await clock.cancel_and_wait(task)
        return
    task.result()
