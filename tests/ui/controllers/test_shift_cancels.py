"""The shift's list follows a manager's cancel without reading the whole shift again at every
change: a till serves hundreds of customers a day, and the database changes several times with
each of them."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.core.services import HistoryFilter, HistoryRow
from app.ui.cashier_window import CashierWindow
from app.ui.viewmodels import RedemptionRowData

from .conftest import WAIT_MS, find_member, redeem

pytestmark = pytest.mark.integration

EARLIER_CUSTOMERS = 300


def test_a_change_reads_in_full_no_row_of_the_shift_that_nobody_cancelled(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = cashier.view
    find_member(qtbot, cashier, "customer@stamps.co.id")
    view.reward_picker.select_reward(5)
    redeem(qtbot, cashier, view.reward_picker.redeem_button.click)
    # The shift's earlier customers, as the list holds them by the afternoon.
    for n in range(EARLIER_CUSTOMERS):
        view.redemptions_model.upsert(
            RedemptionRowData(
                entry_id=f"earlier-{n}",
                time_text="08.00",
                member="Ayu Pratiwi",
                what="Upgrade ke Ukuran Large",
                status="confirmed",
            )
        )
    history = cashier.till.history
    read = history.rows
    asked: list[int] = []

    async def rows(wanted: HistoryFilter | None = None) -> list[HistoryRow]:
        # A row read in full is its entry, its attempts, its cancel and decisions.
        if wanted is not None and wanted.entry_ids is not None and wanted.statuses is None:
            asked.append(len(wanted.entry_ids))
        return await read(wanted)

    monkeypatch.setattr(history, "rows", rows)
    with qtbot.waitSignal(cashier.shift_cancels.followed, timeout=WAIT_MS):
        cashier.shift_cancels.refresh()
    assert sum(asked) == 0, f"a change read {sum(asked)} rows of the shift in full"
    assert view.redemptions_model.row_data(0).cancel_text == ""
