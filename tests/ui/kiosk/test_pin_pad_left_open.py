"""A PIN pad left open by one customer does not stand in the next one's way: a card scanned onto
a pad nobody has touched ends it (a new card is a new customer), while a pad someone has begun
stays theirs and names Cancel (times on a moved clock; cards typed at a scanner's pace)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.ui.kiosk.boot import KioskStart
from app.ui.kiosk.window import KioskWindow

from ...support.gates import Held, ScriptedClock
from ...support.sandbox import SandboxControl
from .conftest import AYU_CARD, BUDI, BUDI_CARD, WAIT_MS, type_keys, visible_words

pytestmark = pytest.mark.integration

#: The kiosk's words for a card scanned onto a pad someone has begun.
BEGUN = "Card not read. Finish the PIN, or tap Cancel."


def _page(kiosk: KioskWindow) -> str:
    return kiosk.view.current_page().objectName()


def _budis_pad_left_open(qtbot: QtBot, starting: KioskStart, clock: ScriptedClock) -> None:
    """Budi's card scanned, his PIN pad up; then he walks away (a person's pause)."""
    with qtbot.waitSignal(starting.scanner.scanned, timeout=WAIT_MS):
        type_keys(qtbot, clock, BUDI_CARD, gap_ms=8)
    qtbot.waitUntil(lambda: starting.view.current_page() is starting.view.pin, timeout=WAIT_MS)
    clock.advance(5_000)


def _scan_onto_the_pad(qtbot: QtBot, starting: KioskStart, clock: ScriptedClock) -> None:
    with qtbot.waitSignal(starting.scanner.taken_back, timeout=WAIT_MS):
        type_keys(qtbot, clock, AYU_CARD, gap_ms=8)


def _numpad(qtbot: QtBot, clock: ScriptedClock, digits: str) -> None:
    """``digits`` on a USB numpad at a person's pace, where the keyboard is."""
    for digit in digits:
        clock.advance(150)
        focus = QApplication.focusWidget() or QApplication.activeWindow()
        assert focus is not None
        qtbot.keyClick(focus, digit, Qt.KeyboardModifier.KeypadModifier)
    clock.advance(1_000)


def test_a_card_scanned_onto_a_pad_nobody_touched_is_the_next_customer_s_turn(
    qtbot: QtBot, starting: KioskStart, started: KioskWindow, clock: ScriptedClock
) -> None:
    # Budi walked away from his PIN pad; Ayu scanned her card and read "Card not read: finish
    # the PIN first.", stuck there until she tapped a Cancel nothing told her was hers, or
    # sixty seconds passed.
    view = starting.view
    _budis_pad_left_open(qtbot, starting, clock)

    _scan_onto_the_pad(qtbot, starting, clock)
    assert _page(started) == "kioskNotice"
    assert view.notice.heading.text() == "Please scan your card"
    assert view.notice.text.text() == "Your card was not read. Please scan it again."
    assert started.flow.member is None  # Budi's turn is over
    assert view.pin.pad.entered_count() == 0  # nothing of the card stayed on his pad

    # Ayu scans again, and it is her turn.
    clock.advance(2_000)
    with qtbot.waitSignal(starting.scanner.scanned, timeout=WAIT_MS):
        type_keys(qtbot, clock, AYU_CARD, gap_ms=8)
    qtbot.waitUntil(lambda: _page(started) == "kioskRewards", timeout=WAIT_MS)
    assert "Hi, Ayu!" in visible_words(view)


def test_a_card_scanned_onto_a_pad_begun_leaves_it_and_names_cancel(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
    sandbox: SandboxControl,
) -> None:
    # Budi typed two digits of his PIN and a card was scanned: his pad is not taken from him
    # in mid-PIN, nor his digits; whoever scanned is told how to get past it.
    view = starting.view
    _budis_pad_left_open(qtbot, starting, clock)
    _numpad(qtbot, clock, "12")

    _scan_onto_the_pad(qtbot, starting, clock)
    pad = view.pin.pad
    assert _page(started) == "kioskPin"
    assert pad.entered_count() == 2
    assert pad.prompt_text() == BEGUN
    assert started.flow.member is not None and started.flow.member.email == BUDI

    # Budi goes on: the note gives way to his PIN's line, and the PIN is his.
    _numpad(qtbot, clock, "3456")
    assert pad.prompt_text() == "Your 6-digit Stamps PIN"
    pad.submit()
    qtbot.waitUntil(lambda: _page(started) == "kioskRewards", timeout=WAIT_MS)
    assert view.rewards.hello.text() == "Hi, Budi!"


def test_a_pad_emptied_by_its_customer_is_still_theirs(
    qtbot: QtBot, starting: KioskStart, started: KioskWindow, clock: ScriptedClock
) -> None:
    # Budi typed, tapped "Clear all" to start his PIN again, and a card was scanned: he is
    # there, in mid-PIN, and his pad stays.
    view = starting.view
    _budis_pad_left_open(qtbot, starting, clock)
    _numpad(qtbot, clock, "12")
    clear_all = view.pin.pad.findChild(QPushButton, "pinClear")
    assert clear_all is not None
    clear_all.click()
    assert view.pin.pad.entered_count() == 0

    _scan_onto_the_pad(qtbot, starting, clock)
    assert _page(started) == "kioskPin"
    assert view.pin.pad.prompt_text() == BEGUN


def test_a_pad_left_after_a_wrong_pin_is_ended_by_the_next_card(
    qtbot: QtBot, starting: KioskStart, started: KioskWindow, clock: ScriptedClock
) -> None:
    # Budi typed a wrong PIN, read "That PIN is not right", and went: the pad is empty and
    # untouched again, and the next customer's card ends it.
    view = starting.view
    pad = view.pin.pad
    _budis_pad_left_open(qtbot, starting, clock)
    for digit in "111111":
        pad.press_digit(digit)
    pad.submit()
    qtbot.waitUntil(lambda: pad.attempts_text() != "", timeout=WAIT_MS)
    clock.advance(5_000)

    _scan_onto_the_pad(qtbot, starting, clock)
    assert _page(started) == "kioskNotice"
    assert started.flow.member is None


def test_a_card_scanned_while_the_pin_is_checked_leaves_the_check_to_answer(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Budi's PIN is with the server (on a line that hangs, for a whole read timeout) and a card
    # is scanned: his check is not ended under him, and the pad goes on saying what it does,
    # not "finish the PIN", which nobody could while its keys are off.
    view = starting.view
    pad = view.pin.pad
    checking = Held(monkeypatch, started.till.redeemer, "authorize_pin_for")
    _budis_pad_left_open(qtbot, starting, clock)
    for digit in "123456":
        pad.press_digit(digit)
    pad.submit()
    qtbot.waitUntil(lambda: bool(checking.calls), timeout=WAIT_MS)
    clock.advance(1_000)

    _scan_onto_the_pad(qtbot, starting, clock)
    assert _page(started) == "kioskPin"
    assert pad.busy() and pad.prompt_text() == "Checking your PIN…"
    checking.release()
    qtbot.waitUntil(lambda: _page(started) == "kioskRewards", timeout=WAIT_MS)
    assert view.rewards.hello.text() == "Hi, Budi!"
