"""A manager's "Send again" in the window against a live sandbox: the dialog that sent it says the
new redemption's answer as the cashier's result panel would (as ``stamps-pos outbox retry``
prints it), follows one not yet confirmed, never sends twice, asks a PIN member's PIN again, and
lets the manager close it while the answer is awaited."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.clock import ManualClock, installed
from app.core.credentials import Secret
from app.core.domain import EntryStatus
from app.core.services import AuditFilter, ManagerRequired, StorageFull, say
from app.core.services.manager_mode import IDLE_LIMIT
from app.core.services.receipts import Receipt, Verdict
from app.core.services.till import Till
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.manager.decisions import CancelByServerIdDialog, DecisionDialog
from app.ui.widgets.result_panel import ResultPanel

from ...support.gates import Held
from ...support.languages import speaking
from ...support.sandbox import SandboxControl
from .conftest import (
    WAIT_MS,
    find_member,
    lock_after_idle_time,
    manager_goes_idle,
    open_dialogs,
    redeem,
    run_async,
)

pytestmark = pytest.mark.integration

AYU, BUDI = "customer@stamps.co.id", "budi.santoso@contoh.co.id"
MANAGER, PIN = "Wayan", "246810"
NOT_CONFIRMED = "NOT CONFIRMED — do not hand over yet"
REFUSE_REDEMPTIONS: dict[str, Any] = {
    "error_rate": 1.0,
    "error_statuses": [400],
    "scope": "redemptions",
}


def refused_redemption(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, user: str = AYU
) -> str:
    """A reward for ``user`` that the server refused (a PIN member's PIN given): an exception."""
    till = cashier.till
    member = run_async(qtbot, till.lookup.find_member(user))
    order = run_async(qtbot, till.catalogue.reward_order(member, 1))
    sandbox.faults(**REFUSE_REDEMPTIONS)
    request_id = None
    if member.protected_redemption:
        request_id = run_async(qtbot, till.redeemer.authorize_pin(member, Secret("123456")))
    queued = run_async(
        qtbot,
        till.redeemer.redeem(order, member, cashier.session.sale(None), request_id=request_id),
    )
    assert run_async(qtbot, till.wait(queued.entry_id)).verdict is Verdict.REFUSED
    return queued.entry_id


def send_again(qtbot: QtBot, cashier: CashierWindow, entry_id: str) -> DecisionDialog:
    """Manager mode, then "Send again…" on the entry, a note typed and the dialog confirmed."""
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    cashier.decisions.ask("retry", entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    dialog.note_box.setPlainText("the member came back")
    dialog.confirm.click()
    return dialog


def pin_asked(qtbot: QtBot, cashier: CashierWindow) -> PinDialog:
    """The member's PIN pad "Send again" opens, once it is up."""
    qtbot.waitUntil(lambda: cashier.decisions.pin_dialog is not None, timeout=WAIT_MS)
    pin_dialog = cashier.decisions.pin_dialog
    assert pin_dialog is not None
    return pin_dialog


def typed(pin_dialog: PinDialog, pin: str) -> None:
    """``pin`` pressed on the pad, then OK."""
    for digit in pin:
        pin_dialog.pad.press_digit(digit)
    pin_dialog.pad.submit()


def sent_again_not_confirmed(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> tuple[str, DecisionDialog]:
    """A refused redemption sent again while the server fails (500): the refused entry's id, and
    the dialog showing the retry not confirmed."""
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    sandbox.faults(error_rate=1.0, error_statuses=[500], scope="redemptions")
    dialog = send_again(qtbot, cashier, entry_id)
    qtbot.waitUntil(lambda: shows(dialog, NOT_CONFIRMED), timeout=WAIT_MS)
    return entry_id, dialog


def panel(dialog: DecisionDialog) -> ResultPanel:
    """The result panel the dialog shows (a closed dialog has none to show)."""
    assert dialog.isVisible(), "the dialog closed"
    found = dialog.findChild(ResultPanel)
    assert found is not None and found.isVisibleTo(dialog), "the dialog shows no result"
    return found


def banner(dialog: DecisionDialog) -> str:
    """The dialog's outcome words."""
    return panel(dialog).title.text()


def shows(dialog: DecisionDialog, outcome: str) -> bool:
    """Whether the dialog's result panel says ``outcome`` (a wait's condition)."""
    found = dialog.findChild(ResultPanel)
    return found is not None and found.isVisibleTo(dialog) and found.title.text() == outcome


def retries(qtbot: QtBot, cashier: CashierWindow, entry_id: str) -> list[str]:
    lines = run_async(qtbot, cashier.till.audit.lines(AuditFilter(entry_id=entry_id)))
    return [line.action for line in lines if line.action == "retry"]


def refused_at_the_counter(qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl) -> str:
    """Ayu's first reward redeemed from the cashier's page and refused by the server (the panel
    shows it); the server takes redemptions again after. The refused entry's id."""
    find_member(qtbot, cashier, AYU)
    sandbox.faults(**REFUSE_REDEMPTIONS)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    refused = redeem(qtbot, cashier, picker.redeem_button.click)
    assert refused.verdict is Verdict.REFUSED
    sandbox.faults(error_rate=0.0)
    return refused.entry_id


def test_the_cashiers_panel_and_row_follow_a_redemption_sent_again(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Refused at the counter, sent again by a manager and confirmed: the cashier's panel read
    # "Refused: see the manager's note" and the row "Refused", for a croissant the server had
    # taken the stamps for.
    entry_id = refused_at_the_counter(qtbot, cashier, sandbox)
    dialog = send_again(qtbot, cashier, entry_id)
    qtbot.waitUntil(lambda: shows(dialog, "Confirmed"), timeout=WAIT_MS)
    result_panel = cashier.view.result_panel
    qtbot.waitUntil(
        lambda: getattr(result_panel.result(), "kind", None) == "confirmed", timeout=WAIT_MS
    )
    assert result_panel.title.text() == "Confirmed"
    assert "Hand over" in result_panel.what_to_do.text()
    model = cashier.view.redemptions_model
    assert model.rowCount() == 1  # the manager's retry is no sale of this shift
    assert model.row_data(0).status == "confirmed"
    # The shift's summary counts it as its list shows it, once: it said "Closed by a manager"
    # and left its stamps out.
    shift = cashier.session.shift
    assert shift is not None
    summary = run_async(qtbot, cashier.till.shift_record.shift_summary(shift.id))
    assert summary.counts == {Verdict.CONFIRMED: 1}
    assert summary.stamps_redeemed == 20
    [row] = summary.rows
    assert row.server_redemption_id is not None
    assert row.reason is not None and str(row.reason).startswith("Sent again by Wayan")


def test_a_refusal_a_manager_closes_keeps_the_servers_reason_on_the_cashiers_panel(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_at_the_counter(qtbot, cashier, sandbox)
    result_panel = cashier.view.result_panel
    reason = result_panel.details.text()
    assert reason.startswith("The Stamps server refused it")
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.redemption.rows_refreshed, timeout=WAIT_MS):
        run_async(qtbot, cashier.decisions.dismiss(entry_id, note="told the member"))
    qtbot.waitUntil(
        lambda: getattr(result_panel.result(), "kind", None) == "closed", timeout=WAIT_MS
    )
    assert result_panel.title.text() == "Closed by a manager"
    assert result_panel.details.text() == reason


@pytest.mark.parametrize(
    ("faults", "outcome", "details"),
    [
        ({"error_rate": 0.0}, "Confirmed", "230 stamps left."),
        (REFUSE_REDEMPTIONS, "Refused", "The Stamps server refused it"),
        (
            {"error_rate": 1.0, "error_statuses": [500], "scope": "redemptions"},
            NOT_CONFIRMED,
            "The Stamps server failed while handling it",
        ),
    ],
)
def test_send_again_says_the_new_redemptions_answer_in_the_dialog_that_sent_it(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    faults: dict[str, Any],
    outcome: str,
    details: str,
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    sandbox.faults(**faults)
    dialog = send_again(qtbot, cashier, entry_id)
    # Said as soon as the attempt ends (the till's usual wait at most), as for a cashier.
    qtbot.waitUntil(lambda: banner(dialog) != "Working on it…", timeout=WAIT_MS)
    assert banner(dialog) == outcome
    assert panel(dialog).headline.text() == "Es Kopi Susu Gula Aren"
    assert details in panel(dialog).details.text()
    assert cashier.view.status.note_text() == f"Sent again: {outcome}"
    # Sent once: nothing is left to confirm, and the only way on closes the dialog.
    assert dialog.confirm.isHidden() and dialog.note.isHidden()
    assert dialog.back.text() == "Close"
    with qtbot.assertNotEmitted(dialog.decided):
        dialog.submit()  # Enter or a stray call: nothing goes to the till a second time
    assert retries(qtbot, cashier, entry_id) == ["retry"]
    rows = run_async(qtbot, cashier.till.history.rows())
    assert len(rows) == 2
    # No slip here: the manager's dialog has no customer's sale to print one for.
    assert panel(dialog).print_button.isHidden()
    dialog.back.click()
    qtbot.waitUntil(lambda: cashier.decisions.dialog is None, timeout=WAIT_MS)


def test_a_retry_not_confirmed_at_first_turns_green_in_its_dialog_once_confirmed(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    _, dialog = sent_again_not_confirmed(qtbot, cashier, sandbox)
    sandbox.faults(error_rate=0.0)  # the worker's next attempt is answered
    qtbot.waitUntil(lambda: banner(dialog) == "Confirmed", timeout=WAIT_MS)
    assert panel(dialog).has_qr()


def test_manager_mode_waits_for_a_retrys_first_answer_then_ends_after_its_idle_time(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    # The server holds its answer until the test lets it go: however slow the machine, it
    # cannot arrive before the idle time has been tried.
    sandbox.faults(error_rate=0.0, held=True)
    dialog = send_again(qtbot, cashier, entry_id)
    qtbot.waitUntil(lambda: shows(dialog, "Working on it…"), timeout=WAIT_MS)
    # The till waits long for the server (its timeouts may add up to minutes) while the
    # manager watches the dialog: manager mode does not end under them.
    clock = ManualClock()
    with installed(clock):
        cashier.till.manager.touch()
        clock.advance(IDLE_LIMIT * 2)
        assert not cashier.mode.check_idle()
        assert cashier.till.manager.current is not None
    sandbox.faults(held=False)
    qtbot.waitUntil(lambda: shows(dialog, "Confirmed"), timeout=WAIT_MS)
    assert cashier.view.pages.currentWidget() is cashier.view.manager
    # From the answer on, manager mode's usual idle time: it is not held for ever.
    manager_goes_idle(qtbot, cashier)
    assert banner(dialog) == "Confirmed"


def test_a_retry_followed_past_manager_mode_s_end_still_says_its_answer_and_sends_nothing(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id, dialog = sent_again_not_confirmed(qtbot, cashier, sandbox)
    # The manager watches the answer without a key for two minutes: manager mode ends (its
    # page gives way to the cashier's), but the dialog that is following the answer stays.
    manager_goes_idle(qtbot, cashier)
    assert banner(dialog) == NOT_CONFIRMED
    assert dialog.ended.text() == (
        "Manager mode has ended: this window only shows the answer. Sign in again for any "
        "other decision."
    )
    # It takes no action: its only button closes it, and nothing is sent a second time.
    assert dialog.confirm.isHidden() and dialog.back.text() == "Close"
    with qtbot.assertNotEmitted(dialog.decided):
        dialog.submit()
    sandbox.faults(error_rate=0.0)  # the worker's next attempt is answered
    qtbot.waitUntil(lambda: banner(dialog) == "Confirmed", timeout=WAIT_MS)
    assert panel(dialog).has_qr()
    assert retries(qtbot, cashier, entry_id) == ["retry"]
    dialog.back.click()
    qtbot.waitUntil(lambda: cashier.decisions.dialog is None, timeout=WAIT_MS)


def test_manager_mode_ending_closes_a_decision_not_yet_taken_and_the_members_pin(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox, BUDI)
    sandbox.faults(error_rate=0.0)
    dialog = send_again(qtbot, cashier, entry_id)
    pin_asked(qtbot, cashier)
    # Walked away with Budi's PIN pad open: nothing is left that could still send it.
    manager_goes_idle(qtbot, cashier)
    qtbot.waitUntil(
        lambda: cashier.decisions.dialog is None and cashier.decisions.pin_dialog is None,
        timeout=WAIT_MS,
    )
    assert not dialog.isVisible()
    assert retries(qtbot, cashier, entry_id) == []


def test_send_again_says_before_it_is_confirmed_that_a_pin_member_types_their_pin(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # The manager learnt it only when the pad came up, with the member perhaps gone.
    budi = refused_redemption(qtbot, cashier, sandbox, BUDI)
    ayu = refused_redemption(qtbot, cashier, sandbox, AYU)
    sandbox.faults(error_rate=0.0)
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    said = {}
    for name, entry_id in (("Budi", budi), ("Ayu", ayu)):
        cashier.decisions.ask("retry", entry_id)
        qtbot.waitUntil(
            lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS
        )
        dialog = cashier.decisions.dialog
        assert isinstance(dialog, DecisionDialog)
        said[name] = dialog.about.text()
        dialog.back.click()
        qtbot.waitUntil(lambda: cashier.decisions.dialog is None, timeout=WAIT_MS)
    assert "PIN" in said["Budi"] and "Budi Santoso types it again" in said["Budi"]
    assert "PIN" not in said["Ayu"]
    assert cashier.decisions.pin_dialog is None  # asked for nothing yet


def test_a_pin_members_retry_asks_the_pin_again_then_says_the_answer(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox, BUDI)
    sandbox.faults(error_rate=0.0)
    dialog = send_again(qtbot, cashier, entry_id)
    pin_dialog = pin_asked(qtbot, cashier)
    assert pin_dialog.isVisible()
    assert not dialog.confirm.isEnabled()  # no second send while the PIN is asked for
    typed(pin_dialog, "123456")
    qtbot.waitUntil(lambda: shows(dialog, "Confirmed"), timeout=WAIT_MS)
    assert panel(dialog).details.text() == "160 stamps left."
    assert sandbox.stamps(BUDI) == 160
    assert cashier.decisions.pin_dialog is None
    assert retries(qtbot, cashier, entry_id) == ["retry"]


def test_the_manager_may_close_the_dialog_while_the_answer_is_awaited(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    # The server holds its answer until the test lets it go: the dialog is closed before it
    # answers, however slow the machine.
    sandbox.faults(error_rate=0.0, held=True)
    dialog = send_again(qtbot, cashier, entry_id)
    qtbot.waitUntil(lambda: shows(dialog, "Working on it…"), timeout=WAIT_MS)
    assert panel(dialog).details.text() == "Sending to Stamps…"
    dialog.back.click()
    qtbot.waitUntil(lambda: cashier.decisions.dialog is None, timeout=WAIT_MS)
    status = cashier.view.status
    # Closed while the server was still answering; the window goes on, and says the answer.
    assert status.note_text() == "Sent again as a new redemption, linked to the first."
    sandbox.faults(held=False)
    qtbot.waitUntil(lambda: status.note_text() == "Sent again: Confirmed", timeout=WAIT_MS)
    assert sandbox.stamps(AYU) == 230


def test_send_again_says_its_answer_in_indonesian(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    till_settings: Settings,
    sandbox: SandboxControl,
) -> None:
    with speaking("id"):
        cashier = make_cashier(till_settings)
        entry_id = refused_redemption(qtbot, cashier, sandbox)
        sandbox.faults(error_rate=0.0)
        dialog = send_again(qtbot, cashier, entry_id)
        qtbot.waitUntil(lambda: shows(dialog, "Dikonfirmasi"), timeout=WAIT_MS)
        assert panel(dialog).details.text() == "Sisa 230 stamp."
        assert dialog.back.text() == "Tutup"
        assert cashier.view.status.note_text() == "Dikirim ulang: Dikonfirmasi"
        manager_goes_idle(qtbot, cashier)
        assert dialog.ended.text() == (
            "Mode manajer sudah berakhir: jendela ini hanya menampilkan jawabannya. Masuk lagi "
            "untuk keputusan lain."
        )


async def settled(till: Till, entry_id: str) -> Receipt:
    """The entry's receipt once it leaves the queue. Attempts made while the server still
    failed (the worker retries while the test moves clocks and locks the till: one, or two, on a
    slow machine) are not its answer, so each ended attempt is waited past in turn."""
    for _ in range(5):
        receipt = await till.wait(entry_id, WAIT_MS / 1000)
        if receipt.status not in (EntryStatus.QUEUED, EntryStatus.SENDING):
            return receipt
    return receipt


def test_a_retry_followed_past_manager_mode_s_end_closes_when_the_till_locks(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id, dialog = sent_again_not_confirmed(qtbot, cashier, sandbox)
    manager_goes_idle(qtbot, cashier)
    assert dialog.isVisible()  # still following its answer past manager mode's end
    # Then nobody at the till: the lock leaves nothing of the reward or its answer on screen.
    lock_after_idle_time(qtbot, cashier)
    assert not dialog.isVisible() and cashier.decisions.dialog is None
    assert open_dialogs(cashier) == []
    # Its answer is not lost: it goes on in the outbox, and the history has it.
    sandbox.faults(error_rate=0.0)
    rows = run_async(qtbot, cashier.till.history.rows())
    retry_id = next(row.entry_id for row in rows if row.entry_id != entry_id)
    answer = run_async(qtbot, settled(cashier.till, retry_id))
    assert answer.verdict is Verdict.CONFIRMED
    assert retries(qtbot, cashier, entry_id) == ["retry"]


def test_manager_mode_s_end_closes_the_details_it_opened_but_not_the_retry_sent_from_them(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    sandbox.faults(error_rate=1.0, error_statuses=[500], scope="redemptions")
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    # The manager opens the entry from the exceptions, and sends it again from its details.
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        cashier.view.manager.exceptions.open_requested.emit(entry_id)
    details = cashier.decisions.details
    assert details is not None and details.isVisible()
    details.buttons["retry"].click()
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    dialog.note_box.setPlainText("the member came back")
    dialog.confirm.click()
    qtbot.waitUntil(lambda: shows(dialog, NOT_CONFIRMED), timeout=WAIT_MS)
    manager_goes_idle(qtbot, cashier)
    # The member's name, contact and attempts go with manager mode; the retry it sent stays,
    # following its answer and offering only Close.
    assert not details.isVisible() and cashier.decisions.details is None
    assert dialog.isVisible() and dialog.ended.isVisibleTo(dialog)
    assert open_dialogs(cashier) == [dialog]
    sandbox.faults(error_rate=0.0)
    qtbot.waitUntil(lambda: banner(dialog) == "Confirmed", timeout=WAIT_MS)
    dialog.back.click()
    qtbot.waitUntil(lambda: cashier.decisions.dialog is None, timeout=WAIT_MS)
    assert open_dialogs(cashier) == []


def test_manager_mode_entered_at_the_locked_till_leaves_nothing_over_the_lock_when_it_ends(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    lock_after_idle_time(qtbot, cashier)
    # A manager comes to the locked till (F8 on the sign-in page) and sends the entry again.
    sandbox.faults(error_rate=1.0, error_statuses=[500], scope="redemptions")
    dialog = send_again(qtbot, cashier, entry_id)
    qtbot.waitUntil(lambda: shows(dialog, NOT_CONFIRMED), timeout=WAIT_MS)
    # They walk away: manager mode ends onto the lock, which shows nothing of the retry.
    manager_goes_idle(qtbot, cashier, back_to=cashier.view.sign_in)
    assert not dialog.isVisible() and cashier.decisions.dialog is None
    assert open_dialogs(cashier) == []
    assert retries(qtbot, cashier, entry_id) == ["retry"]


def test_details_the_cashier_opened_from_the_shift_stay_when_manager_mode_ends(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        cashier.decisions.open_details(entry_id)  # a row of the cashier's own shift
    details = cashier.decisions.details
    assert details is not None
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    manager_goes_idle(qtbot, cashier)
    # The cashier's own: manager mode's end takes nothing of the cashier's away.
    assert details.isVisible() and cashier.decisions.details is details


def _details_held_for(monkeypatch: pytest.MonkeyPatch, till: Till, held_id: str) -> asyncio.Event:
    """``held_id``'s details are read slowly (until the event is set); any other's at once."""
    read = till.history.details
    gate = asyncio.Event()

    async def slow(entry_id: str) -> Any:
        found = await read(entry_id)
        if entry_id == held_id:
            await gate.wait()
        return found

    monkeypatch.setattr(till.history, "details", slow)
    return gate


def _details_read(qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: not any(task.get_name() == "details" for task in tasks._running), timeout=WAIT_MS
    )


def test_the_details_of_the_row_picked_last_stay_up(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first row's details, read slowly, came after the second row's and took their place:
    # the dialog spoke of another redemption than the row the cashier had just opened.
    first = refused_redemption(qtbot, cashier, sandbox)
    second = refused_redemption(qtbot, cashier, sandbox)
    gate = _details_held_for(monkeypatch, cashier.till, first)
    cashier.decisions.open_details(first)
    with qtbot.waitSignal(cashier.decisions.details_shown, timeout=WAIT_MS):
        cashier.decisions.open_details(second)
    gate.set()
    _details_read(qtbot)
    details = cashier.decisions.details
    assert details is not None and details.entry_id == second


def test_details_read_as_the_till_locks_do_not_open_over_the_lock(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Opened just before the lock and read slowly, the details came up over the sign-in page,
    # the member's name and what they redeemed for whoever comes to the counter.
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    gate = _details_held_for(monkeypatch, cashier.till, entry_id)
    cashier.decisions.open_details(entry_id)
    lock_after_idle_time(qtbot, cashier)
    gate.set()
    _details_read(qtbot)
    assert open_dialogs(cashier) == []


@pytest.mark.parametrize("answer", ["taken", "refused"])
def test_a_decision_answered_after_its_dialog_closed_brings_up_no_crash(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    # Wayan dismissed an exception and closed the dialog (Cancel, Esc) before the till had
    # taken it: the answer reached the deleted dialog, and the crash dialog came up.
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    dismiss_now = cashier.till.manager.dismiss
    gate = asyncio.Event()
    deciding: list[bool] = []

    async def slow(entry: str, *, note: str) -> Receipt:
        deciding.append(True)
        await gate.wait()
        if answer == "refused":
            raise ManagerRequired(say("manager.required"))
        return await dismiss_now(entry, note=note)

    monkeypatch.setattr(cashier.till.manager, "dismiss", slow)
    cashier.decisions.ask("dismiss", entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    dialog.note_box.setPlainText("told Ayu at the counter")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(deciding), timeout=WAIT_MS)
    deciding_task = next(t for t in tasks._running if t.get_name() == "decide")
    dialog.reject()
    gate.set()
    qtbot.waitUntil(deciding_task.done, timeout=WAIT_MS)
    assert deciding_task.exception() is None
    assert cashier.decisions.dialog is None


def manager_in(qtbot: QtBot, cashier: CashierWindow) -> None:
    """Wayan is in manager mode."""
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))


def _held_read_reached(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, till: Till, held_id: str
) -> tuple[asyncio.Event, Callable[[], None]]:
    """``held_id``'s details are read slowly (until the event is set), and a wait for that read
    to have begun."""
    gate = _details_held_for(monkeypatch, till, held_id)
    held = till.history.details
    reached: list[str] = []

    async def noted(entry_id: str) -> Any:
        reached.append(entry_id)
        return await held(entry_id)

    monkeypatch.setattr(till.history, "details", noted)
    return gate, lambda: qtbot.waitUntil(lambda: held_id in reached, timeout=WAIT_MS)


def closed_and_deleted(dialog: QWidget) -> list[bool]:
    """A list that holds ``True`` once ``dialog`` is deleted (not only hidden)."""
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    return gone


def _asked(qtbot: QtBot) -> None:
    """No decision is being asked for any more (its details read, its dialog up or not)."""
    qtbot.waitUntil(
        lambda: not any(task.get_name() == "decision" for task in tasks._running),
        timeout=WAIT_MS,
    )


def test_the_decision_asked_last_is_the_one_on_screen(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wayan picked "Dismiss…" on one exception, then "Send again…" on another; the first one's
    # details, read slowly, came last and put its dismissal in place of the retry he had open.
    first = refused_redemption(qtbot, cashier, sandbox)
    second = refused_redemption(qtbot, cashier, sandbox)
    manager_in(qtbot, cashier)
    gate = _details_held_for(monkeypatch, cashier.till, first)
    cashier.decisions.ask("dismiss", first)
    cashier.decisions.ask("retry", second)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    asked = cashier.decisions.dialog
    gate.set()
    _asked(qtbot)
    assert cashier.decisions.dialog is asked
    assert open_dialogs(cashier) == [asked]


@pytest.mark.parametrize("meanwhile", ["ends onto the lock", "is left", "ends unused"])
def test_a_decision_read_slowly_does_not_open_once_manager_mode_has_gone(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
    meanwhile: str,
) -> None:
    # Wayan asked to dismiss an exception and left manager mode (or walked away from it): its
    # details, read slowly, opened the dismissal over the cashier's page, or over the lock he
    # had come to, where the next person found a manager's decision open with the member's name.
    entry_id = refused_redemption(qtbot, cashier, sandbox)
    at_the_lock = meanwhile == "ends onto the lock"
    if at_the_lock:
        lock_after_idle_time(qtbot, cashier)
    manager_in(qtbot, cashier)
    gate, read_begun = _held_read_reached(qtbot, monkeypatch, cashier.till, entry_id)
    cashier.decisions.ask("dismiss", entry_id)
    read_begun()
    if meanwhile == "is left":
        with qtbot.waitSignal(cashier.mode.left, timeout=WAIT_MS):
            cashier.mode.leave()
    else:
        manager_goes_idle(qtbot, cashier, back_to=cashier.view.sign_in if at_the_lock else None)
    gate.set()
    _asked(qtbot)
    assert cashier.decisions.dialog is None
    assert open_dialogs(cashier) == []


def test_send_again_closed_while_the_members_name_is_read_asks_no_pin(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Budi's retry needs his PIN again; Wayan pressed "Go back" while the till read Budi's name
    # for the PIN pad: the pad was opened over the deleted dialog, and the crash dialog came up.
    entry_id = refused_redemption(qtbot, cashier, sandbox, BUDI)
    sandbox.faults(error_rate=0.0)
    manager_in(qtbot, cashier)
    cashier.decisions.ask("retry", entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    gate, read_begun = _held_read_reached(qtbot, monkeypatch, cashier.till, entry_id)
    dialog.note_box.setPlainText("Budi came back")
    dialog.submit()
    read_begun()
    deciding = next(task for task in tasks._running if task.get_name() == "decide")
    gone = closed_and_deleted(dialog)
    dialog.back.click()
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)
    gate.set()
    qtbot.waitUntil(deciding.done, timeout=WAIT_MS)
    assert deciding.exception() is None
    assert cashier.decisions.pin_dialog is None
    assert open_dialogs(cashier) == []
    assert retries(qtbot, cashier, entry_id) == []


def test_send_again_ended_with_the_pin_pad_open_brings_up_no_crash(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Manager mode ended with Budi's PIN pad open over "Send again": both closed, and the retry
    # reached its dialog, deleted meanwhile, to make its button usable again (the crash dialog).
    entry_id = refused_redemption(qtbot, cashier, sandbox, BUDI)
    sandbox.faults(error_rate=0.0)
    dialog = send_again(qtbot, cashier, entry_id)
    pin_asked(qtbot, cashier)
    deciding = next(task for task in tasks._running if task.get_name() == "decide")
    gone = closed_and_deleted(dialog)
    manager_goes_idle(qtbot, cashier)
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)
    qtbot.waitUntil(deciding.done, timeout=WAIT_MS)
    assert deciding.exception() is None
    # Only the box that says the form closed (and takes the digits typed next).
    notice = cashier.mode.form_closed_notice
    assert notice is not None
    assert open_dialogs(cashier) == [notice]
    assert retries(qtbot, cashier, entry_id) == []


def test_send_again_whose_pin_pad_closed_while_the_pin_was_checked_sends_nothing(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Wayan pressed Cancel on Budi's PIN pad while the server was still checking the PIN, and
    # took it that nothing was sent: the retry was queued once the PIN was taken, and sent.
    entry_id = refused_redemption(qtbot, cashier, sandbox, BUDI)
    sandbox.faults(error_rate=0.0)
    stamps_before = sandbox.stamps(BUDI)
    checking = Held(monkeypatch, cashier.till.redeemer, "authorize_pin")
    dialog = send_again(qtbot, cashier, entry_id)
    pin_dialog = pin_asked(qtbot, cashier)
    typed(pin_dialog, "123456")
    qtbot.waitUntil(lambda: bool(checking.calls), timeout=WAIT_MS)
    checked = next(task for task in tasks._running if task.get_name() == "member PIN")
    pin_dialog.pad.cancel()
    qtbot.waitUntil(lambda: cashier.decisions.pin_dialog is None, timeout=WAIT_MS)
    checking.release()
    qtbot.waitUntil(checked.done, timeout=WAIT_MS)
    assert checked.exception() is None
    assert retries(qtbot, cashier, entry_id) == []
    assert len(run_async(qtbot, cashier.till.outbox.entries())) == 1
    assert sandbox.stamps(BUDI) == stamps_before
    not_sent = "Not sent again: the member's PIN pad was closed while their PIN was checked."
    assert cashier.view.status.note_text() == not_sent
    assert dialog.isVisible() and dialog.confirm.isEnabled()  # still up, to send it again


def confirmed_in_manager_mode(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> tuple[Receipt, Callable[[], None]]:
    """Ayu's first reward confirmed, manager mode entered; and what fills the till's disk (its
    writer refusing as SQLite does on a full disk) until the test ends."""
    find_member(qtbot, cashier, AYU)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    confirmed = redeem(qtbot, cashier, picker.redeem_button.click)
    assert confirmed.verdict is Verdict.CONFIRMED
    run_async(qtbot, cashier.till.staff.add_first_manager(MANAGER, Secret(PIN)))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in(MANAGER, Secret(PIN)))
    db = cashier.till.outbox.db

    async def full(fn: object, *, raw: bool) -> object:
        raise StorageFull("database or disk is full", db.path)

    return confirmed, lambda: monkeypatch.setattr(db, "_write", full)


def still_standing(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, entry_id: str
) -> bool:
    """Whether the redemption stands, on the till and on the server: no cancel was written."""
    entry = run_async(qtbot, cashier.till.outbox.get(entry_id))
    return entry is not None and entry.status == EntryStatus.SYNCED and sandbox.stamps(AYU) == 230


def test_a_cancel_the_full_disk_refuses_says_so_in_its_dialog_and_queues_nothing(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X: with the data folder's disk full, "Cancel the redemption" greyed and the
    # dialog stayed as it was, saying nothing: the manager could not tell the cancel was not
    # written, and the button never came back.
    confirmed, fill_the_disk = confirmed_in_manager_mode(qtbot, cashier, monkeypatch)
    cashier.decisions.ask("cancel", confirmed.entry_id)
    qtbot.waitUntil(lambda: isinstance(cashier.decisions.dialog, DecisionDialog), timeout=WAIT_MS)
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, DecisionDialog)
    fill_the_disk()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=WAIT_MS)
    said = dialog.refusal.text()
    assert said.startswith("Not written:") and "is full" in said
    assert "Nothing was cancelled: cancel it again once the till can save." in said
    assert dialog.isVisible() and dialog.confirm.isEnabled()
    assert still_standing(qtbot, cashier, sandbox, confirmed.entry_id)


def test_a_cancel_by_server_id_the_full_disk_refuses_says_so_in_its_dialog(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    confirmed, fill_the_disk = confirmed_in_manager_mode(qtbot, cashier, monkeypatch)
    cashier.view.manager.history.by_server_id.click()
    qtbot.waitUntil(
        lambda: isinstance(cashier.decisions.dialog, CancelByServerIdDialog), timeout=WAIT_MS
    )
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, CancelByServerIdDialog)
    dialog.server_id_edit.setText(str(confirmed.server_redemption_id))
    fill_the_disk()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=WAIT_MS)
    said = dialog.refusal.text()
    assert said.startswith("Not written:") and "is full" in said
    assert dialog.isVisible() and dialog.confirm.isEnabled()
    assert still_standing(qtbot, cashier, sandbox, confirmed.entry_id)
