"""Enqueue latency: from the service call to the committed row.

Three writers, each on its own SQLite file in one temporary folder (same disk), measured in
interleaved rounds so that a burst of load on the machine falls on all of them alike:

- ``raw``: plain ``sqlite3`` with the till's pragmas (WAL, ``synchronous=FULL``, foreign keys,
  busy timeout), ``BEGIN IMMEDIATE``, one INSERT of a comparable row into the migrated
  ``outbox_entries`` table (same indexes, ``seq`` from ``MAX(seq) + 1``), ``COMMIT``, issued from
  the event loop through a one-thread executor, as the till does (docs/architecture.md §2: no
  commit on the loop's thread). The floor: what one durable row costs on this disk, on a thread.
- ``outbox``: ``await Outbox.enqueue(...)`` from the event loop (ORM, writer thread, commit).
- ``till``: ``await till.redeemer.redeem(order, member)``: the projected balance read, the
  offline policy, the payload check, then the enqueue. The worker is built but never started:
  nothing is sent.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import json
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import uuid6
from bench_support import (
    REWARD_ID,
    REWARD_NAME,
    REWARD_STAMPS,
    STORE,
    member_server_id,
    peak_rss_mb,
    percentile,
    reward_payload,
)

from app.core import clock
from app.core.domain import Channel, OperationKind
from app.core.offline.cache import MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.offline.policy import OfflineLimits
from app.core.outbox import Outbox, OutboxPolicy, SyncWorker
from app.core.services.config import TillConfig
from app.core.services.members import Member
from app.core.services.orders import RewardOrder
from app.core.services.stamps_link import ClientTransport
from app.core.services.till import Sale, Till
from app.core.stamps.client import StampsClient
from app.core.storage.engine import BUSY_TIMEOUT_MS
from app.core.storage.migrate import migrate
from app.sandbox.data import DEMO_TOKEN, MERCHANT_ID

ROUNDS = 10
WARMUP = 20
MEMBERS = 250
#: Nothing listens here: the till's client is built but never called.
UNUSED_URL = "http://127.0.0.1:9"

_RAW_INSERT = """
INSERT INTO outbox_entries (
    id, seq, kind, payload, lane, user, status, attempts, provisional, reconciled,
    expect_store, expect_name, expect_stamps, cashier, terminal, created_at, updated_at
) VALUES (
    ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox_entries), ?, ?, ?, ?, 'queued', 0, 0, 0,
    ?, ?, ?, ?, ?, ?, ?
)
"""


class RawWriter:
    """The baseline: one durable INSERT per call with the till's pragmas and nothing else."""

    def __init__(self, path: Path) -> None:
        migrate(path)
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            self.conn.execute(pragma)

    def insert(self, index: int) -> None:
        member = index % MEMBERS
        now = clock.now().replace(tzinfo=None).isoformat(sep=" ")
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            _RAW_INSERT,
            (
                str(uuid6.uuid7()),
                OperationKind.REWARD.value,
                json.dumps(reward_payload(member)),
                f"member:{member_server_id(member)}",
                reward_payload(member)["user"],
                STORE,
                REWARD_NAME,
                REWARD_STAMPS,
                "bench",
                "BENCH-1",
                now,
                now,
            ),
        )
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def _member(index: int) -> Member:
    return Member(
        server_id=member_server_id(index),
        name=f"Bench Member {index + 1}",
        email=reward_payload(index)["user"],
        phone=None,
        member_ids=(),
        card_number=None,
        level="Blue",
        stamps=10_000,
        balance=None,
        is_blocked=False,
        redemption_allowed=True,
        protected_redemption=False,
        pin_is_blocked=False,
        fetched_at=clock.now(),
    )


async def _always_online() -> Connectivity | None:
    return Connectivity.ONLINE


async def _build_till(path: Path) -> tuple[Till, Callable[[], Awaitable[None]]]:
    """A till as open_till builds it, with the worker and the monitor never started."""
    outbox = await Outbox.open(path, OutboxPolicy(lanes=8))
    client = StampsClient(base_url=UNUSED_URL, token=DEMO_TOKEN, merchant=MERCHANT_ID, store=STORE)
    monitor = ConnectivityMonitor(_always_online)
    worker = SyncWorker(outbox, ClientTransport(client, monitor))
    config = TillConfig(
        base_url=UNUSED_URL,
        merchant=MERCHANT_ID,
        store=STORE,
        terminal="BENCH-2",
        data_dir=path.parent,
        channel=Channel.POS,
        limits=OfflineLimits(),
    )
    till = Till(
        config=config,
        client=client,
        outbox=outbox,
        worker=worker,
        monitor=monitor,
        cache=MemberCache(outbox.db),
    )

    async def close() -> None:
        await worker.stop()
        await till.cache.close()
        await client.aclose()
        await outbox.close()

    return till, close


def _summary(samples: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples]
    return {
        "n": len(ms),
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms),
    }


async def measure_enqueue(params: dict[str, Any]) -> dict[str, Any]:
    """Run the three writers for ``params["n"]`` calls each; p50/p99 of each."""
    n = int(params["n"])
    members = [_member(i) for i in range(MEMBERS)]
    order = RewardOrder(reward_id=REWARD_ID, name=REWARD_NAME, stamps_each=REWARD_STAMPS)
    samples: dict[str, list[float]] = {"raw": [], "outbox": [], "till": []}
    with tempfile.TemporaryDirectory(prefix="stamps-bench-") as tmp:
        folder = Path(tmp)
        raw = RawWriter(folder / "raw.sqlite3")
        outbox = await Outbox.open(folder / "outbox.sqlite3", OutboxPolicy(lanes=8))
        till, close_till = await _build_till(folder / "till.sqlite3")
        counter = {"raw": 0, "outbox": 0, "till": 0}
        loop = asyncio.get_running_loop()
        raw_thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="raw-writer")

        async def raw_call() -> None:
            await loop.run_in_executor(raw_thread, raw.insert, counter["raw"])

        async def outbox_call() -> None:
            i = counter["outbox"] % MEMBERS
            await outbox.enqueue(
                OperationKind.REWARD,
                reward_payload(i),
                lane=f"member:{member_server_id(i)}",
                user=reward_payload(i)["user"],
                cashier="bench",
                terminal="BENCH-1",
                reward_name=REWARD_NAME,
                stamps=REWARD_STAMPS,
            )

        async def till_call() -> None:
            await till.redeemer.redeem(order, members[counter["till"] % MEMBERS], Sale("bench"))

        calls = {"raw": raw_call, "outbox": outbox_call, "till": till_call}

        async def run(name: str, count: int, record: bool) -> None:
            call = calls[name]
            for _ in range(count):
                start = time.perf_counter()
                await call()
                elapsed = time.perf_counter() - start
                counter[name] += 1
                if record:
                    samples[name].append(elapsed)

        try:
            for name in calls:
                await run(name, WARMUP, record=False)
            gc.collect()
            per_round = max(1, n // ROUNDS)
            for _ in range(ROUNDS):
                for name in calls:
                    await run(name, per_round, record=True)
        finally:
            raw_thread.shutdown()
            raw.close()
            await close_till()
            await outbox.close()
    result: dict[str, Any] = {name: _summary(s) for name, s in samples.items()}
    result["rss_mb"] = peak_rss_mb()
    result["tmp"] = tempfile.gettempdir()
    return result


def child_enqueue(params: dict[str, Any]) -> dict[str, Any]:
    """Entry point of the ``enqueue`` child process."""
    return asyncio.run(measure_enqueue(params))
