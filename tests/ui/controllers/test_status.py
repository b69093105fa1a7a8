"""The sync bar's counts, as the window reads them from the queue."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from app.ui.cashier_window import CashierWindow

from ...support.languages import speaking
from .conftest import WAIT_MS
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
