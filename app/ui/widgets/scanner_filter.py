"""Telling a keyboard-wedge barcode scanner from a person typing, wherever focus is.

The Qt side: an application-wide event filter that holds printable keys back, asks the rules
whether they were a scan, and replays them to their field when they were typing. The rules are
elsewhere: the key timing (``key_timing.py``, no Qt), the shop's formats where timing cannot
tell (``formats_tie_break.py``, no Qt), what a key adds to a scan (``scanned_keys.py``) and the
PIN fields' keys, which go straight through (``pin_field_guard.py``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QTabletEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QFileDialog, QWidget

from app.ui.widgets.formats_tie_break import FormatsTieBreak, no_code_is_known
from app.ui.widgets.key_timing import (
    MAX_GAP_MS,
    MIN_LENGTH,
    SCAN_PACE_MS,
    STALLED_SCAN_GAP_MS,
    ScanPace,
)
from app.ui.widgets.pin_field_guard import EXEMPT_PROPERTY, PinFieldGuard
from app.ui.widgets.scanned_keys import (
    MODIFIER_KEYS,
    TERMINATORS,
    ends_scan,
    ends_with_enter,
    scanned_character,
)

#: A field of a dialog that a scan is meant for (a member's card where a manager cancels by
#: server id) has this property set to true. With a dialog up, the window says any other scan was
#: not read: typed into a manager's note or a setting, it went unseen into what was saved.
SCAN_FIELD_PROPERTY = "takesScans"
#: A field that only ever takes one whole code, typed or scanned (the promo code) has this
#: property set to true. A promo has no format to say that keys at a scanner's pace may still
#: become one, so a stall of its sender mid-code (xdotool at load 13: up to 238 ms) or a first
#: key let go late split it: "NG" stayed in the promo field, "OPIPAGI" was read as the scan and
#: refused. In such a field no key of a person's belongs before a scan, so keys at a scanner's
#: pace are held across a stall and read whole, as a code by the shop's formats is
#: (``FormatsTieBreak.whole_code``); a person's keys still show up after the short pause.
WHOLE_CODE_PROPERTY = "takesWholeCodes"

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


def anything_could_be_a_card(_typed_into: QWidget, _text: str) -> bool:
    """The answer of a filter nobody configured (the kiosk's): with no store format and no
    window to say where a scan is taken, every burst at a scanner's pace could be a card."""
    return True


def every_enter_is_the_persons(_typed_into: QWidget, _text: str) -> bool:
    """The answer of a filter nobody configured: a burst given back keeps its Enter."""
    return True


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


class ScannerFilter(QObject):
    """An application-wide event filter that turns scanner bursts into ``scanned(text)``.

    Printable keys are held back for a moment; modifier keys (Shift for a capital) pass through
    and change nothing. When the next printable key comes more than ``max_gap_ms`` after the last
    (or any other key, or the short pause the flush timer waits for), the held keys are replayed
    to the widget they were meant for, so typing works as before, only a few milliseconds later
    (after one that moved the keyboard, where it went). Only the last of them stays held when
    it may be the first key of a scanner slow to wake (:meth:`ScanPace.waits_for_a_slow_scanner`:
    given to the field, the scan lost it).

    A burst is a scan when a terminator (Enter or Tab) ends at least ``min_length`` keys that
    came at a scanner's pace (``scan_pace_ms`` a key on average). It begins after the keys typed
    by hand just before it (``key_timing.burst_start``, told by when each key was let go: key
    releases are noted for that, and only that): those reach their field as typed. Where timing
    cannot tell, and where a scanner's sender stalled between keys, the shop's formats do
    (:attr:`names_a_code`, :attr:`may_become_a_code`: ``formats_tie_break.py``). Then one
    question is asked of the window, :attr:`could_be_a_card` (the field it was typed into, the
    text): yes, and the burst's keys are swallowed and ``scanned`` is emitted instead, without
    the ``prefix`` the scanner may be set to send (a scan never lands in the focused field); no,
    and it was a person typing as fast as a scanner (a password manager, a practised hand): the
    keys are given back to their field, and the terminator after them, unless it is an Enter
    that :attr:`enter_is_the_persons` says may be a scanner's (``enter_held_back``).

    Widgets that take a PIN (:data:`EXEMPT_PROPERTY`) get their keys at once; a burst there is a
    scan by its length, and what it typed is taken back (``taken_back``: ``PinFieldGuard``).

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
        #: only where timing split a burst: a card's first key let go late (its sender held up:
        #: xdotool on a loaded till let the "K" of KR24000006 go 16 ms after pressing it, as a
        #: hand lets go) went to the field as typed, and "R24000006", nobody's, was looked up.
        #: Where the whole is a code by the formats and the rest is not, the whole is the scan.
        self.names_a_code: Callable[[str], bool] = no_code_is_known
        #: Whether ``text`` may yet become a code by the shop's formats as more keys come (it
        #: begins with a format's prefix, or is the start of one). Asked of keys at a scanner's
        #: pace that a long gap follows (``key_timing.STALLED_SCAN_GAP_MS``): yes, and they stay
        #: held for the rest, and :attr:`names_a_code` says at the end whether all was one scan.
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
        self._pins = PinFieldGuard(
            self,
            pace=self._pace,
            could_be_a_card=lambda widget, text: self.could_be_a_card(widget, text),
            taken_back=self.taken_back.emit,
        )
        self._replaying = False
        self._letting_in = False
        self._enabled = True
        # A person who types one key and stops must see it: after a pause longer than any gap in
        # a scan, the held keys are replayed. (A scanner slow to wake may press its second key
        # up to ``slow_scan_gap_ms`` after.)
        self._flush_timer = QTimer(self)
        self._flush_timer.setObjectName("typingStopped")
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(int(self.slow_scan_gap_ms) + 20)
        self._flush_timer.timeout.connect(self._typing_stopped)

    # -- public API --------------------------------------------------------------------------

    @property
    def slow_scan_gap_ms(self) -> float:
        """A scanner's first gap may be this long (``key_timing.SLOW_SCAN_GAP_MS``)."""
        return self._pace().slow_scan_gap_ms

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
        if self._keys_came_meanwhile():
            return  # they say when the typing stops
        self._settle_stalls()
        held = self._held
        receiver = held[-1].receiver if held else None
        into_a_number = isinstance(receiver, QAbstractSpinBox)
        if (
            receiver is not None
            and shiboken6.isValid(receiver)
            and (into_a_number or self.scans_end_at_a_pause)
        ):
            formats = self._formats()
            start = formats.scan_start(held)
            burst = held[start:]
            if formats.is_scan_or_a_stalled_code(burst, burst[-1].at):
                code = "".join(key.char for key in burst)
                code = code.removeprefix(self.prefix) if self.prefix else code
                if self.could_be_a_card(receiver, code):
                    self._held = held[:start]
                    self.flush()
                    self.scanned.emit(code)
                    return
        self.flush()

    def _keys_came_meanwhile(self) -> bool:
        """Whether key events already waiting behind the timer came in (their own, or ended
        the keys held). On a loaded till the timer fires before events the window system sent
        in time: at load 10 a promo code's "N" was pressed at 28 ms and let go at 60, "G" pressed
        at 64, all by the window system's clock, but delivered 112 ms after the "N", and the
        timer gave "N" to the field first ("GOPIPAGI" was read as the scan)."""
        if self._letting_in:
            return True
        held, at = len(self._held), self._held[-1].at if self._held else None
        self._letting_in = True
        try:
            # Not the sockets: the network's replies wait, only what is queued comes in.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers)
        finally:
            self._letting_in = False
        if self._flush_timer.isActive():
            return True
        return len(self._held) != held or (bool(self._held) and self._held[-1].at != at)

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
            if self._held and isinstance(watched, QWidget) and event.key() not in MODIFIER_KEYS:
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
        if event.key() in MODIFIER_KEYS:
            return False  # Shift around a capital: part of the key that follows

        now = float(event.timestamp()) or self._clock_ms()
        char = scanned_character(event)
        if watched.property(EXEMPT_PROPERTY):
            self.flush()
            if char is not None:
                self._pins.pressed(watched, char, now)
                return False
            return self._pins.other_key(watched, now, ends_scan=self._ends_scan(event))
        if char is not None:
            self._hold(watched, event, char, now)
            return True

        if not self._held:
            return False
        if self._ends_scan(event) and self._ended_a_scan(watched, event, now):
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

    def _hold(self, watched: QWidget, event: QKeyEvent, char: str, now: float) -> None:
        """A key that types ``char`` at ``now``: held back, after what a gap before it ends."""
        if self._held and now - self._held[-1].at > self.max_gap_ms:
            if self._stalled_within_a_code(now):
                self._stalls.append(len(self._held))
            else:
                self._settle_stalls()
                self._flush_before_a_pause(now)
        self._held.append(_Key(watched, event.key(), event.modifiers(), event.text(), char, now))
        # Keys that may become a code wait out a stall; a person's key shows up soon.
        waits = STALLED_SCAN_GAP_MS if self._run_may_become_a_code() else self.slow_scan_gap_ms
        self._flush_timer.start(int(waits) + 20)

    def _ended_a_scan(self, watched: QWidget, event: QKeyEvent, now: float) -> bool:
        """The scanner's terminator came at ``now``: true when it ended a scan (``scanned``) or
        a burst given back without its Enter (``enter_held_back``), to be swallowed."""
        self._settle_stalls()
        if not self._held:
            return False
        formats = self._formats(watched)
        start = formats.scan_start(self._held)
        typed_by_hand, burst = self._held[:start], self._held[start:]
        if not formats.is_scan_or_a_stalled_code(burst, now):
            return False
        code = "".join(key.char for key in burst)
        code = code.removeprefix(self.prefix) if self.prefix else code
        if self.could_be_a_card(watched, code):
            # The keys typed by hand before it reach their field first, as typed.
            self._held = typed_by_hand
            self.flush()
            self.scanned.emit(code)
            return True
        if ends_with_enter(event) and not self.enter_is_the_persons(watched, code):
            self.flush()
            self.enter_held_back.emit(watched)
            return True
        return False

    @staticmethod
    def _application(app: QCoreApplication | None) -> QCoreApplication:
        found = app or QCoreApplication.instance()
        if found is None:
            raise RuntimeError("the scanner filter needs a QApplication")
        return found

    # -- rules -------------------------------------------------------------------------------

    def _pace(self) -> ScanPace:
        # Built each time: the settings change the pace (and the prefix) while the till runs.
        return ScanPace(self.min_length, self.scan_pace_ms, self.max_gap_ms)

    def _formats(self, typed_into: QWidget | None = None) -> FormatsTieBreak:
        """The shop's formats, as they read keys typed into ``typed_into`` (by default where the
        held keys went): any text at a scanner's pace where it only ever takes a whole code."""
        into = typed_into or (self._held[-1].receiver if self._held else None)
        whole_code = (
            into is not None
            and shiboken6.isValid(into)
            and bool(into.property(WHOLE_CODE_PROPERTY))
        )
        return FormatsTieBreak(
            self.names_a_code,
            self.may_become_a_code,
            self._pace(),
            prefix=self.prefix,
            whole_code=whole_code,
        )

    def _run_may_become_a_code(self) -> bool:
        """Whether the keys held since the first stall (or the latest of them that may) came at
        a scanner's pace and may yet become a code by the formats."""
        stalled_run = self._stalled_run if self._stalls else None
        return self._formats().run_start(self._held, stalled_run) is not None

    def _stalled_within_a_code(self, now: float) -> bool:
        """A key at ``now``, over ``max_gap_ms`` after the last: true when it comes within
        :data:`STALLED_SCAN_GAP_MS` and the keys before may become a code (the run's start is
        noted at the first stall)."""
        stalled_run = self._stalled_run if self._stalls else None
        start = self._formats().stalled_within_a_code(self._held, stalled_run, now)
        if start is None:
            return False
        if not self._stalls:
            self._stalled_run = start
        return True

    def _settle_stalls(self) -> None:
        """The keys held over stalls stopped (a terminator, a pause, a longer gap): one scan
        when the formats say so (:meth:`FormatsTieBreak.one_scan_over_stalls`). Else they go as
        they would have gone at each stall (:meth:`_flush_before_a_pause`)."""
        stalls, self._stalls = self._stalls, []
        if not stalls:
            return
        held = self._held
        if self._formats().one_scan_over_stalls(held, stalls, self._stalled_run):
            return
        self._held = held[: stalls[0]]
        for begin, end in zip(stalls, [*stalls[1:], len(held)], strict=True):
            self._flush_before_a_pause(held[begin].at)
            self._held.extend(held[begin:end])

    def _let_go(self, watched: QObject, event: QKeyEvent) -> None:
        """A key let go: when, for ``burst_start`` (a finger still on a key is a person's)."""
        if event.key() in MODIFIER_KEYS:
            return
        now = float(event.timestamp()) or self._clock_ms()
        if watched.property(EXEMPT_PROPERTY):
            self._pins.let_go(now)
            return
        down = next(
            (k for k in reversed(self._held) if k.key == event.key() and k.released == math.inf),
            None,
        )
        if down is None:
            return
        down.released = now
        if down is self._held[-1] and self._run_may_become_a_code():
            # Let go as a scanner lets go, and it may begin a code: wait out a stall.
            self._flush_timer.start(int(STALLED_SCAN_GAP_MS) + 20)

    def _flush_before_a_pause(self, now: float) -> None:
        """A key came at ``now``, after a pause longer than any inside a scan: the keys held
        before it were typing, but for the last one when it may be the first key of a scanner
        slow to wake (:meth:`ScanPace.waits_for_a_slow_scanner`): it stays held."""
        last = self._held[-1]
        times = [key.at for key in self._held]
        if not self._pace().waits_for_a_slow_scanner(times, last.released, now):
            self.flush()
            return
        self._held = self._held[:-1]
        self.flush()
        self._held = [last]

    def _ends_scan(self, event: QKeyEvent) -> bool:
        return ends_scan(event, self.terminators)

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
