"""Fixtures for the outbox tests: outboxes on this test's database (tests/unit/core/conftest.py), a
worker and the fakes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import ManualClock
from app.core.domain import OperationKind
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.storage import Database

from .fakes import STORE, FakeServer, FakeTransport, reward_name

HONOURED = OutboxPolicy(idempotency_honoured=True, lanes=4)
NOT_HONOURED = OutboxPolicy(idempotency_honoured=False, lanes=4)


@pytest.fixture
def server() -> FakeServer:
    """The fake server, honouring idempotency keys unless a test says otherwise."""
    return FakeServer()


@pytest.fixture
def transport(server: FakeServer) -> FakeTransport:
    """A scriptable transport on the fake server."""
    return FakeTransport(server=server)


OutboxFactory = Callable[..., Awaitable[Outbox]]


@pytest.fixture
async def make_outbox(db_path: Path, clock: ManualClock) -> AsyncIterator[OutboxFactory]:
    """Open outboxes on this test's database (as many as a test wants: one per 'process')."""
    opened: list[Outbox] = []

    async def factory(policy: OutboxPolicy = HONOURED, retry: RetryPolicy | None = None) -> Outbox:
        outbox = Outbox(Database(db_path), policy, retry or RetryPolicy(random=lambda: 0.5))
        opened.append(outbox)
        return outbox

    yield factory
    for outbox in opened:
        await outbox.close()


@pytest.fixture
async def outbox(make_outbox: OutboxFactory) -> Outbox:
    """An outbox with idempotency honoured and a fixed jitter of one half."""
    return await make_outbox()


@pytest.fixture
async def worker(outbox: Outbox, transport: FakeTransport) -> AsyncIterator[SyncWorker]:
    """A worker on the outbox and the fake transport; stopped at teardown."""
    sync = SyncWorker(outbox, transport, name="w1")
    yield sync
    await sync.stop()


async def enqueue_reward(
    outbox: Outbox,
    lane: str = "m1",
    reward: int = 1,
    stamps: int = 10,
    user: str | None = None,
    channel: int | None = None,
    **kwargs: Any,
) -> Any:
    """Queue a reward redemption whose feed line the fake server will write; ``user`` (the
    feed's name for the member) is the lane's name unless given."""
    payload: dict[str, Any] = {"user": lane, "reward": reward, "store": STORE, "stamps": stamps}
    if channel is not None:
        payload["channel"] = channel
    return await outbox.enqueue(
        OperationKind.REWARD,
        payload,
        lane=lane,
        user=lane if user is None else user,
        cashier="ayu",
        terminal="till-1",
        reward_name=reward_name(reward),
        stamps=stamps,
        **kwargs,
    )


async def settle(
    clock: ManualClock, task: asyncio.Task[Any] | None = None, worker: SyncWorker | None = None
) -> None:
    """Let the loop (and the database threads) run until something is asleep on the clock, or
    ``task`` is done. The manual clock offers no event for this, hence the polling yield.

    With ``worker``, also until it has no request in flight: a worker waiting for an answer sleeps
    on the clock too, and moving the clock then would spend a deadline on the database's threads.
    """
    for _ in range(50):
        await asyncio.sleep(0)
    while not (task and task.done()) and (  # noqa: ASYNC110
        clock.sleepers < 1 or (worker is not None and worker.in_flight)
    ):
        await asyncio.sleep(0.001)
