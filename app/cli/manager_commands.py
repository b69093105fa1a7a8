"""What a manager reads, headless: ``history``, ``exceptions``, ``audit`` and ``summary``.

These only read the till's database, so they need no PIN (see :mod:`app.cli.manager_parser`).
Times are shown in the till's local time; CSV files carry UTC, as the audit log stores it.
"""

from __future__ import annotations

import argparse
import dataclasses
import heapq
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from app import APP_NAME
from app.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Stop,
    counted,
    local_time,
    may_write,
    not_the_tills_own,
    one_line,
)
from app.cli.evidence import evidence_said, reason_said, store_codes
from app.cli.running import run, till_for
from app.core.services import (
    AuditFilter,
    AuditLine,
    CounterFilter,
    DaysToRead,
    DaySummary,
    EntryStatus,
    ExceptionItem,
    HistoryFilter,
    HistoryRow,
    OperationKind,
    ShiftRow,
    SummaryLine,
    Till,
    csv_file,
    english,
    format_rupiah,
    local_day,
    say,
    standing_name,
    why_not_written,
    write_summary_csv,
)


def _start(when: date | datetime | None) -> datetime | None:
    if when is None:
        return None
    if isinstance(when, datetime):
        return when if when.tzinfo else when.astimezone()
    return local_day(when)[0]


def _end(when: date | datetime | None) -> datetime | None:
    if when is None:
        return None
    if isinstance(when, datetime):
        return when if when.tzinfo else when.astimezone()
    return local_day(when)[1]


def _span(args: argparse.Namespace) -> tuple[datetime | None, datetime | None]:
    since, until = _start(args.since), _end(args.until)
    if since is not None and until is not None and until <= since:
        raise Stop(EXIT_USAGE, "--until must be after --since")
    return since, until


@contextmanager
def _csv_target(name: str) -> Iterator[TextIO]:
    if name == "-":
        yield sys.stdout
        return
    try:
        with csv_file(Path(name)) as handle:
            yield handle
    except OSError as exc:
        raise Stop(EXIT_USAGE, why_not_written(Path(name), exc)) from None


# --- history -------------------------------------------------------------------------------------


def _row_json(row: HistoryRow) -> dict[str, Any]:
    return {
        "id": row.entry_id,
        "created_at": row.created_at.isoformat(),
        "kind": row.counted_kind,  # as the summary counts it: a cart of one line is a reward
        "status": row.status.value,
        "standing": english(row.standing),
        "cashier": row.cashier,
        "terminal": row.terminal,
        "user": row.user,
        "member_name": row.member_name,
        "description": row.description,
        "server_redemption_id": row.server_redemption_id,
        "cancels_server_id": row.cancels_server_id,
        "invoice": row.invoice,
        "stamps": row.stamps,
        "rupiah": row.rupiah,
        "provisional": row.provisional,
        "line_status": row.line_status,
        "note": row.note,
        "cancel": None
        if row.cancel is None
        else {"id": row.cancel.entry_id, "status": row.cancel.status.value},
        "attempts": [
            {
                "number": a.number,
                "started_at": a.started_at.isoformat(),
                "ended_at": a.ended_at.isoformat() if a.ended_at else None,
                "outcome": a.outcome,
                "status_code": a.status_code,
                "error": a.error,
            }
            for a in row.attempts
        ],
        # every try, listed or not: an entry retried for days lists its first and last ones
        "tries": row.tries,
        "attempts_folded": [
            {
                "outcome": f.outcome,
                "count": f.count,
                "first_started_at": f.first_started_at.isoformat(),
                "last_ended_at": f.last_ended_at.isoformat(),
            }
            for f in row.folded
        ],
    }


def _server_text(row: HistoryRow) -> str:
    """The server's id, or why there is none: "no server id" alone read as still to come of a
    redemption confirmed without an answer naming it (the window's details say the same). A
    cancel by server id names the id typed, as the window does: a refused one has no answer."""
    if row.kind is OperationKind.CANCEL:
        cancelled = row.cancels_server_id or row.server_redemption_id
        if cancelled is not None:
            return f"cancel of server redemption {cancelled}"
    if row.server_redemption_id is not None:
        return f"server {row.server_redemption_id}"
    how = row.confirmed_without_id
    if how == "marked_applied":
        return "no server id (marked applied by a manager)"
    if how == "reconciled" and row.line_status == "cancelled":
        return "no server id (found in the member's activity, cancelled there)"
    if how == "reconciled" and row.line_status == "unread":
        return "no server id (found in the member's activity, status unknown to the till)"
    if how == "reconciled" and row.line_status == "not_kept":
        return "no server id (found in the member's activity, its status not kept)"
    if how == "reconciled":
        return "no server id (confirmed from the member's activity)"
    return "no server id"


def _row_text(row: HistoryRow) -> str:
    value = counted(row.stamps, "stamp") if row.stamps else ""
    if row.rupiah:
        value = format_rupiah(row.rupiah)
    parts = [
        local_time(row.created_at),
        f"{row.counted_kind:<7}",
        english(row.standing),
        row.cashier,
        # Named as the window names them; the identifier sent is in --json ("user"), and
        # --member finds them by the start of any word of the name as by any identifier.
        row.member,
        _server_text(row),
        row.invoice or "",
        value,
        row.entry_id,
    ]
    # what the till kept may predate a check that now refuses it (an imported invoice): shown,
    # never obeyed by the terminal
    return one_line("  ".join(part for part in parts if part))


def _say_if_cut(limit: int | None, args: argparse.Namespace, count: int, narrowers: str) -> None:
    """On stderr (``--json`` and a CSV on stdout stay whole), when ``limit`` may have left
    older ones out: it stopped at its limit without a word, and a manager took the lines for
    the whole span asked."""
    if count == limit:
        print(
            f"{args.command}: the newest {count} shown; older ones may match too "
            f"(--limit N, or narrow with {narrowers})",
            file=sys.stderr,
        )


#: How ``history`` names a customer turned away at the counter, as the window's History does.
AT_THE_COUNTER_WORDS = {
    "refused": "refused at the counter",
    "not_redeemed": "not redeemed at the counter",
}


def _counter_row_text(row: ShiftRow) -> str:
    """A customer turned away at the counter, as a line of ``history``: no entry id (nothing
    was queued), why in the words the cashier was shown."""
    value = format_rupiah(row.rupiah) if row.rupiah else counted(row.stamps, "stamp")
    parts = [
        local_time(row.time),
        f"{row.kind:<7}",
        AT_THE_COUNTER_WORDS[row.status.value],
        row.cashier,
        row.member,
        row.what,
        row.invoice,
        value if row.rupiah or row.stamps else "",
        english(row.reason) if row.reason is not None else "",
    ]
    return one_line("  ".join(part for part in parts if part))


def _counter_row_json(row: ShiftRow) -> dict[str, Any]:
    return {
        "id": None,
        "refusal_id": row.refusal_id,
        "at_the_counter": True,
        "created_at": row.time.isoformat(),
        "kind": row.kind,
        "status": row.status.value,
        "standing": AT_THE_COUNTER_WORDS[row.status.value],
        "cashier": row.cashier,
        "member_name": row.member or None,
        "description": row.what,
        "invoice": row.invoice or None,
        "stamps": row.stamps,
        "rupiah": int(row.rupiah),  # as a redemption's: whole rupiah
        "reason": english(row.reason) if row.reason is not None else None,
    }


def history(args: argparse.Namespace) -> int:
    """``stamps-pos history [--since] [--until] [--status] [--cashier] [--member]``: the
    redemptions and the customers turned away at the counter (no entry of their own), newest
    first."""
    since, until = _span(args)
    # The same filters for both: the refusals at the counter are read beside the redemptions.
    narrowed = {
        "since": since,
        "until": until,
        "cashier": args.cashier,
        "member": args.member,
        "limit": args.limit,
    }
    wanted = HistoryFilter.standing(*(args.status or ()), **narrowed)
    counter = CounterFilter.standing(*(args.status or ()), **narrowed)

    async def body() -> int:
        unknown: str | None = None
        async with till_for(args, worker=False) as till:
            rows = await till.history.rows(wanted)
            turned_away = await till.shift_record.refused_at_the_counter(counter)
            if not rows and not turned_away:
                unknown = await _named_no_one(till, args)
        # each list its newest: the newest of the two together are among them
        lines: list[tuple[datetime, str, dict[str, Any]]] = list(
            heapq.merge(
                (
                    (r.created_at, _row_text(r), _row_json(r) | {"at_the_counter": False})
                    for r in rows
                ),
                ((r.time, _counter_row_text(r), _counter_row_json(r)) for r in turned_away),
                key=lambda line: line[0],
                reverse=True,
            )
        )[: args.limit]
        if args.json:
            print(json.dumps([shown for _, _, shown in lines], ensure_ascii=False))
        elif not lines:
            print("no redemptions match")
        else:
            print("\n".join(text for _, text, _ in lines))
        _say_if_cut(args.limit, args, len(lines), "--since, --status, --member")
        return _refused_if(unknown, args)

    return run(args, body)


def _refused_if(unknown: str | None, args: argparse.Namespace) -> int:
    """Exit 1, saying why on stderr, when a filter named no one the records know (what matched
    is printed all the same: nothing); else 0."""
    if unknown is None:
        return EXIT_OK
    print(f"{APP_NAME} {args.command}: {unknown}", file=sys.stderr)
    return EXIT_REFUSED


async def _named_no_one(till: Till, args: argparse.Namespace) -> str | None:
    """Why ``history`` matched nothing when ``--cashier`` or ``--member`` names no one this
    till's records know: a name typed wrong read "no redemptions match", exit 0, as a shift in
    which the cashier redeemed nothing, or a member who redeemed nothing here."""
    if args.cashier:
        unknown = await _no_such_cashier(till, args.cashier)
        if unknown is not None:
            return unknown
    if args.member and not await till.on_record.member(args.member):
        return english(say("records.no_member", member=args.member))
    return None


async def _no_such_cashier(till: Till, name: str) -> str | None:
    """Why ``--cashier NAME`` matched nothing when no cashier of this till's records is named
    so; ``None`` for a name they know: an account in any state (a disabled one's history is
    still its own), or the name of a redemption, refusal or shift (a cashier renamed since, or
    a till without accounts, whose redemptions are recorded under the name given)."""
    if await till.on_record.cashier(name):
        return None
    return (
        f"{english(say('staff.no_cashier_named', name=name))} `{APP_NAME} cashier list` shows "
        "this till's cashiers"
    )


# --- exceptions ----------------------------------------------------------------------------------


def _exception_json(
    item: ExceptionItem, *, base_url: str = "", store_codes: Mapping[int, str] | None = None
) -> dict[str, Any]:
    return _row_json(item.row) | {
        "reason": item.reason,
        "evidence": item.evidence,
        # what the evidence says, in the words `exceptions` and the window's pane print
        "evidence_words": evidence_said(item, base_url=base_url, store_codes=store_codes)
        if item.row.status is EntryStatus.UNKNOWN
        else [],
        "needs_pin": item.needs_pin,
        "contact": {
            "user": item.contact.user,
            "name": item.contact.name,
            "email": item.contact.email,
            "phone": item.contact.phone,
        },
    }


def _exception_text(
    item: ExceptionItem, *, base_url: str = "", store_codes: Mapping[int, str] | None = None
) -> list[str]:
    row, contact = item.row, item.contact
    lines = [
        f"{row.entry_id}  {row.kind.value}  {row.status.value}  {local_time(row.created_at)}  "
        f"{row.cashier}"
    ]
    who = [contact.name, contact.email or contact.user, contact.phone]
    lines.append("  member  " + "  ".join(p for p in who if p))
    lines.append(f"  reason  {reason_said(item)}")
    if row.status is EntryStatus.UNKNOWN:
        lines.append("  evidence")
        said = evidence_said(item, base_url=base_url, store_codes=store_codes)
        lines += [f"    {line}" for line in said]
    if row.provisional and row.answered:
        # the server turned an attempt away (a 408, a 429): no outage to speak of
        lines.append("  accepted to send again (provisional): the member may have had the reward")
    elif row.provisional:
        lines.append("  accepted offline (provisional): the member may have had the reward")
    if item.needs_pin:
        lines.append("  a retry needs the member's PIN again (--member-pin-stdin)")
    return lines


def exceptions(args: argparse.Namespace) -> int:
    """``stamps-pos exceptions``: rejected and unknown entries, oldest first."""

    async def body() -> int:
        async with till_for(args, worker=False) as till:
            items = await till.history.exceptions()
            config = till.config
        url, codes = config.base_url, store_codes(config)
        if args.json:
            listed = [_exception_json(i, base_url=url, store_codes=codes) for i in items]
            print(json.dumps(listed, ensure_ascii=False))
        elif not items:
            print("no exceptions: nothing waits for a manager")
        else:
            print(
                "\n".join(
                    line
                    for item in items
                    for line in _exception_text(item, base_url=url, store_codes=codes)
                )
            )
        return EXIT_OK

    return run(args, body)


# --- audit ---------------------------------------------------------------------------------------


def _audit_json(line: AuditLine) -> dict[str, Any]:
    return {
        "at": line.at.isoformat(),
        "who": line.who,
        "action": line.action,
        "terminal": line.terminal,
        "entry_id": line.entry_id,
        "detail": line.detail,
    }


#: The audit lines listed on screen (or as JSON) when ``--limit`` is not given.
AUDIT_SHOWN = 1000


def audit(args: argparse.Namespace) -> int:
    """``stamps-pos audit [--since] [--until] [--who] [--action] [--entry] [--csv FILE]``."""
    since, until = _span(args)
    wanted = AuditFilter(
        since=since,
        until=until,
        who=args.who,
        action=args.action,
        entry_id=args.entry,
        # A CSV is the record a manager files: every line, as the window's export writes it.
        limit=args.limit if args.limit is not None or args.csv else AUDIT_SHOWN,
    )

    async def body() -> int:
        if args.csv:
            not_the_tills_own(args.csv, args.config)
            may_write(args.csv, args.replace)
        async with till_for(args, worker=False) as till:
            # Asked before anything is written: a name or an entry the records do not know has
            # no line, and `--who Rna --csv` wrote a file of its header alone (over the file
            # --replace named) before it said so.
            unknown = await _audit_named_no_one(till, args)
            lines: list[AuditLine] = []
            count = 0
            if unknown is None and args.csv:  # written as the log is read (a year's: 100,000)
                count = await till.audit.write_csv(wanted, lambda: _csv_target(args.csv))
            elif unknown is None:
                lines = await till.audit.lines(wanted)
                count = len(lines)
        if args.csv:
            if args.csv != "-" and unknown is None:
                print(f"{counted(count, 'audit line')} written to {one_line(args.csv)}")
        elif args.json:
            print(json.dumps([_audit_json(line) for line in lines], ensure_ascii=False))
        elif not lines:
            print("no audit lines match")
        else:
            for line in lines:
                detail = json.dumps(line.detail, ensure_ascii=False) if line.detail else ""
                print(
                    "  ".join(
                        p
                        for p in (
                            local_time(line.at),
                            line.who,
                            line.action,
                            line.terminal,
                            line.entry_id or "",
                            detail,
                        )
                        if p
                    )
                )
        _say_if_cut(wanted.limit, args, count, "--since, --who, --action")
        return _refused_if(unknown, args)

    return run(args, body)


async def _audit_named_no_one(till: Till, args: argparse.Namespace) -> str | None:
    """Why ``audit`` matches nothing when ``--who`` names no one, or ``--entry`` no entry, this
    till's records know: ``--who Rna`` (Rina typed wrong) read "no audit lines match", exit 0,
    as a day Rina did nothing. Someone the log or the accounts know is not refused (a cashier
    who has left still has audit lines), nor an entry the outbox holds. What it refuses has no
    line (the retention forgets no entry a kept line names), so it is asked before the log."""
    if args.who and not await till.on_record.actor(args.who):
        return (
            f"{english(say('records.no_one_named', name=args.who))} `{APP_NAME} manager list` "
            f"and `{APP_NAME} cashier list` show them"
        )
    if args.entry and not await till.on_record.entry(args.entry):
        return english(say("decision.no_entry", entry_id=args.entry))
    return None


# --- summary -------------------------------------------------------------------------------------


def day_heading(day: date, days: DaysToRead, *, picked: bool) -> str:
    """Which day a summary reads, against the till's today: past midnight, a manager must not
    take the late shift's day (read by default) for the new one."""
    named = f"{day:%A} {day.isoformat()}"
    if day == days.today:
        return f"{named}, today"
    if day == days.today - timedelta(days=1):
        if picked:
            return f"{named}, yesterday"
        # The default fell on it (ShiftRecord.days_to_read): say why, and how to read today instead.
        return (
            f"{named}, yesterday: a shift still open on this till began then "
            f"(today is {days.today.isoformat()}: --date {days.today.isoformat()})"
        )
    return named


def _summary_text(summary: DaySummary, heading: str, write: Callable[[str], None]) -> None:
    write(heading)
    write(f"{local_time(summary.since)} to {local_time(summary.until)}")
    if not summary.lines:
        write("nothing was redeemed")
        return
    for cashier, lines in summary.per_cashier().items():
        write(cashier)
        for line in lines:
            write(_summary_line(line))
    write("all cashiers")
    for line in summary.totals():
        write(_summary_line(line))


def _counter_text(rows: tuple[ShiftRow, ...], write: Callable[[str], None]) -> None:
    """The redemptions the summary counts that ``history`` cannot list: refused before anything
    was queued, they have no outbox entry. A manager reconciling read a count of "refused"
    they could find nowhere."""
    if not rows:
        return
    write(
        f"refused at the counter, before anything was queued: {len(rows)} (counted above; "
        "`history` lists them too, as refused at the counter)"
    )
    for row in rows:
        reason = english(row.reason) if row.reason is not None else ""
        write(f"  {local_time(row.time)}  {row.cashier}  {row.kind}  {row.what}: {reason}")


def _counter_json(row: ShiftRow) -> dict[str, Any]:
    return {
        "time": row.time.isoformat(),
        "cashier": row.cashier,
        "member": row.member,
        "kind": row.kind,
        "what": row.what,
        "standing": row.status.value,
        "reason": english(row.reason) if row.reason is not None else None,
    }


def _summary_line(line: SummaryLine) -> str:
    # "1 stamp " keeps the rupiah in the column of "2 stamps"
    stamps = "stamp " if line.stamps == 1 else "stamps"
    # a reward has no Rupiah value: "Rp 0" read as vouchers worth nothing
    rupiah = format_rupiah(line.rupiah) if line.rupiah else "—"
    # the standing in the words End of day and History use, as wide as the longest ("Sent
    # again by a manager") so that the counts stand in one column
    return (
        f"  {line.kind:<7} {english(standing_name(line.standing)):<23} {line.count:>5}  "
        f"{line.stamps:>7} {stamps}  {rupiah:>14}"
    ).rstrip()


def summary(args: argparse.Namespace) -> int:
    """``stamps-pos summary [--date DAY] [--csv FILE | --json]``: the end-of-day summary of
    ``DAY``, by default the day the window's End of day opens on
    (:meth:`ShiftRecord.days_to_read`)."""

    async def body() -> int:
        if args.csv:
            not_the_tills_own(args.csv, args.config)
            may_write(args.csv, args.replace)
        async with till_for(args, worker=False) as till:
            days = await till.shift_record.days_to_read()
            day = args.date or days.first
            record = await till.shift_record.day(*local_day(day))
            result = record.summary
        heading = day_heading(day, days, picked=args.date is not None)
        at_the_counter = record.refused_at_the_counter
        if args.csv:
            with _csv_target(args.csv) as stream:
                count = write_summary_csv(stream, result, day)
            if args.csv != "-":
                print(heading)
                print(f"{counted(count, 'summary line')} written to {one_line(args.csv)}")
        elif args.json:
            print(
                json.dumps(
                    {
                        "day": day.isoformat(),
                        "since": result.since.isoformat(),
                        "until": result.until.isoformat(),
                        "lines": [dataclasses.asdict(line) for line in result.lines],
                        "refused_at_the_counter": [_counter_json(r) for r in at_the_counter],
                    },
                    ensure_ascii=False,
                )
            )
        else:
            _summary_text(result, heading, print)
            _counter_text(at_the_counter, print)
        return EXIT_OK

    return run(args, body)
