"""The worker wakes when another process queues an entry, not on every commit it hears of (its
own writes among them)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from app.core.services.queued_elsewhere import QueuedElsewhere

GUARD = 10.0  # seconds: only ever reached when the behaviour is broken


class Queue:
    """The queue's newest entry, as another process moves it; each look is counted."""

    def __init__(self, newest: str | None = None) -> None:
        self.entry = newest
        self.looks = 0
        self.gate: asyncio.Event | None = None  # set: a look's answer waits for it
        self.read = asyncio.Event()  # a look has read (and waits for the gate, if any)

    async def newest(self) -> str | None:
        self.looks += 1
        entry = self.entry  # what the read sees: a commit after it is not in its answer
        self.read.set()
        if self.gate is not None:
            await self.gate.wait()
        return entry


class Looks:
    """The looks started in the background, awaited by the test."""

    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[object]] = []

    def __call__(self, work: Coroutine[Any, Any, object]) -> None:
        self.tasks.append(asyncio.get_running_loop().create_task(work))

    async def done(self) -> None:
        await asyncio.wait_for(asyncio.gather(*self.tasks), GUARD)


async def test_only_a_newer_entry_wakes_the_worker() -> None:
    queue, looks, wakes = Queue(newest="e7"), Looks(), []
    heard = QueuedElsewhere(queue.newest, lambda: wakes.append(queue.entry), looks)
    heard.heard()  # the start: what is queued already is looked at once
    await looks.done()
    assert wakes == ["e7"]
    for _ in range(3):  # commits that queue nothing (a member cached, the worker's own claim)
        heard.heard()
        await looks.done()
    assert wakes == ["e7"]
    queue.entry = "e8"  # another process queued a cancel
    heard.heard()
    await looks.done()
    assert wakes == ["e7", "e8"]


async def test_notices_heard_during_a_look_make_one_more_look() -> None:
    queue, looks, wakes = Queue(newest="e3"), Looks(), []
    heard = QueuedElsewhere(queue.newest, lambda: wakes.append(queue.entry), looks)
    heard.heard()
    await looks.done()
    queue.gate, queue.read = asyncio.Event(), asyncio.Event()
    heard.heard()
    await asyncio.wait_for(queue.read.wait(), GUARD)
    queue.entry = "e4"  # committed after that look read: its notices come while it waits
    heard.heard()
    heard.heard()
    queue.gate.set()
    await looks.done()
    assert (len(looks.tasks), queue.looks, wakes) == (2, 3, ["e3", "e4"])


async def test_an_entry_queued_after_the_newest_was_forgotten_wakes_the_worker() -> None:
    # ``seq`` is the newest's plus one: once the upkeep forgot every entry (settled long ago),
    # the next one queued had a ``seq`` already seen, and woke nothing.
    queue, looks, wakes = Queue(newest="redeemed-in-may"), Looks(), []
    heard = QueuedElsewhere(queue.newest, lambda: wakes.append(queue.entry), looks)
    heard.heard()
    await looks.done()
    queue.entry = None  # the upkeep forgot it
    heard.heard()
    await looks.done()
    queue.entry = "cancel-from-the-shell"
    heard.heard()
    await looks.done()
    assert wakes == ["redeemed-in-may", "cancel-from-the-shell"]
