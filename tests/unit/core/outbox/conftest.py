"""Fixtures for the outbox tests: a manual clock, a fresh migrated database per test, fakes."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import ManualClock, installed
from app.core.domain import OperationKind
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.storage import Database, migrate

from .fakes import STORE, FakeServer, FakeTransport, reward_name

HONOURED = OutboxPolicy(idempotency_honoured=True, lanes=4)
NOT_HONOURED = OutboxPolicy(idempotency_honoured=False, lanes=4)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template", numbered=False) / "template.db"
    migrate(path)
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    """A fresh migrated database file for this test."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "till.db"
    shutil.copyfile(template_db, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def clock() -> Iterator[ManualClock]:
    """A manual clock installed as the core's clock."""
    manual = ManualClock()
    with installed(manual):
        yield manual


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
    **kwargs: Any,
) -> Any:
    """Queue a reward redemption whose feed line the fake server will write; ``user`` (the
    feed's name for the member) is the lane's name unless given."""
    return await outbox.enqueue(
        OperationKind.REWARD,
        {"user": lane, "reward": reward, "store": STORE, "stamps": stamps},
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
