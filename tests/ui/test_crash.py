"""One crash path: excepthook, async slots and the loop's handler all end in one dialog."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot
from qasync import asyncSlot

from app.ui.crash import CrashReporter

from ..support.languages import speaking
from ..support.windows import make_active


@pytest.fixture
def reporter(qapp) -> Iterator[CrashReporter]:
    reporter = CrashReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.reject()  # finished: the reporter forgets and deletes it


def boom() -> None:
    raise RuntimeError("the member cache could not be read")


def raise_into(reporter: CrashReporter) -> None:
    try:
        boom()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_an_unhandled_error_is_logged_and_shown_without_blocking(
    qtbot: QtBot, reporter: CrashReporter, caplog: pytest.LogCaptureFixture
):
    with caplog.at_level(logging.ERROR, logger="app.ui.crash"):
        raise_into(reporter)

    assert "Unhandled error" in caplog.text
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert "the member cache could not be read" in reporter.dialog.summary.text()
    assert "Traceback" in reporter.dialog.details.toPlainText()


def test_more_errors_join_the_open_dialog(qtbot: QtBot, reporter: CrashReporter, caplog):
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
        first = reporter.dialog
        raise_into(reporter)
    assert reporter.dialog is first
    assert "(and 1 more)" in first.summary.text()


def test_closing_the_dialog_lets_the_next_error_open_a_new_one(qtbot, reporter, caplog):
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
        reporter.dialog.reject()
        assert reporter.dialog is None
        raise_into(reporter)
    assert reporter.dialog is not None


class Screen(QObject):
    """A view-like object with an async slot that fails, as a controller's might."""

    @asyncSlot()
    async def look_up(self) -> None:
        await asyncio.sleep(0)
        boom()


def test_an_async_slot_error_arrives_in_the_same_dialog(
    qtbot: QtBot, qasync_loop, reporter: CrashReporter, caplog
):
    screen = Screen()
    with caplog.at_level(logging.CRITICAL):
        screen.look_up()
        qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "RuntimeError" in reporter.dialog.summary.text()


def test_a_task_nobody_awaited_arrives_through_the_loop_handler(qtbot, reporter, caplog):
    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.CRITICAL):
            reporter.loop_exception_handler(
                loop, {"message": "Task exception was never retrieved", "exception": KeyError(1)}
            )
    finally:
        loop.close()
    assert "KeyError" in reporter.dialog.summary.text()


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot, reporter, caplog):
    with caplog.at_level(logging.CRITICAL):
        worker = threading.Thread(target=boom)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "RuntimeError" in reporter.dialog.summary.text()


def test_ctrl_c_is_not_an_error_dialog(qtbot, reporter: CrashReporter, monkeypatch):
    seen = []
    monkeypatch.setattr(reporter, "_previous_excepthook", lambda *args: seen.append(args[0]))
    reporter.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert reporter.dialog is None


# --- the support bundle, offered by the dialog ---------------------------------------------


@pytest.fixture
def bundle_reporter(qapp, tmp_path) -> Iterator[tuple[CrashReporter, list[str]]]:
    """A reporter whose support bundle writes a file in tmp_path and notes its thread."""
    threads: list[str] = []

    def write() -> Path:
        threads.append(threading.current_thread().name)
        out = tmp_path / "bundle.zip"
        out.write_bytes(b"PK")
        return out

    reporter = CrashReporter(support_bundle=write)
    reporter.install()
    yield reporter, threads
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.reject()


def test_the_dialog_offers_a_support_bundle_and_writes_it_off_the_gui_thread(
    qtbot: QtBot, bundle_reporter, tmp_path, caplog
):
    reporter, threads = bundle_reporter
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    dialog = reporter.dialog
    assert dialog.bundle_button.isVisible()
    with qtbot.waitSignal(dialog.bundle_finished, timeout=5000):
        qtbot.mouseClick(dialog.bundle_button, Qt.MouseButton.LeftButton)
    assert threads == ["support-bundle"]
    assert str(tmp_path / "bundle.zip") in dialog.bundle_status.text()
    assert dialog.bundle_button.isEnabled()


@pytest.mark.parametrize(
    ("language", "said", "why"),
    [
        ("en", "could not be written", "No space left on device (/media/usb/bundle.zip)"),
        ("id", "tidak bisa ditulis", "ruang disk habis (/media/usb/bundle.zip)"),
    ],
)
def test_a_bundle_that_cannot_be_written_says_why_in_the_dialog(
    qtbot: QtBot, qapp, caplog, language: str, said: str, why: str
):
    def full() -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/usb/bundle.zip")

    reporter = CrashReporter(support_bundle=full)
    reporter.install()
    try:
        with speaking(language):
            with caplog.at_level(logging.CRITICAL):
                raise_into(reporter)
            dialog = reporter.dialog
            with qtbot.waitSignal(dialog.bundle_finished, timeout=5000):
                dialog.bundle_button.click()
            status = dialog.bundle_status.text()
        # The OS's reason in the window's language, not Python's "OSError: [Errno 28] ..."
        assert said in status
        assert status.endswith(why)
        assert "Errno" not in status
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.reject()


def test_without_a_bundle_writer_nothing_is_offered(qtbot: QtBot, reporter, caplog):
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    assert not reporter.dialog.bundle_button.isVisible()


def test_a_disk_that_refuses_is_not_an_error_report(
    qtbot: QtBot, reporter: CrashReporter, caplog: pytest.LogCaptureFixture, tmp_path: Path
):
    # A full disk is the world, not a bug: the storage banner says it, and a support bundle
    # could not even be written. An action it cut short is logged in one line.
    from app.core.services import StorageFull

    with caplog.at_level(logging.WARNING, logger="app.ui.crash"):
        try:
            raise StorageFull("database or disk is full", tmp_path / "stamps-pos.db")
        except StorageFull:
            sys.excepthook(*sys.exc_info())
    assert reporter.dialog is None
    assert "is full" in caplog.text and "Traceback" not in caplog.text


def test_a_database_another_program_keeps_locked_is_not_an_error_report(
    qtbot: QtBot, reporter: CrashReporter, caplog: pytest.LogCaptureFixture, tmp_path: Path
):
    # an sqlite3 shell left in a transaction: the storage banner says it (a sign-in it cut
    # short opened the error dialog, "DatabaseBusy: ..." over the sign-in page)
    from app.core.services import DatabaseBusy

    with caplog.at_level(logging.WARNING, logger="app.ui.crash"):
        try:
            raise DatabaseBusy("held by another program", tmp_path / "stamps-pos.db")
        except DatabaseBusy:
            sys.excepthook(*sys.exc_info())
    assert reporter.dialog is None
    assert "held by another program" in caplog.text and "Traceback" not in caplog.text


# --- the report outlives the window it came over --------------------------------------------


def an_active_dialog_over(qtbot: QtBot, window: QMainWindow) -> QDialog:
    """A dialog of the window, the active one when the error comes (an entry's details, a form),
    deleted once closed as the window's dialogs are."""
    dialog = QDialog(window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    make_active(qtbot, dialog)
    return dialog


@pytest.mark.parametrize("over_the_window", [True, False], ids=["the app's window", "none given"])
def test_the_report_stays_when_the_dialog_it_came_over_closes(
    qtbot: QtBot, reporter: CrashReporter, caplog, over_the_window: bool
):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    if over_the_window:
        reporter.report_over(window)  # as the app does with its window
    dialog = an_active_dialog_over(qtbot, window)
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    report = reporter.dialog
    assert report is not None and report.isVisible()
    # The dialog that was active closes (its Close, the till's lock): the failure stays said.
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
    assert shiboken6.isValid(report) and report.isVisible()
    if over_the_window:
        assert report.parentWidget() is window  # over the till, whatever else closes
    # The next error still reaches the person at the till: in the same report...
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    assert reporter.dialog is report and "(and 1 more)" in report.summary.text()
    # ...and in a new one once that is closed.
    report.reject()
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    assert reporter.dialog is not None and reporter.dialog.isVisible()


def test_a_report_gone_with_its_window_leaves_room_for_the_next(
    qtbot: QtBot, reporter: CrashReporter, caplog
):
    window = QMainWindow()
    reporter.report_over(window)
    window.show()
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    report = reporter.dialog
    assert report is not None
    # The window goes (the program closing) with its report; an error after it is still said.
    with qtbot.waitSignal(report.destroyed):
        window.deleteLater()
    with caplog.at_level(logging.CRITICAL):
        raise_into(reporter)
    assert reporter.dialog is not None and reporter.dialog.isVisible()
