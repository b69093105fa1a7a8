"""Fixtures for the Stamps client tests: a client factory on a mock transport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from app.core.stamps import StampsClient

from .helpers import BASE_URL, TOKEN, FakeStamps

ClientFactory = Callable[..., StampsClient]


@pytest.fixture
def server() -> FakeStamps:
    """A fresh fake server."""
    return FakeStamps()


@pytest.fixture
async def make_client(server: FakeStamps) -> AsyncIterator[ClientFactory]:
    """Builds clients talking to ``server`` (or to ``handler=``); closes their HTTP clients."""
    opened: list[httpx.AsyncClient] = []

    def factory(**options: Any) -> StampsClient:
        handler = options.pop("handler", server)
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        opened.append(http)
        settings: dict[str, Any] = {
            "base_url": BASE_URL,
            "token": TOKEN,
            "merchant": 14,
            "store": 32,
        }
        settings.update(options)
        return StampsClient(http=http, **settings)

    yield factory
    for http in opened:
        await http.aclose()
