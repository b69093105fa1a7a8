"""One live sandbox for the whole session on a free loopback port, reset before every test.

Tests speak raw HTTP with httpx: the project's own client is deliberately not used, so the
sandbox is checked against the docs and not against the client's reading of them.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from app.sandbox import DEMO_TOKEN, SandboxServer

from .helpers import Control


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(port=0, token=DEMO_TOKEN) as server:
        yield server


@pytest.fixture(scope="session")
def session_control(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.url, timeout=5) as client:
        yield client


@pytest.fixture(scope="session")
def session_api(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Token {sandbox.token}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=5) as client:
        yield client


@pytest.fixture
def control(session_control: httpx.Client) -> Control:
    """The control endpoints, after a reset: demo data, no faults, empty ledger, real time."""
    ctl = Control(session_control)
    ctl.reset()
    return ctl


@pytest.fixture
def api(session_api: httpx.Client, control: Control) -> httpx.Client:
    """A client with the static token header, against a freshly reset sandbox. (One client for
    the session: building an httpx client costs more than most of these tests.)"""
    return session_api


@pytest.fixture
def anon(session_control: httpx.Client, control: Control) -> httpx.Client:
    """A client with no credentials, against a freshly reset sandbox."""
    return session_control
