"""One HTTP exchange: send, time it, log it, and turn a network failure into the taxonomy.

Which failures prove the request never reached the server is decided here (architecture §3): a
connection that was never made (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``). Every other
failure may have happened after the request left, so it is ambiguous.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable

import httpx

from app.core import clock
from app.core.stamps import errors
from app.core.stamps.redaction import redact_url, scrub

logger = logging.getLogger("app.core.stamps")

#: Failures that happen before a single byte of the request can have reached the server.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def describe(exc: BaseException, secrets: Iterable[str] = ()) -> str:
    """A short, safe description of a low-level failure for a message or a log line."""
    text = scrub(str(exc), secrets)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def exchange(
    http: httpx.AsyncClient, request: httpx.Request, *, secrets: Iterable[str] = ()
) -> httpx.Response:
    """Send ``request`` and read the whole answer, whatever its status.

    Raises :class:`~errors.ConnectionFailed` or :class:`~errors.ResponseLost`; nothing else.
    """
    secrets = tuple(secrets)
    where = redact_url(request.url)
    started = clock.monotonic()
    try:
        response = await http.send(request)
    except NOT_SENT as exc:
        reason = describe(exc, secrets)
        logger.warning("%s %s not sent: %s", request.method, where, reason)
        raise errors.ConnectionFailed(f"could not reach the Stamps server ({reason})") from None
    except Exception as exc:
        # Read/write timeouts, resets, protocol errors, and anything a transport may raise after
        # the request could have left: the server may have acted on it.
        reason = describe(exc, secrets)
        logger.warning("%s %s answer lost: %s", request.method, where, reason)
        raise errors.ResponseLost(f"no answer from the Stamps server ({reason})") from None
    elapsed_ms = (clock.monotonic() - started) * 1000
    logger.info("%s %s -> %d (%.0f ms)", request.method, where, response.status_code, elapsed_ms)
    return response


def checked_base_url(base_url: str) -> str:
    """``base_url`` without its trailing slash, if it is HTTPS, or plain HTTP on a loopback host.

    Raises ``ValueError`` otherwise: a token must not cross a network in clear text.
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
    return str(url).rstrip("/")


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
