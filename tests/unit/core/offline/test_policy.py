"""Each rule of the offline policy (architecture §4), and the refusals that hold online too."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.core.domain import OperationKind
from app.core.offline.policy import (
    MemberFacts,
    OfflineLimits,
    OutageTotals,
    PolicyDecision,
    Refusal,
    VoucherFacts,
    apply_policy,
)

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
LIMITS = OfflineLimits()
MEMBER = MemberFacts(
    is_blocked=False,
    redemption_allowed=True,
    pin_is_blocked=False,
    protected_redemption=False,
    fetched_at=NOW - timedelta(hours=2),
    projected_stamps=300,
)
VOUCHER = VoucherFacts(
    is_active=True,
    start_date=date(2026, 11, 1),
    end_date=date(2026, 12, 31),
    value=50_000,
    used_on_this_till=False,
    kind_known=True,
)


def offline(kind: OperationKind = OperationKind.REWARD, **kwargs: Any) -> PolicyDecision:
    """The policy's decision offline, with the defaults above unless a test says otherwise."""
    args: dict[str, Any] = {
        "online": False,
        "now": NOW,
        "limits": LIMITS,
        "outage": OutageTotals(),
        "stamps": 20,
    }
    args.update(kwargs)
    member = args.pop("member", MEMBER)
    return apply_policy(kind, member, **args)


def test_a_cached_member_with_stamps_is_accepted_offline_as_provisional() -> None:
    decision = offline()
    assert decision.allowed and decision.provisional


def test_online_the_server_judges_and_nothing_is_provisional() -> None:
    decision = offline(online=True, stamps=10_000)
    assert decision.allowed and not decision.provisional


@pytest.mark.parametrize("kind", [OperationKind.REWARD, OperationKind.MULTI])
def test_online_a_cost_over_the_balance_just_read_is_refused_at_the_counter(
    kind: OperationKind,
) -> None:
    # Ayu's 250 stamps read a moment ago, a cart of 15 × 20 = 300 was sent all the same, and the
    # server's "Insufficient stamps" counted as failed, for a manager to clear.
    just_read = replace(MEMBER, fetched_at=NOW - timedelta(minutes=1), projected_stamps=250)
    decision = offline(kind, member=just_read, online=True, stamps=300)
    assert not decision.allowed and decision.refusal is Refusal.SHORT_OF_STAMPS
    assert decision.refusal.holds_online  # the till's refusal, not the offline rules'
    assert str(decision.reason).startswith(
        "Not enough stamps by the balance the Stamps server gave when the member was looked up: "
        "this costs 300 and the member has 250"
    )
    assert offline(kind, member=just_read, online=True, stamps=250).allowed
    # A balance read a while ago, or from the cache: the member may have earned stamps since.
    for unsure in (
        replace(just_read, fetched_at=NOW - timedelta(minutes=6)),
        replace(just_read, live=False),
        replace(just_read, projected_stamps=None),
    ):
        assert offline(kind, member=unsure, online=True, stamps=300).allowed


@pytest.mark.parametrize("online", [True, False])
@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"is_blocked": True}, Refusal.MEMBER_BLOCKED),
        ({"redemption_allowed": False}, Refusal.REDEMPTION_NOT_ALLOWED),
        ({"pin_is_blocked": True}, Refusal.PIN_BLOCKED),
    ],
)
def test_standing_refusals_hold_online_and_offline(
    online: bool, change: dict[str, bool], refusal: Refusal
) -> None:
    decision = offline(online=online, member=replace(MEMBER, **change))
    assert not decision.allowed
    assert decision.refusal is refusal
    assert decision.reason


def test_a_pin_protected_member_is_refused_offline_only() -> None:
    member = replace(MEMBER, protected_redemption=True)
    assert offline(member=member).refusal is Refusal.PIN_NEEDS_SERVER
    assert offline(member=member, online=True).allowed


def test_a_pin_protected_members_voucher_code_is_judged_offline_as_anyones() -> None:
    # by-voucher-code takes no PIN check (no request_id): offline, a code of Budi's was refused
    # as needing the server to check a PIN it would never have been asked
    member = replace(MEMBER, protected_redemption=True)
    assert offline(OperationKind.CODE, member=member).refusal is Refusal.CODE_NEEDS_SERVER
    allowing = OfflineLimits(allow_codes=True)
    assert offline(OperationKind.CODE, member=member, limits=allowing).allowed
    assert offline(OperationKind.PROMO, member=member, limits=allowing).refusal is (
        Refusal.PIN_NEEDS_SERVER
    )


def test_a_blocked_pin_does_not_refuse_a_voucher_code_which_takes_no_pin() -> None:
    # Sri's PIN is blocked: her code was refused "PIN blocked: must be reset", though
    # by-voucher-code takes no PIN check and the server would have redeemed it
    member = replace(MEMBER, protected_redemption=True, pin_is_blocked=True)
    assert offline(OperationKind.CODE, member=member, online=True).allowed
    assert offline(OperationKind.REWARD, member=member, online=True).refusal is Refusal.PIN_BLOCKED


@pytest.mark.parametrize("kind", [OperationKind.REWARD, OperationKind.VOUCHER])
def test_the_kiosk_refuses_everything_offline_and_nothing_more_online(kind: OperationKind) -> None:
    # what the counter would accept offline (a cached member, a cached voucher, within the caps)
    assert offline(kind, voucher=VOUCHER).allowed
    refused = offline(kind, voucher=VOUCHER, kiosk=True)
    assert refused.refusal is Refusal.KIOSK_OFFLINE and not refused.allowed
    assert offline(kind, voucher=VOUCHER, kiosk=True, online=True).allowed


def test_a_member_cached_more_than_a_day_ago_is_refused() -> None:
    stale = replace(MEMBER, fetched_at=NOW - timedelta(hours=24, seconds=1))
    assert offline(member=stale).refusal is Refusal.MEMBER_TOO_OLD
    fresh = replace(MEMBER, fetched_at=NOW - timedelta(hours=24))
    assert offline(member=fresh).allowed


@pytest.mark.parametrize("moved_back", [timedelta(days=1), timedelta(hours=2)])
def test_a_member_read_before_the_clock_was_moved_back_is_not_vouched_for_offline(
    moved_back: timedelta,
) -> None:
    # Read at 10:00, a day before the clock was set back: by the clock it was read tomorrow,
    # and a balance up to two days old passed for a fresh one.
    read_then = replace(MEMBER, fetched_at=NOW + moved_back)
    decision = offline(member=read_then)
    assert not decision.allowed and decision.refusal is Refusal.MEMBER_AGE_UNKNOWN
    assert "clock" in str(decision.reason)
    # a step within what a clock is let drift is no moving back
    assert offline(member=replace(MEMBER, fetched_at=NOW + timedelta(minutes=1))).allowed


def test_online_a_balance_read_before_the_clock_was_moved_back_is_left_to_the_server() -> None:
    # read before the clock went back a day: by the clock "just now", and not enough for 300
    read_then = replace(MEMBER, fetched_at=NOW + timedelta(days=1), projected_stamps=250)
    assert offline(member=read_then, online=True, stamps=300).allowed


def test_the_projected_balance_must_cover_the_cost() -> None:
    member = replace(MEMBER, projected_stamps=19)
    decision = offline(member=member, stamps=20)
    assert decision.refusal is Refusal.NOT_ENOUGH_STAMPS
    assert decision.reason is not None and "19" in str(decision.reason)


@pytest.mark.parametrize("kind", [OperationKind.REWARD, OperationKind.MULTI])
def test_offline_nothing_is_paid_in_stamps_the_server_never_gave(kind: OperationKind) -> None:
    # `"stamps": null` was taken for 0 and projected from; online the server judges its balance
    unknown = replace(MEMBER, projected_stamps=None)
    decision = offline(kind, member=unknown, stamps=1)
    assert decision.refusal is Refusal.STAMPS_UNKNOWN
    assert decision.reason is not None and "has not given this member's stamps" in str(
        decision.reason
    )
    assert offline(kind, member=unknown, online=True).allowed
    assert offline(OperationKind.VOUCHER, member=unknown, voucher=VOUCHER).allowed


def test_one_redemption_costs_at_most_100_stamps_offline() -> None:
    assert offline(stamps=100).allowed
    assert offline(stamps=101).refusal is Refusal.TOO_COSTLY_OFFLINE


@pytest.mark.parametrize("kind", [OperationKind.REWARD, OperationKind.MULTI])
def test_the_outage_caps_stamps_and_count(kind: OperationKind) -> None:
    assert offline(kind, outage=OutageTotals(stamps=980, redemptions=3), stamps=20).allowed
    at_cap = offline(kind, outage=OutageTotals(stamps=990, redemptions=3), stamps=20)
    assert at_cap.refusal is Refusal.OUTAGE_STAMPS_CAP
    assert offline(kind, outage=OutageTotals(stamps=0, redemptions=49)).allowed
    count = offline(kind, outage=OutageTotals(stamps=0, redemptions=50))
    assert count.refusal is Refusal.OUTAGE_COUNT_CAP


def test_limits_are_settings() -> None:
    generous = OfflineLimits(max_stamps_per_redemption=500, member_max_age=timedelta(days=3))
    old = replace(MEMBER, fetched_at=NOW - timedelta(days=2))
    assert offline(member=old, stamps=250, limits=generous).allowed


@pytest.mark.parametrize("kind", [OperationKind.VOUCHER, OperationKind.DEDUCT])
def test_a_cached_valid_voucher_is_accepted_offline(kind: OperationKind) -> None:
    decision = offline(kind, voucher=VOUCHER, rupiah=0)
    assert decision.allowed and decision.provisional


@pytest.mark.parametrize(
    ("voucher", "refusal"),
    [
        (None, Refusal.VOUCHER_NOT_CACHED),
        (replace(VOUCHER, is_active=False), Refusal.VOUCHER_INACTIVE),
        (replace(VOUCHER, end_date=date(2026, 11, 24)), Refusal.VOUCHER_OUT_OF_DATE),
        (replace(VOUCHER, start_date=date(2026, 11, 26)), Refusal.VOUCHER_OUT_OF_DATE),
        (replace(VOUCHER, used_on_this_till=True), Refusal.VOUCHER_USED_HERE),
        (replace(VOUCHER, value=250_001), Refusal.VOUCHER_VALUE_CAP),
    ],
)
def test_voucher_rules(voucher: VoucherFacts | None, refusal: Refusal) -> None:
    assert offline(OperationKind.VOUCHER, voucher=voucher, rupiah=0).refusal is refusal


def test_a_deduction_is_capped_by_the_value_it_takes() -> None:
    dynamic = replace(VOUCHER, value=None)
    assert offline(OperationKind.DEDUCT, voucher=dynamic, rupiah=250_000).allowed
    over = offline(OperationKind.DEDUCT, voucher=dynamic, rupiah=250_001)
    assert over.refusal is Refusal.VOUCHER_VALUE_CAP
    assert "Rp 250.000" in str(over.reason)


def test_offline_nothing_is_deducted_from_a_voucher_whose_kind_was_never_confirmed() -> None:
    # Offered as a balance voucher only because no one said otherwise: if it is an ordinary one,
    # the server refuses the deduction later, after the goods went over the counter.
    unconfirmed = replace(VOUCHER, value=100_000, kind_known=False)
    refused = offline(OperationKind.DEDUCT, voucher=unconfirmed, rupiah=20_000)
    assert refused.refusal is Refusal.VOUCHER_KIND_UNCONFIRMED
    assert str(refused.reason) == (
        "The Stamps server has not confirmed that this is a balance voucher, so nothing can be "
        "deducted from it offline. Try again when the till is back online."
    )
    # Used whole it is good as either kind (what a balance voucher has left is lost, and the
    # cashier was told so); online the server judges the deduction itself.
    assert offline(OperationKind.VOUCHER, voucher=unconfirmed, rupiah=100_000).provisional
    online = apply_policy(
        OperationKind.DEDUCT,
        MEMBER,
        online=True,
        now=NOW,
        limits=LIMITS,
        outage=OutageTotals(),
        rupiah=20_000,
        voucher=unconfirmed,
    )
    assert online.allowed and not online.provisional


@pytest.mark.parametrize("kind", [OperationKind.CODE, OperationKind.PROMO])
def test_codes_are_refused_offline_unless_the_store_allows_them(kind: OperationKind) -> None:
    assert offline(kind).refusal is Refusal.CODE_NEEDS_SERVER
    allowing = OfflineLimits(allow_codes=True)
    assert offline(kind, limits=allowing).provisional
    capped = offline(kind, limits=allowing, outage=OutageTotals(redemptions=50))
    assert capped.refusal is Refusal.OUTAGE_COUNT_CAP


def test_a_cancel_is_always_allowed_even_for_a_blocked_member() -> None:
    blocked = replace(MEMBER, is_blocked=True, fetched_at=NOW - timedelta(days=30))
    assert offline(OperationKind.CANCEL, member=blocked).allowed
