"""The project's own client against a live sandbox: every endpoint in every auth style, the
business rules as the client reports them, and each fault mode as the error it proves.

The sandbox is an independent reading of the docs (its own tests use raw HTTP); here the two
readings meet, so a disagreement between client and sandbox fails one of these tests."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
import uuid6

from app.core.domain import Outcome
from app.core.stamps import errors
from app.core.stamps.client import StampsClient
from app.sandbox import DEMO_TOKEN

from ...conftest import SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
BUDI = "budi.santoso@contoh.co.id"
REWARD_1 = {"user": AYU, "store": 32, "reward": 1}


def make_client(
    sandbox: SandboxControl, auth: str = "token", token: str = DEMO_TOKEN, read_timeout: float = 5.0
) -> StampsClient:
    return StampsClient(
        base_url=sandbox.server.url,
        token=token,
        merchant=14,
        store=32,
        auth=auth,
        connect_timeout=2.0,
        read_timeout=read_timeout,
    )


@pytest.fixture(params=["token", "bearer", "body"])
async def client(
    request: pytest.FixtureRequest, sandbox: SandboxControl
) -> AsyncIterator[StampsClient]:
    async with make_client(sandbox, request.param) as stamps:
        yield stamps


async def test_lookups_and_catalogue_in_every_auth_style(client: StampsClient) -> None:
    pong = await client.ping()
    assert pong.pong.merchant_id == 14
    details = await client.member_details(AYU)
    assert details.user.name == "Ayu Pratiwi"
    assert details.membership.stamps_balance == 250
    assert (await client.suggestions("Ayu")).suggestions
    rewards = await client.rewards(user=AYU)
    assert any(r.id == 1 and r.redeemable for r in rewards.rewards)
    vouchers = await client.member_vouchers(AYU)
    assert {v.id for v in vouchers.vouchers} >= {12, 20}
    assert (await client.validate_voucher("RINDANG-100K-7H2K", user=AYU)).voucher is not None
    assert (await client.validate_promo("NGOPIPAGI")).promo_code.code == "NGOPIPAGI"
    assert (await client.activities(AYU)).activities is not None


async def test_every_redemption_kind_and_cancel_in_every_auth_style(
    client: StampsClient, sandbox: SandboxControl
) -> None:
    reward = await client.redeem_reward(
        {"user": AYU, "store": 32, "reward": 1, "qty": 1}, idempotency_key=str(uuid6.uuid7())
    )
    assert reward.redemption_id is not None
    assert reward.stamps_remaining == 230
    cart = await client.redeem_rewards(
        {"user": AYU, "store": 32, "rewards": [{"code": "KR-002", "qty": 1}]}, str(uuid6.uuid7())
    )
    assert cart.stamps_remaining == 215
    assert (await client.redeem_voucher({"user": AYU, "store": 32, "voucher": 20})).redemption_id
    deduct = await client.deduct_value({"user": AYU, "store": 32, "voucher": 12, "value": 1000})
    assert deduct.redemption_id is not None
    code = await client.redeem_voucher_code(
        {
            "identifier": AYU,
            "voucher_code": "RINDANG-100K-7H2K",
            "voucher_template": 12,
            "store": 32,
        }
    )
    assert code.redemption_id is not None
    promo = await client.redeem_promo_code(
        {"user": AYU, "store": 32, "promo_code": "NGOPIPAGI", "invoice_number": "INV-1"}
    )
    assert promo.redemption_id is not None
    cancelled = await client.cancel_redemption({"id": reward.redemption_id})
    assert cancelled.stamps_remaining == 235
    assert len(sandbox.ledger()) == 7


async def test_pin_authorisation_counts_and_unlocks(sandbox: SandboxControl) -> None:
    async with make_client(sandbox) as client:
        with pytest.raises(errors.ValidationFailed) as wrong:
            await client.authorize(BUDI, "000000", "req-1", 900)
        assert wrong.value.error_code == "invalid_pin"
        assert wrong.value.attempts_left == 2
        assert "000000" not in str(wrong.value)
        with pytest.raises(errors.ValidationFailed):  # no authorisation yet
            await client.redeem_reward({"user": BUDI, "store": 32, "reward": 1})
        await client.authorize(BUDI, "123456", "req-2", 900)
        done = await client.redeem_reward(
            {"user": BUDI, "store": 32, "reward": 1, "request_id": "req-2"}
        )
        assert done.stamps_remaining == 160


@pytest.mark.parametrize(
    ("user", "reward", "code"),
    [
        ("agus.setiawan@contoh.co.id", 1, "insufficient_stamps"),
        ("hendra.gunawan@contoh.co.id", 4, "member_blocked"),
        ("nobody@example.com", 1, "user_not_found"),
    ],
)
async def test_business_rule_refusals_are_validation_failures(
    sandbox: SandboxControl, user: str, reward: int, code: str
) -> None:
    async with make_client(sandbox) as client:
        with pytest.raises(errors.ValidationFailed) as refused:
            await client.redeem_reward({"user": user, "store": 32, "reward": reward})
    assert refused.value.outcome is Outcome.REFUSED
    assert refused.value.error_code == code
    assert refused.value.message


async def test_unknown_redemption_cancel_is_not_found(sandbox: SandboxControl) -> None:
    async with make_client(sandbox) as client:
        with pytest.raises(errors.NotFound):
            await client.cancel_redemption({"id": 999_999})


@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
async def test_a_wrong_token_is_confirmed_bad_by_ping(sandbox: SandboxControl, auth: str) -> None:
    async with make_client(sandbox, auth, token="not-the-token") as client:
        with pytest.raises(errors.CredentialsRejected) as caught:
            await client.redeem_reward({"user": AYU, "store": 32, "reward": 1}, "key-x")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert "not-the-token" not in repr(caught.value)
    assert sandbox.ledger() == []


@pytest.mark.parametrize(
    ("faults", "error", "outcome", "applied"),
    [
        (
            {"error_rate": 1.0, "error_statuses": [503]},
            errors.ServiceUnavailable,
            Outcome.AMBIGUOUS,  # the docs promise nothing about a 503 (the key may vouch)
            0,
        ),
        ({"error_rate": 1.0, "error_statuses": [502]}, errors.ServerError, Outcome.AMBIGUOUS, 0),
        ({"applied_then_500_rate": 1.0}, errors.ServerError, Outcome.AMBIGUOUS, 1),
        ({"applied_then_503_rate": 1.0}, errors.ServiceUnavailable, Outcome.AMBIGUOUS, 1),
        ({"errors_only_rate": 1.0}, errors.MalformedResponse, Outcome.AMBIGUOUS, 0),
        (
            {"errors_only_rate": 1.0, "errors_only_after_apply": True},
            errors.MalformedResponse,
            Outcome.AMBIGUOUS,
            1,
        ),
        ({"drop_rate": 1.0}, errors.ResponseLost, Outcome.AMBIGUOUS, 0),
        ({"drop_rate": 1.0, "drop_after_apply": True}, errors.ResponseLost, Outcome.AMBIGUOUS, 1),
        ({"timeout_rate": 1.0}, errors.ResponseLost, Outcome.AMBIGUOUS, 0),
    ],
)
async def test_each_fault_mode_is_the_error_it_proves(
    sandbox: SandboxControl,
    faults: dict[str, object],
    error: type[errors.StampsError],
    outcome: Outcome,
    applied: int,
) -> None:
    sandbox.faults(scope="redemptions", **faults)
    # Only a held request waits out the read timeout, so only it gets a short one: every other
    # fault answers, and a loaded machine's sandbox may take longer than that to.
    held = "timeout_rate" in faults
    async with make_client(sandbox, read_timeout=0.5 if held else 5.0) as client:
        with pytest.raises(error) as caught:
            await client.redeem_reward({"user": AYU, "store": 32, "reward": 1}, "key-1")
        assert caught.value.outcome is outcome
    async with make_client(sandbox) as client:
        assert (await client.member_details(AYU)).user.name  # lookups are not faulted
    assert len(sandbox.ledger()) == applied


async def test_a_resent_key_is_applied_once_and_answered_the_same(sandbox: SandboxControl) -> None:
    async with make_client(sandbox) as client:
        body = {"user": AYU, "store": 32, "reward": 1}
        first = await client.redeem_reward(body, "same-key")
        again = await client.redeem_reward(body, "same-key")
        assert first.redemption_id == again.redemption_id
        with pytest.raises(errors.ClientError) as other:
            await client.redeem_reward({**body, "reward": 2}, "same-key")
        assert other.value.status_code == 422
    assert len(sandbox.ledger()) == 1


async def test_a_jwt_the_server_expired_is_refreshed_once_and_the_call_goes_through(
    sandbox: SandboxControl,
) -> None:
    async with make_client(sandbox, "bearer") as client:
        assert (await client.member_details(AYU)).user.name == "Ayu Pratiwi"
        # The server's clock passes the JWT's 24 h while the till's still trusts it.
        sandbox.client.post("/_sandbox/clock", json={"advance": 25 * 3600}).raise_for_status()
        result = await client.redeem_reward({"user": AYU, "store": 32, "reward": 1}, "key-jwt")
    assert result.stamps_remaining == 230
    assert len(sandbox.ledger()) == 1


async def test_member_details_in_the_tables_spelling(sandbox: SandboxControl) -> None:
    sandbox.faults(member_details_plural=True)
    async with make_client(sandbox) as client:
        details = await client.member_details(AYU)
    assert details.user.email == AYU
    assert details.membership.stamps_balance == 250


async def test_a_cart_answer_names_its_redemption_and_reward(sandbox: SandboxControl) -> None:
    async with make_client(sandbox) as client:
        cart = await client.redeem_rewards(
            {"user": AYU, "store": 32, "rewards": [{"code": "KR-006", "qty": 1}]}, "cart-1"
        )
    assert cart.names_redemption
    assert cart.voucher is not None and cart.voucher.code is not None
    assert cart.response.redemption is not None
    reward = cart.response.redemption.reward
    assert not isinstance(reward, str) and reward is not None and reward.code == "KR-006"


# --- a server that never stops talking: over a real socket --------------------------------------


@pytest.fixture
async def raw_server() -> AsyncIterator[Callable[[str], Awaitable[str]]]:
    """Starts a bare HTTP/1.1 server on a free loopback port answering every request one way:
    ``trickle`` (a chunked body, a byte every 50 ms, for ever), ``endless`` (64 KB chunks for
    ever) or ``bomb`` (gzip of 5 MB of zeros). Returns the base URL."""
    servers: list[asyncio.Server] = []

    async def start(mode: str) -> str:
        async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (int(line.split(b":")[1]) for line in head.split(b"\r\n")
                 if line.lower().startswith(b"content-length:")),
                0,
            )  # fmt: skip
            await reader.readexactly(length)
            try:
                if mode == "bomb":
                    bomb = gzip.compress(b"\0" * 5_000_000)
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb
                    )
                    await writer.drain()
                    return
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n"
                )
                chunk = b" " * 65536 if mode == "endless" else b" "
                while True:
                    writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    await writer.drain()
                    if mode == "trickle":
                        await asyncio.sleep(0.05)  # the slow network this test is about
            except (ConnectionError, OSError):
                pass  # the client hung up: what it should do
            finally:
                writer.close()

        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


def raw_client(url: str, read_timeout: float = 0.2, connect_timeout: float = 2.0) -> StampsClient:
    return StampsClient(
        base_url=url,
        token=DEMO_TOKEN,
        merchant=14,
        store=32,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
    )


async def test_a_trickling_answer_ends_at_the_requests_deadline(
    raw_server: Callable[[str], Awaitable[str]],
) -> None:
    # A byte every 50 ms never trips a 1 s read timeout; the 3 s total deadline (connect + read)
    # ends it. Margins a loaded machine keeps: a 0.2 s connect to this loop's own server timed
    # out in CI, and a stall of the loop past the read timeout would end it for another reason.
    async with raw_client(
        await raw_server("trickle"), read_timeout=1.0, connect_timeout=2.0
    ) as client:
        with pytest.raises(errors.ResponseLost) as caught:
            await asyncio.wait_for(client.redeem_reward(REWARD_1, "key-t"), 30)
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert "3 s" in caught.value.message, caught.value.message


@pytest.mark.parametrize("mode", ["endless", "bomb"])
async def test_an_answer_past_a_megabyte_is_not_read(
    raw_server: Callable[[str], Awaitable[str]], mode: str
) -> None:
    # Deadlines far beyond the megabyte: on a loaded machine reading it can take longer than the
    # trickle test's 0.4 s, and the size, not the clock, is what must stop the read here.
    async with raw_client(await raw_server(mode), read_timeout=15) as client:
        with pytest.raises(errors.AnswerTooLarge) as caught:
            await asyncio.wait_for(client.redeem_reward(REWARD_1, "key-b"), 30)
    assert caught.value.outcome is Outcome.AMBIGUOUS
