"""A disk that fills while the worker sends: an answer it cannot write stays an ambiguous
attempt (never "queued", never "never arrived"), the drain stops saying why, and once there is
space again everything is sent, none of it twice."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.outbox import OutboxPolicy, SyncWorker
from app.core.outbox.worker import RESAVE_SECONDS
from app.core.storage.problems import StorageFull

from .conftest import OutboxFactory, enqueue_reward, settle
from .fakes import FakeTransport, FillingDisk


class FillsAfter(FakeTransport):
    """The fake server; the disk fills while the ``n``-th request is at the server."""

    def __init__(self, disk: FillingDisk, n: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.disk, self.n, self.seen = disk, n, 0

    async def submit(self, *args: Any, **kwargs: Any) -> Any:
        result = await super().submit(*args, **kwargs)
        self.seen += 1
        if self.seen == self.n:
            self.disk.fill()
        return result


async def test_a_disk_that_fills_during_a_drain_believes_nothing_it_could_not_write(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=True, lanes=1))
    first, second, third = [(await enqueue_reward(outbox, lane="m1")).id for _ in range(3)]
    disk = FillingDisk(monkeypatch)
    sender = FillsAfter(disk, 2, server=transport.server)
    worker = SyncWorker(outbox, sender, name="w1")

    with pytest.raises(StorageFull):
        await worker.drain(60)
    status = {e.id: e.status for e in await outbox.entries()}
    assert status == {
        first: EntryStatus.SYNCED,
        # applied at the server, but the answer could not be written: still in flight, its
        # attempt ambiguous, for the lease sweep to decide (never "never arrived")
        second: EntryStatus.SENDING,
        third: EntryStatus.QUEUED,
    }
    assert [a.outcome for a in await outbox.attempts(second)] == [Outcome.AMBIGUOUS]
    assert await outbox.attempts(third) == []
    assert set(transport.server.applications) == {first, second}

    disk.free()
    clock.advance(outbox.policy.lease_seconds + 1)  # the lost answer's lease runs out
    drain = asyncio.create_task(worker.drain(600))
    while not drain.done():
        # with the worker: a request in flight waits on the clock too, and moving the clock
        # then would spend the drain's deadline on a loaded machine's database threads
        await settle(clock, drain, worker)
        clock.advance(5)
    await drain
    assert {e.status for e in await outbox.entries()} == {EntryStatus.SYNCED}
    # resent under its key, replayed by the server: applied once
    assert transport.server.applications == {first: 1, second: 1, third: 1}


@pytest.mark.parametrize("honoured", [True, False])
async def test_an_answer_the_full_disk_refused_is_kept_once_space_returns_within_its_lease(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
    honoured: bool,
) -> None:
    # The disk filled as the server's answer came: the running till left the attempt to its
    # lease, so the cashier waited a minute for a resend (or, without a key, a manager found it
    # "unknown") although the server had answered and space was back seconds later.
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=honoured, lanes=1))
    entry = await enqueue_reward(outbox, lane="m1")
    disk = FillingDisk(monkeypatch)
    refused = asyncio.Event()
    record_and_claim = outbox.record_and_claim

    async def watched(*args: Any, **kwargs: Any) -> Any:
        try:
            return await record_and_claim(*args, **kwargs)
        except StorageFull:
            refused.set()
            raise

    outbox.record_and_claim = watched  # type: ignore[method-assign]
    worker = SyncWorker(outbox, FillsAfter(disk, 1, server=transport.server), name="w1")
    worker.start()
    await refused.wait()
    # the lane waits on the clock to write it again (the worker's own round, its one lane
    # busy, waits on no clock)
    await settle(clock)
    disk.free()
    clock.advance(RESAVE_SECONDS)
    await settle(clock, worker=worker)  # written, the lane done, the worker asleep again
    done = await outbox.get(entry.id)
    assert done is not None and done.status == EntryStatus.SYNCED
    assert [a.outcome for a in await outbox.attempts(entry.id)] == [Outcome.APPLIED]
    assert transport.server.applications == {entry.id: 1}  # sent once, its answer kept
    await worker.stop()


async def test_an_answer_the_disk_goes_on_refusing_is_written_again_only_while_its_lease_lasts(
    make_outbox: OutboxFactory,
    transport: FakeTransport,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outbox = await make_outbox(OutboxPolicy(idempotency_honoured=False, lanes=1))
    entry = await enqueue_reward(outbox, lane="m1")
    disk = FillingDisk(monkeypatch)
    record = outbox.record
    tries: list[float] = []

    async def counted(*args: Any, **kwargs: Any) -> Any:
        tries.append(clock.monotonic())
        return await record(*args, **kwargs)

    outbox.record = counted  # type: ignore[method-assign]
    worker = SyncWorker(outbox, FillsAfter(disk, 1, server=transport.server), name="w1")
    worker.start()
    began = clock.monotonic()
    for _ in range(2 * int(outbox.policy.lease_seconds / RESAVE_SECONDS)):
        await settle(clock)
        clock.advance(RESAVE_SECONDS)
    await settle(clock)
    # written again every few seconds, and never once the lease (80 s) could have run out
    assert len(tries) >= outbox.policy.lease_seconds / RESAVE_SECONDS - 3
    assert max(tries) - began < outbox.policy.lease_seconds
    still = await outbox.get(entry.id)  # the disk still full: nothing false was written
    assert still is not None and still.status == EntryStatus.SENDING
    assert [a.outcome for a in await outbox.attempts(entry.id)] == [Outcome.AMBIGUOUS]
    await worker.stop()
