"""The docs are the contract: every endpoint's request, in each auth style, against its parameter
table and example; every documented response against its model."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel

from app.core.stamps import StampsClient, errors
from app.core.stamps.models import (
    AccessTokenResponse,
    ActivitiesResponse,
    AuthorizeResponse,
    MemberDetailsResponse,
    MemberVouchersResponse,
    PingResponse,
    PromoValidationResponse,
    RedemptionResponse,
    RewardsResponse,
    SuggestionsResponse,
    VoucherValidationResponse,
)

from .conftest import ClientFactory
from .helpers import TOKEN, FakeStamps, body_of, doc, make_jwt, reply

Call = Callable[[StampsClient, dict[str, Any]], Awaitable[object]]
KEY = "0193f3b6-7c1e-7d2a-9b5e-3a1f2c4d5e6f"

#: How the till calls each endpoint with the docs' example request.
CALLS: dict[str, tuple[str, Call, type[BaseModel]]] = {
    "redeem_reward": ("POST", lambda c, r: c.redeem_reward(r, KEY), RedemptionResponse),
    "redeem_voucher": ("POST", lambda c, r: c.redeem_voucher(r, KEY), RedemptionResponse),
    "deduct_value": ("POST", lambda c, r: c.deduct_value(r, KEY), RedemptionResponse),
    "redeem_voucher_code": (
        "POST",
        lambda c, r: c.redeem_voucher_code(r, KEY),
        RedemptionResponse,
    ),
    "redeem_promo_code": ("POST", lambda c, r: c.redeem_promo_code(r, KEY), RedemptionResponse),
    "redeem_multiple_rewards": (
        "POST",
        lambda c, r: c.redeem_rewards(r, KEY),
        RedemptionResponse,
    ),
    "cancel_redemption": ("POST", lambda c, r: c.cancel_redemption(r, KEY), RedemptionResponse),
    "authorize": (
        "POST",
        lambda c, r: c.authorize(r["user"], r["pin"], r["request_id"], r["timeout"]),
        AuthorizeResponse,
    ),
    "member_details": ("GET", lambda c, r: c.member_details(r["user"]), MemberDetailsResponse),
    "suggestions": ("GET", lambda c, r: c.suggestions(r["query"]), SuggestionsResponse),
    "activities": ("GET", lambda c, r: c.activities(r["user"]), ActivitiesResponse),
    "rewards": ("GET", lambda c, r: c.rewards(r["user"], channel=r["channel"]), RewardsResponse),
    "member_vouchers": (
        "GET",
        lambda c, r: c.member_vouchers(r["user"], channel=r["channel"]),
        MemberVouchersResponse,
    ),
    "validate_voucher": (
        "GET",
        lambda c, r: c.validate_voucher(r["voucher_code"]),
        VoucherValidationResponse,
    ),
    "validate_promo": (
        "GET",
        lambda c, r: c.validate_promo(r["promo_code"]),
        PromoValidationResponse,
    ),
    "ping": ("POST", lambda c, r: c.ping(), PingResponse),
    "get_access_token": ("POST", lambda c, r: c.get_access_token(), AccessTokenResponse),
}
REDEMPTIONS = {
    "redeem_reward",
    "redeem_voucher",
    "deduct_value",
    "redeem_voucher_code",
    "redeem_promo_code",
    "redeem_multiple_rewards",
    "cancel_redemption",
}
TOKEN_PATH = "/api/auth/get-access-token/"
#: The endpoints seed 003 (the token-in-body style) documents: its six sections.
SEED_003 = {
    "redeem_reward",
    "redeem_voucher",
    "redeem_voucher_code",
    "cancel_redemption",
    "authorize",
    "redeem_multiple_rewards",
}


def test_every_endpoint_of_design_is_covered() -> None:
    assert len(CALLS) == 17
    paths = {doc(name)["path"] for name in CALLS}
    assert len(paths) == 17


def _client_settings(fixture: dict[str, Any], auth: str) -> dict[str, Any]:
    request = fixture["request"]
    settings: dict[str, Any] = {"auth": auth}
    if fixture["method"] == "GET":
        settings["merchant"] = request.get("merchant", 14)
        settings["store"] = request.get("store", 32)
    if "crm_merchant_id" in request:  # the token exchange: the docs' own token and merchant
        settings["merchant"] = request["crm_merchant_id"]
        settings["token"] = request["token"]
    legacy = fixture.get("legacy_request")
    if auth == "body" and legacy and "token" in legacy:
        settings["token"] = legacy["token"]
    return settings


def _expected_body(fixture: dict[str, Any], auth: str, token: str) -> dict[str, Any]:
    request = dict(fixture["request"])
    if auth != "body" or fixture["endpoint"] == "get-access-token":
        return request
    return fixture.get("legacy_request") or {**request, "token": token}


@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
@pytest.mark.parametrize("name", sorted(CALLS))
async def test_request_matches_the_docs(
    name: str, auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc(name)
    method, call, _ = CALLS[name]
    jwt = make_jwt()
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    if name != "get_access_token":
        server.on(TOKEN_PATH, reply(200, {"access_token": jwt}))
    settings = _client_settings(fixture, auth)
    client = make_client(**settings)

    await call(client, fixture["request"])

    [sent] = server.calls(fixture["path"])
    assert sent.method == method == fixture["method"]
    assert sent.url.scheme == "https"
    assert sent.url.path == fixture["path"]
    assert sent.headers["User-Agent"] == client.user_agent == "stamps-pos"
    token = settings.get("token", TOKEN)
    documented = fixture["parameters"]
    fields: set[str]

    if method == "POST":
        assert sent.headers["Content-Type"] == "application/json"
        body = body_of(sent) or {}
        assert body == _expected_body(fixture, auth, token)
        assert not sent.url.query
        fields = set(body)
    else:
        query = dict(sent.url.params)
        expected = {k: str(v) for k, v in fixture["request"].items()}
        expected.update(fixture.get("client_adds", {}))  # e.g. the catalogue's paging
        assert query == expected
        assert not sent.content
        fields = set(query)
    if auth == "body" and "token" not in documented:
        fields.discard("token")  # the legacy style's credential, not one of the endpoint's fields

    # Field by field against the parameter table: nothing undocumented, nothing required missing.
    assert fields <= set(documented), fields - set(documented)
    assert {k for k, required in documented.items() if required} <= fields
    for item in (body_of(sent) or {}).get("rewards", []) if method == "POST" else []:
        item_params = fixture["item_parameters"]
        assert set(item) <= set(item_params)
        assert {k for k, required in item_params.items() if required} <= set(item)

    authorization = sent.headers.get("Authorization")
    if name == "get_access_token" or (auth == "body" and name in SEED_003):
        assert authorization is None
    elif auth == "token" or auth == "body":
        # a legacy GET, or a POST seed 003 does not cover: the header its own docs show
        assert authorization == f"Token {token}"
    else:
        assert authorization == f"Bearer {jwt}"

    if name in REDEMPTIONS:
        assert sent.headers["Idempotency-Key"] == KEY
    else:
        assert "Idempotency-Key" not in sent.headers


@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
@pytest.mark.parametrize("name", sorted(CALLS))
async def test_no_request_url_carries_a_credential(
    name: str, auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc(name)
    jwt = make_jwt()
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    server.on(TOKEN_PATH, reply(200, {"access_token": jwt}))
    settings = _client_settings(fixture, auth)
    await CALLS[name][1](make_client(**settings), fixture["request"])
    token = settings.get("token", TOKEN)
    for sent in server.requests:
        assert token not in str(sent.url), sent.url
        assert jwt not in str(sent.url), sent.url
        assert "token" not in sent.url.params


@pytest.mark.parametrize("name", sorted(CALLS))
def test_documented_success_responses_parse(name: str) -> None:
    fixture = doc(name)
    model = CALLS[name][2]
    successes = [r for r in fixture["responses"] if r["status"] == 200]
    assert successes
    for response in successes:
        model.model_validate(response["body"])


@pytest.mark.parametrize("name", sorted(CALLS))
async def test_documented_responses_through_the_client(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc(name)
    _, call, model = CALLS[name]
    for response in fixture["responses"]:
        server.on(fixture["path"], reply(response["status"], response["body"]))
        # an error on ping is itself the answer; elsewhere ping says the credentials are fine
        server.on("/api/ping", reply(200, {"pong": {"merchant": "M", "merchant_id": 1}}))
        client = make_client(**_client_settings(fixture, "token"))
        if response["status"] == 200:
            result = await call(client, fixture["request"])
            parsed = getattr(result, "response", result)
            assert isinstance(parsed, model)
        else:
            with pytest.raises(errors.ApiError) as caught:
                await call(client, fixture["request"])
            assert caught.value.status_code == response["status"]
        server._answers.clear()


async def test_reward_redemption_example_values(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("redeem_reward")
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    result = await make_client().redeem_reward(fixture["request"])
    assert result.redemption_id == 3
    assert result.stamps_used == 2
    assert result.stamps_remaining == 250
    assert result.voucher is not None and result.voucher.code == "ABCD12345"
    assert result.raw == fixture["responses"][0]["body"]


@pytest.mark.parametrize(
    ("name", "redemption_id", "stamps_remaining", "status"),
    [
        ("redeem_voucher_code", 199061, 0, "Created"),
        ("cancel_redemption", 1, 60, "Canceled"),
        ("redeem_promo_code", 2, 250, None),
        ("redeem_multiple_rewards", 3, 0, None),
        ("deduct_value", 2, 250, None),
    ],
)
async def test_redemption_results_read_each_shape(
    name: str,
    redemption_id: int,
    stamps_remaining: int,
    status: str | None,
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    fixture = doc(name)
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    _, call, _ = CALLS[name]
    result = await call(make_client(), fixture["request"])
    assert getattr(result, "redemption_id") == redemption_id  # noqa: B009
    assert getattr(result, "stamps_remaining") == stamps_remaining  # noqa: B009
    assert getattr(result, "redemption_status") == status  # noqa: B009


def test_activity_example_reads_redemptions_and_times() -> None:
    parsed = ActivitiesResponse.model_validate(doc("activities")["responses"][0]["body"])
    [redemption] = [a for a in parsed.activities if a.is_redemption]
    assert redemption.redemption is not None
    assert redemption.redemption.stamps == 0
    assert redemption.store is not None and redemption.store.name == "L123"
    assert redemption.created_at is not None and redemption.created_at.year == 2020
    assert parsed.oldest_id == 704


def test_rewards_example_reads_voucher_expiry() -> None:
    from app.core.stamps.models.common import parse_api_date

    parsed = RewardsResponse.model_validate(doc("rewards")["responses"][0]["body"])
    # "13-02-2013 00:00": the server's midnight, on the server's day (it is 12 Feb in UTC)
    assert parse_api_date(parsed.vouchers[0].expires_on) == date(2013, 2, 13)
    assert parsed.customer is not None and parsed.customer.stamps_balance == 18


@pytest.mark.parametrize("name", ["stamps_to_redeem", "stamps_required"])
async def test_reward_price_is_read_in_both_spellings(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # reward_api.rst §1 B: the response table lists "stamps_required", the example writes
    # "stamps_to_redeem"; a reward read without its price would cost 0 stamps at the till.
    body = doc("rewards")["responses"][0]["body"]
    rewards = [
        {(name if k == "stamps_to_redeem" else k): v for k, v in r.items()} for r in body["rewards"]
    ]
    server.on("/api/rewards/", reply(200, {**body, "rewards": rewards}))
    answer = await make_client().rewards(user="customer@stamps.co.id")
    assert [r.stamps_to_redeem for r in answer.rewards] == [20, 60, 120, 10]


# --- member details: the table says memberships/users, the example membership/user ------------


def _plural(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "memberships": body["membership"],
        "users": body["user"],
        "tags": body["tags"],
    }


@pytest.mark.parametrize("spelling", ["example", "table"])
async def test_member_details_are_read_in_both_spellings(
    spelling: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("member_details")
    body = fixture["responses"][0]["body"]
    server.on(fixture["path"], reply(200, body if spelling == "example" else _plural(body)))
    details = await make_client().member_details("johndoe@gmail.com")
    assert details.user.name == "Wisesi"
    assert details.user.member_ids == ["RRROWO5U51"]
    assert details.membership.level_text == "Silver"
    assert details.membership.redemption_allowed is True
    [sent] = server.requests
    assert "verbose" not in sent.url.params


async def test_member_details_without_either_spelling_are_malformed(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/v2/memberships/details", reply(200, {"tags": []}))
    with pytest.raises(errors.MalformedResponse):
        await make_client().member_details("johndoe@gmail.com")
