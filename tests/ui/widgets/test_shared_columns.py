"""Columns that share a table's width: equal shares, none narrower than its heading, following
the table's width and the other columns' as they change."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow
from app.ui.widgets.shared_columns import share

from ..test_room_to_read import crowded_columns


@pytest.mark.parametrize(
    ("room", "floors", "widths"),
    [
        (300, [50, 60], [150, 150]),  # room for both: equal shares
        (301, [50, 60], [151, 150]),  # the odd pixel goes to the first
        (244, [94, 130], [114, 130]),  # the history at 1024: "Redemption" keeps its heading
        (200, [150, 20, 20], [150, 25, 25]),
        (100, [94, 130], [94, 130]),  # too little room: headings whole (the table scrolls)
    ],
)
def test_shares_are_equal_but_never_below_a_columns_floor(
    room: int, floors: list[int], widths: list[int]
) -> None:
    assert share(room, floors) == widths


def test_the_shared_columns_follow_the_tables_width_and_its_rows(qtbot: QtBot) -> None:
    model = RowsModel(["Time", "Member", "Redemption", "Status"])
    table = RowsView(model, share=(1, 2))
    qtbot.addWidget(table)
    model.set_rows([TableRow(1, ("14.02", "Budi", "Croissant", "Confirmed"))])
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()

    def fits() -> bool:
        return header.length() == table.viewport().width() and crowded_columns(table) == []

    qtbot.waitUntil(fits)
    wide = header.sectionSize(2)
    table.resize(500, 300)
    qtbot.waitUntil(lambda: fits() and header.sectionSize(2) < wide)
    # a longer status widens its column: the shared ones give it the room, headings whole
    before = header.sectionSize(1)
    model.set_rows([TableRow(1, ("14.02", "Budi", "Croissant", "NOT CONFIRMED — ask"))])
    qtbot.waitUntil(lambda: fits() and header.sectionSize(1) < before)
    QApplication.processEvents()
    assert header.sectionSize(2) >= header.sectionSizeFromContents(2).width()


@pytest.mark.parametrize(
    ("room", "floors", "ceilings", "widths"),
    [
        (300, [50, 60, 40], [None, None, 70], [115, 115, 70]),  # a short invoice: no more
        (300, [50, 60, 40], [None, None, 500], [100, 100, 100]),  # a long one: an equal share
        (300, [50, 60, 40], [None, None, 20], [130, 130, 40]),  # never below its heading
        (300, [50, 60], [None, 80], [220, 80]),  # the audit's entry id: the detail takes the rest
    ],
)
def test_a_column_with_a_ceiling_leaves_the_room_it_does_not_need_to_the_others(
    room: int, floors: list[int], ceilings: list[int | None], widths: list[int]
) -> None:
    assert share(room, floors, ceilings) == widths
