"""The manager's way out of the kiosk, opened by holding a corner for five seconds: a manager's
name, their PIN on the keypad (the till's accounts and lockout), then "Leave kiosk mode" or back
to the kiosk."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QWidget

from app.core.services import ClockWarning
from app.ui.clock_words import clock_fact
from app.ui.kiosk.keypad import PAD_WIDEST, KioskKeypad
from app.ui.kiosk.pages import KioskPage, button, density, label

#: A manager's PIN has 6 to 8 digits (docs/manager-mode.md).
MANAGER_PIN_MIN, MANAGER_PIN_MAX = 6, 8


#: A line that draws nothing but has a line's height.
ROOM_LINE = "\u00a0"


class KioskManagerPage(KioskPage):
    """Name, PIN, then what to do. ``pin_entered(name, pin)`` on OK; ``leave_requested()``;
    ``cancelled()`` (back to the kiosk, from any step); ``step_shown()`` whenever another step
    comes up (another screen to the tap guard)."""

    pin_entered = Signal(str, str)
    step_shown = Signal()
    leave_requested = Signal()
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__("kioskManager")
        self.heading = label("kioskManagerHeading", "kioskHeading")
        self.refusal = label("kioskManagerRefusal", "kioskWarning")
        # Its room is kept while empty: a wrong PIN said above the pad pushed every key down
        # under the finger of a manager typing it again.
        policy = self.refusal.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.refusal.setSizePolicy(policy)
        self.refusal.hide()
        # Said to a signed-in manager only: the customers at the kiosk cannot set the time.
        self.clock_note = label("kioskManagerClock", "kioskWarning")
        self.clock_note.hide()
        self._clock: ClockWarning | None = None
        self.steps = QStackedWidget()
        # 1: who
        self.names_step = QWidget()
        self.names_column = QHBoxLayout(self.names_step)
        self.names_column.setSpacing(24)
        self.name_buttons: list[QPushButton] = []
        # 2: their PIN
        self.keypad = KioskKeypad(
            secret=True,
            min_length=MANAGER_PIN_MIN,
            max_length=MANAGER_PIN_MAX,
            name="kioskManagerKeypad",
        )
        self.keypad.submitted.connect(self._submitted)
        # 3: what to do
        self.signed_in_step = QWidget()
        actions = QHBoxLayout(self.signed_in_step)
        actions.setSpacing(24)
        self.leave = button("kioskManagerLeave", "kioskDanger")
        self.leave.clicked.connect(self.leave_requested)
        actions.addWidget(self.leave)
        self.pin_step = QWidget()
        centred = QHBoxLayout(self.pin_step)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        for step in (self.names_step, self.pin_step, self.signed_in_step):
            self.steps.addWidget(step)
        self.cancel = button("kioskManagerCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.refusal)
        self.column.addWidget(self.clock_note)
        self.column.addWidget(self.steps, 1)
        self.column.addWidget(self.cancel)
        self._name = ""
        self._names: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.leave.setText(self.tr("Leave kiosk mode"))
        self.cancel.setText(self.tr("Back to the kiosk"))
        self.keypad.retranslate()
        self._say_step()

    def fit(self, size: QSize) -> None:
        super().fit(size)
        self.keypad.setMinimumWidth(min(PAD_WIDEST, self.across(size)))
        self.keypad.fit(density(size) == "short")
        self._hold_refusal_room()

    def _hold_refusal_room(self) -> None:
        # Two lines, whether the refusal takes one ("Wrong PIN…" lying) or two (standing, or
        # locked out), so the pad under it never moves when it is said.
        said = self.refusal.text()
        self.refusal.setMinimumHeight(0)
        self.refusal.setText(f"{ROOM_LINE}\n{ROOM_LINE}")
        self.refusal.setMinimumHeight(self.refusal.sizeHint().height())
        self.refusal.setText(said)

    def _submitted(self, pin: str) -> None:
        # The keys are off until the answer (show_refusal, signed_in), as on the customers' PIN
        # pads: digits typed during a check that failed stayed on the pad as dots.
        self._checking(True)
        self.pin_entered.emit(self._name, pin)

    def _checking(self, checking: bool) -> None:
        self.keypad.set_busy(checking)
        self._say_step()

    def ask_name(self, names: list[str]) -> None:
        """Step one: the managers to pick from (none: the kiosk cannot be left here)."""
        self._names = list(names)
        self._name = ""
        for old in self.name_buttons:
            old.deleteLater()
        self.name_buttons = []
        for name in names:
            pick = button(f"kioskManagerName_{len(self.name_buttons)}")
            pick.setText(name)
            pick.clicked.connect(lambda _=False, name=name: self.ask_pin(name))
            self.names_column.addWidget(pick)
            self.name_buttons.append(pick)
        self.refusal.hide()
        self._show_step(self.names_step)

    def ask_pin(self, name: str) -> None:
        """Step two: ``name``'s PIN."""
        self._name = name
        self.keypad.set_busy(False)
        self.keypad.wipe()
        self._hold_refusal_room()
        self._show_step(self.pin_step)

    def signed_in(self) -> None:
        """Step three: a manager is in; leave, or go back to the kiosk."""
        self.refusal.hide()
        self.keypad.set_busy(False)
        self._show_step(self.signed_in_step)

    def set_clock(self, warning: ClockWarning | None) -> None:
        """What is wrong with the till's clock (``None``: nothing), said once a manager is in."""
        self._clock = warning
        self._say_step()

    def show_refusal(self, text: str) -> None:
        """Why the PIN was not taken (wrong, locked out); the manager may try again."""
        self.refusal.setText(text)
        self.refusal.show()
        self._checking(False)

    def say_card_not_read(self) -> None:
        """A card scanned while the PIN was typed: the pad was emptied (its digits and the
        card's), and the manager is told why, where it went without a word."""
        self.show_refusal(self.tr("Card not read, and the PIN emptied: type the PIN again."))

    def _show_step(self, step: QWidget) -> None:
        self.steps.setCurrentWidget(step)
        self._say_step()
        self.step_shown.emit()

    def step(self) -> str:
        """``name``, ``pin`` or ``signed_in``."""
        current = self.steps.currentWidget()
        if current is self.pin_step:
            return "pin"
        return "signed_in" if current is self.signed_in_step else "name"

    def _say_step(self) -> None:
        step = self.step()
        if step == "name":
            self.heading.setText(
                self.tr("Manager: who are you?")
                if self._names
                else self.tr(
                    "No manager account on this till. Add one with: stamps-pos manager add"
                )
            )
        elif step == "pin" and self.keypad.busy():
            self.heading.setText(self.tr("{name}: checking your PIN…").format(name=self._name))
        elif step == "pin":
            self.heading.setText(self.tr("{name}: enter your PIN").format(name=self._name))
        else:
            self.heading.setText(self.tr("Manager {name}").format(name=self._name))
        clock = self._clock if step == "signed_in" else None
        self.clock_note.setText(
            self.tr("{fact}: leave kiosk mode and set the time.").format(fact=clock_fact(clock))
            if clock is not None
            else ""
        )
        self.clock_note.setVisible(clock is not None)
