"""The GUI's lag while the client reads a 1 MB answer (issue 15: "JSON decoding of large answers
… stays off the GUI thread").

One process, a qasync loop, the cashier's window shown; the till's own ``StampsClient`` reads a
rewards answer of just under ``MAX_BODY`` (1 MB, about 2,500 rewards) from a server in a process
of its own (this file run as a script: it answers the catalogue's first page with the whole
body and the next with nothing, as a store with that many rewards would). A 5 ms precise QTimer
on the GUI thread (``bench_ui.TickSampler``) records its worst tick while the answer is read
``reads`` times, one after another; the floor is the same timer with the client idle.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "fixtures" / "stamps_docs"
#: Just under the client's cap (``exchange.MAX_BODY``): an answer over it is not read at all.
BODY_BYTES = 990_000
TOKEN = "bench-answer-token"
LAG_MAX_BUDGET_MS = 50.0


def rewards_body(size: int = BODY_BYTES) -> bytes:
    """A rewards answer of the docs' shape, rewards with their own ids and names, ``size`` bytes
    at most."""
    fixture = json.loads((DOCS / "rewards.json").read_text(encoding="utf-8"))
    body = fixture["responses"][0]["body"]
    template = body["rewards"][0]
    one = len(json.dumps({**template, "id": 100_000, "name": "Hadiah nomor 100000"})) + 2
    count = (size - len(json.dumps(body))) // one
    body["rewards"] = [
        {**template, "id": i, "name": f"Hadiah nomor {i}", "description": f"Hadiah ke-{i} toko"}
        for i in range(1, count + 1)
    ]
    data = json.dumps(body).encode()
    while len(data) > size:
        body["rewards"].pop()
        data = json.dumps(body).encode()
    return data


# -- the server (this file run as a script) ----------------------------------------------------


def _serve() -> int:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    whole = rewards_body()
    empty = b'{"rewards": [], "vouchers": []}'

    class Catalogue(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = empty if "last_reward_id" in self.path else whole
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Catalogue)
    print(f"serving at http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    return 0


class CatalogueServer:
    """:func:`_serve` in a process of its own: it never shares the till's GIL."""

    def __enter__(self) -> CatalogueServer:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "serve"], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("serving at "):
            self.__exit__()
            raise RuntimeError("the catalogue server did not start")
        self.url = line.split()[-1]
        return self

    def __exit__(self, *_exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# -- the measured child (run.py --child ui-answer) ---------------------------------------------


async def _measure(params: dict[str, Any]) -> dict[str, Any]:
    import asyncio

    from bench_ui import GcPauses, TickSampler, lag_stats

    from app.core.stamps import StampsClient
    from app.ui.cashier import freeze_long_lived_objects
    from app.ui.main_window import CashierWindowView

    view = CashierWindowView()
    view.show()
    sampler = TickSampler()
    async with StampsClient(base_url=params["url"], token=TOKEN, merchant=14, store=32) as client:
        count = len((await client.rewards()).rewards)  # untimed: connection made, models built
        await asyncio.sleep(0.5)
        freeze_long_lived_objects()  # as run_cashier's startup does
        sampler.start()
        await asyncio.sleep(float(params["idle_s"]))
        idle = sampler.stop()
        took: list[float] = []
        sampler.start()
        pauses = GcPauses(sampler.started)
        for _ in range(int(params["reads"])):
            start = time.perf_counter()
            await client.rewards()
            took.append(time.perf_counter() - start)
        busy = sampler.stop()
        gc_pauses = pauses.stop()
    view.close()
    try:
        from app.core.stamps.reading import OFF_LOOP_BYTES
    except ImportError:  # the code before answers were read off the loop
        threshold = None
    else:
        threshold = OFF_LOOP_BYTES
    return {
        "idle": lag_stats(idle),
        "reading": lag_stats(busy),
        "rewards": count,
        "bytes": len(rewards_body()),
        "read_ms": [t * 1000 for t in took],
        "slow": sorted(sampler.slow, key=lambda s: -s[1])[:5],
        "threshold": threshold,
        "gc": gc_pauses,
    }


def child_answer_lag(params: dict[str, Any]) -> dict[str, Any]:
    """Entry point of the ``ui-answer`` child process."""
    from bench_ui import gui_runner

    with gui_runner() as runner:
        return runner.run(_measure(params))


# -- the report --------------------------------------------------------------------------------


def bench_answer(size: dict[str, int], timeout: float) -> tuple[list[str], list[Any]]:
    """The GUI's lag while a 1 MB answer is read (``run.py --only answer``, and part of ui)."""
    import os
    import statistics

    from bench_support import Figure, run_child
    from bench_ui import LAG_SLOW_MS

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with CatalogueServer() as server:
        r = run_child(
            "ui-answer",
            {"url": server.url, "idle_s": size["ui_idle_s"], "reads": size["answer_reads"]},
            timeout,
        )
    busy, idle = r["reading"], r["idle"]
    figures = [
        Figure(
            "GUI lag while a 1 MB answer is read: max",
            "ms",
            busy["max"],
            idle["max"],
            "idle max",
            LAG_MAX_BUDGET_MS,
            absolute=True,
        )
    ]
    where = (
        "on the loop (no reader thread)"
        if r["threshold"] is None
        else f"on the reader thread (answers over {r['threshold']:,} bytes)"
    )
    lines = [
        f"answer   {r['bytes']:,} bytes, {r['rewards']:,} rewards, read {len(r['read_ms'])} times "
        f"{where}: {statistics.median(r['read_ms']):.0f} ms each (median, request to model); "
        f"GUI lag p50 {busy['p50']:.1f} ms p99 {busy['p99']:.1f} ms max {busy['max']:.1f} ms "
        f"| idle max {idle['max']:.1f} ms; ticks over {LAG_SLOW_MS:.0f} ms: "
        + (", ".join(f"{lag:.0f} ms at {at:.2f} s" for at, lag in r["slow"]) or "none"),
    ]
    full = r["gc"]["full"]
    lines.append(
        f"         GC collections while reading: {len(full)} full"
        + "".join(f", {ms:.0f} ms at {at:.2f} s" for at, ms in full[:6])
        + f"; younger generations {r['gc']['young_ms']:.0f} ms in all"
    )
    return lines, figures


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        sys.exit(_serve())
    sys.exit(f"usage: {sys.argv[0]} serve")
