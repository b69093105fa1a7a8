"""Three outcomes, said at once and alike everywhere: a redemption the server never got is
accepted offline (teal) or not redeemed (with the reason) on its first failed attempt, never left
in amber; the panel, the shift's row and the sync bar agree; waiting for the PIN looks like no
outcome. And a balance voucher reads as a balance, offline too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core import clock
from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn

from ...support.network import Network
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

AYU, BUDI = "customer@stamps.co.id", "budi.santoso@contoh.co.id"


def cut_mid_shift(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> CashierWindow:
    """A till serving Ayu when the line dies; it still thinks it is online, so it sends, and
    the line is dead.

    The cashier's wait for a first answer is connect + read timeout + 1 s; a refused connection
    ends at once, so a long read timeout costs nothing here and keeps a loaded machine's slow
    first attempt from outlasting the wait (it read "not confirmed" once)."""
    cashier = make_cashier(network_settings.model_copy(update={"read_timeout": 20.0}))
    find_member(qtbot, cashier, AYU)
    network.down()
    return cashier


@pytest.mark.usefixtures("no_retry_meanwhile")
def test_cut_mid_shift_a_redemption_is_accepted_offline_on_its_first_failed_attempt(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    cashier = cut_mid_shift(qtbot, make_cashier, network_settings, network)
    view = cashier.view

    picker = view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    # judged on the failed attempt, not after a wait (the worker's retry is held back)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE and receipt.attempts == 1
    result = view.result_panel.result()
    assert result is not None and result.kind == "accepted_offline"
    assert view.result_panel.title.text() == "Accepted offline — will sync"
    assert view.redemptions_model.row_data(0).status == "accepted_offline"
    qtbot.waitUntil(lambda: view.status.summary_text().startswith("Offline"), timeout=WAIT_MS)
    network.up()


@pytest.mark.usefixtures("no_retry_meanwhile")
def test_cut_mid_shift_what_the_offline_rules_refuse_is_not_redeemed_with_the_reason(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    cashier = cut_mid_shift(qtbot, make_cashier, network_settings, network)
    view = cashier.view
    # 150 stamps is more than the offline rules allow for one redemption (100). (Its tile is
    # greyed for her level; this is what a click would run.)
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as ready:
        spawn(cashier.rewards.redeem_one(7, 1, None))
    refused = ready.args[0]
    assert refused.verdict is Verdict.NOT_REDEEMED and refused.attempts == 1
    result = view.result_panel.result()
    assert result is not None and result.kind == "not_redeemed"
    assert view.result_panel.title.text() == "Not redeemed"
    assert result.details == "Offline, one redemption may cost at most 100 stamps; this costs 150."
    model = view.redemptions_model
    assert model.row_data(0).status == "not_redeemed"
    assert model.data(model.index(0, model.STATUS)) == "Not redeemed"
    network.up()


@pytest.mark.usefixtures("no_retry_meanwhile")
def test_the_same_order_again_once_the_till_knows_it_is_offline_reads_and_counts_the_same(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Seen by hand: the first try, before the till knew it was offline, read "Not redeemed"; the
    # same order again, refused before queueing, "Refused" with other advice; the shift's summary
    # and the end of day counted one refused and one not redeemed.
    started = clock.now()
    cashier = cut_mid_shift(qtbot, make_cashier, network_settings, network)
    view = cashier.view
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS):
        spawn(cashier.rewards.redeem_one(7, 1, None))  # 150 stamps: over the offline cap
    first = view.result_panel.result()
    first_title = view.result_panel.title.text()
    qtbot.waitUntil(lambda: view.status.summary_text().startswith("Offline"), timeout=WAIT_MS)

    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        spawn(cashier.rewards.redeem_one(7, 1, None))
    again = view.result_panel.result()
    assert first is not None and again is not None
    assert (again.kind, view.result_panel.title.text()) == ("not_redeemed", "Not redeemed")
    assert (again.kind, again.headline, again.details) == (
        first.kind,
        first.headline,
        first.details,
    )
    # The same advice, and that the till checked the line before refusing (believed offline).
    assert again.what_to_do == (
        "The till checked the line just now: the Stamps server still cannot be reached, and the "
        "offline rules do not allow this. Nothing was redeemed; tell the customer why."
    )
    assert view.result_panel.title.text() == first_title

    with qtbot.waitSignal(cashier.shift.summary_shown, timeout=WAIT_MS) as shown:
        view.close_shift_action.trigger()
    summary = shown.args[0]
    assert (summary.refused, summary.not_redeemed) == (0, 2)
    assert view.summary.counts["not_redeemed"].text() == "2"
    day = run_async(qtbot, cashier.session.till.shift_record.day(started, clock.now()))
    assert [(line.standing, line.count) for line in day.summary.totals()] == [("not_redeemed", 2)]
    network.up()


def test_the_shifts_summary_follows_a_redemption_that_settles_while_it_is_up(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Under Xvfb: Close shift while a redemption was still being sent; it was confirmed a
    # moment later (the status bar, the shift's list), and the summary still said "NOT
    # CONFIRMED 1: a manager must check them before the day closes".
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    sandbox.faults(error_rate=1.0, error_statuses=[500], scope="redemptions")
    receipt = redeem(qtbot, cashier, lambda: spawn(cashier.rewards.redeem_one(1, 1, None)))
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    with qtbot.waitSignal(cashier.shift.summary_shown, timeout=WAIT_MS) as shown:
        view.close_shift_action.trigger()
    assert shown.args[0].not_confirmed == 1
    assert view.summary.pending_warning.isVisibleTo(view.summary)
    sandbox.faults(error_rate=0.0)  # the worker's next attempt is answered
    qtbot.waitUntil(lambda: view.summary.counts["confirmed"].text() == "1", timeout=WAIT_MS)
    assert view.summary.counts["not_confirmed"].text() == "0"
    assert not view.summary.pending_warning.isVisibleTo(view.summary)
    assert view.pages.currentWidget() is view.summary


def test_waiting_for_the_pin_has_a_neutral_look_of_its_own_and_says_it_once(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    find_member(qtbot, cashier, BUDI)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    picker.redeem_button.click()
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    result = cashier.view.result_panel.result()
    assert result is not None and result.kind == "waiting_pin"
    assert cashier.view.result_panel.title.text() == "Waiting for the PIN"
    assert cashier.view.result_panel.property("outcome") == "waiting_pin"
    panel = cashier.view.result_panel
    said = [
        label.text()
        for label in (panel.headline, panel.details, panel.what_to_do)
        if not label.isHidden()
    ]
    dialog = cashier.redemption.pin_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: cashier.view.result_panel.result() is None, timeout=WAIT_MS)
    # Each thing once: the panel used to say "types their PIN on the pad" twice over.
    assert said == [
        "Es Kopi Susu Gula Aren",
        "The customer types their PIN on the pad. Nothing is sent before.",
    ]


def test_a_balance_voucher_reads_as_a_saldo_and_offline_deducts_against_what_is_left(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    cashier = make_cashier(network_settings)
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    rows = {row.id: row for row in view.voucher_panel._vouchers}
    assert rows[12].value_text == "Saldo Rp 150.000" and rows[12].balance
    assert rows[12].name == "Saldo Hadiah Rindang"

    network.down()
    find_member(qtbot, cashier, AYU)  # from the till's memory now: the vouchers come with her
    rows = {row.id: row for row in view.voucher_panel._vouchers}
    assert rows[12].value_text == "Saldo Rp 150.000" and rows[12].balance
    assert "Offline copy" in view.voucher_panel.note.text()

    panel = view.voucher_panel
    panel.select_voucher(12)
    assert panel.redeem_button.text() == "Deduct from saldo…"
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None and dialog.most_to_deduct == 150_000
    dialog.amount.setValue(115_000)
    receipt = redeem(qtbot, cashier, dialog.accept)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    qtbot.waitUntil(
        lambda: (
            {r.id: r for r in panel._vouchers}.get(12) is not None
            and {r.id: r for r in panel._vouchers}[12].value_text == "Saldo Rp 35.000"
        ),
        timeout=WAIT_MS,
    )
    network.up()
