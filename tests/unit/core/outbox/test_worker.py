"""The worker as a background task on a manual clock: waking, backing off, draining."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.stamps.exchange import current_flight
from app.core.storage.problems import folder_read_only

from .conftest import OutboxFactory, enqueue_reward, settle
from .fakes import FakeTransport, Hang, rate_limited


async def test_background_worker_sends_what_is_enqueued(
    outbox: Outbox, worker: SyncWorker, clock: ManualClock
) -> None:
    worker.start()
    entry = await enqueue_reward(outbox)
    done = await outbox.wait_for(entry.id, 30)
    assert done.status == EntryStatus.SYNCED
    await worker.stop()
    assert not worker.running


async def test_background_worker_backs_off_on_the_clock(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    transport.script = ["connect", "connect"]
    worker.start()
    entry = await enqueue_reward(outbox)
    await worker.until_idle()
    assert len(transport.calls) == 1
    clock.advance(1)  # 0.5 × 2^1
    await worker.until_idle()
    assert len(transport.calls) == 2
    clock.advance(2)  # 0.5 × 2^2
    done = await outbox.wait_for(entry.id, 60)
    assert done.status == EntryStatus.SYNCED and done.attempts == 3


async def test_connectivity_restored_wakes_a_sleeping_worker(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    transport.script = ["connect"] * 8
    worker.start()
    entry = await enqueue_reward(outbox)
    for step in (1, 2, 4, 8, 16, 32, 64):
        await worker.until_idle()
        clock.advance(step)
    await worker.until_idle()
    transport.script = []
    assert await worker.connectivity_restored() == 1
    # due within the reconnect spread (10 s), at 0.5 × 10 with this outbox's fixed jitter,
    # not after what is left of a 64 s backoff
    await worker.until_idle()
    clock.advance(5)
    done = await outbox.wait_for(entry.id, 1)
    assert done.status == EntryStatus.SYNCED


async def test_connectivity_restored_wakes_what_a_hanging_line_left_unanswered(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Seen behind a proxy that held every answer: Ayu's redemptions went unanswered (read
    # timeouts, no status) while the line hung, and minutes after the till was online again
    # they still read NOT CONFIRMED, waiting out a backoff grown while the line was down. A
    # server's own error (a 500, a status) keeps its backoff: the server, not the line, failed.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True))
    worker = SyncWorker(outbox, transport)
    lost = await enqueue_reward(outbox, lane="ayu")
    failing = await enqueue_reward(outbox, lane="budi")
    for step in (1, 2, 4, 8, 16, 32, 0):  # each due again as its backoff ends; the last, 64 s
        transport.script = ["lost", "500"]
        await worker.run_once(reconcile=False)
        clock.advance(step)
    transport.script = []
    assert await worker.connectivity_restored() == 1
    due = {e.id: e.next_attempt_at for e in await outbox.entries()}
    assert due[lost.id] <= clock.now() + timedelta(seconds=10)
    assert due[failing.id] > clock.now() + timedelta(seconds=10)
    clock.advance(10)
    await worker.run_once(reconcile=False)
    done = await outbox.get(lost.id)
    assert done is not None and done.status == EntryStatus.SYNCED


async def test_connectivity_restored_leaves_a_429_to_wait_its_retry_after(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Seen against a server answering 429 with Retry-After 40: a lookup's timeout made the till
    # degraded, the probe's pong made it online, and the reconnect woke the redemption the
    # server had asked to wait 40 s: sent again within 10 s. The server answered; its wait
    # stands, as a server error's backoff does.
    outbox = await make_outbox()
    worker = SyncWorker(outbox, transport)
    slowed = await enqueue_reward(outbox, lane="ayu")
    transport.script = [rate_limited(40)]
    await worker.run_once(reconcile=False)
    waiting = await outbox.get(slowed.id)
    assert waiting is not None and waiting.next_attempt_at is not None
    assert await worker.connectivity_restored() == 0
    after = await outbox.get(slowed.id)
    assert after is not None and after.next_attempt_at == waiting.next_attempt_at


async def test_an_attempt_the_dead_line_answers_after_the_network_is_back_is_sent_again_soon(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Seen under Xvfb behind a proxy that dropped every connection: the till read Online again
    # while Ayu's resend still hung on a connection the outage had killed. It ended unanswered
    # after its read timeout, after the wake on reconnect had run, and waited out a backoff
    # grown during the outage: her redemptions went 32 s after "Online", not within the spread.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True))
    worker = SyncWorker(outbox, transport)
    lost = await enqueue_reward(outbox, lane="ayu")
    hung, sending = await _resent_into_a_hang(outbox, worker, transport, clock, lost.id)
    clock.advance(4)
    await worker.connectivity_restored()  # nothing to wake yet: this one is on its way
    clock.advance(6)
    hung.event.set()  # the dead connection's read timeout, 10 s after it was sent
    await sending
    entry = await outbox.get(lost.id)
    assert entry is not None and entry.status == EntryStatus.QUEUED
    assert entry.next_attempt_at <= clock.now() + timedelta(seconds=10)


async def test_an_attempt_the_dead_line_ends_late_is_sent_within_the_spread_of_the_reconnect(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Behind a proxy whose line hung for 31 s and came back with its connections dead: a lookup
    # made the bar read Online while Ayu's resend still hung on a dead connection. It ended
    # unanswered 7 s later and was then given a moment within 10 s of its own end, not of the
    # reconnect: sent 12.5 s after "Online" (up to 23 s), past the spread the others keep.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True))
    worker = SyncWorker(outbox, transport)
    lost = await enqueue_reward(outbox, lane="ayu")
    hung, sending = await _resent_into_a_hang(outbox, worker, transport, clock, lost.id)
    clock.advance(1)
    back = clock.now()
    await worker.connectivity_restored()  # this one is on its way, on a dead connection
    clock.advance(9)
    hung.event.set()  # its read timeout, 9 s after the till read Online
    await sending
    entry = await outbox.get(lost.id)
    assert entry is not None and entry.status == EntryStatus.QUEUED
    # the outbox's fixed jitter draws the middle of the spread: 5 s after the reconnect, so
    # already due; never later than the spread's end
    assert entry.next_attempt_at <= back + timedelta(seconds=10)
    assert entry.next_attempt_at <= clock.now()


async def test_a_reconnect_hours_old_wakes_nothing_after_the_clock_is_set_back(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # The line came back in the morning with the till's clock two hours fast; an hour later a
    # manager set it right (the clock warning asked them to). Then the server hung: Ayu's
    # redemption went unanswered again and again, and each time it looked sent before the
    # morning's reconnect, so it was woken within that reconnect's spread instead of backing
    # off: a hanging server asked every few seconds, for an hour.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True))
    worker = SyncWorker(outbox, transport)
    await worker.connectivity_restored()  # the morning's outage ends
    clock.advance(3600)
    clock.set_wall(clock.now() - timedelta(hours=2))
    lost = await enqueue_reward(outbox, lane="ayu")
    for step in (1, 2, 4, 8, 16, 32, 0):  # each due again as its backoff ends; the last, 64 s
        transport.script = ["lost"]
        await worker.run_once(reconcile=False)
        clock.advance(step)
    entry = await outbox.get(lost.id)
    assert entry is not None and entry.status == EntryStatus.QUEUED
    assert entry.next_attempt_at > clock.now() + timedelta(seconds=10)  # its backoff stands


async def test_the_network_back_on_a_read_only_disk_is_one_warning_not_a_traceback(
    outbox: Outbox,
    worker: SyncWorker,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Seen: `stamps-pos redeem` on a read-only data folder printed a traceback on stderr when
    # its first answer proved the till online and the wake of what never arrived met the disk.
    async def refused(fn: object, *, raw: bool) -> object:
        raise folder_read_only(outbox.db.path)

    monkeypatch.setattr(outbox.db, "_write", refused)
    with caplog.at_level(logging.WARNING):
        assert await worker.connectivity_restored() == 0
    [record] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert record.exc_info is None and "read-only" in record.getMessage()


async def test_coming_back_online_sends_one_a_second_not_all_at_once(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    """Ten members' redemptions waited out an outage; when it ends, each is made due at its own
    moment within the reconnect spread (10 s), so they reach the server over ten seconds."""
    # the first ten draws are the backoffs after the failed attempts (0.99 × 200 s), the next
    # ten the moments within the spread: 0, 1, ... 9 s
    draws = itertools.chain([0.99] * 10, [i / 10 for i in range(10)])
    retry = RetryPolicy(base=100, random=lambda: next(draws))
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=10), retry)
    worker = SyncWorker(outbox, transport)
    ids = [(await enqueue_reward(outbox, lane=f"m{i}")).id for i in range(10)]
    transport.script = ["connect"] * 10
    assert await worker.run_once() == 10
    transport.calls.clear()

    assert await worker.connectivity_restored() == 10
    due = {e.id: e.next_attempt_at for e in await outbox.entries()}
    assert [due[i] for i in ids] == [clock.now() + timedelta(seconds=s) for s in range(10)]
    for second in range(10):
        await worker.run_once(reconcile=False)
        assert [key for _, _, key in transport.calls] == ids[: second + 1]
        clock.advance(1)
    assert all(e.status == EntryStatus.SYNCED for e in await outbox.entries())


async def test_an_entry_due_within_the_spread_keeps_its_time_when_the_network_returns(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # backoff 0.5 × 2 = 1 s, within the 10 s spread: it stands (drawing again could put it off)
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True))
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["connect"]
    await worker.run_once()
    assert await worker.connectivity_restored() == 0
    after = await outbox.get(entry.id)
    assert after is not None and after.next_attempt_at == clock.now() + timedelta(seconds=1)


async def test_an_idle_worker_waits_for_the_clock_or_the_queue(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    transport.script = ["connect"]
    worker.start()
    await worker.until_idle()
    assert worker.idle and transport.calls == []
    entry = await enqueue_reward(outbox)
    assert not worker.idle  # woken by the enqueue
    await worker.until_idle()
    assert len(transport.calls) == 1  # sent, never arrived, backing off 1 s (0.5 × 2)
    clock.advance(1)
    assert not worker.idle  # its moment has come, though it has not run yet
    await worker.until_idle()
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    await worker.stop()
    assert not worker.idle
    await worker.until_idle()  # a stopped worker is waited for no longer


async def test_an_entry_that_falls_due_during_a_claim_is_sent_then_not_at_the_idle_recheck(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    # Seen under the window: a redemption the server turned away, due again 2.5 s later, was
    # sent 30 s later, while the panel said "sends it again in a moment". The window's timer
    # woke the worker a moment early: its claim found nothing due, the entry fell due while
    # the claim was made, and the next wake-up was counted from after it.
    transport.script = ["connect"]
    worker.start()
    entry = await enqueue_reward(outbox)
    await worker.until_idle()
    assert len(transport.calls) == 1  # never arrived, backing off 1 s (0.5 × 2)
    original = outbox.claim_batch

    async def slow(owners):  # type: ignore[no-untyped-def]
        claimed = await original(owners)
        clock.advance(0.01)  # the claim's round trip, during which the entry falls due
        return claimed

    outbox.claim_batch = slow  # type: ignore[method-assign]
    clock.advance(0.995)  # just short of its moment
    worker.wake()
    await worker.until_idle()
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert len(transport.calls) == 2


async def test_another_process_s_claim_under_the_same_terminal_is_looked_at_again_soon(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    # Seen: the window's worker, woken for a cancel ``stamps-pos cancel`` had just queued, found
    # it claimed by that command's worker. Both are named after the till's terminal, so it took
    # the claim for one of its own and waited for its idle look (30 s) rather than looking again
    # while another process's request is out; the command's attempt never arrived, and the
    # cancel waited in the queue with the window open.
    window_outbox, shell_outbox = await make_outbox(), await make_outbox()
    refused = Hang(then="connect")  # the shell's line is down
    shell = SyncWorker(shell_outbox, FakeTransport(script=[refused]), name="till-1")
    window = SyncWorker(window_outbox, transport, name="till-1")
    try:
        window.start()
        await window.until_idle()
        entry = await enqueue_reward(shell_outbox)  # another process: the window hears nothing
        shell_round = asyncio.create_task(shell.run_once(reconcile=False))
        await refused.started.wait()  # the shell's claim is committed, its request out
        window.wake()  # the change watch's notice of the new entry
        await window.until_idle()
        refused.event.set()
        await shell_round  # never arrived: queued again, due in 1 s (0.5 × 2)
        clock.advance(1)
        await window.until_idle()
        done = await window_outbox.get(entry.id)
        assert done is not None and done.status == EntryStatus.SYNCED
        assert len(transport.calls) == 1
    finally:
        await window.stop()
        await shell.stop()


async def test_drain_runs_until_nothing_is_pending(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=2))
    worker = SyncWorker(outbox, transport)
    ids = [(await enqueue_reward(outbox, lane=f"m{i % 3}")).id for i in range(9)]
    transport.script = ["lost", "connect"]
    drain = asyncio.create_task(worker.drain(600))
    while not drain.done():
        # Time passes only while nothing is on its way: moving the clock under a request in
        # flight spent the drain's 600 s on a busy machine before the work was done.
        await settle(clock, drain, worker)
        clock.advance(5)
    status = await drain
    assert status.pending == 0
    assert all(e.status == EntryStatus.SYNCED for e in await outbox.entries())
    assert set(transport.server.applications) == set(ids)
    assert max(transport.server.applications.values()) == 1


async def test_drain_stops_when_paused(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    await enqueue_reward(outbox)
    transport.script = ["creds"]
    status = await worker.drain(60)
    assert status.paused and status.queued == 1


async def test_drain_gives_up_at_its_timeout(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    await enqueue_reward(outbox)
    transport.script = ["503"] * 100
    drain = asyncio.create_task(worker.drain(100))
    while not drain.done():
        await settle(clock, drain)
        clock.advance(10)
    status = await drain
    assert status.queued == 1 and status.pending == 1


async def test_a_failing_round_does_not_kill_the_worker(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    calls = 0
    original = outbox.claim_batch

    async def flaky(owners):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk hiccup")
        return await original(owners)

    outbox.claim_batch = flaky  # type: ignore[method-assign]
    entry = await enqueue_reward(outbox)
    worker.start()
    await worker.until_idle()
    clock.advance(outbox.policy.idle_recheck)
    done = await outbox.wait_for(entry.id, 1)
    assert done.status == EntryStatus.SYNCED


async def test_a_stopped_worker_starts_again(
    outbox: Outbox, worker: SyncWorker, clock: ManualClock
) -> None:
    worker.start()
    await worker.stop()
    worker.start()
    entry = await enqueue_reward(outbox)
    done = await outbox.wait_for(entry.id, 30)
    assert done.status == EntryStatus.SYNCED


async def test_an_outcome_that_cannot_be_written_is_left_to_the_lease(
    outbox: Outbox, worker: SyncWorker, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    original = outbox.record_and_claim

    async def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    outbox.record_and_claim = broken  # type: ignore[assignment,method-assign]
    await worker.run_once()
    outbox.record_and_claim = original  # type: ignore[method-assign]
    stuck = await outbox.get(entry.id)
    assert stuck is not None and stuck.status == EntryStatus.SENDING
    clock.advance(outbox.policy.lease_seconds + 1)
    await worker.run_once()
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED and done.attempts == 2


async def test_stop_lets_a_request_in_flight_finish_within_its_grace(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock
) -> None:
    hang = Hang()
    transport.script = [hang]
    worker.start()
    entry = await enqueue_reward(outbox)
    await hang.started.wait()
    stopping = asyncio.create_task(worker.stop(grace=10))
    await settle(clock, stopping)
    hang.event.set()
    await stopping
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED


async def test_a_claim_gone_stale_before_sending_is_not_sent(
    outbox: Outbox, transport: FakeTransport, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    clock.advance(outbox.policy.lease_margin + 1)  # e.g. the laptop slept after the claim
    worker = SyncWorker(outbox, transport)
    await worker._send(claimed)
    assert transport.calls == []
    (attempt,) = await outbox.attempts(entry.id)
    assert (attempt.outcome, attempt.error) == (Outcome.NEVER_ARRIVED, "StaleClaim")
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.QUEUED
    await worker.stop()


async def test_a_lane_goes_on_to_the_next_entry_in_the_transaction_of_its_answer(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=1))
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(3)]
    claims: list[int] = []
    claim_batch = outbox.claim_batch

    async def counted(owners: Any) -> Any:
        claimed = await claim_batch(owners)
        claims.append(len(claimed))
        return claimed

    outbox.claim_batch = counted  # type: ignore[method-assign]
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.pending == 0
    assert [e.status for e in await outbox.entries()] == [EntryStatus.SYNCED] * 3
    # one claim of its own to start the lane; the rest were claimed as each answer was written
    assert [c for c in claims if c] == [1]
    assert [key for key, _ in transport.server.requests] == [e.id for e in entries]
    await worker.stop()


async def test_a_lane_stopped_while_its_answer_is_written_leaves_no_claim_to_its_lease(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=False, lanes=1))
    first = await enqueue_reward(outbox, lane="m1")
    second = await enqueue_reward(outbox, lane="m2")
    worker = SyncWorker(outbox, transport, name="w1")
    release, entered, writing = threading.Event(), threading.Event(), asyncio.Event()
    record_and_claim = outbox.record_and_claim

    def busy(session: Any) -> None:
        entered.set()
        release.wait(10)

    async def held(*args: Any, **kwargs: Any) -> Any:
        # the writer is busy elsewhere while this answer waits to be written
        hold = asyncio.ensure_future(outbox.db.write(busy))
        await asyncio.to_thread(entered.wait, 10)
        writing.set()
        try:
            return await record_and_claim(*args, **kwargs)
        finally:
            await hold

    outbox.record_and_claim = held  # type: ignore[method-assign]
    worker.start()
    await writing.wait()
    stopping = asyncio.create_task(worker.stop())
    for _ in range(20):
        await asyncio.sleep(0)  # stop() reaches the lane (or not: either way, the same end)
    release.set()
    await stopping
    done, unsent = await outbox.get(first.id), await outbox.get(second.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    # claimed with the first's answer, never sent: never arrived, not ambiguous for the lease
    assert unsent is not None and unsent.status == EntryStatus.QUEUED
    assert [(a.outcome, a.error) for a in await outbox.attempts(second.id)] == [
        (Outcome.NEVER_ARRIVED, "StaleClaim")
    ]
    assert [key for key, _ in transport.server.requests] == [first.id]


async def test_a_worker_stopped_while_it_claims_leaves_no_claim_to_its_lease(
    outbox: Outbox, transport: FakeTransport, clock: ManualClock
) -> None:
    # A one-shot command enqueues and closes at once: the worker, woken by the enqueue, may be
    # committing its claim at that moment. The claim is not sent, so it never arrived.
    entry = await enqueue_reward(outbox)
    worker = SyncWorker(outbox, transport, name="w1")
    claiming, go_on = asyncio.Event(), asyncio.Event()
    claim_batch = outbox.claim_batch

    async def slow(owners: Any) -> Any:
        claimed = asyncio.ensure_future(claim_batch(owners))
        claiming.set()
        await go_on.wait()
        return await claimed

    outbox.claim_batch = slow  # type: ignore[method-assign]
    worker.start()
    await claiming.wait()
    stopping = asyncio.create_task(worker.stop(grace=10))
    for _ in range(20):
        await asyncio.sleep(0)  # stop() cancels the round that is claiming
    go_on.set()
    await stopping
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.QUEUED
    assert [(a.outcome, a.error) for a in await outbox.attempts(entry.id)] == [
        (Outcome.NEVER_ARRIVED, "StaleClaim")
    ]
    assert transport.calls == []


def _hangs_after(event: str, hang: Hang) -> Callable[[], Hang]:
    """A request that gets as far as the HTTP layer's ``event`` (as httpcore traces it), then
    hangs."""

    def action() -> Hang:
        flight = current_flight()
        assert flight is not None  # the worker follows every attempt's flight
        flight.note(event)
        return hang

    return action


@pytest.mark.parametrize(
    ("event", "status", "attempt"),
    [
        # still connecting: not a byte written, so it never arrived (and goes again)
        ("connection.connect_tcp.started", EntryStatus.QUEUED, Outcome.NEVER_ARRIVED),
        # being written: it may have arrived, so it is left to its lease, ambiguous
        ("http11.send_request_headers.started", EntryStatus.SENDING, Outcome.AMBIGUOUS),
    ],
)
async def test_a_worker_stopped_mid_request_records_what_the_request_got_as_far_as(
    outbox: Outbox,
    transport: FakeTransport,
    clock: ManualClock,
    event: str,
    status: EntryStatus,
    attempt: Outcome,
) -> None:
    # The window closed during an outage, say, while the worker was connecting.
    hang = Hang()
    transport.script = [_hangs_after(event, hang)]
    worker = SyncWorker(outbox, transport, name="w1")
    worker.start()
    entry = await enqueue_reward(outbox)
    await hang.started.wait()
    await worker.stop()
    after = await outbox.get(entry.id)
    assert after is not None and after.status == status
    assert [a.outcome for a in await outbox.attempts(entry.id)] == [attempt]
    if attempt is Outcome.NEVER_ARRIVED:
        (recorded,) = await outbox.attempts(entry.id)
        assert recorded.error == "StoppedBeforeSending"


async def test_a_lane_claims_nothing_more_once_the_drain_is_out_of_time(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=1))
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(5)]
    submit = transport.submit

    async def slow(*args: Any, **kwargs: Any) -> Any:
        answer = await submit(*args, **kwargs)
        clock.advance(40)  # each answer takes 40 s of the drain's 60
        return answer

    transport.submit = slow  # type: ignore[method-assign]
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    # the second was claimed at 40 s, with the first's answer; at 80 s the time was up
    assert [key for key, _ in transport.server.requests] == [e.id for e in entries[:2]]
    assert status.queued == 3
    assert [e.status for e in await outbox.entries()] == [EntryStatus.SYNCED] * 2 + [
        EntryStatus.QUEUED
    ] * 3
    # the third was claimed ahead, with the first's answer; past the deadline it was not sent
    assert [(a.outcome, a.error) for a in await outbox.attempts(entries[2].id)] == [
        (Outcome.NEVER_ARRIVED, "StaleClaim")
    ]
    assert [await outbox.attempts(e.id) for e in entries[3:]] == [[], []]
    await worker.stop()


@pytest.mark.parametrize("steps", range(1, 5))  # (at 0 the stop never began)
async def test_a_stop_cancelled_as_it_waits_stays_cancelled(
    worker: SyncWorker, clock: ManualClock, steps: int
) -> None:
    # A close cancelled while it stops the worker (Ctrl-C twice) must stay cancelled: the stop's
    # wait for the worker's task once took that cancellation in as the task's own.
    worker.start()
    await settle(clock)
    stopping = asyncio.create_task(worker.stop())
    for _ in range(steps):
        await asyncio.sleep(0)
    cancelled = stopping.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await stopping
    assert stopping.cancelled() or not cancelled, "a cancelled stop returned as if not cancelled"
    assert not worker.running


async def _resent_into_a_hang(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport, clock: ManualClock, entry_id: str
) -> tuple[Hang, asyncio.Future[int]]:
    """The line hangs: five answers lost, each backoff longer (0.5 · 2^n s); then the entry is
    sent again and its request hangs (returned, on its way, with the round sending it)."""
    for _ in range(5):
        transport.script = ["lost"]
        await worker.run_once(reconcile=False)
        entry = await outbox.get(entry_id)
        assert entry is not None
        clock.advance((entry.next_attempt_at - clock.now()).total_seconds())
    hung = Hang(then="lost")
    transport.script = [hung]
    sending = asyncio.ensure_future(worker.run_once(reconcile=False))
    await hung.started.wait()
    return hung, sending
