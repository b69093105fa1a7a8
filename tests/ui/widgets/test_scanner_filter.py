"""A keyboard-wedge scanner is told from typing by timing, wherever focus is.

Time comes from a scripted clock: each keystroke is stamped by the test, nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.pin_pad import PinPad
from app.ui.widgets.scanner_filter import ScannerFilter


class ScriptedClock:
    """Milliseconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


@pytest.fixture
def clock() -> ScriptedClock:
    return ScriptedClock()


@pytest.fixture
def scanner(qapp: QApplication, clock: ScriptedClock) -> Iterator[ScannerFilter]:
    scanner = ScannerFilter(clock_ms=clock)
    scanner.install(qapp)
    yield scanner
    scanner.remove(qapp)


@pytest.fixture
def field(qtbot: QtBot, shown) -> QLineEdit:
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = QLineEdit()
    layout.addWidget(edit)
    shown(host)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.host = host  # the test holds the field; the field keeps its window alive
    return edit


def keys(qtbot: QtBot, widget: QWidget, clock: ScriptedClock, text: str, gap_ms: float) -> None:
    for char in text:
        clock.advance(gap_ms)
        qtbot.keyClick(widget, char)


def enter(qtbot: QtBot, widget: QWidget, clock: ScriptedClock, gap_ms: float) -> None:
    clock.advance(gap_ms)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    with (
        qtbot.waitSignal(scanner.scanned) as scan,
        qtbot.assertNotEmitted(field.returnPressed),
    ):
        keys(qtbot, field, clock, "8991234567890", gap_ms=8)
        enter(qtbot, field, clock, gap_ms=8)

    assert scan.args == ["8991234567890"]
    assert field.text() == ""
    assert scanner.held_count() == 0


def test_typing_reaches_the_field_and_is_not_a_scan(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    with qtbot.assertNotEmitted(scanner.scanned):
        keys(qtbot, field, clock, "budi santoso", gap_ms=180)
        qtbot.waitUntil(lambda: field.text() == "budi santoso")
        with qtbot.waitSignal(field.returnPressed):
            enter(qtbot, field, clock, gap_ms=300)


def test_a_short_fast_burst_is_typing(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    with qtbot.assertNotEmitted(scanner.scanned), qtbot.waitSignal(field.returnPressed):
        keys(qtbot, field, clock, "12345", gap_ms=5)
        enter(qtbot, field, clock, gap_ms=5)
    assert field.text() == "12345"


def test_a_pause_inside_the_burst_makes_it_typing(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    with qtbot.assertNotEmitted(scanner.scanned):
        keys(qtbot, field, clock, "ABC", gap_ms=5)
        keys(qtbot, field, clock, "D", gap_ms=200)
        keys(qtbot, field, clock, "EF", gap_ms=5)
        enter(qtbot, field, clock, gap_ms=5)
    assert field.text() == "ABCDEF"


def test_a_slow_enter_after_a_fast_burst_is_typing(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    with qtbot.assertNotEmitted(scanner.scanned):
        keys(qtbot, field, clock, "ABCDEFGH", gap_ms=5)
        enter(qtbot, field, clock, gap_ms=400)
    assert field.text() == "ABCDEFGH"


def test_a_lone_key_shows_up_after_a_short_pause(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    keys(qtbot, field, clock, "x", gap_ms=500)
    assert scanner.held_count() == 1
    qtbot.waitUntil(lambda: field.text() == "x")


def test_the_pin_pad_gets_its_keys_directly(
    qtbot: QtBot, scanner: ScannerFilter, clock: ScriptedClock, shown
):
    pad = shown(PinPad())
    pad.setFocus()
    qtbot.waitUntil(pad.hasFocus)
    keys(qtbot, pad, clock, "123", gap_ms=5)
    assert scanner.held_count() == 0
    assert pad.entered_count() == 3


def test_a_disabled_filter_lets_a_burst_through(
    qtbot: QtBot, scanner: ScannerFilter, field: QLineEdit, clock: ScriptedClock
):
    scanner.set_enabled(False)
    with qtbot.assertNotEmitted(scanner.scanned):
        keys(qtbot, field, clock, "8991234567890", gap_ms=5)
        enter(qtbot, field, clock, gap_ms=5)
    assert field.text() == "8991234567890"
