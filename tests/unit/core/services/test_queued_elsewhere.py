"""The worker wakes when another process queues an entry, not on every commit it hears of (its
own writes among them)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from app.core.services.queued_elsewhere import QueuedElsewhere

GUARD = 10.0  # seconds: only ever reached when the behaviour is broken


class Queue:
    """The queue's newest ``seq``, as another process moves it; each look is counted."""

    def __init__(self, newest: int = 0) -> None:
        self.seq = newest
        self.looks = 0
        self.gate: asyncio.Event | None = None  # set: a look waits for it

    async def newest(self) -> int:
        self.looks += 1
        if self.gate is not None:
            await self.gate.wait()
        return self.seq


class Looks:
    """The looks started in the background, awaited by the test."""

    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[object]] = []

    def __call__(self, work: Coroutine[Any, Any, object]) -> None:
        self.tasks.append(asyncio.get_running_loop().create_task(work))

    async def done(self) -> None:
        await asyncio.wait_for(asyncio.gather(*self.tasks), GUARD)


async def test_only_a_newer_entry_wakes_the_worker() -> None:
    queue, looks, wakes = Queue(newest=7), Looks(), []
    heard = QueuedElsewhere(queue.newest, lambda: wakes.append(queue.seq), looks)
    heard.heard()  # the start: what is queued already is looked at once
    await looks.done()
    assert wakes == [7]
    for _ in range(3):  # commits that queue nothing (a member cached, the worker's own claim)
        heard.heard()
        await looks.done()
    assert wakes == [7]
    queue.seq = 8  # another process queued a cancel
    heard.heard()
    await looks.done()
    assert wakes == [7, 8]


async def test_notices_heard_during_a_look_make_one_more_look() -> None:
    queue, looks, wakes = Queue(newest=3), Looks(), []
    heard = QueuedElsewhere(queue.newest, lambda: wakes.append(queue.seq), looks)
    heard.heard()
    await looks.done()
    queue.gate = asyncio.Event()
    heard.heard()
    while queue.looks < 2:  # noqa: ASYNC110 - the look has no event of its own to wait on
        await asyncio.sleep(0)
    queue.seq = 4  # committed after that look read: its notices come while it waits
    heard.heard()
    heard.heard()
    queue.gate.set()
    await looks.done()
    assert (len(looks.tasks), queue.looks, wakes) == (2, 3, [3, 4])
