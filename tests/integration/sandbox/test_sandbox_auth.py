"""Credentials in the three styles, the documented refusals, the JWT exchange, 404 and 405."""

from __future__ import annotations

import httpx
import pytest

from app.sandbox import SandboxServer

from .helpers import AYU, MERCHANT, Control

pytestmark = pytest.mark.integration

DETAILS = "/api/v2/memberships/details"
PING = "/api/ping"
NOT_PROVIDED = {"detail": "Authentication credentials were not provided."}


def jwt(anon: httpx.Client, token: str) -> str:
    r = anon.post("/api/auth/get-access-token/", json={"token": token, "crm_merchant_id": 14})
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


def test_static_token_header(anon: httpx.Client, sandbox: SandboxServer):
    r = anon.post(PING, headers={"Authorization": f"Token {sandbox.token}"})
    assert r.json()["pong"]["merchant_id"] == MERCHANT


def test_bearer_jwt(anon: httpx.Client, sandbox: SandboxServer):
    token = jwt(anon, sandbox.token)
    assert token.count(".") == 2
    headers = {"Authorization": f"Bearer {token}"}
    assert anon.post(PING, headers=headers).status_code == 200
    r = anon.get(DETAILS, params={"user": AYU, "merchant": MERCHANT}, headers=headers)
    assert r.status_code == 200


def test_bearer_jwt_expires_after_24_hours(
    anon: httpx.Client, sandbox: SandboxServer, control: Control
):
    headers = {"Authorization": f"Bearer {jwt(anon, sandbox.token)}"}
    control.advance(23 * 3600)
    assert anon.post(PING, headers=headers).status_code == 200
    control.advance(3601)
    r = anon.post(PING, headers=headers)
    assert r.status_code == 401
    assert "detail" in r.json()


def test_tampered_jwt_is_refused(anon: httpx.Client, sandbox: SandboxServer):
    token = jwt(anon, sandbox.token)
    head, payload, sig = token.split(".")
    # The first character changed: it carries six whole bits of the signature, so the forgery
    # always differs (a token whose signature happened to end in "AA" once came back unchanged
    # from overwriting its last two).
    forged = f"{head}.{payload}.{'B' if sig[0] == 'A' else 'A'}{sig[1:]}"
    assert anon.post(PING, headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    assert anon.post(PING, headers={"Authorization": "Bearer not-a-jwt"}).status_code == 401


def test_token_exchange_refusals(anon: httpx.Client, sandbox: SandboxServer):
    url = "/api/auth/get-access-token/"
    assert anon.post(url, json={"token": "wrong", "crm_merchant_id": 14}).status_code == 401
    r = anon.post(url, json={"token": sandbox.token, "crm_merchant_id": 99})
    assert r.status_code == 403
    r = anon.post(url, json={"token": sandbox.token})
    assert r.status_code == 400
    assert "crm_merchant_id" in r.json()["errors"]
    assert anon.post(
        url.rstrip("/"), json={"token": sandbox.token, "crm_merchant_id": 14}
    ).is_success


def test_legacy_token_in_a_post_body(anon: httpx.Client, sandbox: SandboxServer):
    r = anon.post(
        "/api/v2/redemptions/redeem-reward",
        json={"token": sandbox.token, "user": AYU, "reward": 1, "store": 32},
    )
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    "path", ["/api/ping", "/api/vouchers/deduct-value", "/api/v3/redemptions/redeem-promo-code"]
)
def test_a_body_token_alone_is_no_credential_where_seed_003_is_silent(
    anon: httpx.Client, sandbox: SandboxServer, path: str
):
    # seed 003 documents the token in the body for its six sections only; ping (testing.rst §1),
    # deduct-value and redeem-promo-code are documented with the Authorization header alone
    r = anon.post(path, json={"token": sandbox.token})
    assert r.status_code == 403, r.text
    headers = {"Authorization": f"Token {sandbox.token}"}
    assert anon.post(PING, json={"token": sandbox.token}, headers=headers).status_code == 200


def test_missing_credentials_is_403_wrong_ones_401(anon: httpx.Client):
    r = anon.post(PING)
    assert (r.status_code, r.json()) == (403, NOT_PROVIDED)
    r = anon.get(DETAILS, params={"user": AYU, "merchant": MERCHANT})
    assert (r.status_code, r.json()) == (403, NOT_PROVIDED)
    for headers in ({"Authorization": "Token nope"}, {"Authorization": "Basic abc"}):
        r = anon.post(PING, headers=headers)
        assert r.status_code == 401
        assert r.json()["detail"]
    redeem = "/api/v2/redemptions/redeem-reward"
    assert anon.post(redeem, json={"token": "nope"}).status_code == 401


@pytest.mark.parametrize("token", ["right", "nope"])
def test_a_token_in_a_url_is_no_credential(anon: httpx.Client, sandbox: SandboxServer, token: str):
    # the docs never put a token in a query string (architecture §1): a server reads none there
    value = sandbox.token if token == "right" else token
    params = {"user": AYU, "merchant": MERCHANT, "token": value}
    r = anon.get(DETAILS, params=params)
    assert (r.status_code, r.json()) == (403, NOT_PROVIDED)
    headers = {"Authorization": f"Token {sandbox.token}"}
    r = anon.get(DETAILS, params=params, headers=headers)
    assert r.status_code == 200  # the header is the credential; the stray parameter is ignored


def test_refused_requests_apply_nothing(anon: httpx.Client, control: Control):
    r = anon.post(
        "/api/v2/redemptions/redeem-reward",
        json={"user": AYU, "reward": 1, "store": 32},
        headers={"Authorization": "Token nope"},
    )
    assert r.status_code == 401
    assert control.ledger() == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v2/redemptions/redeem-reward"),
        ("PUT", "/api/redemptions/cancel"),
        ("GET", "/api/ping"),
        ("POST", "/api/v2/memberships/details"),
        ("DELETE", "/api/rewards/"),
    ],
)
def test_wrong_method_is_405(api: httpx.Client, method: str, path: str):
    r = api.request(method, path)
    assert r.status_code == 405
    assert r.json() == {"detail": f'Method "{method}" not allowed.'}
    assert r.headers["allow"]


def test_unknown_path_is_404(api: httpx.Client):
    r = api.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json() == {"detail": "Not found."}


def test_control_endpoints_need_no_token_but_refuse_bad_input(anon: httpx.Client):
    assert anon.get("/_sandbox/ledger").json() == {"entries": []}
    assert anon.post("/_sandbox/faults", json={"error_rate": 2}).status_code == 400
    assert anon.post("/_sandbox/faults", json={"bogus": 1}).status_code == 400
    assert anon.post("/_sandbox/clock", json={"advance": -5}).status_code == 400
    assert anon.post("/_sandbox/idempotency", json={}).status_code == 400


def test_a_held_clock_stands_still_until_let_go_and_runs_on_from_there(anon: httpx.Client):
    """A test that needs two redemptions in one second of the feed holds the clock: however
    long a loaded machine takes between them, sandbox time does not move unless advanced."""
    held = anon.post("/_sandbox/clock", json={"hold": True}).json()
    assert held["held"] is True
    assert anon.get("/_sandbox/clock").json()["now"] == held["now"]  # the wall moved; it did not
    advanced = anon.post("/_sandbox/clock", json={"advance": 2.5}).json()
    assert advanced["now"] == held["now"] + 2.5
    released = anon.post("/_sandbox/clock", json={"hold": False}).json()
    assert released["held"] is False
    assert advanced["now"] <= released["now"] < advanced["now"] + 5  # on from where it stood
    assert anon.get("/_sandbox/clock").json()["now"] > released["now"]  # and running again
    assert anon.post("/_sandbox/clock", json={"hold": "yes"}).status_code == 400


def test_a_reset_lets_a_held_clock_go(anon: httpx.Client, control: Control):
    anon.post("/_sandbox/clock", json={"hold": True}).raise_for_status()
    control.reset()
    assert anon.get("/_sandbox/clock").json()["held"] is False


def test_verify_token(anon: httpx.Client, sandbox: SandboxServer):
    token = jwt(anon, sandbox.token)
    r = anon.post("/api/auth/verify-token/", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    assert {"token_type", "exp", "iat", "jti", "user_id", "merchant_id"} <= set(r.json())
    assert r.json()["exp"] - r.json()["iat"] == 24 * 3600
    headers = {"Authorization": f"Token {sandbox.token}"}
    assert anon.post("/api/auth/verify-token/", headers=headers).status_code == 401


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [("/api/500", 500, "Server error - 500"), ("/api/400", 400, "Bad request - 400")],
)
def test_testing_endpoints_answer_html(anon: httpx.Client, path: str, status: int, text: str):
    for method in ("GET", "POST"):
        r = anon.request(method, path)
        assert (r.status_code, r.text) == (status, text)
        assert r.headers["content-type"].startswith("text/html")
