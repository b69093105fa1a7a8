"""Manager mode's history: this till's redemptions, and the customers turned away at the counter
(marked as such), filtered by date, status, cashier and member; Enter or a double-click opens a
row's details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.viewmodels import CounterRefusalKey
from app.ui.widgets.choice_box import CHOICE_CAP_CHARS, ChoiceBox
from app.ui.widgets.fitting_hint import FittingHint
from app.ui.widgets.form import (
    FormField,
    day_edit,
    empty_note,
    error_line,
    filter_buttons,
    filter_row,
    line_edit,
    pick_day,
    picked_day,
    show_button,
    show_reason,
    stack_filter_page,
)
from app.ui.widgets.redemptions_table import StatusDelegate
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow

#: The widest the cashier filter grows, in capital X's of text (choice_box.py): two names.
CASHIER_CAP_CHARS = 14
#: The narrowest it is, in capital X's: a long first name ("Wulandari") whole, and room about
#: "Any" (its choices were the demo's "Agus", "Dewi", "Rina": "Any" read squeezed to the arrow).
CASHIER_FLOOR_CHARS = 7

#: The narrowest the status filter is squeezed to, in capital X's: "Not confirmed" whole.
STATUS_LEAST_CHARS = 11

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


class HistoryView(QWidget):
    """Filters above the table. ``query_requested(HistoryQuery)`` on "Show" (or Enter in the
    member field); ``open_requested(entry_id)`` on Enter or a double-click on a redemption's
    row, ``refusal_requested(refusal_id)`` on a customer turned away at the counter's;
    ``cancel_by_server_id_requested()`` for a redemption made on another till."""

    query_requested = Signal(object)
    open_requested = Signal(str)
    refusal_requested = Signal(int)
    cancel_by_server_id_requested = Signal()

    TITLES_CONTEXT = "HistoryView"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.since = day_edit("historySince")
        self.until = day_edit("historyUntil")
        # Each as wide as its longest choice within a cap, so a long translation is elided
        # (whole in the tooltip and the open list) rather than squeezing the member field: in
        # Indonesian "Kedaluwarsa (tidak pernah dikirim)" took 80 px from it. The caps hold
        # every English status ("Refused at the counter") and a cashier's two names whole.
        # On a scaled desktop (819 px) the row is squeezed: the status gives way first, to
        # STATUS_LEAST_CHARS, its choice elided there (whole in the tooltip and the list).
        self.status = ChoiceBox(
            "historyStatus", cap_chars=CHOICE_CAP_CHARS, least_chars=STATUS_LEAST_CHARS
        )
        self.cashier = ChoiceBox(
            "historyCashier", cap_chars=CASHIER_CAP_CHARS, floor_chars=CASHIER_FLOOR_CHARS
        )
        # Short: at 1024 px the member field gets what the dates and lists beside it leave. The
        # start of any word of a name finds a member too: the hint says "name", its tooltip the
        # rest. On a scaled desktop (911 px and less) the field is narrower still, and a
        # shorter hint of the same words is read whole where the long one read "name, email,".
        self.member_edit = line_edit(max_length=MEMBER_INPUT_MAX)
        FittingHint(
            self.member_edit,
            [
                self.tr("name, email, ID, phone or card"),
                self.tr("name, ID or card"),
                self.tr("name or card"),
            ],
        )
        self.member_edit.setToolTip(
            self.tr(
                'The start of any word of the member\'s name ("ayu" or "prat" finds Ayu '
                "Pratiwi), or their email, member ID, phone or card number."
            )
        )
        self.member = FormField(self.tr("Member"), self.member_edit, name="historyMember")
        self.range_error = error_line("historyRangeError")
        self.show_button = show_button(self.tr("Show"), "historyShow")
        self.show_button.clicked.connect(self.submit)
        self.member_edit.returnPressed.connect(self.submit)
        self.status.entered.connect(self.submit)
        self.cashier.entered.connect(self.submit)
        for day in (self.since, self.until):
            day.entered.connect(self.submit)
        self.by_server_id = QPushButton(self.tr("Cancel by server id…"))
        self.by_server_id.setObjectName("historyCancelByServerId")
        self.by_server_id.clicked.connect(self.cancel_by_server_id_requested)

        filters = filter_row(
            [
                (self.tr("From"), self.since),
                (self.tr("To"), self.until),
                (self.tr("Status"), self.status),
                (self.tr("Cashier"), self.cashier),
            ],
            [self.member],
        )
        buttons = filter_buttons(
            self.show_button,
            [self.member, self.range_error],
            self.by_server_id,
        )

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
        # The member, the redemption and the invoice share what is left (each elided, whole in
        # its tooltip), none narrower than its heading: equal shares cut "Redemption" at
        # 1024 px. The invoice takes no more than it needs: fitted whole, a 64-character one
        # pushed Status out of the table ("Confirme").
        # Where even that is too wide (819 and 911 px), the server id and then the cashier give
        # way: the redemption's details (Enter) show both.
        self.table = RowsView(self.model, share=(2, 3, 6), fitted={6: None}, give_way=(5, 1))
        self.table.setObjectName("historyTable")
        # A long standing ("NOT CONFIRMED — do not hand over yet") takes two lines rather than
        # the redemption's own column: at 1024 px it left that column a single "…".
        self.table.verticalHeader().setDefaultSectionSize(52)
        self._status = StatusDelegate(self.table)
        self.table.setItemDelegateForColumn(7, self._status)
        self.table.setAccessibleName(self.tr("Redemptions"))
        self.table.activated.connect(self._activated)
        self._nothing = self.tr("No redemption matches.")
        self.empty = empty_note(self._nothing, "historyEmpty")
        self.more = empty_note("", "historyMore")
        self.more.setWordWrap(True)
        stack_filter_page(self, filters, buttons, self.table, self.empty, self.more)

    def set_choices(self, statuses: list[tuple[str, str]], cashiers: list[str]) -> None:
        """The status filter's choices (value, words) and the cashiers, each after "Any"."""
        self.status.offer(self.tr("Any"), statuses)
        self.cashier.offer(self.tr("Any"), ((name, name) for name in cashiers))

    def start_afresh(self) -> None:
        """Any status, any cashier, no member, no reason and no row: what the last manager
        asked for is not the next one's (the days are set by :meth:`open_on`)."""
        self.member_edit.clear()
        self.status.setCurrentIndex(0)
        self.cashier.setCurrentIndex(0)
        self.show_errors("", "")
        self.table.forget()
        self.empty.hide()
        self.more.hide()

    def open_on(self, first: date, last: date) -> None:
        """Show the days from ``first`` to ``last`` in the filters (read on "Show")."""
        pick_day(self.since, first)
        pick_day(self.until, last)

    def query(self) -> HistoryQuery:
        """The filters as they stand."""
        return HistoryQuery(
            since=picked_day(self.since),
            until=picked_day(self.until),
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
        show_reason(self.range_error, dates)

    def set_rows(self, rows: list[TableRow], more: int = 0, *, why_none: str = "") -> None:
        """The rows to show, newest first, and how many more older ones match that are not
        shown; the selection stays on the same redemption. ``why_none``: what to say instead of
        "No redemption matches." when there are none (the member filter names no one)."""
        selected = self.table.current_key()
        self.model.set_rows(rows)
        self.empty.setText(why_none or self._nothing)
        self.empty.setVisible(not rows)
        # A month of a busy till is thousands of rows: without this the oldest days shown
        # read as days with nothing redeemed.
        self.more.setText(
            self.tr(
                "The newest {shown} are shown; {more} older ones match too: pick fewer days, "
                "a status, a cashier or a member to see them."
            ).format(shown=QLocale().toString(len(rows)), more=QLocale().toString(more))
        )
        self.more.setVisible(more > 0)
        if selected is not None:
            self.table.select_key(selected)

    def _activated(self, index: object) -> None:
        key = self.table.current_key()
        if isinstance(key, CounterRefusalKey):
            self.refusal_requested.emit(key.refusal_id)
        elif key is not None:
            self.open_requested.emit(str(key))
