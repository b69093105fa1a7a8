"""Waiting on an event or the clock, whichever comes first (the clock may be a test's)."""

from __future__ import annotations

import asyncio
import contextlib

from app.core import clock


async def wait_event(event: asyncio.Event, seconds: float | None) -> bool:
    """Wait until ``event`` is set or ``seconds`` of clock time pass; ``True`` if the event was set.

    ``None`` waits for the event alone.
    """
    if event.is_set():
        return True
    tasks: set[asyncio.Future[object]] = {asyncio.ensure_future(_wait(event))}
    if seconds is not None:
        tasks.add(asyncio.ensure_future(_sleep(seconds)))
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
    return event.is_set()


async def _wait(event: asyncio.Event) -> object:
    return await event.wait()


async def _sleep(seconds: float) -> object:
    await clock.sleep(max(0.0, seconds))
    return None
