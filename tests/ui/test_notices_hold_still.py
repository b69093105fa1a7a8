"""What comes and goes mid-shift does not move the cashier's page, and what must be acted on is
seen whole.

A passing note too long for the sync row and the row itself growing busy (offline, every count,
the badge: two lines at 1024 px) come and go while the till is idle, with the network: what the
cashier aims at (a reward's tile, "Redeem now", the cart's button, the shift's list, the invoice)
stays where it was. The banners (paused, stalled lane, wrong clock, storage) are states of the
whole till that come rarely and must be read and acted on: they stay across the window and move
the page when they come, but each is whole in sight, "Check again" included. Both languages, at
the till's 1366×768 and at 1024×768."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.core.services import ClockFault, ClockWarning, StorageFull
from app.ui.clock_words import clock_fact
from app.ui.controllers.storage import sentence_for
from app.ui.main_window import CashierWindowView
from app.ui.screenshots import _said, paused_status
from app.ui.viewmodels import StatusData
from app.ui.widgets.status_bar import age_text

from ..support.screens import window_in


def settle() -> None:
    """Every layout request delivered, as by the frame the cashier sees."""
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


SIZES = [(1366, 768), (1024, 768)]


def _stalled() -> StatusData:
    alert = _said(
        "StatusController",
        "A redemption has waited {age} to sync. Check the network, or call a manager.",
        age=age_text(1260),
    )
    return StatusData("online", queued=2, oldest_queued_age_s=1260, stalled_lane_alert=alert)


def _clock() -> StatusData:
    fact = clock_fact(ClockWarning(ClockFault.BEHIND, 3 * 3600 + 5 * 60))
    alert = _said("StatusController", "{fact}: ask a manager to set the time.", fact=fact)
    return StatusData("online", clock_alert=alert)


def _busy_row(window: CashierWindowView) -> None:
    busy = StatusData("offline", queued=128, unknown=3, failed=12, oldest_queued_age_s=86_000)
    window.status.set_status(busy)
    window.status.set_exceptions(15)


def _long_note(window: CashierWindowView) -> None:
    path = "/home/kasir/Dokumen/stamps-pos/laporan/shift-2026-12-01-toko-JKT-014-kasir-01.pdf"
    note = _said("ShiftController", "Slip sent to {where}", where=path)
    window.status.show_note(note, 60_000)


def _storage(window: CashierWindowView) -> None:
    folder = Path("/var/lib/stamps-pos")
    window.set_storage_problem(sentence_for(StorageFull("disk full", folder / "stamps-pos.db")))


#: What comes and goes with the network or a passing message, the page holding still.
PASSING: dict[str, Callable[[CashierWindowView], None]] = {
    "busy row": _busy_row,
    "long note": _long_note,
    "long note beside a busy row": lambda window: (_busy_row(window), _long_note(window)),
}

#: States of the whole till, across the window, each to be read whole.
BANNERS: dict[str, Callable[[CashierWindowView], None]] = {
    "paused": lambda window: window.status.set_status(paused_status()),
    "stalled": lambda window: window.status.set_status(_stalled()),
    "clock": lambda window: window.status.set_status(_clock()),
    "all three": lambda window: window.status.set_status(
        StatusData(
            **{
                **vars(paused_status()),
                "stalled_lane_alert": _stalled().stalled_lane_alert,
                "clock_alert": _clock().clock_alert,
            }
        )
    ),
    "storage": _storage,
}


def _aimed_at(window: CashierWindowView) -> dict[str, QPoint]:
    settle()
    picker = window.reward_picker
    targets: dict[str, QWidget] = {
        "first tile": picker.tiles()[0],
        "Redeem now": picker.redeem_button,
        "cart's Redeem": picker.cart.redeem_button,
        "shift's list": window.redemptions,
        "invoice": window.invoice_field.field,
    }
    return {name: widget.mapTo(window, QPoint(0, 0)) for name, widget in targets.items()}


def _cut(widget: QWidget) -> list[str]:
    """Why ``widget`` is not seen whole in its window (empty: it is)."""
    why = []
    if not widget.isVisible():
        why.append("hidden")
    elif widget.visibleRegion().boundingRect() != widget.rect():
        why.append(f"clipped to {widget.visibleRegion().boundingRect()} of {widget.rect()}")
    wraps = isinstance(widget, QLabel) and widget.wordWrap()
    if wraps and widget.heightForWidth(widget.width()) > widget.height():
        why.append("its words cut")
    return [f"{widget.objectName()}: {reason}" for reason in why]


@pytest.mark.parametrize("notice", list(PASSING))
@pytest.mark.parametrize("size", SIZES)
def test_a_passing_note_or_a_busy_row_leaves_the_page_where_it_was(
    qtbot: QtBot, language: str, size: tuple[int, int], notice: str
):
    window = window_in(qtbot, "06-cart", size)
    window.reward_picker.select_reward("R1")
    before = _aimed_at(window)
    PASSING[notice](window)
    during = _aimed_at(window)
    assert during == before
    # ... no empty block where no note is, and the note read whole where it went (the row, or
    # the room under the invoice).
    status = window.status
    assert status.note_line.isVisible() == bool(status.note_line.text())
    assert status.page_note.isVisible() == bool(status.page_note.text())
    if status.note_text():
        shown = [
            label for label in (status.note, status.page_note) if label.isVisible() and label.text()
        ]
        assert [label.text().replace("\u200b", "") for label in shown] == [status.note_text()]
        assert status.note.displayed_text() == status.note.text()
        if status.page_note.isVisible():
            assert _cut(status.page_note) == []
    window.status.set_status(StatusData("online"))
    window.status.set_exceptions(0)
    window.status.show_note("", 1)
    assert _aimed_at(window) == before
    assert window.width() <= size[0] and window.height() <= size[1]


@pytest.mark.parametrize("banner", list(BANNERS))
@pytest.mark.parametrize("size", SIZES)
def test_a_banner_is_seen_whole_across_the_window(
    qtbot: QtBot, language: str, size: tuple[int, int], banner: str
):
    window = window_in(qtbot, "06-cart", size)
    BANNERS[banner](window)
    settle()
    status = window.status
    shown = [
        widget
        for widget in (
            status.credentials_banner,
            status.credentials_text,
            status.credentials_note,
            status.check_again,
            status.stall_alert,
            status.clock_alert,
            window.storage_banner,
        )
        if widget.isVisibleTo(window) and not (isinstance(widget, QLabel) and not widget.text())
    ]
    assert shown
    assert [why for widget in shown for why in _cut(widget)] == []
    # Across the window, not in a column of the page.
    for widget in shown:
        if widget in (status.credentials_banner, status.stall_alert, status.clock_alert):
            assert widget.width() >= window.width() * 0.9
    if banner in ("paused", "all three"):
        assert status.check_again in shown
    assert window.width() <= size[0] and window.height() <= size[1]
