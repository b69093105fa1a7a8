"""``make bench``: every figure of issue 15's table beside its floor measured in the same run,
the ratio and the budget (docs/performance.md): the cashier window's cold start (normal and
first), the enqueue and the redeem, the offer shown online and offline, the GUI's lag while the
worker drains and the drain's throughput. Three runs and their medians; a budget is met on the
median. Then, once, the member cache at a million members and the X11 library check.
Budgets are printed, PASS or OVER; nothing is asserted.

    .venv/bin/python tests/bench/run.py [--quick] [--runs N]
        [--only enqueue|drain|cache|ui|startup|answer|libraries] [--profile]

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
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import Figure, SandboxProcess, run_child

#: Budgets (issue 15), as ratios to floors measured in the same run.
ENQUEUE_BUDGET = 1.5  # Outbox.enqueue p50 and p99 × the raw insert+commit's
REDEEM_BUDGET = 2.5  # Redeemer.redeem p50 and p99 × the same raw insert+commit's
DRAIN_VS_PLAIN_BUDGET = 0.95  # × the plain sender with the same requests in flight
DRAIN_VS_SEQUENTIAL_BUDGET = 6.0  # × the one-at-a-time sender (a note, not in the table)
RUNS = 3
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
    "answer_reads": 10,
    "lib_repeats": 20,
    "offer_members": 20,
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
    "answer_reads": 5,
    "lib_repeats": 5,
    "offer_members": 6,
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


def bench_enqueue(size: dict[str, int]) -> tuple[list[str], list[Figure]]:
    """Enqueue p50/p99: Outbox.enqueue and Redeemer.redeem beside a raw sqlite3 insert+commit issued
    from the event loop through a one-thread executor."""
    r = run_child("enqueue", {"n": size["enqueue_n"]}, CHILD_TIMEOUT)
    raw = r["raw"]
    floor = "raw sqlite3 insert+commit, one-thread executor"
    figures = [
        Figure(f"{label} {pct}", "ms", r[name][key], raw[key], f"{floor} {pct}", budget)
        for name, label, budget in (
            ("outbox", "Outbox.enqueue", ENQUEUE_BUDGET),
            ("till", "Redeemer.redeem", REDEEM_BUDGET),
        )
        for pct, key in (("p50", "p50_ms"), ("p99", "p99_ms"))
    ]
    lines = [
        f"enqueue  n={raw['n']} each, interleaved in 10 rounds; max raw {raw['max_ms']:.1f} ms, "
        f"outbox {r['outbox']['max_ms']:.1f} ms, till {r['till']['max_ms']:.1f} ms "
        f"| peak RSS {r['rss_mb']:.0f} MB"
    ]
    return lines, figures


def bench_drain(size: dict[str, int], profile: bool) -> tuple[list[str], list[Figure]]:
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
        outbox = run_child("drain-outbox", {**outbox_params, "honoured": True}, CHILD_TIMEOUT)
        sandbox.reset()
        unknown = run_child(
            "drain-outbox",
            {**outbox_params, "honoured": False, "profile": False, "cprofile": None},
            CHILD_TIMEOUT,
        )
        sandbox.reset()
        sequential = run_child(
            "drain-sequential",
            {**url, **common, "requests": size["sequential"], "in_flight": 1},
            CHILD_TIMEOUT,
        )
    vs_seq = outbox["req_s"] / sequential["req_s"]
    limit = size["lanes"] / (size["latency_ms"] / 1000)
    figures = [
        Figure(
            f"drain {run['entries']} / {size['members']} members / {size['latency_ms']} ms / "
            f"{size['lanes']} lanes, idempotency {mode}",
            "req/s",
            run["req_s"],
            plain["req_s"],
            f"plain httpx x{size['lanes']}",
            DRAIN_VS_PLAIN_BUDGET,
            at_least=True,
        )
        for mode, run in (("honoured", outbox), ("unknown", unknown))
    ]
    lines = [
        f"drain    sequential {sequential['req_s']:.1f} req/s: outbox {vs_seq:.1f}× (≥ "
        f"{DRAIN_VS_SEQUENTIAL_BUDGET:.0f} {_verdict(vs_seq >= DRAIN_VS_SEQUENTIAL_BUDGET)}); "
        f"limit {size['lanes']}/{size['latency_ms'] / 1000:g} s = {limit:.0f} req/s "
        f"| peak RSS {outbox['rss_mb']:.0f} MB",
        f"         outbox: {outbox['synced']}/{outbox['entries']} synced over "
        f"{size['members']} members, lanes={size['lanes']}, drain {outbox['seconds']:.1f} s "
        f"(enqueue beforehand {outbox['enqueue_s']:.1f} s, untimed), RSS {outbox['rss_mb']:.0f} MB",
        f"         CPU per request: outbox {outbox['cpu_ms']:.2f} ms (unknown "
        f"{unknown['cpu_ms']:.2f} ms), plain {plain['cpu_ms']:.2f} ms",
        f"         plain:  {plain['ok']}/{plain['requests']} ok in {plain['seconds']:.1f} s, "
        f"RSS {plain['rss_mb']:.0f} MB; sequential: {sequential['ok']}/{sequential['requests']} "
        f"ok in {sequential['seconds']:.1f} s, RSS {sequential['rss_mb']:.0f} MB",
    ]
    for run in (outbox, unknown):
        if run["pending"]:
            lines.append(f"         WARNING: {run['pending']} entries still pending after drain")
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
    return lines, figures


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
    import bench_answer
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
        "ui-answer": bench_answer.child_answer_lag,
    }
    print(json.dumps(children[name](params)), flush=True)
    return 0


def _table(figures: list[Figure], ratios: list[float] | None = None) -> list[str]:
    """One row per figure: measured, floor, ratio, budget, PASS/OVER (on these values)."""
    rows = [
        f"  {'figure':<54} {'measured':>11} {'floor':>11} {'ratio':>7}  {'budget':<10} verdict",
    ]
    for index, figure in enumerate(figures):
        ratio = figure.ratio if ratios is None else ratios[index]
        met = figure.met(figure.measured, ratio)
        verdict = "—" if met is None else _verdict(met)
        rows.append(
            f"  {figure.name:<54} {figure.measured:>8.2f} {figure.unit:<2} "
            f"{figure.floor:>8.2f} {figure.unit:<2} {ratio:>6.2f}×  {figure.budget_text():<10} "
            f"{verdict}   (floor: {figure.floor_name})"
        )
    return rows


def _medians(runs: list[list[Figure]]) -> tuple[list[Figure], list[float]]:
    """Each figure's median over the runs (measured, floor, and ratio each on its own)."""
    medians: list[Figure] = []
    ratios: list[float] = []
    for same in zip(*runs, strict=True):
        first = same[0]
        medians.append(
            Figure(
                first.name,
                first.unit,
                statistics.median(f.measured for f in same),
                statistics.median(f.floor for f in same),
                first.floor_name,
                first.budget,
                at_least=first.at_least,
                absolute=first.absolute,
            )
        )
        ratios.append(statistics.median(f.ratio for f in same))
    return medians, ratios


def _one_run(
    size: dict[str, int], only: str | None, profile: bool
) -> tuple[list[str], list[Figure]]:
    lines: list[str] = []
    figures: list[Figure] = []
    for name, bench in (
        ("ui", lambda: __import__("bench_ui").bench_ui(size, CHILD_TIMEOUT)),
        ("startup", lambda: __import__("bench_ui").bench_startup(size)),
        ("answer", lambda: __import__("bench_answer").bench_answer(size, CHILD_TIMEOUT)),
        ("enqueue", lambda: bench_enqueue(size)),
        ("drain", lambda: bench_drain(size, profile)),
    ):
        # ui holds startup and answer: they run alone only when asked for
        if only == name or (only is None and name not in ("startup", "answer")):
            more, measured = bench()
            lines += more
            figures += measured
    return lines, figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="one smaller run (development)")
    p.add_argument("--runs", type=int, help=f"how many runs to take medians of ({RUNS})")
    p.add_argument(
        "--only",
        choices=("enqueue", "drain", "cache", "ui", "startup", "answer", "libraries"),
        help="run one benchmark (startup: the cold starts only; answer: the GUI's lag while a "
        "1 MB answer is read; both a part of ui)",
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
    count = args.runs or (1 if args.quick else RUNS)
    print(_header(size, args.quick), flush=True)
    started = time.perf_counter()
    runs: list[list[Figure]] = []
    loads: list[str] = []
    for number in range(1, count + 1):
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        loads.append(load)
        lines, figures = _one_run(size, args.only, args.profile)
        runs.append(figures)
        print(f"\nrun {number} of {count} (load average at its start {load})")
        print("\n".join(lines))
        if figures:
            print("\n".join(_table(figures)), flush=True)
    if count > 1 and runs[0]:
        medians, ratios = _medians(runs)
        print(
            f"\nmedians of {count} runs (load averages at their starts: {' | '.join(loads)}); "
            "a budget is met on the median"
        )
        print("\n".join(_table(medians, ratios)))
    extra: list[str] = []
    if args.only in (None, "cache"):
        extra += bench_cache(size)
    if args.only in (None, "libraries"):
        import bench_libraries

        extra += bench_libraries.bench_libraries(size["lib_repeats"])
    if extra:
        print()
        print("\n".join(extra))
    print(f"\n(took {time.perf_counter() - started:.0f} s; budgets are informational)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
