"""The customer's PIN, asked for in a dialog that stays open while the till checks it."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import QDialog, QLabel, QStyle, QVBoxLayout, QWidget

from app.ui.widgets.pin_pad import PinPad

#: The lowest a key gets on a short screen: a fingertip's target (the kiosk's floor too).
KEY_LOWEST_PX = 48


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
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.pad)
        self.pad.setFocus()

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            self._fit_the_screen()
        super().setVisible(visible)

    def _fit_the_screen(self) -> None:
        """On a screen shorter than the pad (1366×768 at a desktop scale of 125% is 614 px
        high to Qt) the keys give up height, down to :data:`KEY_LOWEST_PX`: at the style's
        height the dialog's Cancel and OK were below the screen's edge. Done before the dialog
        is shown, so that Qt sizes and centres it as it is."""
        self.ensurePolished()
        self.pad.keep_the_prompt_s_room()
        layout = self._layout
        layout.activate()
        over = layout.totalSizeHint().height() + self._title_bar() - self._room().height()
        if over > 0:
            height = self.pad.key_height() - math.ceil(over / self.pad.key_rows())
            self.pad.lower_keys(max(KEY_LOWEST_PX, height))
            # The pad's hint, and the dialog's smallest size taken from it, are the old keys'
            # until their layouts are asked again: Qt would size the dialog by them.
            self.pad.relayout()
            layout.invalidate()
            layout.activate()

    def _title_bar(self) -> int:
        """The height a window manager adds above the dialog: known once it has been shown,
        else the style's guess for one."""
        frame = self.frameGeometry().height() - self.geometry().height()
        if frame > 0:
            return frame
        return self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, self)

    def _room(self) -> QRect:
        """Where the dialog must fit: the till's window (sized to its screen), on the screen;
        not a dialog it is opened over (a manager's decision), which is smaller than the pad."""
        room = self.screen().availableGeometry()
        till = self.parentWidget()
        while till is not None and till.window().parentWidget() is not None:
            till = till.window().parentWidget()
        if till is not None:
            room = room.intersected(till.window().frameGeometry())
        return room

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
