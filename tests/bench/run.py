"""``make bench``: the outbox's enqueue latency and drain throughput, the member cache's lookups
at a million members, the cashier window's cold start and event-loop lag during a drain, and the
X11 library check before the window, each beside a baseline measured in the same run (README.md,
"Two commands").
Budgets are printed, PASS or OVER; nothing is asserted.

    .venv/bin/python tests/bench/run.py [--quick] [--only enqueue|drain|cache|ui|libraries]
        [--profile]

Every measured part runs in its own interpreter (``--child``), so each peak RSS is its own and
the sandbox, in a process of its own too, never competes for a sender's GIL. Figures from a
shared machine are noisy: compare the ratios, not the absolute numbers, and rerun before
believing a small difference.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import SandboxProcess, run_child

#: Budgets (architecture §3 targets for the outbox).
ENQUEUE_P99_BUDGET = 1.5  # × raw sqlite p99
DRAIN_VS_PLAIN_BUDGET = 0.8  # × the plain sender with the same requests in flight
DRAIN_VS_SEQUENTIAL_BUDGET = 6.0  # × the one-at-a-time sender
CACHE_EXACT_P99_MS = 2.0
CACHE_PREFIX_P99_MS = 20.0

FULL = {
    "enqueue_n": 1000,
    "entries": 2000,
    "members": 250,
    "lanes": 8,
    "sequential": 100,
    "latency_ms": 50,
    "cache_members": 1_000_000,
    "cache_lookups": 2000,
    "ui_repeats": 5,
    "ui_latency_ms": 30,
    "ui_idle_s": 3,
    "lib_repeats": 20,
}
QUICK = {
    "enqueue_n": 300,
    "entries": 400,
    "members": 100,
    "lanes": 8,
    "sequential": 40,
    "latency_ms": 50,
    "cache_members": 100_000,
    "cache_lookups": 500,
    "ui_repeats": 2,
    "ui_latency_ms": 30,
    "ui_idle_s": 1,
    "lib_repeats": 5,
}
CHILD_TIMEOUT = 240.0


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER"


def _header(size: dict[str, int], quick: bool) -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return "\n".join(
        [
            f"Stamps POS outbox benchmark ({'quick' if quick else 'full'} run), "
            f"{time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}",
            f"  cores {os.cpu_count()} ({usable} usable), load avg {load}; "
            f"Python {platform.python_version()} ({platform.python_implementation()}), "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}",
            f"  databases in {tempfile.gettempdir()}; "
            f"sandbox latency {size['latency_ms']} ms on redemption POSTs; "
            "figures are noisy on a shared machine",
        ]
    )


def bench_enqueue(size: dict[str, int]) -> list[str]:
    """Enqueue p50/p99: Outbox.enqueue and Till.redeem beside a raw sqlite3 insert+commit."""
    r = run_child("enqueue", {"n": size["enqueue_n"]}, CHILD_TIMEOUT)
    raw = r["raw"]
    lines = []
    for name, label in (("outbox", "outbox"), ("till", "till.redeem")):
        s = r[name]
        ratio = s["p99_ms"] / raw["p99_ms"]
        lines.append(
            f"enqueue  {label} p50 {s['p50_ms']:.2f} ms p99 {s['p99_ms']:.2f} ms "
            f"| raw sqlite p50 {raw['p50_ms']:.2f} ms p99 {raw['p99_ms']:.2f} ms "
            f"| ratio p50 {s['p50_ms'] / raw['p50_ms']:.2f} p99 {ratio:.2f} "
            f"(budget ≤ {ENQUEUE_P99_BUDGET}: {_verdict(ratio <= ENQUEUE_P99_BUDGET)})"
        )
    lines.append(
        f"         n={raw['n']} each, interleaved in 10 rounds; max raw {raw['max_ms']:.1f} ms, "
        f"outbox {r['outbox']['max_ms']:.1f} ms, till {r['till']['max_ms']:.1f} ms "
        f"| peak RSS {r['rss_mb']:.0f} MB"
    )
    return lines


def bench_drain(size: dict[str, int], profile: bool) -> list[str]:
    """Drain req/s: SyncWorker.drain beside a plain httpx sender and a sequential one."""
    common = {"members": size["members"]}
    with SandboxProcess(size["members"], size["latency_ms"]) as sandbox:
        url = {"url": sandbox.url}
        sandbox.reset()
        plain = run_child(
            "drain-plain",
            {**url, **common, "requests": size["entries"], "in_flight": size["lanes"]},
            CHILD_TIMEOUT,
        )
        sandbox.reset()
        outbox_params: dict[str, Any] = {
            **url,
            **common,
            "entries": size["entries"],
            "lanes": size["lanes"],
            "profile": profile,
        }
        if profile:
            outbox_params["cprofile"] = str(Path(tempfile.gettempdir()) / "stamps-bench-drain.prof")
        outbox = run_child("drain-outbox", outbox_params, CHILD_TIMEOUT)
        sandbox.reset()
        sequential = run_child(
            "drain-sequential",
            {**url, **common, "requests": size["sequential"], "in_flight": 1},
            CHILD_TIMEOUT,
        )
    vs_plain = outbox["req_s"] / plain["req_s"]
    vs_seq = outbox["req_s"] / sequential["req_s"]
    lines = [
        f"drain    outbox {outbox['req_s']:.0f} req/s "
        f"| plain httpx x{size['lanes']} {plain['req_s']:.0f} req/s "
        f"| sequential {sequential['req_s']:.1f} req/s "
        f"| {vs_plain:.2f}× plain (≥ {DRAIN_VS_PLAIN_BUDGET} "
        f"{_verdict(vs_plain >= DRAIN_VS_PLAIN_BUDGET)}), "
        f"{vs_seq:.1f}× seq (≥ {DRAIN_VS_SEQUENTIAL_BUDGET:.0f} "
        f"{_verdict(vs_seq >= DRAIN_VS_SEQUENTIAL_BUDGET)}) "
        f"| peak RSS {outbox['rss_mb']:.0f} MB",
        f"         outbox: {outbox['synced']}/{outbox['entries']} synced over "
        f"{size['members']} members, lanes={size['lanes']}, drain {outbox['seconds']:.1f} s "
        f"(enqueue beforehand {outbox['enqueue_s']:.1f} s, untimed), RSS {outbox['rss_mb']:.0f} MB",
        f"         CPU per request: outbox {outbox['cpu_ms']:.2f} ms, "
        f"plain {plain['cpu_ms']:.2f} ms",
        f"         plain:  {plain['ok']}/{plain['requests']} ok in {plain['seconds']:.1f} s, "
        f"RSS {plain['rss_mb']:.0f} MB; sequential: {sequential['ok']}/{sequential['requests']} "
        f"ok in {sequential['seconds']:.1f} s, RSS {sequential['rss_mb']:.0f} MB",
    ]
    if outbox["pending"]:
        lines.append(f"         WARNING: {outbox['pending']} entries still pending after drain")
    if profile and outbox["writer"]:
        lines.append("         outbox database transactions during the drain (writer and readers):")
        lines.append(
            f"         {'function':<44} {'calls':>6} {'/entry':>7} {'total s':>8} {'ms':>6}"
        )
        for row in outbox["writer"]:
            lines.append(
                f"         {row['fn']:<44} {row['calls']:>6} {row['per_entry']:>7.2f} "
                f"{row['total_s']:>8.2f} {row['mean_ms']:>6.2f}"
            )
        lines.append(f"         cProfile of the loop thread: {outbox_params['cprofile']}")
    return lines


def bench_cache(size: dict[str, int]) -> list[str]:
    """Member cache: exact lookup by each identifier and prefix suggestions, p50/p99."""
    r = run_child(
        "cache",
        {"members": size["cache_members"], "lookups": size["cache_lookups"]},
        CHILD_TIMEOUT * 2,
    )
    raw, raw_prefix = r["raw_exact"], r["raw_prefix"]
    lines = [
        f"cache    {r['members']:,} members: database {r['size_mb']:.0f} MB, built in "
        f"{r['build_s']:.0f} s (untimed), peak RSS {r['rss_mb']:.0f} MB"
    ]
    for label, t in r["exact"].items():
        lines.append(
            f"         exact by {label:<14} p50 {t['p50']:.2f} ms p99 {t['p99']:.2f} ms "
            f"(budget ≤ {CACHE_EXACT_P99_MS}: {_verdict(t['p99'] <= CACHE_EXACT_P99_MS)})"
        )
    p = r["prefix"]
    lines.append(
        f"         prefix suggestions     p50 {p['p50']:.2f} ms p99 {p['p99']:.2f} ms "
        f"(budget ≤ {CACHE_PREFIX_P99_MS:.0f}: {_verdict(p['p99'] <= CACHE_PREFIX_P99_MS)})"
    )
    lines.append(
        f"         bare SQL, same queries: exact p50 {raw['p50']:.3f} ms p99 {raw['p99']:.3f} ms, "
        f"prefix p50 {raw_prefix['p50']:.3f} ms p99 {raw_prefix['p99']:.3f} ms"
    )
    return lines


def _child(name: str, params: dict[str, Any]) -> int:
    import bench_cache
    import bench_drain
    import bench_enqueue
    import bench_ui

    children = {
        "cache": bench_cache.child_cache,
        "enqueue": bench_enqueue.child_enqueue,
        "drain-outbox": bench_drain.child_drain_outbox,
        "drain-plain": bench_drain.child_drain_sender,
        "drain-sequential": bench_drain.child_drain_sender,
        "ui-lag": bench_ui.child_ui_lag,
    }
    print(json.dumps(children[name](params)), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a smaller run (about a quarter)")
    p.add_argument(
        "--only", choices=("enqueue", "drain", "cache", "ui", "libraries"), help="run one benchmark"
    )
    p.add_argument(
        "--profile",
        action="store_true",
        help="drain: time each database transaction and dump a cProfile of the loop thread",
    )
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--params", default="{}", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return _child(args.child, json.loads(args.params))

    size = QUICK if args.quick else FULL
    print(_header(size, args.quick), flush=True)
    started = time.perf_counter()
    lines: list[str] = []
    if args.only in (None, "enqueue"):
        lines += bench_enqueue(size)
    if args.only in (None, "drain"):
        lines += bench_drain(size, args.profile)
    if args.only in (None, "cache"):
        lines += bench_cache(size)
    if args.only in (None, "ui"):
        import bench_ui

        lines += bench_ui.bench_ui(size, CHILD_TIMEOUT)
    if args.only in (None, "libraries"):
        import bench_libraries

        lines += bench_libraries.bench_libraries(size["lib_repeats"])
    print()
    print("\n".join(lines))
    print(f"\n(took {time.perf_counter() - started:.0f} s; budgets are informational)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
