"""The one dialog an unexpected error ends in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.resources import icon


class ErrorDialog(QDialog):
    """Says something went wrong, that the till keeps its queue, and shows the details folded.

    Opened with ``open()`` from the crash path, so it never blocks the event loop that would
    otherwise keep syncing. Later errors are appended instead of stacking dialogs.
    """

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
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
