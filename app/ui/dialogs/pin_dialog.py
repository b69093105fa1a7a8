"""The customer's PIN, asked for in a dialog that stays open while the till checks it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.ui.widgets.pin_pad import PinPad


class PinDialog(QDialog):
    """Wraps a :class:`PinPad` for a PIN-protected member.

    Flow for the controller: ``open()``; on ``pin_submitted(pin)`` call authorize (the pad is
    already wiped and the keys are disabled); then ``accept()`` on success, or
    ``show_failure(message, attempts_left)`` to let the customer try again. Cancelling rejects.
    The pad wipes itself whenever the dialog hides.
    """

    pin_submitted = Signal(str)

    def __init__(self, member_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Member PIN"))
        title = QLabel(self.tr("PIN for {name}").format(name=member_name))
        title.setProperty("role", "title")
        title.setWordWrap(True)
        # Room for three lines: the core's longest answer here (the PIN could not be checked)
        # takes three at the dialog's width, in either language.
        self.pad = PinPad(prompt_lines=3)
        self.pad.submitted.connect(self._on_submitted)
        self.pad.cancelled.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.pad)
        self.pad.setFocus()

    def show_failure(self, message: str, attempts_left: int | None) -> None:
        """The server refused the PIN: say why and how many tries remain, and take a new PIN."""
        self.pad.wipe()
        self.pad.set_prompt(message)
        self.pad.set_attempts_left(attempts_left)
        self.pad.set_busy(False)
        self.pad.setFocus()

    def _on_submitted(self, pin: str) -> None:
        self.pad.set_prompt(self.tr("Checking the PIN…"))
        self.pad.set_busy(True)
        self.pin_submitted.emit(pin)
