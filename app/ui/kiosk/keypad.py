"""The kiosk's number keypad: large keys for a phone number or a manager's PIN, on screen and on a
USB numpad (NumLock on or off) where the kiosk has one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.widgets.digit_buffer import DigitBuffer
from app.ui.widgets.numpad import KEYPAD_DIGITS_PROPERTY, typed_digit
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY
from app.ui.widgets.torn_down import torn_down

#: A key is never narrower than this; its height is kiosk.qss's least for the screen (never
#: under the 48 px floor, docs/kiosk.md) and grows with the room there is, up to KEY_TALLEST.
KEY_NARROWEST = 96
KEY_TALLEST = 120
#: A pad (this keypad, the PIN pad) is this wide, or the screen's width inside its margins.
PAD_WIDEST = 720
#: Room between the keys, and on a short screen: under the demo's panel on a 1024×600 screen
#: the manager's pad, its refusal's two lines kept above it, lost its OK below its edge.
KEY_GAP, SHORT_KEY_GAP = 12, 8


class KioskKeypad(QWidget):
    """Digits typed by touch or on a numpad into this object's memory, shown as typed or
    (``secret``) as dots.

    ``submitted(text)`` hands the digits out once, on "OK", and wipes them; they are wiped too
    when the pad hides, so nothing typed outlives the screen it was typed on.
    """

    submitted = Signal(str)

    def __init__(
        self,
        *,
        secret: bool,
        min_length: int,
        max_length: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMaximumWidth(PAD_WIDEST)
        self.secret = secret
        self.min_length = min_length
        self.max_length = max_length
        self._digits = DigitBuffer(max_length)
        #: The digits are being checked (``set_busy``): no key types.
        self._busy = False
        # A PIN's keys go straight in (a PIN never waits in the scanner filter), and a card
        # scanned onto it is taken back. A phone number is no secret: its keys go through the
        # filter, so a card scanned on the phone screen is read as on welcome.
        self.setProperty(EXEMPT_PROPERTY, secret)
        self.setProperty(KEYPAD_DIGITS_PROPERTY, True)
        # The pad takes the keyboard when it shows (showEvent): a USB numpad typed nowhere.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.display = QLabel()
        self.display.setObjectName("kioskKeypadDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._keys = keys = QGridLayout()
        keys.setSpacing(KEY_GAP)
        self._digit_keys: list[QPushButton] = []
        for index, digit in enumerate("123456789"):
            keys.addWidget(self._digit_key(digit), index // 3, index % 3)
        self.clear_key = self._key("", self.wipe)
        self.clear_key.setObjectName("kioskKeyClear")
        keys.addWidget(self.clear_key, 3, 0)
        keys.addWidget(self._digit_key("0"), 3, 1)
        self.back_key = self._key("⌫", self.backspace)
        self.back_key.setObjectName("kioskKeyBack")
        keys.addWidget(self.back_key, 3, 2)
        self.ok_key = self._key("", self.submit)
        self.ok_key.setObjectName("kioskKeyOk")
        self.ok_key.setProperty("role", "primary")
        keys.addWidget(self.ok_key, 4, 0, 1, 3)
        for column in range(3):  # three columns alike: "Clear all"'s words widened its own
            keys.setColumnStretch(column, 1)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(KEY_GAP)
        # The keys take the room there is, up to their tallest; what is left goes above and below,
        # so the display stays with the keys on a tall screen. (A layout shares the whole height
        # by stretch, so the keys' factor is large enough for them to take it first.)
        layout.addStretch(1)
        layout.addWidget(self.display)
        layout.addLayout(keys, 20)
        layout.addStretch(1)
        self.retranslate()

    def fit(self, short: bool) -> None:
        """Lay the keys out for a short screen (``short``: closer together) or another."""
        gap = SHORT_KEY_GAP if short else KEY_GAP
        self._keys.setSpacing(gap)
        self._layout.setSpacing(gap)

    def retranslate(self) -> None:
        """Set the keys' words in the language now installed."""
        self.clear_key.setText(self.tr("Clear all"))
        self.back_key.setAccessibleName(self.tr("Delete last digit"))
        self.ok_key.setText(self.tr("OK"))
        self._refresh()

    # -- typing -----------------------------------------------------------------------------

    def press(self, digit: str) -> None:
        """Add one digit (ignored beyond ``max_length``, or while busy)."""
        if not self._busy and self._digits.append(digit):
            self._refresh()

    def backspace(self) -> None:
        """Remove the last digit."""
        if self._digits.erase():
            self._refresh()

    def wipe(self) -> None:
        """Forget every digit typed."""
        if torn_down(self, "_digits"):
            return  # the digits went with the rest of the pad (its last hide, at teardown)
        self._digits.wipe()
        self._refresh()

    def submit(self) -> None:
        """Hand the digits out through ``submitted`` and wipe them (no-op when too few)."""
        if self._busy or len(self._digits) < self.min_length:
            return
        text = self._digits.hand_out()
        self._refresh()
        self.submitted.emit(text)

    def set_busy(self, busy: bool) -> None:
        """Keys off while what was submitted is checked, on screen and on a numpad, as the PIN
        pad's are: digits typed during a check that failed stayed on the pad as dots, the
        start of a PIN the manager did not know they had typed."""
        self._busy = busy
        self._refresh()

    def busy(self) -> bool:
        """Whether the keys are off while a submitted PIN is checked."""
        return self._busy

    def entered_count(self) -> int:
        """How many digits are typed (never which, for a secret)."""
        return len(self._digits)

    def shown_text(self) -> str:
        """What the display shows."""
        return self.display.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A USB numpad, as on the PIN pad: its keys went to the window, which drops every key,
        # and the customer's number stayed empty however they typed it.
        key = event.key()
        digit = typed_digit(event)
        if self._busy and (
            digit is not None
            or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            pass  # swallowed: the pad's own keys do nothing while it is checked
        elif digit is not None:
            if not event.isAutoRepeat():  # a finger resting on a key types it once
                self.press(digit)
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key == Qt.Key.Key_Delete:
            self.wipe()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        self.wipe()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not torn_down(self, "display"):
            self._hold_display_height()
        super().showEvent(event)
        self.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ) and not torn_down(self, "display"):
            self._hold_display_height()
        super().changeEvent(event)

    def __repr__(self) -> str:
        return f"<KioskKeypad {len(self._digits)} digits entered>"

    # -- building ---------------------------------------------------------------------------

    def _digit_key(self, digit: str) -> QPushButton:
        key = self._key(digit, lambda: self.press(digit))
        self._digit_keys.append(key)
        key.setObjectName(f"kioskKey{digit}")
        key.setAccessibleName(digit)
        return key

    def _key(self, text: str, action: Callable[[], None]) -> QPushButton:
        key = QPushButton(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setMinimumWidth(KEY_NARROWEST)
        key.setMaximumHeight(KEY_TALLEST)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.setAutoDefault(False)
        key.clicked.connect(action)
        return key

    def _hold_display_height(self) -> None:
        # The display is as tall empty as with digits (or dots, which may come from another font)
        # in it: the keys must not move under the customer's finger at the first tap (seen on a
        # real X server, where the empty display was laid out shorter than a filled one).
        # Room around the line: half a line more than the text needs, as the style sheet's
        # min-height gives at each density.
        shown = self.display.text()
        self.display.setText("●8")
        height = max(
            self.display.sizeHint().height(),
            round(QFontMetrics(self.display.font()).height() * 1.5),
        )
        self.display.setText(shown)
        self.display.setFixedHeight(height)

    def _refresh(self) -> None:
        count = len(self._digits)
        self.display.setText("●" * count if self.secret else self._digits.shown())
        for key in self._digit_keys:
            key.setEnabled(not self._busy)
        self.ok_key.setEnabled(not self._busy and count >= self.min_length)
        self.back_key.setEnabled(not self._busy and count > 0)
        self.clear_key.setEnabled(not self._busy and count > 0)
