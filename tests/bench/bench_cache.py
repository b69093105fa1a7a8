"""The member cache at scale: exact lookups by each identifier and type-ahead prefixes over a
cache of a million members, through ``MemberCache`` (its reader thread included) beside the bare
SQL of the same query on a plain ``sqlite3`` connection, in the same run."""

from __future__ import annotations

import asyncio
import json
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_support import peak_rss_mb, percentile

from app.core.offline.cache import MemberCache
from app.core.storage import Database, migrate

BATCH = 50_000


def _identifiers(i: int) -> dict[str, str]:
    return {
        "email": f"member{i}@contoh.co.id",
        "phone": f"62812{i:08d}",
        "member_id": f"KR{i:08d}",
        "card": f"7014{i:010d}",
    }


def build(path: Path, members: int) -> float:
    """Fill the cache tables with ``members`` generated members; returns the seconds it took."""
    migrate(path)
    started = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # building the fixture, not measuring it
    now = datetime(2026, 11, 25, tzinfo=UTC).replace(tzinfo=None).isoformat(sep=" ")
    names = ["Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko"]
    for start in range(0, members, BATCH):
        rows, keys = [], []
        for i in range(start, min(members, start + BATCH)):
            ids = _identifiers(i)
            name = f"{names[i % 10]} {i}"
            rows.append(
                (
                    str(i),
                    name,
                    name.lower(),
                    ids["email"],
                    "+" + ids["phone"],
                    json.dumps([ids["member_id"]]),
                    ids["card"],
                    "Blue",
                    100 + i % 400,
                    0.0,
                    0,
                    1,
                    0,
                    0,
                    now,
                    now,
                    None,  # vouchers_fetched_at: never read
                    None,  # vouchers_channel: no list read (migration 0017)
                )
            )
            keys += [(ids[k], str(i)) for k in ("email", "phone", "member_id", "card")]
        marks = ",".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO cached_members VALUES ({marks})", rows)  # noqa: S608
        con.executemany("INSERT INTO cached_member_keys VALUES (?,?)", keys)
        con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return time.perf_counter() - started


RAW_FIND = (
    "SELECT m.* FROM cached_member_keys k JOIN cached_members m ON m.server_id = k.server_id "
    "LEFT JOIN member_balances b ON b.lane = 'member:' || m.server_id WHERE k.key IN (?, ?)"
)
RAW_PREFIX = (
    "SELECT server_id FROM cached_member_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT 8"
)


def child_cache(params: dict[str, Any]) -> dict[str, Any]:
    """Build the cache, then time lookups; runs in its own interpreter."""
    members, n = int(params["members"]), int(params["lookups"])
    folder = Path(tempfile.mkdtemp(prefix="stamps-bench-cache-"))
    path = folder / "cache.db"
    build_s = build(path, members)
    rnd = random.Random(7)
    queries: dict[str, list[str]] = {"email": [], "phone (0812…)": [], "member ID": [], "card": []}
    for _ in range(n):
        ids = _identifiers(rnd.randrange(members))
        queries["email"].append(ids["email"].upper())
        queries["phone (0812…)"].append("0" + ids["phone"][2:])
        queries["member ID"].append(ids["member_id"].lower())
        queries["card"].append(ids["card"])
    prefixes = [f"0812{rnd.randrange(10_000):04d}" for _ in range(n)] + [
        f"{name[:3]}" for name in rnd.choices(["ayu", "bud", "cit", "dew", "eko"], k=n)
    ]

    async def measure() -> dict[str, Any]:
        db = Database(path)
        cache = MemberCache(db)
        out: dict[str, Any] = {}
        try:
            for label, items in queries.items():
                times = []
                for text in items:
                    t0 = time.perf_counter()
                    found = await cache.find(text)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert found is not None, text
                out[label] = times
            times = []
            for text in prefixes:
                t0 = time.perf_counter()
                await cache.suggest(text)
                times.append((time.perf_counter() - t0) * 1000)
            out["prefix"] = times
        finally:
            await db.close()
        return out

    timed = asyncio.run(measure())
    raw = sqlite3.connect(path)
    raw_times = []
    for text in queries["email"]:
        t0 = time.perf_counter()
        raw.execute(RAW_FIND, (text.lower(), text.lower())).fetchall()
        raw_times.append((time.perf_counter() - t0) * 1000)
    raw_prefix = []
    for text in prefixes[:n]:
        key = "62" + text[1:]
        t0 = time.perf_counter()
        raw.execute(RAW_PREFIX, (key, key + "\uffff")).fetchall()
        raw_prefix.append((time.perf_counter() - t0) * 1000)
    raw.close()
    size_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    result = {
        "members": members,
        "build_s": build_s,
        "size_mb": size_mb,
        "rss_mb": peak_rss_mb(),
        "exact": {
            k: {"p50": percentile(v, 50), "p99": percentile(v, 99)}
            for k, v in timed.items()
            if k != "prefix"
        },
        "prefix": {"p50": percentile(timed["prefix"], 50), "p99": percentile(timed["prefix"], 99)},
        "raw_exact": {"p50": percentile(raw_times, 50), "p99": percentile(raw_times, 99)},
        "raw_prefix": {"p50": percentile(raw_prefix, 50), "p99": percentile(raw_prefix, 99)},
    }
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    return result
