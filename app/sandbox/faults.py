"""Fault injection: the network and server failures a till must survive, on demand.

Each API request in scope draws once from a seeded generator and may get, by its own
probability: an error with an HTML body (500/502/503/504 unless ``error_statuses`` says otherwise,
not applied); a held request that is never
answered until the client gives up (a timeout); a connection closed without any HTTP answer (a
drop); or the effect applied and then a 500. Timeouts and drops happen before the effect by
default; ``timeout_after_apply`` / ``drop_after_apply`` move them after it, which is the case that
makes retries dangerous. ``latency_ms`` delays every request in scope. Control endpoints
(``/_sandbox/…``) are never faulted.

The same seed and the same sequence of requests give the same faults.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import random
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The POSTs that apply an effect: "redemptions" scope faults only these, so lookups, ping, token
# exchange and PIN authorisation keep working while the outbox is being tortured.
EFFECT_PATHS = frozenset(
    {
        "/api/v2/redemptions/redeem-reward",
        "/api/v2/redemptions/redeem-voucher",
        "/api/vouchers/deduct-value",
        "/api/redemptions/by-voucher-code",
        "/api/v3/redemptions/redeem-promo-code",
        "/api/v2/redemptions/redeem-multiple-rewards",
        "/api/redemptions/cancel",
    }
)
SCOPES = ("all", "redemptions")

_REASONS = {
    408: "Request Timeout",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass
class FaultConfig:
    """Probabilities are per request, in [0, 1]; together they must not exceed 1."""

    error_rate: float = 0.0
    latency_ms: int = 0
    timeout_rate: float = 0.0
    drop_rate: float = 0.0
    applied_then_500_rate: float = 0.0
    scope: str = "all"
    # what an injected error answers, one picked at random each time
    error_statuses: tuple[int, ...] = (500, 502, 503, 504)
    timeout_after_apply: bool = False
    drop_after_apply: bool = False
    seed: int | None = None

    def validate(self) -> None:
        rates = (self.error_rate, self.timeout_rate, self.drop_rate, self.applied_then_500_rate)
        if any(r < 0 or r > 1 for r in rates) or sum(rates) > 1 + 1e-9:
            raise ValueError("fault rates must each be in [0, 1] and add up to at most 1")
        if self.latency_ms < 0:
            raise ValueError("latency_ms must be >= 0")
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}")
        if not self.error_statuses or any(not 400 <= s <= 599 for s in self.error_statuses):
            raise ValueError("error_statuses must be HTTP error statuses (400-599)")


class FaultInjector:
    """Decides, request by request, which fault (if any) to inject."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self.defaults = dataclasses.replace(config or FaultConfig())
        self.defaults.validate()
        self.config = dataclasses.replace(self.defaults)
        self.rng = random.Random(self.config.seed)
        # the latest faults, for tests and the curious; bounded so a long demo cannot grow it
        self.injected: deque[dict[str, Any]] = deque(maxlen=1000)

    def reset(self) -> None:
        """Back to the constructor's settings, the generator re-seeded."""
        self.configure(**dataclasses.asdict(self.defaults))
        self.injected.clear()

    def configure(self, **changes: Any) -> None:
        """Change some settings; giving ``seed`` (even the same one) restarts the sequence."""
        fields = {f.name for f in dataclasses.fields(FaultConfig)}
        unknown = set(changes) - fields
        if unknown:
            raise ValueError(f"unknown fault settings: {sorted(unknown)}")
        if "error_statuses" in changes:  # JSON gives a list
            changes["error_statuses"] = tuple(int(s) for s in changes["error_statuses"])
        candidate = dataclasses.replace(self.config, **changes)
        candidate.validate()
        self.config = candidate
        if "seed" in changes:
            self.rng = random.Random(candidate.seed)

    def in_scope(self, method: str, path: str) -> bool:
        if not path.startswith("/api/"):
            return False
        if self.config.scope == "redemptions":
            return method == "POST" and path.rstrip("/") in EFFECT_PATHS
        return True

    def draw(self, method: str, path: str) -> tuple[str, int] | None:
        """One draw per request in scope: ``(kind, status)`` or None for a clean answer."""
        c = self.config
        bands = (
            ("error", c.error_rate),
            ("timeout", c.timeout_rate),
            ("drop", c.drop_rate),
            ("applied_then_500", c.applied_then_500_rate),
        )
        if not any(rate for _, rate in bands):
            return None
        u = self.rng.random()
        for kind, rate in bands:
            if u < rate:
                status = self.rng.choice(c.error_statuses) if kind == "error" else 500
                self.injected.append({"method": method, "path": path, "kind": kind})
                return kind, status
            u -= rate
        return None


def html_page(status: int) -> bytes:
    reason = _REASONS.get(status, "Error")
    return (
        f"<!DOCTYPE html><html><head><title>{status} {reason}</title></head>"
        f"<body><h1>{reason}</h1><p>Server error - {status}</p></body></html>"
    ).encode()


class FaultMiddleware:
    """The outermost ASGI layer: it sees each request before routing and can answer, hold or
    drop it in place of the app."""

    def __init__(self, app: ASGIApp, injector: FaultInjector, released: asyncio.Event) -> None:
        self.app = app
        self.injector = injector
        self.released = released

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.injector.in_scope(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        decision = self.injector.draw(scope["method"], scope["path"])
        if self.injector.config.latency_ms:
            await asyncio.sleep(self.injector.config.latency_ms / 1000)
        if decision is None:
            await self.app(scope, receive, send)
            return
        kind, status = decision
        c = self.injector.config
        after = kind == "applied_then_500" or (
            (kind == "timeout" and c.timeout_after_apply) or (kind == "drop" and c.drop_after_apply)
        )
        if kind == "error":
            await self._html(send, status)
            return
        if after:
            await self.app(scope, receive, _discard)
        if kind == "applied_then_500":
            await self._html(send, 500)
            return
        if kind == "timeout":
            await self._hold(receive)
        elif not after:
            # Read the request first: closing with unread bytes would send a reset instead of a
            # clean close, and the client's error would depend on timing.
            await _read_body(receive)
        await self._drop(receive, send)

    @staticmethod
    async def _html(send: Send, status: int) -> None:
        body = html_page(status)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _hold(self, receive: Receive) -> None:
        """Answer nothing until the client hangs up or the server shuts down."""

        async def client_gone() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        waiters = {
            asyncio.ensure_future(client_gone()),
            asyncio.ensure_future(self.released.wait()),
        }
        _, pending = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    @staticmethod
    async def _drop(receive: Receive, send: Send) -> None:
        """Close the connection without a byte of HTTP answer. uvicorn gives the app no handle on
        the socket, but its ``send`` is a bound method of the request cycle, which has one."""
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        if transport is not None:
            transport.close()
            # Let uvicorn see the disconnect, so it does not try to send a 500 of its own.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(2):
                    while (await receive())["type"] != "http.disconnect":
                        pass
            return
        # Another server: start an answer and abandon it, which also ends in a protocol error.
        await send({"type": "http.response.start", "status": 200, "headers": []})
        raise ConnectionAbortedError("sandbox fault: dropped connection")


async def _discard(message: Message) -> None:
    """The app's answer to a request whose answer the fault replaces."""


async def _read_body(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return
