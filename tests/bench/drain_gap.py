"""Where an ``unknown``-mode lane waits between an answer and its next request, two versions.

In ``idempotency = unknown`` a lane's next request leaves only once [answer + next claim] is
committed. This drains the bench's sandbox (its own process: 250 members, 50 ms a redemption)
through the real ``StampsClient``, 8 lanes, with another tree's ``writer.py``, ``outbox.py`` and
``worker.py`` and this one's in one process, alternated (A B, then B A), and splits each lane's
wait into: the answer back until its write is handed to the writer thread, waiting there behind
other writes, the transaction (statements and ``COMMIT``), and from the commit until the next
request leaves (the loop's hand-back and its other work).

    git archive main app tests/bench | tar -x -C /tmp/old
    .venv/bin/python tests/bench/drain_gap.py --old /tmp/old
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import cpu_ab
from bench_support import STORE, SandboxProcess

from app.core.outbox import OutboxPolicy
from app.core.services.stamps_link import ClientTransport
from app.core.stamps.client import StampsClient
from app.sandbox.data import DEMO_TOKEN, MERCHANT_ID

PARTS = ("to the writer", "behind other writes", "transaction", "back to a request")


class Stamps:
    """When each write was handed to the writer thread, and when its transaction began and
    ended (by the write's future), for one version's ``Database``."""

    def __init__(self, writer: ModuleType) -> None:
        self.queued: dict[int, float] = {}
        self.began: dict[int, float] = {}
        self.ended: dict[int, float] = {}
        database = writer.Database
        submit: Callable[..., Any] = database._submit
        commit: Callable[..., Any] = database._commit

        def timed_submit(db: Any, fn: Any, raw: bool) -> Any:
            future = submit(db, fn, raw)
            self.queued[id(future)] = time.perf_counter()
            return future

        def timed_commit(db: Any, group: list[Any]) -> Any:
            began = time.perf_counter()
            try:
                return commit(db, group)
            finally:
                ended = time.perf_counter()
                for write in group:
                    self.began[id(write.future)] = began
                    self.ended[id(write.future)] = ended

        self._undo = (database, submit, commit)
        database._submit, database._commit = timed_submit, timed_commit

    def remove(self) -> None:
        database, submit, commit = self._undo
        database._submit, database._commit = submit, commit


class Lanes:
    """The transport, noting for each lane (its task) when an answer came back and when its
    next request left."""

    def __init__(self, inner: ClientTransport) -> None:
        self.inner = inner
        self.last: dict[object, float] = {}
        self.waits: list[tuple[float, float]] = []

    async def submit(self, kind: Any, payload: Any, *, idempotency_key: str) -> Any:
        lane, now = asyncio.current_task(), time.perf_counter()
        if lane in self.last:
            self.waits.append((self.last[lane], now))
        try:
            return await self.inner.submit(kind, payload, idempotency_key=idempotency_key)
        finally:
            self.last[lane] = time.perf_counter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def split(lanes: Lanes, stamps: Stamps) -> dict[str, list[float]]:
    """Each wait, cut at the write handed over inside it (the lane's answer and next claim)."""
    handed = sorted((at, key) for key, at in stamps.queued.items() if key in stamps.ended)
    times = [at for at, _ in handed]
    parts: dict[str, list[float]] = {part: [] for part in PARTS}
    for answered, sent in lanes.waits:
        index = bisect.bisect_left(times, answered)
        if index >= len(handed) or handed[index][0] > sent:
            continue
        queued, key = handed[index]
        if stamps.ended[key] > sent:
            continue
        cuts = (answered, queued, stamps.began[key], stamps.ended[key], sent)
        for part, start, end in zip(PARTS, cuts, cuts[1:], strict=False):
            parts[part].append(end - start)
    return parts


async def one_drain(
    version: tuple[ModuleType, ModuleType, ModuleType], url: str, folder: Path, entries: int
) -> tuple[float, list[float], dict[str, list[float]]]:
    writer, outbox_module, worker_module = version
    policy = OutboxPolicy(lanes=8, idempotency_honoured=False)
    outbox = outbox_module.Outbox(await writer.Database.open(folder / "outbox.sqlite3"), policy)
    for index in range(entries):
        await cpu_ab._enqueue(outbox, index)
    stamps = Stamps(writer)
    client = StampsClient(base_url=url, token=DEMO_TOKEN, merchant=MERCHANT_ID, store=STORE)
    lanes = Lanes(ClientTransport(client))
    worker = worker_module.SyncWorker(outbox, lanes)
    try:
        start = time.perf_counter()
        status = await worker.drain(300)
        elapsed = time.perf_counter() - start
    finally:
        stamps.remove()
    assert status.pending == 0, status
    await worker.stop()
    await client.aclose()
    await outbox.close()
    return (
        entries / elapsed,
        [sent - answered for answered, sent in lanes.waits],
        split(lanes, stamps),
    )


def _ms(values: list[float]) -> str:
    return f"p50 {1000 * statistics.median(values):.2f} / mean {1000 * statistics.mean(values):.2f}"


async def ab(old: Path, entries: int, rounds: int) -> None:
    versions = cpu_ab._versions(old)
    with SandboxProcess(250, 50) as sandbox:
        for turn in range(rounds):
            for name in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                sandbox.reset()
                with tempfile.TemporaryDirectory(prefix="stamps-gap-") as tmp:
                    rate, waits, parts = await one_drain(
                        versions[name], sandbox.url, Path(tmp), entries
                    )
                average = f"{os.getloadavg()[0]:.2f}"
                print(
                    f"{name} (load {average}): {rate:.1f} req/s, wait {_ms(waits)} ms", flush=True
                )
                for part in PARTS:
                    print(f"    {part}: {_ms(parts[part])} ms", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="a tree with the old app/")
    parser.add_argument("--entries", type=int, default=600, help="a drain's entries (600)")
    parser.add_argument("--rounds", type=int, default=3, help="alternations (3)")
    args = parser.parse_args(argv)
    asyncio.run(ab(args.old, args.entries, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
