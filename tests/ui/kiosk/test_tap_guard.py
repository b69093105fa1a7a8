"""A customer's double tap does not reach the next screen: the second tap of "No, go back" lands
where the rewards' "Done" is, and must not forget them. Times are the till's clock, moved."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.clock import ManualClock, installed
from app.ui.kiosk.tap_guard import FRESH_PAGE_SECONDS
from app.ui.kiosk.window import KioskWindow

from ...support.sandbox import SandboxControl
from .conftest import AYU_CARD, BUDI_CARD, WAIT_MS

pytestmark = pytest.mark.integration

LEFT = Qt.MouseButton.LeftButton
#: The two taps of a double tap, as a finger makes them (xdotool's --delay 80).
DOUBLE_TAP_GAP = 0.08
#: The taps of a triple tap (xdotool's --repeat 3 --delay 170): the third comes after the guard's
#: moment, but is the same finger's.
TRIPLE_TAP_GAP = 0.17
#: A tap aimed at what the screen shows comes a moment after the last tap, swallowed or not.
AIMED_TAP_GAP = FRESH_PAGE_SECONDS + 0.2


def _page(kiosk: KioskWindow) -> str:
    return kiosk.view.current_page().objectName()


def _tap(qtbot: QtBot, kiosk: KioskWindow, at: QPoint) -> None:
    """A tap where the finger is: on whatever button the screen on show has there."""
    widget = kiosk.view.childAt(at)
    assert widget is not None
    qtbot.mouseClick(widget, LEFT, pos=widget.mapFrom(kiosk.view, at))


def _centre(view: QWidget, button: QAbstractButton) -> QPoint:
    return button.mapTo(view, button.rect().center())


@pytest.mark.parametrize(
    "gaps", [[DOUBLE_TAP_GAP], [TRIPLE_TAP_GAP, TRIPLE_TAP_GAP]], ids=["double", "triple"]
)
def test_the_next_taps_of_go_back_do_not_tap_done_on_the_rewards(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
    gaps: list[float],
) -> None:
    # A triple tap's third tap came 0.34 s after the rewards were back, past the guard's moment,
    # and tapped "Done": the customer was forgotten (seen under Xvfb).
    kiosk = make_kiosk(till_settings, size=(1366, 768))
    view = kiosk.view
    clock = ManualClock()
    with installed(clock):
        kiosk.flow.scanned(AYU_CARD)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)
        clock.advance(2)  # the customer reads their rewards
        view.rewards.tiles()[0].click()
        assert _page(kiosk) == "kioskConfirm"
        clock.advance(2)  # and the question

        finger = _centre(view, view.confirm.no)
        _tap(qtbot, kiosk, finger)
        assert _page(kiosk) == "kioskRewards"
        assert view.childAt(finger) is view.rewards.done_button  # the same place on the next screen
        for gap in gaps:
            clock.advance(gap)
            _tap(qtbot, kiosk, finger)
        assert _page(kiosk) == "kioskRewards"
        assert kiosk.flow.member is not None and view.rewards.hello.text() == "Hi, Ayu!"

        # A tap the customer means, a moment after the last one, is taken.
        clock.advance(AIMED_TAP_GAP)
        _tap(qtbot, kiosk, finger)
        assert _page(kiosk) == "kioskWelcome" and kiosk.flow.member is None


def test_keys_are_taken_at_once_on_a_new_screen(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # A scanner's keys, or a numpad's on the PIN pad, come from no finger: nothing to guard.
    clock = ManualClock()
    with installed(clock):
        kiosk.flow.scanned(BUDI_CARD)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskPin", timeout=WAIT_MS)
        pad = kiosk.view.pin.pad
        qtbot.keyClicks(pad, "12")
        assert pad.entered_count() == 2


def _tile_names(kiosk: KioskWindow) -> list[str]:
    return [tile.accessibleName() for tile in kiosk.view.rewards.tiles()]


def test_a_double_tap_on_more_rewards_turns_one_page(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Before, turning the tiles was no change of screen to the guard: the second tap landed on
    # "Previous", which took the place of "More rewards", and turned back to the first page.
    kiosk = make_kiosk(till_settings, size=(1366, 768))
    view = kiosk.view
    clock = ManualClock()
    with installed(clock):
        kiosk.flow.scanned(AYU_CARD)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)
        first_page = _tile_names(kiosk)
        clock.advance(2)  # the customer reads their rewards

        finger = _centre(view, view.rewards.more)
        _tap(qtbot, kiosk, finger)
        second_page = _tile_names(kiosk)
        assert second_page and second_page != first_page
        # where the second tap lands, once the turned page is laid out
        qtbot.waitUntil(lambda: view.childAt(finger) is view.rewards.previous)
        clock.advance(DOUBLE_TAP_GAP)
        _tap(qtbot, kiosk, finger)
        assert _tile_names(kiosk) == second_page

        # "Previous", tapped a moment after, turns back.
        clock.advance(AIMED_TAP_GAP)
        _tap(qtbot, kiosk, finger)
        assert _tile_names(kiosk) == first_page


def test_a_double_tap_on_a_managers_name_types_nothing_into_their_pin(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    # Before, the manager's steps were one screen to the guard: the second tap of a double tap
    # on their name typed the digit under it on the PIN pad, and their PIN was then wrong (seen
    # under Xvfb at 1366×768, a "5").
    kiosk = make_kiosk(till_settings, size=(1366, 768))
    view = kiosk.view
    page = view.manager
    clock = ManualClock()
    with installed(clock):
        kiosk.lock.corner_held.emit()
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskManager", timeout=WAIT_MS)
        name = page.name_buttons[0]
        where_name_is = QRect(name.mapTo(view, QPoint(0, 0)), name.size())
        clock.advance(2)  # the manager finds their name

        _tap(qtbot, kiosk, where_name_is.center())
        assert page.step() == "pin"
        # A finger's second tap lands a little off its first, on the name still: where there, a
        # key of the pad is now.
        finger = _on_a_digit_key(view, where_name_is)
        clock.advance(DOUBLE_TAP_GAP)
        _tap(qtbot, kiosk, finger)
        assert page.keypad.entered_count() == 0

        # The key, tapped a moment after, types its digit.
        clock.advance(AIMED_TAP_GAP)
        _tap(qtbot, kiosk, finger)
        assert page.keypad.entered_count() == 1


def _on_a_digit_key(view: QWidget, area: QRect) -> QPoint:
    """A point of ``area`` (down its middle) on one of the screen's digit keys."""
    for y in range(area.top(), area.bottom() + 1):
        point = QPoint(area.center().x(), y)
        key = view.childAt(point)
        if isinstance(key, QAbstractButton) and key.text().isdigit():
            return point
    raise AssertionError(f"no digit key where {area} was")
