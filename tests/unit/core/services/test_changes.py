"""An open view learns that another connection (another process) changed the database."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.core.clock import ManualClock
from app.core.services.changes import ChangeWatch

from ....support.cancelling import stop_cancelled_after

GUARD = 10.0  # seconds: only ever reached when the behaviour is broken


async def asleep(clock: ManualClock) -> None:
    """Until the watch waits on the clock for its next look."""
    while clock.sleepers < 1:  # noqa: ASYNC110 - the manual clock has no event for this
        await asyncio.sleep(0)


def write_elsewhere(path: Path) -> None:
    """A commit from a connection the watch does not own (as another process makes one)."""
    with sqlite3.connect(path) as other:
        other.execute("UPDATE outbox_control SET reason = 'changed elsewhere' WHERE id = 1")
    other.close()


@pytest.fixture
async def watch(db_path: Path, clock: ManualClock) -> AsyncIterator[ChangeWatch]:
    running = ChangeWatch(db_path, interval=1.0)
    running.start()
    yield running
    await running.stop()


async def test_a_commit_elsewhere_is_heard_at_the_next_look(
    watch: ChangeWatch, db_path: Path, clock: ManualClock
) -> None:
    heard = asyncio.Event()
    watch.subscribe(heard.set)
    await asleep(clock)
    write_elsewhere(db_path)
    clock.advance(1.0)
    await asyncio.wait_for(heard.wait(), GUARD)


async def test_a_counter_the_full_disk_cannot_read_yet_is_heard_once_it_can(
    db_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No byte free for the WAL's index: the first look failed, and the window did not start.
    real = sqlite3.connect
    refusals = [sqlite3.OperationalError("disk I/O error")]

    class Connection:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection = connection

        def execute(self, sql: str) -> sqlite3.Cursor:
            if refusals:
                raise refusals.pop()
            return self.connection.execute(sql)

        def close(self) -> None:
            self.connection.close()

    monkeypatch.setattr(
        sqlite3,
        "connect",
        lambda *a, **k: Connection(real(*a, **k)),  # type: ignore[misc]
    )
    watch = ChangeWatch(db_path, interval=1.0)
    watch.start()
    try:
        heard = asyncio.Event()
        watch.subscribe(heard.set)
        await asleep(clock)
        clock.advance(1.0)  # space freed: the counter is read, and what it missed re-read
        await asyncio.wait_for(heard.wait(), GUARD)
    finally:
        await watch.stop()


async def test_nothing_is_heard_when_nothing_changed(
    watch: ChangeWatch, db_path: Path, clock: ManualClock
) -> None:
    calls: list[int] = []
    watch.subscribe(lambda: calls.append(watch.polls))
    for _ in range(3):
        await asleep(clock)
        looked = watch.polls
        clock.advance(1.0)
        while watch.polls == looked:  # noqa: ASYNC110 - wait for the look itself
            await asyncio.sleep(0)
    assert calls == []
    write_elsewhere(db_path)
    assert watch.poll() is True  # the next look sees it, once
    assert watch.poll() is False
    assert len(calls) == 1


async def test_a_failing_subscriber_does_not_silence_the_others(
    watch: ChangeWatch, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    heard: list[str] = []

    def broken() -> None:
        raise RuntimeError("a view's bug")

    watch.subscribe(broken)
    watch.subscribe(lambda: heard.append("second"))
    write_elsewhere(db_path)
    assert watch.poll()
    assert heard == ["second"]
    assert "a change subscriber failed" in caplog.text


async def test_stop_closes_the_connection(watch: ChangeWatch) -> None:
    await watch.stop()
    assert not watch.running
    await watch.stop()  # twice is harmless


@pytest.mark.parametrize("steps", range(1, 5))  # (at 0 the stop never began)
async def test_a_stop_cancelled_as_it_waits_stays_cancelled(
    watch: ChangeWatch, clock: ManualClock, steps: int
) -> None:
    # A close cancelled while it stops the watch (Ctrl-C twice) must stay cancelled: the stop's
    # wait for the polling task once took that cancellation in as the task's own.
    await asleep(clock)
    await stop_cancelled_after(steps, watch.stop)
    assert not watch.running
