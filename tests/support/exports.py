"""An entry as ``stamps-pos outbox export`` writes it, for the tests that read such files."""

from __future__ import annotations

from typing import Any


def exported_entry(**changes: Any) -> dict[str, Any]:
    """A queued reward redemption as an export file holds it, with ``changes``."""
    base = {
        "id": "01a22c17-05e4-7955-a363-5020063cb488",
        "kind": "reward",
        "payload": {"user": "m1@contoh.co.id", "reward": 1, "store": 7},
        "lane": "member:1",
        "user": "m1@contoh.co.id",
        "status": "queued",
        "attempts": 0,
        "provisional": False,
        "reconciled": False,
        "cashier": "ayu",
        "terminal": "till-1",
        "created_at": "2026-11-30T10:00:00+00:00",
        "updated_at": "2026-11-30T10:00:00+00:00",
    }
    return {**base, **changes}
