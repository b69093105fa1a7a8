"""A lane keeps its next claim one step ahead when idempotency is honoured: the next request
leaves as soon as an answer comes, while that answer is written. Every request still leaves with
its claim on disk, a member's next request only once the answer before it is, and however a lane
stops (a full disk, a stop, a pause, the drain's deadline), nothing false is written."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox import Outbox, OutboxPolicy, SyncWorker
from app.core.outbox.remote import SubmitResult
from app.core.storage.problems import StorageFull, disk_full

from .conftest import OutboxFactory, enqueue_reward, settle
from .fakes import FakeServer, FakeTransport, FillingDisk, Hang

HONOURED_ONE_LANE = OutboxPolicy(idempotency_honoured=True, lanes=1)
UNKNOWN_ONE_LANE = OutboxPolicy(idempotency_honoured=False, lanes=1)


@dataclass
class Watch(FakeTransport):
    """The fake server, looking at the till's database (what is committed, from a reader's
    connection) as each request arrives: ``broken`` lists what it should never see."""

    outbox: Outbox | None = None
    broken: list[str] = field(default_factory=list)
    arrived: dict[str, asyncio.Event] = field(default_factory=dict)
    #: awaited while the n-th request (from 0) is out, before the server acts on it
    meanwhile: dict[int, Callable[[], Awaitable[None]]] = field(default_factory=dict)

    @property
    def sent(self) -> list[str]:
        """The keys of every request that reached the server, in order."""
        return [key for _, _, key in self.calls]

    async def submit(
        self, kind: OperationKind, payload: Any, *, idempotency_key: str
    ) -> SubmitResult:
        assert self.outbox is not None
        entry = await self.outbox.get(idempotency_key)
        assert entry is not None
        attempts = await self.outbox.attempts(idempotency_key)
        if entry.status != EntryStatus.SENDING or not attempts or attempts[-1].ended_at:
            self.broken.append(f"{idempotency_key} left without its claim on disk")
        for earlier in await self.outbox.entries(lane=entry.lane):
            if earlier.seq < entry.seq and earlier.status == EntryStatus.SENDING:
                self.broken.append(f"{idempotency_key} left before {earlier.id} was answered")
        self.arrived.setdefault(idempotency_key, asyncio.Event()).set()
        out = self.meanwhile.get(len(self.calls))
        if out is not None:
            await out()
        return await super().submit(kind, payload, idempotency_key=idempotency_key)


def watching(outbox: Outbox, server: FakeServer, script: list[object] | None = None) -> Watch:
    return Watch(server=server, outbox=outbox, script=list(script or []))


async def drain_on_the_clock(worker: SyncWorker, clock: ManualClock, seconds: float) -> Any:
    """Run a drain, moving the clock whenever it waits on it (a lease, a backoff)."""
    drain = asyncio.create_task(worker.drain(seconds))
    while not drain.done():
        await settle(clock, drain, worker)
        clock.advance(5)
    return await drain


async def test_the_next_request_leaves_while_the_answer_before_it_is_written(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(4)]
    transport = watching(outbox, server)
    record_and_claim = outbox.record_and_claim
    late: list[str] = []

    async def held(claimed: Any, *args: Any, **kwargs: Any) -> Any:
        # each answer's write waits for the next entry's request to reach the server
        index = [e.id for e in entries].index(claimed.entry_id)
        if index + 1 < len(entries):
            arrived = transport.arrived.setdefault(entries[index + 1].id, asyncio.Event())
            try:
                await asyncio.wait_for(arrived.wait(), 5)  # only a bound on a hung test
            except TimeoutError:
                late.append(claimed.entry_id)
        return await record_and_claim(claimed, *args, **kwargs)

    outbox.record_and_claim = held  # type: ignore[method-assign]
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.pending == 0
    assert late == []
    assert transport.broken == []
    assert transport.sent == [e.id for e in entries]
    assert set(server.applications.values()) == {1}
    await worker.stop()


@pytest.mark.parametrize(
    "policy", [HONOURED_ONE_LANE, UNKNOWN_ONE_LANE], ids=["honoured", "unknown"]
)
async def test_every_request_leaves_with_its_claim_on_disk_and_after_its_members_last_answer(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock, policy: OutboxPolicy
) -> None:
    outbox = await make_outbox(policy)
    # three members, each with three redemptions, queued member by member
    entries = [await enqueue_reward(outbox, lane=f"m{i // 3}") for i in range(9)]
    transport = watching(outbox, server)
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.pending == 0
    assert transport.broken == []
    for member in ("m0", "m1", "m2"):
        theirs = [e.id for e in entries if e.lane == member]
        assert [key for key in transport.sent if key in theirs] == theirs
    assert set(server.applications.values()) == {1}
    await worker.stop()


async def test_without_the_key_a_lane_sends_nothing_while_an_answer_is_being_written(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(UNKNOWN_ONE_LANE)
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(3)]
    transport = watching(outbox, server)
    record_and_claim = outbox.record_and_claim
    sent_while_writing: list[list[str]] = []

    async def watched(claimed: Any, *args: Any, **kwargs: Any) -> Any:
        before = len(transport.calls)
        result = await record_and_claim(claimed, *args, **kwargs)
        sent_while_writing.append(transport.sent[before:])
        return result

    outbox.record_and_claim = watched  # type: ignore[method-assign]
    worker = SyncWorker(outbox, transport, name="w1")
    await worker.drain(60)
    assert sent_while_writing == [[], [], []]
    assert transport.sent == [e.id for e in entries]
    await worker.stop()


async def test_an_answer_the_disk_refuses_while_the_next_request_is_out_is_left_to_its_lease(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    first, second, third = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(3)]
    record_and_claim = outbox.record_and_claim

    async def refused_once(claimed: Any, *args: Any, **kwargs: Any) -> Any:
        # the first answer's transaction (with the claim after it) is refused whole, while the
        # second request, claimed ahead, is out
        if claimed.entry_id == first.id and claimed.attempt == 1:
            raise disk_full(outbox.db.path)
        return await record_and_claim(claimed, *args, **kwargs)

    outbox.record_and_claim = refused_once  # type: ignore[method-assign]
    transport = watching(outbox, server)
    worker = SyncWorker(outbox, transport, name="w1")
    await drain_on_the_clock(worker, clock, 60)
    assert transport.broken == []
    assert transport.sent[:2] == [first.id, second.id]
    after = {e.id: e for e in await outbox.entries()}
    # applied at the server, its answer not on disk: in flight, its attempt ambiguous, never
    # "synced" nor "never arrived"; the others were written as answered
    assert after[first.id].status == EntryStatus.SENDING
    assert [a.outcome for a in await outbox.attempts(first.id)] == [Outcome.AMBIGUOUS]
    assert after[second.id].status == after[third.id].status == EntryStatus.SYNCED

    clock.advance(outbox.policy.lease_seconds + 1)
    await drain_on_the_clock(worker, clock, 600)
    assert {e.status for e in await outbox.entries()} == {EntryStatus.SYNCED}
    # resent under its key and replayed: each applied once
    assert server.applications == {first.id: 1, second.id: 1, third.id: 1}
    await worker.stop()


async def test_a_disk_that_stays_full_stops_the_lane_and_believes_nothing_it_could_not_write(
    make_outbox: OutboxFactory,
    server: FakeServer,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(4)]
    disk = FillingDisk(monkeypatch)
    record_and_claim = outbox.record_and_claim

    async def fills(claimed: Any, *args: Any, **kwargs: Any) -> Any:
        if claimed.entry_id == entries[0].id and claimed.attempt == 1:
            disk.fill()  # from the first answer's write on, the second request being out
        return await record_and_claim(claimed, *args, **kwargs)

    outbox.record_and_claim = fills  # type: ignore[method-assign]
    transport = watching(outbox, server)
    worker = SyncWorker(outbox, transport, name="w1")
    with pytest.raises(StorageFull):
        await worker.drain(60)
    statuses = [e.status for e in await outbox.entries()]
    # both answers unwritten: both in flight for the lease; the rest never claimed or sent
    assert statuses == [EntryStatus.SENDING] * 2 + [EntryStatus.QUEUED] * 2
    for entry in entries[:2]:
        assert [a.outcome for a in await outbox.attempts(entry.id)] == [Outcome.AMBIGUOUS]
    assert transport.sent == [e.id for e in entries[:2]]

    disk.free()
    clock.advance(outbox.policy.lease_seconds + 1)
    await drain_on_the_clock(worker, clock, 600)
    assert {e.status for e in await outbox.entries()} == {EntryStatus.SYNCED}
    assert server.applications == {e.id: 1 for e in entries}
    await worker.stop()


async def test_a_lane_stopped_with_a_request_out_leaves_it_to_its_lease_and_sends_no_more(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    first, second, third = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(3)]
    hang = Hang()
    transport = watching(outbox, server, ["apply", hang])
    worker = SyncWorker(outbox, transport, name="w1")
    worker.start()
    await hang.started.wait()
    await worker.stop()
    assert (await outbox.get(first.id)).status == EntryStatus.SYNCED  # type: ignore[union-attr]
    # cut off on its way: it may have arrived, so it is not "never arrived"; its lease decides
    out = await outbox.get(second.id)
    assert out is not None and out.status == EntryStatus.SENDING
    assert [a.outcome for a in await outbox.attempts(second.id)] == [Outcome.AMBIGUOUS]
    # claimed with the first's answer, never sent: recorded so, not left to a lease
    unsent = await outbox.get(third.id)
    assert unsent is not None and unsent.status == EntryStatus.QUEUED
    assert [(a.outcome, a.error) for a in await outbox.attempts(third.id)] in (
        [],
        [(Outcome.NEVER_ARRIVED, "StaleClaim")],
    )
    assert transport.sent == [first.id, second.id]


async def test_a_pause_with_an_answer_sends_nothing_claimed_ahead(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    first, second, _ = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(3)]
    transport = watching(outbox, server, ["creds"])
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.paused
    assert transport.sent == [first.id]
    # the second was claimed while the first was out: not sent, and recorded as such
    assert [(a.outcome, a.error) for a in await outbox.attempts(second.id)] == [
        (Outcome.NEVER_ARRIVED, "StaleClaim")
    ]
    assert {e.status for e in await outbox.entries()} == {EntryStatus.QUEUED}
    await worker.stop()


async def test_a_pause_in_one_lane_stops_the_others_sending_what_they_claimed_ahead(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=2))
    entries = [await enqueue_reward(outbox, lane=f"m{i}") for i in range(4)]
    paused = asyncio.Event()
    record_and_claim = outbox.record_and_claim

    async def noted(claimed: Any, *args: Any, **kwargs: Any) -> Any:
        answer = await record_and_claim(claimed, *args, **kwargs)
        if (await outbox.status()).paused:
            paused.set()
        return answer

    async def answered_after_the_pause() -> None:
        await paused.wait()

    outbox.record_and_claim = noted  # type: ignore[method-assign]
    transport = watching(outbox, server, ["creds"])
    # the other lane's request is answered (applied) once the first lane's 401 is written
    transport.meanwhile[1] = answered_after_the_pause
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.paused
    # two requests out before the pause (either lane's may be the one refused); the two
    # claimed ahead were not sent
    assert sorted(transport.sent) == sorted(e.id for e in entries[:2])
    assert (
        sorted([(a.outcome, a.error) for e in entries[2:] for a in await outbox.attempts(e.id)])
        == [(Outcome.NEVER_ARRIVED, "StaleClaim")] * 2
    )
    await worker.stop()


async def test_a_cancel_leaves_with_the_server_id_its_redemptions_answer_wrote(
    make_outbox: OutboxFactory, server: FakeServer, clock: ManualClock
) -> None:
    outbox = await make_outbox(HONOURED_ONE_LANE)
    redemption = await enqueue_reward(outbox, lane="m0")
    others = [await enqueue_reward(outbox, lane=f"m{i}") for i in (1, 2)]
    cancels: list[str] = []

    async def cancelled_while_out() -> None:
        # the manager cancels while the redemption is on its way: held until it is answered
        cancels.append((await outbox.cancel(redemption.id, who="manager", terminal="t")).id)

    transport = watching(outbox, server)
    transport.meanwhile[0] = cancelled_while_out
    worker = SyncWorker(outbox, transport, name="w1")
    status = await worker.drain(60)
    assert status.pending == 0
    assert transport.broken == []
    synced = await outbox.get(redemption.id)
    assert synced is not None and synced.server_redemption_id is not None
    assert server.cancelled == {synced.server_redemption_id}
    (cancel,) = cancels
    assert transport.sent[0] == redemption.id
    assert sorted(transport.sent[1:]) == sorted([cancel, *(e.id for e in others)])
    assert [payload["id"] for _, payload, key in transport.calls if key == cancel] == [
        synced.server_redemption_id
    ]
    await worker.stop()
