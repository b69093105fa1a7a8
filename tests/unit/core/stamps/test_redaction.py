"""The token, the JWT and the member's PIN never appear in an exception, a repr or a log record."""

from __future__ import annotations

import logging

import httpx
import pytest
from pydantic import ValidationError

from app.core.stamps import errors
from app.core.stamps.models import AuthorizeRequest, RewardRedemptionRequest
from app.core.stamps.redaction import MASK, redact_text, redact_url

from .conftest import ClientFactory
from .helpers import PIN, TOKEN, FakeStamps, make_jwt, reply

JWT = make_jwt(marker="JWTSECRET")
SECRETS = (TOKEN, PIN, JWT, "JWTSECRET")
AUTHORIZE = "/api/redemptions/authorize"


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def echo(request: httpx.Request) -> httpx.Response:
    """A hostile server that repeats the whole request back in its error."""
    said = f"{request.url} {request.headers.get('Authorization')} {request.content.decode()}"
    return reply(400, {"detail": said, "errors": {"pin": said}, "error_message": said})


def test_redact_url_masks_the_token_and_personal_values() -> None:
    url = httpx.URL(
        "https://s.test/api/v2/memberships/details",
        params={"user": "a@b.c", "merchant": 14, "token": TOKEN},
    )
    assert redact_url(url) == f"/api/v2/memberships/details?user={MASK}&merchant=14&token={MASK}"
    assert redact_text(f'GET https://s.test/x?token={TOKEN}&a=1 "200"') == (
        f'GET https://s.test/x?token={MASK}&a=1 "200"'
    )


def test_request_models_hide_the_pin() -> None:
    request = AuthorizeRequest.model_validate(
        {"user": "a", "pin": PIN, "request_id": "r", "timeout": 900}
    )
    assert_clean(repr(request))
    assert_clean(str(request))
    assert request.to_json()["pin"] == PIN  # only the wire body reveals it


@pytest.mark.parametrize("pin", ["48291", "4829134", "48291x", " 482913", "482913\n"])
def test_validation_errors_never_echo_the_pin(pin: str) -> None:
    with pytest.raises(ValidationError) as caught:
        AuthorizeRequest.model_validate({"user": "a", "pin": pin, "request_id": "r", "timeout": 1})
    assert pin.strip() not in str(caught.value)
    assert pin.strip() not in repr(caught.value)


def test_validation_errors_never_echo_values() -> None:
    with pytest.raises(ValidationError) as caught:
        RewardRedemptionRequest.model_validate(
            {"user": TOKEN, "reward": "not-a-number-SECRET", "store": -3, TOKEN: 1}
        )
    assert "not-a-number-SECRET" not in str(caught.value)


async def test_client_repr_hides_the_token(make_client: ClientFactory) -> None:
    client = make_client()
    assert_clean(repr(client))
    assert MASK in repr(client)


@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
async def test_nothing_secret_in_exceptions_or_logs(
    auth: str,
    make_client: ClientFactory,
    server: FakeStamps,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    server.on("/api/auth/get-access-token/", reply(200, {"access_token": JWT}))
    server.on(AUTHORIZE, echo)
    server.on("/api/v2/memberships/details", echo)
    server.on("/api/ping", reply(401, {"detail": f"bad token {TOKEN}"}))
    server.on("/api/vouchers/validate", httpx.ConnectError(f"cannot reach ?token={TOKEN}"))
    client = make_client(auth=auth)
    raised: list[BaseException] = []

    calls = [
        lambda: client.authorize("customer@stamps.co.id", PIN, "req-1", 900),
        lambda: client.authorize("customer@stamps.co.id", PIN + "0", "req-1", 900),
        lambda: client.authorize("customer@stamps.co.id", PIN[:-1] + "x", "req-1", 900),
        lambda: client.member_details("customer@stamps.co.id"),
        lambda: client.ping(),
        lambda: client.validate_voucher("VC-ABC"),
        lambda: client.submit(
            "reward", {"user": "u", "reward": 1, "store": 1, "pin": PIN}, idempotency_key="k"
        ),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(errors.StampsError) as caught:
            await call()
        raised.append(caught.value)

    assert len(server.calls(AUTHORIZE)) == 1  # the malformed PINs never left the till
    for exc in raised:
        assert_clean(str(exc))
        assert_clean(repr(exc))
        assert_clean(repr(vars(exc)))
    assert caplog.records, "the client logs its requests"
    for record in caplog.records:
        assert_clean(record.getMessage())
        assert_clean(repr(record.args))


async def test_body_style_get_keeps_the_token_out_of_the_url_and_the_logs(
    make_client: ClientFactory, server: FakeStamps, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.on("/api/memberships/suggestions", reply(200, {"suggestions": []}))
    await make_client(auth="body").suggestions("steve")
    [sent] = server.requests
    assert "token" not in sent.url.params
    assert sent.headers["Authorization"] == f"Token {TOKEN}"
    lines = [r.getMessage() for r in caplog.records]
    assert lines and not any(TOKEN in line for line in lines)
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert httpx_lines and all(f"query={MASK}" in line for line in httpx_lines)
    [ours] = [r.getMessage() for r in caplog.records if r.name == "app.core.stamps"]
    assert ours.startswith(f"GET /api/memberships/suggestions?query={MASK}&merchant=14 -> 200 (")


def echo_accepted(request: httpx.Request) -> httpx.Response:
    """A hostile server that accepts, and repeats the whole request in the answer's strings."""
    said = f"{request.headers.get('Authorization')} {request.content.decode()}"
    return reply(
        200,
        {
            "redemption": {"id": 7, "reward": said, "extra_data": {"echo": said, said: 1}},
            "membership": {"stamps": 3, "referral_code": said},
            "debug": [said],
            "user": {"id": 6, "name": said, "email": "a@b.c"},
        },
    )


@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
async def test_nothing_secret_in_an_accepted_answer(
    auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # The outbox stores a redemption's answer as it was read, and the till caches a member's
    # name: a server echoing the credential in a 2xx would put it in the database.
    server.on("/api/auth/get-access-token/", reply(200, {"access_token": JWT}))
    server.on("/api/v2/redemptions/redeem-reward", echo_accepted)
    server.on("/api/v2/memberships/details", echo_accepted)
    client = make_client(auth=auth)

    result = await client.submit(
        "reward",  # type: ignore[arg-type]
        {"user": "u", "reward": 1, "store": 1},
        idempotency_key="k",
    )
    member = await client.member_details("customer@stamps.co.id")

    assert result.redemption_id == 7
    assert_clean(repr(result.raw))
    assert_clean(repr(result.response))
    assert_clean(repr(member))
    assert MASK in repr(result.raw)
    if auth == "bearer":  # the token exchange's own answer is the credential, and is kept
        assert (await client.get_access_token()).access_token.get_secret_value() == JWT
