"""Telling a keyboard-wedge barcode scanner from a person typing, wherever focus is.

A wedge scanner is a keyboard: it types what it reads, as key presses, then a terminator. Like a
keyboard it presses Shift around every capital and around symbols that need it (``@``, ``_``,
``#``), and some are set to send a prefix first. What gives it away is speed: 2–20 ms a key,
steadily, where a person types at 35 ms a key and slower; and it lets go of each key before the
next, where a person's finger stays on one for 50 ms and more.
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QTabletEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QFileDialog, QLineEdit, QWidget

from app.ui.widgets.numpad import numlock_off_digit

MIN_LENGTH = 6
#: A scan's keys come this fast on average; people type at 35 ms a key and slower. A scanner
#: set to 25 ms a key averaged 27 on an idle till, about 30 on a loaded one (xdotool --delay 25
#: under Xvfb: 26 to 35 ms apart), and at 25 here it was read as a person typing.
SCAN_PACE_MS = 32.0
#: No gap inside a scan is longer than this (a scanner's own jitter, and Shift presses between).
MAX_GAP_MS = 45.0
#: Widgets with this property set to true get their keys straight away (the PIN pad, a PIN field:
#: a PIN must not sit in a buffer). A scan that lands in one anyway (a card scanned while the pad
#: is up) is not submitted: its terminator is swallowed and what it typed taken back (a QLineEdit
#: cleared; else the widget's ``take_back_scan(keys)``, the PIN pad keeping the customer's digits
#: typed before it; else its ``wipe()``), so it never reaches the server as a wrong PIN, one of a
#: member's few.
EXEMPT_PROPERTY = "scannerExempt"
#: A field of a dialog that a scan is meant for (a member's card where a manager cancels by
#: server id) has this property set to true. With a dialog up, the window says any other scan was
#: not read: typed into a manager's note or a setting, it went unseen into what was saved.
SCAN_FIELD_PROPERTY = "takesScans"
#: An exempt field that holds a token, not a PIN (the settings' API token): every token is longer
#: than any PIN, so a burst typed into it that stops is kept (a password manager or xdotool types
#: a token at a scanner's pace; it was emptied with words about a PIN). Only a burst its
#: terminator ends is a card scanned into it, taken back before its Enter saves the card's number
#: as the token; unless :attr:`ScannerFilter.could_be_a_card` says what the field holds is none:
#: a password manager's autotype ends in Enter too, and the token it typed was emptied, "Card
#: not read".
NOT_A_PIN_PROPERTY = "notAPin"
#: No PIN has more digits (a member's has 6, a manager's 6 to 8, a cashier's 4 to 8). In an exempt
#: widget only a burst longer than this is a scan: a PIN typed at a scanner's pace (xdotool, a
#: practised hand on a numeric pad) is still a PIN, and cards and member IDs are longer.
LONGEST_PIN = 8
#: In an exempt widget a scan is told by its length, not its pace, so its keys may come further
#: apart than ``max_gap_ms``: a scanner at 40 ms a key came 40 to 53 ms apart on a loaded till
#: (xdotool --delay 40 under Xvfb), and a gap over 45 ms started the count again, leaving the
#: card's first digits on the PIN pad. No person types nine keys with no gap longer than this.
SLOW_SCAN_GAP_MS = 60.0
#: Where a burst begins (:func:`burst_start`): keys typed by hand just before a card is scanned
#: are no part of its scan when a finger was still on the last of them as the scan began, or it
#: was held down as a hand holds a key (longer than this, and than twice the scan's keys
#: mostly are), or the gap after it is longer than any scanner's (:data:`SLOW_SCAN_GAP_MS`). A
#: customer's last digit of a phone number or a PIN, 40 ms before the scanner's first key, went
#: into the scan and vanished with it (the card read as "370140000000006", nobody's; on a PIN
#: pad the customer's digits typed by xdotool, let go 31 ms after they were pressed, were taken
#: back with the card's). A wedge scanner lets go of each key before it presses the next: 2 to
#: 4 ms after it (xdotool key --delay 6, type --delay 8 under Xvfb), where xdotool typing as a
#: person does holds a key 16 ms (type --delay 60, ``xsession type``'s person) or 31 (--delay
#: 120), and a person's finger 50 to 150.
HELD_BY_HAND_MS = 10.0
#: A scanner's sender held up between two keys: xdotool key --delay 6 on a till at load 8
#: stalled up to 93 ms (40 scans of KR24000006: one gap of 93 ms after the "4"). Flushed at the
#: gap, "KR24" went to the member search and "000006" was read as the scan. Keys at a scanner's
#: pace that may yet become a code by the shop's formats (:attr:`ScannerFilter.may_become_a_code`)
#: wait this long for their next key, and the formats say at the end whether they were one scan.
STALLED_SCAN_GAP_MS = 150.0
#: So many keys at least, at a scanner's pace, before a stall is waited out, unless each was let
#: go as a scanner lets go (:data:`HELD_BY_HAND_MS`): a person's lone key (or two typed at once),
#: held down as a finger holds one, still shows up after the short pause of the flush timer.
STALLED_RUN = 3
#: No gap this short tells a person's key from a scanner's, whatever the scanner's pace (its
#: own jitter, a Shift pressed before a capital).
JITTER_MS = 32.0

_MODIFIERS_THAT_MAKE_A_SHORTCUT = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Keys that only change what the next key types: a scanner presses Shift around capitals, and
#: one set to type on the numeric keypad may press NumLock before each digit (xdotool does): taken
#: for a key of its own, NumLock ended the burst at every digit, and the card went into the PIN
#: pad as a person's digits, its Enter sending them as the PIN.
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    }
)
#: A press of these ends typing; the held keys are delivered before it (see ``eventFilter``).
_POINTER_EVENTS = (QMouseEvent, QTouchEvent, QTabletEvent)
_PRESSES = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: Keys a scanner may end a scan with (it is set to send one of them).
TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
#: What a scanner set to end a line the Unix way sends instead of Enter: a line feed, which X
#: delivers as Ctrl+J or as its own key (0x0a), the character the same either way. Where Enter
#: ends a scan, so does a line feed: not one, it ended nothing, and the card's digits were left
#: typed into the member search (or a dialog's amount).
LINE_FEED = "\n"


#: What the digits' row types with Shift held (a US keyboard): a card's digits, scanned while
#: the cashier held Shift down, come as these.
_SHIFTED_DIGITS = frozenset("!@#$%^&*()")


#: Signs of a card's digits in a row, typed with Shift held: one alone may be part of a code.
_SHIFTED_RUN = 4


def typed_with_shift_held(code: str) -> bool:
    """Whether ``code`` is a card typed with Shift held: its digits as the signs above them
    ("&)!$…" for "7014…"), its letters as capitals ("KR@$)))))^" for "KR24000006"). No card,
    ID, code or receipt is made of those signs alone, nor holds four of them in a row and not a
    digit."""
    if not code or any(char.isdigit() for char in code):
        return False
    if set(code) <= _SHIFTED_DIGITS:
        return True
    run = longest = 0
    for char in code:
        run = run + 1 if char in _SHIFTED_DIGITS else 0
        longest = max(longest, run)
    return longest >= _SHIFTED_RUN


def anything_could_be_a_card(_typed_into: QWidget, _text: str) -> bool:
    """The answer of a filter nobody configured (the kiosk's): with no store format and no
    window to say where a scan is taken, every burst at a scanner's pace could be a card."""
    return True


def every_enter_is_the_persons(_typed_into: QWidget, _text: str) -> bool:
    """The answer of a filter nobody configured: a burst given back keeps its Enter."""
    return True


def no_code_is_known(_text: str) -> bool:
    """The answer of a filter nobody configured: no shop's format names any code (nor begins
    one)."""
    return False


def burst_start(times: list[float], released: list[float]) -> int:
    """Where the burst of keys pressed at ``times`` and let go at ``released`` (``inf`` for a
    key still down) begins (an index): after the last key that is a person's
    (:func:`typed_by_hand`) before the keys come at a scanner's pace (no more than
    :data:`JITTER_MS` apart). Keys before that one came at a person's pace too: theirs.

    Pace alone cannot tell a person's digit 40 ms before a scan from a scanner slow to wake
    whose first gap is 40 ms and the rest 12: split at it, every scan of that scanner lost its
    first character to the field. A wedge scanner lets go of each key before it presses the
    next, a few milliseconds after pressing it; a person's finger stays on a key 50 to 150 ms.
    A gap inside a scan (a busy moment) splits nothing, nor a scan whose own keys come unevenly
    (xdotool on a loaded till: 12 to 44 ms apart), nor one from a scanner set slower (40 ms a
    key came up to 53 ms apart), nor a scanner whose first key comes up to
    :data:`SLOW_SCAN_GAP_MS` before its second (split over 45 ms, its first character was left
    in the field, the card read without it: "R24000006", nobody's)."""
    start = 0
    for index in range(len(times) - 1):
        if typed_by_hand(times, released, index):
            start = index + 1
        elif times[index + 1] - times[index] <= JITTER_MS:
            break  # a scanner's pace from here: the burst's
    return start


def typed_by_hand(times: list[float], released: list[float], index: int) -> bool:
    """Whether the key pressed at ``times[index]`` is a person's, before the burst that follows
    it: a finger still on it as the next key came (after more than :data:`JITTER_MS`), or held
    down as a hand holds a key (:data:`HELD_BY_HAND_MS`, and twice as long as the keys after it
    mostly were: the customer's other digits among them, a scanner's keys the most), or more than
    :data:`SLOW_SCAN_GAP_MS` before the next."""
    into = times[index + 1] - times[index]
    held = released[index] - times[index]
    later_holds = [
        let_go - at
        for at, let_go in zip(times[index + 1 :], released[index + 1 :], strict=True)
        if let_go != math.inf
    ]
    held_mostly_later = statistics.median(later_holds) if later_holds else 0.0
    if held != math.inf and held > max(HELD_BY_HAND_MS, 2 * held_mostly_later):
        return True  # let go as a hand lets go: however soon the burst came
    if into <= JITTER_MS:
        return False  # as soon as a scanner's own gaps, and let go as soon as its keys
    return released[index] > times[index + 1] or into > SLOW_SCAN_GAP_MS


def _burst_of(passed: list[_Press]) -> list[_Press]:
    """The keys of ``passed`` that are the burst's (:func:`burst_start`)."""
    start = burst_start([key.at for key in passed], [key.released for key in passed])
    return passed[start:]


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass
class _Key:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    #: What it adds to a scan: its text, or the digit of a keypad key with NumLock off.
    char: str
    at: float
    #: When it was let go: not yet, while the finger (or the scanner) is still on it.
    released: float = math.inf


@dataclass
class _Press:
    """A key that went straight into an exempt widget: when, and whether it typed a digit,
    never which key it was."""

    at: float
    released: float = math.inf
    #: A letter or a sign: no PIN has one, a receipt or a code may (:func:`_not_a_pin`).
    not_a_digit: bool = False


def is_typed_character(event: QKeyEvent) -> bool:
    """Whether ``event`` types one character (a letter, a digit, a sign, a space), not a
    shortcut and not a key held down repeating."""
    text = event.text()
    return (
        len(text) == 1
        and text.isprintable()
        and not (event.modifiers() & _MODIFIERS_THAT_MAKE_A_SHORTCUT)
        and not event.isAutoRepeat()
    )


def scanned_character(event: QKeyEvent) -> str | None:
    """What ``event`` adds to a scan: the character it types, or the digit printed on a keypad
    key with NumLock off (a scanner set to type on the keypad, as one is for any keyboard
    layout, sends End for "1" there); ``None`` for any other key."""
    if is_typed_character(event):
        return event.text()
    return None if event.isAutoRepeat() else numlock_off_digit(event)


class ScannerFilter(QObject):
    """An application-wide event filter that turns scanner bursts into ``scanned(text)``.

    Printable keys are held back for a moment; modifier keys (Shift for a capital) pass through
    and change nothing. When the next printable key comes more than ``max_gap_ms`` after the last
    (or any other key, or the short pause the flush timer waits for), the held keys are replayed
    to the widget they were meant for, so typing works as before, only a few milliseconds later
    (after one that moved the keyboard, where it went). Only the last of them stays held when
    it was let go as a scanner lets go and the next comes within :data:`SLOW_SCAN_GAP_MS`: it
    may be the first key of a scanner slow to wake (given to the field, the scan lost it).

    A burst is a scan when a terminator (Enter or Tab) ends at least ``min_length`` keys that
    came at a scanner's pace (``scan_pace_ms`` a key on average). It begins after the keys typed
    by hand just before it (:func:`burst_start`): those reach their field as typed. Pace alone
    cannot say where that is: a person's digit 40 ms before a scan and a scanner slow to wake
    (40 ms to its second key, then 12) come the same. What tells them apart is the let-go: a
    wedge scanner lets go of each key before pressing the next, and a person's finger stays on
    a key 50 to 150 ms, still down as the scan's first key comes or let go long after it was
    pressed (:func:`typed_by_hand`); a slow first gap alone, up to :data:`SLOW_SCAN_GAP_MS`,
    splits nothing (split there, each scan left its first character in the field). Key releases
    are noted for that, and only that. Then one
    question is asked of the window, :attr:`could_be_a_card` (the field it was typed into, the
    text): yes, and the burst's keys are swallowed and ``scanned`` is emitted instead, without
    the ``prefix`` the scanner may be set to send (a scan never lands in the focused field); no,
    and it was a person typing as fast as a scanner (a password manager, a practised hand): the
    keys are given back to their field, and the terminator after them, unless it is an Enter
    that :attr:`enter_is_the_persons` says may be a scanner's (``enter_held_back``).

    Widgets that take a PIN (:data:`EXEMPT_PROPERTY`) get their keys at once; a burst there is a
    scan by its length, and what it typed is taken back (``taken_back``).

    Times are the key events' own (the window system's clock), so keys delivered together after
    a busy moment still read at the pace they were typed; ``clock_ms`` stands in for events that
    carry no time (tests script it, nothing sleeps).
    """

    scanned = Signal(str)
    #: A scan that landed in an exempt widget was taken back (the widget): the page says why
    #: nothing happened, where the keys vanished without a word.
    taken_back = Signal(QObject)
    #: A burst given back to its field (the widget) without the Enter that ended it
    #: (:attr:`enter_is_the_persons` said no): the page says why the Enter did nothing.
    enter_held_back = Signal(QObject)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock_ms: Callable[[], float] = _monotonic_ms,
        min_length: int = MIN_LENGTH,
        scan_pace_ms: float = SCAN_PACE_MS,
        max_gap_ms: float = MAX_GAP_MS,
        prefix: str = "",
    ) -> None:
        super().__init__(parent)
        self._clock_ms = clock_ms
        self.min_length = min_length
        self.scan_pace_ms = scan_pace_ms
        self.max_gap_ms = max_gap_ms
        self.slow_scan_gap_ms = max(max_gap_ms, SLOW_SCAN_GAP_MS)
        self.prefix = prefix
        #: The one question the filter asks of the window: could ``text``, typed at a scanner's
        #: pace into ``typed_into``, be a card (or a receipt, a voucher code) scanned at this
        #: till, there? Yes, and a burst its terminator ends is a scan (``scanned``; or taken
        #: back from a token field). No, and it is a person's typing (a password manager's
        #: autotype, a practised hand): its keys go back to the field, then the key that ended
        #: it (Enter submits the form, Tab moves on). A Server URL, a manager's note, a token
        #: were swallowed as scans, "Card not read".
        self.could_be_a_card: Callable[[QWidget, str], bool] = anything_could_be_a_card
        #: Asked only of a burst given back that Enter (or a line feed) ended: is that Enter the
        #: person's, to go on to the field after the keys (a form submitted)? No, and the keys
        #: go back without it (``enter_held_back``): a card kept as text in a setting, for want
        #: of a card format to tell it, saved the whole dialog with its Enter.
        self.enter_is_the_persons: Callable[[QWidget, str], bool] = every_enter_is_the_persons
        #: Whether ``text`` is a card, a receipt or a voucher code by the shop's formats. Asked
        #: only where timing split a burst (:func:`burst_start`): a card's first key let go late
        #: (its sender held up: xdotool on a loaded till let the "K" of KR24000006 go 16 ms after
        #: pressing it, as a hand lets go) went to the field as typed, and "R24000006", nobody's,
        #: was looked up. Where the whole is a code by the formats and the rest is not, the whole
        #: is the scan.
        self.names_a_code: Callable[[str], bool] = no_code_is_known
        #: Whether ``text`` may yet become a code by the shop's formats as more keys come (it
        #: begins with a format's prefix, or is the start of one). Asked of keys at a scanner's
        #: pace that a long gap follows (:data:`STALLED_SCAN_GAP_MS`): yes, and they stay held
        #: for the rest, and :attr:`names_a_code` says at the end whether all was one scan.
        self.may_become_a_code: Callable[[str], bool] = no_code_is_known
        self.terminators: frozenset[Qt.Key] = TERMINATORS
        #: Where no field shows what is typed (the kiosk: buttons and keypads), a burst at a
        #: scanner's pace that stops with no terminator is a scan all the same: a scanner set to
        #: end with nothing typed Ayu's card on the kiosk's welcome, and it was lost without a
        #: word (the customer has no Enter to press).
        self.scans_end_at_a_pause = False
        self._held: list[_Key] = []
        # Where keys held over a stall (:data:`STALLED_SCAN_GAP_MS`) resumed (indexes into
        # ``_held``), and where the keys at a scanner's pace before the first one began.
        self._stalls: list[int] = []
        self._stalled_run = 0
        # When the keys that went straight into an exempt widget came: never which keys they were.
        self._passed: list[_Press] = []
        self._replaying = False
        self._enabled = True
        # A person who types one key and stops must see it: after a pause longer than any gap in
        # a scan, the held keys are replayed.
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        # (A scanner slow to wake may press its second key up to ``slow_scan_gap_ms`` after.)
        self._flush_timer.setInterval(int(self.slow_scan_gap_ms) + 20)
        self._flush_timer.timeout.connect(self._typing_stopped)
        # A scanner set to send no terminator: a burst into an exempt widget is told once it
        # stops, from its length and pace, as one that ends in Enter is (it filled the PIN pad
        # without a word, for the customer's OK to send as a wrong PIN).
        self._passed_to: QWidget | None = None
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.setInterval(int(self.slow_scan_gap_ms) + 20)
        self._pause_timer.timeout.connect(self._passed_burst_ended)

    # -- public API --------------------------------------------------------------------------

    def install(self, app: QCoreApplication | None = None) -> None:
        """Start watching every key of the application."""
        self._application(app).installEventFilter(self)

    def remove(self, app: QCoreApplication | None = None) -> None:
        """Stop watching; any held keys are delivered first."""
        self.flush()
        self._application(app).removeEventFilter(self)

    def set_terminators(self, which: str) -> None:
        """The key the scanner ends a scan with: ``enter``, ``tab`` or ``either`` (a setting)."""
        enter = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
        self.terminators = {
            "enter": enter,
            "tab": frozenset({Qt.Key.Key_Tab}),
        }.get(which, TERMINATORS)

    def set_enabled(self, enabled: bool) -> None:
        """Pause recognition (keys pass straight through) e.g. while a dialog owns the keyboard."""
        if not enabled:
            self.flush()
        self._enabled = enabled

    def held_count(self) -> int:
        """How many keys are held back right now."""
        return len(self._held)

    def flush(self) -> None:
        """Deliver the held keys to the widgets they were meant for: it was typing, not a scan."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._stalls = []
        self._replaying = True
        # A key that moves the keyboard (a name typed on a button goes to the member search)
        # takes the keys held after it along, as a keyboard would have typed them there: sent
        # to the button, the space in "Budi Santoso" pressed it.
        moved: dict[QWidget, QWidget] = {}
        try:
            for key in held:
                receiver = moved.get(key.receiver, key.receiver)
                if not shiboken6.isValid(receiver):
                    continue
                before = QApplication.focusWidget()
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        receiver, QKeyEvent(kind, key.key, key.modifiers, key.text)
                    )
                after = QApplication.focusWidget()
                if after is not None and after is not before:
                    moved[key.receiver] = after
        finally:
            self._replaying = False

    def _typing_stopped(self) -> None:
        """The held keys stopped with no terminator after them: typing, delivered; but for a
        scan into a number (a quantity, an amount, a date), or anywhere at all where
        :attr:`scans_end_at_a_pause`. A scanner set to send no terminator leaves the Enter to
        the cashier in a text field, where the code waits in sight; typed into a reward's
        quantity, Ayu's card was "Qty 701", waiting for "Redeem now", and into the history's
        date it changed the manager's filter. Six keys at a scanner's pace are no number anyone
        types."""
        self._settle_stalls()
        held = self._held
        receiver = held[-1].receiver if held else None
        into_a_number = isinstance(receiver, QAbstractSpinBox)
        if (
            receiver is not None
            and shiboken6.isValid(receiver)
            and (into_a_number or self.scans_end_at_a_pause)
        ):
            start = self._burst_start(held)
            burst = held[start:]
            if self._is_scan_or_a_stalled_code(burst, burst[-1].at):
                code = "".join(key.char for key in burst)
                code = code.removeprefix(self.prefix) if self.prefix else code
                if self.could_be_a_card(receiver, code):
                    self._held = held[:start]
                    self.flush()
                    self.scanned.emit(code)
                    return
        self.flush()

    # -- Qt ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class before the type: every event of every object passes here, and
        # ``event.type()`` builds a Python enum each call (app/ui/controllers/watcher.py).
        if self._replaying or not self._enabled:
            return False
        if not isinstance(event, QKeyEvent):
            if self._held and isinstance(event, _POINTER_EVENTS) and event.type() in _PRESSES:
                # A click or a touch ends typing as any other key does: the held keys go to
                # their field before the press reaches a button that reads it (a note typed
                # fast and "Cancel the redemption" clicked at once saved no note).
                self.flush()
            elif self._held and isinstance(event, QInputMethodEvent):
                # An input method composing (a dead key's é, a word in another script) is the
                # person's typing too: the keys held go first. Its text went straight to the
                # field, before them: "Jos" and é became "Joés" ("Jo" then the preedit).
                self.flush()
            return False
        if event.type() == QEvent.Type.KeyRelease:
            if not event.isAutoRepeat() and self._is_key_target(watched):
                self._let_go(watched, event)
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not self._is_key_target(watched):
            if self._held and isinstance(watched, QWidget) and event.key() not in _MODIFIER_KEYS:
                # A key the focus widget does not get first: a completer's list takes it while
                # it is up and hands it to its field at once, past this filter. The keys held
                # go before it, as typed ("/tmp/day4" typed into the file dialog's name, its
                # folder's completions coming up while "y" was held, became "/tmp/da4y").
                self.flush()
            return False
        assert isinstance(watched, QWidget)
        if isinstance(watched.window(), QFileDialog):
            # No card is for a file dialog (an export's), and a path typed fast, or filled in
            # by a tool, ended in Enter at a scanner's pace: taken for a scan, it vanished,
            # "Card not read", and the cashier typed it again. Its keys go straight to it.
            self.flush()
            return False
        if event.key() in _MODIFIER_KEYS:
            return False  # Shift around a capital: part of the key that follows

        now = float(event.timestamp()) or self._clock_ms()
        if watched.property(EXEMPT_PROPERTY):
            self.flush()
            return self._passed_straight(watched, event, now)
        char = scanned_character(event)
        if char is not None:
            if self._held and now - self._held[-1].at > self.max_gap_ms:
                if self._stalled_within_a_code(now):
                    self._stalls.append(len(self._held))
                else:
                    self._settle_stalls()
                    self._flush_before_a_pause(now)
            held = _Key(watched, event.key(), event.modifiers(), event.text(), char, now)
            self._held.append(held)
            # Keys that may become a code wait out a stall; a person's key shows up soon.
            waits = STALLED_SCAN_GAP_MS if self._run_may_become_a_code() else self.slow_scan_gap_ms
            self._flush_timer.start(int(waits) + 20)
            return True

        if not self._held:
            return False
        if self._ends_scan(event):
            self._settle_stalls()
            if not self._held:
                return False
            start = self._burst_start(self._held)
            typed_by_hand, burst = self._held[:start], self._held[start:]
            if self._is_scan_or_a_stalled_code(burst, now):
                code = "".join(key.char for key in burst)
                code = code.removeprefix(self.prefix) if self.prefix else code
                if self.could_be_a_card(watched, code):
                    # The keys typed by hand before it reach their field first, as typed.
                    self._held = typed_by_hand
                    self.flush()
                    self.scanned.emit(code)
                    return True
                if self._ends_with_enter(event) and not self.enter_is_the_persons(watched, code):
                    self.flush()
                    self.enter_held_back.emit(watched)
                    return True
        # Anything else ends what was typing (and so does a burst given back): deliver it
        # first, then this key, in order, where the typing took the keyboard (a name typed fast
        # on a reward tile and Enter: the name went to the member search, and the Enter, sent on
        # to the tile, picked it).
        self.flush()
        moved_to = QApplication.focusWidget()
        if moved_to is None or moved_to is watched:
            return False
        self._replaying = True
        try:
            QCoreApplication.sendEvent(
                moved_to, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            )
        finally:
            self._replaying = False
        return True

    @staticmethod
    def _application(app: QCoreApplication | None) -> QCoreApplication:
        found = app or QCoreApplication.instance()
        if found is None:
            raise RuntimeError("the scanner filter needs a QApplication")
        return found

    # -- rules -------------------------------------------------------------------------------

    def _burst_start(self, held: list[_Key]) -> int:
        """Where the scan among ``held`` begins: :func:`burst_start`, unless the keys it leaves
        to a person make, with the rest, a code by the shop's formats that the rest alone is not
        (:attr:`names_a_code`), at a scanner's pace all along: timing cannot tell a person's key
        from a scanner's one let go late, and the formats can."""
        start = burst_start([key.at for key in held], [key.released for key in held])
        if start == 0 or self.names_a_code(self._text_of(held[start:])):
            return start
        # The longest code the formats name, at a scanner's pace, among the keys timing left
        # to a person: a person's key typed before a card whose own first key was let go late
        # (or that stalled) stays the person's, and the card is read whole.
        for earlier in range(start):
            burst = held[earlier:]
            if self._is_stalled_code(burst, burst[-1].at):
                return earlier
        return start

    def _text_of(self, keys: list[_Key]) -> str:
        return "".join(key.char for key in keys).removeprefix(self.prefix)

    def _run_may_become_a_code(self) -> bool:
        """Whether the keys held since the first stall (or the latest of them that may) came at
        a scanner's pace and may yet become a code by the formats (:meth:`_may_become`)."""
        return self._run_start() is not None

    def _run_start(self) -> int | None:
        """Where the keys that may become a code begin among those held: where they began at
        the first stall, else the earliest start no later than :func:`burst_start` says (a key
        of the scan let go late on a loaded till splits it there: "RINDANG-10" split so was
        "-10", no code's start)."""
        held = self._held
        if self._stalls:
            return self._stalled_run if self._may_become(held[self._stalled_run :]) else None
        timing = burst_start([key.at for key in held], [key.released for key in held])
        return next((start for start in range(timing + 1) if self._may_become(held[start:])), None)

    def _may_become(self, run: list[_Key]) -> bool:
        """Whether ``run`` came at a scanner's pace, :data:`STALLED_RUN` keys or more or each
        let go at once, and may yet become a code by the formats (:attr:`may_become_a_code`)."""
        # Fewer keys only where each was let go as a scanner lets go (a person's finger stays
        # on a key 50 ms and more): a card's "K" stalled 104 ms before its "R" on a loaded till.
        let_go_at_once = all(key.released - key.at <= HELD_BY_HAND_MS for key in run)
        if not run or (len(run) < STALLED_RUN and not let_go_at_once):
            return False
        if len(run) > 1 and self._pace_between_stalls([key.at for key in run]) > self.scan_pace_ms:
            return False
        return self.may_become_a_code(self._text_of(run))

    def _stalled_within_a_code(self, now: float) -> bool:
        """A key at ``now``, over ``max_gap_ms`` after the last: true when it comes within
        :data:`STALLED_SCAN_GAP_MS` and the keys before may become a code (the run's start is
        noted at the first stall)."""
        if now - self._held[-1].at > STALLED_SCAN_GAP_MS:
            return False
        start = self._run_start()
        if start is None:
            return False
        if not self._stalls:
            self._stalled_run = start
        return True

    def _settle_stalls(self) -> None:
        """The keys held over stalls stopped (a terminator, a pause, a longer gap): one scan
        when the formats name them whole and not what came after the last stall (another
        code: two scans, one with no terminator, came close together). Else they go as they
        would have gone at each stall (:meth:`_flush_before_a_pause`)."""
        stalls, self._stalls = self._stalls, []
        if not stalls:
            return
        held = self._held
        run = held[self._stalled_run :]
        if self._is_stalled_code(run, run[-1].at) and not self.names_a_code(
            self._text_of(held[stalls[-1] :])
        ):
            return
        self._held = held[: stalls[0]]
        for begin, end in zip(stalls, [*stalls[1:], len(held)], strict=True):
            self._flush_before_a_pause(held[begin].at)
            self._held.extend(held[begin:end])

    def _let_go(self, watched: QObject, event: QKeyEvent) -> None:
        """A key let go: when, for :func:`burst_start` (a finger still on a key is a person's)."""
        if event.key() in _MODIFIER_KEYS:
            return
        now = float(event.timestamp()) or self._clock_ms()
        down: _Key | _Press | None
        if watched.property(EXEMPT_PROPERTY):
            # Not which key it was (a PIN's digit is kept nowhere): the last one still down. A
            # scanner's key, pressed and let go while the customer's finger is still on theirs,
            # is let go first; taken for the customer's, their digit went with the card.
            down = next((key for key in reversed(self._passed) if key.released == math.inf), None)
        else:
            down = next(
                (
                    k
                    for k in reversed(self._held)
                    if k.key == event.key() and k.released == math.inf
                ),
                None,
            )
        if down is not None:
            down.released = now
            if self._held and down is self._held[-1] and self._run_may_become_a_code():
                # Let go as a scanner lets go, and it may begin a code: wait out a stall.
                self._flush_timer.start(int(STALLED_SCAN_GAP_MS) + 20)

    def _flush_before_a_pause(self, now: float) -> None:
        """A key came at ``now``, after a pause longer than any inside a scan: the keys held
        before it were typing, but for the last one when it was let go as a scanner's are and
        the pause no longer than a scanner's first gap may be (:data:`SLOW_SCAN_GAP_MS`): it
        stays held, for :func:`burst_start` to say whose it is once the burst ends (given to the
        field at once, a scan of a scanner slow to wake lost its first character to it). Not
        when it ends keys that came at a scanner's pace (no more than :data:`JITTER_MS` apart):
        those were a whole scan with no terminator, and the last of them is theirs (held, the
        "E" of PROMOCODE went with a receipt scanned 50 ms after it, "EINV-0042", sent as the
        promo code)."""
        last = self._held[-1]
        ends_a_fast_run = len(self._held) > 1 and last.at - self._held[-2].at <= JITTER_MS
        wakes_slowly = (
            not ends_a_fast_run
            and now - last.at <= self.slow_scan_gap_ms
            and last.released - last.at <= HELD_BY_HAND_MS
        )
        if not wakes_slowly:
            self.flush()
            return
        self._held = self._held[:-1]
        self.flush()
        self._held = [last]

    def _passed_straight(self, widget: QWidget, event: QKeyEvent, now: float) -> bool:
        """A key for an exempt widget: it gets it at once, unless it ends a scan (swallowed, and
        what the scan typed wiped). True when the key is swallowed."""
        passed = self._passed
        char = scanned_character(event)
        if char is not None:
            if passed and (
                now - passed[-1].at > self.slow_scan_gap_ms or widget is not self._passed_to
            ):
                passed.clear()
            passed.append(_Press(now, not_a_digit=not char.isdecimal()))
            self._passed_to = widget
            self._pause_timer.start()
            return False
        self._pause_timer.stop()
        self._passed = []
        burst = _burst_of(passed)  # a PIN's digits typed just before stay
        if not self._ends_scan(event) or not self._is_scan_passed(burst, now, widget):
            return False
        if (
            widget.property(NOT_A_PIN_PROPERTY)
            and isinstance(widget, QLineEdit)
            and not self.could_be_a_card(widget, widget.text())
        ):
            return False  # a token typed fast and Enter: no card, so its Enter is the person's
        self._take_back(widget, len(burst))
        return True

    def _passed_burst_ended(self) -> None:
        # The keys that went straight through stopped without a terminator: a scan all the
        # same when no PIN is that long (the pause is measured by this timer, not the events).
        passed, widget = self._passed, self._passed_to
        self._passed, self._passed_to = [], None
        burst = _burst_of(passed)
        if (
            burst
            and widget is not None
            and shiboken6.isValid(widget)
            and not widget.property(NOT_A_PIN_PROPERTY)
            and self._is_scan_passed(burst, burst[-1].at, widget)
        ):
            self._take_back(widget, len(burst))

    def _is_scan_passed(self, passed: list[_Press], now: float, widget: QWidget) -> bool:
        # More keys than any PIN, none more than ``slow_scan_gap_ms`` after the last (a longer
        # gap starts the count again): no person types so, whatever the average. A scanner at
        # 30 ms a key, slower than ``scan_pace_ms``, put a card's digits on Budi's pad and its
        # Enter sent them as his PIN.
        if not passed or now - passed[-1].at > self.slow_scan_gap_ms:
            return False
        if len(passed) > LONGEST_PIN:
            return True
        # No longer than a PIN, but with a letter or a sign no PIN has, at a scanner's pace: a
        # receipt ("INV-0042") or a code scanned onto the pad, which kept its digits, and Budi's
        # "12" and its "0042" went as his PIN with its Enter, one of his few attempts. (A token
        # has letters and is typed fast: not there.)
        return (
            not widget.property(NOT_A_PIN_PROPERTY)
            and any(key.not_a_digit for key in passed)
            and self._is_scan([key.at for key in passed], now)
        )

    def _take_back(self, widget: QWidget, keys: int) -> None:
        """What a scan typed into an exempt widget goes, and the page is told."""
        take_back = getattr(widget, "take_back_scan", None)
        if isinstance(widget, QLineEdit):
            widget.clear()
        elif callable(take_back):
            take_back(keys)
        else:
            wipe = getattr(widget, "wipe", None)
            if callable(wipe):
                wipe()
        self.taken_back.emit(widget)

    def _ends_scan(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is the scanner's terminator: one of :attr:`terminators`, or a line
        feed where Enter is one (:data:`LINE_FEED`)."""
        if event.key() in self.terminators:
            return True
        return event.text() == LINE_FEED and Qt.Key.Key_Return in self.terminators

    @staticmethod
    def _ends_with_enter(event: QKeyEvent) -> bool:
        # Tab only moves the keyboard on; Enter presses a form's button.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        return enter or event.text() == LINE_FEED

    def _pace_between_stalls(self, times: list[float]) -> float:
        """The keys' average gap, leaving out stalls (over ``max_gap_ms``): a scanner's pace
        is its own, however often its sender was held up (at load 13, xdotool stalled 64 to
        158 ms at one to three places in a card or a voucher code). Infinite where the stalls
        are more than a third of the gaps: a person's keys typed in pairs (a fast pair, then a
        pause) are no scanner's."""
        gaps = [later - at for at, later in itertools.pairwise(times)]
        kept = [gap for gap in gaps if gap <= self.max_gap_ms]
        if not kept or 2 * (len(gaps) - len(kept)) > len(kept):
            return math.inf
        return statistics.fmean(kept)

    def _is_stalled_code(self, keys: list[_Key], now: float) -> bool:
        """Whether ``keys``, ended at ``now``, are a code by the shop's formats
        (:attr:`names_a_code`) that came at a scanner's pace between stalls of its sender, none
        longer than :data:`STALLED_SCAN_GAP_MS` (its terminator's neither)."""
        if len(keys) < self.min_length or not self.names_a_code(self._text_of(keys)):
            return False
        times = [key.at for key in keys]
        if any(later - at > STALLED_SCAN_GAP_MS for at, later in itertools.pairwise([*times, now])):
            return False
        return self._pace_between_stalls(times) <= self.scan_pace_ms

    def _is_scan_or_a_stalled_code(self, keys: list[_Key], now: float) -> bool:
        return self._is_scan([key.at for key in keys], now) or self._is_stalled_code(keys, now)

    def _is_scan(self, times: list[float], now: float) -> bool:
        """Whether keys that came at ``times``, ended by a terminator at ``now``, were a scan."""
        if len(times) < self.min_length or now - times[-1] > self.max_gap_ms:
            return False
        pace = (times[-1] - times[0]) / (len(times) - 1)
        return pace <= self.scan_pace_ms

    @staticmethod
    def _is_key_target(watched: QObject) -> bool:
        # A key event reaches the application filter once per hop (the window, the focus widget,
        # then each parent it propagates to); only the focus widget's hop is the real keystroke.
        if not isinstance(watched, QWidget):
            return False
        # The application's focus widget, not ``watched.window().focusWidget()``: a combo box's
        # popup is a private QFrame, and the wrapper PySide6 makes for it deletes the popup when
        # it is dropped (Escape in a history filter's list ended in a crash: tests say so).
        focus = QApplication.focusWidget()
        if focus is None:
            return watched.isWindow()
        return watched is focus
