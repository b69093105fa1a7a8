"""The till goes offline and comes back to a server that now refuses its API token: the probe's
401 is an answer. The till is not offline any more, it pauses the queue as a send that meets the
refusal does (architecture §3), sends nothing under the refused token, and the entries it
accepted offline go once a token the server takes is set."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.offline.connectivity import Connectivity
from app.core.services.receipts import Verdict
from app.core.services.refusals import CredentialsRefused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale, Till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
NEW_TOKEN = "the-shops-new-token"


async def until(till: Till, check: Callable[[], Awaitable[bool]]) -> None:
    """Wait, on the till's own change notices, until ``check()`` holds (20 s at most)."""
    changed = asyncio.Event()
    stop = till.subscribe(changed.set)
    try:
        async with asyncio.timeout(20):
            while not await check():
                await changed.wait()
                changed.clear()
    finally:
        stop()


@pytest.mark.usefixtures("no_retry_meanwhile")
@pytest.mark.parametrize("auth", ["token", "bearer"])
async def test_a_server_back_with_another_token_is_there_and_refuses_the_till(
    auth: str, network_settings: Settings, network: Network
) -> None:
    kept = {"token": Secret(DEMO_TOKEN)}  # where the till finds its token (the keyring, a file…)
    options = RuntimeOptions(probe_interval=0.1, token_source=lambda: kept["token"])
    # bearer: the JWT the till holds dies with the old token, and a fresh one is refused
    config = dataclasses.replace(network_settings.till_config(), auth=auth)
    async with open_till(config, Secret(DEMO_TOKEN), options) as till:
        await till.lookup.offer(
            await till.lookup.find_member(AYU)
        )  # the member and the rewards remembered
        network.down()
        ayu = await till.lookup.find_member(AYU)
        assert till.connectivity is Connectivity.OFFLINE
        order = await till.catalogue.reward_order(ayu, 1)
        queued = await till.redeemer.redeem(order, ayu, Sale("dewi"))
        assert queued.verdict is Verdict.ACCEPTED_OFFLINE
        # its first attempt never arrived
        await till.wait(queued.entry_id, 30, seen=queued.attempts)
        assert len(await till.attempts(queued.entry_id)) == 1

        network.up(token=NEW_TOKEN)  # the server comes back, and its token was changed

        async def refused() -> bool:
            return (await till.status()).paused

        await until(till, refused)
        # The server answered: the till is not offline, it is refused (the paused banner).
        assert till.connectivity is not Connectivity.OFFLINE
        with pytest.raises(CredentialsRefused):
            await till.lookup.find_member(
                AYU
            )  # not served from memory: the server refuses the till
        # Nothing was sent under the refused token, and nothing is lost.
        assert len(await till.attempts(queued.entry_id)) == 1
        assert (await till.status()).queued == 1
        assert network.ledger() == []
        # Still accepted offline, but the network is back: it waits for a manager's token.
        held = await till.receipt(queued.entry_id)
        assert held.verdict is Verdict.ACCEPTED_OFFLINE
        assert "network is back" not in str(held.what_to_do)
        assert "new API token" in str(held.what_to_do)

        kept["token"] = Secret(NEW_TOKEN)  # a manager sets the new token
        resumed = await till.line.resume_after_credentials_change()
        assert resumed is not None and resumed.id == "queue.resumed"

        async def confirmed() -> bool:
            return (await till.receipt(queued.entry_id)).verdict is Verdict.CONFIRMED

        await until(till, confirmed)
        assert till.connectivity is Connectivity.ONLINE
        assert [e["idempotency_key"] for e in network.ledger()] == [queued.entry_id]
