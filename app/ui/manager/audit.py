"""Manager mode's audit log: every manager action and every sign-in (who, what, when, which
terminal, which entry), filtered, and exported as CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.ui.widgets.choice_box import CHOICE_CAP_CHARS, ChoiceBox
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
from app.ui.widgets.rows_table import RowsModel, RowsView, TableRow, TwoLinesDelegate

WHO_INPUT_MAX = 100
ENTRY_INPUT_MAX = 100
#: The widest the Entry column grows: an id's start ("01a22cb8-…"), as the manager matches it
#: with a redemption's details; the whole id is in its tooltip.
ENTRY_MOST_WIDTH = 120
ENTRY, DETAIL = 4, 5


@dataclass(frozen=True)
class AuditQuery:
    """The filters as typed: days (inclusive), who (``""``: anyone), an action (``""``: any)
    and an entry id (``""``: any)."""

    since: date
    until: date
    who: str
    action: str
    entry_id: str


class AuditView(QWidget):
    """Filters, the lines, and "Export CSV…". ``query_requested(AuditQuery)``;
    ``export_requested()``."""

    query_requested = Signal(object)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.since = day_edit("auditSince")
        self.until = day_edit("auditUntil")
        # As wide as its longest action within the history's cap: "not redeemed: the offline
        # rules did not allow it" took the width of the Who and Entry fields (choice_box.py).
        self.action = ChoiceBox("auditAction", cap_chars=CHOICE_CAP_CHARS)
        self.who_edit = line_edit(max_length=WHO_INPUT_MAX)
        self.who = FormField(self.tr("Who"), self.who_edit, name="auditWho")
        self.entry_edit = line_edit(max_length=ENTRY_INPUT_MAX)
        self.entry = FormField(self.tr("Entry"), self.entry_edit, name="auditEntry")
        self.range_error = error_line("auditRangeError")
        self.show_button = show_button(self.tr("Show"), "auditShow")
        self.show_button.clicked.connect(self.submit)
        self.who_edit.returnPressed.connect(self.submit)
        self.entry_edit.returnPressed.connect(self.submit)
        self.action.entered.connect(self.submit)
        for day in (self.since, self.until):
            day.entered.connect(self.submit)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export_requested)

        filters = filter_row(
            [
                (self.tr("From"), self.since),
                (self.tr("To"), self.until),
                (self.tr("Action"), self.action),
            ],
            [self.who, self.entry],
        )
        buttons = filter_buttons(
            self.show_button, [self.who, self.entry, self.range_error], self.export_button
        )

        self.model = RowsModel(
            [
                self.tr("Time"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Terminal"),
                self.tr("Entry"),
                self.tr("Detail"),
            ],
            parent=self,
        )
        # The detail is what the manager reads: it takes the room the entry's whole id took (at
        # 1024 px it kept 263 px, a cancel's note out of sight) and two lines of it.
        self.table = RowsView(self.model, share=(ENTRY, DETAIL), fitted={ENTRY: ENTRY_MOST_WIDTH})
        self.table.setObjectName("auditTable")
        self.table.verticalHeader().setDefaultSectionSize(52)
        self._detail = TwoLinesDelegate(self.table)
        self.table.setItemDelegateForColumn(DETAIL, self._detail)
        self.table.setAccessibleName(self.tr("Audit log"))
        self._nothing = self.tr("No line matches.")
        self.empty = empty_note(self._nothing, "auditEmpty")
        self.more = empty_note("", "auditMore")
        self.more.setWordWrap(True)
        stack_filter_page(self, filters, buttons, self.table, self.empty, self.more)

    def set_actions(self, actions: list[tuple[str, str]]) -> None:
        """The action filter's choices (value, words), after "Any"."""
        self.action.offer(self.tr("Any"), actions)

    def start_afresh(self) -> None:
        """Any action, nobody, no entry, no reason and no line (the days: :meth:`open_on`)."""
        self.who_edit.clear()
        self.entry_edit.clear()
        self.action.setCurrentIndex(0)
        self.show_errors({})
        self.table.forget()
        self.empty.hide()
        self.more.hide()

    def open_on(self, first: date, last: date) -> None:
        """Show the days from ``first`` to ``last`` in the filters (read on "Show")."""
        pick_day(self.since, first)
        pick_day(self.until, last)

    def query(self) -> AuditQuery:
        """The filters as they stand."""
        return AuditQuery(
            since=picked_day(self.since),
            until=picked_day(self.until),
            who=self.who_edit.text(),
            action=str(self.action.currentData() or ""),
            entry_id=self.entry_edit.text(),
        )

    def submit(self) -> None:
        """Ask for the lines the filters describe."""
        self.show_errors({})
        self.query_requested.emit(self.query())

    def show_errors(self, errors: dict[str, str]) -> None:
        """Reasons by field (``who``, ``entry``, ``dates``)."""
        self.who.set_error(errors.get("who", ""))
        self.entry.set_error(errors.get("entry", ""))
        show_reason(self.range_error, errors.get("dates", ""))

    def set_rows(self, rows: list[TableRow], more: int = 0, *, why_none: str = "") -> None:
        """The lines to show, newest first, and how many more older ones match that are not
        shown (the CSV has them all). ``why_none``: what to say instead of "No line matches."
        when there are none (who or the entry names no one)."""
        self.model.set_rows(rows)
        self.empty.setText(why_none or self._nothing)
        self.empty.setVisible(not rows)
        self.more.setText(
            self.tr(
                "The newest {shown} lines are shown; {more} older ones match too: pick fewer "
                "days, who or an action to see them. Export CSV… writes them all."
            ).format(shown=QLocale().toString(len(rows)), more=QLocale().toString(more))
        )
        self.more.setVisible(more > 0)
