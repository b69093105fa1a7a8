"""The shift's redemptions: time, member, what, and the status as it changes."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.ui.plain_text import short_words
from app.ui.viewmodels import CounterRefusalKey, RedemptionRowData
from app.ui.widgets.outcome_style import (
    OUTCOME_COLOURS,
    SENDING_COLOURS,
    at_the_counter_text,
    outcome_short_text,
    sending_short_text,
)

_Index = QModelIndex | QPersistentModelIndex

#: The status column's widest single line; a longer status (Indonesian runs longer) takes two
#: lines instead of squeezing the redemption's own column.
STATUS_MAX_WIDTH = 180
#: The same on a narrow page (1024 px), where "Offline — will sync" on one line left the
#: member's name a few letters.
NARROW_STATUS_MAX_WIDTH = 120
#: Room Qt's item view style keeps either side of a cell's text.
CELL_PADDING = 12
#: How much of a selected status cell the selection's colour rings, above and below its words
#: and either side of them (less than the padding, so never over them): the status keeps its own
#: colour inside, so the row just picked still says how it stands.
SELECTION_RING = (5, 2)
#: How many rows, besides those on screen, a column's width is fitted to (this list's and
#: :mod:`app.ui.widgets.rows_table`'s).
ROWS_MEASURED = 100


class ShiftRedemptionsModel(QAbstractTableModel):
    """Rows of :class:`RedemptionRowData`, newest first; ``upsert`` updates a row's status in
    place when its entry syncs, so the cashier sees "NOT CONFIRMED" turn into "Confirmed"."""

    # Member and what share a two-line cell: four columns do not fit the till's right column.
    TIME, REDEMPTION, STATUS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RedemptionRowData] = []
        self._narrow = False

    def set_narrow(self, narrow: bool) -> None:
        """On a narrow page the time goes before what was redeemed, under the member, in the
        redemption's cell (the view hides the Time column): beside it and the status,
        "Redemption" had no room for its heading at 1024 px. The member's name keeps the first
        line: it is what a cashier looks for."""
        if narrow != self._narrow:
            self._narrow = narrow
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.REDEMPTION, self.REDEMPTION)
            if self._rows:
                last = self.index(len(self._rows) - 1, self.STATUS)
                self.dataChanged.emit(self.index(0, 0), last)

    def set_rows(self, rows: list[RedemptionRowData]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def add_rows(self, rows: list[RedemptionRowData]) -> None:
        """Add ``rows`` (newest first) below those listed, in one insertion: a shift taken up
        after a restart lists hundreds, and each row added alone had every row measured again."""
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def upsert(self, row: RedemptionRowData) -> None:
        """Update the row with the same ``entry_id``, or add it at the top."""
        for number, existing in enumerate(self._rows):
            if existing.entry_id == row.entry_id:
                self._rows[number] = row
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.STATUS))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()

    def rows(self) -> list[RedemptionRowData]:
        """Every row, newest first."""
        return list(self._rows)

    def row_data(self, row: int) -> RedemptionRowData:
        """The values behind a row."""
        return self._rows[row]

    def find(self, entry_id: Hashable) -> int | None:
        """The row number of an entry, if listed."""
        return next((n for n, r in enumerate(self._rows) if r.entry_id == entry_id), None)

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and self._narrow
            and section == self.REDEMPTION
        ):
            # Narrow, the column is the list's widest, its words at its left: centred over an
            # empty list, its heading read as a column of nothing (239 px at 1093 px).
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("ShiftRedemptionsModel", "Time"),
            QCoreApplication.translate("ShiftRedemptionsModel", "Redemption"),
            QCoreApplication.translate("ShiftRedemptionsModel", "Status"),
        )
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.STATUS:
                if row.cancel_text:
                    return row.cancel_text
                if row.sending:
                    return sending_short_text(behind=row.behind)
                if isinstance(row.entry_id, CounterRefusalKey):
                    # nothing was queued: as the History's row for it says
                    status = at_the_counter_text(row.status)
                else:
                    status = outcome_short_text(
                        row.status, provisional=row.provisional, answered=row.answered
                    )
                if row.reason and role == Qt.ItemDataRole.ToolTipRole:
                    # a customer turned away: why, as the panel said it (Enter shows it too)
                    return short_words(f"{status}\n{row.reason}")
                return status
            if column == self.REDEMPTION:
                what = f"{row.time_text} · {row.what}" if self._narrow else row.what
                text = f"{row.member}\n{what}"
                # a tooltip wraps at spaces only: one long word was a line past the screen
                return short_words(text) if role == Qt.ItemDataRole.ToolTipRole else text
            return row.time_text
        if column != self.STATUS:
            return None
        kind = row.status if not row.cancel_text else row.cancel_kind
        if row.sending and not row.cancel_text:
            background, text = SENDING_COLOURS
        elif kind is None:
            return None
        else:
            background, text = OUTCOME_COLOURS[kind]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(text))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def two_line_width(text: str, metrics: QFontMetrics) -> int:
    """The narrowest width that holds ``text`` broken at one space into two lines."""
    words = text.split(" ")
    return min(
        (
            max(
                metrics.horizontalAdvance(" ".join(words[:cut])),
                metrics.horizontalAdvance(" ".join(words[cut:])),
            )
            for cut in range(1, len(words))
        ),
        default=metrics.horizontalAdvance(text),
    )


class StatusDelegate(QStyledItemDelegate):
    """Draws the status cell on one line when it fits ``max_width`` (:data:`STATUS_MAX_WIDTH`),
    else wrapped onto two, and asks for the width that needs."""

    max_width = STATUS_MAX_WIDTH

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        if hint.width() <= self.max_width:
            return hint
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)  # the cell's own font: the view's, in bold
        width = two_line_width(cell.text, QFontMetrics(cell.font))
        return QSize(width + CELL_PADDING, hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        style = cell.widget.style() if cell.widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        ringed = bool(cell.state & QStyle.StateFlag.State_Selected) and (
            index.data(Qt.ItemDataRole.BackgroundRole) is not None
        )
        if ringed:
            # The selection would paint over the status's colour, the one thing the cashier
            # reads in it: the status is drawn as it stands, and the selection rings it.
            cell.state &= ~QStyle.StateFlag.State_Selected
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        if ringed:
            ring = option.rect
            highlight = cell.palette.brush(QPalette.ColorRole.Highlight)
            # Above and below the words the row has room to spare; either side only the
            # padding, which a thinner edge leaves to the words.
            tall, wide = SELECTION_RING
            for edge in (
                ring.adjusted(0, 0, 0, -(ring.height() - tall)),
                ring.adjusted(0, ring.height() - tall, 0, 0),
                ring.adjusted(0, 0, -(ring.width() - wide), 0),
                ring.adjusted(ring.width() - wide, 0, 0, 0),
            ):
                painter.fillRect(edge, highlight)


class ShiftRedemptionsView(QTableView):
    """A read-only table over :class:`ShiftRedemptionsModel`."""

    def __init__(self, model: ShiftRedemptionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftRedemptions")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Tab leaves the list, as from any other control; the arrows move between its rows.
        # Qt's default walked Tab cell by cell, and the keyboard never got out.
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(52)
        header = self.horizontalHeader()
        header.setSectionResizeMode(
            ShiftRedemptionsModel.TIME, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            ShiftRedemptionsModel.REDEMPTION, QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(
            ShiftRedemptionsModel.STATUS, QHeaderView.ResizeMode.ResizeToContents
        )
        # The columns fit the rows on screen and ROWS_MEASURED more, not every row: by the
        # afternoon the list holds hundreds, and Qt's default measured up to 1,000 statuses
        # through the delegate each time a redemption came in on top.
        header.setResizeContentsPrecision(ROWS_MEASURED)
        self._status_delegate = StatusDelegate(self)
        self.setItemDelegateForColumn(ShiftRedemptionsModel.STATUS, self._status_delegate)
        # The header fits its columns to what they hold when a row changes, not when the first
        # rows come: the shift's first redemption read "NOT / CONFI…" in a column as wide as
        # its heading.
        model.rowsInserted.connect(self._fit_status)
        model.modelReset.connect(self._fit_status)
        header.sectionResized.connect(lambda *_: self._show_headings_if_whole())
        header.geometriesChanged.connect(self._show_headings_if_whole)
        self.setAccessibleName(self.tr("This shift's redemptions"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Shift+Tab into the list and Enter opened a row out of sight: Qt's current row, never
        # drawn picked, had gone down the list as each new redemption came in on top. Tab
        # comes in on the newest, picked and in sight, as F3 comes to the first reward; back
        # from a row's details, the keyboard stays on the row it opened.
        super().focusInEvent(event)
        tabbed = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if event.reason() in tabbed and self._model.rowCount():
            self.setCurrentIndex(self._model.index(0, ShiftRedemptionsModel.REDEMPTION))
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    def _fit_status(self) -> None:
        self.resizeColumnToContents(ShiftRedemptionsModel.STATUS)

    def _show_headings_if_whole(self) -> None:
        # On a tight page (819 and 911 px: 1024×768 at 125%, 1366×768 at 150%) "Redemption"
        # has some 90 px beside a two-line "NOT CONFIRMED" and was cut to "edemptio"; a
        # heading has no tooltip to carry it. There the headings go: "This shift" above says
        # what the list is, each row's status is in its own words and colour. Their widths do
        # not hang on the header being shown, so this settles at once.
        header = self.horizontalHeader()
        whole = all(
            header.sectionSizeFromContents(column).width() <= header.sectionSize(column)
            for column in range(header.count())
            if not header.isSectionHidden(column)
        )
        if header.isHidden() == whole:
            header.setVisible(whole)

    def set_narrow(self, narrow: bool) -> None:
        """On a narrow page, a status wider than :data:`NARROW_STATUS_MAX_WIDTH` takes two lines,
        and the time goes into the redemption's cell (:meth:`ShiftRedemptionsModel.set_narrow`)."""
        self._model.set_narrow(narrow)
        self.setColumnHidden(ShiftRedemptionsModel.TIME, narrow)
        self._status_delegate.max_width = NARROW_STATUS_MAX_WIDTH if narrow else STATUS_MAX_WIDTH
        self.resizeColumnToContents(ShiftRedemptionsModel.STATUS)
