"""A stop cancelled while it waits for its task (a window's close cut short, Ctrl-C twice):
shared by the tests of what the till stops (the change watch, the monitor; the outbox tests,
a package of their own, keep their own copy)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable


async def stop_cancelled_after(steps: int, stop: Callable[[], Awaitable[None]]) -> None:
    """Start ``stop()``, let it run ``steps`` turns of the loop, cancel it, and check that the
    cancellation reached its caller: a stop that took it in as its task's own returned as if
    never cancelled, and what closed the till went on (or hung) behind it."""
    stopping = asyncio.ensure_future(stop())
    for _ in range(steps):  # each moment of the stop, in turn
        await asyncio.sleep(0)
    cancelled = stopping.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await stopping
    assert stopping.cancelled() or not cancelled, "a cancelled stop returned as if not cancelled"
