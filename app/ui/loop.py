"""The GUI's event loop: qasync's, on the QApplication, from the window's first frame to its
close. Imported only once that frame is up (:func:`app.ui.app.run`): asyncio brings ssl, sockets
and subprocesses with it."""

from __future__ import annotations

import asyncio
import contextvars
import signal
from collections.abc import Awaitable, Callable

# app/ui/__init__.py has already set QT_API=pyside6, so qasync cannot pick another binding that
# happens to be installed.
import qasync  # type: ignore[import-untyped]
from PySide6.QtCore import QObject, QThread, QTimerEvent
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
    with asyncio.Runner(loop_factory=lambda: GuiLoop(app)) as runner:
        return runner.run(_main(app, window, crash, startup, shutdown))


class GuiLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync's loop, whose timers go the moment they are cancelled.

    qasync gives each callback a Qt timer and keeps a cancelled one until it would have fired.
    Every request's timeouts (httpx's read timeout, the lookup's wait) are cancelled a few
    milliseconds into their 3-30 s: a drain of 2,000 redemptions held some 1,700 of them at a
    time, each with the context of the request it guarded, so Qt juggled as many live timers and
    each full garbage collection on the GUI thread walked all they held, longer as the drain went
    on (docs/performance.md, "The GUI's timers"). Here a callback is an asyncio ``TimerHandle``,
    whose ``cancel`` tells the loop (``_timer_handle_cancelled``, asyncio's own hook), and the
    loop kills its Qt timer and lets it go.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._timer = _Timers()  # in place of qasync's (pinned to 0.28: its name is private)

    def call_later(
        self,
        delay: float,
        callback: Callable[..., object],
        *args: object,
        context: contextvars.Context | None = None,
    ) -> asyncio.TimerHandle:
        if asyncio.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with call_later")
        if not callable(callback):
            raise TypeError(f"callback must be callable: {type(callback).__name__}")
        handle = asyncio.TimerHandle(self.time() + delay, callback, args, self, context=context)
        return self._timer.add_callback(handle, delay)

    def _timer_handle_cancelled(self, handle: asyncio.TimerHandle) -> None:
        self._timer.forget(handle)


class _Timers(QObject):
    """One Qt timer per callback, as qasync's own, but forgotten when cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self._handles: dict[int, asyncio.TimerHandle] = {}
        # By identity: a TimerHandle compares and hashes by its time and callback.
        self._timer_of: dict[int, int] = {}
        self._stopped = False

    def add_callback(self, handle: asyncio.TimerHandle, delay: float = 0) -> asyncio.TimerHandle:
        timer = self.startTimer(int(max(0.0, delay) * 1000))
        self._handles[timer] = handle
        self._timer_of[id(handle)] = timer
        return handle

    def forget(self, handle: asyncio.TimerHandle) -> None:
        if QThread.currentThread() is not self.thread():
            return  # a Qt timer is killed on its own thread only: it fires, and finds it cancelled
        timer = self._timer_of.pop(id(handle), None)
        if timer is not None:
            self.killTimer(timer)
            del self._handles[timer]

    def timerEvent(self, event: QTimerEvent) -> None:
        timer = event.timerId()
        self.killTimer(timer)
        handle = self._handles.pop(timer, None)
        if handle is None:
            return
        del self._timer_of[id(handle)]
        if not self._stopped and not handle.cancelled():
            handle._run()

    def stop(self) -> None:
        self._stopped = True

    def set_debug(self, enabled: bool) -> None:
        """qasync's debug mode times each callback; these run without it."""


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
