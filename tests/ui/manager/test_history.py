"""Manager mode's history on a counter's smaller screen: every row's standing whole and the
redemption readable, with no sideways scrolling."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ...support.screens import standings_cut, window_in
from ..test_room_to_read import crowded_columns

STATUS, REDEMPTION = 7, 3


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_history_shows_each_standing_whole_without_scrolling_sideways(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, "26-history", size)
    table = window.manager.history.table
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # the Status column is not past the edge
    assert header.sectionSize(REDEMPTION) >= 100  # more than a "…"
    assert crowded_columns(table) == []  # "Redemption" was cut at 1024
    assert standings_cut(table, STATUS) == []  # each standing whole, on two lines at most


def test_enter_in_a_date_shows_the_redemptions(qtbot) -> None:
    from PySide6.QtCore import Qt

    from app.ui.manager.history import HistoryView

    view = HistoryView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.query_requested):
        qtbot.keyClick(view.since, Qt.Key.Key_Return)


def test_the_member_hint_says_the_start_of_a_name_finds_a_member(qtbot: QtBot) -> None:
    # It said "email, ID, phone or card", and a manager who knew only "Ayu" did not try it.
    from app.ui.manager.history import HistoryView

    view = HistoryView()
    qtbot.addWidget(view)
    assert view.member_edit.placeholderText().startswith("name, ")
    assert "start of the member's name" in view.member_edit.toolTip()
