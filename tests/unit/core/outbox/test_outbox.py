"""The outbox's own API: enqueue, cancel, manager actions, waiting, status."""

from __future__ import annotations

import asyncio
import stat
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox import (
    ForbiddenPayload,
    Outbox,
    OutboxError,
    OutboxPolicy,
    SubmitResult,
    SyncWorker,
)
from app.core.outbox.admission import PromoOnInvoice
from app.core.outbox.claim import CANCELLED_ON_SERVER

from .conftest import NOT_HONOURED, OutboxFactory, enqueue_reward, settle
from .fakes import FakeTransport

WHO = {"who": "mgr", "terminal": "till-1"}


async def test_enqueue_commits_a_uuid7_entry_in_seq_order(outbox: Outbox) -> None:
    first = await enqueue_reward(outbox)
    second = await enqueue_reward(outbox)
    assert uuid.UUID(first.id).version == 7
    assert (first.seq, second.seq) == (1, 2)
    stored = await outbox.get(first.id)
    assert stored is not None and stored.status == EntryStatus.QUEUED
    assert (stored.cashier, stored.terminal, stored.expect_store) == ("ayu", "till-1", 7)


@pytest.mark.parametrize(
    "payload",
    [
        {"pin": "123456"},
        {"Token": "x"},
        {"rewards": [{"code": "a", "PIN": 1}]},
        {"a": {"token": 1}},
    ],
)
async def test_enqueue_refuses_a_pin_or_token(outbox: Outbox, payload: dict[str, object]) -> None:
    with pytest.raises(ForbiddenPayload):
        await outbox.enqueue(
            OperationKind.REWARD, payload, lane="m", user="m", cashier="c", terminal="t"
        )
    assert await outbox.entries() == []


async def test_enqueue_with_a_pin_request_id_is_idempotent(outbox: Outbox) -> None:
    request_id = str(uuid.uuid4())
    one = await enqueue_reward(outbox, entry_id=request_id)
    two = await enqueue_reward(outbox, entry_id=request_id)
    assert one.id == two.id == request_id
    assert len(await outbox.entries()) == 1
    with pytest.raises(OutboxError):
        await enqueue_reward(outbox, entry_id=request_id, stamps=99)


async def enqueue_promo(
    outbox: Outbox, code: str = "NGOPIPAGI", invoice: str = "INV-0001", lane: str = "member:6"
) -> object:
    """A promo as the till queues it, going once on its invoice; the entry, or the refusal."""
    payload = {"user": "ayu", "store": 7, "promo_code": code, "invoice_number": invoice}
    try:
        return await outbox.enqueue(
            OperationKind.PROMO, payload, lane=lane, user="ayu", cashier="ayu",
            terminal="till-1", once_on_invoice=(code, invoice),
        )  # fmt: skip
    except PromoOnInvoice as refused:
        return refused


@pytest.mark.parametrize("processes", [1, 2])
async def test_a_promo_enqueued_twice_at_once_on_one_invoice_is_queued_once(
    make_outbox: OutboxFactory, processes: int
) -> None:
    # Read before the enqueue's transaction, both of two promos a few milliseconds apart found
    # none on the invoice and both were queued.
    outboxes = [await make_outbox() for _ in range(processes)]
    done = await asyncio.gather(*(enqueue_promo(outboxes[i % processes]) for i in range(2)))
    [queued] = [d for d in done if not isinstance(d, PromoOnInvoice)]
    [refused] = [d for d in done if isinstance(d, PromoOnInvoice)]
    assert refused.earlier == queued.id  # type: ignore[attr-defined]
    # the code in another case, the invoice with spaces around it: the same promo on that sale
    again = await enqueue_promo(outboxes[0], "ngopipagi", " INV-0001 ")
    assert isinstance(again, PromoOnInvoice)
    # another receipt, another member: another sale
    other_sale = await enqueue_promo(outboxes[0], invoice="INV-0002")
    other_member = await enqueue_promo(outboxes[0], lane="member:7")
    assert not isinstance(other_sale, PromoOnInvoice)
    assert not isinstance(other_member, PromoOnInvoice)
    assert len(await outboxes[0].entries()) == 3


async def test_cancel_of_a_never_sent_entry_voids_it(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    voided = await outbox.cancel(entry.id, **WHO)
    assert voided.id == entry.id and voided.status == EntryStatus.VOIDED
    assert await outbox.claim("w") is None
    assert [a.action for a in await outbox.audit_log(entry.id)] == ["void"]


async def test_cancel_after_never_arrived_attempts_still_voids(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    await outbox.record(claimed, Outcome.NEVER_ARRIVED)
    voided = await outbox.cancel(entry.id, **WHO)
    assert voided.status == EntryStatus.VOIDED


async def test_cancel_after_an_ambiguous_attempt_is_a_cancel_entry(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["applied_lost"]
    await worker.run_once()
    cancel = await outbox.cancel(entry.id, True, **WHO)
    assert (cancel.kind, cancel.status, cancel.lane) == ("cancel", "queued", entry.lane)
    assert (cancel.depends_on, cancel.cancels) == (entry.id, entry.id)
    assert (await outbox.cancel(entry.id, **WHO)).id == cancel.id  # twice: the same cancel
    clock.advance(5)
    await worker.run_once()  # the redemption, resent under its key
    await worker.run_once()  # then the cancel, with the server's id
    redemption = await outbox.get(entry.id)
    done = await outbox.get(cancel.id)
    assert redemption is not None and redemption.status == EntryStatus.SYNCED
    assert done is not None and done.status == EntryStatus.SYNCED
    kind, payload, _ = transport.calls[-1]
    assert kind is OperationKind.CANCEL
    assert payload == {"id": redemption.server_redemption_id, "create_replacement_voucher": True}
    assert transport.server.cancelled == {redemption.server_redemption_id}


async def test_cancel_of_a_synced_redemption(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    await worker.run_once()
    cancel = await outbox.cancel(entry.id, **WHO)
    await worker.run_once()
    done = await outbox.get(cancel.id)
    assert done is not None and done.status == EntryStatus.SYNCED


async def test_the_cancels_queued_after_a_place_in_the_queue_are_found_by_it(
    outbox: Outbox, worker: SyncWorker
) -> None:
    # A window finds this way the cancels `stamps-pos cancel` queued on its database.
    assert await outbox.cancels_after(None) == (0, [])
    first = await enqueue_reward(outbox)
    second = await enqueue_reward(outbox)
    await worker.run_once()
    stood, none = await outbox.cancels_after(None)
    assert (stood, none) == (second.seq, [])
    cancel = await outbox.cancel(first.id, **WHO)
    newest, found = await outbox.cancels_after(stood)
    assert newest == cancel.seq and [e.id for e in found] == [cancel.id]
    assert await outbox.cancels_after(newest) == (newest, [])


async def test_cancel_of_a_rejected_redemption_ends_voided(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["refuse"]
    await worker.run_once()
    cancel = await outbox.cancel(entry.id, **WHO)
    assert cancel.status == EntryStatus.VOIDED and cancel.cancels == entry.id


async def test_cancel_waiting_on_a_redemption_that_is_then_rejected_is_voided(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["lost", "refuse"]
    await worker.run_once()
    cancel = await outbox.cancel(entry.id, **WHO)
    clock.advance(5)
    await worker.run_once()
    await worker.run_once()
    after = await outbox.get(cancel.id)
    assert after is not None and after.status == EntryStatus.VOIDED
    assert all(kind is not OperationKind.CANCEL for kind, _, _ in transport.calls)


async def test_cancel_of_an_unknown_waits_and_does_not_block_the_lane(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]
    await worker.run_once()
    cancel = await outbox.cancel(entry.id, **WHO)
    later = await enqueue_reward(outbox)
    await worker.run_once()
    held = await outbox.get(cancel.id)
    sent = await outbox.get(later.id)
    assert held is not None and held.status == EntryStatus.QUEUED
    assert sent is not None and sent.status == EntryStatus.SYNCED
    status = await outbox.status()
    assert (status.held, status.pending, status.unknown) == (1, 0, 1)
    # reconciled without a server id: the cancel cannot be sent, the dashboard must do it
    await outbox.mark_applied(entry.id, note="saw it on the dashboard", **WHO)
    await worker.run_once()
    rejected = await outbox.get(cancel.id)
    assert rejected is not None and rejected.status == EntryStatus.REJECTED
    assert rejected.last_error and "dashboard" in rejected.last_error
    # rejected, but nothing the till could send again: counted apart for the status bar
    status = await outbox.status()
    assert (status.rejected, status.dashboard_cancels) == (1, 1)
    with pytest.raises(OutboxError, match="dashboard"):
        await outbox.cancel(entry.id, **WHO)
    await worker.stop()


async def test_a_cancel_held_for_a_redemption_found_cancelled_on_the_server_has_nothing_to_do(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    # Asked while the redemption was unknown; the member's activity then showed the server had
    # cancelled it (from the dashboard). The cancel was refused as one only the dashboard could
    # make, and the manager went there to cancel what was cancelled already.
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["applied_lost"]
    await worker.run_once(reconcile=False)
    cancel = await outbox.cancel(entry.id, **WHO)
    user, line = transport.server.feed[-1]
    transport.server.feed[-1] = (user, replace(line, status=2))
    assert await worker.reconcile_due() == 1
    await worker.run_once()
    after = await outbox.get(cancel.id)
    assert after is not None and after.status == EntryStatus.VOIDED
    assert after.note == CANCELLED_ON_SERVER and after.last_error is None
    assert all(kind is not OperationKind.CANCEL for kind, _, _ in transport.calls)
    await worker.stop()


async def test_cancel_refusals(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    await outbox.cancel(entry.id, **WHO)
    with pytest.raises(OutboxError, match="voided"):
        await outbox.cancel(entry.id, **WHO)
    with pytest.raises(OutboxError):
        await outbox.cancel("nope", **WHO)
    with pytest.raises(OutboxError):
        await outbox.enqueue(
            OperationKind.CANCEL, {"id": 1}, lane="m", user="m", cashier="c", terminal="t"
        )


async def test_manager_retry_makes_a_linked_entry_and_dismisses_the_original(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    entry = await enqueue_reward(outbox)
    transport.script = ["refuse"]
    await worker.run_once()
    again = await outbox.retry(entry.id, note="topped up", **WHO)
    assert again.id != entry.id and again.depends_on == entry.id
    assert again.payload == entry.payload and again.status == EntryStatus.QUEUED
    original = await outbox.get(entry.id)
    assert original is not None and original.status == EntryStatus.DISMISSED
    assert original.note and again.id in original.note
    await worker.run_once()
    assert transport.calls[-1][2] == again.id  # a new key
    (event,) = await outbox.audit_log(entry.id)
    assert (event.who, event.action, event.terminal) == ("mgr", "retry", "till-1")
    assert event.detail == {"new_entry": again.id, "note": "topped up"}


async def test_mark_applied_and_dismiss(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    lost = await enqueue_reward(outbox, lane="a")
    refused = await enqueue_reward(outbox, lane="b")
    transport.script = ["lost", "refuse"]
    await worker.run_once()
    with pytest.raises(OutboxError, match="note"):
        await outbox.dismiss(refused.id, note=" ", **WHO)
    with pytest.raises(OutboxError):
        await outbox.mark_applied(refused.id, note="no", **WHO)  # a refusal is proof
    applied = await outbox.mark_applied(lost.id, note="on the dashboard", **WHO)
    dismissed = await outbox.dismiss(refused.id, note="customer left", **WHO)
    assert (applied.status, applied.server_redemption_id) == (EntryStatus.SYNCED, None)
    assert dismissed.status == EntryStatus.DISMISSED and dismissed.note == "customer left"
    with pytest.raises(OutboxError):
        await outbox.dismiss(refused.id, note="again", **WHO)
    actions = [(a.action, a.entry_id) for a in await outbox.audit_log()]
    assert actions == [("mark_applied", lost.id), ("dismiss", refused.id)]
    await worker.stop()


async def test_held_stamps_count_what_was_confirmed_after_the_balance_was_read(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    await enqueue_reward(outbox, stamps=1)
    await worker.run_once()  # confirmed before the balance below was read: it knows it
    clock.advance(1)
    read_at = clock.now()
    clock.advance(1)
    found = await enqueue_reward(outbox, stamps=10)  # its answer lost, then a manager's "applied"
    cancelled = await enqueue_reward(outbox, stamps=100)  # confirmed, then cancelled: given back
    transport.script = ["lost", "apply"]
    await worker.run_once()
    await worker.run_once()
    await outbox.mark_applied(found.id, note="on the dashboard", **WHO)
    await outbox.cancel(cancelled.id, **WHO)
    await worker.run_once()
    await enqueue_reward(outbox, stamps=1000)  # queued: held, as ever
    assert [e.status for e in await outbox.entries()] == [EntryStatus.SYNCED] * 4 + [
        EntryStatus.QUEUED
    ]
    assert await outbox.held_stamps("m1", as_of=read_at) == 1010
    # read after all of them: only the queued one is still to come off
    assert await outbox.held_stamps("m1", as_of=clock.now()) == 1000
    assert await outbox.held_stamps("m1", as_of=read_at, leaving_out=found.id) == 1000
    await worker.stop()


async def test_a_balance_read_after_the_clock_was_moved_back_knows_what_was_confirmed_before(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Ayu's 10-stamp reward confirmed at 14:00, the clock then set back a day, her balance read
    # again: it already holds the reward, but by the clock the reward was confirmed "tomorrow",
    # after the read, and came off a second time (a balance 10 short, rewards refused on it).
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    read_before = clock.now()
    clock.advance(1)
    found = await enqueue_reward(outbox, stamps=10)
    transport.script = ["lost"]
    await worker.run_once()
    await outbox.mark_applied(found.id, note="on the dashboard", **WHO)
    clock.advance(1)
    clock.set_wall(clock.now() - timedelta(days=1))
    clock.advance(1)
    assert await outbox.held_stamps("m1", as_of=clock.now()) == 0
    # a balance read before the confirmation (and before the clock moved) still does not know it
    assert await outbox.held_stamps("m1", as_of=read_before) == 10
    await worker.stop()


async def test_the_audit_log_is_append_only(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    await outbox.cancel(entry.id, **WHO)
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError, match="append-only"):
        await outbox.db.write(lambda s: s.execute(sa.text("UPDATE audit_log SET who = 'x'")))
    # a line goes only once older than the retention, never within 90 days (migration 0014)
    with pytest.raises(IntegrityError, match="keeps its last 90 days"):
        await outbox.db.write(lambda s: s.execute(sa.text("DELETE FROM audit_log")))


async def test_wait_for_returns_when_the_entry_settles(outbox: Outbox, worker: SyncWorker) -> None:
    entry = await enqueue_reward(outbox)
    waiter = asyncio.create_task(outbox.wait_for(entry.id, 30))
    await asyncio.sleep(0)
    assert not waiter.done()
    await worker.run_once()
    settled = await asyncio.wait_for(waiter, 5)
    assert settled.status == EntryStatus.SYNCED


async def test_wait_for_times_out_on_the_clock(outbox: Outbox, clock: ManualClock) -> None:
    entry = await enqueue_reward(outbox)
    waiter = asyncio.create_task(outbox.wait_for(entry.id, 30))
    await settle(clock)
    clock.advance(29)
    await asyncio.sleep(0)
    assert not waiter.done()
    clock.advance(1)
    timed_out = await asyncio.wait_for(waiter, 5)
    assert timed_out.status == EntryStatus.QUEUED


async def test_status_counts(outbox: Outbox, clock: ManualClock) -> None:
    assert (await outbox.status()).oldest_queued_age is None
    await enqueue_reward(outbox, lane="a")
    clock.advance(90)
    await enqueue_reward(outbox, lane="b")
    claimed = await outbox.claim("w")
    assert claimed is not None
    status = await outbox.status()
    assert (status.queued, status.sending, status.unknown, status.rejected) == (1, 1, 0, 0)
    # the one being sent has waited 90 s too: a full disk can keep it "sending" for hours
    assert status.oldest_queued_age == 90.0 and not status.paused
    await outbox.record(claimed, Outcome.REFUSED)
    clock.advance(timedelta(minutes=1).total_seconds())
    status = await outbox.status()
    assert (status.queued, status.rejected, status.oldest_queued_age) == (1, 1, 60.0)


async def test_a_clock_moved_back_shows_no_negative_age_and_says_how_far_behind_it_reads(
    outbox: Outbox, clock: ManualClock
) -> None:
    await enqueue_reward(outbox)
    assert (await outbox.status()).clock_behind is None
    clock.set_wall(clock.now() - timedelta(hours=2))
    status = await outbox.status()
    assert status.oldest_queued_age == 0.0  # not "-2 h": it has waited, for less than known
    assert status.clock_behind == 7200.0


async def test_a_2xx_that_cannot_be_read_is_synced_without_an_id(outbox: Outbox) -> None:
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    assert await outbox.record(claimed, Outcome.APPLIED) == EntryStatus.SYNCED
    synced = await outbox.get(entry.id)
    assert synced is not None and synced.server_redemption_id is None
    assert await outbox.balance(entry.lane) is None
    await outbox.record(claimed, Outcome.APPLIED, result=SubmitResult(1, 2, {}))  # stale: ignored


async def test_open_migrates_a_new_database(tmp_path: Path, clock: ManualClock) -> None:
    outbox = await Outbox.open(tmp_path / "new" / "till.db", OutboxPolicy())
    try:
        entry = await enqueue_reward(outbox)
        assert (await outbox.get(entry.id)) is not None
        assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    finally:
        await outbox.close()


async def test_the_outage_left_is_read_from_what_waits_to_be_sent_not_from_an_unknown(
    outbox: Outbox, clock: ManualClock
) -> None:
    # A till started again within an outage goes on counting against its caps; but an entry
    # accepted offline last month, left unknown for a manager, is no outage of today's: taken
    # for one, every redemption accepted offline since counted against today's caps.
    assert await outbox.outage_left() is None
    old = await enqueue_reward(outbox, lane="m1", stamps=10, provisional=True)
    await outbox.db.write(
        lambda s: s.execute(
            sa.text("UPDATE outbox_entries SET status = 'unknown' WHERE id = :id"), {"id": old.id}
        )
    )
    clock.advance(30 * 86400)
    assert await outbox.outage_left() is None
    waiting = await enqueue_reward(outbox, lane="m2", stamps=20, provisional=True)
    await enqueue_reward(outbox, lane="m3", stamps=5)  # sent online: not the outage's
    await enqueue_reward(outbox, lane="m4", stamps=15, provisional=True)
    assert await outbox.outage_left() == (waiting.created_at, 35, 2)
