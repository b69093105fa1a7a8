"""Every way a call can fail lands in the taxonomy with the outcome architecture §3 gives it:
one test per status, per error body shape, per network failure."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

import httpx
import pytest

from app.core.clock import ManualClock, installed
from app.core.domain import Outcome
from app.core.stamps import errors

from .conftest import ClientFactory
from .helpers import FakeStamps, doc, reply

REDEEM = "/api/v2/redemptions/redeem-reward"
PING = "/api/ping"
REQUEST = {"user": "customer@stamps.co.id", "reward": 1, "store": 32}
PONG = reply(200, {"pong": {"merchant": "My Merchant", "merchant_id": 1}})


async def redeem_against(make_client: ClientFactory, server: FakeStamps, *answers: object) -> None:
    server.on(REDEEM, *answers)  # type: ignore[arg-type]
    server.on(PING, PONG)
    await make_client().redeem_reward(REQUEST, "key-1")


@pytest.mark.parametrize(
    ("status", "cls", "outcome"),
    [
        (300, errors.Redirected, Outcome.AMBIGUOUS),
        (302, errors.Redirected, Outcome.AMBIGUOUS),  # a ServerError: not followed
        (400, errors.ValidationFailed, Outcome.REFUSED),
        (401, errors.RequestRefused, Outcome.REFUSED),
        (403, errors.RequestRefused, Outcome.REFUSED),
        (404, errors.NotFound, Outcome.REFUSED),
        (405, errors.MethodNotAllowed, Outcome.REFUSED),
        (408, errors.RequestTimedOut, Outcome.NEVER_ARRIVED),
        (409, errors.Conflict, Outcome.REFUSED),  # proves nothing to a resend (Conflict)
        (410, errors.ClientError, Outcome.REFUSED),
        (413, errors.ClientError, Outcome.REFUSED),
        (418, errors.ClientError, Outcome.REFUSED),
        (422, errors.ClientError, Outcome.REFUSED),
        (429, errors.RateLimited, Outcome.NEVER_ARRIVED),
        (451, errors.ClientError, Outcome.REFUSED),
        (499, errors.ClientError, Outcome.REFUSED),
        (500, errors.ServerError, Outcome.AMBIGUOUS),
        (501, errors.ServerError, Outcome.AMBIGUOUS),
        (502, errors.ServerError, Outcome.AMBIGUOUS),
        (503, errors.ServiceUnavailable, Outcome.AMBIGUOUS),
        (504, errors.ServerError, Outcome.AMBIGUOUS),
        (520, errors.ServerError, Outcome.AMBIGUOUS),
        (599, errors.ServerError, Outcome.AMBIGUOUS),
    ],
)
async def test_status_maps_to_taxonomy(
    status: int,
    cls: type[errors.ApiError],
    outcome: Outcome,
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    with pytest.raises(errors.StampsError) as caught:
        await redeem_against(make_client, server, reply(status, {"detail": "nope"}))
    assert type(caught.value) is cls
    assert caught.value.outcome is outcome
    assert caught.value.status_code == status


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_html_server_errors_use_the_reason_phrase(
    status: int, make_client: ClientFactory, server: FakeStamps
) -> None:
    page = b"<html><body><h1>Server error - %d</h1>" % status + b"x" * 5000 + b"</body></html>"
    answer = httpx.Response(status, content=page, headers={"Content-Type": "text/html"})
    with pytest.raises(errors.ServerError) as caught:
        await redeem_against(make_client, server, answer)
    assert caught.value.message == f"{status} {httpx.codes.get_reason_phrase(status)}"
    assert "<html>" not in str(caught.value)


# --- error body shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize("example", doc("errors")["examples"], ids=lambda e: e["name"])
async def test_documented_error_bodies(
    example: dict[str, object], make_client: ClientFactory, server: FakeStamps
) -> None:
    status = int(example["status"])  # type: ignore[call-overload]
    answer = httpx.Response(
        status,
        content=str(example["text"]).encode(),
        headers={"Content-Type": str(example["content_type"])},
    )
    server.on(PING, PONG)
    with pytest.raises(errors.ApiError) as caught:
        await redeem_against(make_client, server, answer)
    assert caught.value.message == example["message"]
    assert caught.value.error_code == example["error_code"]
    assert caught.value.field_errors == example["field_errors"]


async def test_invalid_pin_reports_attempts_left(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("authorize")
    server.on(fixture["path"], reply(400, fixture["responses"][1]["body"]))
    with pytest.raises(errors.ValidationFailed) as caught:
        await make_client().authorize("123", "123456", "abcdefgh", 900)
    assert caught.value.error_code == "invalid_pin"
    assert caught.value.attempts_left == 2
    assert caught.value.outcome is Outcome.REFUSED


@pytest.mark.parametrize(
    ("content", "message", "field_errors"),
    [
        pytest.param(
            b'{"detail": "d", "errors": {"user": "bad user"}, "error_code": "invalid_data", '
            b'"error_message": "shown"}',
            "shown",
            {"user": "bad user"},
            id="full-shape",
        ),
        pytest.param(
            b'{"detail": "Your transaction cannot be completed", "errors": [{"reward": "needed"}]}',
            "Your transaction cannot be completed: needed",
            {"reward": "needed"},
            id="errors-list",
        ),
        pytest.param(
            b'{"errors": {"info": "Insufficient stamps"}}',
            "Insufficient stamps",
            {"info": "Insufficient stamps"},
            id="errors-info-only",
        ),
        pytest.param(
            b'{"errors": {"voucher": ["Voucher used", "Voucher expired"]}}',
            "Voucher used; Voucher expired",
            {"voucher": "Voucher used; Voucher expired"},
            id="field-error-list",
        ),
        pytest.param(b'{"detail": "Only detail"}', "Only detail", {}, id="detail-only"),
        # Django REST's shapes: a reason of no one field's, and each field's reasons at the top
        pytest.param(
            b'{"non_field_errors": ["Voucher used", "Store closed"]}',
            "Voucher used; Store closed",
            {"non_field_errors": "Voucher used; Store closed"},
            id="non-field-errors",
        ),
        pytest.param(
            b'{"voucher_code": ["Voucher used"], "store": ["Store closed"], "retry": 3}',
            "Voucher used; Store closed",
            {},
            id="serializer-fields",
        ),
        pytest.param(b"<html><p>Bad</p></html>", "400 Bad Request", {}, id="html"),
        pytest.param(b"", "400 Bad Request", {}, id="empty"),
        pytest.param(b'{"detail": "trunc', "400 Bad Request", {}, id="truncated-json"),
        pytest.param(b"[1, 2, 3]", "400 Bad Request", {}, id="json-list"),
        pytest.param(b"42", "400 Bad Request", {}, id="json-number"),
        pytest.param(b"null", "400 Bad Request", {}, id="json-null"),
        pytest.param(b'"just a string"', "400 Bad Request", {}, id="json-string"),
        pytest.param(
            b'{"detail": 5, "error_message": ["a", 1], "error_code": {"x": 1}, "errors": 7}',
            "400 Bad Request",
            {},
            id="wrong-types",
        ),
        pytest.param(
            b'{"errors": {"rewards": [{"code": ["unknown code"]}, {"qty": "too many"}]}}',
            "unknown code; too many",
            {"rewards.code": "unknown code", "rewards.qty": "too many"},
            id="nested",
        ),
        pytest.param(
            b'{"errors": {"a": {"b": {"c": {"d": {"e": {"f": "deep"}}}}}}}',
            "400 Bad Request",
            {},
            id="too-deep",
        ),
        pytest.param(b"\xff\xfe\x00garbage", "400 Bad Request", {}, id="not-utf8"),
        pytest.param(b"[" * 50_000, "400 Bad Request", {}, id="nesting-bomb"),
    ],
)
async def test_error_body_shapes(
    content: bytes,
    message: str,
    field_errors: dict[str, str],
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    with pytest.raises(errors.ValidationFailed) as caught:
        await redeem_against(make_client, server, httpx.Response(400, content=content))
    assert caught.value.message == message
    assert caught.value.field_errors == field_errors
    assert caught.value.outcome is Outcome.REFUSED


async def test_long_server_text_is_cut(make_client: ClientFactory, server: FakeStamps) -> None:
    with pytest.raises(errors.ValidationFailed) as caught:
        await redeem_against(make_client, server, reply(400, {"detail": "x" * 10_000}))
    assert len(caught.value.message) <= 300


# --- Retry-After ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_seconds(
    status: int, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.ApiError) as caught:
        await redeem_against(make_client, server, reply(status, {}, **{"Retry-After": "120"}))
    assert caught.value.retry_after == 120


async def test_retry_after_http_date_is_relative_to_the_clock(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    clock = ManualClock()
    when = format_datetime(clock.now() + timedelta(seconds=90), usegmt=True)
    with installed(clock), pytest.raises(errors.RateLimited) as caught:
        await redeem_against(make_client, server, reply(429, {}, **{"Retry-After": when}))
    assert caught.value.retry_after == 90
    assert caught.value.outcome is Outcome.NEVER_ARRIVED


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("soon", None),
        ("-5", 0.0),
        ("nan", None),
        ("inf", None),
        ("1e308", 1e308),  # read as said; the outbox caps what it waits (RetryPolicy)
        ("9" * 400, None),  # past a float: unreadable, not infinite
    ],
)
async def test_retry_after_odd_values(
    header: str, expected: float | None, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.RateLimited) as caught:
        await redeem_against(make_client, server, reply(429, {}, **{"Retry-After": header}))
    assert caught.value.retry_after == expected


# --- network failures ----------------------------------------------------------------------------


def _raise(exc_type: type[Exception]) -> object:
    def handler(request: httpx.Request) -> httpx.Response:
        if issubclass(exc_type, httpx.RequestError):
            raise exc_type("simulated", request=request)
        raise exc_type("simulated")

    return handler


@pytest.mark.parametrize(
    ("exc_type", "cls", "outcome"),
    [
        (httpx.ConnectError, errors.ConnectionFailed, Outcome.NEVER_ARRIVED),
        (httpx.ConnectTimeout, errors.ConnectionFailed, Outcome.NEVER_ARRIVED),
        (httpx.PoolTimeout, errors.ConnectionFailed, Outcome.NEVER_ARRIVED),
        (httpx.ReadTimeout, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.WriteTimeout, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.RemoteProtocolError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.LocalProtocolError, errors.ConnectionFailed, Outcome.NEVER_ARRIVED),
        (httpx.ReadError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.WriteError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.CloseError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.ProxyError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.UnsupportedProtocol, errors.ConnectionFailed, Outcome.NEVER_ARRIVED),
        (httpx.TransportError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (httpx.DecodingError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (RuntimeError, errors.ResponseLost, Outcome.AMBIGUOUS),
        (OSError, errors.ResponseLost, Outcome.AMBIGUOUS),
    ],
)
async def test_network_failures(
    exc_type: type[Exception],
    cls: type[errors.StampsError],
    outcome: Outcome,
    make_client: ClientFactory,
) -> None:
    client = make_client(handler=_raise(exc_type))
    with pytest.raises(errors.StampsError) as caught:
        await client.redeem_reward(REQUEST, "key-1")
    assert type(caught.value) is cls
    assert caught.value.outcome is outcome
    assert caught.value.status_code is None
    assert caught.value.__cause__ is None


@pytest.mark.parametrize(
    ("exc_type", "cls"),
    [(httpx.ConnectError, errors.ConnectionFailed), (httpx.ReadTimeout, errors.ResponseLost)],
)
async def test_network_failures_on_reads_too(
    exc_type: type[Exception], cls: type[errors.StampsError], make_client: ClientFactory
) -> None:
    with pytest.raises(cls):
        await make_client(handler=_raise(exc_type)).member_details("customer@stamps.co.id")


# --- 2xx that cannot be read ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"<html>OK</html>",
        b"",
        b'{"redemption": {"id": 3',
        b"[]",
        b'"ok"',
        b'{"redemption": {"id": "03"}}',
        b'{"redemption": [1, 2]}',
        b'{"membership": {"stamps": "250"}}',
        b'{"customer": {"stamps_remaining": true}}',
        b'{"redemption": {"id": 3}, "membership": {"balance": 1e999}}',
        b'{"redemption": {"id": 3}, "membership": {"balance": NaN}}',
    ],
)
async def test_unreadable_success_is_malformed(
    content: bytes, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.MalformedResponse) as caught:
        await redeem_against(make_client, server, httpx.Response(200, content=content))
    # it proves nothing: the server may or may not have applied it
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert caught.value.status_code == 200


async def test_malformed_names_fields_not_values(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/v2/memberships/details", reply(200, {"membership": {}, "user": {"id": 4.5}}))
    with pytest.raises(errors.MalformedResponse) as caught:
        await make_client().member_details("customer@stamps.co.id")
    assert "user.id" in caught.value.message
    assert "4.5" not in caught.value.message
