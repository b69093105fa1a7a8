"""Manager mode's history: the filters checked (a refused value said beside its field), the
rows read through ``till.history`` with the customers turned away at the counter among them
(``till.shift_record.refused_at_the_counter``), and read again whenever the till or another
process changes the database, so a row follows its cancel to the end in every open view."""

from __future__ import annotations

import heapq
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Signal

from app.core.services import CounterFilter, HistoryFilter, Role, Till, say
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.counter_words import counter_history_row
from app.ui.controllers.manager_words import history_row, identifier_refusal, status_choices
from app.ui.controllers.tasks import LatestOnly
from app.ui.main_window import CashierWindowView
from app.ui.manager.history import HistoryQuery
from app.ui.wording import words

#: The newest rows a page holds; how many more match is said under the table.
ROWS_SHOWN = 1000


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in the till's local time zone, as an aware time."""
    return datetime.combine(day, time()).astimezone()


class HistoryController(QObject):
    """Keeps manager mode's history current. ``rows_shown(list[TableRow])`` after each read."""

    rows_shown = Signal(object)

    def __init__(self, view: CashierWindowView, till: Till, changes: TillChanges) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.history = view.manager.history
        self.wanted: HistoryFilter | None = None
        #: The status asked for with :attr:`wanted`, for the refusals at the counter.
        self._asked: HistoryQuery | None = None
        self._reading = LatestOnly("history")
        self.history.query_requested.connect(self.show)
        changes.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the rows shown again (only while manager mode's page is up)."""
        if self.wanted is not None and self.view.pages.currentWidget() is self.view.manager:
            self._reading.start(self.load(self.wanted))

    async def load_choices(self) -> None:
        """The status and cashier filters' choices (every cashier account, disabled ones too)."""
        cashiers = [account.name for account in await self.till.staff.accounts(Role.CASHIER)]
        self.history.set_choices(status_choices(), cashiers)

    def show(self, query: HistoryQuery) -> None:
        """Check the filters; read the rows they describe, or say what is wrong beside it."""
        wanted = self.check(query)
        if wanted is not None:
            self.wanted, self._asked = wanted, query
            self._reading.start(self.load(wanted))

    def check(self, query: HistoryQuery) -> HistoryFilter | None:
        """The filter ``query`` describes, or ``None`` with the reasons shown beside the fields."""
        member = query.member.strip()
        member_error = identifier_refusal(query.member, or_name=True)
        dates_error = ""
        if query.since > query.until:
            dates_error = self.tr("“From” is after “To”: pick a day on or before it.")
        if member_error or dates_error:
            self.history.show_errors(member_error, dates_error)
            return None
        return HistoryFilter.standing(
            query.status,
            since=local_midnight(query.since),
            until=local_midnight(query.until + timedelta(days=1)),
            cashier=query.cashier or None,
            member=member or None,
            limit=ROWS_SHOWN,
        )

    async def load(self, wanted: HistoryFilter) -> None:
        """Read and show the rows ``wanted`` describes: the redemptions and the customers turned
        away at the counter, newest first, the newest :data:`ROWS_SHOWN` of them together."""
        asked = self._asked
        counter = CounterFilter.standing(
            asked.status if asked is not None else "",
            since=wanted.since,
            until=wanted.until,
            cashier=wanted.cashier,
            member=wanted.member,
            limit=wanted.limit,
        )
        found = await self.till.history.rows(wanted)
        turned_away = await self.till.shift_record.refused_at_the_counter(counter)
        # Each list holds its newest page: the newest of the two together are among them.
        newest = list(
            heapq.merge(
                ((row.created_at, history_row(row)) for row in found),
                ((row.time, counter_history_row(row)) for row in turned_away),
                key=lambda timed: timed[0],
                reverse=True,
            )
        )
        rows = [row for _, row in newest[: wanted.limit]]
        more = len(newest) - len(rows)
        # only a full page asks how many it left out
        if len(found) >= wanted.limit:
            more += await self.till.history.count(wanted) - len(found)
        if len(turned_away) >= counter.limit:
            more += await self.till.shift_record.count_refused_at_the_counter(counter) - len(
                turned_away
            )
        why_none = ""
        if not rows and wanted.member and not await self.till.on_record.member(wanted.member):
            # "No redemption matches." for a name typed wrong reads as a member who redeemed
            # nothing here; the command line's `history --member` says the same.
            why_none = words(say("records.no_member", member=wanted.member))
        self.history.set_rows(rows, more, why_none=why_none)
        self.rows_shown.emit(rows)
