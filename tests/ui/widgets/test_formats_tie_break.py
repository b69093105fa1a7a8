"""The shop's formats settle what timing cannot, from keys' times and text alone (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.services.codes import ScanFormats
from app.ui.widgets.formats_tie_break import FormatsTieBreak, no_code_is_known
from app.ui.widgets.key_timing import ScanPace

FORMATS = ScanFormats.read("KR24, 7014", "INV-", "RINDANG-")


@dataclass
class Key:
    char: str
    at: float
    released: float


def _keys(text: str, gaps: list[float], let_go_after: list[float]) -> list[Key]:
    keys, at = [], 1000.0
    for char, gap, held in zip(text, [0.0, *gaps], let_go_after, strict=True):
        at += gap
        keys.append(Key(char, at, at + held))
    return keys


def _the_shops() -> FormatsTieBreak:
    return FormatsTieBreak(
        lambda text: FORMATS.kind_of(text) is not None, FORMATS.may_begin_a_code, ScanPace()
    )


def test_a_cards_first_key_let_go_late_is_read_with_the_card() -> None:
    # The "K" of KR24000006 let go 16 ms after it was pressed, 23 ms before the "R".
    card = _keys("KR24000006", [23.0] + [7.0] * 8, [16.0] + [3.0] * 9)
    assert _the_shops().scan_start(card) == 0
    nobody_knows = FormatsTieBreak(no_code_is_known, no_code_is_known, ScanPace())
    assert nobody_knows.scan_start(card) == 1


def test_keys_stalled_mid_card_are_one_scan_by_the_formats_and_a_second_card_is_not() -> None:
    card = _keys("KR24000006", [7, 7, 7, 93, 7, 7, 7, 7, 7], [3.0] * 10)
    assert _the_shops().one_scan_over_stalls(card, [4], 0)
    two = _keys("KR24000006KR24000007", [7.0] * 9 + [90.0] + [7.0] * 9, [3.0] * 20)
    assert not _the_shops().one_scan_over_stalls(two, [10], 0)


def test_keys_that_may_become_no_code_wait_out_no_stall() -> None:
    shops = _the_shops()
    assert shops.run_start(_keys("KR24", [7, 7, 7], [3.0] * 4), None) == 0
    assert shops.run_start(_keys("NGOP", [7, 7, 7], [3.0] * 4), None) is None


def test_in_a_field_of_one_whole_code_any_text_at_a_scanners_pace_is_read_whole() -> None:
    # A promo has no format: "NG" let go late, as a hand lets go, was left to a person.
    promo = _keys("NGOPIPAGI", [23.0, 23.0] + [7.0] * 6, [16.0, 16.0] + [3.0] * 7)
    whole = FormatsTieBreak(no_code_is_known, no_code_is_known, ScanPace(), whole_code=True)
    assert FormatsTieBreak(no_code_is_known, no_code_is_known, ScanPace()).scan_start(promo) == 2
    assert whole.scan_start(promo) == 0
    assert whole.run_start(promo[:3], None) == 0
    # A finger still on a key as the next came: the person's, whatever the field.
    typed = [Key("X", 960.0, 1050.0), *promo]
    assert whole.scan_start(typed) == 1
