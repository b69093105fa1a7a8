"""The one crash path: every unhandled error is logged and shown in a non-blocking dialog.

Errors reach it from three places: ``sys.excepthook`` (Qt slots, and qasync's ``@asyncSlot``
tasks, which call ``sys.excepthook`` themselves), the asyncio loop's exception handler (tasks
nobody awaited), and ``threading.excepthook`` (worker threads, marshalled to the GUI thread).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    # Neither is on the way to the window's first frame (docs/performance.md): asyncio comes
    # with the loop, the dialog with the first error.
    import asyncio

    from app.ui.dialogs.error_dialog import ErrorDialog

log = logging.getLogger(__name__)


def _refused_by_the_disk(exc: BaseException) -> bool:
    """Whether ``exc`` is a full or read-only disk refusing a write, or a database another
    program keeps locked, which the storage banner reports. Looked up, not imported: this module
    loads before the core, and no such error exists until the core does. (A damaged database or
    an I/O error stays an error report.)"""
    services = sys.modules.get("app.core.services")
    if services is None:
        return False
    kinds = tuple(
        kind
        for kind in (
            getattr(services, "StorageFull", None),
            getattr(services, "StorageReadOnly", None),
            getattr(services, "DatabaseBusy", None),
        )
        if isinstance(kind, type)
    )
    return bool(kinds) and isinstance(exc, kinds)


class CrashReporter(QObject):
    """Installs the excepthooks and owns the error dialog.

    ``show_dialogs=False`` logs only (headless runs). The dialog is opened with ``open()``: a
    modal ``exec()`` here would nest an event loop inside whatever coroutine failed.
    ``support_bundle``, when given, writes a support bundle and returns where: the dialog offers
    it (the bundle only reads the database; the queue is left as it is).

    The dialog goes over the window given to :meth:`report_over` (the till's main window), not
    over whatever window was active when the error came: that may be a dialog about to close
    (its Close, the till's lock), and a dialog takes the windows opened over it with it.
    Without one it is a window of its own, kept by ``dialog``.
    """

    _thread_error = Signal(str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        show_dialogs: bool = True,
        support_bundle: Callable[[], Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.show_dialogs = show_dialogs
        self.support_bundle = support_bundle
        self.dialog: ErrorDialog | None = None
        self.window: QWidget | None = None
        self._previous_excepthook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        # Emitted from a worker thread, delivered (queued) on the GUI thread that owns self.
        self._thread_error.connect(self._show)

    def install(self) -> None:
        """Route unhandled errors here (remembers the hooks it replaces)."""
        self._previous_excepthook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def report_over(self, window: QWidget) -> None:
        """Show reports over ``window``, the program's main window, which outlives its dialogs."""
        self.window = window

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_thread_hook

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: log the error and show it."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        if _refused_by_the_disk(exc):
            # The world, not a bug: the storage banner says it in the till's words (and a
            # support bundle could not be written either). Whatever it cut short is noted here.
            log.warning("an action was cut short by the disk: %s", exc)
            return
        log.error("Unhandled error", exc_info=(exc_type, exc, tb))
        summary, details = self._describe(exc_type, exc, tb)
        if QThread.currentThread() is self.thread():
            self._show(summary, details)
        else:
            self._thread_error.emit(summary, details)

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        """For ``loop.set_exception_handler``: a task's error nobody awaited."""
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.error("asyncio: %s", context.get("message", "unhandled error"))

    # -- internals ---------------------------------------------------------------------------

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @staticmethod
    def _describe(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> tuple[str, str]:
        # The core's exceptions never carry a token or a PIN in their message (architecture §6), so
        # the message and traceback may be shown and logged.
        summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        return summary, details

    def _show(self, summary: str, details: str) -> None:
        if not self.show_dialogs or not isinstance(QCoreApplication.instance(), QApplication):
            return
        if self.dialog is not None and not shiboken6.isValid(self.dialog):
            self.dialog = None  # gone with its window (the program closing): a new report
        if self.dialog is not None:
            self.dialog.add_error(summary, details)
            return
        from app.ui.dialogs.error_dialog import ErrorDialog

        window = self.window if self.window is not None and shiboken6.isValid(self.window) else None
        dialog = ErrorDialog(summary, details, window, support_bundle=self.support_bundle)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
