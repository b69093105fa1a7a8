"""The end-of-day summary: what this till redeemed over a day (or any span), across shifts.

Counted per cashier, kind and standing: the redemption's outcome, with a confirmed redemption
whose cancel the server confirmed counted as cancelled. Stamps are what the redemptions spent,
rupiah the vouchers' worth they spent (taken from a dynamic voucher, or a voucher used whole), as
the shift's summary counts it.

Built on the outbox entries, whose cashier and terminal say who made them, and on the shifts'
refusal records (what was refused before anything was queued): :meth:`ShiftRecord.day` joins
them, with the day's shifts and its rows in the shift CSV's format. :func:`summarise` takes any
span, so a shift's summary is the same call with the shift's start and end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TextIO

from app.core.domain import EntryStatus
from app.core.messages import Message, say
from app.core.services.csv_export import write_csv
from app.core.services.history import History, HistoryRow
from app.core.services.history_filter import HistoryFilter
from app.core.services.receipts import Verdict
from app.core.services.shift import ShiftInfo, ShiftRow

#: The summary CSV's columns. ``day`` came last, after spreadsheets had read the others by
#: place: it dates each row, so a CSV piped on (``stamps-pos summary --csv -``) or renamed still
#: says which day it covers.
CSV_HEADER = ("cashier", "terminal", "kind", "standing", "count", "stamps", "rupiah", "day")
#: The standings, in the order a summary lists them: ``expired`` is a PIN's authorisation that
#: ran out, ``not_sent_in_time`` a kiosk's redemption its bound ended (its customer had gone).
STANDINGS = (
    "confirmed",
    # marked applied by a manager: counted as redeemed, but the server never said so (History
    # reads "Confirmed by a manager"); a manager reconciling the day needs the two apart
    "confirmed_by_manager",
    "accepted_offline",
    "not_confirmed",
    "refused",
    "not_redeemed",
    "cancelled",
    "expired",
    "not_sent_in_time",
    # closed because a manager sent it again as a new redemption, which is counted where it
    # went: "Closed by a manager" read as if those stamps were still owed or lost
    "sent_again",
    "closed",
)
#: No limit worth the name: a summary counts every entry of its span.
SUMMARY_LIMIT = 10_000_000


@dataclass(frozen=True)
class SummaryLine:
    """Redemptions of one kind and standing by one cashier (names compared in any case) on one
    terminal."""

    cashier: str
    terminal: str
    kind: str
    standing: str
    count: int
    stamps: int
    rupiah: int


@dataclass(frozen=True)
class DaySummary:
    """The span's lines, and totals by kind and standing across cashiers."""

    since: datetime
    until: datetime
    lines: tuple[SummaryLine, ...]

    def totals(self) -> list[SummaryLine]:
        """Lines added up across cashiers and terminals (cashier and terminal left empty)."""
        return _add_up(self.lines, by_cashier=False)

    def per_cashier(self) -> dict[str, list[SummaryLine]]:
        """Each cashier's lines, by name."""
        out: dict[str, list[SummaryLine]] = {}
        for line in self.lines:
            out.setdefault(line.cashier, []).append(line)
        return dict(sorted(out.items(), key=lambda item: item[0].casefold()))


def standing(row: HistoryRow) -> str:
    """Where a redemption ended up, for counting: its verdict, or cancelled once cancelled; a
    kiosk's that expired was not sent in time (it may have had no PIN to run out)."""
    if row.cancel is not None and row.cancel.status is EntryStatus.SYNCED:
        return "cancelled"
    if row.verdict is Verdict.EXPIRED and row.kiosk:
        return "not_sent_in_time"
    if row.verdict is Verdict.CONFIRMED and row.marked_applied:
        return "confirmed_by_manager"
    if row.decision is not None and row.decision.action == "retry":
        return "sent_again"
    return row.verdict.value if row.verdict is not Verdict.CANCELLED else "cancelled"


def standing_name(standing: str) -> Message:
    """A summary's standing as a manager reads it, in the words the History's rows use: the
    window's End of day, ``stamps-pos summary`` and the summary CSV say the same."""
    return say(f"summary.standing.{standing}")


def rupiah_cell(rupiah: int) -> int | str:
    """A line's Rupiah in the summary CSV: empty where it spent no voucher's worth (a reward,
    a promo code), as the window's "—": "0" read as vouchers worth nothing."""
    return rupiah if rupiah else ""


def _add_up(rows: Iterable[SummaryLine], *, by_cashier: bool) -> list[SummaryLine]:
    sums: dict[tuple[str, str, str, str], list[int]] = {}
    for line in rows:
        key = (
            line.cashier if by_cashier else "",
            line.terminal if by_cashier else "",
            line.kind,
            line.standing,
        )
        total = sums.setdefault(key, [0, 0, 0])
        total[0] += line.count
        total[1] += line.stamps
        total[2] += line.rupiah
    order = {name: i for i, name in enumerate(STANDINGS)}
    return [
        SummaryLine(cashier, terminal, kind, where, *values)
        for (cashier, terminal, kind, where), values in sorted(
            sums.items(),
            key=lambda item: (item[0][0].casefold(), item[0][1], item[0][2], order[item[0][3]]),
        )
    ]


@dataclass(frozen=True)
class RefusedLine:
    """A redemption the till did not take before anything was queued (the shift's refusal
    record), for its cashier, on its terminal: counted as ``refused``, or ``not_redeemed`` when
    the offline rules made it (as an entry they voided is)."""

    cashier: str
    terminal: str
    kind: str
    stamps: int
    rupiah: int
    standing: str = "refused"


async def summarise(
    history: History,
    since: datetime,
    until: datetime,
    refused: Iterable[RefusedLine] = (),
) -> DaySummary:
    """The summary of every entry made from ``since`` up to (not including) ``until``, and of the
    ``refused`` redemptions recorded in that span (the shifts' refusal records)."""
    rows = await history.rows(HistoryFilter(since=since, until=until, limit=SUMMARY_LIMIT))
    refusals = list(refused)
    # One person however their name was typed: the spelling of their earliest entry stands.
    spelling: dict[str, str] = {}
    for name in [*(r.cashier for r in reversed(rows)), *(r.cashier for r in refusals)]:
        spelling.setdefault(name.casefold(), name)
    lines = [
        SummaryLine(
            spelling[row.cashier.casefold()],
            row.terminal,
            row.counted_kind,
            standing(row),
            1,
            row.stamps,
            row.rupiah,
        )
        for row in rows
    ]
    lines += [
        SummaryLine(
            spelling[r.cashier.casefold()], r.terminal, r.kind, r.standing, 1, r.stamps, r.rupiah
        )
        for r in refusals
    ]
    return DaySummary(since, until, tuple(_add_up(lines, by_cashier=True)))


@dataclass(frozen=True)
class DayRecord:
    """A day (or any span) of this till as its manager reconciles it: the summary across shifts,
    the shifts open in it, and every redemption and refusal as the shift's CSV has them."""

    summary: DaySummary
    shifts: tuple[ShiftInfo, ...]
    rows: tuple[ShiftRow, ...]

    @property
    def refused_at_the_counter(self) -> tuple[ShiftRow, ...]:
        """The redemptions refused before anything was queued (a wrong PIN, a promo code the
        server refused at the counter): the summary counts them, but with no outbox entry the
        History cannot list them, so a manager is told apart where they are."""
        return tuple(row for row in self.rows if row.entry_id is None)


def local_day(day: date) -> tuple[datetime, datetime]:
    """The span of ``day`` in the till's local time zone, as aware times."""
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    return start, end


@dataclass(frozen=True)
class DaysToRead:
    """Where a manager's reading of the till opens: the history from ``first`` to ``today``, the
    end of day on ``first`` (local days)."""

    first: date
    today: date


def days_to_read(now: datetime, open_since: Iterable[datetime]) -> DaysToRead:
    """The days a manager's reading opens on at ``now``, given when the shifts still open on this
    till began: the day before when one of them began then (a late shift closed after midnight is
    read as its own day, not as the empty new one); otherwise today. A shift open since earlier
    is a close forgotten, not a late shift: reading it would open every day on the same old
    one."""
    today = now.astimezone().date()
    yesterday = today - timedelta(days=1)
    began = {opened.astimezone().date() for opened in open_since}
    return DaysToRead(yesterday if yesterday in began else today, today)


def write_summary_csv(stream: TextIO, summary: DaySummary, day: date) -> int:
    """The summary of ``day`` as CSV: one row per cashier, terminal, kind and standing, each
    with the day (ISO); returns the rows."""
    return write_csv(
        stream,
        CSV_HEADER,
        (
            (
                line.cashier,
                line.terminal,
                line.kind,
                line.standing,
                line.count,
                line.stamps,
                rupiah_cell(line.rupiah),
                day.isoformat(),
            )
            for line in summary.lines
        ),
    )
