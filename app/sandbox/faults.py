"""Fault injection: the network and server failures a till must survive, on demand.

Each API request in scope draws once from a seeded generator and may get, by its own
probability: an error with an HTML body (500/502/503/504 unless ``error_statuses`` says otherwise,
not applied); a held request that is never
answered until the client gives up (a timeout); a connection closed without any HTTP answer (a
drop); the effect applied and then a 500, or a 503 (which the docs group with the other server
errors, and a till must not take for "turned away"); a 200 whose body holds only ``errors`` and
names no redemption ("errors only"); or the effect applied and its real answer trickled out one
byte every ``trickle_ms`` ms ("trickle": a client without a total deadline waits for ever).
Timeouts, drops and errors-only answers happen without the effect by default;
``timeout_after_apply`` / ``drop_after_apply`` / ``errors_only_after_apply`` apply it first,
which is the case that makes retries dangerous. ``latency_ms`` delays every request
in scope (a client that hangs up meanwhile is let go; a stopping server drops the connection
unanswered, as a cut network does); ``retry_after`` puts that ``Retry-After`` on every injected
error. Control endpoints (``/_sandbox/…``) are never faulted.

``held`` is not a fault a till meets but a gate a test opens: while it is set, every request in
scope waits, unanswered and not yet applied, until it is cleared (or a reset clears it, the
client hangs up, or the server shuts down); ``holding`` (in the control API's answer) counts the
requests waiting. A test that must act while an answer is on its way holds it there for as long
as it needs, where a latency would be a bet on the machine's speed.

``member_details_plural`` is not a rate: while it is set, member details answer with the response
table's ``memberships``/``users`` instead of the example's ``membership``/``user``. Nor is
``vouchers_kind_unlisted``: while it is set, the rewards list says nothing that could be read as a
voucher's kind either (no ``type``, "promotion 1"); the member's voucher listing never does
(voucher_api §3 has no ``validity``); only validating the voucher says it.

The same seed and the same sequence of requests give the same faults.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import random
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect

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
#: The faults a request may draw, in the order of :meth:`FaultConfig.rates`.
KINDS = (
    "error",
    "timeout",
    "drop",
    "applied_then_500",
    "applied_then_503",
    "errors_only",
    "trickle",
)
_STATUS = {
    "timeout": 500,
    "drop": 500,
    "applied_then_500": 500,
    "applied_then_503": 503,
    "errors_only": 200,
    "trickle": 200,
}
#: The body of an "errors only" answer: a 200 that names no redemption.
ERRORS_ONLY = {"errors": {"__all__": "The redemption could not be completed, please try again"}}

_REASONS = {
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
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
    applied_then_503_rate: float = 0.0
    errors_only_rate: float = 0.0
    trickle_rate: float = 0.0
    # milliseconds between two bytes of a trickled answer
    trickle_ms: int = 100
    scope: str = "all"
    # what an injected error answers, one picked at random each time (a 3xx sends the client to
    # ``redirect_location``, as a network's sign-in page or a moved server does)
    error_statuses: tuple[int, ...] = (500, 502, 503, 504)
    redirect_location: str = "http://login.wifi.example/portal?continue=stamps"
    timeout_after_apply: bool = False
    drop_after_apply: bool = False
    errors_only_after_apply: bool = False
    # the Retry-After header of every injected error (seconds or an HTTP date, as given)
    retry_after: str | None = None
    member_details_plural: bool = False
    vouchers_kind_unlisted: bool = False
    # requests in scope wait until this is cleared (a gate for tests, not a fault)
    held: bool = False
    seed: int | None = None

    def rates(self) -> tuple[float, ...]:
        """Every fault's probability, in the order a draw tries them."""
        return (
            self.error_rate,
            self.timeout_rate,
            self.drop_rate,
            self.applied_then_500_rate,
            self.applied_then_503_rate,
            self.errors_only_rate,
            self.trickle_rate,
        )

    def validate(self) -> None:
        rates = self.rates()
        if any(r < 0 or r > 1 for r in rates) or sum(rates) > 1 + 1e-9:
            raise ValueError("fault rates must each be in [0, 1] and add up to at most 1")
        if self.retry_after is not None and not (
            0 < len(self.retry_after) <= 100 and all(" " <= ch <= "~" for ch in self.retry_after)
        ):
            raise ValueError("retry_after must be a header value: 1-100 printable ASCII characters")
        if self.latency_ms < 0:
            raise ValueError("latency_ms must be >= 0")
        if self.trickle_ms < 1:
            raise ValueError("trickle_ms must be >= 1")
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}")
        if not self.error_statuses or any(
            not (300 <= s <= 308 or 400 <= s <= 599) or s == 304 for s in self.error_statuses
        ):
            raise ValueError("error_statuses must be HTTP error or redirect statuses (300-599)")
        if not 0 < len(self.redirect_location) <= 200 or not all(
            " " < ch <= "~" for ch in self.redirect_location
        ):
            raise ValueError("redirect_location must be 1-200 printable ASCII characters")


class FaultInjector:
    """Decides, request by request, which fault (if any) to inject."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self.defaults = dataclasses.replace(config or FaultConfig())
        self.defaults.validate()
        self.config = dataclasses.replace(self.defaults)
        self.rng = random.Random(self.config.seed)
        # the latest faults, for tests and the curious; bounded so a long demo cannot grow it
        self.injected: deque[dict[str, Any]] = deque(maxlen=1000)
        # open unless ``held``; set and waited on in the server's loop only (the control API)
        self.let_go = asyncio.Event()
        if not self.config.held:
            self.let_go.set()
        #: the requests waiting at the gate now
        self.holding = 0

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
        if candidate.held:
            self.let_go.clear()
        else:
            self.let_go.set()
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
        bands = tuple(zip(KINDS, c.rates(), strict=True))
        if not any(rate for _, rate in bands):
            return None
        u = self.rng.random()
        for kind, rate in bands:
            if u < rate:
                status = self.rng.choice(c.error_statuses) if kind == "error" else _STATUS[kind]
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
        try:
            await self._faulted(scope, receive, send)
        except ClientDisconnect:
            # The client hung up before the app had read its request (a till that gave up on a
            # slow server): nothing was applied and no one is left to answer. Raised on, it was
            # uvicorn's "Exception in ASGI application" and a traceback in the demo's terminal.
            return

    async def _faulted(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.injector.in_scope(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        decision = self.injector.draw(scope["method"], scope["path"])
        latency = self.injector.config.latency_ms / 1000
        if latency:
            let_in = await self._read_then_wait(receive, lambda: asyncio.sleep(latency))
            if let_in is None:
                await self._gone_or_dropped(receive, send)
                return
            receive = let_in
        if self.injector.config.held:
            let_in = await self._at_the_gate(receive)
            if let_in is None:
                await self._gone_or_dropped(receive, send)
                return
            receive = let_in
        if decision is None:
            await self.app(scope, receive, send)
            return
        kind, status = decision
        c = self.injector.config
        if kind == "trickle":
            answer = _Captured()
            await self.app(scope, receive, answer.send)
            await self._trickle(receive, send, answer, c.trickle_ms / 1000)
            return
        after = kind in ("applied_then_500", "applied_then_503") or (
            (kind == "timeout" and c.timeout_after_apply)
            or (kind == "drop" and c.drop_after_apply)
            or (kind == "errors_only" and c.errors_only_after_apply)
        )
        if kind == "error":
            await self._html(send, status)
            return
        if after:
            await self.app(scope, receive, _discard)
        elif kind == "errors_only":
            await _read_body(receive)
        if kind in ("applied_then_500", "applied_then_503"):
            await self._html(send, status)
            return
        if kind == "errors_only":
            await _send(send, 200, b"application/json", json.dumps(ERRORS_ONLY).encode())
            return
        if kind == "timeout":
            await self._hold(receive)
        elif not after:
            # Read the request first: closing with unread bytes would send a reset instead of a
            # clean close, and the client's error would depend on timing.
            await _read_body(receive)
        await self._drop(receive, send)

    async def _html(self, send: Send, status: int) -> None:
        retry_after = self.injector.config.retry_after
        extra = [(b"retry-after", retry_after.encode())] if retry_after is not None else []
        if 300 <= status < 400:
            extra.append((b"location", self.injector.config.redirect_location.encode()))
        await _send(send, status, b"text/html; charset=utf-8", html_page(status), extra)

    async def _trickle(
        self, receive: Receive, send: Send, answer: _Captured, interval: float
    ) -> None:
        """Send the app's answer one byte at a time, until the client hangs up or the server
        shuts down."""
        gone = asyncio.ensure_future(_client_gone(receive))
        released = asyncio.ensure_future(self.released.wait())
        try:
            await send(answer.start)
            body = answer.body
            for n in range(len(body)):
                await send(
                    {
                        "type": "http.response.body",
                        "body": body[n : n + 1],
                        "more_body": n + 1 < len(body),
                    }
                )
                done, _ = await asyncio.wait({gone, released}, timeout=interval)
                if done:
                    return
            if not body:
                await send({"type": "http.response.body", "body": b""})
        finally:
            for task in (gone, released):
                task.cancel()
            await asyncio.gather(gone, released, return_exceptions=True)

    async def _at_the_gate(self, receive: Receive) -> Receive | None:
        """Wait until the gate opens (:meth:`_read_then_wait`), counted in ``holding``."""
        self.injector.holding += 1
        try:
            return await self._read_then_wait(receive, self.injector.let_go.wait)
        finally:
            self.injector.holding -= 1

    async def _read_then_wait(
        self, receive: Receive, until: Callable[[], Awaitable[object]]
    ) -> Receive | None:
        """Wait for what ``until`` starts; then a ``receive`` that gives the app the request's
        body again (read here, to see the client hang up behind it). ``None`` when the client
        hung up or the server is stopping first: a wait that ignored the stop (a latency's
        sleep) outlived uvicorn's graceful shutdown, which cancelled it, logged a traceback and
        answered 500 to a till whose network the demo had cut."""
        body: deque[Message] = deque()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body.append(message)
            if not message.get("more_body", False):
                break
        gone = asyncio.ensure_future(_client_gone(receive))
        waiters = {gone, asyncio.ensure_future(self.released.wait())}
        opened = asyncio.ensure_future(until())
        try:
            await asyncio.wait({*waiters, opened}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (*waiters, opened):
                task.cancel()
            await asyncio.gather(*waiters, opened, return_exceptions=True)
        if (gone.done() and not gone.cancelled()) or self.released.is_set():
            return None

        async def replayed() -> Message:
            return body.popleft() if body else await receive()

        return replayed

    async def _gone_or_dropped(self, receive: Receive, send: Send) -> None:
        """After a wait the client or the server's stop cut short: nothing to do for a client
        gone; a client still there while the server stops is dropped, unanswered, as a cut
        network drops it (returning without an answer, uvicorn logged an error and sent 500)."""
        if self.released.is_set():
            await self._drop(receive, send)

    async def _hold(self, receive: Receive) -> None:
        """Answer nothing until the client hangs up or the server shuts down."""

        waiters = {
            asyncio.ensure_future(_client_gone(receive)),
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


async def _send(
    send: Send,
    status: int,
    content_type: bytes,
    body: bytes,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body})


async def _discard(message: Message) -> None:
    """The app's answer to a request whose answer the fault replaces."""


class _Captured:
    """The app's answer, kept to be sent some other way."""

    def __init__(self) -> None:
        self.start: Message = {"type": "http.response.start", "status": 500, "headers": []}
        self.body = b""

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")


async def _client_gone(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _read_body(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return
