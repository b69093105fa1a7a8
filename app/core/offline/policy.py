"""The offline policy of architecture §4: what a till may accept without the server, and why not.

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
from app.core.messages import Message, say


class Refusal(StrEnum):
    """Why the till will not accept a redemption. The value is stable for logs and tests, and
    names the message that explains it (``policy.<value>``)."""

    MEMBER_BLOCKED = "member_blocked"
    REDEMPTION_NOT_ALLOWED = "redemption_not_allowed"
    PIN_BLOCKED = "pin_blocked"
    PIN_NEEDS_SERVER = "pin_needs_server"
    MEMBER_TOO_OLD = "member_too_old"
    MEMBER_AGE_UNKNOWN = "member_age_unknown"
    NOT_ENOUGH_STAMPS = "not_enough_stamps"
    SHORT_OF_STAMPS = "short_of_stamps"
    STAMPS_UNKNOWN = "stamps_unknown"
    TOO_COSTLY_OFFLINE = "too_costly_offline"
    OUTAGE_STAMPS_CAP = "outage_stamps_cap"
    OUTAGE_COUNT_CAP = "outage_count_cap"
    VOUCHER_NOT_CACHED = "voucher_not_cached"
    VOUCHER_INACTIVE = "voucher_inactive"
    VOUCHER_OUT_OF_DATE = "voucher_out_of_date"
    VOUCHER_USED_HERE = "voucher_used_here"
    VOUCHER_VALUE_CAP = "voucher_value_cap"
    VOUCHER_KIND_UNCONFIRMED = "voucher_kind_unconfirmed"
    CODE_NEEDS_SERVER = "code_needs_server"
    KIOSK_OFFLINE = "kiosk_offline"

    @property
    def holds_online(self) -> bool:
        """Whether the till refuses this online too (the member's standing). Every other refusal
        is the offline rules': made only because the server cannot be asked, so what a screen
        says of it is "not redeemed", never that anyone refused it on its merits."""
        return self in _STANDING


#: The refusals of :func:`standing_refusal`: the member's, whatever the network; and the balance
#: the server gave moments ago, short of the cost (:func:`short_of_stamps`), a refusal the server
#: is bound to repeat.
_STANDING = frozenset(
    {
        Refusal.MEMBER_BLOCKED,
        Refusal.REDEMPTION_NOT_ALLOWED,
        Refusal.PIN_BLOCKED,
        Refusal.SHORT_OF_STAMPS,
    }
)
#: How long a balance the server gave stays the till's to judge a cost by, online. Longer, the
#: member may have earned stamps since (a purchase at another till) and the server judges.
BALANCE_FRESH_FOR = timedelta(minutes=5)
#: A member read later than the till's clock now reads, by more than this, was read before the
#: clock was moved back: how old that balance is, nobody can tell from the clock. (Within it, a
#: clock's own correction: the two minutes the till lets its clock differ from the server's.)
CLOCK_MOVED_BACK_BY = timedelta(minutes=2)


@dataclass(frozen=True)
class OfflineLimits:
    """The limits a store manager sets (architecture §4 defaults)."""

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
    #: ``None`` when the server never gave the member's balance: nothing to project from
    projected_stamps: int | None
    #: read from the server (not the cache) as of ``fetched_at``
    live: bool = True


@dataclass(frozen=True)
class VoucherFacts:
    """What the till knows of one of the member's vouchers, from the cache.

    ``kind_known`` is false when no one (the listing, the rewards list, a validation) said
    whether it is a balance voucher: it is treated as one, but may be an ordinary voucher.
    """

    is_active: bool
    start_date: date | None
    end_date: date | None
    value: Decimal | None
    used_on_this_till: bool
    kind_known: bool


@dataclass(frozen=True)
class OutageTotals:
    """What this till has accepted offline since the current outage began."""

    stamps: int = 0
    redemptions: int = 0


@dataclass(frozen=True)
class PolicyDecision:
    """The policy's answer. ``provisional`` is true when it is accepted offline; a refusal
    carries its ``reason`` for the cashier."""

    allowed: bool
    provisional: bool = False
    refusal: Refusal | None = None
    reason: Message | None = None

    @classmethod
    def refuse(cls, refusal: Refusal, **params: str | int) -> PolicyDecision:
        """A refusal, explained by the message ``policy.<refusal>`` filled with ``params``."""
        return cls(allowed=False, refusal=refusal, reason=say(f"policy.{refusal.value}", **params))


ONLINE = PolicyDecision(allowed=True)
_PROVISIONAL = PolicyDecision(allowed=True, provisional=True)


def standing_refusal(member: MemberFacts, kind: OperationKind) -> PolicyDecision | None:
    """The refusals that hold online and offline alike for an order of ``kind``, or ``None``.
    A blocked PIN refuses only what takes a PIN check (a voucher code takes none)."""
    if member.is_blocked:
        return PolicyDecision.refuse(Refusal.MEMBER_BLOCKED)
    if not member.redemption_allowed:
        return PolicyDecision.refuse(Refusal.REDEMPTION_NOT_ALLOWED)
    if member.pin_is_blocked and kind.takes_a_pin:
        return PolicyDecision.refuse(Refusal.PIN_BLOCKED)
    return None


def kiosk_offline() -> PolicyDecision:
    """The kiosk's offline policy: it refuses everything. Nobody waits at a kiosk for the network
    to come back, and a redemption sent after its customer has gone may be redeemed twice: the
    counter, asked meanwhile, redeems it for them (docs/kiosk.md)."""
    return PolicyDecision.refuse(Refusal.KIOSK_OFFLINE)


def apply_policy(
    kind: OperationKind,
    member: MemberFacts,
    *,
    online: bool,
    now: datetime,
    limits: OfflineLimits,
    outage: OutageTotals,
    stamps: int = 0,
    rupiah: int | Decimal = 0,
    voucher: VoucherFacts | None = None,
    kiosk: bool = False,
) -> PolicyDecision:
    """May the till accept this redemption now? Online, only the standing refusals apply (the
    server judges the rest); offline, the limits of architecture §4, or, on the kiosk's channel
    (``kiosk``), :func:`kiosk_offline`. ``stamps`` is what a reward or cart costs; ``rupiah`` what
    a voucher deduction takes (a whole voucher is worth its value)."""
    if kind is OperationKind.CANCEL:
        # Giving stamps back is always allowed; the outbox reconciles it (architecture §3).
        return ONLINE if online else _PROVISIONAL
    if kiosk and not online:
        return kiosk_offline()
    refused = standing_refusal(member, kind)
    if refused is not None:
        return refused
    if online:
        if kind in (OperationKind.REWARD, OperationKind.MULTI):
            return short_of_stamps(member, now, stamps) or ONLINE
        return ONLINE
    if member.protected_redemption and kind.takes_a_pin:
        # a voucher code takes no PIN check (its endpoint takes no request_id): codes are
        # judged below, as any member's
        return PolicyDecision.refuse(Refusal.PIN_NEEDS_SERVER)
    if member.fetched_at - now > CLOCK_MOVED_BACK_BY:
        # by the clock it was read in the future: a day back, a copy two days old was "fresh"
        return PolicyDecision.refuse(Refusal.MEMBER_AGE_UNKNOWN)
    if now - member.fetched_at > limits.member_max_age:
        hours = int(limits.member_max_age.total_seconds() // 3600)
        return PolicyDecision.refuse(Refusal.MEMBER_TOO_OLD, hours=hours)
    if kind in (OperationKind.REWARD, OperationKind.MULTI):
        return _decide_stamps(member, limits, outage, stamps)
    if kind in (OperationKind.VOUCHER, OperationKind.DEDUCT):
        return _decide_voucher(kind, now, limits, voucher, rupiah)
    # Codes cannot be validated offline; a store may accept them under the same caps.
    if not limits.allow_codes:
        return PolicyDecision.refuse(Refusal.CODE_NEEDS_SERVER)
    return _within_outage_caps(limits, outage, 0) or _PROVISIONAL


def short_of_stamps(member: MemberFacts, now: datetime, cost: int) -> PolicyDecision | None:
    """Online, the refusal of a reward or cart costing more than the balance the server gave
    moments ago (:data:`BALANCE_FRESH_FOR`), less what waits to sync; else ``None`` and the
    server judges. Sent, it came back "Insufficient stamps", counted failed for a manager."""
    age = now - member.fetched_at
    # read before the clock was moved back: "moments ago" by the clock, of unknown age in fact
    fresh = member.live and -CLOCK_MOVED_BACK_BY <= age <= BALANCE_FRESH_FOR
    if not fresh or member.projected_stamps is None or cost <= member.projected_stamps:
        return None
    return PolicyDecision.refuse(Refusal.SHORT_OF_STAMPS, cost=cost, stamps=member.projected_stamps)


def _within_outage_caps(
    limits: OfflineLimits, outage: OutageTotals, stamps: int
) -> PolicyDecision | None:
    if outage.redemptions + 1 > limits.max_redemptions_per_outage:
        return PolicyDecision.refuse(Refusal.OUTAGE_COUNT_CAP, count=outage.redemptions)
    if outage.stamps + stamps > limits.max_stamps_per_outage:
        return PolicyDecision.refuse(
            Refusal.OUTAGE_STAMPS_CAP,
            total=outage.stamps + stamps,
            limit=limits.max_stamps_per_outage,
        )
    return None


def _decide_stamps(
    member: MemberFacts, limits: OfflineLimits, outage: OutageTotals, cost: int
) -> PolicyDecision:
    if member.projected_stamps is None:
        # Online the server judges the balance it holds; offline the till would be guessing one.
        return PolicyDecision.refuse(Refusal.STAMPS_UNKNOWN)
    if cost > member.projected_stamps:
        return PolicyDecision.refuse(
            Refusal.NOT_ENOUGH_STAMPS, cost=cost, stamps=member.projected_stamps
        )
    if cost > limits.max_stamps_per_redemption:
        return PolicyDecision.refuse(
            Refusal.TOO_COSTLY_OFFLINE, limit=limits.max_stamps_per_redemption, cost=cost
        )
    return _within_outage_caps(limits, outage, cost) or _PROVISIONAL


def _decide_voucher(
    kind: OperationKind,
    now: datetime,
    limits: OfflineLimits,
    voucher: VoucherFacts | None,
    rupiah: int | Decimal,
) -> PolicyDecision:
    if voucher is None:
        return PolicyDecision.refuse(Refusal.VOUCHER_NOT_CACHED)
    if not voucher.is_active:
        return PolicyDecision.refuse(Refusal.VOUCHER_INACTIVE)
    today = now.date()
    if (voucher.start_date and today < voucher.start_date) or (
        voucher.end_date and today > voucher.end_date
    ):
        return PolicyDecision.refuse(Refusal.VOUCHER_OUT_OF_DATE)
    if voucher.used_on_this_till:
        return PolicyDecision.refuse(Refusal.VOUCHER_USED_HERE)
    if kind is OperationKind.DEDUCT and not voucher.kind_known:
        # The server refuses a deduction from an ordinary voucher, later, when the goods are
        # gone. Used whole, either kind is good, so only the deduction waits for the server.
        return PolicyDecision.refuse(Refusal.VOUCHER_KIND_UNCONFIRMED)
    worth = rupiah or voucher.value or 0
    if worth > limits.max_voucher_value:
        return PolicyDecision.refuse(
            Refusal.VOUCHER_VALUE_CAP,
            limit=format_rupiah(limits.max_voucher_value),
            value=format_rupiah(worth),
        )
    return _PROVISIONAL
