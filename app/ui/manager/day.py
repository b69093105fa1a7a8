"""Manager mode's end of day: what this till did across the day's shifts, counted and totalled by
kind and standing, per cashier, with the shifts themselves; exported as the summary CSV or as the
shift CSV's rows for the whole day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import day_edit, pick_day, picked_day, show_button
from app.ui.widgets.redemptions_table import CELL_PADDING, StatusDelegate
from app.ui.widgets.rows_in_sight import ListInSight, WholeRowsView
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow
from app.ui.widgets.short_screen import WordsInPlace

#: The day's totals' columns, and the per-cashier table's (two more in front).
KIND, STANDING = 0, 1
CASHIER_KIND, CASHIER_STANDING = 2, 3

#: The per-cashier lines in sight at least, under the whole totals.
ROWS_IN_SIGHT = 3

#: The page's gap between its parts, and so between the buttons in its top row.
GAP = 8


class DayView(QWidget):
    """A day, its totals, its per-cashier lines and its shifts. ``day_requested(date)``;
    ``export_summary_requested()``; ``export_rows_requested()``."""

    day_requested = Signal(object)
    export_summary_requested = Signal()
    export_rows_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayView")
        self.day = day_edit("dayDate")
        self._day_label = day_label = QLabel(self.tr("Day"))
        day_label.setProperty("role", "heading")
        day_label.setBuddy(self.day)
        self.day.setAccessibleName(self.tr("Day"))
        self.show_button = show_button(self.tr("Show"), "dayShow")
        self.show_button.clicked.connect(self.submit)
        self.day.entered.connect(self.submit)
        self.export_summary = QPushButton(self.tr("Export summary CSV…"))
        self.export_summary.setObjectName("dayExportSummary")
        self.export_summary.clicked.connect(self.export_summary_requested)
        self.export_rows = QPushButton(self.tr("Export the day's redemptions CSV…"))
        self.export_rows.setObjectName("dayExportRows")
        self.export_rows.clicked.connect(self.export_rows_requested)
        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addWidget(self.show_button)
        top.addStretch(1)
        # The exports go under each other where they do not fit beside the day (819 px):
        # side by side they made manager mode 876 px wide, scrolled sideways. (A wrapping row
        # asks for a height for each width, and the tabs then kept the page taller than a
        # 1280×720 window on every tab.)
        self._exports = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._exports.setSpacing(GAP)
        self._exports.addWidget(self.export_summary)
        self._exports.addWidget(self.export_rows)
        top.addLayout(self._exports)

        amounts = [self.tr("Count"), self.tr("Stamps"), self.tr("Rupiah")]
        self.totals_model = RowsModel([self.tr("Kind"), self.tr("Standing"), *amounts], parent=self)
        # Read whole at a glance, never scrolled inside (the page scrolls where it must).
        self.totals = WholeRowsView(self.totals_model, share=(KIND,))
        self.totals.setObjectName("dayTotals")
        self.cashiers_model = RowsModel(
            [
                self.tr("Cashier"),
                self.tr("Terminal"),
                self.tr("Kind"),
                self.tr("Standing"),
                *amounts,
            ],
            parent=self,
        )
        self.cashiers = ListInSight(self.cashiers_model, rows=ROWS_IN_SIGHT, share=(CASHIER_KIND,))
        self.cashiers.setObjectName("dayCashiers")
        # The kind ("Amount from a balance voucher") takes the width the others leave and a long
        # standing ("Closed by a manager") two lines, as in the history; a row is as tall as its
        # words. Each on one line, the totals ran 727 px wide in a 491 px view at 1024 px.
        self._standings: list[StatusDelegate] = []
        wrapping: tuple[tuple[RowsView, int], ...] = (
            (self.totals, STANDING),
            (self.cashiers, CASHIER_STANDING),
        )
        for table, standing in wrapping:
            table.setWordWrap(True)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            delegate = StatusDelegate(table)
            table.setItemDelegateForColumn(standing, delegate)
            self._standings.append(delegate)
        self.shifts_model = RowsModel(
            [self.tr("Cashier"), self.tr("Terminal"), self.tr("Opened"), self.tr("Closed")],
            parent=self,
        )
        self.shifts = RowsView(self.shifts_model)
        self.shifts.setObjectName("dayShifts")
        # The totals take the larger share: five columns beside the shifts' four short ones.
        # Where the two do not fit side by side (819 and 911 px) the shifts go under the
        # totals: beside them, the totals' kinds ("Reward") and the shifts' "Closed" were cut.
        # Both start stacked, the page's narrowest, so the tab (not shown, not laid out) does
        # not hold the manager's other tabs to its width; shown, it lays them side by side
        # where they fit.
        self._tables = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._tables.setSpacing(12)
        for stretch, (text, table) in zip(
            (4, 3),
            ((self.tr("The day's totals"), self.totals), (self.tr("Shifts"), self.shifts)),
            strict=True,
        ):
            title = QLabel(text)
            title.setProperty("role", "heading")
            column = QVBoxLayout()
            column.setSpacing(GAP)
            column.addWidget(title)
            column.addWidget(table, 1)
            self._tables.addLayout(column, stretch)
        per_cashier = QLabel(self.tr("Per cashier"))
        per_cashier.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(GAP)
        layout.addLayout(top)
        # Counted as refused, but never queued: the History cannot list them, and a manager
        # reconciling read a count they could find nowhere. Above the totals it counts in,
        # where it is read with them (under the per-cashier table it was below the fold).
        self.at_the_counter = QLabel()
        self.at_the_counter.setObjectName("dayAtTheCounter")
        self.at_the_counter.setWordWrap(True)
        # In a pane that tells no height for each width: told one, the tabs made every page of
        # manager mode as tall as End of day would like to be, and it scrolled at 1366×768.
        self._at_the_counter_line = WordsInPlace()
        self._at_the_counter_line.hide()
        inside = QVBoxLayout(self._at_the_counter_line)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.at_the_counter)
        layout.addWidget(self._at_the_counter_line)
        # The totals as tall as their rows (the shifts beside them as tall), the per-cashier
        # list under them the rest.
        layout.addLayout(self._tables)
        layout.addWidget(per_cashier)
        layout.addWidget(self.cashiers, 1)

    def open_on(self, day: date) -> None:
        """Pick ``day`` (read on "Show")."""
        pick_day(self.day, day)

    def picked(self) -> date:
        """The day picked."""
        return picked_day(self.day)

    def submit(self) -> None:
        """Ask for the day picked."""
        self.day_requested.emit(self.picked())

    def set_day(
        self, totals: list[TableRow], per_cashier: list[TableRow], shifts: list[TableRow]
    ) -> None:
        """The day's tables."""
        self.totals_model.set_rows(totals)
        self.cashiers_model.set_rows(per_cashier)
        self.shifts_model.set_rows(shifts)
        self._lay_tables()

    def set_refused_at_the_counter(self, count: int) -> None:
        """How many of the day's refusals came before anything was queued (none: no line)."""
        self.at_the_counter.setText(
            self.tr(
                "Refused at the counter, before anything was queued: %n. Counted below; the "
                "History and “Export the day's redemptions CSV…” list them.",
                "",
                count,
            )
        )
        self._at_the_counter_line.setVisible(count > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_tables()

    def _lay_tables(self) -> None:
        # The exports beside the day where all fits, under each other where not; then the
        # totals and the shifts the same way.
        widgets = [self._day_label, self.day, self.show_button]
        widgets += [self.export_summary, self.export_rows]
        in_a_row = sum(w.sizeHint().width() for w in widgets) + GAP * len(widgets)
        exports = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= in_a_row
            else QBoxLayout.Direction.TopToBottom
        )
        if self._exports.direction() != exports:
            self._exports.setDirection(exports)
        room = self.width() - self._tables.spacing()
        side_by_side = room * 4 // 7 >= least_width(
            self.totals, wraps=KIND
        ) and room * 3 // 7 >= least_width(self.shifts)
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if self._tables.direction() != direction:
            self._tables.setDirection(direction)


def least_width(table: RowsView, wraps: int | None = None) -> int:
    """The width ``table`` needs for every heading and cell whole, column ``wraps`` wrapped at
    its words (each word whole on a line)."""
    header, model = table.horizontalHeader(), table.model()
    metrics = table.fontMetrics()
    least = 2 * table.frameWidth()
    for column in range(model.columnCount()):
        heading = header.sectionSizeFromContents(column).width()
        if column == wraps:
            words = (
                str(model.index(row, column).data() or "").split()
                for row in range(model.rowCount())
            )
            widest = max((metrics.horizontalAdvance(w) for ws in words for w in ws), default=0)
            least += max(heading, widest + CELL_PADDING)
        else:
            least += max(heading, table.sizeHintForColumn(column))
    return least
