"""What the till's use-case tests against a live sandbox share."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.services.runtime import open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN


@pytest.fixture
async def till(till_settings: Settings) -> AsyncIterator[Till]:
    """A running till on the test's sandbox, as a counter opens it."""
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as running:
        yield running
