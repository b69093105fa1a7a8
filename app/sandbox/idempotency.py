"""``Idempotency-Key`` as the IETF httpapi draft describes it, which the Stamps docs do not.

A key seen again with the same request (method, path and JSON body, the legacy ``token`` field
left out so a rotated token does not change the request) gets the first answer back, status and
body, without the effect applying again. The same key with another request is a 422. Records
live in the world, so a persistent sandbox honours keys across a restart, and expire after the
window (24 h by default) on the sandbox clock.

Switched off, the sandbox behaves like a server that ignores the header: every attempt applies.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.sandbox.errors import ApiError
from app.sandbox.model import IdempotencyRecord
from app.sandbox.state import SandboxState

WINDOW_SECONDS = 24 * 3600


def fingerprint(method: str, path: str, data: Any) -> str:
    """What makes two requests "the same": method, path (trailing slash ignored) and the body
    without its token, compared as canonical JSON so key order and spacing do not matter."""
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "token"}
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    text = f"{method.upper()} {path.rstrip('/')}\n{canonical}"
    return hashlib.sha256(text.encode()).hexdigest()


class IdempotencyKeys:
    """The key store, over the world's ``idempotency`` records."""

    def __init__(self, state: SandboxState, enabled: bool = True) -> None:
        self.state = state
        self.enabled = enabled
        self.window = WINDOW_SECONDS

    def _purge(self) -> None:
        horizon = self.state.now() - self.window
        records = self.state.world.idempotency
        for key in [k for k, r in records.items() if r.created < horizon]:
            del records[key]

    def replay(self, key: str, print_: str) -> IdempotencyRecord | None:
        """The stored answer for this key, None when the key is new (or expired), or a 422 when
        the key was used for a different request."""
        self._purge()
        record = self.state.world.idempotency.get(key)
        if record is None:
            return None
        if record.fingerprint != print_:
            message = "Idempotency-Key was already used with a different request"
            raise ApiError(
                422,
                {
                    "detail": message,
                    "errors": {"Idempotency-Key": message},
                    "error_code": "idempotency_key_reused",
                    "error_message": message,
                },
            )
        return record

    def remember(self, key: str, print_: str, status: int, body: Any) -> None:
        self.state.world.idempotency[key] = IdempotencyRecord(
            fingerprint=print_, status=status, body=body, created=self.state.now()
        )
        self.state.changed()
