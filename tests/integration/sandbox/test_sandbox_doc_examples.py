"""The docs' curl examples, run against the sandbox as printed (host replaced, token set).

The seed docs are the current Redemption API (token in the ``Authorization`` header) and the older
one (token in the JSON body). Their well-formed examples must answer what the docs show. The
malformed ones (the promo curl without the required invoice_number, the multi-reward curl with a
broken quote, the older multi-reward JSON with trailing commas) must get a clear 400; each is then
sent once more normalised, the change noted beside it, and must succeed. The multi-reward
examples' ``"code": 1`` is a placeholder (items name rewards by code; no demo reward's code is
``1``): it is replaced by reward 1's code, ``KR-001``.
"""

from __future__ import annotations

import shlex
from typing import Any

import httpx
import pytest

from app.sandbox import SandboxServer

from .helpers import Control

pytestmark = pytest.mark.integration

HOST = "https://stamps.co.id"


def run_curl(command: str, sandbox: SandboxServer) -> httpx.Response:
    """Send what a ``curl`` command line would, to the sandbox instead of stamps.co.id."""
    args = shlex.split(command.removeprefix("$ ").strip())
    assert args.pop(0) == "curl"
    method, headers, data, url = None, {}, None, None
    while args:
        arg = args.pop(0)
        if arg in ("-X", "--request"):
            method = args.pop(0)
        elif arg in ("-H", "--header"):
            name, _, value = args.pop(0).partition(":")
            if value.strip():  # curl's "Expect:" removes a header; there is none to remove here
                headers[name.strip()] = value.strip()
        elif arg in ("-d", "--data"):
            data = args.pop(0)
        elif arg == "--url":
            url = args.pop(0)
        elif arg == "-i":
            continue
        else:
            url = arg
    assert url is not None and url.startswith(HOST), url
    auth = headers.get("Authorization")
    if auth == "<token_type> <token>" or auth == "Token <token>":
        headers["Authorization"] = f"Token {sandbox.token}"
    if data is not None:
        # the older doc's legacy examples put a placeholder token in the body
        for placeholder in ('"token": "abc"', '"token": "secret"'):
            data = data.replace(placeholder, f'"token": "{sandbox.token}"')
    with httpx.Client(timeout=5) as client:
        return client.request(
            method or ("POST" if data is not None else "GET"),
            sandbox.url + url.removeprefix(HOST),
            headers=headers,
            content=data.encode() if data is not None else None,
        )


def keys(body: dict[str, Any], *names: str) -> None:
    for name in names:
        assert name in body, (name, body)


# --- the current Redemption API (seed 000) ------------------------------------------------

CURRENT = '-H "Content-Type: application/json" -H "Authorization: <token_type> <token>"'


def test_current_redeem_reward(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "store": 32, "reward": 12, "stamps": 20, "qty": 1}}' https://stamps.co.id/api/v2/redemptions/redeem-reward""",  # noqa: E501
        sandbox,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    keys(body, "redemption", "membership", "reward")
    keys(body["redemption"], "id", "reward", "stamps_used", "extra_data")
    assert body["redemption"]["stamps_used"] == 20
    keys(body["membership"], "tags", "status", "stamps", "balance", "referral_code", "start_date")
    keys(body["reward"], "id", "name", "stamps_to_redeem", "extra_data", "code", "type")


def test_current_redeem_voucher(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "store": 32, "voucher": 12, "extra_data": {{ "discount": "10%" }} }}' https://stamps.co.id/api/v2/redemptions/redeem-voucher""",  # noqa: E501
        sandbox,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["extra_data"] == {"discount": "10%"}
    assert body["redemption"]["stamps_used"] == 0
    assert body["voucher"]["id"] == 12 and body["voucher"]["type"] == "voucher"
    keys(body["voucher"], "name", "code")
    keys(body["membership"], "stamps", "status")


def test_current_deduct_value(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "store": 32, "voucher": 12, "extra_data": {{ "discount": "10%" }}, "value": 1000 }}' https://stamps.co.id/api/vouchers/deduct-value""",  # noqa: E501
        sandbox,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    keys(body, "redemption", "membership", "voucher")
    assert body["voucher"]["value"] == 149000


def test_current_by_voucher_code_with_user(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "voucher_code": "ABCD100k", "voucher_template": 12, "store": 32}}' https://stamps.co.id/api/redemptions/by-voucher-code""",  # noqa: E501
        sandbox,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["status"] == "Created"
    assert set(body["customer"]) == {"id", "status", "stamps_remaining"}


def test_current_promo_code_as_printed_is_a_clear_400(sandbox: SandboxServer, control: Control):
    printed = f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "store": 32, "promo_code": 12 }}' https://stamps.co.id/api/v3/redemptions/redeem-promo-code"""  # noqa: E501
    r = run_curl(printed, sandbox)
    assert r.status_code == 400
    assert r.json()["errors"] == {"invoice_number": "This field is required."}
    # normalised: the invoice_number the parameter table requires, added
    fixed = printed.replace('"promo_code": 12 }', '"promo_code": 12, "invoice_number": "POS-1"}')
    r = run_curl(fixed, sandbox)
    assert r.status_code == 200, r.text
    keys(r.json(), "redemption", "user", "membership")
    keys(r.json()["membership"], "level", "stamps")


def test_current_cancel(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} -d '{{ "id": 1 }}' https://stamps.co.id/api/redemptions/cancel""",
        sandbox,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"] == {"id": 1, "status": "Canceled"}
    assert set(body["customer"]) == {"status", "id", "stamps_remaining"}
    assert body["customer"]["status"] == "Blue"


def test_current_authorize(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f"""$ curl -X POST {CURRENT} https://stamps.co.id/api/redemptions/authorize -i -d '{{ "user": 123, "pin": "123456", "request_id": "abcdefgh", "timeout": 900}}'""",  # noqa: E501
        sandbox,
    )  # fmt: skip
    assert (r.status_code, r.json()) == (200, {"status": "ok"})


def test_current_multiple_rewards_as_printed_is_a_clear_400(
    sandbox: SandboxServer, control: Control
):
    printed = f"""$ curl -X POST {CURRENT} -d '{{ "user": "customer@stamps.co.id", "store": 32, "rewards": [{{ "code": 1, "qty": 1, "stamps": 1 }}, {{ "code": 1, "qty": 1 }}, {{ "code": 1, qty": 1 }}], "invoice_number": "POS-1020123" }}' https://stamps.co.id/api/v2/redemptions/redeem-multiple-rewards"""  # noqa: E501
    r = run_curl(printed, sandbox)
    assert r.status_code == 400
    assert r.json()["detail"].startswith("__all__: JSON parse error")
    assert control.ledger() == []
    # normalised: the missing quote before the last qty, restored
    fixed = printed.replace('{ "code": 1, qty": 1 }', '{ "code": 1, "qty": 1 }')
    r = run_curl(fixed, sandbox)
    # code 1 is a placeholder: items name a reward by its code, which no demo reward has as 1
    assert r.status_code == 400
    assert "rewards[0]" in r.json()["errors"]
    # normalised: the demo's code for reward 1
    r = run_curl(fixed.replace('"code": 1', '"code": "KR-001"'), sandbox)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["stamps_used"] == 3 * 20  # reward 1 is fixed: "stamps" unused
    keys(body["membership"], "level", "level_text", "status", "stamps", "is_blocked")


# --- the older Redemption API (seed 003): token in the body -------------------------------

LEGACY = '-H "Content-Type: application/json"'


@pytest.mark.parametrize(
    ("path", "data", "expect"),
    [
        (
            "/api/v2/redemptions/redeem-reward",
            '{ "token": "abc", "user": "customer@stamps.co.id", "store": 32, "reward": 12, "stamps": 20, "qty": 1}',  # noqa: E501
            "membership",
        ),
        (
            "/api/v2/redemptions/redeem-voucher",
            '{ "token": "abc", "user": "customer@stamps.co.id", "store": 32, "voucher": 12}',
            "voucher",
        ),
        (
            "/api/redemptions/by-voucher-code",
            '{ "token": "abc", "user": "customer@stamps.co.id", "voucher_code": "ABCD100k", "voucher_template": 12, "store": 32}',  # noqa: E501
            "customer",
        ),
        ("/api/redemptions/cancel", '{ "token": "secret", "id": 1 }', "customer"),
        (
            "/api/redemptions/authorize",
            '{ "token": "secret", "user": 123, "pin": "123456", "request_id": "abcdefgh", "timeout": 900}',  # noqa: E501
            "status",
        ),
    ],
)
def test_legacy_examples(
    sandbox: SandboxServer, control: Control, path: str, data: str, expect: str
):
    r = run_curl(f"$ curl -X POST {LEGACY} -d '{data}' {HOST}{path}", sandbox)
    assert r.status_code == 200, r.text
    assert expect in r.json()


def test_legacy_multiple_rewards_json_with_trailing_commas_is_a_clear_400(
    sandbox: SandboxServer, control: Control
):
    printed_json = """{
    "token": "abc",
    "user": "customer@stamps.co.id",
    "store": 32,
    "rewards": [
        {"code": 1, "qty": 1, "stamps": 1},
        {"code": 1, "qty": 1,},
        {"code": 1, "qty": 1,}
    ],
    "invoice_number": "POS-1020123",
    }"""
    r = run_curl(f"$ curl -X POST {LEGACY} -d '{printed_json}' {HOST}/api/v2/redemptions/redeem-multiple-rewards", sandbox)  # fmt: skip  # noqa: E501
    assert r.status_code == 400
    assert "JSON parse error" in r.json()["detail"]
    # normalised: trailing commas removed, and the placeholder code 1 replaced by reward 1's code
    fixed = printed_json.replace(",}", "}").replace('",\n    }', '"\n    }')
    fixed = fixed.replace('"code": 1', '"code": "KR-001"')
    r = run_curl(f"$ curl -X POST {LEGACY} -d '{fixed}' {HOST}/api/v2/redemptions/redeem-multiple-rewards", sandbox)  # fmt: skip  # noqa: E501
    assert r.status_code == 200, r.text


# --- the other docs' examples --------------------------------------------------------------

GET = "-H 'Authorization: <token_type> <token>'"


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("https://stamps.co.id/api/v2/memberships/details?user=customer@stamps.co.id&merchant=14", "membership"),  # noqa: E501
        ("https://stamps.co.id/api/memberships/suggestions?query=ayu&merchant=14", "suggestions"),
        ("https://stamps.co.id/api/v3/activities?user=customer@stamps.co.id", "activities"),
        ("https://stamps.co.id/api/rewards/?user=customer@stamps.co.id&merchant=14&store=32&channel=2", "rewards"),  # noqa: E501
        ("https://stamps.co.id/api/vouchers/by-merchant-group?user=customer@stamps.co.id&channel=2", "vouchers"),  # noqa: E501
        ("https://stamps.co.id/api/vouchers/validate?merchant=14&voucher_code=ABCD100k&store=32", "voucher"),  # noqa: E501
        ("https://stamps.co.id/api/promo-codes/validate?promo_code=PROMOCODE&store=32", "promo_code"),  # noqa: E501
    ],
)  # fmt: skip
def test_lookup_examples(sandbox: SandboxServer, control: Control, url: str, expect: str):
    r = run_curl(f"$ curl {GET} '{url}'", sandbox)
    assert r.status_code == 200, r.text
    assert expect in r.json()


def test_ping_and_token_examples(sandbox: SandboxServer, control: Control):
    r = run_curl(
        f'$ curl -X POST -H "Content-Type: application/json" -H "Authorization: <token_type> <token>" -H "Expect:" {HOST}/api/ping -i',  # noqa: E501
        sandbox,
    )
    assert r.json() == {"pong": {"merchant": "Kopi Rindang", "merchant_id": 14}}
    r = run_curl(
        f"""$ curl --request POST --url {HOST}/api/ping --header 'Authorization: Token <token>' --header 'content-type: application/json'""",  # noqa: E501
        sandbox,
    )
    assert r.status_code == 200
    r = run_curl(
        f"""$ curl -X POST -H "Content-Type: application/json" -d '{{"token": "{sandbox.token}", "crm_merchant_id": 14}}' {HOST}/api/auth/get-access-token/""",  # noqa: E501
        sandbox,
    )
    assert r.status_code == 200
    assert r.json()["access_token"].startswith("eyJ")
