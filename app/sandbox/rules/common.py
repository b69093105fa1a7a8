"""What every redemption shares: the member checks (blocked, barred, PIN), reward lookup and
cost, and recording an applied redemption in the feed and the ledger.

Every operation validates everything first and mutates only after the last check, so a refused
request leaves no trace (a cart is all or nothing).
"""

from __future__ import annotations

import time
from typing import Any

from app.sandbox import views
from app.sandbox.errors import field_error
from app.sandbox.model import (
    LEVELS,
    REWARD_FLEXIBLE,
    Activity,
    Member,
    PinAuthorization,
    Redemption,
    Reward,
    Voucher,
)
from app.sandbox.state import SandboxState, as_int


def rupiah(value: int) -> str:
    """``150000`` → ``Rp 150.000``."""
    return "Rp " + f"{value:,}".replace(",", ".")


def check_may_redeem(
    state: SandboxState, member: Member, request_id: object, *, pin_optional: bool = False
) -> PinAuthorization | None:
    """Blocked members, members barred from redeeming, and PIN-protected members without a live
    authorisation are refused. Returns the authorisation to consume once the effect applies."""
    if member.is_blocked:
        raise field_error("user", f"{member.name}'s membership is blocked", "member_blocked")
    if not member.redemption_allowed:
        raise field_error(
            "user", f"{member.name} is not allowed to redeem", "redemption_not_allowed"
        )
    if not member.protected_redemption or (pin_optional and not request_id):
        return None
    if member.pin_is_blocked:
        raise field_error("user", "PIN is blocked, redemption needs the PIN reset", "pin_blocked")
    if not request_id:
        raise field_error("request_id", "This member's redemptions need PIN authorization")
    auth = state.world.authorizations.get(str(request_id))
    if auth is None or auth.member != member.id:
        raise field_error("request_id", "Request ID has not been authorized")
    if auth.used:
        raise field_error("request_id", "Request ID has already been used")
    if auth.expires_at < state.now():
        raise field_error("request_id", "PIN authorization has expired")
    return auth


def reward_by_id(state: SandboxState, value: object, field: str) -> Reward:
    """A reward by its id, as redeem-reward's ``reward`` ("the reward's ID") names it: a code
    there is not an integer, and is refused as a server would."""
    reward = state.world.rewards.get(as_int(value, field))
    if reward is None:
        raise field_error(field, f"Reward {value} not found")
    return reward


def reward_by_code(state: SandboxState, value: object, field: str) -> Reward:
    """A reward by its code, as a cart's items name it: an id is not a code, and a reward without
    a code cannot be named in a cart at all."""
    if value in (None, ""):
        raise field_error(field, "This field is required.")
    text = str(value).strip()
    for reward in state.world.rewards.values():
        if reward.code is not None and reward.code.lower() == text.lower():
            return reward
    raise field_error(field, f"Reward {text} not found")


def reward_cost(
    member: Member, reward: Reward, store_id: int, qty: int, stamps: object, field: str
) -> int:
    if member.level < reward.min_level:
        raise field_error(field, f"{reward.name} needs {LEVELS[reward.min_level]} level")
    if reward.stores is not None and store_id not in reward.stores:
        raise field_error(field, f"{reward.name} is not available at this store")
    if reward.type != REWARD_FLEXIBLE:
        return qty * reward.stamps_to_redeem
    if stamps in (None, ""):
        raise field_error("stamps", f"{reward.name} is a flexible reward: stamps is required")
    cost = as_int(stamps, "stamps")
    if cost < reward.stamps_to_redeem:
        raise field_error("stamps", f"At least {reward.stamps_to_redeem} stamps are needed")
    return cost


def spend_stamps(member: Member, cost: int) -> None:
    """Take ``cost`` stamps from the member, or refuse in the server's words. A member whose
    balance the server does not hold (``"stamps": null``) has none to spend: a reward paid in
    stamps is refused (it was a TypeError, answered 500), one that costs none goes through."""
    if cost and member.stamps is None:
        raise field_error(
            "stamps",
            f"This member's stamp balance is not available: {cost} stamps cannot be redeemed",
            "insufficient_stamps",
        )
    if member.stamps is None:
        return
    if member.stamps < cost:
        raise field_error(
            "stamps",
            f"Insufficient stamps: {member.stamps} available, {cost} needed",
            "insufficient_stamps",
        )
    member.stamps -= cost


def member_voucher(state: SandboxState, member: Member, value: object) -> Voucher:
    voucher = state.world.vouchers.get(as_int(value, "voucher"))
    if voucher is None:
        raise field_error("voucher", "Voucher not found")
    if voucher.owner != member.id:
        raise field_error(
            "user", f"This voucher is not owned by {member.name}", "invalid_voucher_owner"
        )
    views.voucher_refusal(state, voucher, "voucher")
    return voucher


def channel(data: dict[str, Any]) -> int:
    return as_int(data["channel"], "channel", minimum=1) if data.get("channel") else 2


def issue_voucher(
    state: SandboxState, member: Member, template_id: int, value: int | None
) -> Voucher:
    world = state.world
    vid = world.next_id("next_voucher_id")
    template = world.templates[template_id]
    voucher = Voucher(
        id=vid,
        code=f"RDG-{vid}-{member.id}",
        template=template_id,
        owner=member.id,
        value=value if value is not None else template.value,
        start_date=state.today(),
        end_date=days_after(state, 30),
    )
    world.vouchers[vid] = voucher
    return voucher


def days_after(state: SandboxState, days: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(state.now() + days * 86400))


def apply(
    state: SandboxState,
    key: str | None,
    auth: PinAuthorization | None,
    redemption: Redemption,
) -> None:
    """Record an applied redemption: store it, feed it, ledger it, spend the authorisation."""
    world = state.world
    world.redemptions[redemption.id] = redemption
    world.activities.append(
        Activity(
            id=world.next_id("next_activity_id"),
            member=redemption.member,
            type=1,
            created=redemption.created,
            store=redemption.store,
            redemption=redemption.id,
        )
    )
    if auth is not None:
        auth.used = True
    state.record(
        f"redeem_{redemption.kind}",
        key,
        redemption.member,
        -redemption.stamps_used,
        redemption.id,
        -(redemption.value or 0),
    )
    state.changed()


def new_redemption(
    state: SandboxState, kind: str, member: Member, store: int, **kw: Any
) -> Redemption:
    return Redemption(
        id=state.world.next_id("next_redemption_id"),
        kind=kind,
        member=member.id,
        store=store,
        created=state.now(),
        **kw,
    )
