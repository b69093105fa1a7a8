"""Entering manager mode: a manager's name and PIN, checked by the till (with the lockout)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import FormField, hold_reason_room, line_edit, make_room

#: Longer than any PIN: the till says why a long one is wrong instead of cutting it silently.
PIN_INPUT_MAX = 64


class ManagerSignInDialog(QDialog):
    """Name (picked from the managers, or typed) and PIN. ``sign_in_requested(name, pin)`` on
    Enter in the PIN or "Enter manager mode" (Enter in the name goes on to the PIN); the PIN
    field is wiped at once. ``show_refusal`` says why the till refused (a wrong PIN, a lockout)
    and keeps the dialog open. Opened with ``open()``."""

    sign_in_requested = Signal(str, str)

    def __init__(self, managers: list[str], why: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerSignIn")
        self.setWindowTitle(self.tr("Manager mode"))
        self.setMinimumWidth(460)
        title = QLabel(self.tr("Manager sign-in"))
        title.setProperty("role", "title")
        self.why = QLabel(why)
        self.why.setObjectName("managerSignInWhy")
        self.why.setProperty("role", "muted")
        self.why.setWordWrap(True)
        self.why.setVisible(bool(why))
        self.names = QComboBox()
        self.names.setEditable(True)
        self.names.addItems(managers)
        typed = self.names.lineEdit()
        assert typed is not None  # an editable combo box has one
        typed.setMaxLength(100)
        self.name = FormField(self.tr("Manager"), self.names, name="managerName")
        self.pin_field = line_edit(max_length=PIN_INPUT_MAX, secret=True)
        self.pin = FormField(self.tr("PIN"), self.pin_field, name="managerPin")
        self.refusal = QLabel()
        self.refusal.setObjectName("managerSignInRefusal")
        self.refusal.setProperty("role", "error")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        # Two lines kept for it, said or not: "Wrong PIN for Wayan…" pushed "Enter manager
        # mode" down under the pointer of a manager about to try again.
        hold_reason_room(self.refusal)
        buttons = QDialogButtonBox()
        self.enter_button = buttons.addButton(
            self.tr("Enter manager mode"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.enter_button.setObjectName("managerSignInEnter")
        self.enter_button.setProperty("role", "primary")
        self.enter_button.setDefault(True)
        self.cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setObjectName("managerSignInCancel")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.pin_field.returnPressed.connect(self.submit)
        # Enter after the name goes on to the PIN: it fell through to "Enter manager mode" and
        # sent an empty PIN, a wrong PIN that counts towards the lock and ends a manager's
        # session.
        self.names.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.why)
        layout.addWidget(self.name)
        layout.addWidget(self.pin)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        if managers:
            self.pin_field.setFocus()
        else:
            self.names.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.names
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.pin_field.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        """Ask the till to check the name and PIN typed (the PIN field is wiped at once)."""
        name = self.names.currentText()
        pin = self.pin_field.text()
        self.pin_field.clear()
        self.refusal.hide()
        self.enter_button.setEnabled(False)
        self.sign_in_requested.emit(name, pin)

    def show_refusal(self, reason: str) -> None:
        """Why the till refused; the manager may try again."""
        self.refusal.setText(reason)
        self.refusal.show()
        make_room(self)
        self.enter_button.setEnabled(True)
        self.pin_field.setFocus()

    def refusal_text(self) -> str:
        """The refusal shown, or ``""``."""
        return self.refusal.text() if not self.refusal.isHidden() else ""
