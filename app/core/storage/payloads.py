"""What an outbox payload may never hold, wherever it comes from (architecture §6): the outbox
checks every enqueue with it, and an import checks every entry it is handed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Payload keys that must never be stored, at any depth, in any case.
FORBIDDEN_KEYS = frozenset({"pin", "token"})


def forbidden_key(payload: Any) -> str | None:
    """The first key of ``payload`` (at any depth) that may not be stored, or ``None``."""
    if isinstance(payload, Mapping):
        for key, value in payload.items():
            if str(key).lower() in FORBIDDEN_KEYS:
                return str(key)
            found = forbidden_key(value)
            if found is not None:
                return found
    elif isinstance(payload, list | tuple):
        for item in payload:
            found = forbidden_key(item)
            if found is not None:
                return found
    return None
