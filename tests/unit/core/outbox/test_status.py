"""The queue's counts (``status.py``): what the status bar, ``status`` and ``doctor`` read."""

from __future__ import annotations

from app.core.domain import EntryStatus
from app.core.outbox import Outbox, SyncWorker

from .conftest import NOT_HONOURED, OutboxFactory, enqueue_reward
from .fakes import FakeTransport


async def test_an_entry_whose_answer_was_lost_counts_not_confirmed_while_it_is_sent_again(
    outbox: Outbox, worker: SyncWorker, transport: FakeTransport
) -> None:
    # Under X: the card read "NOT CONFIRMED — do not hand over yet" for a redemption whose
    # answer the network lost, and the bar beside it "Queued 1 · Not confirmed 0".
    lost = await enqueue_reward(outbox, lane="m1")
    transport.script = ["lost"]
    await worker.run_once()
    unreached = await enqueue_reward(outbox, lane="m2")
    transport.script = ["connect"]
    await worker.run_once()
    for entry in (lost, unreached):
        now = await outbox.get(entry.id)
        assert now is not None and now.status == EntryStatus.QUEUED  # both to be sent again

    status = await outbox.status()
    assert (status.queued, status.unknown, status.resending) == (2, 0, 1)
    # each in one count: the one that may have arrived is not confirmed, the other waits
    assert (status.waiting, status.not_confirmed) == (1, 1)
    assert status.pending == 2  # the worker moves both without a person


async def test_an_entry_left_for_a_manager_counts_not_confirmed_once(
    make_outbox: OutboxFactory, transport: FakeTransport
) -> None:
    outbox = await make_outbox(NOT_HONOURED)
    worker = SyncWorker(outbox, transport)
    entry = await enqueue_reward(outbox)
    transport.script = ["lost"]
    await worker.run_once()
    await worker.stop()
    now = await outbox.get(entry.id)
    assert now is not None and now.status == EntryStatus.UNKNOWN

    status = await outbox.status()
    assert (status.unknown, status.resending, status.not_confirmed, status.waiting) == (1, 0, 1, 0)
