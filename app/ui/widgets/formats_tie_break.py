"""Where timing cannot say whose keys they are, the shop's formats say.

Two cases timing alone gets wrong on a loaded till, both settled by asking whether the text is a
card, a receipt or a voucher code by the shop's formats (the window answers from
``ScanFormats``; a till with none keeps what timing says):

- a scanner's first key let go late, as a hand lets go (xdotool let the "K" of KR24000006 go
  16 ms after pressing it), left to a person by :func:`~app.ui.widgets.key_timing.burst_start`:
  "R24000006", nobody's, was looked up;
- a scanner's sender held up between two keys (up to 93 ms at load 8): "KR24" went to the
  member search and "000006" was read as the scan.

No Qt: keys in (when pressed, when let go, what they typed), decisions out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.ui.widgets.key_timing import STALLED_SCAN_GAP_MS, ScanPace, burst_start


class Keystroke(Protocol):
    """A key held back by the scanner filter, as the tie-break reads it."""

    #: When it was pressed, and let go (``inf`` while still down).
    at: float
    released: float
    #: What it adds to a scan.
    char: str


def no_code_is_known(_text: str) -> bool:
    """The answer of a filter nobody configured: no shop's format names any code (nor begins
    one)."""
    return False


@dataclass(frozen=True)
class FormatsTieBreak:
    """The shop's formats, asked where timing split a burst or its sender stalled."""

    #: Whether the text is a card, a receipt or a voucher code by the shop's formats.
    names_a_code: Callable[[str], bool]
    #: Whether the text may yet become one as more keys come (a format's prefix, or its start).
    may_become_a_code: Callable[[str], bool]
    pace: ScanPace
    #: What the scanner is set to send before each code: no part of it.
    prefix: str = ""
    #: The keys went into a field that only ever takes one whole code (the promo code): there
    #: any text at a scanner's pace may become, and names, the code; only a key a finger was
    #: still on as the next came is a person's.
    whole_code: bool = False

    def _names(self, text: str) -> bool:
        return self.whole_code or self.names_a_code(text)

    def _may_become_text(self, text: str) -> bool:
        return self.whole_code or self.may_become_a_code(text)

    def text_of(self, keys: Sequence[Keystroke]) -> str:
        """What ``keys`` typed, without the scanner's prefix."""
        return "".join(key.char for key in keys).removeprefix(self.prefix)

    def scan_start(self, held: Sequence[Keystroke]) -> int:
        """Where the scan among ``held`` begins: :func:`burst_start`, unless the keys it leaves
        to a person make, with the rest, a code by the shop's formats that the rest alone is not,
        at a scanner's pace all along: timing cannot tell a person's key from a scanner's one
        let go late, and the formats can."""
        timing = burst_start([key.at for key in held], [key.released for key in held])
        if timing == 0:
            return 0
        if self.whole_code:
            first = self._after_the_persons(held[: timing + 1])
        elif self.names_a_code(self.text_of(held[timing:])):
            return timing
        else:
            first = 0
        # The longest code the formats name, at a scanner's pace, among the keys timing left
        # to a person: a person's key typed before a card whose own first key was let go late
        # (or that stalled) stays the person's, and the card is read whole.
        for earlier in range(first, timing):
            burst = held[earlier:]
            if self.is_stalled_code(burst, burst[-1].at):
                return earlier
        return timing

    @staticmethod
    def _after_the_persons(keys: Sequence[Keystroke]) -> int:
        """After the last of ``keys`` a finger was still on as the next came: surely a
        person's, whatever the text. Not how long a key was held: at load 10 xdotool held a
        promo code's "N" or "G" down 32 to 48 ms, stalled between pressing and letting go, as
        long as its typing "as a person" holds one (16 to 31 ms)."""
        for index in reversed(range(len(keys) - 1)):
            if keys[index].released > keys[index + 1].at:
                return index + 1
        return 0

    def is_stalled_code(self, keys: Sequence[Keystroke], now: float) -> bool:
        """Whether ``keys``, ended at ``now``, are a code by the shop's formats that came at a
        scanner's pace between stalls of its sender (:meth:`ScanPace.stalled_scan`)."""
        if len(keys) < self.pace.min_length or not self._names(self.text_of(keys)):
            return False
        return self.pace.stalled_scan([key.at for key in keys], now)

    def is_scan_or_a_stalled_code(self, keys: Sequence[Keystroke], now: float) -> bool:
        """Whether ``keys``, ended at ``now``, are a scan by timing or by the formats."""
        return self.pace.is_scan([key.at for key in keys], now) or self.is_stalled_code(keys, now)

    def may_become(self, run: Sequence[Keystroke]) -> bool:
        """Whether ``run`` may be a scanner's keys, held up (:meth:`ScanPace.may_be_a_run`), and
        may yet become a code by the formats."""
        times, released = [key.at for key in run], [key.released for key in run]
        return self.pace.may_be_a_run(times, released) and self._may_become_text(self.text_of(run))

    def run_start(self, held: Sequence[Keystroke], stalled_run: int | None) -> int | None:
        """Where the keys that may become a code begin among ``held``: where they began at the
        first stall (``stalled_run``; ``None`` before one), else the earliest start no later
        than :func:`burst_start` says (a key of the scan let go late on a loaded till splits it
        there: "RINDANG-10" split so was "-10", no code's start). ``None``: none may."""
        if stalled_run is not None:
            return stalled_run if self.may_become(held[stalled_run:]) else None
        timing = burst_start([key.at for key in held], [key.released for key in held])
        return next((start for start in range(timing + 1) if self.may_become(held[start:])), None)

    def stalled_within_a_code(
        self, held: Sequence[Keystroke], stalled_run: int | None, now: float
    ) -> int | None:
        """A key at ``now``, over ``max_gap_ms`` after the last of ``held``: where the keys that
        may become a code begin (:meth:`run_start`) when it comes within
        :data:`STALLED_SCAN_GAP_MS`, else ``None``: the gap ends them."""
        if now - held[-1].at > STALLED_SCAN_GAP_MS:
            return None
        return self.run_start(held, stalled_run)

    def one_scan_over_stalls(
        self, held: Sequence[Keystroke], stalls: Sequence[int], stalled_run: int
    ) -> bool:
        """The keys ``held`` over ``stalls`` (where each resumed) stopped: one scan when the
        formats name them whole, from ``stalled_run``, and not what came after the last stall
        (another code: two scans, one with no terminator, came close together)."""
        run = held[stalled_run:]
        if not self.is_stalled_code(run, run[-1].at):
            return False
        # One field, one code: what followed the last stall is no second one there.
        return self.whole_code or not self.names_a_code(self.text_of(held[stalls[-1] :]))
