"""What the outbox benchmarks share: percentiles, the sandbox in its own process, the demo orders,
and running one measured part in a child process so its peak RSS is its own.

A child is ``run.py --child NAME --params JSON``; it prints one JSON object as its last line.
"""

from __future__ import annotations

import json
import math
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.sandbox.data import DEMO_TOKEN, EXTRA_MEMBER_FIRST_ID, extra_member_email

RUN_PY = Path(__file__).with_name("run.py")
#: The demo café's Kemang store, and the cheap reward that never runs a member dry.
STORE = 32
REWARD_ID = 5
REWARD_NAME = "Upgrade ke Ukuran Large"
REWARD_STAMPS = 5
CHANNEL_POS = 2
SANDBOX_START_TIMEOUT = 30.0


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of ``samples`` (any order)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (``ru_maxrss`` is KB on Linux)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def member_email(index: int) -> str:
    """The email of generated sandbox member ``index`` (0-based)."""
    return extra_member_email(index + 1)


def member_server_id(index: int) -> str:
    """The sandbox's id of generated member ``index`` (0-based); its lane is ``member:{id}``."""
    return str(EXTRA_MEMBER_FIRST_ID + index)


def reward_payload(index: int) -> dict[str, Any]:
    """The redeem-reward body RewardOrder builds for generated member ``index``."""
    return {
        "user": member_email(index),
        "store": STORE,
        "channel": CHANNEL_POS,
        "reward": REWARD_ID,
        "qty": 1,
    }


def auth_headers() -> dict[str, str]:
    """The headers StampsClient sends with a redemption, less the per-request Idempotency-Key."""
    return {
        "Authorization": f"Token {DEMO_TOKEN}",
        "Accept": "application/json",
        "Content-Type": "application/json",
        "User-Agent": "stamps-pos-bench",
    }


@dataclass
class SandboxProcess:
    """``python -m app.sandbox`` in its own process, so it never shares a GIL with a sender."""

    extra_members: int
    latency_ms: int
    process: subprocess.Popen[str] | None = None
    url: str = ""

    def __enter__(self) -> SandboxProcess:
        cmd = [
            sys.executable,
            "-m",
            "app.sandbox",
            "--port",
            "0",
            "--extra-members",
            str(self.extra_members),
            "--latency-ms",
            str(self.latency_ms),
            "--fault-scope",
            "redemptions",
        ]
        self.process = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + SANDBOX_START_TIMEOUT
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            found = re.search(r"serving at (http://\S+)", line)
            if found:
                self.url = found.group(1)
                return self
        self.__exit__(None, None, None)
        raise RuntimeError("the sandbox did not start")

    def reset(self) -> None:
        """Demo data afresh (the generated members included), keys and ledger emptied."""
        httpx.post(f"{self.url}/_sandbox/reset", timeout=10).raise_for_status()

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def run_child(name: str, params: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run one measured part in a fresh interpreter and return what it printed."""
    cmd = [sys.executable, str(RUN_PY), "--child", name, "--params", json.dumps(params)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"bench child {name} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@dataclass(frozen=True)
class Figure:
    """One row of the issue's table: a figure measured beside its floor in the same run.

    ``budget`` bounds ``measured / floor`` (``at_least``: from below) unless ``absolute``, when
    it bounds ``measured`` itself (the GUI's lag: a frame is a frame on any machine); ``None``
    when the issue sets none (reported, not judged).
    """

    name: str
    unit: str
    measured: float
    floor: float
    floor_name: str
    budget: float | None
    at_least: bool = False
    absolute: bool = False

    @property
    def ratio(self) -> float:
        """``measured / floor``."""
        return self.measured / self.floor if self.floor else float("inf")

    def met(self, measured: float, ratio: float) -> bool | None:
        """Whether the budget is met by these values (a median's), ``None`` without a budget."""
        if self.budget is None:
            return None
        value = measured if self.absolute else ratio
        return value >= self.budget if self.at_least else value <= self.budget

    def budget_text(self) -> str:
        """The budget as the issue writes it."""
        if self.budget is None:
            return "none set"
        sign = "≥" if self.at_least else "≤"
        return (
            f"{sign} {self.budget:g} {self.unit}" if self.absolute else f"{sign} {self.budget:g}×"
        )
