"""The manager's tables: rows of text with a key each, one column that may carry an outcome's
colour, and Enter or a double-click that opens a row (``activated``)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.ui.plain_text import short_words
from app.ui.viewmodels import OutcomeKind
from app.ui.widgets.outcome_style import OUTCOME_COLOURS
from app.ui.widgets.redemptions_table import CELL_PADDING, ROWS_MEASURED, two_line_width
from app.ui.widgets.shared_columns import SharedColumns

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TableRow:
    """One row: its ``key`` (an entry id, a name), the cells' text, the colour of the
    ``coloured`` column (an outcome's, or none), and the tooltips (by column) of cells that say
    more there than their text (a member's name, with the identifier the till sent)."""

    key: Hashable
    cells: tuple[str, ...]
    kind: OutcomeKind | None = None
    tips: Mapping[int, str] = field(default_factory=dict, hash=False)


class RowsModel(QAbstractTableModel):
    """Rows of :class:`TableRow` under ``titles``; column ``coloured`` shows the row's outcome
    colour. Every cell's whole text is its tooltip, so a narrow column never hides words."""

    def __init__(
        self, titles: Sequence[str], coloured: int | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.titles = list(titles)
        self.coloured = coloured
        self._rows: list[TableRow] = []

    def set_rows(self, rows: Sequence[TableRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TableRow]:
        """The rows shown."""
        return list(self._rows)

    def row(self, number: int) -> TableRow:
        """One row."""
        return self._rows[number]

    def find(self, key: Hashable) -> int | None:
        """The row number of ``key``, if shown."""
        return next((n for n, r in enumerate(self._rows) if r.key == key), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # a tooltip wraps at spaces only
            return short_words(row.tips.get(index.column(), row.cells[index.column()]))
        if index.column() != self.coloured or row.kind is None:
            return None
        background, text = OUTCOME_COLOURS[row.kind]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(text))
        return None


class RowsView(QTableView):
    """A read-only, row-selecting table over a :class:`RowsModel`; the last column stretches
    unless ``stretch`` names another, or ``share`` names columns that share what the others
    leave, none narrower than its heading (:class:`SharedColumns`); of those, the ones in
    ``fitted`` grow no wider than their cells (or the width given there), and those in
    ``give_way`` are hidden while the columns do not fit the table (their words shown
    elsewhere: the row's details)."""

    def __init__(
        self,
        model: RowsModel,
        *,
        stretch: int | None = None,
        share: Sequence[int] = (),
        fitted: Mapping[int, int | None] | None = None,
        give_way: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.rows_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Tab leaves the table (the arrows move in it): Qt's default walked Tab cell by cell
        # and never let the keyboard out.
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(40)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Columns fit the rows on screen and the first ROWS_MEASURED, not every row: Qt's
        # default measured 1,000, each cell through the model, and a month of the history (its
        # 1,000 rows) held the window for over two seconds. A longer cell further down is
        # elided, whole in its tooltip.
        header.setResizeContentsPrecision(ROWS_MEASURED)
        if share:
            self.shared_columns: SharedColumns | None = SharedColumns(self, share, fitted, give_way)
        else:
            self.shared_columns = None
            last = len(model.titles) - 1 if stretch is None else stretch
            header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)

    def current_key(self) -> Hashable | None:
        """The key of the selected row, or ``None``."""
        index = self.currentIndex()
        return self.rows_model.row(index.row()).key if index.isValid() else None

    def forget(self) -> None:
        """No row and no selection, scrolled to the top: a page made afresh for the next
        manager shows nothing the last one read."""
        self.rows_model.set_rows([])
        self.setCurrentIndex(QModelIndex())
        self.scrollToTop()

    def select_key(self, key: Hashable) -> None:
        """Select the row of ``key`` if it is shown."""
        number = self.rows_model.find(key)
        if number is not None:
            self.selectRow(number)


class TwoLinesDelegate(QStyledItemDelegate):
    """Draws a cell's words on two lines (its row must be tall enough), the second elided when
    they need more, and asks for the narrowest width that holds them on two: the audit's
    detail, where one line showed a cancel's "cancel entry: 01a23ab5-b14…" and not its note."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        metrics = QFontMetrics(cell.font)
        width = min(hint.width(), two_line_width(cell.text, metrics) + CELL_PADDING)
        return QSize(width, hint.height() + metrics.lineSpacing())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        style = cell.widget.style() if cell.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
