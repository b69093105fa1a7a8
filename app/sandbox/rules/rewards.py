"""Redeeming rewards: one reward (fixed or flexible, any quantity) or a cart of several."""

from __future__ import annotations

from typing import Any

from app.sandbox import shapes
from app.sandbox.errors import field_error
from app.sandbox.model import (
    REWARD_VOUCHER,
    Reward,
)
from app.sandbox.rules.common import (
    apply,
    channel,
    check_may_redeem,
    issue_voucher,
    new_redemption,
    reward_by_code,
    reward_by_id,
    reward_cost,
    spend_stamps,
)
from app.sandbox.state import EMAIL_OR_MEMBER_ID, SandboxState, as_int, require


def redeem_reward(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/v2/redemptions/redeem-reward."""
    require(data, "user", "reward", "store")
    member = state.member_or_error(data["user"], accepts=EMAIL_OR_MEMBER_ID)
    store = state.store_or_error(data["store"])
    reward = reward_by_id(state, data["reward"], "reward")
    auth = check_may_redeem(state, member, data.get("request_id"))
    qty = as_int(data.get("qty") or 1, "qty", minimum=1)
    cost = reward_cost(member, reward, store.id, qty, data.get("stamps"), "reward")
    spend_stamps(member, cost)
    issued = (
        issue_voucher(state, member, reward.voucher_template, None)
        if reward.type == REWARD_VOUCHER and reward.voucher_template is not None
        else None
    )
    extra = data.get("extra_data") if isinstance(data.get("extra_data"), dict) else {}
    redemption = new_redemption(
        state,
        "reward",
        member,
        store.id,
        name=reward.name,
        stamps_used=cost,
        channel=channel(data),
        invoice_number=str(data.get("invoice_number") or ""),
        items=[{"reward": reward.id, "qty": qty, "stamps": cost}],
        issued_voucher=issued.id if issued else None,
        request_id=str(data["request_id"]) if data.get("request_id") else None,
        extra_data=extra,
    )
    apply(state, key, auth, redemption)
    out: dict[str, Any] = {
        "redemption": {
            "id": redemption.id,
            "reward": reward.name,
            "stamps_used": cost,
            "extra_data": extra,
        },
        "membership": shapes.membership_after_redemption(member),
        "reward": shapes.reward_in_answer(reward),
    }
    if issued is not None:
        out["voucher"] = shapes.voucher_after_redemption(state, issued)
    return out


def redeem_multiple(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/v2/redemptions/redeem-multiple-rewards: one redemption for the whole cart, all
    or nothing; each item is ``{code, qty, stamps, request_id}``."""
    require(data, "user", "store", "rewards")
    member = state.member_or_error(data["user"], accepts=EMAIL_OR_MEMBER_ID)
    store = state.store_or_error(data["store"])
    items = data["rewards"]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise field_error("rewards", "Expected a list of reward objects")
    # The doc puts request_id in each item; a top-level one is taken as the cart's too.
    request_ids = {str(i["request_id"]) for i in items if i.get("request_id")}
    if data.get("request_id"):
        request_ids.add(str(data["request_id"]))
    if len(request_ids) > 1:
        raise field_error("rewards", "Every item of a cart must carry the same request_id")
    auth = check_may_redeem(state, member, next(iter(request_ids), None))
    lines: list[tuple[Reward, int, int]] = []
    for n, item in enumerate(items, start=1):
        field = f"rewards[{n - 1}]"
        reward = reward_by_code(state, item.get("code"), field)
        qty = as_int(item.get("qty") or 1, f"{field}.qty", minimum=1)
        cost = reward_cost(member, reward, store.id, qty, item.get("stamps"), field)
        lines.append((reward, qty, cost))
    total = sum(cost for _, _, cost in lines)
    spend_stamps(member, total)
    issued = [
        issue_voucher(state, member, reward.voucher_template, None)
        for reward, _, _ in lines
        if reward.type == REWARD_VOUCHER and reward.voucher_template is not None
    ]
    name = ", ".join(f"{qty}× {r.name}" if qty > 1 else r.name for r, qty, _ in lines)
    redemption = new_redemption(
        state,
        "multiple_rewards",
        member,
        store.id,
        name=name,
        stamps_used=total,
        channel=channel(data),
        invoice_number=str(data.get("invoice_number") or ""),
        items=[{"reward": r.id, "qty": qty, "stamps": cost} for r, qty, cost in lines],
        issued_voucher=issued[0].id if issued else None,
        request_id=next(iter(request_ids), None),
    )
    apply(state, key, auth, redemption)
    # The example's redemption names the reward twice, a name then an object; a JSON reader keeps
    # the object, so that is what is sent: the first reward, and the voucher a voucher-type gave.
    body: dict[str, Any] = {
        "id": redemption.id,
        "reward": shapes.reward_in_answer(lines[0][0]),
        "stamps_used": total,
        "extra_data": {},
    }
    if issued:
        body["voucher"] = shapes.voucher_after_redemption(state, issued[0])
    return {"redemption": body, "membership": shapes.membership_with_level(member)}
