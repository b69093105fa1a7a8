"""The catalogue against a live sandbox: every page of a big one reaches the till's cache."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.services.catalogue import Catalogue
from app.core.services.runtime import open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN

from ...conftest import STORE, SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


@pytest.fixture
async def till(till_settings: Settings) -> AsyncIterator[Till]:
    async with open_till(till_settings, Secret(DEMO_TOKEN)) as running:
        yield running


async def test_every_page_of_250_rewards_reaches_the_cache(
    till: Till, sandbox: SandboxControl
) -> None:
    sandbox.reset(extra_rewards=239)
    member = await till.find_member(AYU)
    rewards = await Catalogue(till.client, till.cache).rewards(member)
    assert len(rewards) == len({r.id for r in rewards}) == 250
    cached = await till.cache.rewards(STORE)
    assert len(cached) == 250
    # the last of them can be ordered, priced from the catalogue
    last = max(r.id for r in rewards)
    order = await Catalogue(till.client, till.cache).reward_order(member, last)
    assert order.reward_id == last
