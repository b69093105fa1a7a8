"""Once the server refuses the till's token, the queue pauses (architecture §3); it lifts when a
ping with the token the till finds now succeeds: at start, after ``token set``, on "Check again".
The token is kept in memory only."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import Channel, Outcome
from app.core.offline.connectivity import Connectivity
from app.core.services import Member, Order
from app.core.services.receipts import Verdict
from app.core.services.refusals import CredentialsRefused, PinRejected
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN

from ...conftest import SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
BUDI = "budi.santoso@contoh.co.id"
WRONG = "not-the-token"


class KeptToken:
    """Where the till finds its API token (the keyring, a file…): a test sets ``token`` as a
    manager's `stamps-pos token set` from another process would."""

    def __init__(self, token: str = WRONG) -> None:
        self.token = Secret(token)

    def options(self, *, worker: bool = True) -> RuntimeOptions:
        return RuntimeOptions(start_worker=worker, token_source=lambda: self.token)


async def _ayus_reward(settings: Settings) -> tuple[Member, Order]:
    """Ayu and a reward order, read by a colleague till with the right token (as before the
    token was changed)."""
    async with open_till(
        settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
    ) as colleague:
        ayu = await colleague.lookup.find_member(AYU)
        return ayu, await colleague.catalogue.reward_order(ayu, 1)


async def test_a_refused_token_pauses_the_queue_and_the_new_one_drains_it(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    kept = KeptToken()
    options = kept.options()
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        ayu, order = await _ayus_reward(till_settings)
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
        done = await till.answer(queued)
        assert (await till.status()).paused
        assert done.verdict is Verdict.NOT_CONFIRMED
        assert done.details is not None and "API token" in str(done.details)

        still = await till.line.resume_after_credentials_change()
        # in the server's own words
        assert still is not None and still.id == "queue.still_refused.said"
        assert still.params == {"said": "Invalid token"}
        assert (await till.status()).paused

        kept.token = Secret(DEMO_TOKEN)  # a manager ran `stamps-pos token set`
        resumed = await till.line.resume_after_credentials_change()
        assert resumed is not None and resumed.id == "queue.resumed"
        assert not (await till.status()).paused
        await till.sync(10)
        assert (await till.receipt(queued.entry_id)).verdict is Verdict.CONFIRMED
        assert [e["idempotency_key"] for e in sandbox.ledger()] == [queued.entry_id]
        assert await till.line.resume_after_credentials_change() is None  # nothing paused now

    # The token, and no hash of it, is anywhere in the database.
    with sqlite3.connect(till_settings.database_path) as db:
        dump = "\n".join(db.iterdump())
    assert DEMO_TOKEN not in dump and WRONG not in dump


async def test_a_redemption_made_while_the_queue_is_paused_says_it_waits_for_the_token(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Never sent: nothing goes until a manager sets the new token, so neither "sending" nor
    # "waiting for the member's earlier redemption" (which waits for the same token) is the truth.
    kept = KeptToken()
    options = kept.options()
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        ayu, order = await _ayus_reward(till_settings)
        await till.answer(await till.redeemer.redeem(order, ayu, Sale("Dewi")))
        assert (await till.status()).paused

        # No answer can come while paused: the cashier is told at once, not after the wait
        # for one (made an hour here, so only "at once" passes the guard below).
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
        later = await asyncio.wait_for(till.wait(queued.entry_id, 3600, seen=0), 60)

        assert later.verdict is Verdict.NOT_CONFIRMED
        assert later.attempts == 0
        assert "Waiting to send" in str(later.headline)
        assert "new API token" in str(later.what_to_do)
        assert later.details is not None and "API token" in str(later.details)


async def test_a_till_started_with_the_new_token_lifts_the_pause_at_start(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    config = till_settings.till_config()
    async with open_till(config, Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)) as good:
        ayu = await good.lookup.find_member(AYU)
        order = await good.catalogue.reward_order(ayu, 1)
    async with open_till(config, Secret(WRONG)) as bad:
        queued = await bad.redeemer.redeem(order, ayu, Sale("Dewi"))
        await bad.wait(queued.entry_id)
        assert (await bad.status()).paused
    async with open_till(config, Secret(DEMO_TOKEN)) as restarted:
        assert not (await restarted.status()).paused
        await restarted.sync(10)
        assert (await restarted.receipt(queued.entry_id)).verdict is Verdict.CONFIRMED


@pytest.mark.usefixtures("no_retry_meanwhile")
@pytest.mark.parametrize("channel", [None, Channel.KIOSK])
async def test_a_token_set_by_another_process_is_taken_up_by_a_send_the_server_refuses(
    channel: Channel | None, till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The window holds the old token in memory; a manager sets the new one from a shell
    # (`stamps-pos token set`, another process). The first send meets the server's 401: it
    # looks where the token is kept and goes again under the new one, at once (no backoff:
    # the next try would otherwise come ten minutes later), instead of pausing the queue.
    kept = KeptToken()
    options = kept.options()
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        ayu, order = await _ayus_reward(till_settings)
        kept.token = Secret(DEMO_TOKEN)  # `stamps-pos token set`, from another process

        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi", channel=channel))
        done = await till.answer(queued)

        assert done.verdict is Verdict.CONFIRMED  # a kiosk's was not voided as unsent either
        assert not (await till.status()).paused
        assert "paused" not in [line.action for line in await till.audit.lines()]
        # The refused request is on record as what it was: it never arrived, under the old
        # token; the one under the new token applied it. The server applied it once.
        first, second = await till.attempts(queued.entry_id)
        assert (first.outcome, first.status_code) == (Outcome.NEVER_ARRIVED, 401)
        assert first.error is not None and first.error.startswith("CredentialsReplaced")
        assert second.outcome == Outcome.APPLIED
        assert [e["idempotency_key"] for e in sandbox.ledger()] == [queued.entry_id]


# A manager ran `stamps-pos token set` from a shell (another process) while the window held the
# old token in memory. The cashier's next lookup or PIN check meets the server's 401: it looks
# where the token is kept and asks once more under the new one, instead of telling the cashier
# the server refuses the till's token (which the manager has just fixed).


@pytest.mark.parametrize("auth", ["token", "bearer"])
async def test_a_lookup_takes_up_a_token_set_by_another_process(
    auth: str, till_settings: Settings, sandbox: SandboxControl
) -> None:
    kept = KeptToken()
    options = kept.options(worker=False)
    config = dataclasses.replace(till_settings.till_config(), auth=auth)
    async with open_till(config, Secret(WRONG), options) as till:
        kept.token = Secret(DEMO_TOKEN)  # `stamps-pos token set`, from another process

        ayu = await till.lookup.find_member(AYU)

        assert ayu.live and ayu.name == "Ayu Pratiwi"
        assert till.connectivity is Connectivity.ONLINE
        assert not (await till.status()).paused


async def test_the_type_ahead_takes_up_a_token_set_by_another_process(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    kept = KeptToken()
    options = kept.options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        kept.token = Secret(DEMO_TOKEN)

        # a fresh till remembers no one: these names come from the server
        names = [member.name for member in (await till.lookup.suggestions("Ayu")).members]

        assert "Ayu Pratiwi" in names


async def test_a_pin_check_takes_up_a_token_set_by_another_process_and_spends_one_attempt(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    async with open_till(
        till_settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
    ) as colleague:
        budi = await colleague.lookup.find_member(BUDI)
    kept = KeptToken()
    options = kept.options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        kept.token = Secret(DEMO_TOKEN)

        with pytest.raises(PinRejected) as wrong:
            await till.redeemer.authorize_pin(budi, Secret("000000"))
        # The server checked the PIN once, under the new token: the 401 before it checked
        # nothing. Three attempts, one spent.
        assert wrong.value.attempts_left == 2

        request_id = await till.redeemer.authorize_pin(budi, Secret("123456"))
        assert request_id


async def test_a_lookup_refused_under_the_token_kept_too_says_the_server_refuses_it(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    options = KeptToken().options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        with pytest.raises(CredentialsRefused) as refused:
            await till.lookup.find_member(AYU)
        # in the server's own words
        assert refused.value.message.id == "member.credentials.said"
        assert refused.value.message.params == {"said": "Invalid token"}
        # The same proof a send's refusal is (the ping confirmed it): the queue pauses, so the
        # banner and "Check again" are there for a manager, and nothing waiting goes under it.
        status = await till.status()
        assert status.paused
        assert "Invalid token" in str(till.line.why_paused(status))


async def test_a_pin_check_refused_under_the_token_kept_too_pauses_the_queue(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    async with open_till(
        till_settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
    ) as colleague:
        budi = await colleague.lookup.find_member(BUDI)
    options = KeptToken().options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        with pytest.raises(CredentialsRefused):
            await till.redeemer.authorize_pin(budi, Secret("123456"))
        assert (await till.status()).paused


@pytest.mark.parametrize("asked", ["lookup", "type-ahead", "pin check"])
async def test_whichever_request_meets_the_refused_token_first_the_till_reads_degraded(
    till_settings: Settings, sandbox: SandboxControl, asked: str
) -> None:
    # The bar read "Online" in one run and "Degraded" in another: a send or the probe that met
    # the refusal made the till degraded, a lookup or a PIN check that met it first left the
    # start's "online" standing. The server answers and refuses the token: degraded
    # (architecture §4), whoever asked.
    async with open_till(
        till_settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
    ) as colleague:
        budi = await colleague.lookup.find_member(BUDI)
    options = KeptToken().options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        assert till.connectivity is Connectivity.ONLINE  # the start's belief, nothing asked yet
        ask = {
            "lookup": lambda: till.lookup.find_member(AYU),
            "type-ahead": lambda: till.lookup.suggestions("Ayu"),
            "pin check": lambda: till.redeemer.authorize_pin(budi, Secret("123456")),
        }[asked]
        with pytest.raises(CredentialsRefused):
            await ask()
        assert (till.connectivity, till.connectivity_proven) == (Connectivity.DEGRADED, True)


async def test_a_lookup_under_the_new_token_lifts_the_pause_a_lookup_made(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The cashier was told to call a manager; the manager ran `stamps-pos token set` from a
    # shell. The next customer's lookup takes the new token up and the server takes it: that
    # proves what a ping would, so the banner does not stay up until the next check.
    kept = KeptToken()
    options = kept.options(worker=False)
    async with open_till(till_settings.till_config(), Secret(WRONG), options) as till:
        with pytest.raises(CredentialsRefused):
            await till.lookup.find_member(AYU)
        assert (await till.status()).paused

        kept.token = Secret(DEMO_TOKEN)
        ayu = await till.lookup.find_member(AYU)

        assert ayu.live
        assert not (await till.status()).paused


# A token no request can carry (a space, an accent, a line break) never leaves the till: the
# server is neither unreachable nor silent, and the network is not what the cashier should check.
UNSENDABLE = "sandbox demo token"


@pytest.mark.parametrize("remembered", [False, True])
async def test_a_lookup_with_a_token_that_cannot_be_sent_says_so(
    remembered: bool, till_settings: Settings, sandbox: SandboxControl
) -> None:
    if remembered:
        await _ayus_reward(till_settings)  # the till's copy knows her
    options = KeptToken(UNSENDABLE).options(worker=False)
    async with open_till(till_settings.till_config(), Secret(UNSENDABLE), options) as till:
        with pytest.raises(CredentialsRefused) as refused:
            await till.lookup.find_member(AYU)
        assert refused.value.message.id == "member.token_unusable"
        assert "cannot be reached" not in str(refused.value)
        # nothing left the till: it proves nothing of the network, so no outage begins
        assert till.connectivity is not Connectivity.OFFLINE
        # and nothing waiting can go under it either: the queue pauses, its banner says why
        status = await till.status()
        assert status.paused
        assert till.line.why_paused(status).id == "queue.paused.token_unusable"


async def test_a_pin_check_with_a_token_that_cannot_be_sent_says_so(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    async with open_till(
        till_settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
    ) as colleague:
        budi = await colleague.lookup.find_member(BUDI)
    options = KeptToken(UNSENDABLE).options(worker=False)
    async with open_till(till_settings.till_config(), Secret(UNSENDABLE), options) as till:
        with pytest.raises(CredentialsRefused) as refused:
            await till.redeemer.authorize_pin(budi, Secret("123456"))
        assert refused.value.message.id == "server.token_unusable"
        assert "did not answer" not in str(refused.value)
        assert till.connectivity is not Connectivity.OFFLINE


@pytest.mark.parametrize(
    ("token", "said"),
    [(WRONG, "member.credentials.said"), (UNSENDABLE, "member.token_unusable")],
    ids=["refused", "cannot-be-sent"],
)
async def test_the_type_ahead_refused_under_the_token_kept_too_says_so_and_pauses_the_queue(
    token: str, said: str, till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The cashier types "Ay" and gets the till's copy of the members as if the server were
    # merely away: it is there and refuses the till. The type-ahead is told what the lookup is
    # (no serving from memory: it is no outage), and the queue pauses as for the lookup, so the
    # banner and "Check again" are up while the cashier is still typing.
    await _ayus_reward(till_settings)  # the till's copy knows her
    options = KeptToken(token).options(worker=False)
    async with open_till(till_settings.till_config(), Secret(token), options) as till:
        assert not (await till.status()).paused  # nothing met the refusal before the typing
        with pytest.raises(CredentialsRefused) as refused:
            await till.lookup.suggestions("Ayu")
        assert refused.value.message.id == said
        assert till.connectivity is not Connectivity.OFFLINE
        assert (await till.status()).paused
