"""A member as the till sees them, and how to find one.

A member is resolved (live, or from the cache) before anything is enqueued: the server's member id
is the entry's lane, so one member's redemptions go strictly in order (DESIGN.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core import clock
from app.core.stamps.models import MemberDetailsResponse


class MemberNotFound(Exception):
    """No member answers to what the cashier typed or scanned."""


@dataclass(frozen=True)
class Member:
    """What the till knows of a member. ``live`` is false when it comes from the cache, as of
    ``fetched_at``; ``stamps`` is then the cached balance (see the projected balance)."""

    server_id: str
    name: str
    email: str | None
    phone: str | None
    member_ids: tuple[str, ...]
    card_number: str | None
    level: str | None
    stamps: int
    balance: float | None
    is_blocked: bool
    redemption_allowed: bool
    protected_redemption: bool
    pin_is_blocked: bool
    fetched_at: datetime
    live: bool = True

    @property
    def user(self) -> str:
        """What the till sends as ``user``: the email, else the first member ID, else the id."""
        if self.email:
            return self.email
        if self.member_ids:
            return self.member_ids[0]
        return self.server_id

    @property
    def lane(self) -> str:
        """The outbox lane of this member's entries."""
        return f"member:{self.server_id}"

    @classmethod
    def from_details(cls, details: MemberDetailsResponse) -> Member:
        """Build from ``GET /api/v2/memberships/details``."""
        user, membership = details.user, details.membership
        if user.id is None:
            raise MemberNotFound("the server described a member without an id")
        card = membership.primary_card or {}
        card_number = card.get("number") if isinstance(card.get("number"), str) else None
        level = membership.level_text or (
            str(membership.status) if membership.status is not None else None
        )
        return cls(
            server_id=str(user.id),
            name=user.name or user.email or str(user.id),
            email=user.email or None,
            phone=user.phone or None,
            member_ids=tuple(user.member_ids),
            card_number=card_number,
            level=level,
            stamps=membership.stamps_balance or 0,
            balance=float(membership.balance) if membership.balance is not None else None,
            is_blocked=bool(membership.is_blocked),
            # The docs show the flag on the membership; absent means the server did not forbid it.
            redemption_allowed=membership.redemption_allowed is not False,
            protected_redemption=bool(user.protected_redemption),
            pin_is_blocked=bool(user.pin_is_blocked),
            fetched_at=clock.now(),
        )
