"""A sandbox whose network can be cut and restored: the server stops (connections are refused)
and comes back on the same address with the same state. Shared by the integration and UI tests.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings, load_settings
from app.core.outbox.policy import OutboxPolicy
from app.core.services.config import TillConfig
from app.sandbox import DEMO_TOKEN, SandboxServer

#: The timeouts of a till under test: a cut network refuses the connection at once, so no test
#: waits them out, and an answer they cut short would be a loaded machine's slowness, not the
#: server's (the first lookup of a busy run took more than the 3 s a lookup waits by default). A
#: test about a timeout sets its own.
AMPLE_TIMEOUTS: dict[str, float] = {
    "connect_timeout": 5.0,
    "read_timeout": 30.0,
    "lookup_timeout": 30.0,
}


class Network:
    """A sandbox that can be taken down and brought back on the same address and state."""

    def __init__(self, state: Path) -> None:
        self.state = state
        self.server: SandboxServer | None = SandboxServer(port=0, state_path=state).start()
        self.port = self.server.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def down(self) -> None:
        assert self.server is not None
        self.server.stop()
        self.server = None

    def up(self, token: str = DEMO_TOKEN, faults: dict[str, object] | None = None) -> None:
        """Bring the server back; ``token``: the API token it now accepts (a server whose
        token was changed meanwhile); ``faults``: what it comes back with, in force from its
        first request (set after, a till's first attempt could beat them)."""
        self.server = SandboxServer(
            port=self.port, token=token, state_path=self.state, faults=faults
        ).start()

    def spent_elsewhere(self, member_id: int, stamps_left: int | None) -> None:
        """While the network is down, the member spends at another store: the server now holds
        ``stamps_left`` of theirs (``None``: a server that gives no balance, ``"stamps": null``,
        which the docs do not rule out)."""
        assert self.server is None, "the server keeps its own copy while it runs"
        with sqlite3.connect(self.state) as db:
            (text,) = db.execute("SELECT world FROM snapshot WHERE id = 1").fetchone()
            world = json.loads(text)
            world["members"][str(member_id)]["stamps"] = stamps_left
            db.execute("UPDATE snapshot SET world = ? WHERE id = 1", (json.dumps(world),))
        db.close()

    def faults(self, **settings: object) -> None:
        """Set the sandbox's faults (they last until the server is taken down)."""
        httpx.post(f"{self.url}/_sandbox/faults", json=settings).raise_for_status()

    def ledger(self) -> list[dict[str, object]]:
        entries: list[dict[str, object]] = httpx.get(f"{self.url}/_sandbox/ledger").json()[
            "entries"
        ]
        return entries


#: The reconnect spread of a till on a cuttable network (the till's is 10 s). Full jitter: an entry
#: the network's return wakes is sent at a moment drawn in [0, spread), so a test that passes
#: whatever the draw in [0, 10) passes in [0, 0.5); it no longer waits five seconds on average.
#: The spread itself is tested on the outbox (tests/unit/core/outbox, tests/reliability).
TEST_RECONNECT_SPREAD = 0.5


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Network]:
    """A sandbox of the test's own, with a network to cut; the till's reconnect spread
    :data:`TEST_RECONNECT_SPREAD`."""
    made = TillConfig.outbox_policy

    def spread_short(config: TillConfig) -> OutboxPolicy:
        return dataclasses.replace(made(config), reconnect_spread=TEST_RECONNECT_SPREAD)

    monkeypatch.setattr(TillConfig, "outbox_policy", spread_short)
    net = Network(tmp_path / "sandbox.sqlite3")
    yield net
    if net.server is not None:
        net.server.stop()


def settings_on(url: str, tmp_path: Path, **settings: Any) -> Settings:
    """A till of the demo's shop (merchant 14, store 32) on the server at ``url``, with its own
    database under ``tmp_path`` and ample timeouts (:data:`AMPLE_TIMEOUTS`); ``settings``, the
    test's own besides."""
    return load_settings(
        tmp_path / "none.toml",
        base_url=url,
        merchant=14,
        store=32,
        data_dir=tmp_path / "till",
        **AMPLE_TIMEOUTS,
        **settings,
    )


@pytest.fixture
def network_settings(network: Network, tmp_path: Path) -> Settings:
    """A till on the cuttable sandbox, with its own database and ample timeouts
    (:data:`AMPLE_TIMEOUTS`)."""
    return settings_on(
        network.url, tmp_path, store_code="RDG-KMG", idempotency="honoured", terminal="till-1"
    )
