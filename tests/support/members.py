"""Members as the till holds them, for tests that need one without a server."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from app.core.services import Member

#: When the test members were read.
READ_AT = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def ayu(**fields: object) -> Member:
    """Ayu Pratiwi, the sandbox's demo member 6, as read live at :data:`READ_AT` (``fields``
    change what a test needs different)."""
    member = Member(
        server_id="6",
        name="Ayu Pratiwi",
        email="customer@stamps.co.id",
        phone=None,
        member_ids=("KR24000006",),
        card_number=None,
        level=None,
        stamps=250,
        balance=None,
        is_blocked=False,
        redemption_allowed=True,
        protected_redemption=False,
        pin_is_blocked=False,
        fetched_at=READ_AT,
    )
    return dataclasses.replace(member, **fields)  # type: ignore[arg-type]
