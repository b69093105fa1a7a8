"""The live sandbox fixtures shared by the integration and UI tests: a sandbox on a free loopback
port for the session, its control endpoints, and a till's settings pointing at it.

Imported by tests/integration/conftest.py and tests/ui/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings, load_settings
from app.sandbox import DEMO_TOKEN, SandboxServer

from .network import AMPLE_TIMEOUTS

MERCHANT, STORE, STORE_CODE = 14, 32, "RDG-KMG"


class SandboxControl:
    """The sandbox's loopback control endpoints."""

    def __init__(self, server: SandboxServer, client: httpx.Client) -> None:
        self.server = server
        self.client = client

    def reset(self, **options: Any) -> None:
        """Demo data afresh; ``extra_rewards=N`` adds N generated rewards to this world."""
        self.client.post("/_sandbox/reset", json=options).raise_for_status()

    def faults(self, **settings: Any) -> None:
        self.client.post("/_sandbox/faults", json=settings).raise_for_status()

    def holding(self) -> int:
        """How many requests wait at the ``held`` gate now."""
        answer = self.client.get("/_sandbox/faults")
        answer.raise_for_status()
        return int(answer.json()["holding"])

    def idempotency(self, enabled: bool) -> None:
        self.client.post("/_sandbox/idempotency", json={"enabled": enabled}).raise_for_status()

    def ledger(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.client.get("/_sandbox/ledger").json()["entries"]
        return entries

    def stamps(self, user: str) -> int:
        answer = self.client.get(
            "/api/v2/memberships/details",
            params={"user": user, "merchant": MERCHANT},
            headers={"Authorization": f"Token {DEMO_TOKEN}"},
        )
        answer.raise_for_status()
        return int(answer.json()["membership"]["stamps"])

    def change_member(self, member_id: int, **facts: Any) -> None:
        """Change what the server holds of member ``member_id`` (``is_blocked=True``...).
        Between requests only: the state is the server thread's."""
        member = self.server.sandbox.state.world.members[member_id]
        for name, value in facts.items():
            getattr(member, name)  # a fact the sandbox's member has: a typo fails here
            setattr(member, name, value)

    def change_reward(self, reward_id: int, **facts: Any) -> None:
        """Change what the server holds of reward ``reward_id`` (``name=""``...), as
        :meth:`change_member` does a member's."""
        reward = self.server.sandbox.state.world.rewards[reward_id]
        for name, value in facts.items():
            getattr(reward, name)
            setattr(reward, name, value)

    def pin_checks(self, member_id: int) -> int:
        """The PIN checks the server has made for member ``member_id`` since the last right PIN
        (the wrong ones, each an attempt the member lost) and the request ids it authorised.
        Read between requests only: the state is the server thread's."""
        world = self.server.sandbox.state.world
        authorised = sum(1 for a in world.authorizations.values() if a.member == member_id)
        return world.members[member_id].pin_failures + authorised


@pytest.fixture(scope="session")
def live_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(port=0, token=DEMO_TOKEN) as server:
        yield server


@pytest.fixture(scope="session")
def _control_client(live_sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_sandbox.url, timeout=5) as client:
        yield client


@pytest.fixture
def sandbox(live_sandbox: SandboxServer, _control_client: httpx.Client) -> SandboxControl:
    """The session's sandbox, reset: demo data, no faults, idempotency honoured, empty ledger."""
    control = SandboxControl(live_sandbox, _control_client)
    control.reset()
    return control


@pytest.fixture
def till_settings(sandbox: SandboxControl, tmp_path: Path) -> Settings:
    """A till on store 32 of the demo merchant, with its own fresh database."""
    return load_settings(
        base_url=sandbox.server.url,
        merchant=MERCHANT,
        store=STORE,
        store_code=STORE_CODE,
        data_dir=tmp_path / "till",
        idempotency="honoured",
        terminal="till-1",
        **AMPLE_TIMEOUTS,
    )
