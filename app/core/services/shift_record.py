"""What each shift and each day did: its shifts opened and closed, its rows, its totals, its CSV.

Read from the till's own records (the outbox, the refusals, the managers' decisions), for the
cashier's end of shift and the manager's end of day (docs/manager-mode.md).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from app.core import clock
from app.core.domain import EntryStatus
from app.core.services.at_the_counter import AtTheCounter, CounterFilter, CounterRefusal
from app.core.services.csv_export import CSV_EXPORTED, write_csv_file
from app.core.services.day_summary import DayRecord, DaysToRead, RefusedLine, days_to_read
from app.core.services.day_summary import summarise as summarise_day
from app.core.services.history import History
from app.core.services.receipts import Receipt
from app.core.services.shift import (
    ShiftInfo,
    ShiftRow,
    ShiftSummary,
    csv_text,
    refusal_verdict,
    shift_info,
    shift_rows,
    summarise,
    turned_away,
)
from app.core.services.staff import Staff
from app.core.storage.shift_log import ShiftLog
from app.core.storage.tables import OutboxEntry
from app.core.storage.tables import Refusal as RefusalRecord


class ShiftRecord:
    """The shifts of this till and the days they make, as the window and the command line read
    and export them."""

    def __init__(
        self,
        *,
        shifts: ShiftLog,
        terminal: str,
        history: History,
        staff: Staff,
        outcome: Callable[[str], Awaitable[Receipt]],
    ) -> None:
        self.shifts = shifts
        self.history = history
        self.staff = staff
        self._terminal = terminal
        self._counter = AtTheCounter(shifts.db)
        # what became of a redemption a manager sent again (Till.outcome)
        self._outcome = outcome

    async def open_shift(self, cashier: str) -> ShiftInfo:
        """``cashier``'s shift on this till: the one left open (after a restart), else a new
        one."""
        return shift_info(await self.shifts.open(cashier, self._terminal))

    async def open_shifts(self) -> list[ShiftInfo]:
        """The shifts open on this till, oldest first: a restart finds the last cashier's here,
        and a cashier back from a break theirs (another cashier's sign-in leaves it open)."""
        return [shift_info(s) for s in await self.shifts.open_shifts(self._terminal)]

    async def days_to_read(self) -> DaysToRead:
        """Where a manager's reading (the history, the end of day) opens now: on the day a late
        shift still open began, past midnight, else today (:func:`days_to_read`)."""
        return days_to_read(clock.now(), (s.opened_at for s in await self.open_shifts()))

    async def close_shift(self, shift_id: int) -> ShiftInfo | None:
        """Close a shift; ``None`` if there is no such shift."""
        shift = await self.shifts.close(shift_id)
        return shift_info(shift) if shift else None

    async def shift_rows(self, shift_id: int) -> list[ShiftRow]:
        """Everything the shift did, oldest first: redemptions and refusals."""
        entries, refusals = await asyncio.gather(
            self.shifts.entries(shift_id), self.shifts.refusals(shift_id)
        )
        # a manager's retry is no sale of the shift: its original counts as it went, once
        return await self._rows(entries, refusals, follow_retries=True)

    async def _rows(
        self,
        entries: list[OutboxEntry],
        refusals: list[RefusalRecord],
        *,
        follow_retries: bool = False,
    ) -> list[ShiftRow]:
        """The rows of the shift CSV for these entries and refusals, each redemption with its
        latest cancel and the manager's decision on it (``follow_retries``: one a manager sent
        again counts as the retry went, for a shift, which holds no retry; a day lists the
        retry itself)."""
        ids = [e.id for e in entries]
        cancels, decisions = await asyncio.gather(
            self.history.cancels(ids), self.history.decisions(ids)
        )
        # what became of those a manager sent again (few: each a manager's decision)
        sent_again = {
            e.id: await self._outcome(e.id)
            for e in entries
            if follow_retries
            and e.status == EntryStatus.DISMISSED
            and (decision := decisions.get(e.id)) is not None
            and decision.action == "retry"
        }
        return shift_rows(entries, refusals, cancels, decisions, sent_again)

    async def shift_summary(self, shift_id: int) -> ShiftSummary:
        """A shift's totals, refusals and rows, as they stand."""
        shift = await self.shifts.get(shift_id)
        if shift is None:
            raise KeyError(shift_id)
        return summarise(shift_info(shift), await self.shift_rows(shift_id))

    async def export_shift(self, shift_id: int, path: Path) -> Path:
        """Write the shift's CSV to ``path`` (off the loop's thread); returns ``path``. Its
        members' names leave the till in it: the export is audited under the shift's cashier,
        with where it went and how many rows (once written: a file not written leaves no line)."""
        shift = await self.shifts.get(shift_id)
        if shift is None:
            raise KeyError(shift_id)
        rows = await self.shift_rows(shift_id)
        await asyncio.to_thread(_write_whole, path, csv_text(rows))
        await self.staff.audit_action(
            shift.cashier, CSV_EXPORTED, export="shift", file=str(path), rows=len(rows)
        )
        return path

    async def day(self, since: datetime, until: datetime) -> DayRecord:
        """What the till did from ``since`` up to ``until``, across shifts: the end-of-day summary
        (refusals included), the shifts and the rows of the shift CSV (docs/manager-mode.md)."""
        shifts, entries, refusals = await self.shifts.between(since, until)
        before_queueing = [
            RefusedLine(
                r.cashier,
                r.terminal,
                r.kind,
                r.stamps or 0,
                int(r.rupiah or 0),
                refusal_verdict(r).value,
            )
            for r in turned_away(refusals)
        ]
        summary = await summarise_day(self.history, since, until, before_queueing)
        return DayRecord(
            summary,
            tuple(shift_info(s) for s in shifts),
            tuple(await self._rows(entries, refusals)),
        )

    async def shift_refusals(self, shift_id: int) -> list[ShiftRow]:
        """The customers the shift turned away before anything was queued, oldest first: the
        rows of its record that have no entry (the cashier's list shows them with the rest)."""
        return shift_rows([], await self.shifts.refusals(shift_id))

    async def refused_at_the_counter(self, wanted: CounterFilter) -> list[ShiftRow]:
        """The newest customers turned away before anything was queued that ``wanted``
        describes, newest first (:class:`AtTheCounter`): counted by End of day, and listed by
        the History among the redemptions, with no entry of their own."""
        return await self._counter.rows(wanted)

    async def count_refused_at_the_counter(self, wanted: CounterFilter) -> int:
        """How many refusals at the counter ``wanted`` describes, whatever its limit."""
        return await self._counter.count(wanted)

    async def refusal_at_the_counter(self, refusal_id: int) -> CounterRefusal | None:
        """One refusal at the counter in full, for its details."""
        return await self._counter.one(refusal_id)

    async def export_day(self, since: datetime, until: datetime, path: Path) -> int:
        """Write the span's redemptions and refusals to ``path`` in the shift CSV's format (off
        the loop's thread); returns how many rows."""
        rows = (await self.day(since, until)).rows
        await asyncio.to_thread(_write_whole, path, csv_text(rows))
        return len(rows)


def _write_whole(path: Path, text: str) -> None:
    """Write a CSV's ``text`` to ``path`` whole or not at all (:func:`write_csv_file`): a disk
    that fills halfway leaves the file that was there, not a shift cut short."""
    write_csv_file(path, lambda stream: stream.write(text))
