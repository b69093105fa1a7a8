"""The client's own behaviour: the outbox entry point, headers, base URL rules, lifecycle."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from app.core.domain import Channel, OperationKind, Outcome
from app.core.stamps import REQUEST_MODELS, RedemptionResult, StampsClient, errors
from app.core.stamps.models.responses import RewardsResponse

from .conftest import ClientFactory
from .helpers import BASE_URL, TOKEN, FakeStamps, body_of, doc, reply

REWARD = {"user": "u", "reward": 1, "store": 1}
KEY = "0193f3b6-7c1e-7d2a-9b5e-3a1f2c4d5e6f"

PAYLOADS: dict[OperationKind, tuple[str, dict[str, Any]]] = {
    OperationKind.REWARD: ("redeem_reward", doc("redeem_reward")["request"]),
    OperationKind.MULTI: ("redeem_multiple_rewards", doc("redeem_multiple_rewards")["request"]),
    OperationKind.VOUCHER: ("redeem_voucher", doc("redeem_voucher")["request"]),
    OperationKind.DEDUCT: ("deduct_value", doc("deduct_value")["request"]),
    OperationKind.CODE: ("redeem_voucher_code", doc("redeem_voucher_code")["request"]),
    OperationKind.PROMO: ("redeem_promo_code", doc("redeem_promo_code")["request"]),
    OperationKind.CANCEL: ("cancel_redemption", doc("cancel_redemption")["request"]),
}


@pytest.mark.parametrize("kind", list(OperationKind))
async def test_submit_sends_each_kind_with_its_key(
    kind: OperationKind, make_client: ClientFactory, server: FakeStamps
) -> None:
    name, payload = PAYLOADS[kind]
    fixture = doc(name)
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))

    result = await make_client().submit(kind, payload, idempotency_key=KEY)

    assert isinstance(result, RedemptionResult)
    assert result.kind is kind
    assert result.raw == fixture["responses"][0]["body"]
    [sent] = server.requests
    assert sent.url.path == fixture["path"]
    assert sent.headers["Idempotency-Key"] == KEY
    assert body_of(sent) == payload
    assert isinstance(REQUEST_MODELS[kind].model_validate(payload), REQUEST_MODELS[kind])


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        (OperationKind.REWARD, {"user": "u", "reward": 1}),
        (OperationKind.REWARD, {"user": "u", "reward": 1, "store": 1, "pin": "123456"}),
        (OperationKind.PROMO, {"user": "u", "promo_code": "P", "store": 1}),
        (OperationKind.CANCEL, {"id": "12"}),
        (OperationKind.CODE, {"user": "u", "voucher_code": "V", "voucher_template": 1, "store": 1}),
        ("refund", {"id": 1}),
    ],
)
async def test_submit_refuses_invalid_payloads_without_sending(
    kind: OperationKind, payload: dict[str, Any], make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.InvalidRequest) as caught:
        await make_client().submit(kind, payload, idempotency_key=KEY)
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert not server.requests


@pytest.mark.parametrize("key", ["", "has space", "line\nbreak", "é", "x" * 256])
async def test_bad_idempotency_keys_are_refused(
    key: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.InvalidRequest):
        await make_client().submit(OperationKind.CANCEL, {"id": 1}, idempotency_key=key)
    assert not server.requests


async def test_typed_methods_take_models_and_need_no_key(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    from app.core.stamps.models import CancelRedemptionRequest

    answer = {"redemption": {"id": 7, "status": "Canceled"}, "customer": {"stamps_remaining": 60}}
    server.on("/api/redemptions/cancel", reply(200, answer))
    result = await make_client().cancel_redemption(
        CancelRedemptionRequest(id=7, create_replacement_voucher=True)
    )
    assert result.stamps_remaining == 60
    [sent] = server.requests
    assert body_of(sent) == {"id": 7, "create_replacement_voucher": True}
    assert "Idempotency-Key" not in sent.headers


async def test_default_channel_fills_only_unset_channels(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = doc("redeem_reward")["responses"][0]["body"]
    server.on("/api/v2/redemptions/redeem-reward", reply(200, body))
    server.on(
        "/api/redemptions/cancel", reply(200, doc("cancel_redemption")["responses"][0]["body"])
    )
    client = make_client(channel=Channel.KIOSK)
    base = {"user": "u", "reward": 1, "store": 1}

    await client.submit(OperationKind.REWARD, base, idempotency_key=KEY)
    await client.submit(OperationKind.REWARD, {**base, "channel": 2}, idempotency_key=KEY)
    await client.submit(OperationKind.CANCEL, {"id": 1}, idempotency_key=KEY)

    bodies = [body_of(r) for r in server.requests]
    assert bodies[0]["channel"] == 3
    assert bodies[1]["channel"] == 2
    assert "channel" not in bodies[2]


async def test_voucher_of_a_cart_comes_from_the_redemption(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("redeem_multiple_rewards")
    server.on(fixture["path"], reply(200, fixture["responses"][0]["body"]))
    result = await make_client().redeem_rewards(fixture["request"])
    assert result.voucher is not None and result.voucher.code == "ABCD12345"


async def test_headers_and_timeouts(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on("/api/memberships/suggestions", reply(200, {"suggestions": []}))
    await make_client(connect_timeout=1.5, read_timeout=7).suggestions("ste")
    [sent] = server.requests
    assert sent.headers["Accept"] == "application/json"
    assert "Content-Type" not in sent.headers
    assert sent.extensions["timeout"] == {"connect": 1.5, "read": 7, "write": 7, "pool": 1.5}


async def test_default_timeouts(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on("/api/ping", reply(200, {"pong": {}}))
    await make_client().ping()
    timeouts = server.requests[0].extensions["timeout"]
    assert (timeouts["connect"], timeouts["read"]) == (3.0, 10.0)


async def test_activities_page_back_with_older_than(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/v3/activities/", reply(200, doc("activities")["responses"][0]["body"]))
    client = make_client()
    page = await client.activities("customer@stamps.co.id")
    await client.activities("customer@stamps.co.id", older_than=page.oldest_id)
    assert server.requests[1].url.params["older_than"] == "704"


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.member_details(""),
        lambda c: c.suggestions("  "),
        lambda c: c.activities("u", older_than=0),
        lambda c: c.validate_voucher(""),
        lambda c: c.validate_promo(""),
        lambda c: c.authorize("u", "12345", "r", 900),
        lambda c: c.authorize("u", "123456", "r", -1),
        lambda c: c.authorize("u", 123456, "r", 900),
        lambda c: c.redeem_reward({**REWARD, "extra_data": {"x": 1e999}}),
    ],
)
async def test_typed_methods_validate_before_sending(
    call: Any, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.InvalidRequest):
        await call(make_client())
    assert not server.requests


async def test_each_request_is_logged(
    make_client: ClientFactory, server: FakeStamps, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.core.stamps")
    server.on("/api/ping", reply(200, {"pong": {}}))
    await make_client().ping()
    [line] = [r.getMessage() for r in caplog.records if r.name == "app.core.stamps"]
    assert line.startswith("POST /api/ping -> 200 (")
    assert line.endswith(" ms)")


# --- construction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://stamps.co.id",
        "https://stamps.co.id/",
        "https://proxy.example/stamps/",
        "http://127.0.0.1:8000",
        "http://127.8.9.10",
        "http://localhost:9000/",
        "http://[::1]:8000",
    ],
)
async def test_accepted_base_urls(url: str) -> None:
    async with StampsClient(base_url=url, token=TOKEN, merchant=1, store=1) as client:
        assert not client.base_url.endswith("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://stamps.co.id",
        "http://192.168.1.10:8000",
        "http://[::2]",
        "http://localhost.evil.example",
        "ftp://stamps.co.id",
        "stamps.co.id",
        "https://",
        "https://stamps.co.id/?token=x",
        "http://127.0.0.1:99999",  # never connectable: refused here, not on every request
        "http://127.0.0.1:0",
        "http://cashier:s3cret@127.0.0.1:8000",  # a credential in a URL
    ],
)
def test_refused_base_urls(url: str) -> None:
    with pytest.raises(ValueError, match="base URL"):
        StampsClient(base_url=url, token=TOKEN, merchant=1, store=1)


@pytest.mark.parametrize(
    "options",
    [
        {"token": ""},
        {"token": "   "},
        {"merchant": 0},
        {"store": True},
        {"store": "32"},
        {"auth": "basic"},
        {"connect_timeout": 0},
    ],
)
def test_refused_settings(options: dict[str, Any]) -> None:
    settings: dict[str, Any] = {"base_url": BASE_URL, "token": TOKEN, "merchant": 1, "store": 1}
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        StampsClient(**{**settings, **options})


async def test_token_may_be_a_secret_str(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on("/api/ping", reply(200, {"pong": {}}))
    await make_client(token=SecretStr(TOKEN)).ping()
    assert server.requests[0].headers["Authorization"] == f"Token {TOKEN}"


async def test_owned_http_client_is_closed() -> None:
    client = StampsClient(base_url=BASE_URL, token=TOKEN, merchant=1, store=1)
    async with client:
        pass
    assert client._http.is_closed


async def test_injected_http_client_is_left_open() -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(lambda r: reply())) as http:
        await StampsClient(base_url=BASE_URL, token=TOKEN, merchant=1, store=1, http=http).aclose()
        assert not http.is_closed


def _activity(activity_id: int, created: int, kind: int = 1) -> dict[str, Any]:
    return {
        "id": activity_id,
        "type": kind,
        "created": created,
        "store": {"name": "S1", "display_name": "Store 1"},
        "redemption": {"stamps": 10, "name": "Kaya Bun", "status": 1, "channel": "POS"},
    }


async def test_redemptions_since_pages_back_until_past_since(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    from datetime import UTC, datetime

    since = datetime.fromtimestamp(1_000_000, UTC)
    first = [_activity(100 - i, 1_000_100 - i, kind=1 if i % 2 else 0) for i in range(20)]
    second = [_activity(80 - i, 1_000_010 - i * 5) for i in range(20)]
    server.on(
        "/api/v3/activities/",
        reply(200, {"activities": first}),
        reply(200, {"activities": second}),
    )

    found = await make_client().redemptions_since("u@x", since)

    assert [r.url.params.get("older_than") for r in server.requests] == [None, "81"]
    assert all(a.is_redemption for a in found)
    assert all(a.created_at is not None and a.created_at >= since for a in found)
    assert len(found) == 10 + 3  # odd ones of page one; 1_000_010, _005, _000 of page two


async def test_redemptions_since_stops_on_a_short_page(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    from datetime import UTC, datetime

    server.on("/api/v3/activities/", reply(200, {"activities": [_activity(5, 2_000_000)]}))
    found = await make_client().redemptions_since("u@x", datetime.fromtimestamp(0, UTC))
    assert [a.id for a in found] == [5]
    assert len(server.requests) == 1


def _repeating_feed(overlap: int) -> Callable[[httpx.Request], httpx.Response]:
    """A feed whose pages repeat lines: each overlaps the last by ``overlap`` (20: it ignores
    ``older_than``; 1: it reads it as "this one and older"), its first line given twice."""

    def page(request: httpx.Request) -> httpx.Response:
        older_than = request.url.params.get("older_than")
        top = 100 if older_than is None else int(older_than) + overlap - 1
        ids = [top - i for i in range(20) if top - i > 0]
        lines = [_activity(i, 2_000_000 + i) for i in ids]
        return reply(200, {"activities": lines[:1] + lines[:-1]})  # the first line twice

    return page


async def test_redemptions_since_reads_each_activity_once(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # A feed that repeats lines (it reads older_than as "this one and older") must not hand
    # reconciliation the same redemption twice: a line counted twice would confirm two unknown
    # entries with one redemption.
    from datetime import UTC, datetime

    server.on("/api/v3/activities/", _repeating_feed(1))
    found = await make_client().redemptions_since("u@x", datetime.fromtimestamp(0, UTC))

    ids = [a.id for a in found]
    assert len(ids) == len(set(ids))
    assert len(server.requests) <= 10


async def test_redemptions_since_ignoring_older_than_is_not_the_whole_feed(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # Its pages never go back past the first one's: the lines older than those were never
    # given, and "not in the member's activity" of them would have a manager send a
    # redemption again.
    from datetime import UTC, datetime

    server.on("/api/v3/activities/", _repeating_feed(20))
    with pytest.raises(errors.MalformedResponse, match="could not be read back"):
        await make_client().redemptions_since("u@x", datetime.fromtimestamp(0, UTC))
    assert len(server.requests) <= 10


async def test_every_answer_s_date_reaches_the_clock_check() -> None:
    from app.core.stamps.client import StampsClient

    seen: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={"pong": {"merchant": "M", "merchant_id": 1}},
            headers={"Date": "Wed, 25 Nov 2026 03:00:00 GMT"},
        )

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as http:
        client = StampsClient(
            base_url="https://stamps.example",
            token="t0k3n",
            merchant=1,
            store=2,
            http=http,
            on_server_date=seen.append,
        )
        await client.ping()
    assert seen == ["Wed, 25 Nov 2026 03:00:00 GMT"]


# --- a 2xx proves an application only when it names the redemption -------------------------------

REDEEM_PATH = "/api/v2/redemptions/redeem-reward"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b'{"errors": {"__all__": "Something went wrong"}}', id="errors-only"),
        pytest.param(b'{"errors": ["timeout talking to the ledger"]}', id="errors-list-only"),
        pytest.param(b"{}", id="empty-object"),
        pytest.param(b"null", id="null"),
        pytest.param(b"", id="empty-body"),
        pytest.param(b"<html><body>OK</body></html>", id="html"),
        pytest.param(b'{"redemption": {"id": 3, "reward": "Kaya', id="truncated"),
        pytest.param(b'{"redemption": null, "membership": {"stamps": 250}}', id="redemption-null"),
        pytest.param(b'{"redemption": {"reward": "Kaya Bun"}}', id="redemption-without-id"),
        pytest.param(b'{"redemption": {"id": 0}}', id="id-zero"),
        pytest.param(b'{"redemption": {"id": 9223372036854775808}}', id="id-past-2-63"),
        pytest.param(b'{"membership": {"stamps": 250}, "reward": {"id": 1}}', id="no-redemption"),
    ],
)
async def test_a_2xx_that_names_no_redemption_proves_nothing(
    content: bytes, make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REDEEM_PATH, httpx.Response(200, content=content))
    with pytest.raises(errors.MalformedResponse) as caught:
        await make_client().submit(OperationKind.REWARD, REWARD, idempotency_key=KEY)
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert caught.value.status_code == 200


async def test_errors_only_answer_says_what_the_server_said(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = {"errors": {"__all__": "Could not reach the ledger"}}
    server.on(REDEEM_PATH, reply(200, body))
    with pytest.raises(errors.UnprovenAnswer) as caught:
        await make_client().submit(OperationKind.REWARD, REWARD, idempotency_key=KEY)
    # proves nothing (ambiguous, as any answer naming no redemption), in the server's words
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert caught.value.message == "Could not reach the ledger"


async def test_a_cancel_answer_naming_another_redemption_proves_nothing(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = {"redemption": {"id": 8, "status": "Canceled"}, "customer": {"stamps_remaining": 1}}
    server.on("/api/redemptions/cancel", reply(200, body))
    with pytest.raises(errors.MalformedResponse) as caught:
        await make_client().submit(OperationKind.CANCEL, {"id": 7}, idempotency_key=KEY)
    assert caught.value.outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    ("redemption", "said"),
    [
        # the cancel refused in the answer's own words: "Cancel confirmed", and the manager
        # told the member their stamps were back
        ({"id": 7, "status": "Created"}, "Redemption cannot be canceled"),
        ({"id": 7, "status": "Open"}, None),
    ],
)
async def test_a_cancel_answer_saying_the_redemption_stands_proves_nothing(
    make_client: ClientFactory,
    server: FakeStamps,
    redemption: dict[str, Any],
    said: str | None,
) -> None:
    body: dict[str, Any] = {"redemption": redemption, "customer": {"stamps_remaining": 1}}
    if said:
        body["errors"] = said
    server.on("/api/redemptions/cancel", reply(200, body))
    with pytest.raises(errors.StampsError) as caught:
        await make_client().submit(OperationKind.CANCEL, {"id": 7}, idempotency_key=KEY)
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert redemption["status"] in caught.value.message
    assert said is None or said in caught.value.message


@pytest.mark.parametrize("status", ["Canceled", "cancelled", " CANCELED ", None])
async def test_a_cancel_answer_naming_its_redemption_cancelled_confirms_it(
    make_client: ClientFactory, server: FakeStamps, status: str | None
) -> None:
    body = {"redemption": {"id": 7, "status": status}, "customer": {"stamps_remaining": 1}}
    server.on("/api/redemptions/cancel", reply(200, body))
    result = await make_client().submit(OperationKind.CANCEL, {"id": 7}, idempotency_key=KEY)
    assert result.redemption_id == 7


async def test_errors_beside_a_named_redemption_are_kept(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = {
        **doc("redeem_reward")["responses"][0]["body"],
        "errors": {"extra_data": "SKU not found, ignored"},
    }
    server.on(REDEEM_PATH, reply(200, body))
    result = await make_client().submit(OperationKind.REWARD, REWARD, idempotency_key=KEY)
    assert result.redemption_id == 3
    assert result.errors is not None and "SKU not found, ignored" in result.errors


@pytest.mark.parametrize(
    "beside",
    [
        {"stamps_used": "2"},  # a number as text
        {"status": 1},
        {"extra_data": "10%"},
        {"reward": ["Kaya Bun"]},
    ],
)
async def test_a_named_redemption_is_confirmed_whatever_its_other_fields_say(
    make_client: ClientFactory, server: FakeStamps, beside: dict[str, Any]
) -> None:
    # The id proves the redemption (architecture §1); what the block says beside it only
    # informs. One of those the till cannot read made the whole answer "not confirmed".
    body = doc("redeem_reward")["responses"][0]["body"]
    body = {**body, "redemption": {**body["redemption"], **beside}}
    server.on(REDEEM_PATH, reply(200, body))
    result = await make_client().submit(OperationKind.REWARD, REWARD, idempotency_key=KEY)
    assert result.redemption_id == 3


async def test_a_clean_answer_has_no_errors(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on(REDEEM_PATH, reply(200, doc("redeem_reward")["responses"][0]["body"]))
    result = await make_client().submit(OperationKind.REWARD, REWARD, idempotency_key=KEY)
    assert result.errors is None


# --- the rewards catalogue, page by page -------------------------------------------------------

REWARDS_PATH = "/api/rewards/"


def _catalogue(total: int, vouchers: int = 0, unreadable: frozenset[int] = frozenset()) -> Any:
    """A server paging ``total`` rewards (ids 1..total) by ``per_page`` and ``last_reward_id``;
    those of ``unreadable`` priced in words."""

    def answer(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        per_page = int(params.get("per_page", 20))
        after = int(params.get("last_reward_id", 0))
        after_voucher = int(params.get("last_voucher_id", 0))
        ids = [i for i in range(1, total + 1) if i > after][:per_page]
        voucher_ids = [i for i in range(1, vouchers + 1) if i > after_voucher][:per_page]
        return reply(
            200,
            {
                "rewards": [
                    {"id": i, "name": f"R{i}", "stamps_to_redeem": "five" if i in unreadable else 5}
                    for i in ids
                ],
                "vouchers": [{"id": i, "name": f"V{i}"} for i in voucher_ids],
                "customer": {"id": 6, "stamps": 250},
            },
        )

    return answer


async def test_rewards_are_read_page_by_page(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REWARDS_PATH, _catalogue(250, vouchers=120))
    answer = await make_client().rewards(user="customer@stamps.co.id")
    assert [r.id for r in answer.rewards] == list(range(1, 251))
    assert [v.id for v in answer.vouchers] == list(range(1, 121))
    assert answer.customer is not None and answer.customer.stamps_balance == 250
    pages = server.calls(REWARDS_PATH)
    assert len(pages) == 3
    first, second, third = (dict(p.url.params) for p in pages)
    assert first["per_page"] == "100"
    assert first["only_redeemable_in_this_store"] == "true"
    assert "last_reward_id" not in first and "last_voucher_id" not in first
    assert (second["last_reward_id"], second["last_voucher_id"]) == ("100", "100")
    assert (third["last_reward_id"], third.get("last_voucher_id")) == ("200", "120")


async def test_a_page_is_full_with_the_rewards_it_lists_unreadable(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # 99 rewards read on a page of 100 is no short page: the last page was read on from there
    server.on(REWARDS_PATH, _catalogue(150, unreadable=frozenset({50, 100, 120})))
    answer = await make_client().rewards()
    assert [r.id for r in answer.rewards] == [i for i in range(1, 151) if i not in (50, 100, 120)]
    assert [(u.list, u.id, u.fields) for u in answer.unread] == [
        ("rewards", i, ("stamps_to_redeem",)) for i in (50, 100, 120)
    ]


async def test_rewards_stop_after_ten_pages(make_client: ClientFactory, server: FakeStamps) -> None:
    server.on(REWARDS_PATH, _catalogue(5000))
    answer = await make_client().rewards()
    assert len(answer.rewards) == 1000
    assert len(server.calls(REWARDS_PATH)) == 10
    assert answer.more_offered  # the cashier is told, not only a log line


async def test_a_whole_catalogue_is_not_said_to_be_cut(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REWARDS_PATH, _catalogue(999))
    answer = await make_client().rewards()
    assert len(answer.rewards) == 999
    assert not answer.more_offered


def test_no_answer_can_say_it_was_cut() -> None:
    listing = RewardsResponse.model_validate({"rewards": [], "more_offered": True})
    assert not listing.more_offered


async def test_a_server_that_ignores_paging_is_read_once(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    page = {"rewards": [{"id": i, "stamps_to_redeem": 5} for i in range(1, 101)], "vouchers": []}
    server.on(REWARDS_PATH, reply(200, page))
    answer = await make_client().rewards()
    assert [r.id for r in answer.rewards] == list(range(1, 101))
    assert len(server.calls(REWARDS_PATH)) == 2  # the second page added nothing: stop
    assert not answer.more_offered


# --- validating codes: what the docs let the till say --------------------------------------------


async def test_promo_validation_passes_the_channel(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(
        "/api/promo-codes/validate", reply(200, doc("validate_promo")["responses"][0]["body"])
    )
    await make_client(channel=Channel.KIOSK).validate_promo("PROMOCODE", user="a@b.id")
    await make_client().validate_promo("PROMOCODE", channel=Channel.POS)
    kiosk, pos = (dict(r.url.params) for r in server.requests)
    assert kiosk == {"promo_code": "PROMOCODE", "store": "32", "channel": "3", "user": "a@b.id"}
    assert pos["channel"] == "2"


async def test_voucher_validation_passes_the_transaction_value_when_given(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = doc("validate_voucher")["responses"][0]["body"]
    server.on("/api/vouchers/validate", reply(200, body))
    client = make_client()
    await client.validate_voucher("VC-ABC", transaction_value=Decimal("125000.50"))
    await client.validate_voucher("VC-ABC")
    given, absent = (dict(r.url.params) for r in server.requests)
    assert given["transaction_value"] == "125000.50"
    assert given["merchant"] == "14"  # the merchant id, though the docs' table says "template"
    assert "transaction_value" not in absent


async def test_in_flight_counts_the_requests_on_their_way(make_client: ClientFactory) -> None:
    # The heartbeat sends no ping while a lookup or the drain is talking (architecture §4).
    arrived, answer = asyncio.Event(), asyncio.Event()

    async def held(request: httpx.Request) -> httpx.Response:
        arrived.set()
        await answer.wait()
        if request.url.path == "/api/ping":
            raise httpx.ConnectError("All connection attempts failed")
        return reply(200, {"pong": {"merchant": "Kopi Rindang", "merchant_id": 14}})

    client = make_client(handler=held)
    assert client.in_flight == 0
    lookup = asyncio.ensure_future(client.member_details("customer@stamps.co.id"))
    await asyncio.wait_for(arrived.wait(), 5)
    assert client.in_flight == 1
    lookup.cancel()  # a lookup the cashier stopped waiting for is off the line
    with pytest.raises(asyncio.CancelledError):
        await lookup
    assert client.in_flight == 0
    arrived.clear()
    ping = asyncio.ensure_future(client.ping())
    await asyncio.wait_for(arrived.wait(), 5)
    assert client.in_flight == 1
    answer.set()
    with pytest.raises(errors.StampsError):
        await ping  # a failure ends it too
    assert client.in_flight == 0


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redemption_answered_with_a_redirect_is_not_followed(
    make_client: ClientFactory, server: FakeStamps, status: int
) -> None:
    # A redemption is never sent again to an address an answer picks (a network's sign-in
    # page, another server): one request, and a redirect the till can name, not applied.
    path = "/api/v2/redemptions/redeem-reward"
    portal = "http://login.wifi.example/portal"
    server.on(path, httpx.Response(status, headers={"Location": portal}))
    server.on("/portal", reply(200, doc("redeem_reward")["responses"][0]["body"]))
    client = make_client()
    with pytest.raises(errors.Redirected) as caught:
        await client.submit(
            OperationKind.REWARD, {"user": "u", "reward": 1, "store": 1}, idempotency_key=KEY
        )
    assert [r.url.path for r in server.requests] == [path]
    assert caught.value.moved_to == "http://login.wifi.example"
    assert caught.value.outcome is Outcome.AMBIGUOUS  # it reached something: not confirmed


@pytest.mark.parametrize(
    "location",
    [
        "https://ev\u202eil.example/",  # no host name can hold a bidi control (IDNA)
        "javascript:alert(1)",
        "https://[::1/",
        "mailto:",
    ],
)
async def test_a_redirect_to_an_address_no_one_could_follow_is_still_a_redirect(
    make_client: ClientFactory, server: FakeStamps, location: str
) -> None:
    # The HTTP library built the redirect it would not follow, failed on the address, and the
    # instant 301 read as no answer at all: doctor said "did not answer in time", a lookup
    # blamed the line. The server answered, and sent the till elsewhere.
    path = "/api/v2/redemptions/redeem-reward"
    headers = [(b"Location", location.encode())]
    server.on(path, httpx.Response(301, headers=headers))
    with pytest.raises(errors.Redirected) as caught:
        await make_client().submit(
            OperationKind.REWARD, {"user": "u", "reward": 1, "store": 1}, idempotency_key=KEY
        )
    assert caught.value.status_code == 301
    assert caught.value.moved_to is None
    assert caught.value.outcome is Outcome.AMBIGUOUS
