"""The one dialog an unexpected error ends in."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.os_reasons import os_reason
from app.ui.resources import icon


class ErrorDialog(QDialog):
    """Says something went wrong, that the till keeps its queue, and shows the details folded.

    Opened with ``open()`` from the crash path, so it never blocks the event loop that would
    otherwise keep syncing. Later errors are appended instead of stacking dialogs.

    With ``support_bundle`` (a callable that writes the bundle and returns where), it offers to
    write one: on a thread of its own, since it reads the logs and asks the server, and the
    window must go on answering meanwhile. ``bundle_finished(text, ok)`` says how it went.
    """

    bundle_finished = Signal(str, bool)

    def __init__(
        self,
        summary: str,
        details: str,
        parent: QWidget | None = None,
        support_bundle: Callable[[], Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.summary = QLabel(summary)
        self.summary.setObjectName("errorSummary")
        self.summary.setProperty("role", "heading")
        self.summary.setWordWrap(True)
        reassurance = QLabel(
            self.tr(
                "Redemptions already queued are safe and will still sync. "
                "If this keeps happening, tell a manager."
            )
        )
        reassurance.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = buttons.addButton(
            self.tr("Details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.details.setVisible)
        buttons.rejected.connect(self.reject)
        self._support_bundle = support_bundle
        self.bundle_status = QLabel()
        self.bundle_status.setObjectName("bundleStatus")
        self.bundle_status.setWordWrap(True)
        self.bundle_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_status.setVisible(False)
        self.bundle_button = buttons.addButton(
            self.tr("Save a support bundle"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.bundle_button.setVisible(support_bundle is not None)
        self.bundle_button.clicked.connect(self.write_support_bundle)
        self.bundle_finished.connect(self._bundle_written)
        warning = QLabel()
        warning.setPixmap(icon("warning").pixmap(40, 40))
        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(warning, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(reassurance)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.bundle_status)
        layout.addWidget(buttons)
        self.resize(560, 240)
        self.count = 1

    def add_error(self, summary: str, details: str) -> None:
        """Another error while this one is open: count it and keep its details."""
        self.count += 1
        self.summary.setText(
            self.tr("{summary} (and {more} more)").format(summary=summary, more=self.count - 1)
        )
        self.details.appendPlainText("\n" + details)

    def write_support_bundle(self) -> None:
        """Write the support bundle on a thread; the outcome arrives on ``bundle_finished``."""
        if self._support_bundle is None:
            return
        write = self._support_bundle
        self.bundle_button.setEnabled(False)
        self.bundle_status.setText(self.tr("Writing the support bundle…"))
        self.bundle_status.setVisible(True)

        def run() -> None:
            try:
                path = write()
            except OSError as exc:
                self.bundle_finished.emit(_folder_refused(exc), False)
            except Exception as exc:  # any failure is the dialog's to say, not a new crash
                self.bundle_finished.emit(f"{type(exc).__name__}: {exc}", False)
            else:
                self.bundle_finished.emit(str(path), True)

        threading.Thread(target=run, name="support-bundle", daemon=True).start()

    def _bundle_written(self, text: str, ok: bool) -> None:
        self.bundle_button.setEnabled(True)
        if ok:
            self.bundle_status.setText(
                self.tr("Support bundle saved to {path}. Give this file to support.").format(
                    path=text
                )
            )
        else:
            self.bundle_status.setText(
                self.tr("The support bundle could not be written: {reason}").format(reason=text)
            )


def _folder_refused(error: OSError) -> str:
    """Why the bundle's folder refused it: the OS's reason in the window's language (a full
    disk, a read-only folder), then where; Python's own spelling of it is English."""
    if not error.strerror:
        return f"{type(error).__name__}: {error}"
    reason = os_reason(error.strerror)
    return f"{reason} ({error.filename})" if error.filename else reason
