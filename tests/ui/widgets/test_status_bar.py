"""The always-visible sync state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import StatusData
from app.ui.widgets.status_bar import SyncStatusBar, age_text

from ...support.languages import speaking


@pytest.fixture
def bar(qtbot: QtBot) -> SyncStatusBar:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_online_with_nothing_waiting(bar: SyncStatusBar):
    bar.set_status(StatusData())
    assert bar.summary_text() == "Online · Queued 0 · Not confirmed 0 · Failed 0"
    assert bar.unknown.property("alert") == "none"


def test_a_bar_not_yet_told_anything_does_not_say_online(bar: SyncStatusBar):
    fresh = SyncStatusBar()
    assert fresh.summary_text().startswith("Checking the Stamps server…")
    assert fresh.connectivity.property("state") == "checking"
    bar.set_status(StatusData("checking"))
    assert (
        bar.summary_text() == "Checking the Stamps server… · Queued 0 · Not confirmed 0 · Failed 0"
    )


def test_offline_with_a_queue_says_how_old_the_oldest_entry_is(bar: SyncStatusBar):
    bar.set_status(
        StatusData("offline", queued=3, not_confirmed=1, failed=2, oldest_queued_age_s=185)
    )
    text = bar.summary_text()
    assert "Offline — redemptions will sync later" in text
    assert "Queued 3" in text and "Not confirmed 1" in text and "Failed 2" in text
    assert "oldest 3 min" in text
    assert bar.unknown.property("alert") == "unknown"
    assert bar.failed.property("alert") == "failed"
    assert bar.connectivity.property("state") == "offline"


def test_paused_credentials_and_a_stalled_lane_are_banners(bar: SyncStatusBar):
    bar.set_status(
        StatusData(
            "degraded",
            queued=1,
            paused_for_credentials=True,
            stalled_lane_alert="Budi's redemptions have not moved for 20 min.",
        )
    )
    assert bar.credentials_banner.isVisible()
    assert bar.stall_alert.isVisible()
    assert "Budi's redemptions have not moved" in bar.summary_text()

    bar.set_status(StatusData())
    assert not bar.credentials_banner.isVisible()
    assert not bar.stall_alert.isVisible()


@pytest.mark.parametrize("line", ["online", "degraded"])
def test_a_paused_sync_never_wears_online_s_green(bar: SyncStatusBar, line: str):
    # Under X: the token refused, the line answering, the pill read "Sync paused — API token
    # refused" in Online's green, as if all were well.
    bar.set_status(StatusData(line, queued=1, paused_for_credentials=True))
    assert bar.connectivity.text() == "Sync paused — API token refused"
    assert bar.connectivity.property("state") == "paused"
    bar.set_status(StatusData("online"))
    assert bar.connectivity.property("state") == "online"


def test_a_wrong_clock_is_a_banner_of_its_own_beside_the_others(bar: SyncStatusBar):
    clock = "The till's clock is 3 h 5 min behind the Stamps server's: ask a manager to set it."
    bar.set_status(
        StatusData(
            "online",
            queued=1,
            paused_for_credentials=True,
            paused_text="Sync is paused.",
            stalled_lane_alert="A redemption has waited 21 min to sync.",
            clock_alert=clock,
        )
    )
    # neither hides the other: a paused queue and a wrong clock both need a manager
    assert bar.credentials_banner.isVisible() and bar.stall_alert.isVisible()
    assert bar.clock_alert.isVisible() and bar.clock_alert.text() == clock
    assert bar.summary_text().startswith("Sync is paused. · A redemption has waited 21 min")
    assert clock in bar.summary_text()

    bar.set_status(StatusData())
    assert not bar.clock_alert.isVisible()
    assert clock not in bar.summary_text()


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Not confirmed 4"), ("id", "Belum dikonfirmasi 4")]
)
def test_the_unknown_count_reads_as_history_and_end_of_day_name_the_state(
    bar: SyncStatusBar, language: str, words: str
):
    # Seen in the bar: "Unknown 4" (in Indonesian "Belum pasti 4") under a History, Exceptions
    # and End of day that call the same four "Not confirmed" ("Belum dikonfirmasi").
    with speaking(language):
        bar.set_status(StatusData("online", not_confirmed=4))
        assert bar.unknown.text() == words
        assert words in bar.summary_text()


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (45.9, "45 s"),
        (60, "1 min"),
        (185, "3 min"),
        (3600, "1 h 0 min"),
        (3900, "1 h 5 min"),
    ],
)
def test_ages_read_at_a_glance(seconds, text):
    assert age_text(seconds) == text


def test_a_long_note_is_read_whole_on_a_line_of_its_own_not_the_window_widened(qtbot: QtBot):
    window = CashierWindowView()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    slips = "/home/kasir-toko-rindang-kemang/.local/share/stamps-pos/data/slips"
    note = f"Bukti dikirim ke {slips}/01a22ca3-612e-7667-be65-961617944520.pdf"
    status = window.status
    status.set_cashier("Rina")
    status.set_status(StatusData("offline", queued=12, oldest_queued_age_s=3900))
    QApplication.processEvents()
    row_height = status.height()

    status.show_note(note, 2000)
    QApplication.processEvents()

    assert window.width() == 1366
    assert status.note_text() == note
    # Too long for the room the row has: under it, whole, the path broken between folders.
    assert not status.note.text()
    assert status.note_line.isVisible()
    assert status.note_line.text().replace("\u200b", "") == note
    assert status.note_line.heightForWidth(status.note_line.width()) <= status.note_line.height()
    assert status.height() > row_height
    assert status.cashier.geometry().right() <= status.width()
    # Gone when its time is up, and the page has its line back.
    qtbot.waitUntil(lambda: not status.note_line.isVisible(), timeout=10_000)
    assert status.note_text() == ""
    qtbot.waitUntil(lambda: status.height() == row_height)


def test_a_note_that_fits_stays_in_the_row_and_moves_nothing(qtbot: QtBot):
    window = CashierWindowView()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    status = window.status
    status.set_cashier("Rina")
    QApplication.processEvents()
    page_height = window.pages.height()

    status.show_note("Sent again: Confirmed")
    QApplication.processEvents()

    assert status.note.displayed_text() == "Sent again: Confirmed"
    assert not status.note_line.isVisible()
    assert window.pages.height() == page_height


def test_a_long_note_shows_in_the_pages_room_while_it_is_up_and_fits_there(qtbot: QtBot):
    window = CashierWindowView()
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.show_cashier()
    status = window.status
    status.set_cashier("Rina")
    QApplication.processEvents()
    slip = "/home/kasir/.local/share/stamps-pos/data/slips/01a22ca3-612e-7667-be65-961617944520.pdf"
    note = f"Bukti dikirim ke {slip}"

    status.show_note(note, 60_000)
    QApplication.processEvents()
    # Under the invoice, whole; nothing under the row.
    assert status.page_note.isVisible()
    assert status.page_note.text().replace("\u200b", "") == note
    assert status.page_note.heightForWidth(status.page_note.width()) <= status.page_note.height()
    assert not status.note_line.isVisible()

    # Too long for that room (a path many times over): under the row, read whole all the same.
    status.show_note(" ".join([note] * 8), 60_000)
    QApplication.processEvents()
    assert not status.page_note.isVisible()
    assert status.note_line.isVisible()

    # Another page up: under the row again.
    status.show_note(note, 60_000)
    window.show_sign_in()
    QApplication.processEvents()
    assert not status.page_note.isVisible()
    assert status.note_line.text().replace("\u200b", "") == note
