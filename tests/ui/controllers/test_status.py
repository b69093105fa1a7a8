"""The sync bar's counts, as the window reads them from the queue."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow

from ...support.languages import speaking
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, redeem
from .test_clock_note import QUIET

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_cancel_only_the_dashboard_can_make_is_not_counted_failed(
    qtbot: QtBot, cashier: CashierWindow, language: str
) -> None:
    # One redemption refused, and one cancel the till never sent (its redemption was confirmed
    # without a server id): "Failed 2" sent a manager to retry what the till cannot send.
    status = cashier.status
    qtbot.waitUntil(lambda: status._status is not None, timeout=WAIT_MS)
    status._status = dataclasses.replace(QUIET, rejected=2, dashboard_cancels=1)
    bar = cashier.view.status
    with speaking(language):
        status._show()
        failed, dashboard = bar.failed.text(), bar.dashboard.text()
    assert bar.dashboard.isVisibleTo(bar)
    assert (failed, dashboard) == {
        "en": ("Failed 1", "Cancel on dashboard 1"),
        "id": ("Gagal 1", "Batalkan di dashboard 1"),
    }[language]
    assert bar.dashboard.property("alert") == "dashboard"

    status._status = QUIET  # cancelled on the dashboard and cleared: the count goes
    status._show()
    assert not bar.dashboard.isVisibleTo(bar)
    assert bar.failed.text() == "Failed 0"


@pytest.mark.usefixtures("no_retry_meanwhile")
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_redemption_whose_answer_was_lost_is_not_confirmed_on_the_bar_as_on_its_card(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, language: str
) -> None:
    # Under X: the network cut right after Redeem, the card read "NOT CONFIRMED — do not hand
    # over yet" and the bar beside it "Queued 1 · Not confirmed 0": two answers to one question.
    find_member(qtbot, cashier, "customer@stamps.co.id")
    sandbox.faults(drop_rate=1.0, drop_after_apply=True, scope="redemptions")
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.verdict is Verdict.NOT_CONFIRMED
    assert cashier.view.result_panel.result().kind == "not_confirmed"  # type: ignore[union-attr]

    bar = cashier.view.status
    not_confirmed, queued = {
        "en": ("Not confirmed 1", "Queued 0"),
        "id": ("Belum dikonfirmasi 1", "Antre 0"),
    }[language]
    with speaking(language):
        cashier.status.refresh()
        qtbot.waitUntil(lambda: not_confirmed in bar.summary_text(), timeout=WAIT_MS)
        # counted once: it waits to be sent again, but what it is now is not confirmed
        assert queued in bar.summary_text()
