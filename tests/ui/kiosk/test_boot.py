"""The kiosk while its till is still opening: the screen says it is starting, and a card scanned
then is served once it opens, unless it is too old (its customer may have gone).

Real key events through the scanner filter, on a scripted clock (nothing sleeps): the filter
reads a key's pace on it, and the held scan its age."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services import ScanFormats
from app.core.services.till import Till
from app.ui.kiosk.boot import KioskStart, kiosk_scanner
from app.ui.kiosk.window import KioskWindow
from app.ui.widgets.held_scan import HOLD_MS
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.gates import ScriptedClock
from .conftest import WAIT_MS, type_keys, visible_words

AYU_MEMBER_ID = "KR24000006"


def test_the_starting_kiosk_says_so_and_invites_no_scan(starting: KioskStart) -> None:
    view = starting.view
    words = visible_words(view)
    assert "Starting, one moment please…" in words
    assert "Scan your card" not in words
    assert "Enter phone number" not in words  # a touch there would do nothing yet


def test_a_card_scanned_before_the_kiosk_is_open_is_served_once_it_opens(
    qtbot: QtBot,
    starting: KioskStart,
    clock: ScriptedClock,
    open_starting: Callable[[], KioskWindow],
) -> None:
    type_keys(qtbot, clock, AYU_MEMBER_ID, gap_ms=8)
    clock.advance(1_500)  # the till opens a moment later
    kiosk = open_starting()
    view = starting.view
    qtbot.waitUntil(lambda: view.current_page() is view.rewards, timeout=WAIT_MS)
    assert kiosk.flow.member is not None
    assert "Ayu" in visible_words(view)


def test_a_card_scanned_too_long_before_the_kiosk_opens_is_asked_for_again(
    qtbot: QtBot,
    starting: KioskStart,
    clock: ScriptedClock,
    open_starting: Callable[[], KioskWindow],
) -> None:
    # Its customer may have gone: nothing of theirs is shown to whoever stands there now.
    type_keys(qtbot, clock, AYU_MEMBER_ID, gap_ms=8)
    clock.advance(HOLD_MS + 1)
    kiosk = open_starting()
    view = starting.view
    assert view.current_page() is view.notice
    words = visible_words(view)
    assert "A card was scanned while the kiosk was starting. Please scan it again." in words
    assert "Ayu" not in words
    assert kiosk.flow.member is None


def test_keys_a_person_types_while_the_kiosk_starts_are_no_scan(
    qtbot: QtBot,
    starting: KioskStart,
    clock: ScriptedClock,
    open_starting: Callable[[], KioskWindow],
) -> None:
    type_keys(qtbot, clock, "KR24000006", gap_ms=120)
    assert starting.held.held() is None
    kiosk = open_starting()
    view = starting.view
    assert view.current_page() is view.welcome
    assert "Scan your card or enter your phone number" in visible_words(view)
    assert kiosk.flow.member is None


def test_a_kiosk_whose_scanner_ends_codes_with_tab_reads_them_so(
    qtbot: QtBot,
    clock: ScriptedClock,
    start_kiosk: Callable[[ScannerFilter], KioskStart],
    open_kiosk_till: Callable[..., Till],
    till_settings: Settings,
) -> None:
    # The scanner's settings reach the kiosk as they reach the cashier's window: a scanner set
    # to end with Tab is read, and a burst ended by Enter is no scan of it.
    start = start_kiosk(kiosk_scanner("", 25, "tab"))
    view, scanner = start.view, start.scanner
    kiosk = start.open(open_kiosk_till(till_settings))
    view.activateWindow()
    with qtbot.assertNotEmitted(scanner.scanned, wait=int(scanner.max_gap_ms) * 4):
        type_keys(qtbot, clock, AYU_MEMBER_ID, gap_ms=8, end="Return")
    assert view.current_page() is view.welcome
    type_keys(qtbot, clock, AYU_MEMBER_ID, gap_ms=8, end="Tab")
    qtbot.waitUntil(lambda: view.current_page() is view.rewards, timeout=WAIT_MS)
    assert kiosk.flow.member is not None


def test_a_kiosk_whose_scanner_ends_codes_with_nothing_reads_them_once_they_stop(
    qtbot: QtBot,
    clock: ScriptedClock,
    start_kiosk: Callable[[ScannerFilter], KioskStart],
    open_kiosk_till: Callable[..., Till],
    till_settings: Settings,
) -> None:
    # Under Xvfb: a scanner that sends nothing after the code typed Ayu's Member ID on the
    # welcome's buttons, and the kiosk stayed on its welcome without a word.
    start = start_kiosk(kiosk_scanner("", 25, "either"))
    view = start.view
    kiosk = start.open(open_kiosk_till(till_settings))
    view.activateWindow()
    for char in AYU_MEMBER_ID:
        clock.advance(8)
        qtbot.keyClick(QApplication.focusWidget() or view, char)
    qtbot.waitUntil(lambda: view.current_page() is view.rewards, timeout=WAIT_MS)
    assert kiosk.flow.member is not None


def test_the_kiosks_scanner_asks_the_shops_formats_where_timing_splits_a_card() -> None:
    # A card's "K" let go late, or its keys stalled (xdotool on a loaded till): the cashier's
    # window reads it whole by the shop's formats, and the kiosk's filter knew none.
    scanner = kiosk_scanner("", 32, "either", ScanFormats.read("KR24, 7014", "INV-", ""))
    assert scanner.names_a_code("KR24000006")
    assert not scanner.names_a_code("R24000006")
    assert scanner.may_become_a_code("KR")
    assert not scanner.may_become_a_code("NGOPIPAGI")
    # A kiosk with no formats keeps the filter's own answers.
    assert not kiosk_scanner("", 32, "either").names_a_code("KR24000006")


def test_a_voucher_or_receipt_scanned_at_the_kiosk_is_sent_to_the_counter(
    qtbot: QtBot, starting: KioskStart, open_starting: Callable[[], KioskWindow]
) -> None:
    # The demo's kiosk, with the shop's formats: Ayu's voucher scanned at the kiosk was looked up
    # as a card, "We could not find that card. Please try again…": to scan the voucher again.
    starting.formats = ScanFormats.read("KR24, 7014", "INV-", "RINDANG-, SALDO-")
    kiosk = open_starting()
    view = starting.view
    for code in ("RINDANG-100K-7H2K", "INV-0042"):
        kiosk.flow.scanned(code)
        qtbot.waitUntil(lambda: view.current_page() is view.notice, timeout=WAIT_MS)
        assert view.notice.heading.text() == "Please ask at the counter"
        assert view.notice.text.text() == (
            "This code is for the cashier. Please show it at the counter."
        )
        view.notice.ok.click()
        assert view.current_page() is view.welcome
    kiosk.flow.scanned("KR24000006")  # her card is still read
    qtbot.waitUntil(lambda: view.current_page() is view.rewards, timeout=WAIT_MS)
