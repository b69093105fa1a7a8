"""What a manager reads: history with its filters, one entry's details, the exceptions, the audit
log and the end-of-day summary, with their CSV files read back."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Member, OperationKind
from app.core.messages import english
from app.core.offline.cache import MemberCache
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.outbox.errors import OutboxError
from app.core.outbox.outbox import EntryRecord
from app.core.outbox.reconcile import CANNOT_RECONCILE
from app.core.outbox.remote import LINE_STATUS, LINE_STATUS_SAID
from app.core.services.audit_log import AuditFilter, AuditLine, AuditLog, write_audit_csv
from app.core.services.day_summary import (
    DaysToRead,
    days_to_read,
    local_day,
    standing_name,
    summarise,
    write_summary_csv,
)
from app.core.services.history import ExceptionItem, History
from app.core.services.history_filter import HistoryFilter
from app.core.services.receipts import Verdict, feed_line_said, receipt_for
from app.core.services.shift import shift_rows
from app.core.services.standings import STANDINGS
from app.core.services.upkeep import fold_all_attempts
from app.core.stamps.errors import ValidationFailed
from app.core.storage import Database
from app.core.storage.tables import OutboxEntry

from ..outbox.fakes import FakeTransport

WHO = {"who": "Ayu", "terminal": "till-1"}


@dataclass
class Day:
    """A day of one till: the entries by name, and the services reading them."""

    outbox: Outbox
    history: History
    audit: AuditLog
    ids: dict[str, str]
    clock: ManualClock


async def redeem(
    outbox: Outbox,
    worker: SyncWorker,
    transport: FakeTransport,
    *,
    lane: str,
    cashier: str,
    action: str | None,
    kind: OperationKind = OperationKind.REWARD,
    stamps: int = 10,
    expires_at: datetime | None = None,
    **payload: Any,
) -> str:
    entry = await outbox.enqueue(
        kind,
        {"user": lane, "store": 7, "reward": 1, **payload},
        lane=f"member:{lane}",
        user=f"{lane}@example.com",
        cashier=cashier,
        terminal="till-1",
        reward_name="Reward 1" if kind is OperationKind.REWARD else None,
        stamps=stamps if kind is OperationKind.REWARD else None,
        expires_at=expires_at,
    )
    if action is not None:
        transport.script = [action]
        await worker.run_once(reconcile=False)
    return entry.id


@pytest.fixture
async def day(db_path: Path, clock: ManualClock) -> AsyncIterator[Day]:
    """Rina: a confirmed, a refused and an unknown reward; Wayan: a confirmed deduct of
    Rp 50.000, a reward then cancelled, and (an hour later) one still queued; Ayu, a manager: a
    cancel of a kiosk's redemption by its server id."""
    db = Database(db_path)
    outbox = Outbox(db, OutboxPolicy(idempotency_honoured=False), RetryPolicy(random=lambda: 0.5))
    transport = FakeTransport()
    worker = SyncWorker(outbox, transport, name="w")
    cache = MemberCache(db)
    await cache.remember(
        Member(
            "1",
            "Ayu Pratiwi",
            "1@example.com",
            "081210000006",
            ("KR24000006",),
            None,
            "Gold",
            250,
            None,
            False,
            True,
            False,
            False,
            clock.now(),
        )
    )
    ids: dict[str, str] = {}
    ids["confirmed"] = await redeem(
        outbox, worker, transport, lane="1", cashier="Rina", action="apply", invoice_number="INV-1"
    )
    clock.advance(60)
    ids["refused"] = await redeem(
        outbox, worker, transport, lane="2", cashier="Rina", action="refuse"
    )
    clock.advance(60)
    ids["deduct"] = await redeem(
        outbox,
        worker,
        transport,
        lane="3",
        cashier="Wayan",
        action="apply",
        kind=OperationKind.DEDUCT,
        value=50_000,
    )
    clock.advance(60)
    ids["cancelled"] = await redeem(
        outbox, worker, transport, lane="1", cashier="Wayan", action="apply", stamps=20
    )
    ids["cancel"] = (await outbox.cancel(ids["cancelled"], note="wrong reward", **WHO)).id
    await worker.run_once(reconcile=False)
    clock.advance(60)
    ids["unknown"] = await redeem(
        outbox, worker, transport, lane="1", cashier="rina", action="applied_lost", stamps=5
    )
    clock.advance(3600)
    ids["queued"] = await redeem(outbox, worker, transport, lane="5", cashier="Wayan", action=None)
    ids["remote"] = (
        await outbox.cancel_by_server_id(777, lane="member:2", user="2@example.com", **WHO)
    ).id
    yield Day(outbox, History(db), AuditLog(db), ids, clock)
    await worker.stop()
    await cache.close()
    await outbox.close()


async def test_history_is_newest_first_and_a_row_follows_its_cancel(day: Day) -> None:
    rows = await day.history.rows()
    names = {v: k for k, v in day.ids.items()}
    assert [names[r.entry_id] for r in rows] == [
        "remote",
        "queued",
        "unknown",
        "cancelled",
        "deduct",
        "refused",
        "confirmed",
    ]  # the cancel of a redemption of this till is not a row: its redemption shows it
    by_name = {names[r.entry_id]: r for r in rows}
    cancelled = by_name["cancelled"]
    assert cancelled.status is EntryStatus.SYNCED and str(cancelled.standing) == "Cancelled"
    assert cancelled.cancel is not None and cancelled.cancel.entry_id == day.ids["cancel"]
    confirmed = by_name["confirmed"]
    assert (confirmed.invoice, confirmed.stamps, str(confirmed.standing)) == (
        "INV-1",
        10,
        "Confirmed",
    )
    assert confirmed.server_redemption_id is not None
    assert [(a.number, a.outcome, a.status_code) for a in confirmed.attempts] == [
        (1, "applied", 200)
    ]
    assert by_name["deduct"].rupiah == 50_000
    refused = by_name["refused"]
    assert [(a.outcome, a.status_code) for a in refused.attempts] == [("refused", 400)]
    assert str(by_name["unknown"].standing) == "Not confirmed"
    remote = by_name["remote"]
    assert (remote.kind, remote.cashier, remote.status) == (
        OperationKind.CANCEL,
        "Ayu",
        EntryStatus.QUEUED,
    )
    # never sent: it waits, as a redemption's own cancel reads "Cancel pending"; "NOT
    # CONFIRMED" said it may have reached the server
    assert str(remote.standing) == "Cancel waiting to send"


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (HistoryFilter(statuses=frozenset({EntryStatus.REJECTED})), ["refused"]),
        (
            HistoryFilter(statuses=frozenset({EntryStatus.SYNCED, EntryStatus.UNKNOWN})),
            ["unknown", "cancelled", "deduct", "confirmed"],
        ),
        (HistoryFilter(cashier="RINA"), ["unknown", "refused", "confirmed"]),
        (HistoryFilter(member="+62 812-1000-0006"), ["unknown", "cancelled", "confirmed"]),
        (HistoryFilter(member="KR24000006"), ["unknown", "cancelled", "confirmed"]),
        (HistoryFilter(member="2@EXAMPLE.com"), ["remote", "refused"]),
        (HistoryFilter(member="nobody@example.com"), []),
        (HistoryFilter(cashier="Wayan", member="1@example.com"), ["cancelled"]),
        (HistoryFilter(limit=2), ["remote", "queued"]),
        # a redemption a confirmed cancel ended reads "Cancelled": it is filtered as such,
        # not as one the server confirmed (its own status is still synced)
        (HistoryFilter(cancelled=True), ["cancelled"]),
        (
            HistoryFilter(statuses=frozenset({EntryStatus.SYNCED}), cancelled=False),
            ["deduct", "confirmed"],
        ),
    ],
)
async def test_history_filters(day: Day, wanted: HistoryFilter, expected: list[str]) -> None:
    names = {v: k for k, v in day.ids.items()}
    assert [names[r.entry_id] for r in await day.history.rows(wanted)] == expected


async def test_each_status_choice_lists_the_rows_that_read_as_it_is_named(day: Day) -> None:
    # A manager picks a status by the words the rows show: "Dismissed by a manager" listed rows
    # reading "Closed by a manager" and "Sent again…", and "Cancelled" left out the redemptions
    # cancelled before they were sent, whose rows read "Cancelled" too.
    await day.outbox.cancel(day.ids["queued"], note="wrong member", **WHO)  # voided, unsent
    await day.outbox.retry(day.ids["refused"], note="stamps topped up", **WHO)
    await day.outbox.dismiss(day.ids["unknown"], note="told the member", **WHO)
    names = {v: k for k, v in day.ids.items()}
    listed = {
        choice: [
            (names[r.entry_id], english(r.standing).split(":")[0])
            for r in await day.history.rows(HistoryFilter.standing(choice))
            if r.entry_id in names
        ]
        for choice in STANDINGS
    }
    assert listed["cancelled"] == [("queued", "Cancelled"), ("cancelled", "Cancelled")]
    assert listed["closed"] == [
        ("unknown", "Closed by a manager"),
        ("refused", "Sent again by a manager"),
    ]
    assert listed["confirmed"] == [("deduct", "Confirmed"), ("confirmed", "Confirmed")]
    assert listed["not_redeemed"] == []


async def test_a_redemption_whose_cancel_waits_to_be_sent_is_listed_under_queued(
    day: Day,
) -> None:
    # Two cancels asked offline: the status bar said "Queued 2", and History's "Queued" said "No
    # redemption matches"; their rows, reading "Cancel pending", were under "Confirmed" only.
    for name in ("confirmed", "deduct"):
        await day.outbox.cancel(day.ids[name], note="customer changed their mind", **WHO)
    names = {v: k for k, v in day.ids.items()}

    async def listed(*choices: str) -> list[tuple[str, str]]:
        rows = await day.history.rows(HistoryFilter.standing(*choices))
        return [(names[r.entry_id], english(r.standing)) for r in rows if r.entry_id in names]

    queued = await listed("queued")
    assert queued == [
        ("remote", "Cancel waiting to send"),  # a cancel by server id is a row of its own
        ("queued", "NOT CONFIRMED — do not hand over yet"),  # sent again once it can be
        ("deduct", "Cancel pending"),
        ("confirmed", "Cancel pending"),
    ]
    assert await day.history.count(HistoryFilter.standing("queued")) == len(queued)
    # the redemptions still stand until the server confirms the cancels
    assert ("confirmed", "Cancel pending") in await listed("confirmed")
    assert not any(words == "Cancel pending" for _, words in await listed("sending", "refused"))


async def test_a_row_names_its_member_where_the_till_knows_them(day: Day) -> None:
    # A manager reading the day looks for people by name: the history listed Ayu by the email
    # the till sent ("1@example.com") where the shift's list and the details said "Ayu Pratiwi".
    names = {v: k for k, v in day.ids.items()}
    rows = {names[r.entry_id]: r for r in await day.history.rows()}
    for ayus in ("confirmed", "cancelled", "unknown"):
        assert rows[ayus].member == "Ayu Pratiwi"
        assert rows[ayus].user == "1@example.com"  # the identifier sent stays on the row
    # one the cache does not know is named by the identifier the till sent
    assert rows["refused"].member_name is None and rows["refused"].member == "2@example.com"


@pytest.mark.parametrize("typed", ["Ayu Pratiwi", "ayu", "  AYU PRA", "Pratiwi", "pRAT"])
async def test_history_finds_a_member_by_the_start_of_any_word_of_their_name(
    day: Day, typed: str
) -> None:
    # A manager types the part of the name they remember: "Pratiwi" found nothing of Ayu's.
    names = {v: k for k, v in day.ids.items()}
    rows = await day.history.rows(HistoryFilter(member=typed))
    assert [names[r.entry_id] for r in rows] == ["unknown", "cancelled", "confirmed"]


@pytest.mark.parametrize("typed", ["élodie", "ÉLODIE", "Élo", "martin", "ÉLODIE MARTIN"])
async def test_history_finds_a_name_known_only_from_the_entry_in_any_case_of_any_letter(
    day: Day, typed: str
) -> None:
    # The cache does not know her (a redemption queued from a name the entry kept): SQLite's
    # lower() folds ASCII only, and "élodie" did not find "Élodie Martin".
    entry = await day.outbox.enqueue(
        OperationKind.REWARD,
        {"user": "9", "store": 7, "reward": 1},
        lane="member:9",
        user="9@example.com",
        cashier="Rina",
        terminal="till-1",
        record=EntryRecord(member_name="Élodie Martin"),
    )
    rows = await day.history.rows(HistoryFilter(member=typed))
    assert [r.entry_id for r in rows] == [entry.id]


@pytest.mark.parametrize("typed", ["tiwi", "yu", "%", "a%", "_yu", "Ayu_Pratiwi"])
async def test_history_finds_no_member_by_the_middle_of_a_word_nor_by_wildcards(
    day: Day, typed: str
) -> None:
    # "ayu" is not Rahayu, and a manager's % or _ is that character, not any
    assert await day.history.rows(HistoryFilter(member=typed)) == []


async def test_history_by_time(day: Day) -> None:
    names = {v: k for k, v in day.ids.items()}
    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    first_hour = HistoryFilter(since=start.created_at, until=start.created_at + timedelta(hours=1))
    assert [names[r.entry_id] for r in await day.history.rows(first_hour)] == [
        "unknown",
        "cancelled",
        "deduct",
        "refused",
        "confirmed",
    ]
    later = HistoryFilter(since=start.created_at + timedelta(hours=1))
    assert [names[r.entry_id] for r in await day.history.rows(later)] == ["remote", "queued"]


async def test_details_say_what_a_manager_may_do(day: Day) -> None:
    confirmed = await day.history.details(day.ids["confirmed"])
    assert confirmed is not None and confirmed.allowed == {"cancel"}
    assert confirmed.contact.name == "Ayu Pratiwi" and confirmed.contact.phone == "081210000006"
    refused = await day.history.details(day.ids["refused"])
    assert refused is not None and refused.allowed == {"retry", "dismiss", "cancel"}
    assert refused.contact.name is None and refused.contact.user == "2@example.com"
    unknown = await day.history.details(day.ids["unknown"])
    assert unknown is not None
    assert unknown.allowed == {"retry", "dismiss", "mark_applied", "cancel"}
    cancelled = await day.history.details(day.ids["cancelled"])
    assert cancelled is not None and "cancel" not in cancelled.allowed
    assert [c.entry_id for c in cancelled.cancels] == [day.ids["cancel"]]
    assert [(a["who"], a["action"]) for a in cancelled.audit] == [("Ayu", "cancel")]
    assert cancelled.audit[0]["detail"]["note"] == "wrong reward"
    assert await day.history.details("no-such-entry") is None


async def test_details_say_who_settled_an_entry_and_when(day: Day) -> None:
    cancelled = await day.history.details(day.ids["cancelled"])
    cancel = await day.outbox.get(day.ids["cancel"])
    assert cancelled is not None and cancelled.row.cancel is not None and cancel is not None
    state = cancelled.row.cancel
    assert (state.asked_by, state.asked_at, state.settled_at) == (
        "Ayu",
        cancel.created_at,
        cancel.updated_at,
    )
    assert state.note == "wrong reward"
    assert cancelled.decision is None  # a cancel is an entry of its own, with its own state
    refused = await day.history.details(day.ids["refused"])
    assert refused is not None and refused.row.reason is not None
    assert refused.row.reason.params == {"reason": "insufficient stamps"}
    confirmed = await day.history.details(day.ids["confirmed"])
    assert confirmed is not None and confirmed.row.reason is None

    await day.outbox.mark_applied(day.ids["unknown"], note="seen on the dashboard", **WHO)
    await day.outbox.dismiss(day.ids["refused"], note="told the member", **WHO)
    day.clock.advance(60)
    voided = await day.outbox.cancel(day.ids["queued"], note="wrong member", **WHO)
    assert voided.status == EntryStatus.VOIDED
    decisions = {
        name: (await day.history.details(day.ids[name])) for name in ("unknown", "refused")
    }
    decisions["queued"] = await day.history.details(day.ids["queued"])
    assert {
        name: (d.decision.action, d.decision.who, d.decision.note)
        for name, d in decisions.items()
        if d is not None and d.decision is not None
    } == {
        "unknown": ("mark_applied", "Ayu", "seen on the dashboard"),
        "refused": ("dismiss", "Ayu", "told the member"),
        "queued": ("void", "Ayu", "wrong member"),
    }
    queued = decisions["queued"]
    assert queued is not None and queued.decision is not None
    assert queued.decision.at == voided.updated_at


async def test_a_redemption_confirmed_without_a_server_id_says_the_dashboard_cancels_it(
    day: Day,
) -> None:
    await day.outbox.mark_applied(day.ids["unknown"], note="seen on the dashboard", **WHO)
    details = await day.history.details(day.ids["unknown"])
    assert details is not None
    assert details.dashboard_only is not None and "Stamps dashboard" in str(details.dashboard_only)
    assert "cancel" not in details.allowed


async def test_a_retried_entry_links_both_ways(day: Day) -> None:
    retried = await day.outbox.retry(day.ids["refused"], note="stamps topped up", **WHO)
    original = await day.history.details(day.ids["refused"])
    new = await day.history.details(retried.id)
    assert original is not None and original.retried_as == (retried.id,)
    assert new is not None and new.retry_of == day.ids["refused"]


async def test_a_redemption_sent_again_reads_sent_again_not_closed(day: Day) -> None:
    # Its row read "Closed by a manager", in red, beside the new redemption confirmed: as if
    # something were still wrong with it.
    await day.outbox.retry(day.ids["refused"], note="stamps topped up", **WHO)
    original = await day.history.details(day.ids["refused"])
    assert original is not None
    assert original.row.headline.id == "receipt.closed.sent_again"
    assert str(original.row.standing) == "Sent again by a manager: see the new redemption"
    await day.outbox.dismiss(day.ids["unknown"], note="told the member", **WHO)
    dismissed = await day.history.details(day.ids["unknown"])
    assert dismissed is not None and dismissed.row.headline.id == "receipt.closed"


async def test_the_days_summary_counts_a_redemption_sent_again_apart_from_one_closed(
    day: Day,
) -> None:
    # End of day read "Closed by a manager" of a redemption whose stamps the new one sent in
    # its place spent, beside one a manager closed for good: a manager reconciling the day
    # looked for stamps owed where the new redemption had them.
    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    await day.outbox.retry(day.ids["refused"], note="stamps topped up", **WHO)
    await day.outbox.dismiss(day.ids["unknown"], note="told the member", **WHO)
    summary = await summarise(day.history, start.created_at, start.created_at + timedelta(days=1))
    rina = {
        line.standing: (line.count, line.stamps)
        for line in summary.lines
        if line.cashier == "Rina" and line.standing in ("sent_again", "closed")
    }
    assert rina == {"sent_again": (1, 10), "closed": (1, 5)}
    assert str(standing_name("sent_again")) == "Sent again by a manager"


async def test_exceptions_carry_the_reason_and_the_members_contact(day: Day) -> None:
    items = await day.history.exceptions()
    names = {v: k for k, v in day.ids.items()}
    assert [names[i.row.entry_id] for i in items] == ["refused", "unknown"]
    refused, unknown = items
    assert refused.said.id == "server.refused" and "insufficient stamps" in refused.reason
    assert not refused.reason.startswith("ValidationFailed")  # the server's words, no class
    assert unknown.reason.startswith("No answer came from the server")
    assert unknown.contact.name == "Ayu Pratiwi"
    assert not unknown.needs_pin and not unknown.row.provisional
    assert await day.history.exception_count() == 2
    await day.outbox.dismiss(day.ids["refused"], note="told the member", **WHO)
    assert await day.history.exception_count() == 1


async def test_the_audit_log_filters_and_exports(day: Day) -> None:
    everything = await day.audit.lines()
    assert [(line.who, line.action) for line in everything] == [
        ("Ayu", "cancel"),
        ("Ayu", "cancel_by_server_id"),
    ]
    assert await day.audit.lines(AuditFilter(who="ayu", action="cancel_by_server_id")) == [
        everything[1]
    ]
    assert await day.audit.lines(AuditFilter(entry_id=day.ids["cancelled"])) == [everything[0]]
    assert await day.audit.lines(AuditFilter(since=everything[1].at + timedelta(seconds=1))) == []
    assert await day.audit.lines(AuditFilter(limit=1)) == [everything[1]]  # the newest
    assert await day.audit.actions() == ["cancel", "cancel_by_server_id"]

    out = io.StringIO()
    hostile = AuditLine(everything[0].at, "=HYPERLINK(1)", "-x", "+t", None, {"note": "@SUM"})
    assert write_audit_csv(out, [*everything, hostile]) == 3
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["time (UTC)", "who", "action", "terminal", "entry", "detail"]
    assert rows[1][:5] == [
        everything[0].at.isoformat(),
        "Ayu",
        "cancel",
        "till-1",
        day.ids["cancelled"],
    ]
    assert '"note": "wrong reward"' in rows[1][5]
    assert rows[3][1:5] == ["'=HYPERLINK(1)", "'-x", "'+t", ""]


async def test_the_end_of_day_summary_counts_per_cashier_kind_and_standing(day: Day) -> None:
    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    summary = await summarise(day.history, start.created_at, start.created_at + timedelta(days=1))
    assert [
        (line.cashier, line.kind, line.standing, line.count, line.stamps, line.rupiah)
        for line in summary.lines
    ] == [
        ("Ayu", "cancel", "not_confirmed", 1, 0, 0),
        ("Rina", "reward", "confirmed", 1, 10, 0),
        ("Rina", "reward", "not_confirmed", 1, 5, 0),  # "rina" typed: the same cashier
        ("Rina", "reward", "refused", 1, 10, 0),
        ("Wayan", "deduct", "confirmed", 1, 0, 50_000),
        ("Wayan", "reward", "not_confirmed", 1, 10, 0),
        ("Wayan", "reward", "cancelled", 1, 20, 0),
    ]
    totals = {(t.kind, t.standing): (t.count, t.stamps) for t in summary.totals()}
    assert totals[("reward", "not_confirmed")] == (2, 15)
    assert list(summary.per_cashier()) == ["Ayu", "Rina", "Wayan"]

    out = io.StringIO()
    that_day = start.created_at.astimezone().date()
    assert write_summary_csv(out, summary, that_day) == len(summary.lines)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    wayan = [r for r in rows if r["cashier"] == "Wayan" and r["kind"] == "deduct"]
    assert wayan == [
        {
            "cashier": "Wayan",
            "terminal": "till-1",
            "kind": "deduct",
            "standing": "confirmed",
            "count": "1",
            "stamps": "0",
            "rupiah": "50000",
            "day": that_day.isoformat(),
        }
    ]


def test_a_local_day_is_one_calendar_day_of_the_tills_time_zone() -> None:
    start, end = local_day(date(2026, 11, 25))
    assert start.tzinfo is not None and start.date() == date(2026, 11, 25)
    assert (start.hour, start.minute) == (0, 0)
    assert end.date() == date(2026, 11, 26) and (end.hour, end.minute) == (0, 0)


def _jakarta(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of November 2026 on a Jakarta wall clock, as the core holds it (UTC)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Asia/Jakarta")).astimezone(UTC)


@pytest.mark.usefixtures("in_jakarta")
@pytest.mark.parametrize(
    ("opened", "expected"),
    [
        # Dewi's late shift began at 22.00 on the 25th and is still open at 00.30: the manager
        # closing it reads the 25th (the history on to today), not an empty 26th.
        ([_jakarta(25, 22)], DaysToRead(date(2026, 11, 25), date(2026, 11, 26))),
        (
            [_jakarta(26, 0, 10), _jakarta(25, 23)],
            DaysToRead(date(2026, 11, 25), date(2026, 11, 26)),
        ),
        # no shift open, or the one open began today: today
        ([], DaysToRead(date(2026, 11, 26), date(2026, 11, 26))),
        ([_jakarta(26, 0, 10)], DaysToRead(date(2026, 11, 26), date(2026, 11, 26))),
        # a shift left open for days is a close forgotten, not a late shift: today
        ([_jakarta(20, 9)], DaysToRead(date(2026, 11, 26), date(2026, 11, 26))),
    ],
)
def test_after_midnight_a_managers_reading_opens_on_the_day_the_late_shift_began(
    opened: list[datetime], expected: DaysToRead
) -> None:
    clock = ManualClock(_jakarta(26, 0, 30))
    assert days_to_read(clock.now(), opened) == expected


async def _evidence_of_the_unknown(day: Day, evidence: dict[str, Any]) -> ExceptionItem:
    from app.core.storage.tables import OutboxEntry

    def write(session: Session) -> None:
        entry = session.get(OutboxEntry, day.ids["unknown"])
        assert entry is not None
        entry.evidence = evidence
        session.add(entry)

    await day.outbox.db.write(write)
    return next(i for i in await day.history.exceptions() if i.row.entry_id == day.ids["unknown"])


@pytest.mark.parametrize(
    ("evidence", "message_id", "params"),
    [
        (
            {"result": "deferred: another entry of this member may still reach the server"},
            "exception.deferred",
            {},
        ),
        (
            {
                "result": "ambiguous: 3 unknown entries could own 2 lines",
                "candidates": [{}, {}, {}],
                "accounted_by_other_entries": 1,
                "rivals": ["e-2", "e-3"],
            },
            "exception.ambiguous",
            {"entries": 3, "lines": 2},
        ),
        *(
            ({"result": "cannot_reconcile", "why": why}, message_id, {})
            for message_id, why in CANNOT_RECONCILE.items()
        ),
        (
            {"result": "feed_unreadable", "error": "ConnectionFailed: could not reach the server"},
            "exception.feed_unreadable",
            {},
        ),
        (
            {"result": "store_unknown", "store_unknown": [{"name": "Kopi"}, {"name": "Kopi"}]},
            "exception.store_unknown",
            {"lines": 2},
        ),
        ({"result": "a verdict of a later version"}, "exception.other", {}),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
async def test_what_reconciliation_found_is_said_in_words_not_as_recorded(
    day: Day, evidence: dict[str, Any], message_id: str, params: dict[str, int]
) -> None:
    item = await _evidence_of_the_unknown(day, evidence)
    assert (item.said.id, dict(item.said.params)) == (message_id, params)
    recorded = [evidence["result"], evidence.get("why"), evidence.get("error")]
    assert not any(r and r in item.reason for r in recorded)  # they stay in the evidence


async def test_a_kiosk_entry_not_sent_in_time_is_not_a_pin_that_ran_out(
    db_path: Path, clock: ManualClock
) -> None:
    # Three redemptions the server never got: a PIN's whose authorisation ran out at the
    # counter, a kiosk's past its two-minute bound (its customer was told to ask at the counter),
    # and one the offline rules would not take once its send failed (not redeemed).
    db = Database(db_path)
    outbox = Outbox(db, OutboxPolicy(idempotency_honoured=True), RetryPolicy(random=lambda: 0.5))
    transport = FakeTransport()
    worker = SyncWorker(outbox, transport, name="w")
    bound = clock.now() + timedelta(seconds=120)
    ids = {
        "pin": await redeem(
            outbox, worker, transport, lane="1", cashier="Rina", action="connect", expires_at=bound
        ),
        "kiosk": await redeem(
            outbox,
            worker,
            transport,
            lane="2",
            cashier="Kiosk",
            action="connect",
            expires_at=bound,
            channel=3,
        ),
        "unsent": await redeem(
            outbox, worker, transport, lane="3", cashier="Rina", action="connect"
        ),
    }
    try:
        refusal = {
            "cashier": "Rina",
            "terminal": "till-1",
            "lane": "member:3",
            "kind": "reward",
            "description": "Reward 1",
            "source": "offline_policy",
        }
        reason = {"id": "policy.kiosk_offline", "params": {}}
        voided = await outbox.void_unsent(
            ids["unsent"], reason=reason, refusal=refusal, who="till", terminal="till-1"
        )
        assert voided is not None
        clock.advance(121)
        await worker.run_once(reconcile=False)
        rows = {r.entry_id: r for r in await History(db).rows()}
        pin, kiosk = rows[ids["pin"]], rows[ids["kiosk"]]
        assert pin.status is kiosk.status is EntryStatus.EXPIRED
        assert (pin.kiosk, kiosk.kiosk) == (False, True)
        assert str(pin.standing) == "PIN authorisation ran out"
        assert str(kiosk.standing) == "Not redeemed: not sent in time"

        start = clock.now() - timedelta(hours=1)
        summary = await summarise(History(db), start, start + timedelta(days=1))
        assert sorted((line.cashier, line.standing) for line in summary.lines) == [
            ("Kiosk", "not_sent_in_time"),
            ("Rina", "expired"),
            ("Rina", "not_redeemed"),  # a KeyError ended the summary before
        ]
        out = io.StringIO()
        write_summary_csv(out, summary, start.date())
        assert "not_sent_in_time" in out.getvalue()
    finally:
        await worker.stop()
        await outbox.close()


async def test_a_refusal_without_a_reason_reads_as_the_cashier_read_it(day: Day) -> None:
    # a 400 whose body says nothing usable: the till records its own status line, which is no
    # reason; the manager's exception and a refused cancel say what the cashier's panel said
    transport = FakeTransport()
    worker = SyncWorker(day.outbox, transport, name="w-bare")
    await worker.run_once(reconcile=False)  # the day's queued entry goes first: out of the way
    bare = ValidationFailed("400 Bad Request", status_code=400)
    refused = await redeem(day.outbox, worker, transport, lane="6", cashier="Rina", action=bare)
    entry = await day.outbox.get(refused)
    assert entry is not None and entry.status == EntryStatus.REJECTED
    cashier_read = receipt_for(entry).details
    assert cashier_read is not None and cashier_read.id == "server.refused_silently"

    items = {item.row.entry_id: item for item in await day.history.exceptions()}
    assert items[refused].said == cashier_read
    assert "400" not in items[refused].reason

    confirmed = await redeem(
        day.outbox, worker, transport, lane="6", cashier="Rina", action="apply"
    )
    await day.outbox.cancel(confirmed, note="wrong reward", **WHO)
    transport.script = [ValidationFailed("400 Bad Request", status_code=400)]
    await worker.run_once(reconcile=False)
    details = await day.history.details(confirmed)
    assert details is not None and details.row.cancel is not None
    assert details.row.cancel.headline.id == "cancel.refused_silently"
    assert "400" not in str(details.row.cancel.headline)


async def test_an_exception_carries_the_rows_of_the_redemptions_its_evidence_names(
    day: Day,
) -> None:
    # The pane named them by their long ids: the till reads them, so they can be named as the
    # rest of manager mode names redemptions (member, reward, time).
    item = await _evidence_of_the_unknown(
        day,
        {
            "result": "ambiguous: 2 unknown entries could own 1 line",
            "rivals": [day.ids["confirmed"], "gone"],
            "waiting_on": [day.ids["queued"]],
        },
    )
    named = {row.entry_id: row for row in item.others}
    assert set(named) == {day.ids["confirmed"], day.ids["queued"]}  # "gone" is no entry
    assert named[day.ids["confirmed"]].member == "Ayu Pratiwi"


async def test_the_redemptions_a_failed_looks_earlier_look_names_are_named_too(
    day: Day,
) -> None:
    # a look that could not read the feed keeps the last one that did apart, with its lists
    item = await _evidence_of_the_unknown(
        day,
        {
            "result": "feed_unreadable",
            "error": "ConnectionFailed: offline",
            "look_before": {"result": "deferred", "waiting_on": [day.ids["queued"]]},
        },
    )
    assert [row.entry_id for row in item.others] == [day.ids["queued"]]


async def test_a_page_s_count_is_what_its_filters_match_beyond_its_limit(day: Day) -> None:
    every_row = await day.history.rows()
    assert len(every_row) > 1
    assert await day.history.count(HistoryFilter(limit=1)) == len(every_row)
    rinas = await day.history.rows(HistoryFilter(cashier="rina"))
    assert await day.history.count(HistoryFilter(cashier="RINA", limit=1)) == len(rinas) == 3
    assert await day.history.count(HistoryFilter(member="nobody@example.com")) == 0
    assert await day.audit.count(AuditFilter(limit=1)) == 2
    assert await day.audit.count(AuditFilter(who="ayu", action="cancel", limit=1)) == 1
    assert len(await day.audit.lines(AuditFilter(limit=None))) == 2


async def test_a_redemption_found_cancelled_in_the_members_activity_reads_cancelled(
    day: Day,
) -> None:
    # Its answer was lost; a manager cancelled it from the Stamps dashboard before the feed was
    # read. Reconciled as "Confirmed", History, the end of day and the shift's CSV counted a
    # redemption the server no longer held, and its stamps as spent.
    transport = FakeTransport()
    worker = SyncWorker(day.outbox, transport, name="feed")
    await worker.run_once(reconcile=False)  # the day's queued entry goes first
    lost = await redeem(
        day.outbox, worker, transport, lane="8", cashier="Rina", action="applied_lost"
    )
    _, line = transport.server.feed[-1]
    transport.server.feed[-1] = ("8@example.com", replace(line, status=2))
    assert await worker.reconcile_due() == 1
    await worker.stop()

    [row] = await day.history.rows(HistoryFilter(entry_ids=frozenset({lost})))
    assert row.status is EntryStatus.SYNCED and row.verdict is Verdict.CANCELLED
    assert english(row.standing) == "Cancelled on the Stamps server"
    assert row.line_status == "cancelled"
    cancelled = await day.history.rows(HistoryFilter.standing("cancelled"))
    assert lost in [r.entry_id for r in cancelled]
    confirmed = await day.history.rows(HistoryFilter.standing("confirmed"))
    assert lost not in [r.entry_id for r in confirmed]

    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    summary = await summarise(day.history, start.created_at, start.created_at + timedelta(days=1))
    rina = {(line.standing, line.stamps) for line in summary.lines if line.cashier == "Rina"}
    assert ("cancelled", 10) in rina

    # nothing is left to cancel: "cancel it on the Stamps dashboard" was said of it
    details = await day.history.details(lost)
    assert details is not None and details.dashboard_only is not None
    nothing_left = "Nothing to cancel: the member's activity shows the Stamps server cancelled"
    assert english(details.dashboard_only).startswith(nothing_left)
    with pytest.raises(OutboxError, match=nothing_left):
        await day.outbox.cancel(lost, note="customer changed their mind", **WHO)

    entry = await day.outbox.get(lost)
    assert entry is not None
    # the audit trail's line and its CSV keep what the line said, in the till's stored words
    [found] = await day.audit.lines(AuditFilter(action="reconciled", entry_id=lost))
    assert found.detail["line"]["line_status"] == "cancelled"
    said = feed_line_said(found.detail["line"])
    assert said is not None and english(said) == "cancelled on the Stamps server since"
    stream = io.StringIO()
    write_audit_csv(stream, [found])
    [csv_line] = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert '"line_status": "cancelled"' in csv_line["detail"]

    [shift_row] = shift_rows([entry], [])
    assert shift_row.status is Verdict.CANCELLED
    assert shift_row.as_csv()["reason"] == (
        "Found in the member's activity, so it reached the Stamps server, where it has been "
        "cancelled since."
    )


@pytest.mark.parametrize(
    ("status", "cancel_reads", "cancel_says"),
    [
        # the line stands: no server id to send the cancel with, only the dashboard can
        (
            1,
            "Cancel not sent",
            "This redemption was confirmed without a server id (found in the member's activity, "
            "or marked applied): cancel it on the Stamps dashboard.",
        ),
        # the server cancelled it already: nothing is left to cancel, there either
        (
            2,
            "Nothing to cancel",
            "Nothing to cancel: the member's activity shows the Stamps server cancelled this "
            "redemption already.",
        ),
    ],
)
async def test_a_cancel_asked_while_its_redemption_was_unknown_says_how_it_ended(
    day: Day, status: int, cancel_reads: str, cancel_says: str
) -> None:
    # It read "Cancel refused: the redemption was confirmed without a server id (reconciled or
    # marked applied): cancel it in the Stamps dashboard", the till's English record quoted as
    # the server's refusal, in either case.
    transport = FakeTransport()
    worker = SyncWorker(day.outbox, transport, name="feed")
    await worker.run_once(reconcile=False)  # the day's queued entry goes first
    lost = await redeem(
        day.outbox, worker, transport, lane="8", cashier="Rina", action="applied_lost"
    )
    cancel = await day.outbox.cancel(lost, note="customer changed their mind", **WHO)
    _, line = transport.server.feed[-1]
    transport.server.feed[-1] = ("8@example.com", replace(line, status=status))
    assert await worker.reconcile_due() == 1
    await worker.run_once(reconcile=False)
    await worker.stop()

    ended = await day.outbox.get(cancel.id)
    assert ended is not None
    receipt = receipt_for(ended)
    assert english(receipt.headline) == cancel_reads
    assert receipt.details is not None and english(receipt.details) == cancel_says
    [row] = await day.history.rows(HistoryFilter(entry_ids=frozenset({lost})))
    if status == 1:
        assert row.cancel is not None and row.cancel.reason is not None
        assert english(row.cancel.headline) == "Cancel not sent: cancel it on the Stamps dashboard"
        assert english(row.cancel.reason) == cancel_says
        assert row.cancel.needs_dashboard
        # in Exceptions: named by its redemption (it read "Cancel of server redemption ?"), and
        # not to be sent again, which would be held and ended so again
        [item] = [i for i in await day.history.exceptions() if i.row.entry_id == cancel.id]
        assert item.row.needs_dashboard and item.row.description is None
        assert item.row.cancels_what is not None and item.row.cancels_what == row.description
        found = await day.history.details(cancel.id)
        assert found is not None and found.allowed == frozenset({"dismiss"})
        # the server refused nothing: the redemption stands, under "Confirmed" only
        refused = await day.history.rows(HistoryFilter.standing("refused"))
        assert lost not in [r.entry_id for r in refused]
        confirmed = await day.history.rows(HistoryFilter.standing("confirmed"))
        assert lost in [r.entry_id for r in confirmed]
    else:  # nothing was sent: the redemption's row says what became of it
        assert row.cancel is None
        assert english(row.standing) == "Cancelled on the Stamps server"


async def test_a_status_the_till_does_not_know_is_counted_confirmed_and_says_so(day: Day) -> None:
    transport = FakeTransport()
    worker = SyncWorker(day.outbox, transport, name="feed")
    await worker.run_once(reconcile=False)  # the day's queued entry goes first
    lost = await redeem(
        day.outbox, worker, transport, lane="8", cashier="Rina", action="applied_lost"
    )
    _, line = transport.server.feed[-1]
    # 3, "Open": a status the till has no words for
    transport.server.feed[-1] = ("8@example.com", replace(line, status=3))
    assert await worker.reconcile_due() == 1
    await worker.stop()
    [row] = await day.history.rows(HistoryFilter(entry_ids=frozenset({lost})))
    assert row.verdict is Verdict.CONFIRMED and row.line_status == "unread"
    entry = await day.outbox.get(lost)
    assert entry is not None
    details = receipt_for(entry).details
    assert details is not None and "a status the till does not know (3)" in english(details)


async def test_one_reconciled_before_the_till_kept_its_lines_status_says_so(day: Day) -> None:
    # Reconciled by a till that did not keep what the line said: its row read "Confirmed" with
    # nothing said in the shift's list and History, though the line may have said "Canceled".
    transport = FakeTransport()
    worker = SyncWorker(day.outbox, transport, name="feed")
    await worker.run_once(reconcile=False)  # the day's queued entry goes first
    lost = await redeem(
        day.outbox, worker, transport, lane="8", cashier="Rina", action="applied_lost"
    )
    _, line = transport.server.feed[-1]
    transport.server.feed[-1] = ("8@example.com", line)  # the feed is asked by email
    assert await worker.reconcile_due() == 1
    await worker.stop()

    def as_the_earlier_till_kept_it(session: Session) -> None:
        entry = session.get(OutboxEntry, lost)
        assert entry is not None
        entry.evidence = {
            k: v
            for k, v in (entry.evidence or {}).items()
            if k not in (LINE_STATUS, LINE_STATUS_SAID)
        }
        session.add(entry)

    await day.outbox.db.write(as_the_earlier_till_kept_it)
    [row] = await day.history.rows(HistoryFilter(entry_ids=frozenset({lost})))
    assert row.verdict is Verdict.CONFIRMED and row.line_status == "not_kept"
    entry = await day.outbox.get(lost)
    assert entry is not None
    [shift_row] = shift_rows([entry], [])
    assert shift_row.as_csv()["reason"].startswith(
        "Found in the member's activity, so it reached the Stamps server, before this till kept "
        "what its line said"
    )


async def test_an_entry_retried_for_days_still_says_every_try_once_its_attempts_are_folded(
    db_path: Path, clock: ManualClock
) -> None:
    # The server unreachable for 30 tries, then the upkeep's fold: the details list the first
    # 3 and the last 20, and still say 30 tries, 7 counted in one line.
    db = Database(db_path)
    outbox = Outbox(db, OutboxPolicy(idempotency_honoured=False), RetryPolicy(random=lambda: 0.5))
    transport = FakeTransport()
    worker = SyncWorker(outbox, transport, name="w")
    try:
        entry_id = await redeem(
            outbox, worker, transport, lane="1", cashier="Rina", action="connect"
        )
        for _ in range(29):
            clock.advance(600)  # past the backoff's cap
            transport.script = ["connect"]
            await worker.run_once(reconcile=False)
        assert await fold_all_attempts(db) == 7
        details = await History(db).details(entry_id)
        assert details is not None
        row = details.row
        assert row.tries == 30
        assert [a.number for a in row.attempts] == [1, 2, 3, *range(11, 31)]
        (folded,) = row.folded
        assert (folded.outcome, folded.count) == ("never_arrived", 7)
        (listed,) = await History(db).rows(HistoryFilter())
        assert listed.tries == 30 and listed.folded == row.folded
    finally:
        await worker.stop()
        await outbox.close()


async def test_a_redemption_a_manager_marked_applied_is_counted_apart_from_confirmed(
    day: Day,
) -> None:
    # End of day counted it as plain "Confirmed" while History said "Confirmed by a manager":
    # the server never said so, and a manager reconciling needs the two apart.
    await day.outbox.mark_applied(day.ids["unknown"], note="seen on the dashboard", **WHO)
    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    summary = await summarise(day.history, start.created_at, start.created_at + timedelta(days=1))
    rina = [
        (line.standing, line.count, line.stamps) for line in summary.lines if line.cashier == "Rina"
    ]
    assert rina == [("confirmed", 1, 10), ("confirmed_by_manager", 1, 5), ("refused", 1, 10)]
    row = await day.history.details(day.ids["unknown"])
    assert row is not None and english(row.row.standing) == "Confirmed by a manager"
    assert english(standing_name("confirmed_by_manager")) == "Confirmed by a manager"


async def test_an_unknown_redemption_reads_by_the_one_name_of_its_state(day: Day) -> None:
    # History read "NOT CONFIRMED — do not hand over yet" (the cashier's instruction) beside a
    # filter and an End of day saying "Not confirmed (unknown)" and "Not confirmed".
    details = await day.history.details(day.ids["unknown"])
    assert details is not None and details.row.status is EntryStatus.UNKNOWN
    assert english(details.row.standing) == "Not confirmed"
    assert english(standing_name("not_confirmed")) == "Not confirmed"


async def test_the_summary_csv_leaves_the_rupiah_of_rewards_empty(day: Day) -> None:
    # A reward has no Rupiah value: its cell read 0, as if vouchers worth nothing were spent.
    start = await day.outbox.get(day.ids["confirmed"])
    assert start is not None
    summary = await summarise(day.history, start.created_at, start.created_at + timedelta(days=1))
    out = io.StringIO()
    write_summary_csv(out, summary, start.created_at.astimezone().date())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {(r["kind"], r["rupiah"]) for r in rows} == {
        ("cancel", ""),
        ("reward", ""),
        ("deduct", "50000"),
    }
