"""Manager mode: nothing a manager does is possible without a manager in it; it ends when left,
when another manager signs in, or after two idle minutes (moved on the clock)."""

from __future__ import annotations

import csv
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus, OperationKind
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.outbox.claim import NEEDS_DASHBOARD
from app.core.services import audit_log
from app.core.services.audit_log import AuditFilter, AuditLog
from app.core.services.fields import FieldRefused
from app.core.services.manager_mode import (
    IDLE_LIMIT,
    DecisionRefused,
    Manager,
    ManagerMode,
    ManagerRequired,
    MemberNeeded,
    NewPinNeeded,
)
from app.core.services.receipts import Receipt, receipt_for
from app.core.services.staff import Role, Staff, WrongPin
from app.core.storage import AuditEvent, OutboxEntry
from app.core.storage.problems import disk_full

from ..outbox.fakes import FakeTransport
from .conftest import StaffFactory

PIN = Secret("246810")


@dataclass
class Config:
    terminal: str = "till-1"
    channel: Channel = Channel.POS
    store: int = 7


class StandInRedeemer:
    """What manager mode uses of a till's redeemer."""

    async def authorize_pin(self, member: Any, pin: Secret) -> str:
        raise AssertionError("not authorised in these tests")

    def send_by(self, request_id: str | None, *, kiosk: bool) -> datetime | None:
        return None  # none of these tests' entries has a PIN or is the kiosk's


class StandInLookup:
    """What manager mode uses of the till's members: none, until a test says otherwise."""

    async def find_member(self, query: str) -> Any:
        raise AssertionError("not looked up in these tests")


@dataclass
class StandInTill:
    """What manager mode uses of a till, on a real outbox and the fake server."""

    outbox: Outbox
    worker: SyncWorker
    config: Config = field(default_factory=Config)
    redeemer: StandInRedeemer = field(default_factory=StandInRedeemer)

    lookup: StandInLookup = field(default_factory=StandInLookup)

    async def receipt(self, entry: OutboxEntry) -> Receipt:
        return receipt_for(entry)


@pytest.fixture
async def mode(open_staff: StaffFactory, clock: ManualClock) -> AsyncIterator[ManagerMode]:
    staff = await open_staff()
    outbox = Outbox(staff.db, OutboxPolicy(idempotency_honoured=True), RetryPolicy())
    worker = SyncWorker(outbox, FakeTransport(), name="w")
    await staff.add_first_manager("Ayu", PIN)
    yield ManagerMode(StandInTill(outbox, worker), staff)  # type: ignore[arg-type]
    await worker.stop()


def outbox_of(mode: ManagerMode) -> Outbox:
    outbox: Outbox = mode.till.outbox
    return outbox


async def queued_entry(mode: ManagerMode) -> str:
    entry = await outbox_of(mode).enqueue(
        OperationKind.REWARD,
        {"user": "m1", "reward": 1, "store": 7},
        lane="m1",
        user="m1",
        cashier="Rina",
        terminal="till-1",
    )
    return entry.id


async def audit_rows(mode: ManagerMode) -> list[tuple[str, str]]:
    rows = await mode.staff.db.read(
        lambda s: list(s.execute(sa.select(AuditEvent).order_by(sa.column("id"))).scalars())
    )
    return [(r.who, r.action) for r in rows]


Action = Callable[[ManagerMode, str], Awaitable[object]]
ACTIONS: dict[str, Action] = {
    "add manager": lambda m, _: m.add_manager("Budi", Secret("135790")),
    "add cashier": lambda m, _: m.add_cashier("Rina"),
    "rename": lambda m, _: m.rename(Role.MANAGER, "Ayu", "Ayu P"),
    "disable": lambda m, _: m.disable(Role.MANAGER, "Ayu"),
    "enable": lambda m, _: m.enable(Role.MANAGER, "Ayu"),
    "set pin": lambda m, _: m.set_pin(Role.MANAGER, "Ayu", Secret("135790")),
    "import cashiers": lambda m, _: m.import_cashiers(["Rina"]),
    "cancel": lambda m, entry: m.cancel(entry),
    "cancel by server id": lambda m, _: m.cancel_by_server_id(5, member="m1"),
    "retry": lambda m, entry: m.retry(entry, note="again"),
    "mark applied": lambda m, entry: m.mark_applied(entry, note="seen"),
    "dismiss": lambda m, entry: m.dismiss(entry, note="closed"),
}


@pytest.mark.parametrize("name", list(ACTIONS))
async def test_no_manager_action_without_a_manager(mode: ManagerMode, name: str) -> None:
    entry = await queued_entry(mode)
    before = await audit_rows(mode)
    with pytest.raises(ManagerRequired, match="must sign in"):
        await ACTIONS[name](mode, entry)
    assert await audit_rows(mode) == before
    stored = await outbox_of(mode).get(entry)
    assert stored is not None and stored.status == EntryStatus.QUEUED
    assert [e.id for e in await outbox_of(mode).entries()] == [entry]


@pytest.mark.parametrize("name", list(ACTIONS))
async def test_no_manager_action_after_two_idle_minutes(
    mode: ManagerMode, clock: ManualClock, name: str
) -> None:
    entry = await queued_entry(mode)
    await mode.enter("Ayu", PIN)
    clock.advance(IDLE_LIMIT + 1)
    assert mode.current is None
    with pytest.raises(ManagerRequired, match="2 minutes idle"):
        await ACTIONS[name](mode, entry)


async def test_an_action_keeps_manager_mode_open(mode: ManagerMode, clock: ManualClock) -> None:
    await mode.enter("Ayu", PIN)
    for _ in range(3):
        clock.advance(IDLE_LIMIT - 1)
        await mode.add_cashier(f"Kasir {_}")
    clock.advance(IDLE_LIMIT - 1)
    mode.touch()  # input in a manager screen counts too
    clock.advance(IDLE_LIMIT - 1)
    assert mode.current is not None and mode.current.name == "Ayu"


async def test_a_hold_keeps_manager_mode_while_the_manager_watches_then_idle_time_runs(
    mode: ManagerMode, clock: ManualClock
) -> None:
    # The manager watches an answer they asked for come in (a retry's first answer): however
    # long the till waits for it, manager mode does not end under them...
    await mode.enter("Ayu", PIN)
    release = mode.hold()
    clock.advance(IDLE_LIMIT * 3)
    assert mode.current is not None
    # ...and once it has come, the usual two minutes run from then, not for ever.
    release()
    clock.advance(IDLE_LIMIT - 1)
    release()  # a second release (the dialog closed after its answer came) holds nothing
    assert mode.current is not None
    clock.advance(2)
    assert mode.current is None
    with pytest.raises(ManagerRequired, match="2 minutes idle"):
        mode.require()


async def test_a_hold_outlives_no_session(mode: ManagerMode, clock: ManualClock) -> None:
    # Left while an answer was awaited: the next manager's session is not held by it, and its
    # release brings nobody back.
    await mode.enter("Ayu", PIN)
    release = mode.hold()
    await mode.leave()
    await mode.enter("Ayu", PIN)
    clock.advance(IDLE_LIMIT + 1)
    assert mode.current is None
    release()
    assert mode.current is None
    await mode.leave()
    mode.hold()()  # nobody in it: nothing to hold, nobody to bring back
    assert mode.current is None


async def test_entering_leaving_and_listeners(mode: ManagerMode) -> None:
    seen: list[Manager | None] = []
    mode.add_listener(seen.append)
    manager = await mode.enter("ayu", PIN)
    assert manager.name == "Ayu" and mode.require() == manager
    await mode.leave()
    assert mode.current is None and seen == [manager, None]
    with pytest.raises(ManagerRequired):
        mode.require()
    assert await audit_rows(mode) == [
        ("Ayu", "manager_added"),
        ("Ayu", "sign_in"),
        ("Ayu", "manager_mode_left"),
    ]


async def test_a_failed_sign_in_ends_the_previous_managers_session(mode: ManagerMode) -> None:
    await mode.enter("Ayu", PIN)
    await mode.add_manager("Budi", Secret("135790"))
    with pytest.raises(WrongPin):
        await mode.enter("Budi", Secret("000000"))
    assert mode.current is None


async def test_actions_are_audited_under_the_manager_in_manager_mode(mode: ManagerMode) -> None:
    entry = await queued_entry(mode)
    await mode.enter("Ayu", PIN)
    await mode.add_manager("Budi", Secret("135790"))
    await mode.enter("Budi", Secret("135790"))
    receipt = await mode.cancel(entry, note="wrong member")
    assert receipt.status is EntryStatus.VOIDED
    assert (await audit_rows(mode))[-2:] == [("Budi", "sign_in"), ("Budi", "void")]


async def test_notes_are_checked_and_required_for_decisions(mode: ManagerMode) -> None:
    entry = await queued_entry(mode)
    await mode.enter("Ayu", PIN)
    with pytest.raises(FieldRefused, match="required"):
        await mode.dismiss(entry, note="   ")
    with pytest.raises(FieldRefused, match="control"):
        await mode.cancel(entry, note="bad\x07")
    with pytest.raises(DecisionRefused, match="waiting to be sent: decide only once"):
        await mode.dismiss(entry, note="nothing to dismiss")
    with pytest.raises(DecisionRefused, match="no outbox entry"):
        await mode.retry("missing", note="again")
    with pytest.raises(DecisionRefused, match="above zero"):
        await mode.cancel_by_server_id(0, member="m1")


async def test_a_remote_redemption_needs_its_member(mode: ManagerMode) -> None:
    await mode.enter("Ayu", PIN)
    with pytest.raises(MemberNeeded, match="not made on this till"):
        await mode.cancel_by_server_id(777)
    assert await outbox_of(mode).entries() == []


async def pin_entry(mode: ManagerMode, status: EntryStatus) -> str:
    """A redemption the member's PIN authorised, left in ``status``."""
    entry = await outbox_of(mode).enqueue(
        OperationKind.REWARD,
        {
            "user": "m1",
            "reward": 1,
            "store": 7,
            "request_id": "01a00000-0000-7000-8000-000000000001",
        },
        lane="m1",
        user="m1",
        cashier="Rina",
        terminal="till-1",
        entry_id="01a00000-0000-7000-8000-000000000001",
    )

    def settle(session: Any) -> None:
        row = session.get(OutboxEntry, entry.id)
        row.status = status
        session.add(row)

    await mode.staff.db.write(settle)
    return entry.id


async def test_a_pin_redemption_asks_for_the_pin_again(mode: ManagerMode) -> None:
    entry_id = await pin_entry(mode, EntryStatus.REJECTED)
    await mode.enter("Ayu", PIN)
    assert await mode.retry_needs_pin(entry_id)
    with pytest.raises(NewPinNeeded, match="ask for their PIN again"):
        await mode.retry(entry_id, note="member is back")


@pytest.mark.parametrize("status", [EntryStatus.QUEUED, EntryStatus.DISMISSED])
async def test_an_entry_that_cannot_be_retried_is_refused_before_the_pin(
    mode: ManagerMode, status: EntryStatus
) -> None:
    # retried twice from the command line: the second time the entry is dismissed ("retried
    # as …"), and the member must not type their PIN, nor the server check it, for nothing
    entry_id = await pin_entry(mode, status)
    await mode.enter("Ayu", PIN)
    with pytest.raises(DecisionRefused):
        await mode.retry(entry_id, note="member is back", member_pin=Secret("123456"))
    with pytest.raises(DecisionRefused):
        await mode.retry_needs_pin(entry_id)


async def test_a_members_pin_checked_for_a_retry_queues_nothing_until_it_is_sent(
    mode: ManagerMode, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window's PIN pad may be closed while the server checks the member's PIN: the manager
    # then believes nothing was sent, so the check alone must queue nothing (it queued the retry
    # as soon as the PIN was taken, the pad closed or not).
    entry_id = await pin_entry(mode, EntryStatus.REJECTED)
    await mode.enter("Ayu", PIN)
    checked: list[str] = []

    async def find_member(query: str) -> str:
        return query

    async def authorize_pin(member: str, pin: Secret) -> str:
        checked.append(member)
        return "01a00000-0000-7000-8000-0000000000a2"

    monkeypatch.setattr(mode.till.lookup, "find_member", find_member)
    monkeypatch.setattr(mode.till.redeemer, "authorize_pin", authorize_pin)
    authorised = await mode.authorise_retry(entry_id, Secret("135790"))
    assert checked == ["m1"]
    assert [e.id for e in await outbox_of(mode).entries()] == [entry_id]
    assert "135790" not in repr(authorised)
    receipt = await mode.retry(entry_id, note="member is back", authorised=authorised)
    new = next(e for e in await outbox_of(mode).entries() if e.id == receipt.entry_id)
    assert new.payload["request_id"] == "01a00000-0000-7000-8000-0000000000a2"
    assert checked == ["m1"]  # the PIN checked once, for the retry it was asked for


async def test_staff_accounts_through_manager_mode(mode: ManagerMode) -> None:
    staff: Staff = mode.staff
    await mode.enter("Ayu", PIN)
    await mode.add_cashier("Rina", Secret("2580"))
    await mode.rename(Role.CASHIER, "Rina", "Rina Wati")
    await mode.set_pin(Role.CASHIER, "Rina Wati", None)
    await mode.disable(Role.CASHIER, "Rina Wati")
    await mode.enable(Role.CASHIER, "Rina Wati")
    result = await mode.import_cashiers(["Wayan", "rina wati"])
    assert result.added == ("Wayan",)
    accounts = await staff.accounts(Role.CASHIER)
    assert [(a.name, a.active, a.has_pin) for a in accounts] == [
        ("Rina Wati", True, False),
        ("Wayan", True, False),
    ]


async def test_the_audit_log_s_csv_holds_every_line_its_filters_describe_not_only_a_page(
    mode: ManagerMode, tmp_path: Path
) -> None:
    # The window's page holds the newest 5,000 lines; a year's CSV was cut there.
    await mode.enter("Ayu", PIN)
    for number in range(4):
        await mode.staff.audit_action("Ayu", "settings_changed", number=number)
    mode.till.audit = AuditLog(mode.staff.db)  # type: ignore[attr-defined]
    path = tmp_path / "audit.csv"
    wanted = AuditFilter(action="settings_changed", limit=2)
    assert await mode.export_audit_log(wanted, path) == 4
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert [json.loads(row["detail"])["number"] for row in written] == [0, 1, 2, 3]


async def test_the_audit_log_s_csv_is_written_as_the_log_is_read_a_page_at_a_time(
    mode: ManagerMode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A year's log is some 100,000 lines: the CSV read them all into memory before writing one.
    monkeypatch.setattr(audit_log, "EXPORT_PAGE", 3, raising=False)
    await mode.enter("Ayu", PIN)
    for number in range(10):
        await mode.staff.audit_action("Ayu", "settings_changed", number=number)
    mode.till.audit = AuditLog(mode.staff.db)  # type: ignore[attr-defined]
    reads: list[str] = []

    def read(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        words = " ".join(statement.split())
        if words.startswith("SELECT audit_log.id, audit_log.at") or "FROM (SELECT" in words:
            reads.append(words)

    engine = mode.staff.db._read_engine  # the readers' engine: what the export reads
    sa.event.listen(engine, "before_cursor_execute", read)
    try:
        path = tmp_path / "audit.csv"
        count = await mode.export_audit_log(AuditFilter(action="settings_changed"), path)
    finally:
        sa.event.remove(engine, "before_cursor_execute", read)
    with path.open(encoding="utf-8", newline="") as handle:
        numbers = [json.loads(row["detail"])["number"] for row in csv.DictReader(handle)]
    assert (count, numbers) == (10, list(range(10)))
    # the lines were read in pages of 3 (10 lines: 3, 3, 3, 1), never all at once
    assert len(reads) == 4 and all("LIMIT" in words for words in reads)


async def test_on_a_full_disk_a_manager_exports_the_audit_log_to_another_disk_and_leaves(
    mode: ManagerMode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await mode.enter("Ayu", PIN)
    mode.till.audit = AuditLog(mode.staff.db)  # type: ignore[attr-defined]
    told: list[object] = []
    mode.add_listener(told.append)
    db = mode.staff.db

    async def refused(*_: object, **__: object) -> object:
        raise disk_full(db.path)

    monkeypatch.setattr(db, "_write", refused)  # the till's disk fills
    path = tmp_path / "usb" / "audit.csv"
    path.parent.mkdir()
    # written, not "the disk is full": only the export's own audit line cannot be kept
    assert await mode.export_audit_log(None, path) == 2
    assert "sign_in" in path.read_text(encoding="utf-8")
    await mode.leave()  # out, and the window told so, though the line cannot be written
    assert mode.current is None and told == [None]
    monkeypatch.undo()
    assert await audit_rows(mode) == [("Ayu", "manager_added"), ("Ayu", "sign_in")]


async def test_a_cancel_the_till_never_sent_for_want_of_a_server_id_is_not_sent_again(
    mode: ManagerMode,
) -> None:
    # Its redemption was confirmed without a server id (found in the member's activity, or
    # marked applied): sent again, the cancel was held and ended the same way, for nothing. Only
    # the Stamps dashboard can cancel that redemption.
    redemption = await pin_entry(mode, EntryStatus.UNKNOWN)
    cancel = await outbox_of(mode).cancel(redemption, who="Ayu", terminal="till-1")

    def refuse(session: Any) -> None:
        # as the sweep ends it once the member's activity confirmed the redemption
        session.get(OutboxEntry, redemption).status = EntryStatus.SYNCED
        row = session.get(OutboxEntry, cancel.id)
        row.status, row.last_error = EntryStatus.REJECTED, NEEDS_DASHBOARD
        session.add(row)

    await mode.staff.db.write(refuse)
    await mode.enter("Ayu", PIN)
    with pytest.raises(DecisionRefused, match="cancel it on the Stamps dashboard"):
        await mode.retry(cancel.id, note="try again")
    with pytest.raises(DecisionRefused, match="cancel it on the Stamps dashboard"):
        await mode.retry_needs_pin(cancel.id)
    assert len(await outbox_of(mode).entries()) == 2  # nothing new queued
    await mode.dismiss(cancel.id, note="cancelled on the dashboard")  # what is left to do
