"""CPU of the outbox's hot paths, another version's code and this one's, in one process.

Wall-clock figures move with whatever else the machine runs; two versions measured one after
the other in separate processes differ by more than a change of tens of microseconds. This runs
both in one interpreter, alternating rounds (A B, then B A), and reports ``time.process_time``
per operation with its loop-thread and writer-thread shares (``time.thread_time``).

    git archive main app tests/bench | tar -x -C /tmp/old      # the version to compare with
    .venv/bin/python tests/bench/cpu_ab.py --old /tmp/old enqueue
    .venv/bin/python tests/bench/cpu_ab.py --old /tmp/old drain

``enqueue``: ``Outbox.enqueue`` of each version on its own file, and the bench's floor (a raw
insert and commit on a one-thread executor). ``drain``: an ``unknown``-mode drain of each version
(its writer, outbox and worker) through a transport that answers after 2-8 ms without a network,
so the figure is the outbox's own work per entry: the claim, the answer's write, the listeners and
the worker's wake-ups (its wall time per entry is the lanes' cycle: the answer's 2-8 ms and the
wait for [answer + next claim] to commit, both versions under the same load). Only
``writer.py``, ``outbox.py`` and ``worker.py`` are taken from the old tree; the rest of the till
is this one's.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import gc
import importlib.util
import itertools
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_enqueue import RawWriter
from bench_support import (
    REWARD_NAME,
    REWARD_STAMPS,
    member_server_id,
    reward_payload,
)

import app.core.outbox.outbox as new_outbox
import app.core.outbox.worker as new_worker
import app.core.storage.writer as new_writer
from app.core.domain import OperationKind
from app.core.outbox import OutboxPolicy
from app.core.outbox.remote import SubmitResult

MEMBERS = 250


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _versions(old: Path) -> dict[str, tuple[ModuleType, ModuleType, ModuleType]]:
    """(writer, outbox, worker) modules of each version."""
    core = old / "app" / "core"
    return {
        "old": (
            _load("old_writer", core / "storage" / "writer.py"),
            _load("old_outbox", core / "outbox" / "outbox.py"),
            _load("old_worker", core / "outbox" / "worker.py"),
        ),
        "new": (new_writer, new_outbox, new_worker),
    }


class Cpu:
    """process_time, the loop thread's and a writer thread's thread_time, summed over rounds."""

    def __init__(self) -> None:
        self.total = self.loop = self.writer = self.wall = 0.0
        self.ops = 0

    async def measure(
        self, writer: concurrent.futures.Executor, ops: int, run: Callable[[], Awaitable[None]]
    ) -> None:
        gc.collect()
        w0 = writer.submit(time.thread_time).result()
        p0, l0, t0 = time.process_time(), time.thread_time(), time.perf_counter()
        await run()
        self.wall += time.perf_counter() - t0
        self.loop += time.thread_time() - l0
        self.total += time.process_time() - p0
        self.writer += writer.submit(time.thread_time).result() - w0
        self.ops += ops

    def line(self, name: str, unit: str) -> str:
        per = 1e6 / self.ops
        return (
            f"{name}: {self.total * per:.1f} µs CPU per {unit} "
            f"(loop thread {self.loop * per:.1f}, writer thread {self.writer * per:.1f}); "
            f"{self.wall * per:.0f} µs of wall time"
        )


def _body(index: int) -> tuple[dict[str, Any], str]:
    member = index % MEMBERS
    return reward_payload(member), f"member:{member_server_id(member)}"


async def _enqueue(outbox: Any, index: int) -> None:
    body, lane = _body(index)
    await outbox.enqueue(
        OperationKind.REWARD,
        body,
        lane=lane,
        user=body["user"],
        cashier="bench",
        terminal="BENCH-1",
        reward_name=REWARD_NAME,
        stamps=REWARD_STAMPS,
    )


async def ab_enqueue(old: Path, per_round: int, rounds: int) -> list[str]:
    versions = _versions(old)
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory(prefix="stamps-ab-") as tmp:
        folder = Path(tmp)
        outboxes = {
            name: outbox.Outbox(
                await writer.Database.open(folder / f"{name}.sqlite3"), OutboxPolicy(lanes=8)
            )
            for name, (writer, outbox, _) in versions.items()
        }
        raw = RawWriter(folder / "raw.sqlite3")
        raw_thread = concurrent.futures.ThreadPoolExecutor(1)
        count = itertools.count()

        def calls(name: str) -> Callable[[], Awaitable[None]]:
            async def run() -> None:
                for _ in range(per_round):
                    if name == "raw":
                        await loop.run_in_executor(raw_thread, raw.insert, next(count))
                    else:
                        await _enqueue(outboxes[name], next(count))

            return run

        cpu = {name: Cpu() for name in ("old", "new", "raw")}
        for name in cpu:  # warm-up, not counted
            await calls(name)()
        for turn in range(rounds):
            order = ("old", "new", "raw") if turn % 2 == 0 else ("raw", "new", "old")
            for name in order:
                executor = raw_thread if name == "raw" else outboxes[name].db._writer
                await cpu[name].measure(executor, per_round, calls(name))
        raw_thread.shutdown()
        raw.close()
        for outbox in outboxes.values():
            await outbox.close()
    lines = [cpu[name].line(name, "enqueue") for name in cpu]
    floor = cpu["raw"].total
    lines.append(
        f"ratio to the raw floor: old {cpu['old'].total / floor:.3f}, "
        f"new {cpu['new'].total / floor:.3f}"
    )
    return lines


class _Answering:
    """A transport that answers every redemption after 2-8 ms, naming it: no network."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    async def submit(
        self, kind: OperationKind, payload: Any, *, idempotency_key: str
    ) -> SubmitResult:
        await asyncio.sleep(random.uniform(0.002, 0.008))
        return SubmitResult(
            redemption_id=next(self._ids), stamps_remaining=100, raw={"id": 1, "stamps": 100}
        )


async def ab_drain(old: Path, per_round: int, rounds: int) -> list[str]:
    versions = _versions(old)
    policy = OutboxPolicy(lanes=8, idempotency_honoured=False)
    with tempfile.TemporaryDirectory(prefix="stamps-ab-") as tmp:
        folder = Path(tmp)
        outboxes = {
            name: outbox.Outbox(await writer.Database.open(folder / f"{name}.sqlite3"), policy)
            for name, (writer, outbox, _) in versions.items()
        }
        cpu = {name: Cpu() for name in versions}
        for turn in range(rounds):
            for name in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                outbox = outboxes[name]
                for index in range(per_round):
                    await _enqueue(outbox, index)
                worker = versions[name][2].SyncWorker(outbox, _Answering())

                async def drain(worker: Any = worker) -> None:
                    status = await worker.drain(300)
                    assert status.pending == 0, status

                await cpu[name].measure(outbox.db._writer, per_round, drain)
                await worker.stop()
        for outbox in outboxes.values():
            await outbox.close()
    return [cpu[name].line(name, "entry drained") for name in cpu]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="a tree with the old app/")
    parser.add_argument("what", choices=("enqueue", "drain"))
    parser.add_argument("--rounds", type=int, default=0, help="alternations (default: 30 / 8)")
    parser.add_argument("--per-round", type=int, default=0, help="default: 100 / 250")
    args = parser.parse_args(argv)
    if args.what == "enqueue":
        lines = asyncio.run(ab_enqueue(args.old, args.per_round or 100, args.rounds or 30))
    else:
        lines = asyncio.run(ab_drain(args.old, args.per_round or 250, args.rounds or 8))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
