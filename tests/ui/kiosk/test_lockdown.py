"""Nothing gets a customer past the kiosk: every escape key and the cashier window's shortcuts are
swallowed, a close request is refused, the sixty idle seconds forget the member, and only a
five-second hold in the corner and a manager's PIN lead out (times on a moved clock)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import timedelta
from email.utils import format_datetime

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core import clock as till_clock
from app.core.clock import ManualClock, installed
from app.core.services import AuditFilter
from app.core.storage.problems import disk_full
from app.ui.controllers import tasks
from app.ui.kiosk.boot import KioskStart
from app.ui.kiosk.window import KioskWindow

from ...support.gates import Held, ScriptedClock
from ...support.keyboard import held_down
from ...support.languages import speaking
from ...support.sandbox import SandboxControl
from .conftest import (
    AYU_CARD,
    BUDI_CARD,
    MANAGER,
    MANAGER_PIN,
    TERMINATOR_KEYS,
    WAIT_MS,
    run_async,
    type_keys,
    visible_words,
)

pytestmark = pytest.mark.integration

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
NONE = Qt.KeyboardModifier.NoModifier
#: Esc, every F-key, Alt+F4, Ctrl+Q, Ctrl+W, and the cashier window's own keys (F2 member search,
#: F8 manager mode, Ctrl+P print, Ctrl+Shift+Q…).
ESCAPES = [
    (Qt.Key.Key_Escape, NONE),
    *[(getattr(Qt.Key, f"Key_F{n}"), NONE) for n in range(1, 13)],
    (Qt.Key.Key_F4, ALT),
    (Qt.Key.Key_Q, CTRL),
    (Qt.Key.Key_W, CTRL),
    (Qt.Key.Key_Q, CTRL | SHIFT),
    (Qt.Key.Key_P, CTRL),
    (Qt.Key.Key_Tab, ALT),
    (Qt.Key.Key_Backspace, CTRL | ALT),
]


def _page(kiosk: KioskWindow) -> str:
    return kiosk.view.current_page().objectName()


def _show_ayu(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.flow.scanned(AYU_CARD)
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskRewards", timeout=WAIT_MS)


def _show_budis_pin_pad(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.flow.scanned(BUDI_CARD)
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskPin", timeout=WAIT_MS)


def _show_phone_keypad(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.view.welcome.phone.click()
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskPhone", timeout=WAIT_MS)


def test_no_key_and_no_close_request_gets_past_the_kiosk(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    view.activateWindow()
    _show_ayu(qtbot, kiosk)
    for key, modifiers in ESCAPES:
        before = kiosk.lock.keys_refused
        qtbot.keyClick(view.rewards, key, modifiers)
        assert kiosk.lock.keys_refused > before, (key, modifiers)  # (and its modifiers)
        assert view.isVisible()
        assert _page(kiosk) == "kioskRewards"
        assert kiosk.flow.member is not None

    # On the PIN pad, Esc would cancel: it never reaches it.
    view.rewards.done_button.click()
    _show_budis_pin_pad(qtbot, kiosk)
    view.pin.pad.press_digit("1")
    qtbot.keyClick(view.pin.pad, Qt.Key.Key_Escape)
    assert _page(kiosk) == "kioskPin" and view.pin.pad.entered_count() == 1

    assert view.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(view, event)
    assert not event.isAccepted()
    assert view.isVisible() and _page(kiosk) == "kioskPin"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_a_kiosk_minimised_by_a_window_manager_comes_back_full_screen(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    # A window manager's menu (Alt+Space, Iconify) minimises past the key lock: the next
    # customer met a black screen.
    view = kiosk.view
    view.showFullScreen()
    qtbot.waitUntil(view.isFullScreen, timeout=WAIT_MS)
    view.showMinimized()
    qtbot.waitUntil(lambda: view.isFullScreen() and not view.isMinimized(), timeout=WAIT_MS)
    assert view.isVisible() and _page(kiosk) == "kioskWelcome"


@pytest.mark.parametrize("end", TERMINATOR_KEYS)
def test_a_scanner_that_ends_its_code_with_a_line_feed_is_read_at_the_kiosk(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
    end: str,
) -> None:
    # Seen under Xvfb: Ayu's card ended by Ctrl+J (a scanner set to end a line the Unix way)
    # did nothing at the kiosk, where the cashier's window reads it: the lock swallowed the
    # line feed as a shortcut before the scanner filter saw it end the scan.
    view = starting.view
    type_keys(qtbot, clock, AYU_CARD, gap_ms=8, end=end)
    qtbot.waitUntil(lambda: _page(started) == "kioskRewards", timeout=WAIT_MS)
    assert "Ayu" in visible_words(view)
    # Typed by a person, it is no scan, and Ctrl+J is no way past the kiosk either.
    view.rewards.done_button.click()
    qtbot.waitUntil(lambda: _page(started) == "kioskWelcome", timeout=WAIT_MS)
    type_keys(qtbot, clock, AYU_CARD, gap_ms=120, end=end)
    assert _page(started) == "kioskWelcome" and started.flow.member is None
    assert view.isVisible()


def test_a_usb_numpad_with_numlock_off_types_the_customers_pin(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    view.activateWindow()
    _show_budis_pin_pad(qtbot, kiosk)
    keypad = Qt.KeyboardModifier.KeypadModifier
    # KP_End, KP_Down, KP_Next: 1, 2, 3 on the keys; what X sends for them with NumLock off.
    for key in (Qt.Key.Key_End, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
        qtbot.keyClick(view.pin.pad, key, keypad)
    assert view.pin.pad.entered_count() == 3
    # The same keys beside the letters are no digits, and still get nowhere.
    before = kiosk.lock.keys_refused
    qtbot.keyClick(view.pin.pad, Qt.Key.Key_End)
    assert kiosk.lock.keys_refused > before
    assert view.pin.pad.entered_count() == 3 and _page(kiosk) == "kioskPin"


def test_a_usb_numpad_s_backspace_and_delete_put_a_mistyped_pin_right(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # A customer who typed a wrong digit on the numpad pressed its Backspace and nothing
    # happened: the lock swallowed it as a way out, and Enter sent the wrong PIN.
    view = kiosk.view
    view.activateWindow()
    _show_budis_pin_pad(qtbot, kiosk)
    pad = view.pin.pad
    for key in "129":
        qtbot.keyClick(pad, key)
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.entered_count() == 2
    qtbot.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.entered_count() == 0 and _page(kiosk) == "kioskPin"
    # Elsewhere they are still no key of the kiosk's.
    view.pin.pad.cancel()
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskWelcome", timeout=WAIT_MS)
    before = kiosk.lock.keys_refused
    qtbot.keyClick(view.current_page(), Qt.Key.Key_Backspace)
    assert kiosk.lock.keys_refused > before


def test_sixty_idle_seconds_forget_the_member_on_screen_and_in_the_controllers(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    clock = ManualClock()
    with installed(clock):
        kiosk.idle.touch()
        _show_ayu(qtbot, kiosk)
        kiosk.view.rewards.tiles()[0].click()
        assert _page(kiosk) == "kioskConfirm" and kiosk.flow.chosen is not None
        clock.advance(59)
        assert not kiosk.idle.check()
        assert kiosk.flow.member is not None
        clock.advance(1)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskWelcome", timeout=WAIT_MS)

    flow = kiosk.flow
    assert (flow.member, flow.request_id, flow.offer, flow.chosen, flow.receipt) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert kiosk.view.rewards.hello.text() == "" and kiosk.view.rewards.tiles() == []
    assert kiosk.view.confirm.question.text() == ""
    assert "Ayu" not in visible_words(kiosk.view)


def test_a_language_chosen_and_left_on_welcome_is_the_kiosks_own_again_after_sixty_seconds(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # Welcome waited for ever: a customer who tapped "English" on a kiosk in Bahasa Indonesia
    # (or went "Back" from the phone keypad) and walked away left it in English for the next.
    view = kiosk.view

    def welcome_says() -> str:
        QApplication.processEvents()  # a change of language reaches the window as an event
        return view.welcome.title.text()

    clock = ManualClock()
    with installed(clock), speaking("en"):  # the kiosk's own language again after the test
        view.welcome.languages["id"].click()
        qtbot.waitUntil(lambda: welcome_says() == "Selamat datang", timeout=WAIT_MS)
        view.welcome.phone.click()
        view.phone.back_button.click()  # the customer goes back, then away
        assert _page(kiosk) == "kioskWelcome"
        clock.advance(59)
        assert not kiosk.idle.check() and welcome_says() == "Selamat datang"
        clock.advance(1)
        qtbot.waitUntil(lambda: welcome_says() == "Welcome", timeout=WAIT_MS)
        assert _page(kiosk) == "kioskWelcome"
        # In its own language, welcome waits for the next customer as long as it takes.
        clock.advance(3600)
        assert not kiosk.idle.check()


def test_a_result_stays_thirty_seconds_for_the_cashier_to_scan_then_goes(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # "Show this to the cashier": ten seconds were gone before a cashier serving someone else
    # could turn to the screen with the scanner, and the QR code and reference with them.
    clock = ManualClock()
    with installed(clock):
        _show_ayu(qtbot, kiosk)
        kiosk.view.rewards.tiles()[0].click()
        with qtbot.waitSignal(kiosk.flow.result_ready, timeout=WAIT_MS):
            kiosk.view.confirm.yes.click()
        assert _page(kiosk) == "kioskResult"
        clock.advance(29)
        assert not kiosk.idle.check()
        assert not kiosk.view.result.qr.pixmap().isNull()
        clock.advance(1)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskWelcome", timeout=WAIT_MS)
    assert kiosk.flow.receipt is None and kiosk.view.result.result() is None


def test_a_notice_goes_back_to_welcome_after_ten_seconds(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    clock = ManualClock()
    with installed(clock):
        kiosk.flow.scanned("70140000000124")  # Hendra, blocked: "ask at the counter"
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskNotice", timeout=WAIT_MS)
        clock.advance(9)
        assert not kiosk.idle.check()
        clock.advance(1)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskWelcome", timeout=WAIT_MS)


def test_only_a_five_second_hold_in_the_corner_opens_the_manager_pad(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    clock = ManualClock()
    with installed(clock):
        # A short press, and a long one elsewhere, do nothing.
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        clock.advance(4.9)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 900))
        clock.advance(6)
        assert not kiosk.lock.check_hold()
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 900))
        assert _page(kiosk) == "kioskWelcome"

        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        clock.advance(5)
        qtbot.waitUntil(lambda: _page(kiosk) == "kioskManager", timeout=WAIT_MS)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert view.manager.step() == "name"
    assert [b.text() for b in view.manager.name_buttons] == [MANAGER]


def _open_manager_pad(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.lock.corner_held.emit()
    qtbot.waitUntil(lambda: _page(kiosk) == "kioskManager", timeout=WAIT_MS)
    kiosk.view.manager.name_buttons[0].click()
    assert kiosk.view.manager.step() == "pin"


def _type_pin(kiosk: KioskWindow, pin: str) -> None:
    keypad = kiosk.view.manager.keypad
    for digit in pin:
        keypad.press(digit)
    assert keypad.shown_text() == "●" * len(pin)  # never the digits
    keypad.submit()


def test_a_wrong_manager_pin_keeps_the_kiosk_and_counts_towards_the_lockout(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    _show_ayu(qtbot, kiosk)
    _open_manager_pad(qtbot, kiosk)
    assert kiosk.flow.member is None  # the customer's screen went first
    for _ in range(5):
        _type_pin(kiosk, "135799")
        qtbot.waitUntil(lambda: view.manager.refusal.isVisibleTo(view), timeout=WAIT_MS)
        refusal = view.manager.refusal.text()
        view.manager.refusal.hide()
    assert "locked" in refusal.lower()
    _type_pin(kiosk, MANAGER_PIN)  # locked: even the right PIN waits
    qtbot.waitUntil(lambda: view.manager.refusal.isVisibleTo(view), timeout=WAIT_MS)
    assert view.manager.step() == "pin"
    assert kiosk.till.manager.current is None
    view.manager.cancel.click()
    assert _page(kiosk) == "kioskWelcome" and view.isVisible()


def test_a_manager_leaves_kiosk_mode_with_their_pin_and_it_is_audited(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    _open_manager_pad(qtbot, kiosk)
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
    with qtbot.waitSignal(kiosk.manager.left, timeout=WAIT_MS) as left:
        view.manager.leave.click()
    assert left.args == [MANAGER]
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)
    lines = run_async(qtbot, kiosk.till.audit.lines(AuditFilter(who=MANAGER)))
    assert [line.action for line in lines][-3:] == ["sign_in", "kiosk_left", "manager_mode_left"]
    assert kiosk.till.manager.current is None


def test_a_manager_leaves_a_kiosk_whose_disk_is_full(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kiosk on a full disk is paused for every customer: leaving it is how a manager gets to
    # the till to free the space. The audit lines of signing in and leaving are writes the disk
    # refuses.
    view = kiosk.view
    db = kiosk.till.outbox.db

    def refused(fn: object, raw: bool) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(disk_full(db.path))
        return future

    monkeypatch.setattr(db, "_submit", refused)
    _open_manager_pad(qtbot, kiosk)
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
    with qtbot.waitSignal(kiosk.manager.left, timeout=WAIT_MS):
        view.manager.leave.click()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)


def test_back_to_the_kiosk_ends_manager_mode(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    _open_manager_pad(qtbot, kiosk)
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
    view.manager.cancel.click()
    qtbot.waitUntil(lambda: kiosk.till.manager.current is None, timeout=WAIT_MS)
    assert _page(kiosk) == "kioskWelcome" and view.isVisible()
    assert view.close() is False


def _leavings(qtbot: QtBot, kiosk: KioskWindow) -> list[str]:
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)  # the leaving is written
    lines = run_async(
        qtbot, kiosk.till.audit.lines(AuditFilter(who=MANAGER, action="manager_mode_left"))
    )
    return sorted(str(line.detail["reason"]) for line in lines)


def test_a_manager_who_walks_away_from_the_kiosk_is_audited_as_idle_not_back_to_it(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    # Wayan signed in at the kiosk and walked off; its sixty idle seconds ended manager mode,
    # and the audit log said he had pressed "Back to the kiosk" (seen under Xvfb).
    view = kiosk.view
    clock = ManualClock()
    with installed(clock):
        kiosk.idle.touch()
        _open_manager_pad(qtbot, kiosk)
        _type_pin(kiosk, MANAGER_PIN)
        qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
        clock.advance(60)
        assert kiosk.idle.check()
        qtbot.waitUntil(lambda: kiosk.till.manager.current is None, timeout=WAIT_MS)
    assert _page(kiosk) == "kioskWelcome"
    assert _leavings(qtbot, kiosk) == ["idle"]
    _open_manager_pad(qtbot, kiosk)
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
    view.manager.cancel.click()
    qtbot.waitUntil(lambda: kiosk.till.manager.current is None, timeout=WAIT_MS)
    assert _leavings(qtbot, kiosk) == ["back to the kiosk", "idle"]


def test_a_manager_signing_in_is_told_the_clock_is_wrong_and_customers_are_not(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    server = till_clock.now() + timedelta(hours=3, minutes=5)  # said to the nearest minute
    kiosk.till.monitor.note_server_date(format_datetime(server, usegmt=True))
    assert "clock" not in visible_words(view).lower()  # nothing of it on the customer's screen
    _open_manager_pad(qtbot, kiosk)
    assert not view.manager.clock_note.isVisibleTo(view)  # nor before a manager's PIN
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.manager.clock_note.isVisibleTo(view), timeout=WAIT_MS)
    assert view.manager.clock_note.text() == (
        "The till's clock is 3 h 5 min behind the Stamps server's: leave kiosk mode and set "
        "the time."
    )
    view.manager.cancel.click()  # back to the kiosk: the customer's screen says nothing again
    qtbot.waitUntil(lambda: kiosk.till.manager.current is None, timeout=WAIT_MS)
    assert "clock" not in visible_words(view).lower()


@pytest.mark.parametrize("step", ["card", "pin"])
def test_an_answer_that_comes_after_the_idle_reset_shows_the_next_customer_nothing(
    qtbot: QtBot, kiosk: KioskWindow, sandbox: SandboxControl, step: str
) -> None:
    # A slow server: the customer walks off while their card (or Budi's PIN) is being checked,
    # and the kiosk forgets them. Its answer, late, must not bring their name and stamps back
    # over welcome for whoever comes next.
    clock = ManualClock()
    with installed(clock):
        kiosk.idle.touch()
        if step == "pin":
            _show_budis_pin_pad(qtbot, kiosk)
        sandbox.faults(held=True)
        if step == "card":
            kiosk.flow.scanned(AYU_CARD)
        else:
            for digit in "123456":
                kiosk.view.pin.pad.press_digit(digit)
            kiosk.view.pin.pad.submit()
        qtbot.waitUntil(lambda: sandbox.holding() > 0, timeout=WAIT_MS)
        asked = kiosk.flow._step._task
        assert asked is not None
        clock.advance(60)
        assert kiosk.idle.check()
    assert _page(kiosk) == "kioskWelcome"
    sandbox.faults(held=False)
    qtbot.waitUntil(asked.done, timeout=WAIT_MS)
    assert _page(kiosk) == "kioskWelcome"
    assert kiosk.flow.member is None and kiosk.flow.request_id is None
    assert "Ayu" not in visible_words(kiosk.view) and "Budi" not in visible_words(kiosk.view)


def test_a_manager_pin_checked_after_back_to_the_kiosk_leaves_nobody_in_manager_mode(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wayan's PIN was still being checked when "Back to the kiosk" was pressed (or the kiosk
    # went idle): the PIN taken after it left manager mode on at the unattended kiosk.
    checking = Held(monkeypatch, kiosk.till.manager, "enter")
    _open_manager_pad(qtbot, kiosk)
    _type_pin(kiosk, MANAGER_PIN)
    qtbot.waitUntil(lambda: bool(checking.calls), timeout=WAIT_MS)
    kiosk.view.manager.cancel.click()
    assert _page(kiosk) == "kioskWelcome"
    checking.release()
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
    assert _page(kiosk) == "kioskWelcome"
    assert kiosk.till.manager.current is None


def test_the_managers_keypad_is_off_while_the_pin_is_checked(
    qtbot: QtBot, kiosk: KioskWindow, clock: ScriptedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Digits typed while a wrong PIN was checked stayed on the pad as dots, the start of a PIN
    # the manager did not know they had typed. The customers' PIN pads turn their keys off.
    checking = Held(monkeypatch, kiosk.till.manager, "enter")
    view = kiosk.view
    view.activateWindow()
    _open_manager_pad(qtbot, kiosk)
    keypad = view.manager.keypad
    _type_pin(kiosk, "135790")
    qtbot.waitUntil(lambda: bool(checking.calls), timeout=WAIT_MS)
    assert view.manager.heading.text() == "Wayan: checking your PIN…"
    assert not keypad.findChild(QPushButton, "kioskKey1").isEnabled()
    keypad.findChild(QPushButton, "kioskKey1").click()  # a finger on the screen
    _numpad(qtbot, clock, "24>")  # and on the numpad
    assert keypad.entered_count() == 0 and keypad.shown_text() == ""
    checking.release()
    qtbot.waitUntil(lambda: view.manager.refusal.isVisibleTo(view), timeout=WAIT_MS)
    assert view.manager.refusal.text().startswith("Wrong PIN")
    assert keypad.entered_count() == 0 and keypad.shown_text() == ""
    assert view.manager.heading.text() == "Wayan: enter your PIN"
    assert len(checking.calls) == 1  # the Enter typed meanwhile sent nothing
    _numpad(qtbot, clock, "2")  # the keys are back
    assert keypad.entered_count() == 1


KEYPAD = Qt.KeyboardModifier.KeypadModifier
#: A USB numpad's keys as X delivers them: its digits with NumLock on, and with it off (2 and 3
#: as KP_Down and KP_Next), its Backspace, and its Enter.
NUMLOCK_OFF = {"2": Qt.Key.Key_Down, "3": Qt.Key.Key_PageDown}


def _numpad(qtbot: QtBot, clock: ScriptedClock, keys: str) -> None:
    """``keys`` typed on a USB numpad at a person's pace where the keyboard is: a digit, ``<``
    for Backspace, ``>`` for its Enter; a digit in :data:`NUMLOCK_OFF` with NumLock off."""
    for key in keys:
        clock.advance(150)
        focus = QApplication.focusWidget() or QApplication.activeWindow()
        assert focus is not None
        if key == "<":
            qtbot.keyClick(focus, Qt.Key.Key_Backspace)
        elif key == ">":
            qtbot.keyClick(focus, Qt.Key.Key_Enter, KEYPAD)
        elif key in NUMLOCK_OFF:
            qtbot.keyClick(focus, NUMLOCK_OFF[key], KEYPAD)
        else:
            qtbot.keyClick(focus, key, KEYPAD)


def test_a_usb_numpad_types_the_phone_number_on_the_kiosk_s_keypad(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
) -> None:
    # Seen under Xvfb: "Enter phone number", then Budi's number on a USB numpad: the keypad
    # stayed empty, its keys taking only taps, while the PIN pad took the same numpad's keys.
    view = starting.view
    _show_phone_keypad(qtbot, started)
    _numpad(qtbot, clock, "08131000012394<")
    qtbot.waitUntil(lambda: view.phone.keypad.shown_text() == "0813100001239", timeout=WAIT_MS)
    _numpad(qtbot, clock, "<>")
    qtbot.waitUntil(lambda: _page(started) == "kioskPin", timeout=WAIT_MS)
    assert "Budi" not in visible_words(view)  # a typed number shows nothing before the PIN


#: The customer's last digit came this long before the scanner's first key: slower than any gap
#: inside a scan at 8 ms a key, within the gap the filter waits for before it lets typing go.
LAST_DIGIT_BEFORE_THE_SCAN_MS = 40


def _numpad_last_held(qtbot: QtBot, clock: ScriptedClock, keys: str) -> Callable[[], None]:
    """``keys`` typed as :func:`_numpad` types them, the finger still on the last digit (a
    person's stays on a key 50 to 150 ms): returns letting go of it."""
    _numpad(qtbot, clock, keys[:-1])
    clock.advance(150)
    focus = QApplication.focusWidget() or QApplication.activeWindow()
    assert focus is not None
    qtbot.keyPress(focus, keys[-1], KEYPAD)
    return lambda: qtbot.keyRelease(focus, keys[-1], KEYPAD)


def test_a_card_scanned_just_after_the_phone_number_s_last_digit_is_read(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
) -> None:
    # A customer types, then scans at once, a finger still on their last digit: the scanner
    # filter took that digit for the scan's first key, and the card read "370140000000006",
    # nobody's.
    view = starting.view
    _show_phone_keypad(qtbot, started)
    let_go = _numpad_last_held(qtbot, clock, "0813")
    clock.advance(LAST_DIGIT_BEFORE_THE_SCAN_MS - 8)
    with qtbot.waitSignal(starting.scanner.scanned, timeout=WAIT_MS) as scan:
        type_keys(qtbot, clock, AYU_CARD, gap_ms=8)
    let_go()
    assert scan.args == [AYU_CARD]
    qtbot.waitUntil(lambda: _page(started) == "kioskRewards", timeout=WAIT_MS)
    assert "Hi, Ayu!" in visible_words(view)


def test_a_pin_digit_typed_just_before_a_card_stays_on_the_pad(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
) -> None:
    # Budi typed 1, 2, 3 and a card was scanned at once: his 3 was taken back with the card's
    # digits, and he did not see which of his digits had gone.
    _show_budis_pin_pad(qtbot, started)
    let_go = _numpad_last_held(qtbot, clock, "123")
    clock.advance(LAST_DIGIT_BEFORE_THE_SCAN_MS - 8)
    with qtbot.waitSignal(starting.scanner.taken_back, timeout=WAIT_MS):
        type_keys(qtbot, clock, AYU_CARD, gap_ms=8)
    let_go()
    pad = starting.view.pin.pad
    assert pad.entered_count() == 3
    assert pad.prompt_text() == "Card not read. Finish the PIN, or tap Cancel."


def _digits_at(*typed: tuple[str, float, float]) -> None:
    """Each ``(digit or "\\r", pressed_at, let_go_at)`` where the keyboard is, stamped with its
    times as X stamps them (xdotool's holds and gaps, measured under Xvfb)."""
    for char, pressed_at, let_go_at in typed:
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(Qt.Key.Key_0.value + int(char))
        for kind, at in ((QEvent.Type.KeyPress, pressed_at), (QEvent.Type.KeyRelease, let_go_at)):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(int(at))
            focus = QApplication.focusWidget() or QApplication.activeWindow()
            assert focus is not None
            QApplication.sendEvent(focus, event)


def test_pin_digits_typed_by_xdotool_just_before_a_card_stay_on_the_pad(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
) -> None:
    # Budi's 1 and 2 typed as ``xsession type 12`` types them (31 ms apart, each let go 16 ms
    # after it was pressed), a card scanned 18 ms later: both went with the card's digits, the
    # pad empty under "Card not read: finish the PIN first." (the kiosk names Cancel now).
    _show_budis_pin_pad(qtbot, started)
    at = 1_000_000
    typed = [("1", at, at + 16), ("2", at + 31, at + 47)]
    card = [(d, at + 65 + 7 * i, at + 68 + 7 * i) for i, d in enumerate("70140000000123\r")]
    with qtbot.waitSignal(starting.scanner.taken_back, timeout=WAIT_MS):
        _digits_at(*typed, *card)
    pad = starting.view.pin.pad
    assert pad.entered_count() == 2
    assert pad.prompt_text() == "Card not read. Finish the PIN, or tap Cancel."


@pytest.mark.parametrize("screen", ["kioskPin", "kioskPhone"])
@pytest.mark.parametrize(
    ("key", "text"), [(Qt.Key.Key_1, "1"), (Qt.Key.Key_End, "")], ids=["numlock on", "off"]
)
def test_a_numpad_key_held_down_types_its_digit_once(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    screen: str,
    key: Qt.Key,
    text: str,
) -> None:
    # Seen under Xvfb: a finger resting on the numpad's "1" filled Budi's PIN pad with 1s, for
    # Enter to send as a wrong PIN, and the phone keypad with a number nobody has.
    view = starting.view
    if screen == "kioskPin":
        started.flow.scanned(BUDI_CARD)
    else:
        view.welcome.phone.click()
    qtbot.waitUntil(lambda: _page(started) == screen, timeout=WAIT_MS)
    pad = view.pin.pad if screen == "kioskPin" else view.phone.keypad
    held_down(key, text, repeats=5)
    qtbot.waitUntil(lambda: pad.entered_count() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: starting.scanner.held_count() == 0, timeout=WAIT_MS)
    assert pad.entered_count() == 1
    # Pressed again, it types again: a PIN may have a digit twice.
    held_down(key, text, repeats=0)
    qtbot.waitUntil(lambda: pad.entered_count() == 2, timeout=WAIT_MS)


def test_a_usb_numpad_types_a_managers_pin_on_the_kiosk_s_pad(
    qtbot: QtBot, kiosk: KioskWindow, clock: ScriptedClock, sandbox: SandboxControl
) -> None:
    view = kiosk.view
    view.activateWindow()
    _open_manager_pad(qtbot, kiosk)
    _numpad(qtbot, clock, "2468109<")
    qtbot.waitUntil(lambda: view.manager.keypad.entered_count() == 6, timeout=WAIT_MS)
    assert view.manager.keypad.shown_text() == "●" * 6  # never the digits
    _numpad(qtbot, clock, ">")
    qtbot.waitUntil(lambda: view.manager.step() == "signed_in", timeout=WAIT_MS)


def test_a_card_scanned_over_the_managers_pad_is_said_not_read(
    qtbot: QtBot,
    starting: KioskStart,
    started: KioskWindow,
    clock: ScriptedClock,
) -> None:
    # Seen under Xvfb: a card scanned while a manager typed their PIN emptied the pad without
    # a word (the scanner filter took it back, as a PIN's), the manager's digits with it.
    view = starting.view
    _open_manager_pad(qtbot, started)
    _numpad(qtbot, clock, "246")
    type_keys(qtbot, clock, AYU_CARD, gap_ms=8)
    qtbot.waitUntil(lambda: view.manager.refusal.isVisibleTo(view), timeout=WAIT_MS)
    assert view.manager.refusal.text() == "Card not read, and the PIN emptied: type the PIN again."
    assert view.manager.keypad.entered_count() == 0
    assert view.manager.step() == "pin" and started.till.manager.current is None
