"""The kiosk's plain screens: welcome, the phone keypad, the PIN, a moment's wait, and a notice
(paused, ask at the counter, scan your card). Each lays out and decides nothing; the flow
(``flow.py``) fills them in and listens to their signals."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.kiosk.keypad import PAD_WIDEST, KioskKeypad
from app.ui.widgets.pin_pad import PinPad

#: Screens shorter than this (1366×768, 1280×800) take the compact type and targets of
#: kiosk.qss, and less room around them; taller ones (1920×1080, any standing screen) the roomy.
ROOMY_HEIGHT = 1000
#: Narrower than this (768×1366 standing), the screens keep less room at their sides.
ROOMY_WIDTH = 1000
#: A standing screen narrower than this (768×1366 at a desktop scale of 125% is 614×1093 to
#: Qt) takes the compact type too: in the roomy one the languages went past its edge.
ROOMY_LEAST_WIDTH = 700
#: Screens shorter than this (1366×768 or 1024×768 at a desktop scale of 125%: 614 px high to
#: Qt) take the short type and targets: the keypad's keys at the touch floor, 48 px, and still
#: all five rows above the screen's foot (in the compact ones, its OK was below it).
SHORT_HEIGHT = 700


def density(size: QSize) -> str:
    """``roomy``, ``compact`` or ``short``: the kiosk's type and target sizes for a screen of
    ``size``."""
    if size.height() < SHORT_HEIGHT:
        return "short"
    if size.height() >= ROOMY_HEIGHT and size.width() >= ROOMY_LEAST_WIDTH:
        return "roomy"
    return "compact"


#: A language's own name for itself, as a customer looks for it (never translated).
_OWN_NAMES = {"en": "English", "id": "Bahasa Indonesia"}


def own_name(language: str) -> str:
    """The name a language calls itself by (``Bahasa Indonesia``, ``English``)."""
    return _OWN_NAMES.get(language) or QLocale(language).nativeLanguageName() or language


def label(name: str, role: str = "kioskBody") -> QLabel:
    """A kiosk label: word-wrapped, centred, in one of the kiosk's text roles."""
    text = QLabel()
    text.setObjectName(name)
    text.setProperty("role", role)
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return text


def button(name: str, role: str = "kioskAction") -> QPushButton:
    """A kiosk button: large, no keyboard focus (touch only), never a default button."""
    pushed = QPushButton()
    pushed.setObjectName(name)
    pushed.setProperty("role", role)
    pushed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    pushed.setAutoDefault(False)
    return pushed


class KioskPage(QWidget):
    """A kiosk screen: a column with room around it, less on a small screen."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.column = QVBoxLayout(self)
        self._make_room(QSize(1920, 1080))

    def retranslate(self) -> None:
        """Set the screen's fixed words in the language now installed."""

    def fit(self, size: QSize) -> None:
        """Lay the screen out for a window of ``size``."""
        self._make_room(size)

    def across(self, size: QSize) -> int:
        """The width inside the screen's margins, in a window of ``size``."""
        margins = self.column.contentsMargins()
        return size.width() - margins.left() - margins.right()

    def _make_room(self, size: QSize) -> None:
        side = 48 if size.width() >= ROOMY_WIDTH else 24
        fitted = density(size)
        # A short screen keeps the least room around: under the demo's panel (556 px of a
        # 1024×600 screen) the manager's PIN pad, two lines kept for its refusal, lost its OK
        # below the pad with 20 px above and below and 12 between.
        above = {"roomy": 40, "compact": 20}.get(fitted, 12)
        self.column.setContentsMargins(side, above, side, above)
        self.column.setSpacing({"roomy": 24, "compact": 12}.get(fitted, 8))


class KioskWelcomePage(KioskPage):
    """ "Scan your card or enter your phone number", and the languages there are.
    ``phone_requested()`` on "Enter phone number"; ``language_picked(code)`` on a language.
    While the kiosk starts (:meth:`set_starting`) it says so instead, and offers nothing."""

    phone_requested = Signal()
    language_picked = Signal(str)

    def __init__(self, languages: list[str]) -> None:
        super().__init__("kioskWelcome")
        self.title = label("kioskWelcomeTitle", "kioskTitle")
        self.prompt = label("kioskWelcomePrompt", "kioskHeading")
        self.paused = label("kioskWelcomePaused", "kioskWarning")
        self.paused.hide()
        self.phone = button("kioskPhoneButton", "kioskPrimary")
        self.phone.clicked.connect(self.phone_requested)
        self.languages: dict[str, QPushButton] = {}
        # Side by side, or one above the other where they do not fit the screen's width (a
        # standing 768×1366 at a desktop scale of 125%: "Bahasa Indonesia" went past its edge).
        self._language_row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(24)
        row.addStretch(1)
        for code in languages if len(languages) > 1 else []:
            choice = button(f"kioskLanguage_{code}", "kioskLanguage")
            choice.setText(own_name(code))
            choice.clicked.connect(lambda _=False, code=code: self.language_picked.emit(code))
            self.languages[code] = choice
            row.addWidget(choice)
        row.addStretch(1)
        self.column.addStretch(2)
        self.column.addWidget(self.title)
        self.column.addWidget(self.prompt)
        self.column.addWidget(self.paused)
        self.column.addStretch(1)
        self.column.addWidget(self.phone)
        self.column.addStretch(2)
        self.column.addLayout(row)
        self._starting = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome"))
        self.prompt.setText(
            self.tr("Starting, one moment please…")
            if self._starting
            else self.tr("Scan your card or enter your phone number")
        )
        self.paused.setText(self.tr("Redemptions are paused — please ask at the counter."))
        self.phone.setText(self.tr("Enter phone number"))

    def fit(self, size: QSize) -> None:
        super().fit(size)
        choices = list(self.languages.values())
        # Measured side by side, in the type this size takes (the window's style is polished
        # for it before its pages are fitted).
        side_by_side = sum(choice.sizeHint().width() for choice in choices)
        side_by_side += self._language_row.spacing() * max(0, len(choices) - 1)
        self._language_row.setDirection(
            QBoxLayout.Direction.LeftToRight
            if side_by_side <= self.across(size)
            else QBoxLayout.Direction.TopToBottom
        )

    def set_starting(self, starting: bool) -> None:
        """Until the till is open nothing here works yet: say the kiosk is starting, and hide
        the buttons (their room kept, so nothing moves when they come) rather than invite a
        touch that does nothing. A card scanned meanwhile is held (boot.py)."""
        self._starting = starting
        for choice in [self.phone, *self.languages.values()]:
            policy = choice.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            choice.setSizePolicy(policy)
            choice.setVisible(not starting)
        self.retranslate()

    def set_paused(self, paused: bool) -> None:
        """Say at once, before anyone tries, that redemptions are paused."""
        self.paused.setVisible(paused)

    def set_language(self, code: str) -> None:
        """Mark the language in use."""
        for each, choice in self.languages.items():
            choice.setProperty("chosen", each == code)
            choice.style().unpolish(choice)
            choice.style().polish(choice)


class KioskPhonePage(KioskPage):
    """The phone number on the on-screen keypad; ``entered(number)`` on OK, ``back()``."""

    entered = Signal(str)
    back = Signal()

    def __init__(self) -> None:
        super().__init__("kioskPhone")
        self.heading = label("kioskPhoneHeading", "kioskHeading")
        self.note = label("kioskPhoneNote")
        self.keypad = KioskKeypad(
            secret=False, min_length=6, max_length=15, name="kioskPhoneKeypad"
        )
        self.keypad.submitted.connect(self.entered)
        self.back_button = button("kioskPhoneBack")
        self.back_button.clicked.connect(self.back)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.note)
        self.column.addWidget(self.keypad, 1, Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(self.back_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Enter your phone number"))
        self.note.setText(self.tr("For members with a PIN. Otherwise, please scan your card."))
        self.back_button.setText(self.tr("Back"))
        self.keypad.retranslate()

    def fit(self, size: QSize) -> None:
        super().fit(size)
        self.keypad.setMinimumWidth(min(PAD_WIDEST, self.across(size)))
        self.keypad.fit(density(size) == "short")


class KioskPinPage(KioskPage):
    """The member's PIN, before anything of theirs is shown: the till's own PIN pad, larger."""

    def __init__(self) -> None:
        super().__init__("kioskPin")
        self.heading = label("kioskPinHeading", "kioskHeading")
        # Two lines kept for the prompt: what the pad says of a card scanned onto it names
        # Cancel, and took a second line at 768×1366 in Bahasa Indonesia, clipped on one.
        self.pad = PinPad(equal_columns=True, prompt_lines=2)
        self.pad.setObjectName("kioskPinPad")
        self.pad.setMaximumWidth(PAD_WIDEST)
        # The heading stays with the pad, the two in the middle of the screen.
        self.column.addStretch(1)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Enter your PIN"))
        self.pad.set_prompt(self.tr("Your 6-digit Stamps PIN"))

    def fit(self, size: QSize) -> None:
        super().fit(size)
        self.pad.setMinimumWidth(min(PAD_WIDEST, self.across(size)))

    def checking(self) -> None:
        """The PIN is with the server: the keys are off, and the line says why. On a line that
        hangs the check lasts a whole read timeout, and a pad gone grey and empty without a
        word looks like a PIN thrown away."""
        self.pad.set_prompt(self.tr("Checking your PIN…"))
        self.pad.set_busy(True)

    def card_not_read(self) -> None:
        """A card scanned onto a pad someone has begun (its keys taken back): whoever scanned it
        may not be whoever typed, so the way out is named, as well as the way on."""
        self.pad.note(self.tr("Card not read. Finish the PIN, or tap Cancel."))

    def say(self, text: str, attempts_left: int | None = None) -> None:
        """Why the PIN was not taken, and the attempts the server says are left."""
        self.pad.set_prompt(text)
        self.pad.set_attempts_left(attempts_left)
        self.pad.set_busy(False)


class KioskWorkingPage(KioskPage):
    """A moment's wait: the till is asking the Stamps server."""

    def __init__(self) -> None:
        super().__init__("kioskWorking")
        self.heading = label("kioskWorkingHeading", "kioskHeading")
        self.column.addStretch(1)
        self.column.addWidget(self.heading)
        self.column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("One moment, please…"))


class KioskNoticePage(KioskPage):
    """Why the kiosk cannot go on, in the customer's words: paused, ask at the counter, scan
    your card. ``done()`` on OK."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__("kioskNotice")
        self.heading = label("kioskNoticeHeading", "kioskHeading")
        self.text = label("kioskNoticeText")
        self.ok = button("kioskNoticeOk", "kioskPrimary")
        self.ok.clicked.connect(self.done)
        self.column.addStretch(1)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.text)
        self.column.addStretch(1)
        self.column.addWidget(self.ok)
        self.retranslate()

    def retranslate(self) -> None:
        self.ok.setText(self.tr("OK"))

    def set_notice(self, kind: str, text: str) -> None:
        """``kind``: ``paused``, ``counter`` or ``scan``; ``text`` the reason in full."""
        headings = {
            "paused": self.tr("Redemptions are paused"),
            "counter": self.tr("Please ask at the counter"),
            "scan": self.tr("Please scan your card"),
        }
        self.heading.setText(headings[kind])
        self.setProperty("notice", kind)
        self.text.setText(text)
