"""Claims: lane order, leases, and two processes on one database file."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.outbox import Outbox, OutboxPolicy, SubmitResult, SyncWorker
from app.core.outbox.errors import StaleClaim
from app.core.stamps.errors import CredentialsRejected

from .conftest import HONOURED, NOT_HONOURED, OutboxFactory, enqueue_reward
from .fakes import FakeTransport, Hang


async def test_a_lane_goes_strictly_in_order_one_at_a_time(outbox: Outbox) -> None:
    first = await enqueue_reward(outbox, lane="m1")
    second = await enqueue_reward(outbox, lane="m1")
    other = await enqueue_reward(outbox, lane="m2")
    a = await outbox.claim("a")
    b = await outbox.claim("b")
    assert a is not None and b is not None
    assert (a.entry_id, b.entry_id) == (first.id, other.id)
    assert await outbox.claim("c") is None  # m1 is sending, m2 is sending
    await outbox.record(a, Outcome.APPLIED, result=SubmitResult())
    c = await outbox.claim("c")
    assert c is not None and c.entry_id == second.id


async def test_an_earlier_entry_backing_off_blocks_its_lane(
    outbox: Outbox, clock: ManualClock
) -> None:
    first = await enqueue_reward(outbox, lane="m1")
    await enqueue_reward(outbox, lane="m1")
    claimed = await outbox.claim("a")
    assert claimed is not None
    await outbox.record(claimed, Outcome.NEVER_ARRIVED)
    assert await outbox.claim("b") is None
    clock.advance(1)
    again = await outbox.claim("b")
    assert again is not None and again.entry_id == first.id and again.attempt == 2


async def test_rejected_and_unknown_do_not_block_their_lane(make_outbox: OutboxFactory) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    refused = await enqueue_reward(outbox)
    lost = await enqueue_reward(outbox)
    last = await enqueue_reward(outbox)
    for outcome in (Outcome.REFUSED, Outcome.AMBIGUOUS):
        claimed = await outbox.claim("w")
        assert claimed is not None
        await outbox.record(claimed, outcome)
    assert [e.status for e in await outbox.entries()] == ["rejected", "unknown", "queued"]
    claimed = await outbox.claim("w")
    assert claimed is not None and claimed.entry_id == last.id
    assert {refused.id, lost.id}.isdisjoint({claimed.entry_id})


@pytest.mark.parametrize("honoured", [True, False], ids=["retried", "unknown"])
async def test_what_an_entry_waits_behind_is_what_the_claim_waits_for_never_a_held_cancel(
    make_outbox: OutboxFactory, honoured: bool
) -> None:
    # A cancel of a redemption not yet synced is held: it holds nothing of its lane back. Ayu's
    # next redemption read "Waiting for this member's earlier redemption" behind such a cancel
    # while the claim sent it.
    outbox = await make_outbox(HONOURED if honoured else NOT_HONOURED)
    first = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    await outbox.record(claimed, Outcome.AMBIGUOUS)  # honoured: queued again; else unknown
    cancel = await outbox.cancel(first.id, who="wayan", terminal="till-1")
    assert cancel.cancels == first.id and cancel.status == EntryStatus.QUEUED
    later = await enqueue_reward(outbox)
    ahead = await outbox.waits_behind(later)
    claimed = await outbox.claim("w")
    if honoured:  # the redemption, backing off to go again, holds the lane: it is what waits
        assert ahead is not None and ahead.id == first.id and claimed is None
    else:  # nothing holds it back: the claim takes it
        assert ahead is None and claimed is not None and claimed.entry_id == later.id


async def test_claim_commits_lease_and_ambiguous_attempt_before_sending(
    outbox: Outbox, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("owner-1")
    assert claimed is not None
    # read through a second outbox (another process): the claim is already committed
    other = Outbox(type(outbox.db)(outbox.db.path), outbox.policy)
    try:
        seen = await other.get(entry.id)
        assert seen is not None and seen.status == EntryStatus.SENDING
        assert seen.lease_owner == "owner-1"
        policy = outbox.policy
        lease = 2 * (policy.connect_timeout + policy.read_timeout) + policy.lease_margin
        assert seen.lease_until == clock.now() + timedelta(seconds=lease)
        (attempt,) = await other.attempts(entry.id)
        assert (attempt.outcome, attempt.ended_at) == (Outcome.AMBIGUOUS, None)
    finally:
        await other.close()


async def test_a_stale_result_is_discarded(outbox: Outbox, clock: ManualClock) -> None:
    entry = await enqueue_reward(outbox)
    stale = await outbox.claim("old")
    assert stale is not None
    clock.advance(outbox.policy.lease_seconds + 1)
    fresh = await outbox.claim("new")  # the sweep requeues it (honoured), the claim retakes it
    assert fresh is not None and fresh.entry_id == entry.id and fresh.attempt == 2
    assert await outbox.record(stale, Outcome.REFUSED) is None
    current = await outbox.get(entry.id)
    assert current is not None and current.status == EntryStatus.SENDING
    assert current.lease_owner == fresh.owner
    attempts = await outbox.attempts(entry.id)
    assert [a.outcome for a in attempts] == [Outcome.AMBIGUOUS, Outcome.AMBIGUOUS]
    assert attempts[0].error and "lease ran out" in attempts[0].error
    assert [a.action for a in await outbox.audit_log(entry.id)] == ["late_result_discarded"]
    assert await outbox.record(fresh, Outcome.APPLIED, result=SubmitResult(1, 5, {})) == "synced"


async def test_an_expired_lease_without_a_vouching_key_goes_unknown(
    make_outbox: OutboxFactory, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    entry = await enqueue_reward(outbox)
    assert await outbox.claim("crashed") is not None
    clock.advance(outbox.policy.lease_seconds - 1)
    assert await outbox.claim("x") is None
    still = await outbox.get(entry.id)
    assert still is not None and still.status == EntryStatus.SENDING
    clock.advance(2)
    assert await outbox.claim("x") is None
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN


async def test_a_kiosk_entry_whose_lease_ran_out_past_its_bound_goes_unknown(
    outbox: Outbox, clock: ManualClock
) -> None:
    # The key vouches (honoured), but the kiosk's customer has gone: not sent again.
    entry = await enqueue_reward(outbox, channel=3, expires_at=clock.now() + timedelta(seconds=60))
    assert await outbox.claim("crashed") is not None
    clock.advance(outbox.policy.lease_seconds + 1)
    assert await outbox.claim("x") is None
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN


async def test_a_crash_mid_request_is_resent_under_the_same_key(
    make_outbox: OutboxFactory, transport: FakeTransport, clock: ManualClock
) -> None:
    first = await make_outbox()
    hang = Hang()
    transport.script = [hang]
    crashed = SyncWorker(first, transport, name="gui")
    crashed.start()
    entry = await enqueue_reward(first)
    await hang.started.wait()
    await crashed.stop()  # the process dies with the request in flight
    await first.close()

    second = await make_outbox()  # restart on the same file
    worker = SyncWorker(second, transport, name="restarted")
    assert await worker.run_once() == 0  # the lease still holds
    clock.advance(second.policy.lease_seconds + 1)
    assert await worker.run_once() == 1
    done = await second.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert [key for _, _, key in transport.calls] == [entry.id, entry.id]
    assert transport.server.applications[entry.id] == 1


async def test_two_processes_never_share_a_lane(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    gui, headless = await make_outbox(), await make_outbox()
    ids = [
        (await enqueue_reward(gui if i % 2 else headless, lane=f"m{i % 3}")).id for i in range(12)
    ]
    workers = [SyncWorker(gui, transport, name="gui"), SyncWorker(headless, transport, name="cli")]
    order: list[str] = []
    sending: set[str] = set()

    original = transport.submit

    async def observe(kind, payload, *, idempotency_key):  # type: ignore[no-untyped-def]
        lane = str(payload["user"])
        assert lane not in sending, "two requests of one lane in flight"
        sending.add(lane)
        await asyncio.sleep(0)
        try:
            return await original(kind, payload, idempotency_key=idempotency_key)
        finally:
            sending.discard(lane)
            order.append(idempotency_key)

    transport.submit = observe  # type: ignore[method-assign]
    for _ in range(6):
        await asyncio.gather(*(w.run_once() for w in workers))
    assert sorted(order) == sorted(ids)
    entries = {e.id: e for e in await gui.entries()}
    for lane in ("m0", "m1", "m2"):
        lane_seq = [e.id for e in sorted(entries.values(), key=lambda e: e.seq) if e.lane == lane]
        assert [i for i in order if i in lane_seq] == lane_seq
    assert all(e.status == EntryStatus.SYNCED for e in entries.values())


async def test_lanes_run_in_parallel_up_to_the_setting(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=2))
    for lane in ("a", "b", "c"):
        await enqueue_reward(outbox, lane=lane)
    worker = SyncWorker(outbox, transport)
    assert await worker.run_once() == 2
    assert await worker.run_once() == 1


async def test_a_late_2xx_settles_an_entry_that_went_unknown_meanwhile(
    make_outbox: OutboxFactory, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    entry = await enqueue_reward(outbox)
    slow = await outbox.claim("slow")
    assert slow is not None
    clock.advance(outbox.policy.lease_seconds + 1)
    assert await outbox.claim("sweeper") is None
    gone = await outbox.get(entry.id)
    assert gone is not None and gone.status == EntryStatus.UNKNOWN
    assert await outbox.record(slow, Outcome.APPLIED, result=SubmitResult(9, 1, {})) == "synced"
    done = await outbox.get(entry.id)
    assert done is not None and done.server_redemption_id == 9 and not done.reconciled
    assert done.lease_owner is None


async def test_a_late_refusal_does_not_settle_an_unknown_entry(
    make_outbox: OutboxFactory, clock: ManualClock
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    entry = await enqueue_reward(outbox)
    slow = await outbox.claim("slow")
    assert slow is not None
    clock.advance(outbox.policy.lease_seconds + 1)
    assert await outbox.claim("sweeper") is None
    assert await outbox.record(slow, Outcome.REFUSED) is None
    still = await outbox.get(entry.id)
    assert still is not None and still.status == EntryStatus.UNKNOWN


async def test_an_answer_claims_the_lanes_next_entry_in_order(outbox: Outbox) -> None:
    first = await enqueue_reward(outbox, lane="a")
    second = await enqueue_reward(outbox, lane="a")
    other = await enqueue_reward(outbox, lane="b")
    claimed = await outbox.claim("one")
    assert claimed is not None and claimed.entry_id == first.id
    status, following = await outbox.record_and_claim(
        claimed, Outcome.APPLIED, result=SubmitResult(1, 5, {}), owner="two"
    )
    assert status == EntryStatus.SYNCED
    # the member's next, in the order it was queued, and on the answer's commit
    assert following is not None and following.entry_id == second.id
    seen = await outbox.get(second.id)
    assert seen is not None and seen.status == EntryStatus.SENDING and seen.lease_owner == "two"
    status, following = await outbox.record_and_claim(
        following, Outcome.APPLIED, result=SubmitResult(2, 4, {}), owner="three"
    )
    assert following is not None and following.entry_id == other.id


async def test_a_retry_keeps_its_lane_behind_it(outbox: Outbox) -> None:
    first = await enqueue_reward(outbox, lane="a")
    await enqueue_reward(outbox, lane="a")
    other = await enqueue_reward(outbox, lane="b")
    claimed = await outbox.claim("one")
    assert claimed is not None and claimed.entry_id == first.id
    status, following = await outbox.record_and_claim(
        claimed, Outcome.NEVER_ARRIVED, error=StaleClaim(), owner="two"
    )
    assert status == EntryStatus.QUEUED  # backing off: its lane waits, another member goes on
    assert following is not None and following.entry_id == other.id


async def test_a_paused_queue_claims_nothing_with_the_answer_that_paused_it(
    outbox: Outbox,
) -> None:
    await enqueue_reward(outbox, lane="a")
    await enqueue_reward(outbox, lane="b")
    claimed = await outbox.claim("one")
    assert claimed is not None
    refused = CredentialsRejected("bad token", status_code=401)
    _, following = await outbox.record_and_claim(
        claimed, refused.outcome, error=refused, owner="two"
    )
    assert (await outbox.status()).paused
    assert following is None


@pytest.mark.parametrize(
    ("policy", "after_lease"), [(HONOURED, EntryStatus.QUEUED), (NOT_HONOURED, EntryStatus.UNKNOWN)]
)
async def test_a_crash_after_the_answer_commits_leaves_the_next_claim_to_its_lease(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: ManualClock,
    policy: OutboxPolicy,
    after_lease: EntryStatus,
) -> None:
    outbox = await make_outbox(policy)
    await enqueue_reward(outbox, lane="a")
    second = await enqueue_reward(outbox, lane="b")
    claimed = await outbox.claim("one")
    assert claimed is not None
    _, following = await outbox.record_and_claim(
        claimed, Outcome.APPLIED, result=SubmitResult(1, 5, {}), owner="two"
    )
    assert following is not None and following.entry_id == second.id
    # The process dies here: the claim is committed, the request not sent. A restart cannot know
    # that, so the attempt is ambiguous: resent under its key when the key vouches, else found out.
    await outbox.close()
    restarted = await make_outbox(policy)
    worker = SyncWorker(restarted, transport, name="restarted")
    assert await worker.run_once(reconcile=False) == 0  # the lease still holds
    clock.advance(policy.lease_seconds + 1)
    await restarted.claim_batch([])  # the sweep a round's claim runs first
    after = await restarted.get(second.id)
    assert after is not None and after.status == after_lease
    (attempt,) = await restarted.attempts(second.id)
    assert attempt.outcome == Outcome.AMBIGUOUS and "lease ran out" in (attempt.error or "")
    sent = await worker.run_once(reconcile=False)
    assert transport.server.requests == ([(second.id, "reward")] if sent else [])
    assert sent == (1 if policy.idempotency_honoured else 0)


# --- the wall clock moved back (a dead CMOS battery, a cashier's "fix", NTP) ---------------------

#: Where the wall clock is moved back to: two hours by hand, or a boot with a dead CMOS battery.
MOVED_BACK = {
    "by hand": lambda now: now - timedelta(hours=2),
    "booted in 2000": lambda now: datetime(2000, 1, 1, tzinfo=UTC),
}


async def sent_once(outbox: Outbox, outcome: Outcome) -> tuple[str, str]:
    """A reward queued, claimed and answered with ``outcome``: its entry id and new status."""
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    return entry.id, await outbox.record(claimed, outcome)


@pytest.mark.parametrize("moved_to", MOVED_BACK.values(), ids=MOVED_BACK.keys())
async def test_a_backoff_does_not_wait_for_a_clock_moved_back_to_catch_up(
    outbox: Outbox, clock: ManualClock, moved_to: Callable[[datetime], datetime]
) -> None:
    entry_id, _ = await sent_once(outbox, Outcome.NEVER_ARRIVED)  # backs off one second
    clock.set_wall(moved_to(clock.now()))
    assert await outbox.claim("w") is None  # the second it was given still runs, from now
    clock.advance(2)
    again = await outbox.claim("w")
    assert again is not None and again.entry_id == entry_id


@pytest.mark.parametrize("policy", [HONOURED, NOT_HONOURED], ids=["honoured", "unknown"])
async def test_a_lease_under_a_clock_moved_back_runs_one_lease_not_until_the_clock_catches_up(
    make_outbox: OutboxFactory, clock: ManualClock, policy: OutboxPolicy
) -> None:
    outbox = await make_outbox(policy)
    entry = await enqueue_reward(outbox)
    later = await enqueue_reward(outbox)
    crashed = await outbox.claim("crashed")
    assert crashed is not None
    clock.set_wall(datetime(2000, 1, 1, tzinfo=UTC))  # rebooted with a dead CMOS battery
    # the request may still be on its way: the lease holds, the lane waits
    assert await outbox.claim("x") is None
    held = await outbox.get(entry.id)
    assert held is not None and held.status == EntryStatus.SENDING
    assert held.lease_owner == "crashed"
    clock.advance(outbox.policy.lease_seconds + 1)
    # how long the server has known the key cannot be told: never resent under it
    assert (await outbox.claim("x")) is not None
    after = await outbox.get(entry.id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    nxt = await outbox.get(later.id)
    assert nxt is not None and nxt.status == EntryStatus.SENDING


async def test_an_answer_within_a_lease_kept_under_a_clock_moved_back_is_recorded(
    outbox: Outbox, clock: ManualClock
) -> None:
    entry = await enqueue_reward(outbox)
    claimed = await outbox.claim("w")
    assert claimed is not None
    clock.set_wall(clock.now() - timedelta(hours=2))
    assert await outbox.claim("x") is None  # the sweep keeps the lease for its owner
    assert await outbox.record(claimed, Outcome.APPLIED, result=SubmitResult(7, 5, {})) == "synced"
    done = await outbox.get(entry.id)
    assert done is not None and done.server_redemption_id == 7


async def test_an_ambiguous_entry_is_not_resent_under_its_key_after_the_clock_moved_back(
    outbox: Outbox, clock: ManualClock
) -> None:
    # Sent with the clock ten hours fast, answered ambiguously, then the clock is corrected
    # (the network down meanwhile): thirty real hours later the till would believe the key had
    # been out twenty, and resend it under a key the server forgot after twenty-four.
    entry_id, status = await sent_once(outbox, Outcome.AMBIGUOUS)
    assert status == "queued"
    clock.set_wall(clock.now() - timedelta(hours=10))
    clock.advance(outbox.policy.idle_recheck)  # the running worker's next look
    assert await outbox.claim("w") is None
    clock.advance(30 * 3600)
    assert await outbox.claim("w") is None
    after = await outbox.get(entry_id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
    assert len(await outbox.attempts(entry_id)) == 1


async def test_an_ambiguous_entry_goes_unknown_when_the_clock_is_seen_moved_back(
    outbox: Outbox, clock: ManualClock
) -> None:
    entry_id, status = await sent_once(outbox, Outcome.AMBIGUOUS)
    assert status == "queued"
    clock.set_wall(datetime(2000, 1, 1, tzinfo=UTC))
    assert await outbox.claim("w") is None
    after = await outbox.get(entry_id)
    assert after is not None and after.status == EntryStatus.UNKNOWN
