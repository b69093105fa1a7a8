"""``state_path``: the sandbox keeps its state in SQLite across a restart."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.sandbox import SandboxServer

from .helpers import AYU, KEMANG, stamps_of

pytestmark = pytest.mark.integration

REWARD = "/api/v2/redemptions/redeem-reward"
BODY = {"user": AYU, "reward": 1, "store": KEMANG}


def client(server: SandboxServer) -> httpx.Client:
    headers = {"Authorization": f"Token {server.token}"}
    return httpx.Client(base_url=server.url, headers=headers, timeout=5)


def test_state_survives_a_restart(tmp_path: Path):
    path = tmp_path / "sandbox.sqlite3"
    with SandboxServer(state_path=path) as server, client(server) as c:
        first = c.post(REWARD, json=BODY, headers={"Idempotency-Key": "p-1"})
        assert first.status_code == 200
        c.post("/_sandbox/clock", json={"advance": 60})
        offset = c.get("/_sandbox/clock").json()["offset"]
        assert (
            c.post(
                "/api/redemptions/authorize",
                json={"user": 123, "pin": "000000", "request_id": "x", "timeout": 60},
            )
            .json()["errors"]["pin"]
            .startswith("Invalid PIN, 2")
        )
    assert path.exists()

    with SandboxServer(state_path=path) as server, client(server) as c:
        assert stamps_of(c, AYU) == 230
        assert len(c.get("/_sandbox/ledger").json()["entries"]) == 1
        assert c.get("/_sandbox/clock").json()["offset"] == offset
        replay = c.post(REWARD, json=BODY, headers={"Idempotency-Key": "p-1"})
        assert replay.json() == first.json()  # keys survive too
        assert replay.headers["idempotent-replayed"] == "true"
        feed = c.get("/api/v3/activities/", params={"user": AYU}).json()["activities"]
        assert feed[0]["redemption"]["name"] == "Es Kopi Susu Gula Aren"
        again = c.post(
            "/api/redemptions/authorize",
            json={"user": 123, "pin": "000000", "request_id": "x", "timeout": 60},
        )
        assert again.json()["errors"]["pin"].startswith("Invalid PIN, 1")
        new_id = c.post(REWARD, json=BODY).json()["redemption"]["id"]
        assert new_id == first.json()["redemption"]["id"] + 1  # ids keep counting

        c.post("/_sandbox/reset")
        assert stamps_of(c, AYU) == 250

    with SandboxServer(state_path=path) as server, client(server) as c:
        assert stamps_of(c, AYU) == 250  # the reset was saved as well
        assert c.get("/_sandbox/ledger").json()["entries"] == []


def test_without_state_path_nothing_is_kept(tmp_path: Path):
    with SandboxServer() as server, client(server) as c:
        c.post(REWARD, json=BODY)
    with SandboxServer() as server, client(server) as c:
        assert stamps_of(c, AYU) == 250
