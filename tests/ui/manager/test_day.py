"""Manager mode's end of day on the counter's smaller screens: the day's totals beside its shifts,
and the per-cashier lines, with no sideways scrolling, every heading whole, and every kind
("Amount from a balance voucher") and standing whole on as many lines as it takes, in each
language. At 1024 px the totals ran 727 px wide in a 491 px view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ...support.screens import window_in
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
