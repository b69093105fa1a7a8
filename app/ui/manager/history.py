"""Manager mode's history: this till's redemptions, filtered by date, status, cashier and member;
Enter or a double-click opens a redemption's details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.form import FormField, line_edit
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow

#: Longer than any identifier: the till says why a long one is refused instead of cutting it.
MEMBER_INPUT_MAX = 1000


@dataclass(frozen=True)
class HistoryQuery:
    """What the manager asked for, as typed: days (inclusive), a status (``""``: any), a
    cashier (``""``: any) and a member's identifier (``""``: any)."""

    since: date
    until: date
    status: str
    cashier: str
    member: str


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


def _day(picked: QDate) -> date:
    return date(picked.year(), picked.month(), picked.day())


class HistoryView(QWidget):
    """Filters above the table. ``query_requested(HistoryQuery)`` on "Show" (or Enter in the
    member field); ``open_requested(entry_id)`` on Enter or a double-click on a row;
    ``cancel_by_server_id_requested()`` for a redemption made on another till."""

    query_requested = Signal(object)
    open_requested = Signal(str)
    cancel_by_server_id_requested = Signal()

    TITLES_CONTEXT = "HistoryView"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.since = _date_edit("historySince")
        self.until = _date_edit("historyUntil")
        self.status = QComboBox()
        self.status.setObjectName("historyStatus")
        self.cashier = QComboBox()
        self.cashier.setObjectName("historyCashier")
        for combo in (self.status, self.cashier):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member_edit = line_edit(
            max_length=MEMBER_INPUT_MAX, placeholder=self.tr("email, member ID, phone or card")
        )
        self.member = FormField(self.tr("Member"), self.member_edit, name="historyMember")
        self.range_error = QLabel()
        self.range_error.setObjectName("historyRangeError")
        self.range_error.setProperty("role", "error")
        self.range_error.setWordWrap(True)
        self.range_error.hide()
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("historyShow")
        self.show_button.setProperty("role", "primary")
        self.show_button.clicked.connect(self.submit)
        self.member_edit.returnPressed.connect(self.submit)
        self.by_server_id = QPushButton(self.tr("Cancel by server id…"))
        self.by_server_id.setObjectName("historyCancelByServerId")
        self.by_server_id.clicked.connect(self.cancel_by_server_id_requested)

        filters = QGridLayout()
        filters.setHorizontalSpacing(12)
        filters.setVerticalSpacing(4)
        for column, (text, control) in enumerate(
            (
                (self.tr("From"), self.since),
                (self.tr("To"), self.until),
                (self.tr("Status"), self.status),
                (self.tr("Cashier"), self.cashier),
            )
        ):
            label = QLabel(text)
            label.setProperty("role", "heading")
            label.setBuddy(control)
            control.setAccessibleName(text)
            filters.addWidget(label, 0, column)
            filters.addWidget(control, 1, column)
        filters.addWidget(self.member, 0, 4, 3, 1)
        filters.setColumnStretch(4, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.by_server_id)

        self.model = RowsModel(
            [
                self.tr("Time"),
                self.tr("Cashier"),
                self.tr("Member"),
                self.tr("Redemption"),
                self.tr("Stamps / Rp"),
                self.tr("Server id"),
                self.tr("Invoice"),
                self.tr("Status"),
            ],
            coloured=7,
            parent=self,
        )
        self.table = RowsView(self.model, stretch=3)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Redemptions"))
        self.table.activated.connect(self._activated)
        self.empty = QLabel(self.tr("No redemption matches."))
        self.empty.setObjectName("historyEmpty")
        self.empty.setProperty("role", "muted")
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.range_error)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def set_choices(self, statuses: list[tuple[str, str]], cashiers: list[str]) -> None:
        """The status filter's choices (value, words) and the cashiers, each after "Any"."""
        picked_status, picked_cashier = self.status.currentData(), self.cashier.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Any"), "")
        for value, text in statuses:
            self.status.addItem(text, value)
        self.cashier.clear()
        self.cashier.addItem(self.tr("Any"), "")
        for name in cashiers:
            self.cashier.addItem(name, name)
        for combo, picked in ((self.status, picked_status), (self.cashier, picked_cashier)):
            found = combo.findData(picked)
            combo.setCurrentIndex(max(found, 0))

    def query(self) -> HistoryQuery:
        """The filters as they stand."""
        return HistoryQuery(
            since=_day(self.since.date()),
            until=_day(self.until.date()),
            status=str(self.status.currentData() or ""),
            cashier=str(self.cashier.currentData() or ""),
            member=self.member_edit.text(),
        )

    def submit(self) -> None:
        """Ask for the rows the filters describe."""
        self.show_errors("", "")
        self.query_requested.emit(self.query())

    def show_errors(self, member: str, dates: str) -> None:
        """Why the member or the dates were refused (``""``: nothing to say)."""
        self.member.set_error(member)
        self.range_error.setText(dates)
        self.range_error.setVisible(bool(dates))

    def set_rows(self, rows: list[TableRow]) -> None:
        """The rows to show, newest first; the selection stays on the same redemption."""
        selected = self.table.current_key()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if selected is not None:
            self.table.select_key(selected)

    def _activated(self, index: object) -> None:
        key = self.table.current_key()
        if key is not None:
            self.open_requested.emit(str(key))
