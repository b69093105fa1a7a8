"""The offline policy of DESIGN.md §4: what a till may accept without the server, and why not.

Pure decisions, no I/O: the caller gathers what the till knows (the member as cached, the projected
balance, this outage's totals) and asks. Some refusals hold online too (a blocked member, redemption
not allowed, a blocked PIN): the till never sends what the server is bound to refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from app.core.domain import OperationKind, format_rupiah


class Refusal(StrEnum):
    """Why the till will not accept a redemption. The value is stable for logs and tests."""

    MEMBER_BLOCKED = "member_blocked"
    REDEMPTION_NOT_ALLOWED = "redemption_not_allowed"
    PIN_BLOCKED = "pin_blocked"
    PIN_NEEDS_SERVER = "pin_needs_server"
    MEMBER_TOO_OLD = "member_too_old"
    NOT_ENOUGH_STAMPS = "not_enough_stamps"
    TOO_COSTLY_OFFLINE = "too_costly_offline"
    OUTAGE_STAMPS_CAP = "outage_stamps_cap"
    OUTAGE_COUNT_CAP = "outage_count_cap"
    VOUCHER_NOT_CACHED = "voucher_not_cached"
    VOUCHER_INACTIVE = "voucher_inactive"
    VOUCHER_OUT_OF_DATE = "voucher_out_of_date"
    VOUCHER_USED_HERE = "voucher_used_here"
    VOUCHER_VALUE_CAP = "voucher_value_cap"
    CODE_NEEDS_SERVER = "code_needs_server"


@dataclass(frozen=True)
class OfflineLimits:
    """The limits a store manager sets (DESIGN.md §4 defaults)."""

    member_max_age: timedelta = timedelta(hours=24)
    max_stamps_per_redemption: int = 100
    max_stamps_per_outage: int = 1_000
    max_redemptions_per_outage: int = 50
    max_voucher_value: int = 250_000
    allow_codes: bool = False


@dataclass(frozen=True)
class MemberFacts:
    """What the till knows of a member, live or cached."""

    is_blocked: bool
    redemption_allowed: bool
    pin_is_blocked: bool
    protected_redemption: bool
    fetched_at: datetime
    projected_stamps: int


@dataclass(frozen=True)
class VoucherFacts:
    """What the till knows of one of the member's vouchers, from the cache."""

    is_active: bool
    start_date: date | None
    end_date: date | None
    value: Decimal | None
    used_on_this_till: bool


@dataclass(frozen=True)
class OutageTotals:
    """What this till has accepted offline since the current outage began."""

    stamps: int = 0
    redemptions: int = 0


@dataclass(frozen=True)
class Decision:
    """The policy's answer. ``provisional`` is true when it is accepted offline."""

    allowed: bool
    provisional: bool = False
    refusal: Refusal | None = None
    reason: str = ""

    @classmethod
    def refuse(cls, refusal: Refusal, reason: str) -> Decision:
        """A refusal with the words a cashier reads."""
        return cls(allowed=False, refusal=refusal, reason=reason)


ONLINE = Decision(allowed=True)
_PROVISIONAL = Decision(allowed=True, provisional=True)


def standing_refusal(member: MemberFacts) -> Decision | None:
    """The refusals that hold online and offline alike, or ``None``."""
    if member.is_blocked:
        return Decision.refuse(
            Refusal.MEMBER_BLOCKED, "This member is blocked. Ask them to contact the store."
        )
    if not member.redemption_allowed:
        return Decision.refuse(
            Refusal.REDEMPTION_NOT_ALLOWED, "Redemptions are not allowed for this member."
        )
    if member.pin_is_blocked:
        return Decision.refuse(
            Refusal.PIN_BLOCKED,
            "This member's PIN is blocked after too many wrong tries; they must reset it.",
        )
    return None


def decide(
    kind: OperationKind,
    member: MemberFacts,
    *,
    online: bool,
    now: datetime,
    limits: OfflineLimits,
    outage: OutageTotals,
    stamps_cost: int = 0,
    voucher: VoucherFacts | None = None,
) -> Decision:
    """May the till accept this redemption now? Online, only the standing refusals apply (the
    server judges the rest); offline, the limits of DESIGN.md §4. ``stamps_cost`` is the stamps a
    reward or cart costs, or the rupiah a voucher deduction takes."""
    if kind is OperationKind.CANCEL:
        # Giving stamps back is always allowed; the outbox reconciles it (DESIGN.md §3).
        return ONLINE if online else _PROVISIONAL
    refused = standing_refusal(member)
    if refused is not None:
        return refused
    if online:
        return ONLINE
    if member.protected_redemption:
        return Decision.refuse(
            Refusal.PIN_NEEDS_SERVER,
            "This member's redemptions need their PIN, which only the server can check. "
            "Try again when the till is back online.",
        )
    if now - member.fetched_at > limits.member_max_age:
        hours = int(limits.member_max_age.total_seconds() // 3600)
        return Decision.refuse(
            Refusal.MEMBER_TOO_OLD,
            f"This member was last seen more than {hours} h ago; the till cannot vouch for "
            "their balance offline.",
        )
    if kind in (OperationKind.REWARD, OperationKind.MULTI):
        return _decide_stamps(member, limits, outage, stamps_cost)
    if kind in (OperationKind.VOUCHER, OperationKind.DEDUCT):
        return _decide_voucher(now, limits, voucher, stamps_cost)
    # Codes cannot be validated offline; a store may accept them under the same caps.
    if not limits.allow_codes:
        return Decision.refuse(
            Refusal.CODE_NEEDS_SERVER,
            "Voucher and promo codes can only be checked online. Try again when the till is "
            "back online.",
        )
    return _within_outage_caps(limits, outage, 0) or _PROVISIONAL


def _within_outage_caps(
    limits: OfflineLimits, outage: OutageTotals, stamps: int
) -> Decision | None:
    if outage.redemptions + 1 > limits.max_redemptions_per_outage:
        return Decision.refuse(
            Refusal.OUTAGE_COUNT_CAP,
            f"This till has accepted {outage.redemptions} redemptions offline, the most allowed "
            "in one outage. A manager can raise the limit.",
        )
    if outage.stamps + stamps > limits.max_stamps_per_outage:
        return Decision.refuse(
            Refusal.OUTAGE_STAMPS_CAP,
            f"This would take offline redemptions to {outage.stamps + stamps} stamps in this "
            f"outage; the limit is {limits.max_stamps_per_outage}.",
        )
    return None


def _decide_stamps(
    member: MemberFacts, limits: OfflineLimits, outage: OutageTotals, cost: int
) -> Decision:
    if cost > member.projected_stamps:
        return Decision.refuse(
            Refusal.NOT_ENOUGH_STAMPS,
            f"Not enough stamps: this costs {cost} and the member has {member.projected_stamps} "
            "after what is waiting to sync.",
        )
    if cost > limits.max_stamps_per_redemption:
        return Decision.refuse(
            Refusal.TOO_COSTLY_OFFLINE,
            f"Offline, one redemption may cost at most {limits.max_stamps_per_redemption} "
            f"stamps; this costs {cost}.",
        )
    return _within_outage_caps(limits, outage, cost) or _PROVISIONAL


def _decide_voucher(
    now: datetime, limits: OfflineLimits, voucher: VoucherFacts | None, value: int | Decimal
) -> Decision:
    if voucher is None:
        return Decision.refuse(
            Refusal.VOUCHER_NOT_CACHED,
            "The till has not seen this voucher before and cannot check it offline.",
        )
    if not voucher.is_active:
        return Decision.refuse(Refusal.VOUCHER_INACTIVE, "This voucher is not active.")
    today = now.date()
    if (voucher.start_date and today < voucher.start_date) or (
        voucher.end_date and today > voucher.end_date
    ):
        return Decision.refuse(Refusal.VOUCHER_OUT_OF_DATE, "This voucher is not valid today.")
    if voucher.used_on_this_till:
        return Decision.refuse(
            Refusal.VOUCHER_USED_HERE, "This voucher was already used on this till."
        )
    worth = value or voucher.value or 0
    if worth > limits.max_voucher_value:
        return Decision.refuse(
            Refusal.VOUCHER_VALUE_CAP,
            f"Offline, a voucher may be worth at most {format_rupiah(limits.max_voucher_value)}; "
            f"this one is {format_rupiah(worth)}.",
        )
    return _PROVISIONAL
