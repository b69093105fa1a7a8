"""How a scanner's keys come, told from a person's by their times alone.

Plain numbers in (when each key was pressed, when it was let go), decisions out: nothing here
knows Qt, so each rule is tested with lists of times (``tests/ui/widgets/test_key_timing.py``).
The scanner filter (``scanner_filter.py``) feeds it the key events' own times.

A wedge scanner types 2–20 ms a key, steadily, where a person types at 35 ms a key and slower;
and it lets go of each key before the next, where a person's finger stays on one for 50 ms and
more.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MIN_LENGTH = 6
#: A scan's keys come this fast on average; people type at 35 ms a key and slower. A scanner
#: set to 25 ms a key averaged 27 on an idle till, about 30 on a loaded one (xdotool --delay 25
#: under Xvfb: 26 to 35 ms apart), and at 25 here it was read as a person typing.
SCAN_PACE_MS = 32.0
#: No gap inside a scan is longer than this (a scanner's own jitter, and Shift presses between).
MAX_GAP_MS = 45.0
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
#: pace that may yet become a code by the shop's formats (``formats_tie_break.py``) wait this
#: long for their next key, and the formats say at the end whether they were one scan.
STALLED_SCAN_GAP_MS = 150.0
#: So many keys at least, at a scanner's pace, before a stall is waited out, unless each was let
#: go as a scanner lets go (:data:`HELD_BY_HAND_MS`): a person's lone key (or two typed at once),
#: held down as a finger holds one, still shows up after the short pause of the flush timer.
STALLED_RUN = 3
#: No gap this short tells a person's key from a scanner's, whatever the scanner's pace (its
#: own jitter, a Shift pressed before a capital).
JITTER_MS = 32.0


@dataclass
class Press:
    """A key pressed at ``at`` and let go at ``released`` (not yet: ``inf``), and whether it
    typed a digit; never which key it was (what went straight into a PIN pad is kept nowhere)."""

    at: float
    released: float = math.inf
    #: A letter or a sign: no PIN has one, a receipt or a code may.
    not_a_digit: bool = False


def burst_start(times: Sequence[float], released: Sequence[float]) -> int:
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


def typed_by_hand(times: Sequence[float], released: Sequence[float], index: int) -> bool:
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


def let_go_at_once(at: float, released: float) -> bool:
    """Whether a key pressed at ``at`` was let go as a scanner lets go (:data:`HELD_BY_HAND_MS`)."""
    return released - at <= HELD_BY_HAND_MS


@dataclass(frozen=True)
class ScanPace:
    """How fast, and how many, keys are a scan: the scanner filter's settings."""

    min_length: int = MIN_LENGTH
    #: The average gap of a scan's keys, at most (``scanner_pace_ms``, a setting).
    scan_pace_ms: float = SCAN_PACE_MS
    #: No gap inside a scan is longer (beyond it, a stall: :meth:`between_stalls`).
    max_gap_ms: float = MAX_GAP_MS

    @property
    def slow_scan_gap_ms(self) -> float:
        """A scanner's first gap, or any gap on a PIN pad, may be this long."""
        return max(self.max_gap_ms, SLOW_SCAN_GAP_MS)

    def is_scan(self, times: Sequence[float], now: float) -> bool:
        """Whether keys that came at ``times``, ended by a terminator at ``now``, were a scan."""
        if len(times) < self.min_length or now - times[-1] > self.max_gap_ms:
            return False
        pace = (times[-1] - times[0]) / (len(times) - 1)
        return pace <= self.scan_pace_ms

    def between_stalls(self, times: Sequence[float]) -> float:
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

    def stalled_scan(self, times: Sequence[float], now: float) -> bool:
        """Whether keys at ``times``, ended at ``now``, came at a scanner's pace between stalls
        of its sender, none longer than :data:`STALLED_SCAN_GAP_MS` (its terminator's neither):
        a scan by timing, when the shop's formats name what they typed."""
        if len(times) < self.min_length:
            return False
        if any(later - at > STALLED_SCAN_GAP_MS for at, later in itertools.pairwise([*times, now])):
            return False
        return self.between_stalls(times) <= self.scan_pace_ms

    def may_be_a_run(self, times: Sequence[float], released: Sequence[float]) -> bool:
        """Whether keys at ``times`` (let go at ``released``) may be a scanner's, held up: at a
        scanner's pace between stalls, :data:`STALLED_RUN` keys or more, or fewer each let go at
        once (a person's finger stays on a key 50 ms and more: a card's "K" stalled 104 ms
        before its "R" on a loaded till)."""
        at_once = all(let_go_at_once(at, up) for at, up in zip(times, released, strict=True))
        if not times or (len(times) < STALLED_RUN and not at_once):
            return False
        return len(times) == 1 or self.between_stalls(times) <= self.scan_pace_ms

    def waits_for_a_slow_scanner(
        self, times: Sequence[float], last_released: float, now: float
    ) -> bool:
        """A key came at ``now``, after a pause longer than any inside a scan: whether the last
        key held before it (pressed at ``times[-1]``, let go at ``last_released``) may be the
        first of a scanner slow to wake, to stay held for :func:`burst_start` to say whose it
        is once the burst ends (given to the field at once, a scan of a scanner slow to wake
        lost its first character to it). Not when it ends keys that came at a scanner's pace
        (no more than :data:`JITTER_MS` apart): those were a whole scan with no terminator, and
        the last of them is theirs (held, the "E" of PROMOCODE went with a receipt scanned
        50 ms after it, "EINV-0042", sent as the promo code)."""
        ends_a_fast_run = len(times) > 1 and times[-1] - times[-2] <= JITTER_MS
        return (
            not ends_a_fast_run
            and now - times[-1] <= self.slow_scan_gap_ms
            and let_go_at_once(times[-1], last_released)
        )

    def scanned_onto_a_pin_pad(
        self, passed: Sequence[Press], now: float, *, may_be_a_pin_or_code: bool
    ) -> bool:
        """Whether the keys ``passed`` straight into a PIN field, ended at ``now``, were a scan:
        more keys than any PIN, none more than ``slow_scan_gap_ms`` after the last (a longer gap
        starts the count again): no person types so, whatever the average. A scanner at 30 ms a
        key, slower than ``scan_pace_ms``, put a card's digits on Budi's pad and its Enter sent
        them as his PIN. Where the field ``may_be_a_pin_or_code`` (not a token's), fewer keys too
        with a letter or a sign no PIN has, at a scanner's pace: a receipt ("INV-0042") or a code
        scanned onto the pad kept its digits, and Budi's "12" and its "0042" went as his PIN
        with its Enter, one of his few attempts. (A token has letters and is typed fast.)"""
        if not passed or now - passed[-1].at > self.slow_scan_gap_ms:
            return False
        if len(passed) > LONGEST_PIN:
            return True
        return (
            may_be_a_pin_or_code
            and any(key.not_a_digit for key in passed)
            and self.is_scan([key.at for key in passed], now)
        )


def burst_of(passed: Sequence[Press]) -> list[Press]:
    """The keys of ``passed`` that are the burst's (:func:`burst_start`)."""
    start = burst_start([key.at for key in passed], [key.released for key in passed])
    return list(passed[start:])
