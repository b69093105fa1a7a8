"""Manager mode's end of day: what this till did across the day's shifts, counted and totalled by
kind and standing, per cashier, with the shifts themselves; exported as the summary CSV or as the
shift CSV's rows for the whole day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import day_edit, picked_day, show_button
from app.ui.widgets.redemptions_table import StatusDelegate
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow

#: The day's totals' columns, and the per-cashier table's (two more in front).
KIND, STANDING = 0, 1
CASHIER_KIND, CASHIER_STANDING = 2, 3


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
        day_label = QLabel(self.tr("Day"))
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
        top.addWidget(self.export_summary)
        top.addWidget(self.export_rows)

        amounts = [self.tr("Count"), self.tr("Stamps"), self.tr("Rupiah")]
        self.totals_model = RowsModel([self.tr("Kind"), self.tr("Standing"), *amounts], parent=self)
        self.totals = RowsView(self.totals_model, share=(KIND,))
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
        self.cashiers = RowsView(self.cashiers_model, share=(CASHIER_KIND,))
        self.cashiers.setObjectName("dayCashiers")
        # The kind ("Amount from a balance voucher") takes the width the others leave and a long
        # standing ("Closed by a manager") two lines, as in the history; a row is as tall as its
        # words. Each on one line, the totals ran 727 px wide in a 491 px view at 1024 px.
        self._standings: list[StatusDelegate] = []
        for table, standing in ((self.totals, STANDING), (self.cashiers, CASHIER_STANDING)):
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
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        # The totals take the larger share: five columns beside the shifts' four short ones.
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        for column, (text, table) in enumerate(
            ((self.tr("The day's totals"), self.totals), (self.tr("Shifts"), self.shifts))
        ):
            title = QLabel(text)
            title.setProperty("role", "heading")
            grid.addWidget(title, 0, column)
            grid.addWidget(table, 1, column)
        per_cashier = QLabel(self.tr("Per cashier"))
        per_cashier.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        # Counted as refused, but never queued: the History cannot list them, and a manager
        # reconciling read a count they could find nowhere. Above the totals it counts in,
        # where it is read with them (under the per-cashier table it was below the fold).
        self.at_the_counter = QLabel()
        self.at_the_counter.setObjectName("dayAtTheCounter")
        self.at_the_counter.setWordWrap(True)
        self.at_the_counter.hide()
        layout.addWidget(self.at_the_counter)
        layout.addLayout(grid, 1)
        layout.addWidget(per_cashier)
        layout.addWidget(self.cashiers, 1)

    def open_on(self, day: date) -> None:
        """Pick ``day`` (read on "Show")."""
        self.day.setDate(QDate(day.year, day.month, day.day))

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

    def set_refused_at_the_counter(self, count: int) -> None:
        """How many of the day's refusals came before anything was queued (none: no line)."""
        self.at_the_counter.setText(
            self.tr(
                "Refused at the counter, before anything was queued: %n. Counted below, but the "
                "History lists only what was queued; “Export the day's redemptions CSV…” lists "
                "them.",
                "",
                count,
            )
        )
        self.at_the_counter.setVisible(count > 0)
