"""Manager mode's end of day on the counter's smaller screens: the day's totals beside its shifts,
and the per-cashier lines, with no sideways scrolling, every heading whole, and every kind
("Amount from a balance voucher") and standing whole on as many lines as it takes, in each
language. At 1024 px the totals ran 727 px wide in a 491 px view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ...support.screens import inside_the_frame, window_in
from ..test_room_to_read import crowded_columns, cut_cells

COUNTER_SCREENS = [(1024, 768), (1280, 720), (1366, 768)]


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", COUNTER_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_days_tables_fit_with_every_kind_and_standing_whole(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, "31-end-of-day", size)
    day = window.manager.day
    for table in (day.totals, day.cashiers, day.shifts):
        assert crowded_columns(table) == []
        assert not table.horizontalScrollBar().isVisible(), table.objectName()
    for table in (day.totals, day.cashiers):
        # these wrap their words: a cell is read whole, not from a tooltip
        assert table.wordWrap()
        assert cut_cells(table) == []


def test_in_indonesian_the_day_picked_is_not_called_today(qtbot: QtBot) -> None:
    # A manager reading yesterday's close saw "Total hari ini" (today's totals) over it, and
    # "Ekspor CSV penukaran hari ini…" for yesterday's rows.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    from app.ui.manager.day import DayView

    from ...support.languages import speaking

    with speaking("id"):
        view = DayView()
        qtbot.addWidget(view)
        texts = [label.text() for label in view.findChildren(QLabel)]
        texts += [view.export_rows.text(), view.export_summary.text()]
        texts.append(QCoreApplication.translate("DayController", "Export the day"))
    assert "Total hari itu" in texts
    assert [text for text in texts if "hari ini" in text] == []


def _laid_out(window: QWidget) -> None:
    for _ in range(8):  # every layout request delivered, as by the frame the manager sees
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


def _rows_out_of_sight(table: QTableView) -> list[int]:
    """The rows of ``table`` not whole in its view as it stands (not scrolled)."""
    model, sight = table.model(), table.viewport().rect()
    last = model.columnCount() - 1
    return [
        row
        for row in range(model.rowCount())
        if not sight.contains(
            table.visualRect(model.index(row, 0)).united(table.visualRect(model.index(row, last)))
        )
    ]


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("screen", [(1024, 600), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_days_totals_are_read_whole_and_the_list_below_scrolls(
    qtbot: QtBot, screen: tuple[int, int]
) -> None:
    # Seen under Xvfb at 1024×600: "The day's totals" showed one row and a half of its seven
    # (the Indonesian "Nilai dari voucher saldo" on three lines) and scrolled inside itself,
    # the page sharing its height between the totals and the per-cashier list; at 1366×768 it
    # showed three and a half. A manager reconciling the day reads the totals whole.
    window = window_in(qtbot, "31-end-of-day", inside_the_frame(screen))
    _laid_out(window)
    day = window.manager.day
    totals, cashiers = day.totals, day.cashiers
    assert totals.model().rowCount() == 7
    assert _rows_out_of_sight(totals) == []
    assert totals.verticalScrollBar().maximum() == 0
    assert cut_cells(totals) == []  # each kind whole, on the lines it takes
    # Too short for the totals and the list together, the page scrolls as a whole: the
    # totals fit the area that shows it, so scrolled to, they are read at a glance.
    area = window.findChild(QScrollArea, "pagesThatScroll")
    assert area is not None
    assert totals.height() <= area.viewport().height()
    # The list below takes what is left, three rows at least (it scrolls for the rest).
    assert cashiers.viewport().height() >= 3 * cashiers.rowHeight(0)
    if screen == (1366, 768):  # the till's own screen: whole as the page opens, unscrolled
        assert area.verticalScrollBar().value() == 0
        seen = area.viewport().rect()
        assert seen.contains(totals.rect().translated(totals.mapTo(area.viewport(), QPoint())))
