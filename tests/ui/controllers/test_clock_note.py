"""The sync bar tells the people at the till when its clock is wrong: off the Stamps server's
``Date`` by more than two minutes, or earlier than redemptions the till already recorded (a
wrong clock puts the wrong day on End of day and wrong times on slips and the shift's list)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from email.utils import format_datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core import clock
from app.core.outbox.status import OutboxStatus
from app.ui.cashier_window import CashierWindow

from ...support.languages import speaking
from .conftest import WAIT_MS, run_async

QUIET = OutboxStatus(
    queued=0,
    sending=0,
    unknown=0,
    rejected=0,
    held=0,
    oldest_queued_age=None,
    paused=False,
    paused_reason=None,
)


@pytest.mark.integration
def test_a_skewed_server_date_is_said_until_the_next_answer_agrees(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    bar = cashier.view.status
    assert not bar.clock_alert.isVisibleTo(bar)  # the sandbox's clock is the till's
    # An answer dated 3 h 5 min later than the till's clock reads (give or take the second the
    # Date header drops and the time the test takes: the note says the nearest minute).
    server = clock.now() + timedelta(hours=3, minutes=5)
    cashier.till.monitor.note_server_date(format_datetime(server, usegmt=True))
    qtbot.waitUntil(lambda: bar.clock_alert.isVisibleTo(bar), timeout=WAIT_MS)
    assert bar.clock_alert.text() == (
        "The till's clock is 3 h 5 min behind the Stamps server's: ask a manager to set the time."
    )
    assert bar.clock_alert.text() in bar.summary_text()
    # The sandbox answers with the right time: the clock agrees again and the note goes.
    run_async(qtbot, cashier.till.line.check_connectivity())
    qtbot.waitUntil(lambda: not bar.clock_alert.isVisibleTo(bar), timeout=WAIT_MS)
    assert "clock" not in bar.summary_text()


@pytest.mark.integration
def test_a_clock_ahead_of_the_server_says_ahead(qtbot: QtBot, cashier: CashierWindow) -> None:
    bar = cashier.view.status
    server = clock.now() - timedelta(minutes=4)
    cashier.till.monitor.note_server_date(format_datetime(server, usegmt=True))
    qtbot.waitUntil(lambda: bar.clock_alert.isVisibleTo(bar), timeout=WAIT_MS)
    assert bar.clock_alert.text() == (
        "The till's clock is 4 min ahead of the Stamps server's: ask a manager to set the time."
    )


@pytest.mark.integration
def test_a_clock_a_second_short_of_five_minutes_behind_says_five(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # It said "4 min behind" of a clock 299 s behind: a minute short of what to set it by.
    bar = cashier.view.status
    server = clock.now() + timedelta(seconds=299)
    cashier.till.monitor.note_server_date(format_datetime(server, usegmt=True))
    qtbot.waitUntil(lambda: bar.clock_alert.isVisibleTo(bar), timeout=WAIT_MS)
    assert bar.clock_alert.text() == (
        "The till's clock is 5 min behind the Stamps server's: ask a manager to set the time."
    )


@pytest.mark.integration
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_clock_earlier_than_what_the_till_recorded_is_said_beside_the_pause(
    qtbot: QtBot, cashier: CashierWindow, language: str
) -> None:
    # Offline too: it needs no server, only the redemptions the till already queued.
    status = cashier.status
    qtbot.waitUntil(lambda: status._status is not None, timeout=WAIT_MS)
    status._status = dataclasses.replace(
        QUIET, queued=1, paused=True, paused_reason="401", clock_behind=3900.0
    )
    bar = cashier.view.status
    with speaking(language):
        status._show()
        text = bar.clock_alert.text()
    assert bar.credentials_banner.isVisibleTo(bar)  # the pause is not hidden by it
    assert bar.clock_alert.isVisibleTo(bar)
    if language == "en":
        assert text == (
            "The till's clock reads 1 h 5 min earlier than redemptions it already recorded: "
            "ask a manager to set the time."
        )
    else:
        assert "1 j 5 mnt" in text and "clock" not in text

    status._status = QUIET  # the time set right: the next read of the queue says nothing
    status._show()
    assert not bar.clock_alert.isVisibleTo(bar)
