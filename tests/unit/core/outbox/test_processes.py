"""Two real processes (a GUI and a headless ``stamps-pos sync``) draining one database file."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys
from pathlib import Path

from app.core.outbox import Outbox, OutboxPolicy
from app.core.storage import Database

from .conftest import enqueue_reward

WORKER = r"""
import asyncio, json, sys, time
from pathlib import Path
from app.core.outbox import Outbox, OutboxPolicy, SubmitResult, SyncWorker
from app.core.storage import Database

class Recording:
    def __init__(self, out):
        self.out = out
    async def submit(self, kind, payload, *, idempotency_key):
        start = time.monotonic()
        await asyncio.sleep(0.005)  # a little latency, so the two processes overlap
        self.out.append([idempotency_key, payload["user"], start, time.monotonic()])
        # a redemption id of its own, as a server gives: one repeated proves nothing
        server_id = int(idempotency_key.replace("-", ""), 16) % 2**62 + 1
        return SubmitResult(redemption_id=server_id, stamps_remaining=5, raw={})
    async def member_activity(self, user, *, since):
        return []

async def main():
    out = []
    outbox = Outbox(Database(Path(sys.argv[1])), OutboxPolicy(idempotency_honoured=True, lanes=2))
    status = await SyncWorker(outbox, Recording(out)).drain(60)
    await outbox.close()
    print(json.dumps({"sent": out, "pending": status.pending}))

sys.stdin.readline()  # both processes start together, after their imports
asyncio.run(main())
"""


async def _enqueue(db_path: Path, count: int) -> list[str]:
    outbox = Outbox(Database(db_path), OutboxPolicy(idempotency_honoured=True))
    try:
        return [(await enqueue_reward(outbox, lane=f"m{i % 8}")).id for i in range(count)]
    finally:
        await outbox.close()


def test_two_processes_drain_one_file_without_sharing_a_lane(db_path: Path, tmp_path: Path) -> None:
    ids = asyncio.run(_enqueue(db_path, 48))
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    root = Path(__file__).resolve().parents[4]
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(db_path)],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    sent = [row for result in results for row in result["sent"]]
    assert sorted(row[0] for row in sent) == sorted(ids)  # each exactly once
    assert all(result["pending"] == 0 for result in results)
    position = {entry_id: n for n, entry_id in enumerate(ids)}
    for lane in {row[1] for row in sent}:
        rows = sorted((row for row in sent if row[1] == lane), key=lambda row: row[2])
        assert [position[row[0]] for row in rows] == sorted(position[row[0]] for row in rows)
        for before, after in itertools.pairwise(rows):
            assert before[3] <= after[2], "two requests of one lane overlapped"
