"""A member as the till sees them, and how to find one.

A member is resolved (live, or from the cache) before anything is enqueued: the server's member id
is the entry's lane, so one member's redemptions go strictly in order (architecture §3).
"""

from __future__ import annotations

from app.core import clock
from app.core.domain import Member
from app.core.messages import Explained, say
from app.core.stamps.models import MemberDetailsResponse, MemberSuggestion

__all__ = ["Member", "MemberNotFound", "member_from_details", "suggestion_member"]


class MemberNotFound(Explained):
    """No member answers to what the cashier typed or scanned."""


def member_from_details(query: str, details: MemberDetailsResponse) -> Member:
    """The member ``query`` found, from ``GET /api/v2/memberships/details``."""
    user, membership = details.user, details.membership
    # nothing to queue their redemptions under (architecture §3): a blank id would be the lane
    # (and the cached row) of every member the server named so
    if user.id is None or not str(user.id).strip():
        raise MemberNotFound(say("member.not_found", query=query))
    card = membership.primary_card or {}
    card_number = card.get("number") if isinstance(card.get("number"), str) else None
    level = membership.level_text or (
        str(membership.status) if membership.status is not None else None
    )
    return Member(
        server_id=str(user.id),
        # a partial registration has no name or email (customer_api §17); the server's primary
        # key means nothing at the counter, the phone or a Member ID does
        name=user.name or user.email or user.phone or next(iter(user.member_ids), str(user.id)),
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


def suggestion_member(suggestion: MemberSuggestion) -> Member:
    """A type-ahead match as a member, as far as the suggestion tells (flags unknown: a lookup
    follows before anything is redeemed)."""
    return Member(
        server_id=str(suggestion.id),
        name=suggestion.name
        or suggestion.email
        or suggestion.phone
        or next(iter(suggestion.member_ids), str(suggestion.id)),
        email=suggestion.email,
        phone=suggestion.phone,
        member_ids=tuple(suggestion.member_ids),
        card_number=None,
        level=suggestion.membership,
        stamps=suggestion.stamps or 0,
        balance=None,
        is_blocked=False,
        redemption_allowed=True,
        protected_redemption=False,
        pin_is_blocked=False,
        fetched_at=clock.now(),
    )
