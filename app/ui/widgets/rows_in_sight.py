"""Manager tables as tall as the rows a manager must read: End of day's totals, read whole at a
glance, never scroll inside themselves; the list under them keeps a few rows in sight however
short the page. Where the window is too short for both, the page scrolls as a whole
(:class:`~app.ui.widgets.short_screen.PagesThatScroll`), never the totals alone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy

from app.ui.widgets.rows_table import RowsModel, RowsView


class WholeRowsView(RowsView):
    """A table as tall as its heading and every row (their words wrapped at the width it has),
    with nothing inside it to scroll. Seen at 1024×600: End of day's seven totals showed one
    row and a half, the page sharing its height between them and the per-cashier list."""

    def __init__(self, model: RowsModel, *, share: tuple[int, ...] = ()) -> None:
        super().__init__(model, share=share)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        # A row is as tall as its words at its column's width: narrower, a kind takes another
        # line, and the page is asked again for the table's height.
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())
        model.modelReset.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._every_row())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._every_row())

    def _every_row(self) -> int:
        return heading_height(self) + self.verticalHeader().length() + 2 * self.frameWidth()


class ListInSight(RowsView):
    """A list that scrolls, no shorter than its heading and ``rows`` rows: under End of day's
    whole totals it takes what they leave, and the page scrolls before it shrinks further."""

    def __init__(self, model: RowsModel, *, rows: int, share: tuple[int, ...] = ()) -> None:
        super().__init__(model, share=share)
        self._rows = rows
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())
        model.modelReset.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        header = self.verticalHeader()
        shown = min(self._rows, self.model().rowCount())
        # Rows still to come are counted at a row's usual height.
        rows = sum(header.sectionSize(row) for row in range(shown))
        rows += (self._rows - shown) * header.defaultSectionSize()
        height = heading_height(self) + rows + 2 * self.frameWidth()
        return QSize(super().minimumSizeHint().width(), height)


def heading_height(table: RowsView) -> int:
    """The height of ``table``'s column headings."""
    header = table.horizontalHeader()
    return header.sizeHint().height() if not header.isHidden() else 0
