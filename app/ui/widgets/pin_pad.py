"""The customer's PIN pad: six masked digits, typed on large buttons or the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.widgets.digit_buffer import DigitBuffer
from app.ui.widgets.numpad import KEYPAD_DIGITS_PROPERTY, typed_digit
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY
from app.ui.widgets.scanned_keys import scanned_character
from app.ui.widgets.torn_down import torn_down

PIN_LENGTH = 6
#: How many typed keys the pad remembers the length before (never the keys): more than any scan.
_KEYS_REMEMBERED = 256
#: An empty line one line high (a no-break space): a label with no text at all takes no room.
_EMPTY_LINE = "\u00a0"


class PinDots(QWidget):
    """Shows how many digits are entered as filled circles, and never the digits themselves.

    It is handed a count, not the PIN, so no screenshot, screen reader or repaint can reveal it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDots")
        self._filled = 0
        self.setMinimumSize(QSize(PIN_LENGTH * 44, 52))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._describe()

    def set_filled(self, count: int) -> None:
        """Show ``count`` of the six circles filled."""
        self._filled = max(0, min(PIN_LENGTH, count))
        self._describe()
        self.update()

    def filled(self) -> int:
        """How many circles are filled."""
        return self._filled

    def _describe(self) -> None:
        # A screen reader hears the count only; the digits are never in any accessible text.
        self.setAccessibleName(self.tr("PIN"))
        self.setAccessibleDescription(
            self.tr("{filled} of {total} digits entered").format(
                filled=self._filled, total=PIN_LENGTH
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        diameter = min(30.0, self.height() - 12.0)
        gap = 14.0
        total = PIN_LENGTH * diameter + (PIN_LENGTH - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - diameter) / 2
        ink = QColor("#1f2d3a")
        painter.setPen(QPen(ink, 2.5))
        for index in range(PIN_LENGTH):
            painter.setBrush(ink if index < self._filled else Qt.GlobalColor.transparent)
            painter.drawEllipse(QRectF(x + index * (diameter + gap), y, diameter, diameter))
        painter.end()


class PinPad(QWidget):
    """Six-digit PIN entry for the customer, embeddable in a dialog or the kiosk.

    The digits live only in this object's memory: they are handed out once through ``submitted``
    and wiped whenever the pad submits, cancels, hides or closes. Nothing shows them: the display
    is :class:`PinDots`, buttons carry no state, and ``repr()`` tells only how many are entered.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, prompt_lines: int = 1, equal_columns: bool = False
    ) -> None:
        """``prompt_lines``: how many lines the prompt keeps room for, so that what the till
        says there (a wrong PIN, a server that did not answer) does not move the keys.
        ``equal_columns``: the three columns of keys alike (the kiosk's pad, whose style gives
        "Clear all" a smaller type to fit a third); else each as wide as its keys' words (the
        cashier's dialog, where a third cut "Clear all" and "Cancel")."""
        super().__init__(parent)
        self._prompt_lines = prompt_lines
        self._digits = DigitBuffer(PIN_LENGTH)
        self._busy = False
        # How many digits there were before each character typed here, and whether the pad had
        # been touched, newest last: a scan the scanner filter finds among them is taken back to
        # where the customer left the PIN.
        self._counts_before: list[tuple[int, bool]] = []
        # A key typed or tapped since the pad showed or handed out its PIN (see ``untouched``).
        self._touched = False
        # The prompt a note stands in for, until the customer's next key.
        self._prompt_under_note: str | None = None
        # The pad takes the keyboard itself; buttons must not steal focus or Enter would click them.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The scanner filter holds keys back for a moment; a PIN must not wait in its buffer.
        self.setProperty(EXEMPT_PROPERTY, True)
        self.setProperty(KEYPAD_DIGITS_PROPERTY, True)

        self._prompt = QLabel(self.tr("Customer: enter your 6-digit PIN"))
        self._prompt.setObjectName("pinPrompt")
        self._prompt.setProperty("role", "heading")
        self._prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._prompt.setWordWrap(True)

        self._dots = PinDots()

        # The line under the dots keeps its room when empty: a finger aims at a key a moment
        # before the server says how many attempts are left, and must not land on another.
        self._attempts = QLabel(_EMPTY_LINE)
        self._attempts.setObjectName("pinAttemptsLeft")
        self._attempts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._attempts.setWordWrap(True)

        self._keys = keys = QGridLayout()
        keys.setSpacing(10)
        for index, digit in enumerate("123456789"):
            keys.addWidget(self._digit_button(digit), index // 3, index % 3)
        self._clear = self._button("", "pinClear", self._clear_all)
        keys.addWidget(self._clear, 3, 0)
        keys.addWidget(self._digit_button("0"), 3, 1)
        self._backspace = self._button("⌫", "pinBackspace", self.backspace)
        keys.addWidget(self._backspace, 3, 2)

        self._cancel = self._button("", "pinCancel", self.cancel)
        self._ok = self._button("", "pinOk", self.submit)
        keys.addWidget(self._cancel, 4, 0)
        keys.addWidget(self._ok, 4, 1, 1, 2)
        if equal_columns:  # three columns alike: "Clear all"'s words widened its own
            for column in range(3):
                keys.setColumnStretch(column, 1)

        self._layout = layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self._prompt)
        layout.addWidget(self._dots)
        layout.addWidget(self._attempts)
        layout.addLayout(keys)
        self._name_keys()
        self._refresh()

    # -- public API --------------------------------------------------------------------------

    def entered_count(self) -> int:
        """How many digits are entered (never which)."""
        return len(self._digits)

    def set_attempts_left(self, attempts: int | None) -> None:
        """Show the server's count of PIN attempts the member has left; ``None`` empties the
        line (its room stays)."""
        if attempts is None:
            self._attempts.setText(_EMPTY_LINE)
            return
        if attempts == 1:
            text = self.tr("1 attempt left")
        else:
            text = self.tr("{count} attempts left").format(count=attempts)
        self._attempts.setText(text)

    def attempts_text(self) -> str:
        """The attempts line as shown, or ``""`` when it says nothing."""
        return self._attempts.text().strip()

    def set_prompt(self, text: str) -> None:
        """Replace the line above the digits (e.g. "Wrong PIN, try again")."""
        self._prompt_under_note = None
        self._prompt.setText(text)

    def prompt_text(self) -> str:
        """The line above the digits, as shown."""
        return self._prompt.text()

    def take_back_scan(self, keys: int) -> None:
        """The last ``keys`` characters typed here were a scanner's (a card scanned while the pad
        is up; the scanner filter swallowed its Enter): the digits they added go, the customer's
        stay as they typed them, and the prompt says the card was not read, until their next key.
        """
        if 0 < keys <= len(self._counts_before):
            keep, self._touched = self._counts_before[-keys]
            while len(self._digits) > keep:
                self._digits.erase()
        else:
            self._digits.wipe()  # the keys are not all known: nothing of the scan may stay
            self._touched = True  # nor whether the customer had begun: their pad is not ended
        self._counts_before.clear()
        self.note(self.tr("Card not read: finish the PIN first."))
        self._refresh()

    def untouched(self) -> bool:
        """Whether nobody has typed or tapped a key here since the pad showed or handed out its
        last PIN (a scan's keys taken back are nobody's): a card scanned onto an untouched pad
        takes nothing from anyone (the kiosk ends the pad for it)."""
        return not self._touched

    def note(self, text: str) -> None:
        """Say ``text`` in the prompt's place until the customer's next key."""
        if self._prompt_under_note is None:
            self._prompt_under_note = self._prompt.text()
        self._prompt.setText(text)

    def key_rows(self) -> int:
        """How many rows of keys the pad has, one above the other."""
        return self._keys.rowCount()

    def key_height(self) -> int:
        """How high the keys are laid out, in pixels (polished: the style sheet's height)."""
        self._ok.ensurePolished()
        return max(self._ok.sizeHint().height(), self._ok.minimumHeight())

    def lower_keys(self, height: int) -> None:
        """Make every key ``height`` pixels high, lower than the style's: for a dialog on a
        screen too short for the style's keys (the caller keeps to a finger's floor)."""
        for key in self.findChildren(QPushButton):
            key.setFixedHeight(height)

    def relayout(self) -> None:
        """Lay the pad out now, its size hint the keys' as they are."""
        self._layout.activate()

    def set_busy(self, busy: bool) -> None:
        """Disable the keys while the authorize call runs, so a second PIN cannot be started.
        Cancel stays: on a line that hangs the check lasts a whole read timeout, and giving up
        on it closes the pad, whose answer then changes nothing (the dialog's and the kiosk's
        flow let go of it)."""
        self._busy = busy
        for button in self.findChildren(QPushButton):
            button.setEnabled(not busy or button is self._cancel)
        if not busy:
            self._refresh()

    def busy(self) -> bool:
        """Whether the keys are off while a PIN is being checked."""
        return self._busy

    def press_digit(self, digit: str) -> None:
        """Add one digit (ignored beyond six, or if not a digit)."""
        self._touched = True
        self._end_note()
        if self._digits.append(digit):
            self._refresh()

    def backspace(self) -> None:
        """Remove the last digit."""
        self._touched = True
        self._end_note()
        if self._digits.erase():
            self._refresh()

    def wipe(self) -> None:
        """Forget every digit entered."""
        if torn_down(self, "_digits"):
            return  # the digits went with the rest of the pad (its last hide, at teardown)
        self._end_note()
        self._digits.wipe()
        self._counts_before.clear()
        self._refresh()

    def submit(self) -> None:
        """Hand the six digits out through ``submitted`` and wipe them (no-op until six)."""
        if not self._digits.full():
            return
        pin = self._digits.hand_out()
        self._touched = False  # the next attempt's pad starts afresh
        self._refresh()
        self.submitted.emit(pin)

    def cancel(self) -> None:
        """Wipe the digits and emit ``cancelled``."""
        self.wipe()
        self.cancelled.emit()

    # -- Qt ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if scanned_character(event) is not None:  # counted as the scanner filter counts them
            self._counts_before.append((len(self._digits), self._touched))
            del self._counts_before[:-_KEYS_REMEMBERED]
        if self._busy:
            # Esc gives up on the check as Cancel does (it stays usable, set_busy): swallowed,
            # it left only a click to close a pad held up by a slow server.
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
            event.accept()
            return
        key = event.key()
        text = event.text()
        digit = typed_digit(event)  # a USB numpad's too, NumLock on or off
        if digit is not None:
            # A key held down types its digit once: a finger resting on "7" filled the pad
            # with 7s, a PIN nobody chose for Enter to send (Backspace held still erases).
            if not event.isAutoRepeat():
                self.press_digit(digit)
        elif text and text.isdigit():
            pass  # a digit not to count with (²) is not taken, but not passed on
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        elif key == Qt.Key.Key_Delete:
            self._clear_all()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        # A kiosk's customer picks a language with the pad already built; the prompt is the
        # caller's to set again.
        if event.type() == QEvent.Type.LanguageChange and not torn_down(self, "_dots"):
            self._name_keys()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The customer's finger aims at a key while the till checks the PIN: a longer answer
        # above the dots wrapped onto another line and moved every key down under it. The room
        # is measured in the prompt's own font, known once the style sheet has polished it.
        if not torn_down(self, "_prompt"):
            self.keep_the_prompt_s_room()
        super().showEvent(event)

    def keep_the_prompt_s_room(self) -> None:
        """Give the prompt its lines' room, as it will have when shown (for a caller that
        measures the pad before showing it)."""
        self._prompt.ensurePolished()
        lines = self._prompt.fontMetrics().lineSpacing() * self._prompt_lines
        margins = self._prompt.contentsMargins()
        self._prompt.setMinimumHeight(lines + margins.top() + margins.bottom())

    def hideEvent(self, event: QHideEvent) -> None:
        self.wipe()
        self._touched = False  # nothing of whoever had the pad outlives it
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wipe()
        super().closeEvent(event)

    def __repr__(self) -> str:
        return f"<PinPad {len(self._digits)}/{PIN_LENGTH} digits entered>"

    # -- building ----------------------------------------------------------------------------

    def _name_keys(self) -> None:
        self._clear.setText(self.tr("Clear all"))
        self._backspace.setAccessibleName(self.tr("Delete last digit"))
        self._cancel.setText(self.tr("Cancel"))
        self._ok.setText(self.tr("OK"))
        self._dots.set_filled(self._dots.filled())  # its spoken name and count

    def _digit_button(self, digit: str) -> QPushButton:
        button = self._button(digit, f"pinDigit{digit}", lambda: self.press_digit(digit))
        # The label of a key is public knowledge; what was pressed is not recorded anywhere else.
        button.setAccessibleName(digit)
        return button

    def _button(self, text: str, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(QSize(64, 56))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        return button

    def _clear_all(self) -> None:
        # "Clear all" or Delete: the customer's own, so the pad is theirs, emptied or not.
        self._touched = True
        self.wipe()

    def _end_note(self) -> None:
        if self._prompt_under_note is not None:
            self._prompt.setText(self._prompt_under_note)
            self._prompt_under_note = None

    def _refresh(self) -> None:
        self._dots.set_filled(len(self._digits))
        self._ok.setEnabled(self._digits.full())
        self._backspace.setEnabled(bool(self._digits))
        self._clear.setEnabled(bool(self._digits))
