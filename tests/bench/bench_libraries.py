"""The X11 library check that ``gui`` and ``demo`` run before the window (budget: 10 ms in all).

Each run is a fresh interpreter, so every ``dlopen`` loads its library as a till's start would
(the OS file cache warm, as on every start after the first); the check's own imports are timed
too, except what ``stamps-pos gui`` has loaded before it (the command line itself). Timed inside
the child: the interpreter's own start-up is not the check's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

BUDGET_MS = 10.0
ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys, time
import app.cli  # loaded by the time gui runs
t0 = time.perf_counter()
from app.cli.qt_libraries import missing_libraries
t1 = time.perf_counter()
missing = missing_libraries()
t2 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "check_ms": (t2 - t1) * 1000,
                  "missing": [m.soname for m in missing]}))
"""


def _once() -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_libraries(repeats: int) -> list[str]:
    """``repeats`` fresh interpreters (after one untimed) running the check. The budget is for
    the dlopens, at the median: a shared machine's worst run says more about its neighbours."""
    _once()
    runs = [_once() for _ in range(repeats)]
    check = [r["check_ms"] for r in runs]
    imports = [r["import_ms"] for r in runs]
    p50 = statistics.median(check)
    missing = runs[-1]["missing"]
    verdict = "PASS" if p50 <= BUDGET_MS else "OVER"
    return [
        f"xcb libs {len(runs)} fresh interpreters, one dlopen per library "
        f"p50 {p50:.1f} ms, worst {max(check):.1f} ms (budget p50 ≤ {BUDGET_MS:.0f}: {verdict}); "
        f"importing the check (ctypes) p50 {statistics.median(imports):.1f} ms",
        "         " + (f"missing here: {', '.join(missing)}" if missing else "none missing here"),
    ]


if __name__ == "__main__":
    print("\n".join(bench_libraries(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
