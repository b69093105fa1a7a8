"""PIN authorisation: attempts, blocking, and the request_id a protected member needs."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import BUDI, BUDI_PIN, KEMANG, MERCHANT, SRI, Control, assert_error, stamps_of

pytestmark = pytest.mark.integration

AUTHORIZE = "/api/redemptions/authorize"
REWARD = "/api/v2/redemptions/redeem-reward"


def authorize(api: httpx.Client, pin: str, request_id: str = "req-1", **extra: Any):
    body = {"user": BUDI, "pin": pin, "request_id": request_id, "timeout": 900, **extra}
    return api.post(AUTHORIZE, json=body)


def redeem(api: httpx.Client, **extra: Any) -> httpx.Response:
    return api.post(REWARD, json={"user": BUDI, "reward": 1, "store": KEMANG, **extra})


def pin_blocked(api: httpx.Client, user: object) -> bool:
    r = api.get("/api/v2/memberships/details", params={"user": user, "merchant": MERCHANT})
    return bool(r.json()["user"]["pin_is_blocked"])


def test_authorized_request_id_lets_a_protected_member_redeem_once(api: httpx.Client):
    r = authorize(api, BUDI_PIN, "req-ok")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
    assert redeem(api, request_id="req-ok").status_code == 200
    assert stamps_of(api, BUDI) == 160
    assert_error(redeem(api, request_id="req-ok"), 400, "invalid_data", "request_id")


def test_protected_member_needs_an_authorized_request_id(api: httpx.Client, control: Control):
    assert_error(redeem(api), 400, "invalid_data", "request_id")
    assert_error(redeem(api, request_id="never-authorized"), 400, "invalid_data", "request_id")
    assert control.ledger() == []


def test_authorization_expires_after_its_timeout(api: httpx.Client, control: Control):
    assert authorize(api, BUDI_PIN, "req-late", timeout=60).status_code == 200
    control.advance(61)
    r = redeem(api, request_id="req-late")
    assert_error(r, 400, "invalid_data", "request_id")
    assert "expired" in r.json()["error_message"]


def test_authorization_is_for_its_member_only(api: httpx.Client):
    assert authorize(api, BUDI_PIN, "req-budi").status_code == 200
    r = api.post(
        REWARD,
        json={"user": SRI, "reward": 1, "store": KEMANG, "request_id": "req-budi"},
    )
    assert r.status_code == 400


def test_wrong_pins_count_down_then_block(api: httpx.Client):
    first = authorize(api, "000000")
    assert_error(first, 400, "invalid_pin", "pin")
    assert first.json() == {
        "detail": "pin: Invalid PIN, 2 attempt(s) left",
        "errors": {"pin": "Invalid PIN, 2 attempt(s) left"},
        "error_code": "invalid_pin",
        "error_message": "pin: Invalid PIN, 2 attempt(s) left",
    }
    assert authorize(api, "111111").json()["errors"]["pin"] == "Invalid PIN, 1 attempt(s) left"
    assert authorize(api, "222222").json()["errors"]["pin"] == "Invalid PIN, 0 attempt(s) left"
    assert pin_blocked(api, BUDI)
    blocked = authorize(api, BUDI_PIN)
    assert_error(blocked, 400, "pin_blocked", "pin")
    assert_error(redeem(api, request_id="req-1"), 400, "pin_blocked", "user")


def test_a_right_pin_resets_the_count(api: httpx.Client):
    authorize(api, "000000")
    authorize(api, "000001")
    assert authorize(api, BUDI_PIN, "req-a").status_code == 200
    assert authorize(api, "000002").json()["errors"]["pin"] == "Invalid PIN, 2 attempt(s) left"


def test_pin_must_be_six_digits_and_the_member_must_have_one(api: httpx.Client):
    for pin in ("12345", "1234567", "abcdef", 123456):
        assert_error(authorize(api, pin), 400, "invalid_data", "pin")  # type: ignore[arg-type]
    assert not pin_blocked(api, BUDI)  # malformed PINs are not attempts
    r = api.post(
        AUTHORIZE,
        json={"user": "customer@stamps.co.id", "pin": "123456", "request_id": "x", "timeout": 9},
    )
    assert_error(r, 400, "invalid_data", "user")
    r = api.post(AUTHORIZE, json={"user": BUDI, "pin": BUDI_PIN})
    assert_error(r, 400, "invalid_data", "request_id")
    assert "timeout" in r.json()["errors"]


def test_already_blocked_member_from_the_demo_data(api: httpx.Client):
    r = api.post(AUTHORIZE, json={"user": SRI, "pin": "246810", "request_id": "s", "timeout": 60})
    assert_error(r, 400, "pin_blocked", "pin")


def test_cart_items_carry_the_authorized_request_id(api: httpx.Client):
    assert authorize(api, BUDI_PIN, "req-cart").status_code == 200
    items = [{"code": "KR-001", "qty": 1, "request_id": "req-cart"}, {"code": "KR-002"}]
    r = api.post(
        "/api/v2/redemptions/redeem-multiple-rewards",
        json={"user": BUDI, "store": KEMANG, "rewards": items},
    )
    assert r.status_code == 200, r.text
    mixed = [{"code": "KR-001", "request_id": "a"}, {"code": "KR-002", "request_id": "b"}]
    r = api.post(
        "/api/v2/redemptions/redeem-multiple-rewards",
        json={"user": BUDI, "store": KEMANG, "rewards": mixed},
    )
    assert_error(r, 400, "invalid_data", "rewards")


def test_cart_with_a_top_level_request_id(api: httpx.Client):
    assert authorize(api, BUDI_PIN, "req-top").status_code == 200
    r = api.post(
        "/api/v2/redemptions/redeem-multiple-rewards",
        json={
            "user": BUDI,
            "store": KEMANG,
            "rewards": [{"code": "KR-004"}],
            "request_id": "req-top",
        },
    )
    assert r.status_code == 200, r.text
