"""The first real start of a till without a manager: one is set up before anything else (name,
and a PIN typed twice). Also the step before a damaged database is set aside when none of its
managers can be read: the person who decides becomes the new database's first manager."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.form import FormField, focus_pin_to_type_again, line_edit

NAME_INPUT_MAX = 100
PIN_INPUT_MAX = 64


class FirstManagerView(QWidget):
    """Name, PIN, PIN again, and "Create the manager". ``create_requested(name, pin, again)``;
    the PIN fields are wiped at once. Each field says beside it why a value was refused."""

    create_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstManagerPage")
        self.title = QLabel(self.tr("Set up this till's first manager"))
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.explain = QLabel(
            self.tr(
                "Managers cancel redemptions, decide on the ones the server refused, add "
                "cashiers and change the settings. Choose a name and a PIN of 6 to 8 digits "
                "that is not easy to guess."
            )
        )
        self.explain.setObjectName("firstManagerExplain")
        self.explain.setProperty("role", "muted")
        self.explain.setWordWrap(True)
        self.scan_note = QLabel()
        self.scan_note.setObjectName("firstManagerScanNote")
        self.scan_note.setProperty("role", "error")
        self.scan_note.setWordWrap(True)
        self.scan_note.hide()
        self.name_edit = line_edit(max_length=NAME_INPUT_MAX)
        self.pin_edit = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        self.again_edit = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        self.name = FormField(self.tr("Name"), self.name_edit, name="firstManagerName")
        self.pin = FormField(self.tr("PIN"), self.pin_edit, name="firstPin")
        self.again = FormField(self.tr("PIN again"), self.again_edit, name="firstPinAgain")
        self.create_button = QPushButton(self.tr("Create the manager"))
        self.create_button.setObjectName("firstManagerCreate")
        self.create_button.setProperty("role", "primary")
        self.create_button.clicked.connect(self.submit)
        for edit in (self.name_edit, self.pin_edit, self.again_edit):
            edit.returnPressed.connect(self.submit)
            edit.textEdited.connect(self.scan_note.hide)

        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(520)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(self.explain)
        inner.addWidget(self.scan_note)
        inner.addWidget(self.name)
        inner.addWidget(self.pin)
        inner.addWidget(self.again)
        inner.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def set_purpose(self, title: str, explain: str) -> None:
        """Other words for the page (before a damaged database is set aside)."""
        self.title.setText(title)
        self.explain.setText(explain)

    def focus(self) -> None:
        """Put the cursor in the name."""
        self.name_edit.setFocus()

    def say_scan_not_read(self, said: str) -> None:
        """A card was scanned here: ``said`` stands above the fields until the next typing."""
        self.scan_note.setText(said)
        self.scan_note.show()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Reasons beside the fields (``name``, ``pin``, ``again``; none hides them all); the
        cursor goes to the first field to type again."""
        fields = {"name": self.name, "pin": self.pin, "again": self.again}
        for key, field in fields.items():
            field.set_error(errors.get(key, ""))
        focus_pin_to_type_again(self.name, self.pin, self.again)

    def submit(self) -> None:
        """Ask for the manager to be created (the PINs are wiped from their fields at once)."""
        for field in (self.name, self.pin, self.again):
            field.set_error("")
        self.scan_note.hide()
        name, pin, again = self.name_edit.text(), self.pin_edit.text(), self.again_edit.text()
        self.pin_edit.clear()
        self.again_edit.clear()
        self.create_requested.emit(name, pin, again)
