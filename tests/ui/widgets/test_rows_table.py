"""The manager's tables: a page of many rows fits its columns without reading every row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow


class ReadRows(RowsModel):
    """A model that notes which rows the table read the text of."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__(titles, coloured=3)
        self.read: set[int] = set()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.read.add(index.row())
        return super().data(index, role)


def test_a_page_of_a_thousand_rows_fits_its_columns_without_reading_every_row(
    qtbot: QtBot,
) -> None:
    # A month of the history is its 1,000 rows: fitting the columns to every one read each
    # cell through the model dozens of times and held the window for over two seconds.
    model = ReadRows(["Time", "Member", "Redemption", "Status"])
    table = RowsView(model, share=(1, 2))
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    model.set_rows(
        [
            TableRow(n, (f"{n % 24}.02", f"Member {n}", "Croissant", "Confirmed"))
            for n in range(1000)
        ]
    )
    header = table.horizontalHeader()
    assert header.sectionSize(3) >= header.sectionSizeFromContents(3).width()
    QApplication.processEvents()
    assert 0 < len(model.read) < 300
    assert 999 not in model.read
