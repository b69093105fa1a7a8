"""One HTTP exchange: send, time it, log it, and turn a network failure into the taxonomy.

Which failures prove the request never reached the server is decided here (architecture §3): a
connection that was never made (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``), and a
request this side refused to write (``LocalProtocolError``: a header it cannot carry;
``UnsupportedProtocol``). Every other failure may have happened after the request left, so it is
ambiguous. An attempt cut off from outside (the till closing) proves nothing by itself; the
:class:`Flight` an attempt follows says whether any of its requests had begun to be written.

Whatever the server does, an exchange ends: it has a total deadline (the longest a request may
take, connect and read timeouts together, so a body trickling a byte a second still ends inside
the claim's lease), and the body is read up to :data:`MAX_BODY` bytes counted after
decompression (a never-ending body or a gzip bomb stops there). An answer cut at the cap proves
nothing: :class:`~errors.AnswerTooLarge`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpx

from app.core import clock
from app.core.stamps import errors
from app.core.stamps.redaction import redact_url, scrub

logger = logging.getLogger("app.core.stamps")

#: Failures that happen before a single byte of the request can have reached the server.
NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.LocalProtocolError,
    httpx.UnsupportedProtocol,
)
#: The most of an answer's body the till reads, after decompression. The API's answers are a few
#: kilobytes; a catalogue page of 100 rewards is tens.
MAX_BODY = 1_000_000
#: The encodings the till asks for: those it can decompress with a cap.
ACCEPT_ENCODING = "gzip, deflate"
# Headers that describe the body as it came over the wire, not as it is handed on.
_WIRE_HEADERS = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})


#: The steps of making a connection, as httpcore's trace names them ("connection.connect_tcp.
#: started"...). Until a step outside these, no byte of a request has been written.
_SETUP_STEPS = frozenset({"connect_tcp", "start_tls", "retry"})


@dataclass
class Flight:
    """How far one attempt's requests got, for an attempt cut off from outside (the till closing,
    its worker stopped): ``left`` once any request began to be written, ``traced`` once the HTTP
    layer said anything at all. Cut while ``traced`` and not ``left`` (connecting, or between
    connecting and writing), the attempt provably never reached the server. A transport that
    does not trace never says so, and its attempts stay unproven."""

    traced: bool = False
    left: bool = False

    @property
    def never_left(self) -> bool:
        """Whether the HTTP layer was seen working and no request had begun to leave."""
        return self.traced and not self.left

    def note(self, event: str) -> None:
        """One of httpcore's trace events (``"http11.send_request_headers.started"``...)."""
        self.traced = True
        parts = event.split(".")
        if len(parts) < 2 or parts[1] not in _SETUP_STEPS:
            self.left = True  # anything past the connection may have put bytes on the wire


_flight: ContextVar[Flight | None] = ContextVar("stamps_flight", default=None)


def current_flight() -> Flight | None:
    """The flight followed in this task (:func:`watching_flight`), if any."""
    return _flight.get()


@contextmanager
def watching_flight() -> Iterator[Flight]:
    """Follow how far the requests made inside the block (in this task) get."""
    flight = Flight()
    token = _flight.set(flight)
    try:
        yield flight
    finally:
        _flight.reset(token)


def _traced(request: httpx.Request, flight: Flight) -> None:
    async def trace(event: str, _info: dict[str, Any]) -> None:
        flight.note(event)

    request.extensions = {**request.extensions, "trace": trace}


def describe(exc: BaseException, secrets: Iterable[str] = ()) -> str:
    """A short, safe description of a low-level failure for a message or a log line."""
    text = scrub(str(exc), secrets)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def exchange(
    http: httpx.AsyncClient,
    request: httpx.Request,
    *,
    deadline: float,
    secrets: Iterable[str] = (),
    max_body: int = MAX_BODY,
    believed: bool | None = None,
) -> httpx.Response:
    """Send ``request`` and read the whole answer, whatever its status, within ``deadline``
    seconds; the body comes back decompressed (at most ``max_body`` bytes of it).

    ``believed``: what the till believes of the line, for a request it repeats to learn just that
    (the connectivity's ping, every 30 s online and every 10 s offline): ``True``, an answer at
    2xx is said at DEBUG; ``False``, the request not being sent is. Each was a line in the log
    (a week offline, 6 MB of "not sent", half of what the log keeps); what the belief did not
    expect is said as ever, and the connectivity's own line says when the belief changes.

    Raises :class:`~errors.ConnectionFailed`, :class:`~errors.ResponseLost` or
    :class:`~errors.AnswerTooLarge`; nothing else.
    """
    secrets = tuple(secrets)
    where = redact_url(request.url)
    flight = _flight.get()
    if flight is not None:
        _traced(request, flight)
    started = clock.monotonic()
    try:
        async with asyncio.timeout(deadline):
            streamed = await http.send(request, stream=True)
            try:
                body = await _read(streamed, max_body)
            finally:
                await streamed.aclose()
    except NOT_SENT as exc:
        reason = describe(exc, secrets)
        level = logging.DEBUG if believed is False else logging.WARNING
        logger.log(level, "%s %s not sent: %s", request.method, where, reason)
        raise errors.ConnectionFailed(f"could not reach the Stamps server ({reason})") from None
    except errors.AnswerTooLarge as too_large:
        logger.warning("%s %s answer over %d bytes: not read", request.method, where, max_body)
        too_large.status_code = streamed.status_code  # the server answered, with this status
        raise
    except TimeoutError:
        logger.warning("%s %s no whole answer within %s s", request.method, where, deadline)
        raise errors.ResponseLost(
            f"no whole answer from the Stamps server within {deadline:g} s"
        ) from None
    except Exception as exc:
        # Read/write timeouts, resets, protocol errors, and anything a transport may raise after
        # the request could have left: the server may have acted on it.
        reason = describe(exc, secrets)
        logger.warning("%s %s answer lost: %s", request.method, where, reason)
        raise errors.ResponseLost(f"no answer from the Stamps server ({reason})") from None
    elapsed_ms = (clock.monotonic() - started) * 1000
    status = streamed.status_code
    level = logging.DEBUG if believed is True and 200 <= status < 300 else logging.INFO
    logger.log(level, "%s %s -> %d (%.0f ms)", request.method, where, status, elapsed_ms)
    headers = [(k, v) for k, v in streamed.headers.raw if k.lower() not in _WIRE_HEADERS]
    return httpx.Response(streamed.status_code, headers=headers, content=body, request=request)


async def _read(response: httpx.Response, limit: int) -> bytes:
    """The body, decompressed with a cap; raises :class:`~errors.AnswerTooLarge` past it.

    A body that cannot be decoded (a broken stream, an encoding the till did not ask for) is
    returned empty: it says nothing, and the status alone is read.
    """
    try:
        whole = response.content  # a transport (a test's) may hand over a body already read
    except httpx.ResponseNotRead:
        pass
    else:
        if len(whole) > limit:
            raise errors.AnswerTooLarge(_too_large(limit))
        return whole
    try:
        decoder = _Decoder.for_encoding(response.headers.get("Content-Encoding", ""))
    except _Unreadable:
        return b""
    body = bytearray()
    wire = 0
    try:
        async for chunk in response.aiter_raw():
            wire += len(chunk)
            if wire > limit:
                raise errors.AnswerTooLarge(_too_large(limit))
            body += chunk if decoder is None else decoder.feed(chunk, limit - len(body))
            if len(body) > limit:
                raise errors.AnswerTooLarge(_too_large(limit))
        if decoder is not None:
            body += decoder.finish(limit - len(body))
    except zlib.error:
        return b""
    if len(body) > limit:
        raise errors.AnswerTooLarge(_too_large(limit))
    return bytes(body)


def _too_large(limit: int) -> str:
    return f"the Stamps server's answer is larger than {limit:,} bytes; it was not read"


class _Unreadable(Exception):
    """The body is in an encoding the till did not ask for."""


class _Decoder:
    """Undoes one ``Content-Encoding`` (``None`` from :meth:`for_encoding` means there is none)
    while never producing more than it is given room for."""

    def __init__(self, wbits: int, raw_fallback: bool = False) -> None:
        self._inflate = zlib.decompressobj(wbits)
        # "deflate" is zlib-wrapped by the RFC, raw by some servers: try one, then the other.
        self._raw_fallback = raw_fallback
        self._started = False

    @classmethod
    def for_encoding(cls, header: str) -> _Decoder | None:
        """The decoder of a ``Content-Encoding`` header; raises :class:`_Unreadable` for one the
        till did not ask for (or a stack of several)."""
        encodings = [e.strip().lower() for e in header.split(",") if e.strip()]
        encodings = [e for e in encodings if e != "identity"]
        if not encodings:
            return None
        if encodings in (["gzip"], ["x-gzip"]):
            return cls(16 + zlib.MAX_WBITS)
        if encodings == ["deflate"]:
            return cls(zlib.MAX_WBITS, raw_fallback=True)
        raise _Unreadable

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate ``data``; at most ``room + 1`` bytes come out (one more says "too much")."""
        try:
            out = self._inflate.decompress(data, room + 1)
        except zlib.error:
            if not (self._raw_fallback and not self._started):
                raise
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflate.decompress(data, room + 1)
        self._started = True
        while self._inflate.unconsumed_tail and len(out) <= room:
            out += self._inflate.decompress(self._inflate.unconsumed_tail, room + 1 - len(out))
        return out

    def finish(self, room: int) -> bytes:
        """What is left in the decompressor, within ``room + 1`` bytes."""
        return self._inflate.flush(max(room, 0) + 1)


async def drop_unfollowable_location(response: httpx.Response) -> None:
    """An ``httpx`` response hook: a 3xx's ``Location`` that names no http or https address
    with a host is taken off the answer before the HTTP library reads it.

    The till follows no redirect, but ``httpx`` builds the request it would follow all the same,
    and an address it cannot build (a host holding a bidi control, ``javascript:…``, a broken
    port) raised while the answer was in hand: an instant 301 read as no answer at all, "did not
    answer in time". Without the header it is the redirect it is (:class:`~errors.Redirected`),
    with no address to name, as :func:`~parsing.redirect_origin` would name none of these."""
    location = response.headers.get("Location")
    if location is None or not response.is_redirect:
        return
    try:
        target = response.request.url.join(location)
        followable = target.scheme in ("http", "https") and bool(target.host)
        if followable:
            httpx.URL(str(target))  # what the library will parse (a port, an IDNA host) parses
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError):
        followable = False
    if not followable:
        del response.headers["Location"]


def checked_base_url(base_url: str) -> str:
    """``base_url`` without its trailing slash, if it is HTTPS, or plain HTTP on a loopback host.

    Raises ``ValueError`` otherwise: a token must not cross a network in clear text, and a URL
    that cannot be connected to (a port outside 1-65535) is refused here rather than on every
    request.
    """
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValueError("the Stamps base URL is not a valid URL") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError("the Stamps base URL must start with https:// and name a host")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ValueError(
            "the Stamps base URL must use https://; plain http:// is allowed only for a "
            "loopback host (localhost, 127.0.0.0/8, ::1)"
        )
    if url.query or url.fragment:
        raise ValueError("the Stamps base URL must not carry a query or a fragment")
    if url.port is not None and not 1 <= url.port <= 65535:
        raise ValueError("the Stamps base URL's port must be between 1 and 65535")
    if url.userinfo:
        raise ValueError("the Stamps base URL must not carry a user name or password")
    return str(url).rstrip("/")


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
