"""Value types in the till's own words, shared by every layer of the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class Channel(IntEnum):
    """Where a transaction happened, as the Stamps API numbers channels."""

    MOBILE_APP = 1
    POS = 2
    KIOSK = 3
    WEB = 4
    ANDROID = 5
    IOS = 6
    CALL_CENTER = 7
    GRABFOOD = 8
    GOFOOD = 9


class OperationKind(StrEnum):
    """What an outbox entry asks the server to do."""

    REWARD = "reward"
    MULTI = "multi"
    VOUCHER = "voucher"
    DEDUCT = "deduct"
    CODE = "code"
    PROMO = "promo"
    CANCEL = "cancel"


class Outcome(StrEnum):
    """What one attempt proves about the server (architecture §3).

    ``AMBIGUOUS`` is the default: an attempt is only downgraded from it on proof.
    """

    APPLIED = "applied"
    REFUSED = "refused"
    NEVER_ARRIVED = "never_arrived"
    AMBIGUOUS = "ambiguous"


class EntryStatus(StrEnum):
    """The states of an outbox entry (architecture §3)."""

    QUEUED = "queued"
    SENDING = "sending"
    SYNCED = "synced"
    REJECTED = "rejected"
    UNKNOWN = "unknown"
    VOIDED = "voided"
    EXPIRED = "expired"
    DISMISSED = "dismissed"


def format_rupiah(amount: int) -> str:
    """Money the way an Indonesian receipt prints it: ``Rp 100.000`` (dots group thousands)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


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
