"""Crash test (issue 4): SIGKILL the headless sync at random moments, then compare the till's
outbox with the sandbox's ledger.

The rule under test (architecture §3): nothing lost, nothing applied twice, and the till never
believes something false about the server.

One scenario, seeded, run in both idempotency modes:

1. An in-process :class:`SandboxServer` (its own thread and loop; the till is a separate process,
   so a SIGKILL of the till never touches it) with latency on redemption POSTs and generated
   members (``extra_members``) so there are many lanes.
2. Redemptions are enqueued straight into the till's database with :meth:`Outbox.enqueue`, the
   payload :class:`RewardOrder` builds (reward 5 costs 5 stamps; generated members have 10,000),
   in batches: one before the first round and one before each later round.
3. Each round starts ``python -m app sync --once`` and SIGKILLs it at a random moment: once the
   sandbox's ledger has grown by a random number of effects, plus a random jitter (both from
   ``random.Random(seed)``; the waiting is ``Popen.wait`` on the process, bounded). Cancels are
   issued from the test process before rounds and *while* a sync process runs (the GUI and a
   headless sync share one database, architecture §3 "Leases").
4. A killed process's leases are expired in the database by the test before the next round
   (``UPDATE outbox_entries SET lease_until = <past> WHERE status = 'sending'``). This simulates
   the lease running out, which is exactly what a restart after the lease would see; the lease
   cannot be made short through settings because ``TillConfig.outbox_policy`` fixes the margin at
   30 s (there is no ``lease_margin`` setting), so the shortest lease is > 30 s.
5. A final clean ``sync --once`` runs to completion, then the outbox (in-process and via
   ``stamps-pos outbox list --json``) is compared with ``/_sandbox/ledger`` and member balances.

``STAMPS_POS_SOAK=1`` runs a larger scenario over more seeds. Every run leaves
``crash-run.json`` (entries, attempts, ledger, rounds) and the sync logs in its ``tmp_path``.

The not-honoured test asserts what must hold whatever reconciliation does, and that no entry
carries false reconciliation evidence; the two ``test_reconciliation_*`` tests at the end replay,
without randomness, the two reconciliation bugs this test found (both fixed).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from app.config import Settings, load_settings
from app.core import clock
from app.core.credentials import Secret
from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox import Outbox, OutboxError
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.stamps.client import StampsClient
from app.core.storage.tables import ATTEMPTS, ENTRIES, Attempt, OutboxEntry
from app.sandbox import DEMO_TOKEN, SandboxServer
from app.sandbox.data import EXTRA_MEMBER_FIRST_ID, EXTRA_MEMBER_STAMPS, extra_member_email
from app.sandbox.faults import FaultConfig

pytestmark = [pytest.mark.slow, pytest.mark.integration]

MERCHANT, STORE, STORE_CODE = 14, 32, "RDG-KMG"
REWARD_ID, REWARD_NAME, REWARD_STAMPS, CHANNEL_POS = 5, "Upgrade ke Ukuran Large", 5, 2
TERMINAL, CASHIER = "till-crash", "crash-test"
EXIT_OK = 0

SOAK = os.environ.get("STAMPS_POS_SOAK") == "1"


@dataclass(frozen=True)
class Scale:
    entries: int  # redemptions enqueued in all
    members: int  # generated sandbox members (lanes)
    rounds: int  # kill rounds before the final clean sync
    max_effects: int  # a round is killed after 1..max_effects new ledger lines
    latency_ms: int  # on redemption and cancel POSTs only
    cancel_share: float  # of the entries enqueued, about this share gets a cancel


QUICK = Scale(entries=200, members=40, rounds=6, max_effects=20, latency_ms=30, cancel_share=0.15)
LARGE = Scale(entries=400, members=60, rounds=12, max_effects=40, latency_ms=40, cancel_share=0.15)
SCALE = LARGE if SOAK else QUICK
SEEDS = [11, 29, 47] if SOAK else [11, 29]
# A lying server (issue 10): it applies, then answers 503; it answers 200 with only ``errors``.
LYING = {"applied_then_503_rate": 0.15, "errors_only_rate": 0.15}
LYING_SCALE = (
    SCALE
    if SOAK
    else Scale(entries=80, members=20, rounds=3, max_effects=12, latency_ms=20, cancel_share=0.2)
)
LYING_SEEDS = [61, 83] if SOAK else [61]

LANES = 8
CONNECT_TIMEOUT, READ_TIMEOUT = 0.5, 2.0
ROUND_BOUND = 30.0  # seconds a killed round may run before it is killed anyway
FINAL_BOUND = 120.0  # seconds the final clean sync may take


# --- the sandbox and the till's process ------------------------------------------------------


@pytest.fixture
def sandbox_factory() -> Iterator[Any]:
    servers: list[SandboxServer] = []

    def make(
        *, idempotency: bool, scale: Scale = SCALE, faults: dict[str, Any] | None = None
    ) -> SandboxServer:
        server = SandboxServer(
            port=0,
            token=DEMO_TOKEN,
            idempotency=idempotency,
            faults=FaultConfig(latency_ms=scale.latency_ms, scope="redemptions", **(faults or {})),
            extra_members=scale.members,
        )
        servers.append(server.start())
        return server

    yield make
    for server in servers:
        server.stop()


def _env(server: SandboxServer, data_dir: Path, home: Path, idempotency: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        "STAMPS_POS_BASE_URL": server.url,
        "STAMPS_POS_TOKEN": DEMO_TOKEN,
        "STAMPS_POS_MERCHANT": str(MERCHANT),
        "STAMPS_POS_STORE": str(STORE),
        "STAMPS_POS_STORE_CODE": STORE_CODE,
        "STAMPS_POS_TERMINAL": TERMINAL,
        "STAMPS_POS_DATA_DIR": str(data_dir),
        "STAMPS_POS_IDEMPOTENCY": idempotency,
        "STAMPS_POS_LANES": str(LANES),
        "STAMPS_POS_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "STAMPS_POS_READ_TIMEOUT": str(READ_TIMEOUT),
        "STAMPS_POS_CONFIG": str(home / "settings.toml"),  # never created: env only
    }


def _settings(server: SandboxServer, data_dir: Path, idempotency: str) -> Settings:
    return load_settings(
        base_url=server.url,
        merchant=MERCHANT,
        store=STORE,
        store_code=STORE_CODE,
        data_dir=data_dir,
        idempotency=idempotency,
        terminal=TERMINAL,
        lanes=LANES,
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
    )


def _ledger(server: SandboxServer) -> list[dict[str, Any]]:
    answer = httpx.get(f"{server.url}/_sandbox/ledger", timeout=10)
    answer.raise_for_status()
    entries: list[dict[str, Any]] = answer.json()["entries"]
    return entries


def _ledger_len(server: SandboxServer) -> int:
    # Read from the sandbox's own thread's list: a length, no HTTP round trip in the poll loop.
    return len(server.sandbox.state.world.ledger)


# --- the scenario ----------------------------------------------------------------------------


@dataclass
class RoundLog:
    number: int
    killed: bool
    exit_code: int | None
    seconds: float
    ledger_before: int
    ledger_after: int
    stale_leases: int = 0  # entries the killed process left ``sending``
    concurrent_cancels: int = 0


@dataclass
class Run:
    """Everything the checks need, and the story of how it got there."""

    mode: str
    seed: int
    entries: dict[str, OutboxEntry] = field(default_factory=dict)
    attempts: dict[str, list[Attempt]] = field(default_factory=dict)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    cli_statuses: dict[str, str] = field(default_factory=dict)
    balances: dict[int, int] = field(default_factory=dict)
    cancel_requests: dict[str, str] = field(default_factory=dict)  # target -> what cancel() did
    cancel_refusals: dict[str, str] = field(default_factory=dict)  # target -> OutboxError
    rounds: list[RoundLog] = field(default_factory=list)
    final_exit: int | None = None
    final_output: str = ""
    injected: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        statuses = Counter(f"{e.kind}:{e.status}" for e in self.entries.values())
        kills = sum(r.killed for r in self.rounds)
        stale = sum(r.stale_leases for r in self.rounds)
        resent = sum(1 for a in self.attempts.values() if len(a) > 1)
        keys = {x["idempotency_key"] for x in self.ledger}
        unknown = [e for e in self.entries.values() if e.status == EntryStatus.UNKNOWN]
        unknown_applied = sum(1 for e in unknown if e.id in keys)
        verdicts = Counter(str((e.evidence or {}).get("result")) for e in unknown)
        reconciled = sum(1 for e in self.entries.values() if e.reconciled)
        return (
            f"[{self.mode} seed={self.seed}] {len(self.entries)} entries "
            f"{dict(sorted(statuses.items()))}; ledger {len(self.ledger)} lines; "
            f"{kills}/{len(self.rounds)} rounds killed, {stale} stale leases expired, "
            f"{resent} entries with >1 attempt; cancels requested {len(self.cancel_requests)} "
            f"{dict(Counter(self.cancel_requests.values()))}, refused {len(self.cancel_refusals)}; "
            f"final sync exit {self.final_exit}; {self.seconds:.1f}s; "
            f"unknown {len(unknown)} (applied on the server: {unknown_applied}; last check "
            f"{dict(verdicts)}), reconciled {reconciled}"
        )


class Scenario:
    def __init__(
        self,
        server: SandboxServer,
        tmp_path: Path,
        mode: str,
        seed: int,
        runner: asyncio.Runner,
        scale: Scale = SCALE,
    ) -> None:
        self.server = server
        self.scale = scale
        self.mode = mode
        self.rng = random.Random(seed)
        self.runner = runner
        self.data_dir = tmp_path / "till"
        self.logs = tmp_path / "logs"
        self.logs.mkdir()
        self.env = _env(server, self.data_dir, tmp_path / "home", mode)
        self.settings = _settings(server, self.data_dir, mode)
        self.run = Run(mode=mode, seed=seed)
        self.outbox: Outbox = runner.run(
            Outbox.open(self.settings.database_path, self.settings.till_config().outbox_policy())
        )
        self.redemptions: list[str] = []

    # --- the cashier's side, in the test process -------------------------------------------

    def enqueue(self, count: int) -> None:
        async def go() -> None:
            for _ in range(count):
                index = self.rng.randrange(self.scale.members)
                entry = await self.outbox.enqueue(
                    OperationKind.REWARD,
                    {
                        "user": extra_member_email(index + 1),
                        "store": STORE,
                        "channel": CHANNEL_POS,
                        "reward": REWARD_ID,
                        "qty": 1,
                    },
                    lane=f"member:{EXTRA_MEMBER_FIRST_ID + index}",
                    user=extra_member_email(index + 1),
                    cashier=CASHIER,
                    terminal=TERMINAL,
                    reward_name=REWARD_NAME,
                    stamps=REWARD_STAMPS,
                )
                self.redemptions.append(entry.id)

        self.runner.run(go())

    def cancel_some(self, count: int) -> int:
        """Cancel ``count`` random redemptions not cancelled yet; returns how many were asked."""
        candidates = [e for e in self.redemptions if e not in self.run.cancel_requests]
        picks = self.rng.sample(candidates, min(count, len(candidates)))

        async def go() -> None:
            for target in picks:
                try:
                    result = await self.outbox.cancel(target, who=CASHIER, terminal=TERMINAL)
                except OutboxError as exc:  # voided already, or confirmed without a server id
                    self.run.cancel_refusals[target] = str(exc)
                    continue
                if result.id == target:
                    self.run.cancel_requests[target] = f"void:{result.status}"
                else:
                    self.run.cancel_requests[target] = f"cancel_entry:{result.status}"

        self.runner.run(go())
        return len(picks)

    def faults_stop(self) -> None:
        """The server stops lying and the backoffs run their course: every queued entry is due.
        (Moving the till's clock in a child process is not possible; its waits are set here.)"""
        config = self.server.sandbox.faults.config
        quiet = {name: 0.0 for name in LYING}
        if any(getattr(config, name) for name in quiet):
            httpx.post(f"{self.server.url}/_sandbox/faults", json=quiet, timeout=10)

        def write(session: Any) -> None:
            session.execute(
                sa.update(ENTRIES)
                .where(ENTRIES.c.status == EntryStatus.QUEUED)
                .values(next_attempt_at=clock.now())
            )

        self.runner.run(self.outbox.db.write(write))

    def expire_leases(self) -> int:
        """The killed process's leases run out: what a restart after the lease would see."""
        past = clock.now() - timedelta(seconds=1)

        def write(session: Any) -> int:
            result = session.execute(
                sa.update(ENTRIES)
                .where(ENTRIES.c.status == EntryStatus.SENDING)
                .values(lease_until=past)
            )
            return int(result.rowcount or 0)

        return self.runner.run(self.outbox.db.write(write))

    # --- the till's process ----------------------------------------------------------------

    def _start(self, name: str, timeout: float) -> tuple[subprocess.Popen[bytes], Any]:
        log = (self.logs / f"{name}.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "sync", "--once", "--timeout", str(timeout)],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return proc, log

    def kill_round(self, number: int) -> RoundLog:
        before = _ledger_len(self.server)
        wanted = before + self.rng.randint(1, self.scale.max_effects)
        jitter = self.rng.uniform(0.0, 0.08)
        # now and then kill by time alone: during start-up, the first claims or the sweep
        by_time = self.rng.uniform(0.3, 1.5) if self.rng.random() < 0.2 else None
        cancel_at = before + self.rng.randint(0, self.scale.max_effects)
        concurrent = 0
        started = time.monotonic()
        proc, log = self._start(f"round-{number:02d}", 60)
        try:
            deadline = started + ROUND_BOUND
            while time.monotonic() < deadline:
                try:
                    proc.wait(timeout=0.01)  # a process wait: returns at once if it exits
                    break
                except subprocess.TimeoutExpired:
                    pass
                now_len = _ledger_len(self.server)
                if not concurrent and now_len >= cancel_at:
                    # the GUI cancels while the headless sync holds leases on the same file
                    concurrent = self.cancel_some(self.rng.randint(1, 3))
                if by_time is None and now_len >= wanted:
                    break
                if by_time is not None and time.monotonic() - started >= by_time:
                    break
            killed = proc.poll() is None
            if killed:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=jitter)
                killed = proc.poll() is None
                if killed:
                    proc.send_signal(signal.SIGKILL)
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        return RoundLog(
            number=number,
            killed=killed,
            exit_code=None if killed else code,
            seconds=time.monotonic() - started,
            ledger_before=before,
            ledger_after=_ledger_len(self.server),
            concurrent_cancels=concurrent,
        )

    def final_sync(self) -> None:
        proc, log = self._start("final", 60)
        try:
            self.run.final_exit = proc.wait(timeout=FINAL_BOUND)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
        self.run.final_output = (self.logs / "final.log").read_text(errors="replace")[-3000:]

    # --- the whole thing -------------------------------------------------------------------

    def play(self) -> Run:
        started = time.monotonic()
        batches = _split(self.scale.entries, self.scale.rounds + 1, self.rng)
        cancels = max(
            1, round(self.scale.entries * self.scale.cancel_share / (self.scale.rounds + 1))
        )
        for number in range(self.scale.rounds):
            self.enqueue(batches[number])
            self.cancel_some(self.rng.randint(0, cancels))
            log = self.kill_round(number)
            log.stale_leases = self.expire_leases()
            self.run.rounds.append(log)
        self.enqueue(batches[-1])
        self.cancel_some(cancels)
        self.expire_leases()
        self.faults_stop()
        self.final_sync()
        self.collect()
        self.run.seconds = time.monotonic() - started
        return self.run

    def collect(self) -> None:
        async def read() -> tuple[list[OutboxEntry], list[Attempt]]:
            entries = await self.outbox.entries()
            attempts = await self.outbox.db.read(
                lambda s: list(
                    s.execute(
                        sa.select(Attempt).order_by(ATTEMPTS.c.entry_id, ATTEMPTS.c.number)
                    ).scalars()
                )
            )
            return entries, attempts

        entries, attempts = self.runner.run(read())
        self.run.entries = {e.id: e for e in entries}
        for attempt in attempts:
            self.run.attempts.setdefault(attempt.entry_id, []).append(attempt)
        self.run.ledger = _ledger(self.server)
        self.run.injected = list(self.server.sandbox.faults.injected)
        world = self.server.sandbox.state.world
        self.run.balances = {
            pk: world.members[pk].stamps
            for pk in range(EXTRA_MEMBER_FIRST_ID, EXTRA_MEMBER_FIRST_ID + self.scale.members)
        }
        listed = subprocess.run(
            [sys.executable, "-m", "app", "outbox", "list", "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert listed.returncode == 0, listed.stderr
        self.run.cli_statuses = {r["id"]: r["status"] for r in json.loads(listed.stdout)}

    def close(self) -> None:
        self.runner.run(self.outbox.close())


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` in ``parts`` batches: a big first one, the rest spread at random."""
    first = total // 2
    rest = [0] * (parts - 1)
    for _ in range(total - first):
        rest[rng.randrange(parts - 1)] += 1
    return [first, *rest]


# --- the checks --------------------------------------------------------------------------------


def _describe(run: Run, entry_id: str) -> str:
    e = run.entries[entry_id]
    tries = [
        f"#{a.number}:{a.outcome}{'/' + str(a.status_code) if a.status_code else ''}"
        + (f"({a.error})" if a.error else "")
        for a in run.attempts.get(entry_id, [])
    ]
    lines = [
        f"seq={x['seq']} {x['kind']} rid={x['redemption_id']}"
        for x in run.ledger
        if x["idempotency_key"] == entry_id
    ]
    return (
        f"{e.kind} {e.id} seq={e.seq} {e.lane} status={e.status} server_id={e.server_redemption_id}"
        f" reconciled={e.reconciled} cancels={e.cancels} attempts={tries} ledger={lines}"
        f" last_error={e.last_error!r} evidence={e.evidence}"
    )


def _common_checks(run: Run) -> list[str]:
    """What holds whatever the server does with keys. Returns failures, described."""
    problems: list[str] = []
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in run.ledger:
        by_key[x["idempotency_key"]].append(x)

    # every ledger line carries a key, and it is one of this till's entries
    for key in keys:
        if key is None or key not in run.entries:
            problems.append(f"ledger line with a key this till never made: {by_key[key]}")

    # no redemption refunded twice; no voided entry ever applied
    refunds = Counter(x["redemption_id"] for x in run.ledger if x["kind"] == "cancel")
    for rid, count in refunds.items():
        if count > 1:
            problems.append(f"redemption {rid} refunded {count} times")
    for e in run.entries.values():
        if e.status == EntryStatus.VOIDED and keys.get(e.id):
            problems.append(f"voided entry applied: {_describe(run, e.id)}")

    # a synced entry with a server id: its own key applied exactly once, with that id
    for e in run.entries.values():
        if e.status == EntryStatus.SYNCED and e.server_redemption_id is not None:
            lines = by_key.get(e.id, [])
            if len(lines) != 1 or lines[0]["redemption_id"] != e.server_redemption_id:
                problems.append(f"synced, but the ledger disagrees: {_describe(run, e.id)}")
        if e.kind == OperationKind.CANCEL and e.status == EntryStatus.SYNCED:
            target = run.entries[e.cancels] if e.cancels else None
            lines = by_key.get(e.id, [])
            if (
                target is None
                or len(lines) != 1
                or lines[0]["kind"] != "cancel"
                or lines[0]["redemption_id"] != target.server_redemption_id
            ):
                problems.append(f"synced cancel not applied to its target: {_describe(run, e.id)}")

    # nothing believed without proof: a synced entry has the id its answer named, or was
    # reconciled from the feed (a 200 that named nothing proves nothing)
    for e in run.entries.values():
        if e.status == EntryStatus.SYNCED and e.server_redemption_id is None and not e.reconciled:
            problems.append(f"synced without a named redemption: {_describe(run, e.id)}")

    # nothing stuck in flight, never rejected for a redemption
    for e in run.entries.values():
        if e.status == EntryStatus.SENDING:
            problems.append(f"still sending after the final sync: {_describe(run, e.id)}")
        if e.kind != OperationKind.CANCEL and e.status in (
            EntryStatus.QUEUED,
            EntryStatus.REJECTED,
            EntryStatus.EXPIRED,
            EntryStatus.DISMISSED,
        ):
            problems.append(f"redemption lost or refused: {_describe(run, e.id)}")

    # the CLI sees what the outbox holds
    if run.cli_statuses != {e.id: str(e.status) for e in run.entries.values()}:
        problems.append("`outbox list --json` disagrees with the outbox")

    # the server's balances are what its ledger says
    deltas: Counter[int] = Counter()
    for x in run.ledger:
        deltas[x["member"]] += x["stamps_delta"]
    for pk, stamps in run.balances.items():
        if stamps != EXTRA_MEMBER_STAMPS + deltas[pk]:
            problems.append(f"member {pk}: {stamps} stamps, ledger says {deltas[pk]:+d}")
    return problems


def _check_honoured(run: Run) -> list[str]:
    problems = _common_checks(run)
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    for key, count in keys.items():
        if count > 1:
            problems.append(f"key applied {count} times: {_describe(run, key)}")
    for e in run.entries.values():
        if e.status not in (EntryStatus.SYNCED, EntryStatus.VOIDED):
            problems.append(f"not settled with idempotency honoured: {_describe(run, e.id)}")
        if e.kind != OperationKind.CANCEL and e.status == EntryStatus.SYNCED and keys[e.id] != 1:
            problems.append(f"synced redemption not applied exactly once: {_describe(run, e.id)}")
        if e.status == EntryStatus.SYNCED and e.reconciled:
            problems.append(f"reconciled though keys are honoured: {_describe(run, e.id)}")
    # every requested cancel happened: voided before sending, or the redemption refunded
    refunded = {x["redemption_id"] for x in run.ledger if x["kind"] == "cancel"}
    for target_id in run.cancel_requests:
        target = run.entries[target_id]
        if target.status == EntryStatus.VOIDED:
            continue
        if target.server_redemption_id not in refunded:
            problems.append(f"cancel requested, not applied: {_describe(run, target_id)}")
    # per member: server stamps == what the till believes (synced redemptions and cancels)
    problems += _balances_match_till(run)
    return problems


def _balances_match_till(run: Run) -> list[str]:
    problems = []
    believed: Counter[int] = Counter()
    for e in run.entries.values():
        if e.status != EntryStatus.SYNCED:
            continue
        pk = int(e.lane.split(":")[1])
        believed[pk] += REWARD_STAMPS if e.kind == OperationKind.CANCEL else -REWARD_STAMPS
    for pk, stamps in run.balances.items():
        if stamps != EXTRA_MEMBER_STAMPS + believed[pk]:
            problems.append(
                f"member {pk}: server has {stamps} stamps, the till believes "
                f"{EXTRA_MEMBER_STAMPS + believed[pk]}"
            )
    return problems


def _check_not_honoured(run: Run) -> list[str]:
    problems = _common_checks(run)
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    for key, count in keys.items():
        if count > 1:
            problems.append(f"key applied {count} times (resent?): {_describe(run, key)}")
    for entry_id, attempts in run.attempts.items():
        # never resent automatically after an attempt that may have arrived
        for earlier in attempts[:-1]:
            if earlier.outcome != Outcome.NEVER_ARRIVED:
                problems.append(f"resent after a possible arrival: {_describe(run, entry_id)}")
                break
        killed = any("lease ran out" in (a.error or "") for a in attempts)
        entry = run.entries[entry_id]
        if killed and entry.status not in (EntryStatus.UNKNOWN, EntryStatus.SYNCED):
            problems.append(
                f"killed mid-flight, neither unknown nor synced: {_describe(run, entry_id)}"
            )
        # synced after a kill: only by reconciliation, or by a late 2xx of that very attempt
        if (
            killed
            and entry.status == EntryStatus.SYNCED
            and entry.kind != OperationKind.CANCEL
            and not entry.reconciled
            and entry.server_redemption_id is None
        ):
            problems.append(f"synced after a kill without proof: {_describe(run, entry_id)}")
    # per member, the till's beliefs are bounded by the server's truth:
    #   synced redemptions <= applied redemptions <= synced + unknown
    applied: Counter[str] = Counter()
    for x in run.ledger:
        if x["kind"].startswith("redeem"):
            applied[run.entries[x["idempotency_key"]].lane] += 1
    synced: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for e in run.entries.values():
        if e.kind == OperationKind.CANCEL:
            continue
        if e.status == EntryStatus.SYNCED:
            synced[e.lane] += 1
        elif e.status == EntryStatus.UNKNOWN:
            unknown[e.lane] += 1
    for lane in set(applied) | set(synced) | set(unknown):
        if not synced[lane] <= applied[lane] <= synced[lane] + unknown[lane]:
            problems.append(
                f"{lane}: server applied {applied[lane]} redemptions, the till has "
                f"{synced[lane]} synced and {unknown[lane]} unknown"
            )
    # every applied redemption belongs to an entry the till has not given up on
    for x in run.ledger:
        e = run.entries[x["idempotency_key"]]
        if e.status not in (EntryStatus.SYNCED, EntryStatus.UNKNOWN):
            problems.append(f"applied, but the till says {e.status}: {_describe(run, e.id)}")
    return problems


def _false_reconciliation(run: Run) -> list[str]:
    """What reconciliation got wrong, though every count above holds: an entry reconciled
    (``synced``) whose own request never reached the server, having taken a feed line another
    unknown entry of its lane left; and an ``unknown`` entry whose evidence says ``not_found``
    though its redemption is on the server (a manager trusting it would resend)."""
    keys = {x["idempotency_key"] for x in run.ledger}
    wrong = [
        f"reconciled, never arrived: {_describe(run, e.id)}"
        for e in run.entries.values()
        if e.status == EntryStatus.SYNCED and e.reconciled and e.id not in keys
    ]
    wrong += [
        f"'not_found', but applied: {_describe(run, e.id)}"
        for e in run.entries.values()
        if e.status == EntryStatus.UNKNOWN
        and e.id in keys
        and (e.evidence or {}).get("result") == "not_found"
    ]
    return wrong


# --- the tests ---------------------------------------------------------------------------------


def _play(
    sandbox_factory: Any,
    tmp_path: Path,
    mode: str,
    seed: int,
    *,
    idempotency: bool,
    scale: Scale = SCALE,
    faults: dict[str, Any] | None = None,
) -> Run:
    server = sandbox_factory(idempotency=idempotency, scale=scale, faults=faults)
    with asyncio.Runner() as runner:
        scenario = Scenario(server, tmp_path, mode, seed, runner, scale)
        try:
            run = scenario.play()
        finally:
            scenario.close()
    print(run.summary())
    _dump(run, tmp_path)  # kept with pytest's tmp_path: the evidence for whoever reads a failure
    return run


def _dump(run: Run, path: Path) -> Path:
    """Everything about the run, for the person reading a failure."""
    data = {
        "summary": run.summary(),
        "rounds": [vars(r) for r in run.rounds],
        "cancel_requests": run.cancel_requests,
        "cancel_refusals": run.cancel_refusals,
        "final_output": run.final_output,
        "entries": [
            {
                **e.model_dump(mode="json", exclude={"payload", "response"}),
                "attempts": [a.model_dump(mode="json") for a in run.attempts.get(e.id, [])],
            }
            for e in run.entries.values()
        ],
        "ledger": run.ledger,
    }
    out = path / "crash-run.json"
    out.write_text(json.dumps(data, indent=1, default=str))
    return out


def _verdict(run: Run, problems: list[str], tmp_path: Path) -> str:
    return (
        f"{run.summary()}\nfull dump: {tmp_path / 'crash-run.json'}; logs: {tmp_path / 'logs'}\n"
        + "\n".join(problems[:40])
    )


def _assert_meaningful(run: Run) -> None:
    """The kills must have hit something, or the test proves nothing."""
    # a round whose sync drains its small batch before the kill point exits on its own: fine
    assert sum(r.killed for r in run.rounds) >= max(1, len(run.rounds) // 2), run.summary()
    assert sum(r.stale_leases for r in run.rounds) >= 1, run.summary()
    assert run.cancel_requests, run.summary()


@pytest.mark.parametrize("seed", SEEDS)
def test_kills_with_idempotency_honoured_apply_everything_exactly_once(
    sandbox_factory: Any, tmp_path: Path, seed: int
) -> None:
    run = _play(sandbox_factory, tmp_path, "honoured", seed, idempotency=True)
    _assert_meaningful(run)
    assert run.final_exit == EXIT_OK, _verdict(run, ["final sync exit"], tmp_path)
    problems = _check_honoured(run)
    assert not problems, _verdict(run, problems, tmp_path)
    # the resend-under-the-same-key path was exercised
    assert any(len(a) > 1 for a in run.attempts.values()), run.summary()


@pytest.mark.parametrize("seed", SEEDS)
def test_kills_without_idempotency_never_resend_and_lose_nothing(
    sandbox_factory: Any, tmp_path: Path, seed: int
) -> None:
    run = _play(sandbox_factory, tmp_path, "unknown", seed, idempotency=False)
    _assert_meaningful(run)
    assert run.final_exit == EXIT_OK, _verdict(run, ["final sync exit"], tmp_path)
    problems = _check_not_honoured(run)
    assert not problems, _verdict(run, problems, tmp_path)
    wrong = _false_reconciliation(run)
    assert not wrong, "reconciliation got wrong:\n" + "\n".join(wrong)


# --- a lying server: applied then 503, and 200 with only errors (issue 10) ------------------------


def _lies(run: Run, injected: list[dict[str, Any]]) -> None:
    """The lies were told, or the test proves nothing."""
    kinds = Counter(x["kind"] for x in injected)
    assert kinds["applied_then_503"] and kinds["errors_only"], (dict(kinds), run.summary())


@pytest.mark.parametrize("seed", LYING_SEEDS)
@pytest.mark.parametrize("applied", [False, True], ids=["errors-only", "errors-only-applied"])
def test_a_lying_server_with_idempotency_honoured_applies_everything_exactly_once(
    sandbox_factory: Any, tmp_path: Path, seed: int, applied: bool
) -> None:
    faults = {**LYING, "errors_only_after_apply": applied}
    run = _play(
        sandbox_factory,
        tmp_path,
        "honoured",
        seed,
        idempotency=True,
        scale=LYING_SCALE,
        faults=faults,
    )
    _assert_meaningful(run)
    _lies(run, run.injected)
    assert run.final_exit == EXIT_OK, _verdict(run, ["final sync exit"], tmp_path)
    problems = _check_honoured(run)
    assert not problems, _verdict(run, problems, tmp_path)


@pytest.mark.parametrize("seed", LYING_SEEDS)
@pytest.mark.parametrize("applied", [False, True], ids=["errors-only", "errors-only-applied"])
def test_a_lying_server_without_idempotency_is_never_believed_nor_resent(
    sandbox_factory: Any, tmp_path: Path, seed: int, applied: bool
) -> None:
    faults = {**LYING, "errors_only_after_apply": applied}
    run = _play(
        sandbox_factory,
        tmp_path,
        "unknown",
        seed,
        idempotency=False,
        scale=LYING_SCALE,
        faults=faults,
    )
    _assert_meaningful(run)
    _lies(run, run.injected)
    assert run.final_exit == EXIT_OK, _verdict(run, ["final sync exit"], tmp_path)
    problems = _check_not_honoured(run)
    assert not problems, _verdict(run, problems, tmp_path)
    wrong = _false_reconciliation(run)
    assert not wrong, "reconciliation got wrong:\n" + "\n".join(wrong)


# --- the reconciliation bugs the crash test found, reproduced without randomness ------------------


def _two_killed_in_one_lane(
    server: SandboxServer, tmp_path: Path, *, a_arrives: bool
) -> tuple[OutboxEntry, OutboxEntry, list[dict[str, Any]]]:
    """Redemptions A then B of one member, idempotency not honoured, each claimed by a process
    that dies before recording an answer; then the restart: one clean sync. B's request reaches
    the server; A's does when ``a_arrives``. Returns A and B as the restart leaves them, and the
    ledger. The sandbox clock is first moved to just after a whole second, so both redemptions
    land in the same second of the feed (whose times have second precision)."""
    settings = _settings(server, tmp_path / "till", "unknown")
    email, lane = extra_member_email(1), f"member:{EXTRA_MEMBER_FIRST_ID}"
    payload = {"user": email, "store": STORE, "channel": CHANNEL_POS, "reward": REWARD_ID, "qty": 1}
    now = server.sandbox.state.now()
    httpx.post(
        f"{server.url}/_sandbox/clock", json={"advance": 1.02 - (now % 1)}, timeout=10
    ).raise_for_status()

    async def scenario() -> tuple[OutboxEntry, OutboxEntry]:
        outbox = await Outbox.open(settings.database_path, settings.till_config().outbox_policy())
        client = StampsClient(base_url=server.url, token=DEMO_TOKEN, merchant=MERCHANT, store=STORE)
        try:
            ids = []
            for _ in range(2):
                entry = await outbox.enqueue(
                    OperationKind.REWARD,
                    payload,
                    lane=lane,
                    user=email,
                    cashier=CASHIER,
                    terminal=TERMINAL,
                    reward_name=REWARD_NAME,
                    stamps=REWARD_STAMPS,
                )
                ids.append(entry.id)

            def expire(session: Any) -> None:  # the dead process's lease runs out
                session.execute(
                    sa.update(ENTRIES)
                    .where(ENTRIES.c.status == EntryStatus.SENDING)
                    .values(lease_until=clock.now() - timedelta(seconds=1))
                )

            a = await outbox.claim("dead-1")
            assert a is not None and a.entry_id == ids[0]
            if a_arrives:
                await client.submit(a.kind, a.payload, idempotency_key=a.entry_id)
            await outbox.db.write(expire)
            b = await outbox.claim("dead-2")  # the sweep made A unknown: B is next in the lane
            assert b is not None and b.entry_id == ids[1]
            await client.submit(b.kind, b.payload, idempotency_key=b.entry_id)
            await outbox.db.write(expire)
        finally:
            await client.aclose()
            await outbox.close()
        async with open_till(
            settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
        ) as till:  # the restart
            await till.worker.drain(10)
            entries = {e.id: e for e in await till.outbox.entries()}
        return entries[ids[0]], entries[ids[1]]

    with asyncio.Runner() as runner:
        a, b = runner.run(scenario())
    return a, b, _ledger(server)


def _state(e: OutboxEntry) -> str:
    return f"{e.status} (reconciled={e.reconciled}, evidence={e.evidence})"


def test_reconciliation_does_not_claim_a_line_another_unknown_entry_may_own(
    sandbox_factory: Any, tmp_path: Path
) -> None:
    """A's process dies before A's request leaves; B's dies after B's request arrived.

    The feed shows ONE matching line (B's). Before the fix, A, older, was checked first, found
    one free line and took it (``synced``, reconciled); B then found it "accounted by other
    entries" and stayed ``unknown`` with ``not_found``. The till believed A was applied, which
    it never was, and told the manager B was not found though B is the one on the server:
    resending B charges the member twice. Two unknown entries that may own one line: neither
    can be reconciled.
    """
    a, b, ledger = _two_killed_in_one_lane(
        sandbox_factory(idempotency=False), tmp_path, a_arrives=False
    )
    assert [x["idempotency_key"] for x in ledger] == [b.id]  # only B reached the server
    assert a.status == EntryStatus.UNKNOWN, f"A: {_state(a)}; B: {_state(b)}"


def test_reconciliation_tells_same_second_lines_apart(sandbox_factory: Any, tmp_path: Path) -> None:
    """Both A's and B's requests arrive, in the same second; both processes die unanswered.

    The feed shows two identical lines (same reward, stamps, store and whole second). A is
    reconciled to one (``reconciled_with`` = ``32|Upgrade ke Ukuran Large|5|<second>``); for B,
    ``r.fingerprint() not in claimed_fps`` then dropped BOTH lines (before the fix), so B ended
    ``unknown`` with ``not_found`` though its redemption is on the server: evidence that invites
    a resend.
    (The crash test saw the same thing with synced neighbours in the same second, which are also
    counted a second time through ``answered_idless``.)
    """
    a, b, ledger = _two_killed_in_one_lane(
        sandbox_factory(idempotency=False), tmp_path, a_arrives=True
    )
    assert sorted(x["idempotency_key"] for x in ledger) == sorted([a.id, b.id])
    seconds = {int(x["time"]) for x in ledger}
    assert len(seconds) == 1, "the two redemptions should share a second of the feed"
    assert a.status == EntryStatus.SYNCED, f"A: {_state(a)}"
    assert b.status == EntryStatus.SYNCED, f"B: {_state(b)}"
