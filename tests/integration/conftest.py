"""A live sandbox for the till's own integration tests, and a till's settings pointing at it
(the fixtures live in tests/support/sandbox.py, shared with the UI tests)."""

from __future__ import annotations

from ..support.network import network, network_settings
from ..support.retries import no_retry_meanwhile
from ..support.sandbox import (
    MERCHANT,
    STORE,
    STORE_CODE,
    SandboxControl,
    _control_client,
    live_sandbox,
    sandbox,
    till_settings,
)

__all__ = [
    "MERCHANT",
    "STORE",
    "STORE_CODE",
    "SandboxControl",
    "_control_client",
    "live_sandbox",
    "network",
    "network_settings",
    "no_retry_meanwhile",
    "sandbox",
    "till_settings",
]
