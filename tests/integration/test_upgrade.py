"""Upgrading keeps the queue: a database the previous release (schema 0004) left with queued,
sending, unknown and rejected entries is migrated by this release and drained against the
sandbox, with nothing lost and nothing applied twice. A database from a newer release is refused,
by the headless commands and by the window alike, and left as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.core.storage.migrate import head_revision
from app.sandbox import DEMO_TOKEN

from ..support.previous_release import (
    PREVIOUS_RELEASE,
    OldEntry,
    create_database,
    insert,
    stamp_revision,
)
from ..support.sandbox import MERCHANT, STORE, SandboxControl

pytestmark = pytest.mark.integration

AYU, PUTRI, AGUS = (
    "customer@stamps.co.id",
    "putri.maharani@contoh.co.id",
    "agus.setiawan@contoh.co.id",
)


CANNOT_START_READER = Path(__file__).resolve().parents[1] / "support" / "cannot_start.py"


def run(settings: Settings, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """This release's command line on the till's settings."""
    env = {
        **os.environ,
        "STAMPS_POS_BASE_URL": settings.base_url,
        "STAMPS_POS_TOKEN": DEMO_TOKEN,
        "STAMPS_POS_MERCHANT": str(settings.merchant),
        "STAMPS_POS_STORE": str(settings.store),
        "STAMPS_POS_STORE_CODE": settings.store_code or "",
        "STAMPS_POS_DATA_DIR": str(settings.data_dir),
        "STAMPS_POS_IDEMPOTENCY": settings.idempotency,
        "STAMPS_POS_CONFIG": str(home / "settings.toml"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    # The window's command through tests/support's reader: its cannot-start page read, closed.
    program = [str(CANNOT_START_READER)] if args[:1] == ("gui",) else ["-m", "app"]
    return subprocess.run(
        [sys.executable, *program, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


class Server:
    """The sandbox's API, as the previous release's till saw it."""

    def __init__(self, sandbox: SandboxControl) -> None:
        self.http = httpx.Client(
            base_url=sandbox.server.url,
            headers={"Authorization": f"Token {DEMO_TOKEN}"},
            timeout=10,
        )

    def member_id(self, user: str) -> str:
        answer = self.http.get(
            "/api/v2/memberships/details", params={"user": user, "merchant": MERCHANT}
        )
        return str(answer.raise_for_status().json()["user"]["id"])

    def reward(self, user: str, reward_id: int) -> dict[str, Any]:
        answer = self.http.get(
            "/api/rewards/", params={"merchant": MERCHANT, "store": STORE, "user": user}
        )
        rewards = answer.raise_for_status().json()["rewards"]
        found: dict[str, Any] = next(r for r in rewards if r["id"] == reward_id)
        return found

    def redeem(self, payload: dict[str, Any], key: str) -> None:
        self.http.post(
            "/api/v2/redemptions/redeem-reward", json=payload, headers={"Idempotency-Key": key}
        ).raise_for_status()


def old_reward_entry(server: Server, seq: int, user: str, reward_id: int, **extra: Any) -> OldEntry:
    reward = server.reward(user, reward_id)
    return OldEntry(
        id=str(uuid.uuid4()),
        seq=seq,
        payload={
            "user": user,
            "store": STORE,
            "channel": 2,
            "invoice_number": f"OLD-{seq}",
            "reward": reward_id,
            "qty": 1,
        },
        user=user,
        lane=f"member:{server.member_id(user)}",
        expect_store=STORE,
        expect_name=reward["name"],
        expect_stamps=reward["stamps_to_redeem"],
        **extra,
    )


def stored(db: Path) -> dict[str, dict[str, Any]]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT id, status, payload, user, lane, server_redemption_id, reconciled FROM "
            "outbox_entries"
        ).fetchall()
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()
    entries = {
        r[0]: {
            "status": r[1],
            "payload": json.loads(r[2]),
            "user": r[3],
            "lane": r[4],
            "server_redemption_id": r[5],
            "reconciled": bool(r[6]),
        }
        for r in rows
    }
    return {"revision": revision, "entries": entries}  # type: ignore[dict-item]


@pytest.fixture
def server(sandbox: SandboxControl) -> Iterator[Server]:
    api = Server(sandbox)
    yield api
    api.http.close()


def test_the_previous_release_s_queue_is_migrated_and_drained_with_nothing_lost(
    sandbox: SandboxControl, server: Server, till_settings: Settings, tmp_path: Path
) -> None:
    db = till_settings.database_path
    create_database(db, PREVIOUS_RELEASE)
    now = datetime.now(UTC)
    queued = old_reward_entry(server, 1, AYU, 1, status="queued")
    # The previous release crashed mid-send: its lease has run out, the attempt stays ambiguous.
    sending = old_reward_entry(
        server,
        2,
        PUTRI,
        1,
        status="sending",
        attempts=1,
        first_sent_at=now - timedelta(minutes=2),
        lease_owner="old-till:1a2b",
        lease_until=now - timedelta(minutes=1),
        attempt_rows=[("ambiguous", None, None)],
    )
    # Applied on the server, answer lost: the feed proves it.
    unknown = old_reward_entry(
        server,
        3,
        PUTRI,
        2,
        status="unknown",
        attempts=1,
        first_sent_at=now - timedelta(seconds=30),
        last_outcome="ambiguous",
        last_error="ReadTimeout: no answer",
        next_check_at=now - timedelta(seconds=1),
        attempt_rows=[("ambiguous", None, "ReadTimeout: no answer")],
    )
    server.redeem(unknown.payload, unknown.id)
    rejected = old_reward_entry(
        server,
        4,
        AGUS,
        1,
        status="rejected",
        attempts=1,
        first_sent_at=now - timedelta(minutes=5),
        last_outcome="refused",
        last_error="ApiError: not enough stamps",
        attempt_rows=[("refused", 400, "ApiError: not enough stamps")],
    )
    entries = [queued, sending, unknown, rejected]
    insert(db, *entries)
    applied_before = len(sandbox.ledger())

    done = run(till_settings, tmp_path, "sync", "--once", "--timeout", "60")

    assert done.returncode == 0, done.stderr
    after = stored(db)
    assert after["revision"] == head_revision()
    found = after["entries"]
    assert set(found) == {e.id for e in entries}  # nothing lost
    for old in entries:  # and nothing rewritten: the same request, member and lane
        assert (found[old.id]["payload"], found[old.id]["user"], found[old.id]["lane"]) == (
            old.payload,
            old.user,
            old.lane,
        )
    assert found[queued.id]["status"] == "synced" and found[queued.id]["server_redemption_id"]
    assert found[sending.id]["status"] == "synced" and found[sending.id]["server_redemption_id"]
    assert found[unknown.id]["status"] == "synced" and found[unknown.id]["reconciled"]
    assert found[rejected.id]["status"] == "rejected"
    # Each entry applied exactly once on the server: the queued and the crashed one now, the
    # unknown one before the upgrade (reconciled, not resent), the rejected one never.
    ledger = sandbox.ledger()
    keys = [e["idempotency_key"] for e in ledger]
    assert len(ledger) == applied_before + 2
    assert sorted(keys.count(e.id) for e in entries) == [0, 1, 1, 1]
    assert keys.count(rejected.id) == 0


@pytest.fixture
def newer_database(till_settings: Settings) -> Path:
    db = till_settings.database_path
    create_database(db, PREVIOUS_RELEASE)
    stamp_revision(db, "0099_from_a_newer_release")
    return db


@pytest.mark.parametrize("command", [["outbox", "list"], ["sync", "--once"], ["gui"]])
def test_a_database_from_a_newer_release_is_refused_and_left_alone(
    newer_database: Path, till_settings: Settings, tmp_path: Path, command: list[str]
) -> None:
    before = newer_database.read_bytes()
    done = run(till_settings, tmp_path, *command)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "0099_from_a_newer_release" in done.stderr
    assert "newer version" in done.stderr
    assert "Traceback" not in done.stderr
    assert newer_database.read_bytes() == before
    if command == ["gui"]:  # and on the window's screen, as the command line words it
        [page] = json.loads(done.stdout.strip().splitlines()[-1])["pages"]
        assert "0099_from_a_newer_release" in page["text"]
