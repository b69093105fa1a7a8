"""The shift's list follows a manager's cancel without reading the whole shift again at every
change: a till serves hundreds of customers a day, and the database changes several times with
each of them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.core.services import HistoryFilter, HistoryRow, ShiftRow, Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.viewmodels import RedemptionRowData

from ..widgets.test_redemptions_table import count_status_measures
from .conftest import WAIT_MS, find_member, redeem, run_async

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


def test_a_shift_of_600_taken_up_after_a_restart_is_listed_without_measuring_each_row_again(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shift left open when the till restarted: its redemptions were added one at a time, and
    # at each the list fitted its status column to every row again (182,102 cells for 600).
    now = datetime.now(UTC)
    done = [
        ShiftRow(
            time=now,
            cashier="Dewi",
            member=f"Member {n}",
            kind="reward",
            what="Upgrade ke Ukuran Large",
            stamps=5,
            rupiah=Decimal(0),
            invoice="",
            status=Verdict.CONFIRMED,
            server_redemption_id=n,
            reason=None,
            entry_id=f"earlier-{n}",
        )
        for n in range(600)
    ]

    async def shift_rows(shift_id: int) -> list[ShiftRow]:
        return done

    monkeypatch.setattr(cashier.till.shift_record, "shift_rows", shift_rows)
    measured = count_status_measures(cashier.view.redemptions)
    run_async(qtbot, cashier.redemption.take_up_shift(1))
    model = cashier.view.redemptions_model
    assert [model.row_data(n).member for n in (0, 599)] == ["Member 599", "Member 0"]
    assert 0 < len(measured) < 1000, f"{len(measured)} statuses measured to list 600 rows"
