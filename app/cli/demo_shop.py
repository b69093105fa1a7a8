"""The demo's shop: the embedded sandbox behind a network the Demo menu can cut, and the faults
it can turn on (``make demo`` only).

Cutting the network stops the server, so the till's connections are refused, as when a shop's
line goes down; restoring it starts a server on the same address with the same state (kept in the
demo's folder). Faults and resets go through the sandbox's loopback control endpoints, so nothing
here touches the server's objects from another thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Literal

import httpx

from app.sandbox import DEMO_TOKEN, SandboxServer

Fault = Literal[
    "none", "server_errors", "timeouts", "applied_then_500", "turned_away", "redirected"
]

#: What each of the menu's faults sets on the sandbox (on redemptions only, so members can still
#: be looked up while the redemptions fail).
FAULTS: dict[Fault, dict[str, Any]] = {
    "none": {"error_rate": 0.0, "timeout_rate": 0.0, "applied_then_500_rate": 0.0},
    "server_errors": {"error_rate": 1.0, "error_statuses": [500, 502, 504]},
    "timeouts": {"timeout_rate": 1.0},
    "applied_then_500": {"applied_then_500_rate": 1.0},
    # the server is there and asks for the request again (it timed out reading it; too many)
    "turned_away": {"error_rate": 1.0, "error_statuses": [408, 429]},
    # a network's sign-in page (or a moved server) answers with a redirect
    "redirected": {"error_rate": 1.0, "error_statuses": [302]},
}


class DemoShop:
    """The sandbox of ``stamps-pos demo``, with the controls of its Demo menu."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        self._state = folder / "sandbox.sqlite3"
        self._lock = threading.Lock()
        self._fault: Fault = "none"
        self._server: SandboxServer | None = self._serve(port)
        self.port = self._server.port

    @property
    def url(self) -> str:
        """Where the till reaches the shop's server."""
        return f"http://127.0.0.1:{self.port}"

    def _serve(self, port: int) -> SandboxServer:
        return SandboxServer(
            port=port, token=DEMO_TOKEN, idempotency=True, state_path=self._state
        ).start()

    def cut_network(self) -> None:
        """Connections are refused until :meth:`restore_network`."""
        with self._lock:
            if self._server is not None:
                self._server.stop()
                self._server = None

    def restore_network(self) -> None:
        """The server answers again, with the state it had and the fault that was on."""
        with self._lock:
            if self._server is None:
                self._server = self._serve(self.port)
                self._control("/_sandbox/faults", self._settings(self._fault))

    def set_fault(self, fault: Fault) -> None:
        """Every redemption fails that way from now on (kept across a cut network)."""
        with self._lock:
            self._fault = fault
            if self._server is not None:
                self._control("/_sandbox/faults", self._settings(fault))

    def reset_shop(self) -> None:
        """The demo data afresh, no faults, the network up."""
        self.restore_network()
        with self._lock:
            self._fault = "none"
            # its till keeps its records: the server must not hand out their ids again
            self._control("/_sandbox/reset", {"ids_carry_on": True})

    def stop(self) -> None:
        """Stop the server for good (the demo is ending)."""
        self.cut_network()

    @staticmethod
    def _settings(fault: Fault) -> dict[str, Any]:
        return {**FAULTS["none"], **FAULTS[fault], "scope": "redemptions"}

    def _control(self, path: str, body: dict[str, Any]) -> None:
        httpx.post(self.url + path, json=body, timeout=5.0).raise_for_status()
