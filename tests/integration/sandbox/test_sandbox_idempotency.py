"""Idempotency-Key: replay, conflict, expiry and the switch that turns it off."""

from __future__ import annotations

import httpx
import pytest

from app.sandbox import SandboxServer

from .helpers import AYU, BUDI, BUDI_PIN, KEMANG, Control, stamps_of

pytestmark = pytest.mark.integration

REWARD = "/api/v2/redemptions/redeem-reward"
BODY = {"user": AYU, "reward": 1, "store": KEMANG}


def redeem(client: httpx.Client, key: str | None, body: dict[str, object] = BODY):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(REWARD, json=body, headers=headers)


def test_same_key_same_body_replays_without_applying(api: httpx.Client, control: Control):
    first = redeem(api, "k-1")
    second = redeem(api, "k-1")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers.get("idempotent-replayed") == "true"
    assert stamps_of(api, AYU) == 230
    assert [e["idempotency_key"] for e in control.ledger()] == ["k-1"]


def test_body_compared_without_the_token_and_key_order(
    anon: httpx.Client, sandbox: SandboxServer, control: Control
):
    legacy = anon.post(
        REWARD, json={"token": sandbox.token, **BODY}, headers={"Idempotency-Key": "k-2"}
    )
    reordered = dict(reversed(list(BODY.items())))
    header = anon.post(
        REWARD,
        json=reordered,
        headers={"Idempotency-Key": "k-2", "Authorization": f"Token {sandbox.token}"},
    )
    assert legacy.status_code == header.status_code == 200
    assert legacy.json() == header.json()
    assert len(control.ledger()) == 1


def test_same_key_different_body_is_422(api: httpx.Client, control: Control):
    assert redeem(api, "k-3").status_code == 200
    r = redeem(api, "k-3", {**BODY, "reward": 2})
    assert r.status_code == 422
    assert r.json()["error_code"] == "idempotency_key_reused"
    r = api.post("/api/redemptions/cancel", json={"id": 1}, headers={"Idempotency-Key": "k-3"})
    assert r.status_code == 422  # another endpoint is another request
    assert len(control.ledger()) == 1


def test_refusals_are_replayed_too(api: httpx.Client):
    body = {"user": AYU, "reward": 1, "store": KEMANG, "qty": 13}
    first = redeem(api, "k-4", body)
    assert first.status_code == 400
    assert redeem(api, "k-4", body).json() == first.json()


def test_different_keys_apply_twice(api: httpx.Client, control: Control):
    assert redeem(api, "k-5").json() != redeem(api, "k-6").json()
    assert stamps_of(api, AYU) == 210
    assert len(control.ledger()) == 2


def test_a_key_expires_after_24_hours(api: httpx.Client, control: Control):
    redeem(api, "k-7")
    control.advance(24 * 3600 + 1)
    again = redeem(api, "k-7")
    assert again.status_code == 200
    assert "idempotent-replayed" not in again.headers
    assert len(control.ledger()) == 2


def test_switched_off_every_attempt_applies(api: httpx.Client, control: Control):
    control.idempotency(False)
    assert redeem(api, "k-8").status_code == 200
    assert redeem(api, "k-8").status_code == 200
    assert redeem(api, "k-8", {**BODY, "reward": 2}).status_code == 200  # no 422 either
    assert stamps_of(api, AYU) == 250 - 20 - 20 - 15
    assert len(control.ledger()) == 3


def test_switch_off_from_the_constructor():
    with (
        SandboxServer(idempotency=False) as server,
        httpx.Client(base_url=server.url, headers={"Authorization": f"Token {server.token}"}) as c,
    ):
        redeem(c, "k-9")
        redeem(c, "k-9")
        assert len(c.get("/_sandbox/ledger").json()["entries"]) == 2


def test_pin_redemption_replays_after_its_request_id_is_spent(api: httpx.Client):
    auth = {"user": BUDI, "pin": BUDI_PIN, "request_id": "pin-req", "timeout": 900}
    assert api.post("/api/redemptions/authorize", json=auth).status_code == 200
    body = {"user": BUDI, "reward": 1, "store": KEMANG, "request_id": "pin-req"}
    first = redeem(api, "pin-req", body)
    assert first.status_code == 200
    assert redeem(api, "pin-req", body).json() == first.json()
    assert stamps_of(api, BUDI) == 160
