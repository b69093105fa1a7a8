"""A damaged database at start: the window says so, lists the queued and unknown redemptions
that can still be read from it, and sets it aside only when a manager confirms (issue 11). With
none of its managers readable, the first-manager setup comes first (app/ui/first_manager.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import FormField, line_edit

NAME_INPUT_MAX = 100
PIN_INPUT_MAX = 64


class DamagedDatabaseView(QWidget):
    """What the damaged database holds, and a manager's name and PIN to set it aside.
    ``confirm_requested(name, pin)`` (the PIN wiped at once); ``quit_requested()`` leaves it as
    it is and closes the till."""

    confirm_requested = Signal(str, str)
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedPage")
        title = QLabel(self.tr("The till's database is damaged"))
        title.setProperty("role", "title")
        title.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setObjectName("damagedExplain")
        self.explain.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("damagedProblem")
        self.problem.setProperty("role", "muted")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.entries_title = QLabel()
        self.entries_title.setObjectName("damagedEntriesTitle")
        self.entries_title.setProperty("role", "heading")
        self.entries_title.setWordWrap(True)
        self.entries = QPlainTextEdit()
        self.entries.setObjectName("damagedEntries")
        self.entries.setReadOnly(True)
        self.name_edit = line_edit(max_length=NAME_INPUT_MAX)
        self.pin_edit = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        self.name = FormField(self.tr("Manager"), self.name_edit, name="damagedManager")
        self.pin = FormField(self.tr("PIN"), self.pin_edit, name="damagedPin")
        self.refusal = QLabel()
        self.refusal.setObjectName("damagedRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.confirm_button = QPushButton(self.tr("Set it aside and start a new database"))
        self.confirm_button.setObjectName("damagedConfirm")
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.clicked.connect(self.submit)
        self.pin_edit.returnPressed.connect(self.submit)
        self.quit_button = QPushButton(self.tr("Leave it and close the till"))
        self.quit_button.setObjectName("damagedQuit")
        self.quit_button.clicked.connect(self.quit_requested)

        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(820)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 20, 28, 20)
        inner.setSpacing(8)
        inner.addWidget(title)
        inner.addWidget(self.explain)
        inner.addWidget(self.problem)
        inner.addWidget(self.entries_title)
        inner.addWidget(self.entries, 1)
        inner.addWidget(self.name)
        inner.addWidget(self.pin)
        inner.addWidget(self.refusal)
        inner.addWidget(self.confirm_button)
        inner.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(card, 1, Qt.AlignmentFlag.AlignHCenter)

    def set_damage(
        self, path: str, problem: str, entries: list[str], complete: bool, ask_manager: bool
    ) -> None:
        """What was found; ``ask_manager`` when one of its managers can still vouch (else the
        first-manager setup comes first, and this page only confirms)."""
        self.explain.setText(
            self.tr(
                "{path} failed its check. Nothing has been changed. A manager decides: set it "
                "aside (it is kept, with a timestamp) and start this till on a new, empty "
                "database, or leave it and close the till."
            ).format(path=path)
        )
        self.problem.setText(problem)
        if entries:
            title = (
                self.tr(
                    "It still holds {count} queued, sending or unknown redemption. Once it is set "
                    "aside, add it back with: stamps-pos outbox import FILE --manager NAME"
                )
                if len(entries) == 1
                else self.tr(
                    "It still holds {count} queued, sending or unknown redemptions. Once it is "
                    "set aside, add them back with: stamps-pos outbox import FILE --manager NAME"
                )
            ).format(count=len(entries))
        else:
            title = self.tr("No queued, sending or unknown redemption can be read from it.")
        if not complete:
            title += " " + self.tr("Some of its rows could not be read.")
        self.entries_title.setText(title)
        self.entries.setPlainText("\n".join(entries))
        self.name.setVisible(ask_manager)
        self.pin.setVisible(ask_manager)

    def submit(self) -> None:
        """Ask to set the database aside on this manager's word (the PIN wiped at once)."""
        name, pin = self.name_edit.text(), self.pin_edit.text()
        self.pin_edit.clear()
        self.refusal.hide()
        self.confirm_requested.emit(name, pin)

    def show_refusal(self, reason: str) -> None:
        """Why it was not set aside."""
        self.refusal.setText(reason)
        self.refusal.show()
