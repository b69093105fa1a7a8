"""Drain throughput: a full outbox sent to the sandbox, beside senders with no database at all.

Each part runs in its own child process (its own peak RSS, no shared GIL) against one sandbox
process that adds latency to redemption POSTs only; the sandbox is reset before each part.

- ``outbox``: enqueue every entry first (not timed), then time ``SyncWorker.drain`` with
  ``OutboxPolicy(lanes=LANES)`` through the real ``StampsClient`` and ``ClientTransport``, once
  with ``idempotency = honoured`` (the sandbox honours the key: a lane claims its next entry
  ahead) and once with ``unknown`` (the default: a claim is committed with the answer before it).
- ``plain``: the same requests with httpx alone, ``LANES`` in flight (a semaphore), each with its
  own Idempotency-Key: what the network and the server allow.
- ``sequential``: one request at a time, on a subset: a rate, so a subset measures it.
"""

from __future__ import annotations

import asyncio
import collections
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import uuid6
from bench_support import (
    REWARD_NAME,
    REWARD_STAMPS,
    STORE,
    auth_headers,
    member_server_id,
    peak_rss_mb,
    reward_payload,
)

from app.core.domain import EntryStatus, OperationKind
from app.core.outbox import Outbox, OutboxPolicy, SyncWorker
from app.core.services.stamps_link import ClientTransport
from app.core.stamps.client import StampsClient
from app.core.storage.writer import Database
from app.sandbox.data import DEMO_TOKEN, MERCHANT_ID

REDEEM_PATH = "/api/v2/redemptions/redeem-reward"
DRAIN_TIMEOUT = 100.0  # keeps a full run under ~3 minutes even if the drain regresses


def entry_members(entries: int, members: int) -> list[int]:
    """Which member each entry is for: round robin, so every lane holds entries/members."""
    return [i % members for i in range(entries)]


class WriterLog:
    """Counts and times every write the outbox's writer thread runs (by the function run, its
    statements only) and every commit (the transaction around a group of them, fsync included)."""

    def __init__(self) -> None:
        self.count: collections.Counter[str] = collections.Counter()
        self.seconds: collections.Counter[str] = collections.Counter()

    def install(self) -> None:
        submit, commit = Database._submit, Database._commit
        log = self

        def timed_submit(db: Database, fn: Any, raw: bool) -> Any:
            name = getattr(fn, "__qualname__", repr(fn)).replace(".<locals>", "")

            def timed(connection: Any) -> Any:
                start = time.perf_counter()
                try:
                    return fn(connection)
                finally:
                    log.count[name] += 1
                    log.seconds[name] += time.perf_counter() - start

            return submit(db, timed, raw)

        def timed_commit(db: Database, group: list[Any]) -> list[Any]:
            start = time.perf_counter()
            try:
                return commit(db, group)
            finally:
                name = f"transaction of {len(group)} write{'s' if len(group) > 1 else ''}"
                log.count[name] += 1
                log.seconds[name] += time.perf_counter() - start

        Database._submit = timed_submit  # type: ignore[method-assign]
        Database._commit = timed_commit  # type: ignore[method-assign]

    def report(self, entries: int) -> list[dict[str, Any]]:
        return [
            {
                "fn": name,
                "calls": self.count[name],
                "per_entry": self.count[name] / entries,
                "total_s": self.seconds[name],
                "mean_ms": 1000 * self.seconds[name] / self.count[name],
            }
            for name, _ in self.seconds.most_common()
        ]


async def measure_outbox(params: dict[str, Any]) -> dict[str, Any]:
    """Enqueue ``entries`` entries, then time ``SyncWorker.drain`` until nothing is pending."""
    entries, members, lanes = int(params["entries"]), int(params["members"]), int(params["lanes"])
    log = WriterLog() if params.get("profile") else None
    with tempfile.TemporaryDirectory(prefix="stamps-bench-") as tmp:
        policy = OutboxPolicy(lanes=lanes, idempotency_honoured=bool(params["honoured"]))
        outbox = await Outbox.open(Path(tmp) / "outbox.sqlite3", policy)
        start = time.perf_counter()
        for member in entry_members(entries, members):
            body = reward_payload(member)
            await outbox.enqueue(
                OperationKind.REWARD,
                body,
                lane=f"member:{member_server_id(member)}",
                user=body["user"],
                cashier="bench",
                terminal="BENCH-1",
                reward_name=REWARD_NAME,
                stamps=REWARD_STAMPS,
            )
        enqueue_s = time.perf_counter() - start
        client = StampsClient(
            base_url=params["url"], token=DEMO_TOKEN, merchant=MERCHANT_ID, store=STORE
        )
        worker = SyncWorker(outbox, ClientTransport(client))
        if log is not None:
            log.install()
        profiler = None
        if params.get("cprofile"):
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        try:
            cpu = time.process_time()
            start = time.perf_counter()
            status = await worker.drain(DRAIN_TIMEOUT)
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu
        finally:
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(params["cprofile"])
            await worker.stop()
            await client.aclose()
        synced = len(await outbox.entries([EntryStatus.SYNCED]))
        await outbox.close()
    return {
        "entries": entries,
        "synced": synced,
        "pending": status.pending,
        "seconds": elapsed,
        "req_s": synced / elapsed,
        "cpu_ms": 1000 * cpu / max(synced, 1),
        "enqueue_s": enqueue_s,
        "rss_mb": peak_rss_mb(),
        "writer": log.report(entries) if log is not None else [],
    }


async def _send_all(url: str, members: list[int], in_flight: int) -> tuple[float, int]:
    """POST each member's redemption, ``in_flight`` at a time; returns (seconds, 2xx answers)."""
    limits = httpx.Limits(max_connections=max(in_flight, 1), max_keepalive_connections=in_flight)
    gate = asyncio.Semaphore(in_flight)
    ok = 0

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as http:

        async def send(member: int) -> None:
            nonlocal ok
            async with gate:
                response = await http.post(
                    REDEEM_PATH,
                    json=reward_payload(member),
                    headers={**auth_headers(), "Idempotency-Key": str(uuid6.uuid7())},
                )
                response.json()
                if response.is_success:
                    ok += 1

        start = time.perf_counter()
        await asyncio.gather(*(send(m) for m in members))
        return time.perf_counter() - start, ok


async def _timed_send_all(url: str, members: list[int], in_flight: int) -> tuple[float, float, int]:
    cpu = time.process_time()
    elapsed, ok = await _send_all(url, members, in_flight)
    return elapsed, time.process_time() - cpu, ok


async def measure_sender(params: dict[str, Any]) -> dict[str, Any]:
    """The database-free sender: ``requests`` POSTs with ``in_flight`` at a time."""
    members = entry_members(int(params["requests"]), int(params["members"]))
    elapsed, cpu, ok = await _timed_send_all(params["url"], members, int(params["in_flight"]))
    return {
        "requests": len(members),
        "ok": ok,
        "seconds": elapsed,
        "req_s": ok / elapsed,
        "cpu_ms": 1000 * cpu / max(ok, 1),
        "rss_mb": peak_rss_mb(),
    }


def child_drain_outbox(params: dict[str, Any]) -> dict[str, Any]:
    """Entry point of the ``drain-outbox`` child process."""
    return asyncio.run(measure_outbox(params))


def child_drain_sender(params: dict[str, Any]) -> dict[str, Any]:
    """Entry point of the ``drain-plain`` and ``drain-sequential`` child processes."""
    return asyncio.run(measure_sender(params))
