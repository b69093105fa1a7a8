"""The two reconciliation bugs the crash test found (both fixed), replayed without randomness:
two redemptions of one member, each claimed by a process that dies before recording an answer,
then the restart's clean sync."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from app.core import clock
from app.core.credentials import Secret
from app.core.domain import EntryStatus, OperationKind
from app.core.outbox import Outbox
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.stamps.client import StampsClient
from app.core.storage.tables import ENTRIES, OutboxEntry
from app.sandbox import DEMO_TOKEN, SandboxServer
from app.sandbox.data import EXTRA_MEMBER_FIRST_ID, extra_member_email

from .evidence import ledger as _ledger
from .shop import (
    CHANNEL_POS,
    MERCHANT,
    REWARD_ID,
    REWARD_NAME,
    REWARD_STAMPS,
    STORE,
    TERMINAL,
    till_settings,
)

pytestmark = [pytest.mark.slow, pytest.mark.integration]

CASHIER = "replay"


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    """A sandbox that ignores idempotency keys, with generated members."""
    with SandboxServer(port=0, token=DEMO_TOKEN, idempotency=False, extra_members=4) as running:
        yield running


def _two_killed_in_one_lane(
    server: SandboxServer, tmp_path: Path, *, a_arrives: bool
) -> tuple[OutboxEntry, OutboxEntry, list[dict[str, Any]]]:
    """Redemptions A then B of one member, idempotency not honoured, each claimed by a process
    that dies before recording an answer; then the restart: one clean sync. B's request reaches
    the server; A's does when ``a_arrives``. Returns A and B as the restart leaves them, and the
    ledger. The sandbox clock is first held still just after a whole second, so both redemptions
    land in the same second of the feed (whose times have second precision) however slowly a
    loaded machine runs the scenario."""
    settings = till_settings(server.url, tmp_path / "till", "unknown")
    email, lane = extra_member_email(1), f"member:{EXTRA_MEMBER_FIRST_ID}"
    payload = {"user": email, "store": STORE, "channel": CHANNEL_POS, "reward": REWARD_ID, "qty": 1}
    held = httpx.post(f"{server.url}/_sandbox/clock", json={"hold": True}, timeout=10)
    now = held.raise_for_status().json()["now"]
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
    server: SandboxServer, tmp_path: Path
) -> None:
    """A's process dies before A's request leaves; B's dies after B's request arrived.

    The feed shows ONE matching line (B's). Before the fix, A, older, was checked first, found
    one free line and took it (``synced``, reconciled); B then found it "accounted by other
    entries" and stayed ``unknown`` with ``not_found``. The till believed A was applied, which
    it never was, and told the manager B was not found though B is the one on the server:
    resending B charges the member twice. Two unknown entries that may own one line: neither
    can be reconciled.
    """
    a, b, ledger = _two_killed_in_one_lane(server, tmp_path, a_arrives=False)
    assert [x["idempotency_key"] for x in ledger] == [b.id]  # only B reached the server
    assert a.status == EntryStatus.UNKNOWN, f"A: {_state(a)}; B: {_state(b)}"


def test_reconciliation_tells_same_second_lines_apart(
    server: SandboxServer, tmp_path: Path
) -> None:
    """Both A's and B's requests arrive, in the same second; both processes die unanswered.

    The feed shows two identical lines (same reward, stamps, store and whole second). A is
    reconciled to one (``reconciled_with`` = ``32|Upgrade ke Ukuran Large|5|<second>``); for B,
    ``r.fingerprint() not in claimed_fps`` then dropped BOTH lines (before the fix), so B ended
    ``unknown`` with ``not_found`` though its redemption is on the server: evidence that invites
    a resend.
    (The crash test saw the same thing with synced neighbours in the same second, which are also
    counted a second time through ``answered_idless``.)
    """
    a, b, ledger = _two_killed_in_one_lane(server, tmp_path, a_arrives=True)
    assert sorted(x["idempotency_key"] for x in ledger) == sorted([a.id, b.id])
    seconds = {int(x["time"]) for x in ledger}
    assert len(seconds) == 1, "the two redemptions should share a second of the feed"
    assert a.status == EntryStatus.SYNCED, f"A: {_state(a)}"
    assert b.status == EntryStatus.SYNCED, f"B: {_state(b)}"
