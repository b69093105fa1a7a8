"""The first purge on a till that has run for years: how long it takes, and what a cashier's
redemption waits meanwhile (docs/performance.md, "A till that has run for two years: the first
purge").

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_retention.py \
        [--days 730] [--per-day 300] [--retried 100] [--tries 2000] [--batch 500]
        [--folder DIR]

The database is built once into ``DIR/built.db`` (three to four minutes here) and copied for
each run; delete it to build another.

Builds, in SQL, a database of ``days`` days of ``per-day`` redemptions (one attempt each;
97 % synced, the rest voided, dismissed, rejected or unknown), one audit line a redemption, a
refusal every 30, and ``retried`` entries still queued after ``tries`` tries that never arrived
(an outage of a week, retried every 5 minutes). Then runs the upkeep's outbox round
(:func:`fold_all_attempts`, :func:`forget_all_settled`, retention 400 days) while a cashier
redeems every 50 ms (``Outbox.enqueue``: the insert and its commit, on the same writer), and
prints the round's time, its longest batch, the enqueue's latencies during it beside those
before it, and the rows and file size before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_support import percentile

from app.core.domain import OperationKind
from app.core.outbox import Outbox, OutboxPolicy, retention
from app.core.services import upkeep
from app.core.storage import migrate
from app.core.storage.writer import Database

KEEP = timedelta(days=400)
NOW = datetime.now(UTC).replace(microsecond=0)


def build(path: Path, days: int, per_day: int, retried: int, tries: int) -> None:
    """The database, in SQL (a minute or so for two years of a busy store)."""
    migrate(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    total = days * per_day
    start = (NOW - timedelta(days=days)).replace(tzinfo=None)
    step = 86_400 / per_day
    db.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, attempts,
            provisional, reconciled, cashier, terminal, created_at, updated_at, expect_store,
            expect_name, expect_stamps, server_redemption_id, member_name, description)
        SELECT printf('e-%08d', i), i + 1, 'reward',
            '{"user": "member' || (i % 2000) || '@contoh.co.id", "reward": 1, "store": 32}',
            'member:' || (i % 2000), 'member' || (i % 2000) || '@contoh.co.id',
            CASE WHEN i % 100 = 1 THEN 'voided' WHEN i % 100 = 2 THEN 'dismissed'
                 WHEN i % 300 = 3 THEN 'rejected' WHEN i % 600 = 4 THEN 'unknown'
                 ELSE 'synced' END,
            1, 0, 0, 'Dewi', 'till-1', datetime(?, '+' || CAST(i * ? AS INTEGER) || ' seconds'),
            datetime(?, '+' || CAST(i * ? + 2 AS INTEGER) || ' seconds'), 32, 'Es Kopi Susu',
            20, 100000 + i, 'Member ' || (i % 2000), 'Es Kopi Susu'
        FROM n
        """,
        (total, start.isoformat(sep=" "), step, start.isoformat(sep=" "), step),
    )
    db.execute(
        """
        INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, ended_at,
            outcome, status_code)
        SELECT id, 1, 'w', created_at, updated_at,
            CASE status WHEN 'unknown' THEN 'ambiguous' WHEN 'rejected' THEN 'refused'
                        WHEN 'voided' THEN 'never_arrived' WHEN 'dismissed' THEN 'refused'
                        ELSE 'applied' END, 200
        FROM outbox_entries
        """
    )
    db.execute(
        """
        INSERT INTO audit_log (at, who, action, terminal, entry_id, detail)
        SELECT created_at, 'Dewi', 'enqueued', 'till-1', id, '{"kind": "reward"}'
        FROM outbox_entries
        """
    )
    db.execute(
        """
        INSERT INTO refusals (at, cashier, terminal, kind, description, reason, source)
        SELECT created_at, 'Dewi', 'till-1', 'reward', 'Es Kopi Susu',
            '{"id": "policy.offline.too_many", "params": {}}', 'offline_policy'
        FROM outbox_entries WHERE seq % 30 = 0
        """
    )
    # the week-long outage: entries queued a week ago, tried every 5 minutes since
    outage = (NOW - timedelta(days=7)).replace(tzinfo=None).isoformat(sep=" ")
    db.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, attempts,
            provisional, reconciled, cashier, terminal, created_at, updated_at)
        SELECT printf('r-%05d', i), ? + i + 1, 'reward', '{"user": "x", "reward": 1}',
            'member:r' || i, 'x', 'queued', ?, 1, 0, 'Dewi', 'till-1', ?, ?
        FROM n
        """,
        (retried, total, tries, outage, outage),
    )
    db.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, ended_at,
            outcome, error)
        SELECT e.id, n.i, 'w', datetime(e.created_at, '+' || (n.i * 300) || ' seconds'),
            datetime(e.created_at, '+' || (n.i * 300 + 3) || ' seconds'), 'never_arrived',
            'ConnectError: [Errno 111] Connection refused'
        FROM outbox_entries e, n WHERE e.id LIKE 'r-%'
        """,
        (tries,),
    )
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        found = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("outbox_entries", "outbox_attempts", "audit_log", "refusals")
        }
        found["size_mb"] = path.stat().st_size // 1_000_000
        return found
    finally:
        db.close()


class TimedBatches:
    """The longest single batch (one writer transaction) of each kind."""

    def __init__(self) -> None:
        self.longest: dict[str, float] = {"fold": 0.0, "forget": 0.0}
        self.batches: dict[str, int] = {"fold": 0, "forget": 0}
        fold, forget = retention.fold_attempts, retention.forget_settled

        def timed_fold(session, entry_ids, batch=retention.BATCH):  # type: ignore[no-untyped-def]
            return self._time("fold", fold, session, entry_ids, batch)

        def timed_forget(session, before, batch=retention.BATCH):  # type: ignore[no-untyped-def]
            return self._time("forget", forget, session, before, batch)

        upkeep.fold_attempts = timed_fold  # type: ignore[assignment]
        upkeep.forget_settled = timed_forget  # type: ignore[assignment]

    def _time(self, kind, fn, *args):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.longest[kind] = max(self.longest[kind], time.perf_counter() - began)
            self.batches[kind] += 1


async def measure(path: Path, batch: int) -> None:
    outbox = Outbox(Database(path), OutboxPolicy())
    batches = TimedBatches()

    async def cashier(latencies: list[float], until: asyncio.Event) -> None:
        n = 0
        while not until.is_set():
            n += 1
            began = time.perf_counter()
            await outbox.enqueue(
                OperationKind.REWARD,
                {"user": "ayu@contoh.co.id", "reward": 1, "store": 32},
                lane=f"member:bench{n % 50}",
                user="ayu@contoh.co.id",
                cashier="Dewi",
                terminal="till-1",
            )
            latencies.append((time.perf_counter() - began) * 1000)
            await asyncio.sleep(0.05)

    quiet: list[float] = []
    stop = asyncio.Event()
    task = asyncio.create_task(cashier(quiet, stop))
    await asyncio.sleep(5)
    stop.set()
    await task

    during: list[float] = []
    stop = asyncio.Event()
    task = asyncio.create_task(cashier(during, stop))
    began = time.perf_counter()
    folded = await upkeep.fold_all_attempts(outbox.db, batch)
    folded_at = time.perf_counter() - began
    gone = await upkeep.forget_all_settled(outbox.db, KEEP, batch)
    took = time.perf_counter() - began
    stop.set()
    await task
    began = time.perf_counter()  # the next day's round, nothing new to forget
    await upkeep.fold_all_attempts(outbox.db, batch)
    await upkeep.forget_all_settled(outbox.db, KEEP, batch)
    again = time.perf_counter() - began
    await outbox.close()

    def said(ms: list[float]) -> str:
        return (
            f"n={len(ms)} p50 {statistics.median(ms):.1f} ms, p99 {percentile(ms, 99):.1f} ms, "
            f"max {max(ms):.1f} ms"
        )

    print(f"folded {folded:,} attempts in {folded_at:.1f} s ({batches.batches['fold']} batches)")
    print(
        f"forgot {gone.entries:,} entries, {gone.audit_lines:,} audit lines, "
        f"{gone.refusals:,} refusals in {took - folded_at:.1f} s "
        f"({batches.batches['forget']} batches)"
    )
    print(
        f"longest batch: fold {batches.longest['fold'] * 1000:.0f} ms, "
        f"forget {batches.longest['forget'] * 1000:.0f} ms"
    )
    print(f"a round with nothing to forget: {again * 1000:.0f} ms")
    print(f"enqueue before the purge: {said(quiet)}")
    print(f"enqueue during the purge: {said(during)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--retried", type=int, default=100)
    parser.add_argument("--tries", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=retention.BATCH)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-retention-"))
    built = folder / "built.db"
    if not built.exists():  # (kept: building takes minutes, and a run changes its copy)
        began = time.perf_counter()
        build(built, args.days, args.per_day, args.retried, args.tries)
        print(f"built in {time.perf_counter() - began:.0f} s")
    path = folder / "till.db"
    shutil.copyfile(built, path)
    migrate(path)  # one built by an earlier revision is brought up to this one's
    print(f"before: {counts(path)}")
    asyncio.run(measure(path, args.batch))
    print(f"after: {counts(path)}")


if __name__ == "__main__":
    main()
