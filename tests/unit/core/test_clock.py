"""The manual clock lets tests move time instead of sleeping."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

import pytest

from app.core import clock
from app.core.clock import ManualClock


async def test_sleepers_wake_in_deadline_order_when_time_moves() -> None:
    manual = ManualClock()
    woke: list[str] = []

    async def sleeper(name: str, seconds: float) -> None:
        await manual.sleep(seconds)
        woke.append(name)

    tasks = [asyncio.create_task(sleeper(n, s)) for n, s in [("late", 30), ("early", 5)]]
    await asyncio.sleep(0)
    assert manual.sleepers == 2
    manual.advance(10)
    await asyncio.sleep(0)
    assert woke == ["early"]
    manual.advance(20)
    await asyncio.gather(*tasks)
    assert woke == ["early", "late"]


def test_advance_moves_wall_and_monotonic_clocks_together() -> None:
    manual = ManualClock(datetime(2026, 1, 1, tzinfo=UTC))
    start = manual.monotonic()
    manual.advance(90)
    assert manual.now() == datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=90)
    assert manual.monotonic() - start == 90


def test_time_does_not_go_backwards() -> None:
    with pytest.raises(ValueError, match="backwards"):
        ManualClock().advance(-1)


def test_installed_clock_is_the_one_the_core_reads() -> None:
    manual = ManualClock()
    with clock.installed(manual):
        assert clock.now() == manual.now()
    assert clock.current() is not manual


def test_system_clock_is_utc_aware() -> None:
    assert clock.now().tzinfo is UTC


@pytest.mark.parametrize("steps", range(6))
async def test_a_wait_cancelled_as_it_ends_stays_cancelled(steps: int) -> None:
    # Seen as a window that never closed (1 start in 6): the connectivity monitor's wait ended
    # (the check at start proved the till offline) and, as it tidied up its inner waits, the
    # window's close cancelled it. The tidying swallowed that cancellation; the monitor went on
    # probing and the close waited for it for ever.
    event = asyncio.Event()
    waiting = asyncio.create_task(clock.wait_event(event, 3600))
    await asyncio.sleep(0)  # waiting for the event
    event.set()
    for _ in range(steps):  # each moment of the wait's end, in turn
        await asyncio.sleep(0)
    cancelled = waiting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await waiting
    assert waiting.cancelled() or not cancelled, "a cancelled wait returned as if not cancelled"


async def test_a_stopped_task_is_waited_for_even_when_the_stop_is_cancelled() -> None:
    # A stop cancelled half-way must not leave the task it stops still running behind it (a
    # connection closed under a lane still tidying), nor forget that it was cancelled.
    tidying, tidied = asyncio.Event(), asyncio.Event()

    async def work() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            tidying.set()
            await tidied.wait()

    task = asyncio.create_task(work())
    await asyncio.sleep(0)
    stopping = asyncio.create_task(clock.cancel_and_wait(task))
    await tidying.wait()
    stopping.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    assert not stopping.done(), "the stop gave up on a task still tidying"
    tidied.set()
    with contextlib.suppress(asyncio.CancelledError):
        await stopping
    assert task.done()
    assert stopping.cancelled()


async def test_a_stopped_task_that_failed_says_so() -> None:
    async def broken() -> None:
        raise LookupError("the task's own failure")

    task = asyncio.create_task(broken())
    await asyncio.sleep(0)
    with pytest.raises(LookupError):
        await clock.cancel_and_wait(task)


async def test_a_wait_on_the_real_clock_ends_with_its_event_or_its_time() -> None:
    event = asyncio.Event()
    asyncio.get_running_loop().call_soon(event.set)
    assert await clock.wait_event(event, 3600) is True
    event.clear()
    asyncio.get_running_loop().call_soon(event.set)
    assert await clock.wait_event(event, None) is True
    assert await clock.wait_event(asyncio.Event(), 0) is False
    assert await clock.wait_event(asyncio.Event(), -1) is False
