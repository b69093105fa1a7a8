"""The heartbeat (architecture §4): the shop's line drops while nobody redeems, and the till
finds out by itself, before the next customer's lookup waits for a server that is gone."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.config import Settings
from app.core import clock
from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.offline.connectivity import Connectivity
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network

pytestmark = pytest.mark.integration

#: A window's till: it checks at start, and once a heartbeat while quiet.
WINDOW = RuntimeOptions(check_at_start=True, heartbeat=30)


@pytest.fixture
def moved() -> Iterator[ManualClock]:
    """The till's clock, moved by hand (it starts at the real time, as the sandbox's does)."""
    with clock.installed(ManualClock(datetime.now(UTC))) as installed:
        assert isinstance(installed, ManualClock)
        yield installed


async def becomes(till: Till, state: Connectivity) -> None:
    """Wait (on the till's own news, no sleep) until its connectivity is ``state``, proven."""
    reached = asyncio.Event()

    def heard() -> None:
        if till.connectivity_proven and till.connectivity is state:
            reached.set()

    stop = till.subscribe(heard)
    try:
        heard()
        await asyncio.wait_for(reached.wait(), 20)
    finally:
        stop()


async def test_an_idle_till_whose_line_drops_turns_offline_within_one_heartbeat(
    network_settings: Settings, network: Network, moved: ManualClock
) -> None:
    config = network_settings.till_config()
    async with open_till(config, Secret(DEMO_TOKEN), WINDOW) as till:
        await becomes(till, Connectivity.ONLINE)  # the check at start
        network.down()  # nobody redeems; the line goes
        moved.advance(29)
        for _ in range(20):
            await asyncio.sleep(0)
        assert till.connectivity is Connectivity.ONLINE  # not before a heartbeat of quiet
        moved.advance(1)
        await becomes(till, Connectivity.OFFLINE)  # no lookup asked: the heartbeat did
        network.up()
        moved.advance(5)  # the probe, as after any outage
        await becomes(till, Connectivity.ONLINE)
        moved.advance(30)  # quiet again: the heartbeat's ping is on its way as the till closes
    # Closed: nothing of the heartbeat is left running (no "Task was destroyed"), and the clock
    # moving on sends nothing through a client that is gone.
    left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    assert left == []
    moved.advance(3600)
    assert moved.sleepers == 0


async def test_a_one_shot_commands_till_sends_no_heartbeat(
    network_settings: Settings, network: Network, moved: ManualClock
) -> None:
    # The command line's till (RuntimeOptions' defaults) proves what its own requests prove.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        till.monitor.report(None, sent_at=clock.monotonic())
        network.down()
        for _ in range(5):
            moved.advance(60)
            for _ in range(20):
                await asyncio.sleep(0)
        assert till.connectivity is Connectivity.ONLINE
