"""Moving a manual clock under running tills: only when every sync worker has nothing left to do
at the present moment, so what happens at a moment of the clock happens at that moment."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from app.core.clock import ManualClock
from app.core.outbox import SyncWorker


async def settle(workers: Sequence[SyncWorker]) -> None:
    """Until every worker waits for the clock with nothing in flight (:attr:`SyncWorker.idle`).

    Waits on each worker's own signal; a worker that another's work woke meanwhile is waited
    for again, until all are idle at once.
    """
    while True:
        for worker in workers:
            await worker.until_idle()
        await asyncio.sleep(0)  # one turn of the loop: callbacks already due run first
        if all(worker.idle for worker in workers):
            return


async def advance(clock: ManualClock, seconds: float, workers: Sequence[SyncWorker]) -> None:
    """Move the clock by ``seconds`` and let the workers do what came due."""
    clock.advance(seconds)
    await settle(workers)
