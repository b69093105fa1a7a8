"""Where a burst begins, and whether keys were a scan, told from their times alone.

No Qt: plain times in, decisions out (``app/ui/widgets/key_timing.py``).
"""

from __future__ import annotations

import math

import pytest

from app.ui.widgets.key_timing import STALLED_SCAN_GAP_MS, Press, ScanPace, burst_start

STEADY_SCAN_MS = [12, 13, 12, 14, 12, 12, 13, 12, 12]


@pytest.mark.parametrize(
    ("into_ms", "let_go_after_ms", "start"),
    [
        (40, 3, 0),  # a scanner slow to wake: it lets go of each key before the next
        (44, 3, 0),
        (40, 90, 1),  # a person's digit, the finger still on it as the scan began
        (33, 60, 1),
        (55, 3, 0),  # a scanner slowest to wake: up to 60 ms to its second key
        (40, 8, 0),  # a scanner's key let go a little late (a busy moment)
        (61, 3, 1),  # longer than any scanner's gap (a PIN pad's keys count up to 60 ms apart)
        (40, 31, 1),  # a person's digit typed by xdotool: let go 31 ms on, as no scanner does
        (33, 31, 1),
        (30, 90, 1),  # as soon as a scanner's own gaps, but held 90 ms, as no scanner does
        (30, 3, 0),  # as soon as a scanner's own gaps and let go as soon: nothing tells it
        (40, None, 1),  # not let go yet
    ],
)
def test_where_a_burst_begins(into_ms: float, let_go_after_ms: float | None, start: int) -> None:
    # A steady scan whose first gap alone was over 32 ms and three times its slowest later one
    # gave its first character to the field: the card read without it, found nobody.
    times = [1000.0, 1000.0 + into_ms]
    for gap_ms in STEADY_SCAN_MS:
        times.append(times[-1] + gap_ms)
    first_let_go = math.inf if let_go_after_ms is None else times[0] + let_go_after_ms
    released = [first_let_go, *(at + 3 for at in times[1:])]
    assert burst_start(times, released) == start


def test_a_key_held_as_a_hand_holds_one_is_a_persons_however_soon_the_scan_comes() -> None:
    # The customer's last PIN digit, typed by xdotool (let go 31 ms after it was pressed), and a
    # card scanned 1 ms after that: taken for the scan's first key, it went with the card's.
    times = [1000.0, 1032.0]
    for gap_ms in STEADY_SCAN_MS:
        times.append(times[-1] + gap_ms)
    released = [1031.0, *(at + 3 for at in times[1:])]
    assert burst_start(times, released) == 1


def _times(start: float, gaps: list[float]) -> list[float]:
    times = [start]
    for gap in gaps:
        times.append(times[-1] + gap)
    return times


def test_a_scan_is_six_keys_or_more_at_a_scanners_pace_and_a_prompt_terminator() -> None:
    pace = ScanPace()
    card = _times(1000.0, [12.0] * 9)
    assert pace.is_scan(card, card[-1] + 12)
    assert not pace.is_scan(card[:5], card[4] + 12)  # too short for any code
    assert not pace.is_scan(card, card[-1] + 50)  # an Enter pressed by hand after
    assert not pace.is_scan(_times(1000.0, [40.0] * 9), 1400.0)  # a person's pace


def test_a_stall_of_the_sender_leaves_a_scanners_pace_as_it_was() -> None:
    # xdotool at load 8: 93 ms after a card's "KR24", 7 ms between the rest.
    pace = ScanPace()
    times = _times(1000.0, [7, 7, 7, 93, 7, 7, 7, 7, 7])
    assert pace.between_stalls(times) == 7
    assert pace.stalled_scan(times, times[-1] + 7)
    assert not pace.stalled_scan(times, times[-1] + STALLED_SCAN_GAP_MS + 1)


def test_a_persons_keys_in_fast_pairs_are_no_scanners() -> None:
    # A fast pair, then a pause, again and again: more stalls than a third of the gaps.
    assert ScanPace().between_stalls(_times(1000.0, [20, 120, 20, 120, 20])) == math.inf


def test_a_lone_key_held_as_a_finger_holds_one_waits_out_no_stall() -> None:
    pace = ScanPace()
    assert not pace.may_be_a_run([1000.0], [1060.0])
    assert pace.may_be_a_run([1000.0], [1003.0])  # let go as a scanner lets go
    assert pace.may_be_a_run([1000.0, 1007.0, 1014.0], [1060.0, 1070.0, math.inf])


def test_a_receipt_scanned_onto_a_pin_pad_is_told_by_its_letter() -> None:
    pace = ScanPace()
    receipt = [Press(1000.0 + 8 * index, not_a_digit=index < 4) for index in range(8)]
    assert pace.scanned_onto_a_pin_pad(receipt, 1070.0, may_be_a_pin_or_code=True)
    assert not pace.scanned_onto_a_pin_pad(receipt, 1070.0, may_be_a_pin_or_code=False)
    pin = [Press(1000.0 + 8 * index) for index in range(6)]
    assert not pace.scanned_onto_a_pin_pad(pin, 1050.0, may_be_a_pin_or_code=True)
