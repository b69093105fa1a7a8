"""The reconnect storm: a hundred tills on one event loop, each with its own database and the
real till (client, outbox, sync worker, connectivity monitor), queue their redemptions through
an outage, and the sandbox comes back under all of them at once.

When connectivity returns, a till wakes the entries whose last attempt never arrived, each at a
moment drawn within ``OutboxPolicy.reconnect_spread`` (10 s, full jitter): the requests reach the
server spread over those seconds, not in one. Measured on the tills' own clock (a manual clock,
moved only when every worker has nothing left to do at the present moment), the peak number of
requests in any one second stays within twice the mean rate of the whole drain; every entry is
applied once, none lost.

"At once": every till went offline at the same moment and probes the server once a minute
(``probe_interval`` 60 s, kept as the monitor's cap), so all of them probe at the same
moments of the clock. The line comes back 100 ms before such a probe, and at the probe every till
finds it. The requests counted are each entry's first attempt from the line's return on (each
attempt's row carries the clock time it was sent at): the wave the wake-up spreads. An attempt
that fails on a loaded machine (its answer lost under a hundred tills at once) is sent again by
its own backoff, seconds later, and the entries behind it in its lane wait for it: that lane's
requests are the backoff's, not the wake-up's, and are set aside (counted in the table's note,
at most a tenth of all), so they cannot stretch "the whole drain" the rate is measured over.
The clock moves in steps of 100 ms while the tills drain.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import shutil
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core import clock
from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.offline.connectivity import Connectivity
from app.core.outbox import OutboxPolicy
from app.core.services import RuntimeOptions, Secret, Till, open_till
from app.core.storage import migrate
from app.core.storage.tables import ATTEMPTS, Attempt
from app.sandbox import DEMO_TOKEN, SandboxServer

from .conftest import LONG
from .evidence import judge
from .moved_clock import advance, settle
from .shop import enqueue_reward, till_settings
from .table import TABLE, Tally

pytestmark = [pytest.mark.slow, pytest.mark.integration]

SEED = 20261125
TILLS = 100
PER_TILL = 50 if LONG else 6  # entries each till queues during the outage
MEMBERS = 10 if LONG else 5  # members each till serves: its lanes
PROBE = 60.0  # seconds between a till's probes while offline (the monitor's cap)
OUTAGE = 2 * PROBE  # the line is down this long, and back one second before a probe
OUTAGE_STEP = 30.0
DRAIN_STEP = 0.1
DRAIN_BOUND = 900.0  # seconds of clock after the line is back by which all must be drained
SPREAD = OutboxPolicy().reconnect_spread


def _free_port() -> int:
    """A loopback port nothing listens on (yet): the tills' server, down until it comes back."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextlib.asynccontextmanager
async def _tills(tmp_path: Path, url: str) -> AsyncIterator[list[Till]]:
    """A hundred tills on this loop, each with its own database (a copy of one migrated file)."""
    template = tmp_path / "template.db"
    migrate(template)
    async with contextlib.AsyncExitStack() as stack:
        tills = []
        for n in range(TILLS):
            data = tmp_path / f"till-{n:03d}"
            data.mkdir(mode=0o700)
            config = till_settings(
                url,
                data,
                "honoured",
                terminal=f"till-{n:03d}",
                connect_timeout=5.0,
                read_timeout=20.0,
            ).till_config()
            shutil.copyfile(template, config.database_path)
            config.database_path.chmod(0o600)
            till = await stack.enter_async_context(
                open_till(config, Secret(DEMO_TOKEN), RuntimeOptions(probe_interval=PROBE))
            )
            tills.append(till)
        yield tills


def _online(till: Till) -> asyncio.Event:
    """Set when ``till`` finds the server again (its connectivity monitor turns online)."""
    event = asyncio.Event()

    def listen(_old: Connectivity, new: Connectivity) -> None:
        if new is Connectivity.ONLINE:
            event.set()

    till.monitor.subscribe(listen)
    return event


async def _attempts_since(till: Till, since: datetime) -> list[Attempt]:
    """The attempts ``till`` made after ``since``, in the order they were sent (those made at
    ``since`` itself were made before the line came back)."""
    rows = await till.outbox.db.read(
        lambda s: list(
            s.execute(
                sa.select(Attempt)
                .where(ATTEMPTS.c.started_at > since)
                .order_by(ATTEMPTS.c.started_at, ATTEMPTS.c.number)
            ).scalars()
        )
    )
    return rows


def _the_wave(
    attempts: list[Attempt], lanes: dict[str, str]
) -> tuple[list[Attempt], list[Attempt]]:
    """The first attempt of each entry whose lane met no failure after the line's return (what
    the wake-up spread), and every attempt of a lane that did: one that failed again is retried
    by its own backoff, and the entries behind it in its lane wait for it."""
    failed = {lanes[a.entry_id] for a in attempts if a.outcome != Outcome.APPLIED}
    seen: set[str] = set()
    wave, aside = [], []
    for attempt in attempts:
        if lanes[attempt.entry_id] in failed:
            aside.append(attempt)
        elif attempt.entry_id not in seen:
            wave.append(attempt)
        seen.add(attempt.entry_id)
    return wave, aside


async def test_a_hundred_tills_coming_back_at_once_spread_their_queues(tmp_path: Path) -> None:
    started = time.monotonic()
    random.seed(SEED)  # the backoffs' and the spread's draws (the retry policy's random)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server: SandboxServer | None = None
    # the tills' clock starts at the real time: the server's Date header is compared with it
    with clock.installed(ManualClock(datetime.now(UTC))) as manual:
        try:
            async with _tills(tmp_path, url) as tills:
                workers = [till.worker for till in tills]
                # the shift goes on while the line is down: every till queues its redemptions,
                # tries them, and goes offline
                offline = manual.now()
                accepted: set[str] = set()
                for n, till in enumerate(tills):
                    for i in range(PER_TILL):
                        member = n * MEMBERS + 1 + i % MEMBERS
                        entry = await enqueue_reward(
                            till.outbox, member, "storm", till.config.terminal
                        )
                        accepted.add(entry.id)
                await settle(workers)
                back = offline + timedelta(seconds=OUTAGE - DRAIN_STEP)
                while manual.now() < back:
                    step = min(OUTAGE_STEP, (back - manual.now()).total_seconds())
                    await advance(manual, step, workers)
                assert all(till.connectivity is Connectivity.OFFLINE for till in tills)

                # the line comes back a moment before the tills probe it, all at once
                found = [_online(till) for till in tills]
                server = SandboxServer(
                    port=port, token=DEMO_TOKEN, extra_members=TILLS * MEMBERS
                ).start()
                await advance(manual, DRAIN_STEP, workers)
                probed = manual.now()
                await asyncio.gather(*(event.wait() for event in found))
                await settle(workers)
                assert manual.now() == probed  # every till found the line at the same moment
                total = TILLS * PER_TILL
                ledger = server.sandbox.state.world.ledger
                while len(ledger) < total:
                    assert (manual.now() - back).total_seconds() < DRAIN_BOUND, (
                        f"{len(ledger)} of {total} applied after {DRAIN_BOUND:.0f} s"
                    )
                    await advance(manual, DRAIN_STEP, workers)
                waves = []
                for till in tills:
                    lanes = {e.id: e.lane for e in await till.outbox.entries()}
                    waves.append(_the_wave(await _attempts_since(till, back), lanes))
                entries = [e for till in tills for e in await till.outbox.entries()]
                lines = [vars(line) for line in ledger]
        finally:
            if server is not None:
                server.stop()

    tally: Tally = judge(entries, lines, accepted)
    sent = [a.started_at for wave, _ in waves for a in wave]
    aside = [a for _, set_aside in waves for a in set_aside]
    failures = [a for a in aside if a.outcome != Outcome.APPLIED]
    per_second = Counter(int((t - back).total_seconds()) for t in sent)
    first, last = min(per_second), max(per_second)
    mean = len(sent) / (last - first + 1)
    peak_second, peak = per_second.most_common(1)[0]
    why = "; ".join(f"{a.outcome} {a.status_code or ''} {a.error or ''}" for a in failures[:3])
    TABLE.add(
        f"reconnect storm: {TILLS} tills x {PER_TILL} entries",
        unit="entries",
        runs=total,
        tally=tally,
        seconds=time.monotonic() - started,
        note=(
            f"{len(sent)} first requests over {last - first + 1} s of the tills' clock from the "
            f"line's return; peak {peak} in second {peak_second}, mean {mean:.0f}/s "
            f"({peak / mean:.2f}x); {len(failures)} failed and were retried by their backoff, "
            f"their lanes ({len(aside)} requests) set aside"
            + (f" ({why})" if failures else "")
            + f"; seed {SEED}"
        ),
    )
    assert not tally.details, tally.details[:20]
    assert all(e.status == EntryStatus.SYNCED for e in entries)
    assert last - first + 1 >= SPREAD  # spread over the reconnect spread at least
    assert peak <= 2 * mean, str(sorted(per_second.items()))
    assert len(sent) >= 0.9 * total, f"{len(aside)} requests set aside: {why}"  # the wave is most
