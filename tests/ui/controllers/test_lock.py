"""The till's lock in the window against a live sandbox: after its idle time the sign-in page
comes up with nothing of the last customer, a member or an entry on screen (no dialog left open
over it), and the member's PIN being checked, which the till must see through, holds the lock
off (a pad nobody touches closes with it)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.services import Kiosk, KioskRedemption, Role, StorageProblem, qr_payload
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks
from app.ui.crash import CrashReporter
from app.ui.dialogs.pin_dialog import PinDialog

from ...support.sandbox import SandboxControl
from ...support.windows import make_active
from .conftest import (
    WAIT_MS,
    find_member,
    lock_after_idle_time,
    open_dialogs,
    redeem,
    run_async,
)

pytestmark = pytest.mark.integration

AYU, AYU_CARD = "customer@stamps.co.id", "70140000000006"
BUDI = "budi.santoso@contoh.co.id"
BUDI_ID = 123  # the sandbox's id of him, for its count of PIN checks
MANAGER, PIN = "Wayan", "246810"
#: Ayu's balance voucher (Rp 150.000 on it).
SALDO = 12


def details_of_a_shift_row(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """A redemption of the shift, its details opened from the shift's list."""
    find_member(qtbot, window, AYU)
    window.view.reward_picker.select_reward(1)
    receipt = redeem(qtbot, window, window.view.reward_picker.redeem_button.click)
    with qtbot.waitSignal(window.decisions.details_shown, timeout=WAIT_MS):
        window.decisions.open_details(receipt.entry_id)
    assert window.decisions.details is not None
    return window.decisions.details


def a_scanned_kiosk_redemption(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """A kiosk redemption of Ayu's, its QR code scanned at the till."""
    kiosk = Kiosk(window.till)
    member = run_async(qtbot, kiosk.identify(AYU_CARD, typed=False))
    queued = run_async(qtbot, kiosk.redeem(member, 1, None))
    run_async(qtbot, kiosk.wait(queued))
    with qtbot.waitSignal(window.kiosk_pickup.shown, timeout=WAIT_MS):
        window.scanned(qr_payload(queued.entry_id))
    assert window.kiosk_pickup.dialog is not None
    return window.kiosk_pickup.dialog


def deducting_from_a_saldo(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """Ayu's balance voucher, "Deduct from saldo…" open with an amount typed."""
    find_member(qtbot, window, AYU)
    panel = window.view.voucher_panel
    panel.select_voucher(SALDO)
    panel.redeem_button.click()
    assert panel.deduct_dialog is not None
    panel.deduct_dialog.amount.setValue(50_000)
    return panel.deduct_dialog


def using_a_saldo_up_whole(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """Ayu's balance voucher, asked whether to use it up whole."""
    find_member(qtbot, window, AYU)
    panel = window.view.voucher_panel
    panel.select_voucher(SALDO)
    panel.ask_use_whole()
    assert panel.whole_dialog is not None
    return panel.whole_dialog


def dropping_a_cart(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """Ayu with a reward in the cart, and Esc: "Drop the cart?"."""
    find_member(qtbot, window, AYU)
    window.view.reward_picker.select_reward(1)
    window.view.reward_picker.add_button.click()
    with qtbot.waitSignal(window.drop_cart_asked, timeout=WAIT_MS):
        window.view.back_out()
    assert window.drop_cart_dialog is not None
    return window.drop_cart_dialog


def a_manager_signing_in(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """F8, and half a manager's PIN typed."""
    run_async(qtbot, window.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    window.view.manager_action.trigger()
    qtbot.waitUntil(lambda: window.mode.dialog is not None, timeout=WAIT_MS)
    dialog = window.mode.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.pin_field, PIN[:3])
    return dialog


def on_the_shift_s_summary(qtbot: QtBot, window: CashierWindow) -> None:
    """Ayu's voucher code refused, then Shift → Close shift: her name in the summary's list."""
    find_member(qtbot, window, AYU)
    with qtbot.waitSignal(window.redemption.refused, timeout=WAIT_MS):
        window.vouchers.use_code("RINDANG-100K-LAMA")
    with qtbot.waitSignal(window.shift.summary_shown, timeout=WAIT_MS):
        window.view.close_shift_action.trigger()
    assert window.view.pages.currentWidget() is window.view.summary
    assert window.view.summary.refusals.item(0, 1).text() == "Ayu Pratiwi"


def the_shift_s_export(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """The shift's summary, and "Export CSV": where to save it."""
    on_the_shift_s_summary(qtbot, window)
    window.view.summary.export_button.click()
    [dialog] = [d for d in window.view.findChildren(QFileDialog) if d.isVisible()]
    return dialog


def keyboard_help(qtbot: QtBot, window: CashierWindow) -> QDialog:
    """Help → Keyboard (F1)."""
    window.view.open_keyboard_help()
    assert window.view.help_dialog is not None
    return window.view.help_dialog


@pytest.mark.parametrize(
    "left_open",
    [
        details_of_a_shift_row,
        a_scanned_kiosk_redemption,
        deducting_from_a_saldo,
        using_a_saldo_up_whole,
        dropping_a_cart,
        a_manager_signing_in,
        keyboard_help,
        the_shift_s_export,
    ],
)
def test_the_lock_leaves_no_dialog_over_the_sign_in_page(
    qtbot: QtBot, cashier: CashierWindow, left_open: Callable[[QtBot, CashierWindow], QDialog]
) -> None:
    dialog = left_open(qtbot, cashier)
    assert dialog.isVisible()
    lock_after_idle_time(qtbot, cashier)
    # The next person at the counter sees the lock, and nothing of the last customer over it.
    assert not dialog.isVisible()
    assert open_dialogs(cashier) == []
    assert cashier.session.member is None
    assert cashier.mode.manager is None
    # Nothing is left half-asked behind it: the cashier signs in again to an empty counter.
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        cashier.view.sign_in.submit()
    assert cashier.view.pages.currentWidget() is cashier.view.cashier_page
    assert open_dialogs(cashier) == []
    assert cashier.view.reward_picker.cart.lines() == []


def test_the_shift_s_summary_locks_too_and_the_shift_carries_on(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    shift = cashier.session.shift
    on_the_shift_s_summary(qtbot, cashier)
    # The cashier opened the summary and walked away: its list of members does not stay up for
    # the next person at the counter.
    lock_after_idle_time(qtbot, cashier)
    view = cashier.view
    assert view.sign_in.title.text() == "The till is locked"
    assert "Dewi's shift carries on" in view.sign_in.note.text()
    assert view.sign_in.start_button.text() == "Continue shift"
    # Not closed by it: signing in again carries on the same shift, at the till.
    assert cashier.session.shift == shift
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    assert view.pages.currentWidget() is view.cashier_page
    assert cashier.session.shift == shift


def test_the_lock_does_not_lock_itself_again(qtbot: QtBot, cashier: CashierWindow) -> None:
    lock_after_idle_time(qtbot, cashier)
    clock = ManualClock()
    with installed(clock):
        clock.advance(cashier.lock.minutes * 60 * 3)
        # The sign-in page is the lock: nothing more to hide, and nobody signed in twice.
        assert not cashier.lock.check()
    assert cashier.view.pages.currentWidget() is cashier.view.sign_in


def test_a_crash_report_over_an_entry_s_details_stays_over_the_lock(
    qtbot: QtBot, cashier: CashierWindow, caplog: pytest.LogCaptureFixture
) -> None:
    crash = CrashReporter()
    crash.report_over(cashier.view)  # as the app does
    details = details_of_a_shift_row(qtbot, cashier)
    make_active(qtbot, details)
    # Something fails while the details are the active window...
    with caplog.at_level(logging.CRITICAL):
        crash.excepthook(RuntimeError, RuntimeError("the member cache could not be read"), None)
    report = crash.dialog
    assert report is not None
    # ...and the till locks: the details go, and are deleted; the report is still up over it.
    with qtbot.waitSignal(details.destroyed, timeout=WAIT_MS):
        lock_after_idle_time(qtbot, cashier)
    assert shiboken6.isValid(report) and report.isVisible()
    assert open_dialogs(cashier) == [report]
    report.reject()


def _budis_pin_pad(qtbot: QtBot, cashier: CashierWindow) -> PinDialog:
    find_member(qtbot, cashier, BUDI)
    cashier.view.reward_picker.select_reward(1)
    cashier.view.reward_picker.redeem_button.click()
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    dialog = cashier.redemption.pin_dialog
    assert dialog is not None
    return dialog


def _budis_pin_being_checked(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> PinDialog:
    """Budi's PIN typed on his pad and sent; the server holds it, not yet answered."""
    dialog = _budis_pin_pad(qtbot, cashier)
    sandbox.faults(held=True)
    for digit in "123456":
        qtbot.keyClick(dialog.pad, digit)
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sandbox.holding() == 1, timeout=WAIT_MS)
    return dialog


def test_a_members_pin_pad_being_checked_holds_the_lock_off(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    dialog = _budis_pin_being_checked(qtbot, cashier, sandbox)
    clock = ManualClock()
    with installed(clock):
        cashier.lock.touch()
        clock.advance(cashier.lock.minutes * 60 * 3)
        # The till is checking the customer's PIN: it does not lock under them.
        assert not cashier.lock.check()
    assert dialog.isVisible()
    assert cashier.view.pages.currentWidget() is cashier.view.cashier_page
    sandbox.faults(held=False)
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is None, timeout=WAIT_MS)


def test_f12_locks_the_till_at_once_and_the_shift_carries_on(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Dewi steps away from the counter: the Shift menu had only "Close shift", and the till
    # stayed open on Ayu's card for its idle minutes.
    shift = cashier.session.shift
    find_member(qtbot, cashier, AYU)
    make_active(qtbot, cashier.view)
    with qtbot.waitSignal(cashier.lock.locked, timeout=WAIT_MS):
        qtbot.keyClick(cashier.view.member_search.field, Qt.Key.Key_F12)
    view = cashier.view
    assert view.pages.currentWidget() is view.sign_in
    assert view.sign_in.title.text() == "The till is locked"
    # not "It locked after sitting idle": Dewi locked it a moment ago
    assert view.sign_in.note.text() == "Dewi locked the till. Their shift carries on: sign in."
    assert cashier.session.member is None
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    assert cashier.session.shift == shift
    # On the sign-in page, F12 has nothing more to lock.
    cashier.view.show_sign_in()
    with qtbot.assertNotEmitted(cashier.lock.locked):
        cashier.view.lock_action.trigger()


@pytest.mark.parametrize(
    ("rescued", "told"),
    [
        (True, "close the till and open it again"),
        (False, "keep this window open and call support"),
    ],
    ids=["copied", "not copied"],
)
def test_a_log_deleted_while_the_till_is_locked_lets_the_cashier_back_and_says_what_to_do(
    qtbot: QtBot,
    cashier: CashierWindow,
    monkeypatch: pytest.MonkeyPatch,
    rescued: bool,
    told: str,
) -> None:
    db = cashier.till.outbox.db
    find_member(qtbot, cashier, AYU)
    cashier.view.reward_picker.select_reward(1)
    receipt = redeem(qtbot, cashier, cashier.view.reward_picker.redeem_button.click)
    if not rescued:  # the copy into the file failed (a disk that refused it)
        monkeypatch.setattr(db, "_checkpoint", lambda: False)
    lock_after_idle_time(qtbot, cashier)
    db.path.with_name(db.path.name + "-wal").unlink()  # a cleaning script, before the next look
    view = cashier.view
    # Dewi comes back to her open shift: taking it up writes nothing, so she is let in (as on a
    # full disk), and the banner says what happened and what to do
    view.sign_in.submit()
    qtbot.waitUntil(lambda: view.pages.currentWidget() is not view.sign_in, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: "Another program deleted" in view.storage_banner.text(), timeout=WAIT_MS
    )
    assert told in view.storage_banner.text()
    # nothing she redeemed is gone from the till, and nothing more is saved into a lost log
    assert receipt.entry_id in [e.id for e in run_async(qtbot, cashier.till.outbox.entries())]
    with pytest.raises(StorageProblem):
        run_async(qtbot, cashier.till.shift_record.open_shift("Agus"))


def test_signing_back_in_starts_the_idle_time_again(qtbot: QtBot, cashier: CashierWindow) -> None:
    # Seen in CI on a loaded machine: Dewi signed back in after the idle lock, and the lock's
    # next look locked her page again at once: the idle time still ran from before the lock.
    lock_after_idle_time(qtbot, cashier)
    view = cashier.view
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    assert view.pages.currentWidget() is not view.sign_in
    assert not cashier.lock.check()
    assert view.pages.currentWidget() is not view.sign_in


def test_f12_does_not_lock_while_a_members_pin_is_checked(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    dialog = _budis_pin_being_checked(qtbot, cashier, sandbox)
    with qtbot.assertNotEmitted(cashier.lock.locked):
        cashier.view.lock_action.trigger()
    assert dialog.isVisible()
    assert cashier.view.status.note_text().startswith("Not locked:")
    sandbox.faults(held=False)
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is None, timeout=WAIT_MS)


def test_a_pin_pad_left_untouched_closes_with_the_lock_and_forgets_its_digits(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Budi typed three digits and went; the till stayed open on his pad for ever, the shift
    # unlocked under it and his digits waiting for anyone to finish as a guess at his PIN.
    dialog = _budis_pin_pad(qtbot, cashier)
    for digit in "123":
        qtbot.keyClick(dialog.pad, digit)
    checks_before = sandbox.pin_checks(BUDI_ID)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        lock_after_idle_time(qtbot, cashier)
    assert dialog.pad.entered_count() == 0
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    assert open_dialogs(cashier) == []
    assert sandbox.pin_checks(BUDI_ID) == checks_before  # nothing sent in his name


class SlowHandover:
    """The till's kiosk hand-over, answering a scan only when the test says so."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.asked = False
        self.go_on = asyncio.Event()

    async def find(self, code: str) -> KioskRedemption:
        self.asked = True
        await self.go_on.wait()
        return await self.real.find(code)


def test_a_kiosk_redemption_read_as_the_till_locks_does_not_come_back_over_it(
    qtbot: QtBot, cashier: CashierWindow, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    errors: list[dict[str, Any]] = []
    qasync_loop.set_exception_handler(lambda _loop, context: errors.append(context))
    kiosk = Kiosk(cashier.till)
    member = run_async(qtbot, kiosk.identify(AYU_CARD, typed=False))
    queued = run_async(qtbot, kiosk.redeem(member, 1, None))
    run_async(qtbot, kiosk.wait(queued))
    slow = SlowHandover(cashier.kiosk_pickup.handover)
    cashier.kiosk_pickup.handover = slow  # type: ignore[assignment]
    cashier.scanned(qr_payload(queued.entry_id))
    qtbot.waitUntil(lambda: slow.asked, timeout=WAIT_MS)
    # The till locks while it reads the redemption the cashier scanned.
    lock_after_idle_time(qtbot, cashier)
    slow.go_on.set()
    qtbot.waitUntil(
        lambda: not any(t.get_name() == "kiosk redemption" for t in tasks._running),
        timeout=WAIT_MS,
    )
    assert open_dialogs(cashier) == []
    assert errors == []


def test_details_being_read_again_as_the_till_locks_do_not_come_back_over_it(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    details_of_a_shift_row(qtbot, cashier)
    history = cashier.till.history
    real = history.details
    asked = asyncio.Event()
    go_on = asyncio.Event()

    async def slow_details(entry_id: str) -> Any:
        asked.set()
        await go_on.wait()
        return await real(entry_id)

    monkeypatch.setattr(history, "details", slow_details)
    # The till changed (its queue moved on): the details on screen are read again...
    cashier.decisions.refresh()
    qtbot.waitUntil(asked.is_set, timeout=WAIT_MS)
    # ...and the till locks meanwhile.
    lock_after_idle_time(qtbot, cashier)
    go_on.set()
    qtbot.waitUntil(
        lambda: not any(t.get_name() == "details" for t in tasks._running), timeout=WAIT_MS
    )
    assert open_dialogs(cashier) == [] and cashier.decisions.details is None


class SlowSummary:
    """The till's read of a shift's summary, answering only when the test says so."""

    def __init__(self, real: Callable[[int], Any]) -> None:
        self.real = real
        self.asked = asyncio.Event()
        self.go_on = asyncio.Event()

    async def __call__(self, shift_id: int) -> Any:
        self.asked.set()
        await self.go_on.wait()
        return await self.real(shift_id)


def test_a_shift_summary_read_as_the_till_locks_does_not_come_back_over_it(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    find_member(qtbot, cashier, AYU)
    slow = SlowSummary(cashier.till.shift_record.shift_summary)
    monkeypatch.setattr(cashier.till.shift_record, "shift_summary", slow)
    shown: list[object] = []
    cashier.shift.summary_shown.connect(shown.append)
    # Shift → Close shift, and the till's database is slow to answer...
    reading = tasks.spawn(cashier.shift.show_summary())
    qtbot.waitUntil(slow.asked.is_set, timeout=WAIT_MS)
    # ...while the till locks: the summary (its members' names) must not come up over the lock.
    lock_after_idle_time(qtbot, cashier)
    slow.go_on.set()
    qtbot.waitUntil(reading.done, timeout=WAIT_MS)
    assert cashier.view.pages.currentWidget() is cashier.view.sign_in
    assert shown == []


def test_a_shift_summary_read_as_another_cashier_signs_in_is_not_shown_to_them(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dewi = cashier.session.shift
    slow = SlowSummary(cashier.till.shift_record.shift_summary)
    monkeypatch.setattr(cashier.till.shift_record, "shift_summary", slow)
    shown: list[object] = []
    cashier.shift.summary_shown.connect(shown.append)
    reading = tasks.spawn(cashier.shift.show_summary())
    qtbot.waitUntil(slow.asked.is_set, timeout=WAIT_MS)
    # Dewi asked for her summary and walked away; the till locked and Rina signed in.
    lock_after_idle_time(qtbot, cashier)
    cashier.view.sign_in.select_cashier("Rina")
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        cashier.view.sign_in.submit()
    assert cashier.session.shift != dewi
    slow.go_on.set()
    qtbot.waitUntil(reading.done, timeout=WAIT_MS)
    # Rina is at her own till, not on Dewi's summary (and its Close shift button).
    assert cashier.view.pages.currentWidget() is cashier.view.cashier_page
    assert shown == []


def test_a_colleague_signing_in_at_the_lock_leaves_the_cashiers_shift_to_continue(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Dewi went on her break, Rina covered the till: Dewi came back to a new shift (hers closed
    # without a word, its summary never shown), and the lock still offered "Continue shift".
    view = cashier.view
    dewi = cashier.session.shift
    assert dewi is not None
    find_member(qtbot, cashier, AYU)
    view.reward_picker.select_reward(1)
    redeem(qtbot, cashier, view.reward_picker.redeem_button.click)
    lock_after_idle_time(qtbot, cashier)
    view.sign_in.select_cashier("Rina")
    assert view.sign_in.start_button.text() == "Start shift"
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    assert view.redemptions_model.rowCount() == 0  # Rina's shift holds nothing of Dewi's
    lock_after_idle_time(qtbot, cashier)
    view.sign_in.select_cashier("Dewi")
    assert view.sign_in.start_button.text() == "Continue shift"
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    back = cashier.session.shift
    assert back is not None and back.id == dewi.id
    qtbot.waitUntil(lambda: view.redemptions_model.rowCount() == 1, timeout=WAIT_MS)
    open_now = run_async(qtbot, cashier.till.shift_record.open_shifts())
    assert [s.cashier for s in open_now] == ["Dewi", "Rina"]


def test_closing_a_shift_says_whose_shift_stays_open_on_the_till(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Rina covered Dewi's break and closed her own shift when she left: the page came back
    # blank, nothing said that Dewi's shift was still open for her to carry on.
    view = cashier.view
    lock_after_idle_time(qtbot, cashier)
    view.sign_in.select_cashier("Rina")
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        view.sign_in.submit()
    run_async(qtbot, cashier.shift.close_shift())
    page = view.sign_in
    assert view.pages.currentWidget() is page
    qtbot.waitUntil(lambda: "Dewi's shift is still open" in page.note.text(), timeout=WAIT_MS)
    assert page.note.isVisibleTo(page)
    assert page.start_button.text() == "Start shift"  # Rina, still picked: hers is closed
    page.select_cashier("Dewi")
    assert page.start_button.text() == "Continue shift"


def test_closing_a_shift_names_every_shift_still_open_on_the_till(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Dewi and Rina both on a break, Agus covering: when he closed his shift the page named
    # Rina's alone ("Rina's shift is still open…: signing in continues it"), Dewi's not at all.
    staff = cashier.till.staff
    run_async(qtbot, staff.add_first_manager(MANAGER, Secret(PIN)))
    run_async(qtbot, staff.add(MANAGER, Role.CASHIER, "Agus", None))
    run_async(qtbot, cashier.shift.reload_accounts())
    view = cashier.view
    page = view.sign_in
    for covering in ("Rina", "Agus"):
        lock_after_idle_time(qtbot, cashier)
        page.select_cashier(covering)
        with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
            page.submit()
    run_async(qtbot, cashier.shift.close_shift())
    qtbot.waitUntil(lambda: "Shifts still open" in page.note.text(), timeout=WAIT_MS)
    said = page.note.text()
    assert "Dewi's since" in said and "Rina's since" in said and "Agus" not in said


def test_close_shift_from_the_lock_does_not_open_the_locked_shift(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: Dewi pressed F12 and stepped away; at the lock, Shift → Close shift…
    # showed anyone her shift's summary (its members' names), whose "Back to the till" put
    # them on her page, signed in as her, to redeem in her name (or Close shift ended her shift
    # for her).
    find_member(qtbot, cashier, AYU)
    make_active(qtbot, cashier.view)
    with qtbot.waitSignal(cashier.lock.locked, timeout=WAIT_MS):
        qtbot.keyClick(cashier.view.member_search.field, Qt.Key.Key_F12)
    view = cashier.view
    shown: list[object] = []
    cashier.shift.summary_shown.connect(shown.append)
    view.close_shift_action.trigger()
    run_async(qtbot, cashier.shift.show_summary())  # as the action's task does
    assert view.pages.currentWidget() is view.sign_in
    assert shown == []
    assert [s.cashier for s in run_async(qtbot, cashier.till.shift_record.open_shifts())] == [
        "Dewi"
    ]
