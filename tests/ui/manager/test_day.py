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
