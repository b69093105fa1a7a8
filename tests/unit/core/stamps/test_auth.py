"""Bearer JWTs (fetched, reused, refreshed before expiry and once on an auth failure) and the
401/403 rule: ``/api/ping`` tells bad credentials from a refused request."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from app.core.clock import ManualClock, installed
from app.core.domain import Outcome
from app.core.stamps import StampsClient, errors
from app.core.stamps.auth import DEFAULT_JWT_LIFETIME, REFRESH_MARGIN, jwt_lifetime

from .conftest import ClientFactory
from .helpers import TOKEN, FakeStamps, body_of, doc, make_jwt, reply

TOKEN_PATH = "/api/auth/get-access-token/"
PING = "/api/ping"
DETAILS = "/api/v2/memberships/details"
REDEEM = "/api/v2/redemptions/redeem-reward"
REQUEST = {"user": "customer@stamps.co.id", "reward": 1, "store": 32}
MEMBER = doc("member_details")["responses"][0]["body"]
REDEEMED = doc("redeem_reward")["responses"][0]["body"]
PONG = reply(200, {"pong": {"merchant": "My Merchant", "merchant_id": 1}})
#: A shop's Wi-Fi login page (or a firewall's block page): it answers 401/403 whatever the token.
PORTAL_PAGE = b"<!DOCTYPE html><html><body><form>Sign in to use the Internet</form></body></html>"


def token_answers(*jwts: str) -> list[httpx.Response]:
    return [reply(200, {"access_token": jwt}) for jwt in jwts]


def bearer_of(request: httpx.Request) -> str:
    return request.headers["Authorization"].removeprefix("Bearer ")


# --- JWT lifecycle -------------------------------------------------------------------------------


def test_jwt_lifetime_from_claims() -> None:
    assert jwt_lifetime(make_jwt(3600)) == 3600
    assert jwt_lifetime(doc("get_access_token")["responses"][0]["body"]["access_token"]) == 86400
    assert jwt_lifetime("not-a-jwt") == DEFAULT_JWT_LIFETIME
    assert jwt_lifetime("a.%%%.c") == DEFAULT_JWT_LIFETIME
    assert jwt_lifetime(make_jwt(-5)) == DEFAULT_JWT_LIFETIME


async def test_jwt_is_fetched_with_the_static_token_and_reused(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    jwt = make_jwt()
    server.on(TOKEN_PATH, *token_answers(jwt)).on(DETAILS, reply(200, MEMBER))
    client = make_client(auth="bearer", merchant=14)

    await client.member_details("a@b.c")
    await client.member_details("a@b.c")

    [fetch] = server.calls(TOKEN_PATH)
    assert body_of(fetch) == {"token": TOKEN, "crm_merchant_id": 14}
    assert "Authorization" not in fetch.headers
    assert [bearer_of(r) for r in server.calls(DETAILS)] == [jwt, jwt]


async def test_jwt_is_refreshed_before_it_expires(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    first, second = make_jwt(3600, "first"), make_jwt(3600, "second")
    server.on(TOKEN_PATH, *token_answers(first, second)).on(DETAILS, reply(200, MEMBER))
    clock = ManualClock()
    with installed(clock):
        client = make_client(auth="bearer")
        await client.member_details("a@b.c")
        clock.advance(3600 - REFRESH_MARGIN - 1)  # still fresh enough
        await client.member_details("a@b.c")
        clock.advance(2)  # now inside the refresh margin, before the real expiry
        await client.member_details("a@b.c")

    assert len(server.calls(TOKEN_PATH)) == 2
    assert [bearer_of(r) for r in server.calls(DETAILS)] == [first, first, second]


async def test_documented_24h_lifetime_is_used(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    first, second = "opaque-one", "opaque-two"  # no readable claims: the docs' 24 hours apply
    server.on(TOKEN_PATH, *token_answers(first, second)).on(DETAILS, reply(200, MEMBER))
    clock = ManualClock()
    with installed(clock):
        client = make_client(auth="bearer")
        await client.member_details("a@b.c")
        clock.advance(24 * 3600 - REFRESH_MARGIN + 1)
        await client.member_details("a@b.c")
    assert [bearer_of(r) for r in server.calls(DETAILS)] == [first, second]


async def test_concurrent_requests_share_one_fetch(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(TOKEN_PATH, *token_answers(make_jwt())).on(DETAILS, reply(200, MEMBER))
    client = make_client(auth="bearer")
    await asyncio.gather(*(client.member_details("a@b.c") for _ in range(5)))
    assert len(server.calls(TOKEN_PATH)) == 1


async def test_jwt_is_refreshed_once_on_401_and_the_request_retried(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    old, new = make_jwt(marker="old"), make_jwt(marker="new")

    def redeem(request: httpx.Request) -> httpx.Response:
        if bearer_of(request) == old:
            return reply(401, {"detail": "Token expired"})
        return reply(200, REDEEMED)

    server.on(TOKEN_PATH, *token_answers(old, new)).on(REDEEM, redeem)
    result = await make_client(auth="bearer").redeem_reward(REQUEST, "key-1")

    assert result.redemption_id == 3
    attempts = server.calls(REDEEM)
    assert [bearer_of(r) for r in attempts] == [old, new]
    assert {r.headers["Idempotency-Key"] for r in attempts} == {"key-1"}
    assert not server.calls(PING)


@pytest.mark.parametrize("status", [401, 403])
async def test_bearer_refreshes_only_once_then_pings(
    status: int, make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(TOKEN_PATH, *token_answers(make_jwt(marker="1"), make_jwt(marker="2")))
    server.on(REDEEM, reply(status, {"detail": "Not allowed"})).on(PING, PONG)
    with pytest.raises(errors.RequestRefused) as caught:
        await make_client(auth="bearer").redeem_reward(REQUEST, "key-1")
    assert caught.value.status_code == status
    assert caught.value.message == "Not allowed"
    assert len(server.calls(TOKEN_PATH)) == 2
    assert len(server.calls(REDEEM)) == 2
    assert len(server.calls(PING)) == 1


async def test_bearer_with_a_rejected_static_token(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(TOKEN_PATH, reply(401, {"detail": "Invalid token"}))
    with pytest.raises(errors.CredentialsRejected) as caught:
        await make_client(auth="bearer").redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert not server.calls(REDEEM)


@pytest.mark.parametrize(
    ("answer", "cls"),
    [
        (httpx.ReadTimeout("slow"), errors.AccessTokenUnavailable),
        (httpx.ConnectError("down"), errors.ConnectionFailed),
        (reply(500, {}), errors.AccessTokenUnavailable),
        (reply(503, {}), errors.AccessTokenUnavailable),
        (reply(429, {}, **{"Retry-After": "7"}), errors.RateLimited),
        (
            reply(400, {"errors": {"crm_merchant_id": "Invalid merchant"}}),
            errors.CredentialsRejected,
        ),
        (reply(200, {"no": "token"}), errors.AccessTokenUnavailable),
        (reply(200, {"access_token": ""}), errors.AccessTokenUnavailable),
    ],
)
async def test_a_failed_jwt_fetch_means_the_request_never_left(
    answer: httpx.Response | Exception,
    cls: type[errors.StampsError],
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    server.on(TOKEN_PATH, answer)
    with pytest.raises(cls) as caught:
        await make_client(auth="bearer").redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert not server.calls(REDEEM)


async def test_get_access_token_itself_reports_plain_errors(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(TOKEN_PATH, reply(500, {}))
    with pytest.raises(errors.ServerError):
        await make_client(auth="bearer").get_access_token()
    assert not server.calls(PING)


# --- the 401/403 rule ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize("auth", ["token", "body"])
async def test_ping_failing_means_credentials_rejected(
    status: int, auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REDEEM, reply(status, {"detail": "Invalid token"}))
    server.on(PING, reply(status, {"detail": "Invalid token"}))
    with pytest.raises(errors.CredentialsRejected) as caught:
        await make_client(auth=auth).redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert caught.value.status_code == status
    assert len(server.calls(REDEEM)) == 1  # no retry without a JWT to refresh
    assert len(server.calls(PING)) == 1


@pytest.mark.parametrize("status", [401, 403])
async def test_ping_succeeding_means_only_this_request_was_refused(
    status: int, make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(DETAILS, reply(status, {"detail": "You do not have permission"})).on(PING, PONG)
    with pytest.raises(errors.RequestRefused) as caught:
        await make_client().member_details("a@b.c")
    assert caught.value.outcome is Outcome.REFUSED
    assert caught.value.message == "You do not have permission"


@pytest.mark.parametrize(
    ("ping_answer", "cls"),
    [
        (httpx.ConnectError("down"), errors.Unauthorized),
        (reply(500, {}), errors.Unauthorized),
        (reply(401, PORTAL_PAGE, **{"Content-Type": "text/html"}), errors.Unauthorized),
    ],
    ids=["no answer", "server error", "web page"],
)
async def test_inconclusive_ping_leaves_the_401_unconfirmed(
    ping_answer: httpx.Response | Exception,
    cls: type[errors.ApiError],
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    server.on(REDEEM, reply(401, {})).on(PING, ping_answer)
    with pytest.raises(cls) as caught:
        await make_client().redeem_reward(REQUEST, "key-1")
    assert type(caught.value) is cls
    # The 401 proves nothing was applied; the entry is sent again later, not rejected.
    assert caught.value.outcome is Outcome.NEVER_ARRIVED


@pytest.mark.parametrize("status", [401, 403])
async def test_ping_failing_is_itself_the_proof(
    status: int, make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(PING, reply(status, {"detail": "Invalid token"}))
    with pytest.raises(errors.CredentialsRejected):
        await make_client().ping()
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize("label", ["text/html; charset=utf-8", "application/json"])
async def test_a_web_page_refusing_the_ping_is_no_proof_against_the_token(
    status: int, label: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # A login page or a block page answers every token alike: what it says is not the
    # server's, so the token is not told refused (Settings would not save a good one, the
    # queue would pause for a token nothing is wrong with).
    server.on(PING, reply(status, PORTAL_PAGE, **{"Content-Type": label}))
    with pytest.raises(errors.WebPageAnswer) as caught:
        await make_client().ping()
    assert not isinstance(caught.value, errors.CredentialsRejected)
    assert caught.value.status_code == status
    assert "web page" in caught.value.message


async def test_a_bearer_ping_refused_with_a_held_jwt_asks_with_a_fresh_one(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    """A JWT the server stopped taking (it restarted with another signing key) says nothing of
    the static token: ping judges the credentials only with a JWT fetched for the purpose, as a
    refused request does (the connectivity probe pauses the queue on ping's word)."""
    old, new = make_jwt(marker="old"), make_jwt(marker="new")

    def ping(request: httpx.Request) -> httpx.Response:
        return PONG if bearer_of(request) == new else reply(401, {"detail": "Token expired"})

    server.on(TOKEN_PATH, *token_answers(old, new)).on(PING, ping)
    client = make_client(auth="bearer")
    pong = await client.ping()
    assert pong.pong.merchant_id == 1
    assert [bearer_of(r) for r in server.calls(PING)] == [old, new]


async def test_a_bearer_ping_refused_with_a_fresh_jwt_is_the_proof(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(TOKEN_PATH, *token_answers(make_jwt(marker="1"), make_jwt(marker="2")))
    server.on(PING, reply(401, {"detail": "Invalid token"}))
    with pytest.raises(errors.CredentialsRejected):
        await make_client(auth="bearer").ping()
    assert len(server.calls(TOKEN_PATH)) == 2  # the first JWT, then one fresh one: no more
    assert len(server.calls(PING)) == 2


async def test_ping_succeeds(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on(PING, PONG)
    pong = await make_client().ping()
    assert pong.pong.merchant_id == 1
    [sent] = server.requests
    assert sent.headers["Authorization"] == f"Token {TOKEN}"


@pytest.mark.parametrize(
    "body",
    [
        {"status": "not ok"},
        {"status": "success"},  # a word of success, but not the documented one
        {"status": ""},
    ],
)
async def test_a_pin_is_accepted_only_on_a_clear_ok(
    body: dict[str, object], make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/redemptions/authorize", reply(200, body))
    with pytest.raises(errors.MalformedResponse) as caught:
        await make_client().authorize("123", "123456", "req-1", 900)
    assert "did not confirm the PIN" in caught.value.message
    assert "123456" not in caught.value.message


async def test_an_ok_beside_errors_vouches_for_nothing_and_says_them(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = {"status": "ok", "errors": {"pin": "Invalid PIN, 2 attempt(s) left"}}
    server.on("/api/redemptions/authorize", reply(200, body))
    with pytest.raises(errors.UnprovenAnswer) as caught:
        await make_client().authorize("123", "123456", "req-1", 900)
    assert caught.value.message == "Invalid PIN, 2 attempt(s) left"


async def test_a_word_other_than_ok_is_the_server_refusing_the_pin(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/redemptions/authorize", reply(200, {"status": "denied"}))
    with pytest.raises(errors.ValidationFailed) as caught:
        await make_client().authorize("123", "123456", "req-1", 900)
    assert caught.value.detail == "denied"
    assert "123456" not in caught.value.message


@pytest.mark.parametrize("said", ["ok", "OK", "Ok", " ok "])
async def test_a_clear_ok_accepts_the_pin(
    said: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # "Returns ok if successful", in no case in particular: "OK" read as no confirmation, and
    # the cashier was told the server had not answered
    server.on("/api/redemptions/authorize", reply(200, {"status": said}))
    assert (await make_client().authorize("123", "123456", "req-1", 900)).ok


# --- the legacy style where seed 003 does not document it -----------------------------------------

#: The POSTs whose token-in-body form seed 003 documents (its six sections); every other POST
#: (ping, deduct-value, redeem-promo-code) is documented only with the ``Authorization`` header.
LEGACY_DOCUMENTED = {
    "/api/v2/redemptions/redeem-reward",
    "/api/v2/redemptions/redeem-voucher",
    "/api/redemptions/by-voucher-code",
    "/api/redemptions/cancel",
    "/api/redemptions/authorize",
    "/api/v2/redemptions/redeem-multiple-rewards",
}


def _header_only_server(request: httpx.Request) -> httpx.Response:
    """testing.rst §1 as a server reads it: ping answers to ``Authorization`` alone."""
    if request.headers.get("Authorization") != f"Token {TOKEN}":
        return reply(401, {"detail": "Invalid token"})
    return PONG


async def test_legacy_style_ping_carries_the_documented_header(
    make_client: ClientFactory,
) -> None:
    # testing.rst §1 'Account Verification' shows ping only with "Authorization: <token_type>
    # <token>", and seed 003 (the token-in-body style) has no ping: a body token alone is refused
    # by a server that reads the header, and ping's refusal is taken as wrong credentials.
    pong = await make_client(auth="body", handler=_header_only_server).ping()
    assert pong.pong.merchant_id == 1


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("ping", lambda c, r: c.ping()),
        ("deduct_value", lambda c, r: c.deduct_value(r, "key-1")),
        ("redeem_promo_code", lambda c, r: c.redeem_promo_code(r, "key-1")),
    ],
)
async def test_legacy_style_posts_seed_003_does_not_cover_carry_both_forms(
    name: str,
    call: Callable[[StampsClient, dict[str, Any]], Awaitable[object]],
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    fixture = doc(name)
    assert fixture["path"] not in LEGACY_DOCUMENTED
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    await call(make_client(auth="body"), fixture["request"])
    [sent] = server.calls(fixture["path"])
    assert sent.headers["Authorization"] == f"Token {TOKEN}"  # the only documented form
    assert body_of(sent)["token"] == TOKEN  # what a legacy server reads on its other POSTs


@pytest.mark.parametrize("path", sorted(LEGACY_DOCUMENTED))
def test_seed_003_endpoints_are_the_legacy_documented_ones(path: str) -> None:
    from app.core.stamps import endpoints

    documented = {
        e.path
        for e in vars(endpoints).values()
        if isinstance(e, endpoints.Endpoint) and e.legacy_body
    }
    assert path in documented
    assert documented == LEGACY_DOCUMENTED


# --- a token replaced while a request travels ---------------------------------------------------

NEW_TOKEN = "tok-new-0a1b2c3d-SECRET"


@pytest.mark.parametrize("auth", ["token", "body"])
async def test_a_refusal_of_a_token_replaced_meanwhile_is_not_judged_by_the_new_one(
    auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # Another request of the till took up a new token (a manager set one) while this one, sent
    # under the old, travelled. A ping now would judge the new token: taken, it would have made
    # this 401 a refusal of the redemption itself, rejected for a manager to sort out. It never
    # arrived, and goes again; the old token, echoed by the server, is masked like the new one.
    client = make_client(auth=auth)

    def refuse_and_replace(request: httpx.Request) -> httpx.Response:
        client.use_token(NEW_TOKEN)
        return reply(401, {"detail": f"Invalid token {TOKEN}."})

    server.on(REDEEM, refuse_and_replace).on(PING, PONG)
    with pytest.raises(errors.CredentialsReplaced) as caught:
        await client.redeem_reward(REQUEST, "key-1")

    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert not caught.value.pauses_queue and caught.value.resend_at_once
    assert not server.calls(PING)
    said = f"{caught.value.message} {caught.value.detail} {caught.value!r}"
    assert TOKEN not in said and NEW_TOKEN not in said
    assert "Invalid token" in said


async def test_a_refusal_of_the_token_in_use_still_asks_ping(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    client = make_client()
    client.use_token(NEW_TOKEN)  # replaced before the request left: the refusal is its own
    server.on(REDEEM, reply(401, {"detail": "Invalid token."})).on(PING, reply(401, {}))
    with pytest.raises(errors.CredentialsRejected):
        await client.redeem_reward(REQUEST, "key-1")
    assert len(server.calls(PING)) == 1
