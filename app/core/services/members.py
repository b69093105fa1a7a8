"""A member as the till sees them, and how to find one.

A member is resolved (live, or from the cache) before anything is enqueued: the server's member id
is the entry's lane, so one member's redemptions go strictly in order (architecture §3).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.core import clock
from app.core.domain import Member
from app.core.messages import Explained, Message, say
from app.core.offline.identifiers import normalise_code
from app.core.services.fields import first_hidden
from app.core.stamps.models import MemberDetailsResponse, Membership, MemberSuggestion
from app.core.stamps.parsing import GENERAL_FIELDS

__all__ = [
    "LookupRefused",
    "Member",
    "MemberNotFound",
    "Suggestions",
    "level_number",
    "level_words",
    "member_from_details",
    "member_identifier",
    "member_query",
    "suggestion_member",
]


class MemberNotFound(Explained):
    """No member answers to what the cashier typed or scanned."""


class LookupRefused(MemberNotFound):
    """The server refused the lookup over what the till itself sends (a merchant it does not
    know), not over the member: no member was looked for, and every lookup will fail alike."""


#: The fields of a lookup's refusal that speak of the member asked for, or of the whole request
#: (the docs' "User not found" is an ``__all__`` error). Any other (``merchant``) is the till's
#: settings.
_OF_THE_MEMBER = frozenset({"user", *GENERAL_FIELDS})


def not_found(query: str, reason: str | None, field_errors: dict[str, str]) -> MemberNotFound:
    """What a lookup the server refused (a 400) says. A merchant the server does not know
    read "No member matches “KR24000006”: Merchant not found" of every card, which sent the
    cashier to check cards that were right."""
    others = [name for name in field_errors if name not in _OF_THE_MEMBER]
    if others:
        # the field's words alone: its key is the API's, not a word for the cashier
        return LookupRefused(say("member.lookup_refused", said=field_errors[others[0]]))
    if reason:
        return MemberNotFound(say("member.not_found_because", query=query, reason=reason))
    return MemberNotFound(say("member.not_found", query=query))


#: The longest thing a member answers to: an email has at most 254 characters.
QUERY_MAX = 254


def member_query(query: str) -> str:
    """What the cashier typed or scanned to find a member, trimmed, as the server is asked it.

    :class:`MemberNotFound`, and nothing asked, when it is empty, or when no member could answer
    to it: it holds a control or invisible character (a zero-width space in a scan, a
    right-to-left override; the same ones a name refuses, fields.py) or is longer than any
    email. The server would only say "no member matches" of what the cashier cannot see.
    """
    text = query.strip()
    if not text:
        raise MemberNotFound(say("member.type_something"))
    # A joiner inside an emoji (👩‍💻) is part of a name the server gave (the
    # field shows the member found by it, and Enter looks them up again by it).
    hidden = first_hidden(text, allow_emoji=True)
    if hidden is not None:
        raise MemberNotFound(say("member.hidden_characters", character=f"U+{ord(hidden):04X}"))
    if len(text) > QUERY_MAX:
        raise MemberNotFound(say("member.too_long", limit=QUERY_MAX))
    return text


# The full-width forms of ASCII (U+FF01-U+FF5E) an input method in its wide mode types, and its
# wide space; their ASCII is 0xFEE0 below them.
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}


def member_identifier(query: str) -> str:
    """What the cashier typed as an email, member ID, phone or card number, as
    :func:`member_query` sends it, but in the ASCII the person meant: the full-width
    ``ＫＲ２４…`` an input method types, or a phone in Arabic-Indic digits, was sent as it
    was and answered "No member matches" of a card the server knows. Names are searched as
    typed (the server's name may be written so); an identifier is ASCII."""
    text = query.translate(_WIDE)
    if not text.isascii():
        text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    return member_query(text)


def member_from_details(
    query: str, details: MemberDetailsResponse, *, asked_at: datetime | None = None
) -> Member:
    """The member ``query`` found, from ``GET /api/v2/memberships/details``, as of ``asked_at``
    (when the request left; now if not given)."""
    user, membership = details.user, details.membership
    # nothing to queue their redemptions under (architecture §3): a blank id would be the lane
    # (and the cached row) of every member the server named so
    if user.id is None or not str(user.id).strip():
        raise MemberNotFound(say("member.not_found", query=query))
    card = membership.primary_card or {}
    card_number = card.get("number") if isinstance(card.get("number"), str) else None
    level = _level(membership)
    return Member(
        server_id=str(user.id),
        name=_shown_name(user.name, user.email, user.phone, user.member_ids, user.id),
        email=_said(user.email),
        phone=_said(user.phone),
        member_ids=tuple(user.member_ids),
        card_number=card_number,
        level=level,
        # the docs show it only by example: a balance not given stays unknown, never 0
        stamps=membership.stamps_balance,
        balance=float(membership.balance) if membership.balance is not None else None,
        is_blocked=bool(membership.is_blocked),
        # The docs show the flag on the membership; absent means the server did not forbid it.
        redemption_allowed=membership.redemption_allowed is not False,
        protected_redemption=bool(user.protected_redemption),
        pin_is_blocked=bool(user.pin_is_blocked),
        fetched_at=asked_at or clock.now(),
    )


def _said(text: str | None) -> str | None:
    """``text`` without the spaces around it, ``None`` when that leaves nothing: a name the
    server sent as "   " is no name (it showed a blank member card, slip and history line
    where the email or phone would have said who it was)."""
    return (text or "").strip() or None


def _shown_name(
    name: str | None, email: str | None, phone: str | None, member_ids: Iterable[str], pk: object
) -> str:
    """What the till calls a member: the name, else the email, the phone or a Member ID. A
    partial registration has no name or email (customer_api §17), and the server's primary key
    means nothing at the counter; it is the last resort."""
    return _said(name) or _said(email) or _said(phone) or next(iter(member_ids), str(pk))


def level_words(member: Member) -> Message | None:
    """The member's level as a cashier reads it: its name, or "Level 2" when the server gave
    only its number; ``None`` when it gave neither."""
    if not member.level:
        return None
    number = level_number(member)
    if number is not None:
        return say("member.level_number", number=number)
    return say("member.level", name=member.level)


def level_number(member: Member) -> int | None:
    """The member's level as a number, when the server gave only its number (a level with a
    name is kept by its name alone: ``None``)."""
    if not member.level or not member.level.isdecimal():
        return None
    return int(member.level)


def _level(membership: Membership) -> str | None:
    # ``level`` is the level's number and ``level_text`` its name (customer_api §12 sets a
    # level by number); the redemption examples carry them as ``status`` and ``status_text``,
    # where a ``status`` in words ("Active") is the member's standing, not a level. A level known
    # by its number alone is kept as its digits (the cache keeps this one column): said as
    # "Level 2", never as no level.
    name = (membership.level_text or membership.status_text or "").strip()
    if name:
        return name
    number = membership.level
    if number is None and isinstance(membership.status, int):
        number = membership.status
    return str(number) if number is not None else None


@dataclass(frozen=True)
class Suggestions:
    """The members a search by name or any identifier found, as far as they are known, and how
    many matches the server listed that the till could not read (left out, as an unreadable
    reward is: architecture §1)."""

    members: tuple[Member, ...]
    unread: int = 0
    #: The server did not answer: these are the till's copy, which knows only members it has
    #: seen (said, or the cashier takes the list for everyone the name matches).
    from_copy: bool = False

    @property
    def note(self) -> Message | None:
        """What the cashier is told of the matches left out (``None``: none was)."""
        if self.unread:
            return say("member.suggestions_some_unread", count=self.unread)
        if self.from_copy:
            return say("member.suggestions_from_copy")
        return None


def suggestion_member(suggestion: MemberSuggestion) -> Member:
    """A type-ahead match as a member, as far as the suggestion tells (flags unknown: a lookup
    follows before anything is redeemed)."""
    return Member(
        server_id=str(suggestion.id),
        name=_shown_name(
            suggestion.name,
            suggestion.email,
            suggestion.phone,
            suggestion.member_ids,
            suggestion.id,
        ),
        email=_said(suggestion.email),
        phone=_said(suggestion.phone),
        member_ids=tuple(suggestion.member_ids),
        card_number=None,
        level=suggestion.membership,
        stamps=suggestion.stamps,
        balance=None,
        is_blocked=False,
        redemption_allowed=True,
        protected_redemption=False,
        pin_is_blocked=False,
        fetched_at=clock.now(),
    )


def carries_card(member: Member, text: str) -> bool:
    """Whether ``text`` is one of ``member``'s card numbers or Member IDs (as a scanner types
    it: capitals, spaces and dashes aside)."""
    own = {normalise_code(code) for code in (*member.member_ids, member.card_number) if code}
    return bool(text.strip()) and normalise_code(text.strip()) in own


def card_only(member: Member, text: str) -> bool:
    """Whether ``text`` is ``member``'s card's number and none of their Member IDs (which member
    details take as they are: no detour is cheaper)."""
    if not member.card_number or not text.strip():
        return False
    code = normalise_code(text.strip())
    ids = {normalise_code(member_id) for member_id in member.member_ids}
    return normalise_code(member.card_number) == code and code not in ids
