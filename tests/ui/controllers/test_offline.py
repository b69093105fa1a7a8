"""The till without its server: a member already on screen can still redeem, accepted offline
within the policy, and the sync bar says the till is offline."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.domain import Channel
from app.core.services import Member
from app.core.services.receipts import Verdict
from app.core.services.runtime import RuntimeOptions
from app.core.storage.problems import disk_full
from app.sandbox import DEMO_TOKEN, SandboxServer
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn
from app.ui.viewmodels import CounterRefusalKey
from app.ui.widgets.member_card import local_time_text

from ...support.network import Network, settings_on
from ...support.vouchers import SALDO, UNCONFIRMED, validations
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration


def looked_up_again_offline(qtbot: QtBot, cashier: CashierWindow, network: Network) -> None:
    """The network drops, and the member on screen is looked up again: the till's copy, and the
    sync bar says offline."""
    network.down()
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        qtbot.keyClick(cashier.view.member_search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: cashier.view.status.summary_text().startswith("Offline"), timeout=WAIT_MS
    )


def looked_up_with_the_line_down(
    qtbot: QtBot, cashier: CashierWindow, network: Network, text: str, *, scanned: bool = False
) -> Member | None:
    """The line drops before the server ever answered for ``text``, and it is looked up (typed
    into the search and Enter, or scanned with the search waiting): whom the till found."""
    network.down()
    view = cashier.view
    if scanned:
        view.focus_member_search()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as blocker:
        if scanned:
            cashier.scanned(text)
        else:
            qtbot.keyClicks(view.member_search.field, text)
            qtbot.keyClick(view.member_search.field, Qt.Key.Key_Return)
    found: Member | None = blocker.args[0]
    return found


def ayu_accepted_offline(qtbot: QtBot, cashier: CashierWindow, network: Network) -> None:
    """Ayu on screen, the network drops, and her first reward is redeemed: accepted offline, as
    the cashier hands it over."""
    find_member(qtbot, cashier, "customer@stamps.co.id")
    looked_up_again_offline(qtbot, cashier, network)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE


def test_a_member_on_screen_redeems_offline_and_it_is_accepted_offline(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], tmp_path: Path
) -> None:
    server = SandboxServer(port=0, token=DEMO_TOKEN).start()
    try:
        settings = settings_on(
            server.url, tmp_path, store_code="RDG-KMG", idempotency="honoured", terminal="till-1"
        )
        cashier = make_cashier(settings)
        find_member(qtbot, cashier, "customer@stamps.co.id")
    finally:
        server.stop()

    # Looking her up again by her name (the field shows it): the server cannot be reached, the
    # till finds her in its memory and serves her "as of" then, rewards and vouchers included.
    field = cashier.view.member_search.field
    assert field.text() == "Ayu Pratiwi"
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cashier.session.member is not None and not cashier.session.member.live
    assert cashier.view.member_card.cached_text().startswith("Offline copy — as of")
    assert cashier.view.member_search.message_text() == ""
    assert len(cashier.view.reward_picker.tiles()) > 5  # the catalogue, from the cache
    assert {row.id for row in cashier.view.voucher_panel._vouchers} == {12, 20}
    qtbot.waitUntil(
        lambda: cashier.view.status.summary_text().startswith("Offline"), timeout=WAIT_MS
    )

    picker = cashier.view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    result = cashier.view.result_panel.result()
    assert result is not None and result.kind == "accepted_offline"
    assert cashier.view.result_panel.print_button.isVisibleTo(cashier.view.result_panel)
    model = cashier.view.redemptions_model
    assert model.row_data(0).status == "accepted_offline"
    # The card shows the projected balance: her 250 less the 20 waiting to sync.
    qtbot.waitUntil(lambda: cashier.view.member_card.stamps_text() == "230 stamps", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Queued 1" in cashier.view.status.summary_text(), timeout=WAIT_MS)
    # Past the stall threshold the bar raises the alert, without a new read of the queue.
    cashier.status.stall_after_s = 0.0
    qtbot.waitUntil(lambda: "has waited" in cashier.view.status.stall_alert.text(), timeout=WAIT_MS)
    assert cashier.view.status.stall_alert.isVisibleTo(cashier.view.status)


def test_offline_the_window_does_not_redeem_what_only_the_server_can_check_and_says_why(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], tmp_path: Path
) -> None:
    server = SandboxServer(port=0, token=DEMO_TOKEN).start()
    try:
        settings = settings_on(server.url, tmp_path, terminal="till-1")
        cashier = make_cashier(settings)
        find_member(qtbot, cashier, "customer@stamps.co.id")
        find_member(qtbot, cashier, "budi.santoso@contoh.co.id")  # PIN-protected
    finally:
        server.stop()

    # Budi again, now from the till's memory: his redemptions need a PIN only the server checks.
    field = cashier.view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    with qtbot.waitSignal(cashier.redemption.result_shown, timeout=WAIT_MS):
        picker.redeem_button.click()
    qtbot.waitUntil(
        lambda: getattr(cashier.view.result_panel.result(), "kind", None) == "not_redeemed",
        timeout=WAIT_MS,
    )
    refused = cashier.view.result_panel.result()
    assert refused is not None
    assert "PIN" in f"{refused.details} {refused.what_to_do}"
    assert cashier.redemption.pin_dialog is None  # no pad: it could not be checked anyway
    # nothing queued: the shift's list holds the customer turned away, no redemption
    model = cashier.view.redemptions_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    assert isinstance(model.row_data(0).entry_id, CounterRefusalKey)
    assert model.row_data(0).status == "not_redeemed"
    assert run_async(qtbot, cashier.session.till.outbox.entries()) == []


def test_offline_redemptions_in_a_row_each_settle_at_once_and_move_the_balance(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # A long read timeout: a redemption accepted offline at the till must not wait out one
    # request's timeouts (65 s here, longer than any wait below) before the cashier can go on.
    settings = network_settings.model_copy(update={"connect_timeout": 4.0, "read_timeout": 60.0})
    cashier = make_cashier(settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    looked_up_again_offline(qtbot, cashier, network)
    card = cashier.view.member_card
    picker = cashier.view.reward_picker
    before = int(card.stamps_text().split()[0])
    costs = []
    for number in (1, 2):
        picker.select_reward(number)
        selected = picker.selected()
        assert selected is not None and selected.available
        costs.append(selected.stamps_cost)
        receipt = redeem(qtbot, cashier, picker.redeem_button.click)
        assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
        assert not cashier.redemption.busy  # the next order can be taken now
        projected = f"{before - sum(costs)} stamps"
        qtbot.waitUntil(lambda shown=projected: card.stamps_text() == shown, timeout=WAIT_MS)
    model = cashier.view.redemptions_model

    def statuses() -> list[str]:
        return [model.row_data(row).status for row in range(model.rowCount())]

    assert statuses() == ["accepted_offline", "accepted_offline"]
    # The network back: both are sent in order and confirmed, and the rows follow.
    network.up()
    qtbot.waitUntil(lambda: statuses() == ["confirmed", "confirmed"], timeout=WAIT_MS)


def test_a_redemption_the_full_disk_keeps_from_syncing_says_the_disk_not_the_network(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Accepted offline; then the disk fills and the network comes back. The worker cannot
    # write the claim a send needs first, so the redemption waits whatever the network does:
    # "Check the network" sent the cashier to a cable that was fine.
    cashier = make_cashier(network_settings)
    ayu_accepted_offline(qtbot, cashier, network)
    db = cashier.till.outbox.db

    def refused(fn: object, raw: bool) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(disk_full(db.path))  # as SQLite's SQLITE_FULL is turned
        return future

    monkeypatch.setattr(db, "_submit", refused)
    network.up()
    cashier.till.worker.wake()
    qtbot.waitUntil(lambda: cashier.till.storage_problem is not None, timeout=WAIT_MS)
    cashier.status.stall_after_s = 0.0
    alert = cashier.view.status.stall_alert
    qtbot.waitUntil(lambda: "has waited" in alert.text(), timeout=WAIT_MS)
    assert "the disk is full" in alert.text() and "free space" in alert.text()
    assert "network" not in alert.text()
    assert cashier.view.redemptions_model.row_data(0).status == "accepted_offline"


def test_a_voucher_whose_kind_no_one_confirmed_says_so_and_is_not_deducted_from_offline(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The listing says no voucher's kind (voucher_api §3) and the saldo's validation fails.
    network.faults(vouchers_kind_unlisted=True)
    cashier = make_cashier(network_settings)
    validations(cashier.session.till, failing=(SALDO,))
    find_member(qtbot, cashier, "customer@stamps.co.id")
    panel = cashier.view.voucher_panel

    def values() -> dict[int, list[str]]:
        return {
            row.id: panel.table.item(number, 2).text().splitlines()
            for number, row in enumerate(panel._vouchers)
            if isinstance(row.id, int)
        }

    shown = values()
    assert shown[12][0] == "Saldo Rp 150.000" and shown[12][-1] == "kind not confirmed"
    assert "kind not confirmed" not in shown[20]  # its validation said "Fixed"

    looked_up_again_offline(qtbot, cashier, network)
    assert values()[12][-1] == "kind not confirmed"  # the till's copy says so

    panel.select_voucher(12)
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None
    dialog.amount.setValue(50_000)
    with qtbot.waitSignal(cashier.redemption.result_shown, timeout=WAIT_MS):
        dialog.accept()
    qtbot.waitUntil(
        lambda: getattr(cashier.view.result_panel.result(), "kind", None) == "not_redeemed",
        timeout=WAIT_MS,
    )
    refused = cashier.view.result_panel.result()
    assert refused is not None and refused.details == UNCONFIRMED
    # nothing queued: the shift's list holds the customer turned away, no redemption
    model = cashier.view.redemptions_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)
    assert isinstance(model.row_data(0).entry_id, CounterRefusalKey)
    assert run_async(qtbot, cashier.session.till.outbox.entries()) == []


def test_accepted_offline_then_unanswered_is_not_confirmed_without_keeping_back_the_reward(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The network drops; the till accepts a redemption offline and the cashier hands it over.
    # The network comes back with a server that applies it and then fails (a 500): the attempt
    # may have gone through. Amber "not confirmed" is true, but "keep the reward back" is not.
    cashier = make_cashier(network_settings)
    ayu_accepted_offline(qtbot, cashier, network)
    panel = cashier.view.result_panel
    assert panel.title.text() == "Accepted offline — will sync"

    network.up(faults={"applied_then_500_rate": 1.0, "scope": "redemptions"})
    qtbot.waitUntil(
        lambda: getattr(panel.result(), "kind", None) == "not_confirmed", timeout=WAIT_MS
    )
    assert panel.title.text() == "NOT CONFIRMED — accepted offline"
    told = f"{panel.title.text()} {panel.what_to_do.text()}".lower()
    assert "do not hand over" not in told and "keep the reward back" not in told
    assert "handed over when the till accepted it offline" in panel.what_to_do.text()
    # The shift's list reads the same receipt, so it says the same thing (architecture §5).
    model = cashier.view.redemptions_model
    assert model.row_data(0).status == "not_confirmed"
    assert model.index(0, model.STATUS).data() == "Offline — NOT CONFIRMED"
    # Between attempts it says what the last one met, under the same words.
    qtbot.waitUntil(lambda: "failed while handling it" in panel.details.text(), timeout=WAIT_MS)
    assert panel.title.text() == "NOT CONFIRMED — accepted offline"
    assert "handed over when the till accepted it offline" in panel.what_to_do.text()


def test_accepted_offline_then_confirmed_does_not_ask_for_a_second_hand_over(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The cashier handed the reward over when the till accepted it offline; the network comes
    # back and the server confirms it. "Hand over the reward." on the panel still in front of
    # them would be a second one.
    cashier = make_cashier(network_settings)
    ayu_accepted_offline(qtbot, cashier, network)
    panel = cashier.view.result_panel

    network.up()
    qtbot.waitUntil(lambda: getattr(panel.result(), "kind", None) == "confirmed", timeout=WAIT_MS)
    assert panel.title.text() == "Confirmed"
    assert "Hand over" not in panel.what_to_do.text()
    assert panel.what_to_do.text() == (
        "Nothing more to give: it was handed over when the till accepted it offline."
    )


def test_accepted_offline_then_confirmed_the_card_is_the_servers_again(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # Seen under X: the network back, Ayu's cart confirmed ("148 stamps left"), the bar Online;
    # her card still said "Projected: the last balance read, less redemptions not yet in it" and
    # "Offline copy — as of" the very minute the server answered, until the next scan.
    cashier = make_cashier(network_settings)
    ayu_accepted_offline(qtbot, cashier, network)
    card, panel = cashier.view.member_card, cashier.view.result_panel
    assert card.cached_text().startswith("Offline copy")

    network.up()
    qtbot.waitUntil(lambda: getattr(panel.result(), "kind", None) == "confirmed", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: card.cached_text() == "", timeout=WAIT_MS)
    assert card.stamps_text() == "230 stamps" and card.projected_text() == ""
    assert cashier.session.member is not None and cashier.session.member.live


def test_the_line_back_with_nothing_queued_the_card_is_the_servers_again(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # Seen under X: Ayu looked up while the line was down, nothing redeemed; the line came back
    # and the bar said Online, her card still "Offline copy — as of …" until she was scanned
    # again.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    looked_up_again_offline(qtbot, cashier, network)
    card = cashier.view.member_card
    assert card.cached_text().startswith("Offline copy")

    network.up()
    run_async(qtbot, cashier.session.till.line.check_connectivity())  # the heartbeat's ping
    qtbot.waitUntil(lambda: card.cached_text() == "", timeout=WAIT_MS)
    assert cashier.session.member is not None and cashier.session.member.live
    assert cashier.view.status.summary_text().startswith("Online")


def test_refused_after_it_was_accepted_offline_the_card_reads_the_servers_balance(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # Ayu spent at another store while this till was offline and took her redemption from her
    # old balance. The server refuses it once the network is back ("Insufficient stamps: 10
    # available"), and her card still read "230 stamps, projected" beside those words.
    cashier = make_cashier(network_settings)
    ayu_accepted_offline(qtbot, cashier, network)
    card = cashier.view.member_card
    qtbot.waitUntil(lambda: card.stamps_text() == "230 stamps", timeout=WAIT_MS)
    network.spent_elsewhere(6, stamps_left=10)

    network.up()
    panel = cashier.view.result_panel
    qtbot.waitUntil(lambda: getattr(panel.result(), "kind", None) == "refused", timeout=WAIT_MS)
    assert "10 available" in panel.details.text()
    qtbot.waitUntil(lambda: card.stamps_text() == "10 stamps", timeout=WAIT_MS)
    assert card.projected_text() == ""
    assert cashier.session.member is not None and cashier.session.member.live
    still = panel.result()
    assert still is not None and still.kind == "refused"  # the refusal is still what it says


def test_refused_online_for_stamps_spent_elsewhere_the_card_reads_the_servers_balance(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The same with the server's answer in the redemption's own wait: she spent at another store
    # since her card was read, and the server refuses this one.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    network.down()
    network.spent_elsewhere(6, stamps_left=10)
    network.up()
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    refused = redeem(qtbot, cashier, picker.redeem_button.click)
    assert refused.verdict is Verdict.REFUSED
    qtbot.waitUntil(lambda: cashier.view.member_card.stamps_text() == "10 stamps", timeout=WAIT_MS)
    shown = cashier.view.result_panel.result()
    assert shown is not None and shown.kind == "refused"


def test_a_refusal_stays_on_the_panel_when_the_redemption_before_it_settles(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Seen as a flake of test_same_decision: the panel went back to the last queued redemption's
    # result while it showed a refusal of the order after it. A cashier tells the customer "not
    # redeemed", and the panel says "Confirmed. Hand over the reward." of the one before.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    network.down()  # with Ayu on screen, as the server told her
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    first = redeem(qtbot, cashier, picker.redeem_button.click)
    assert first.verdict is Verdict.ACCEPTED_OFFLINE
    card = cashier.view.member_card
    qtbot.waitUntil(lambda: card.projected_text() != "", timeout=WAIT_MS)

    # A voucher code only the server can check: not redeemed, nothing queued.
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        spawn(cashier.vouchers.redeem_code("RINDANG-100K-7H2K"))
    refusal = cashier.view.result_panel.result()
    assert refusal is not None and refusal.kind == "not_redeemed"

    # The network is back: the first redemption is sent and confirmed, and its row says so
    # (under the refusal's, the list's newest).
    model = cashier.view.redemptions_model
    qtbot.waitUntil(lambda: len(model.rows()) == 2, timeout=WAIT_MS)
    assert model.row_data(0).status == "not_redeemed"
    network.up()

    def first_row() -> str:
        number = model.find(first.entry_id)
        return "" if number is None else model.row_data(number).status

    qtbot.waitUntil(lambda: first_row() == "confirmed", timeout=WAIT_MS)
    assert cashier.view.result_panel.result() == refusal
    # Her card takes the balance the server confirmed: nothing of hers waits to sync now.
    qtbot.waitUntil(lambda: card.projected_text() == "", timeout=WAIT_MS)
    assert card.stamps_text() == "230 stamps"


def test_offline_a_card_the_till_has_not_seen_is_the_next_customer_not_the_last_ones_code(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Budi served, the line dies, and Putri (never at this till before) scans her card: it was
    # refused as Budi's voucher code, on Budi's record, and Budi stayed on screen for her.
    cashier = make_cashier(network_settings)
    view = cashier.view
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")
    network.down()
    view.focus_member_search()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        cashier.scanned("KR24000128")
    assert cashier.session.member is None
    assert "has not seen “KR24000128” before" in view.member_search.message_text()
    assert view.member_search.text() == "KR24000128"  # not Budi's name over an empty card
    assert view.result_panel.result() is None
    assert view.tabs.currentWidget() is view.reward_picker
    shift = cashier.session.shift
    assert shift is not None
    assert run_async(qtbot, cashier.till.shift_record.shift_summary(shift.id)).refusals == ()


def test_offline_a_scan_of_the_members_own_voucher_code_is_still_their_code(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    cashier = make_cashier(network_settings)
    view = cashier.view
    find_member(qtbot, cashier, "customer@stamps.co.id")
    network.down()
    view.focus_member_search()
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        cashier.scanned("ULTAH-AYU-6")
    assert view.member_card.name_text() == "Ayu Pratiwi"
    result = view.result_panel.result()
    assert result is not None and result.headline == "Voucher code ULTAH-AYU-6"
    assert view.tabs.currentWidget() is view.voucher_panel


def test_offline_a_code_scanned_into_the_voucher_code_is_still_the_members_code(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Not one of Ayu's own, but the cursor waited in the code for it: it is hers, refused for
    # want of the server, and Ayu stays.
    cashier = make_cashier(network_settings)
    view = cashier.view
    find_member(qtbot, cashier, "customer@stamps.co.id")
    network.down()
    view.show_vouchers()
    view.activateWindow()
    qtbot.waitUntil(view.voucher_panel.code_field.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        cashier.scanned("RINDANG-100K-7H2K")
    assert view.member_card.name_text() == "Ayu Pratiwi"
    result = view.result_panel.result()
    assert result is not None and result.headline == "Voucher code RINDANG-100K-7H2K"


def test_offline_a_name_searched_is_not_said_to_match_nobody(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Budi's name searched with the line down (or a server that trickles): "No member matches
    # “Budi”. Check it, or search by name.", of a member the server was never able to answer for.
    cashier = make_cashier(network_settings)
    assert looked_up_with_the_line_down(qtbot, cashier, network, "Budi") is None
    search = cashier.view.member_search
    assert "No member matches" not in search.message_text()
    assert "has not seen “Budi” before" in search.message_text()


def test_the_line_back_the_search_no_longer_says_the_server_cannot_be_reached(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network_settings: Settings,
    network: Network,
) -> None:
    # Seen under X: Putri's card scanned with the line down ("…cannot be reached and this till
    # has not seen “KR24000128” before…"); the line came back, the bar read Online, and the
    # search still told the cashier to wait for it.
    cashier = make_cashier(network_settings)
    looked_up_with_the_line_down(qtbot, cashier, network, "KR24000128", scanned=True)
    search = cashier.view.member_search
    assert "cannot be reached" in search.message_text()

    network.up()
    run_async(qtbot, cashier.session.till.line.check_connectivity())  # the heartbeat's ping
    qtbot.waitUntil(lambda: "cannot be reached" not in search.message_text(), timeout=WAIT_MS)
    assert search.message_text() == (
        "The Stamps server answers again: press Enter to look up “KR24000128”."
    )
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert found.args[0] is not None and found.args[0].live


#: A till whose monitor would not look at the line again for an hour: what it knows of the line
#: coming back comes only from the cashier's own requests.
PROBE_NEVER = RuntimeOptions(probe_interval=3600.0)
CHECKED = (
    "The till checked the line just now: the Stamps server still cannot be reached, and the "
    "offline rules do not allow this. Nothing was redeemed; tell the customer why."
)


def _offline_with(qtbot: QtBot, cashier: CashierWindow, network: Network, member: str) -> None:
    """``member`` on screen with this sale's invoice, then the line drops and the till knows."""
    find_member(qtbot, cashier, member)
    qtbot.keyClicks(cashier.view.invoice_field.field, "INV-0042")
    looked_up_again_offline(qtbot, cashier, network)


def _ask(qtbot: QtBot, cashier: CashierWindow, what: str) -> None:
    view = cashier.view
    if what == "promo":
        view.show_promo()
        qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
        qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    else:  # a reward for Budi, whose redemptions need his PIN
        view.reward_picker.select_reward(1)
        view.reward_picker.redeem_button.click()


@pytest.mark.parametrize(
    ("what", "member"), [("promo", "customer@stamps.co.id"), ("pin", "budi.santoso@contoh.co.id")]
)
def test_asked_while_the_till_believes_itself_offline_it_checks_the_line_and_serves(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
    what: str,
    member: str,
) -> None:
    # Seen on a walk: the line came back; 8 s later the cashier tried the promo again and got
    # "Voucher and promo codes can only be checked online" once more: the till still believed
    # itself offline until its next periodic check.
    cashier = make_cashier(network_settings, options=PROBE_NEVER)
    _offline_with(qtbot, cashier, network, member)
    network.up()
    assert cashier.view.status.summary_text().startswith("Offline")  # not told yet
    if what == "promo":
        with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
            _ask(qtbot, cashier, what)
        assert done.args[0].verdict is Verdict.CONFIRMED
    else:
        _ask(qtbot, cashier, what)
        qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
        cashier.redemption.pin_dialog.reject()
    qtbot.waitUntil(
        lambda: cashier.view.status.summary_text().startswith("Online"), timeout=WAIT_MS
    )


@pytest.mark.parametrize(
    ("what", "member"), [("promo", "customer@stamps.co.id"), ("pin", "budi.santoso@contoh.co.id")]
)
def test_refused_offline_after_a_check_of_the_line_it_says_the_line_is_still_down(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
    what: str,
    member: str,
) -> None:
    cashier = make_cashier(network_settings, options=PROBE_NEVER)
    _offline_with(qtbot, cashier, network, member)
    _ask(qtbot, cashier, what)
    qtbot.waitUntil(
        lambda: getattr(cashier.view.result_panel.result(), "kind", None) == "not_redeemed",
        timeout=WAIT_MS,
    )
    refused = cashier.view.result_panel.result()
    assert refused is not None and refused.what_to_do == CHECKED
    # Said once: the line was just checked, not "try again when the till is back online" as
    # well, as if the till had not tried.
    assert "back online" not in refused.details
    assert cashier.redemption.pin_dialog is None


def test_a_code_the_server_checked_tells_the_till_the_line_is_back(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The line back, and a promo code the server looked at and refused: the bar went on saying
    # Offline (and the next customer was served from the till's copy) though the server had
    # just answered.
    cashier = make_cashier(network_settings, options=PROBE_NEVER)
    _offline_with(qtbot, cashier, network, "customer@stamps.co.id")
    network.up()
    assert cashier.view.status.summary_text().startswith("Offline")  # not told yet
    view = cashier.view
    view.show_promo()
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        qtbot.keyClicks(view.promo_panel.code_field, "NOSUCHPROMO")
        qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: cashier.view.status.summary_text().startswith("Online"), timeout=WAIT_MS
    )


def test_accepted_after_a_408_then_unanswered_never_says_offline(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # The server is there and times out waiting for the request (a 408): the till accepts it to
    # send again and the cashier hands it over. The next attempt is applied, then answered 500:
    # the panel read "NOT CONFIRMED — accepted offline" and the row "Offline — NOT CONFIRMED",
    # of a till that never was.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    network.faults(error_rate=1.0, error_statuses=[408], scope="redemptions")
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
    panel = cashier.view.result_panel
    assert panel.title.text() == "Accepted — will sync"

    network.faults(error_rate=0.0, applied_then_500_rate=1.0, scope="redemptions")
    qtbot.waitUntil(
        lambda: getattr(panel.result(), "kind", None) == "not_confirmed", timeout=WAIT_MS
    )
    assert panel.title.text() == "NOT CONFIRMED — accepted to send again"
    assert "offline" not in f"{panel.title.text()} {panel.what_to_do.text()}"
    assert "handed over when the till accepted it to send again" in panel.what_to_do.text()
    model = cashier.view.redemptions_model
    assert model.index(0, model.STATUS).data() == "Sent again — NOT CONFIRMED"


def test_the_offline_offer_from_a_cut_catalogue_says_so_as_the_live_one_did(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # Online, a store with more rewards than the till reads shows "Only the first 1000 rewards
    # are shown"; offline, its copy showed the same tiles with nothing said of the rest.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    cache = cashier.till.cache
    copy = run_async(qtbot, cache.rewards(32, Channel.POS))
    # The last live read of the list was one cut at the most the till reads.
    cut = [dataclasses.replace(reward, listing_cut=True) for reward in copy]
    run_async(qtbot, cache.remember_rewards(32, Channel.POS, cut))
    looked_up_again_offline(qtbot, cashier, network)
    picker = cashier.view.reward_picker
    offline, cut_note = picker.note().split("\n")
    assert offline.startswith("Offline copy of the rewards, as of ")
    assert cut_note.startswith(f"Only the first {len(copy)} rewards are shown")
    assert len(picker.tiles()) == len(copy)


def test_offline_the_rewards_tab_says_its_tiles_are_the_tills_copy_and_as_of_when(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    network: Network,
    network_settings: Settings,
) -> None:
    # Offline, the vouchers tab said "Offline copy of this member's vouchers, as of …" and the
    # rewards tab nothing: its tiles read as the server's list of now.
    cashier = make_cashier(network_settings)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    picker = cashier.view.reward_picker
    assert picker.note() == ""  # read from the server: nothing to say
    looked_up_again_offline(qtbot, cashier, network)
    offer = cashier.session.offer
    assert offer is not None and offer.rewards_as_of is not None
    read_at = offer.rewards_as_of
    assert picker.note() == f"Offline copy of the rewards, as of {local_time_text(read_at)}."
    assert picker.tiles()  # the copy's tiles, under the note
