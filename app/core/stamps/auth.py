"""How the till proves who it is: the three auth styles and the JWT the bearer style keeps fresh."""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from pydantic import SecretStr

from app.core import clock

#: The docs promise a JWT lasts 24 hours; used when the token's own claims cannot be read.
DEFAULT_JWT_LIFETIME = 24 * 60 * 60.0
#: Refresh this long before expiry, so a request never leaves with a token about to lapse.
REFRESH_MARGIN = 5 * 60.0


class AuthStyle(StrEnum):
    """Where the credential goes (architecture §1)."""

    #: ``Authorization: Token <static token>`` (the default).
    TOKEN = "token"  # noqa: S105 - the name of a style, not a credential
    #: ``Authorization: Bearer <jwt>``, the JWT obtained with the static token.
    BEARER = "bearer"
    #: Legacy: ``token`` in the JSON body of a POST; a GET carries ``Authorization: Token``
    #: (the legacy customer API's header): a credential never goes into a URL.
    BODY = "body"


def jwt_lifetime(jwt: str) -> float:
    """Seconds the JWT is valid for, from its ``exp - iat`` claims, else the documented 24 h.

    The difference of the two claims is used rather than ``exp`` against the local clock, so a till
    whose clock is off does not refresh too early or too late. The signature is not checked: the
    server does that, the till only needs to know when to ask again.
    """
    try:
        payload = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        lifetime = float(claims["exp"]) - float(claims["iat"])
    except (IndexError, KeyError, TypeError, ValueError, binascii.Error, RecursionError):
        return DEFAULT_JWT_LIFETIME
    return lifetime if 0 < lifetime <= DEFAULT_JWT_LIFETIME * 30 else DEFAULT_JWT_LIFETIME


@dataclass(frozen=True, slots=True)
class _HeldToken:
    value: SecretStr
    refresh_at: float  # on the monotonic clock


class AccessTokenCache:
    """Holds the bearer JWT and fetches a new one before it expires or when told it went bad.

    Concurrent callers share one fetch: a burst of requests at expiry asks the server once.
    """

    def __init__(self, fetch: Callable[[], Awaitable[SecretStr]]) -> None:
        self._fetch = fetch
        self._held: _HeldToken | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self) -> SecretStr:
        """A JWT that is not about to expire, fetched when there is none or it is due."""
        async with self._lock:
            held = self._held
            if held is None or clock.monotonic() >= held.refresh_at:
                held = await self._renew()
            return held.value

    async def refresh(self, stale: SecretStr | None = None) -> SecretStr:
        """A new JWT after an auth failure, unless another caller already replaced ``stale``."""
        async with self._lock:
            held = self._held
            if held is not None and stale is not None and held.value != stale:
                return held.value
            return (await self._renew()).value

    def peek(self) -> SecretStr | None:
        """The JWT held now, if any, without fetching (to scrub it from messages)."""
        return self._held.value if self._held else None

    def forget(self) -> None:
        """Drop the held JWT (the credentials changed)."""
        self._held = None

    async def _renew(self) -> _HeldToken:
        fetched_at = clock.monotonic()
        value = await self._fetch()
        self.fetches += 1
        lifetime = jwt_lifetime(value.get_secret_value())
        margin = min(REFRESH_MARGIN, lifetime / 2)
        self._held = _HeldToken(value, fetched_at + lifetime - margin)
        return self._held
