"""Cancelling a redemption: stamps back, the voucher back or replaced, the cart as a whole."""

from __future__ import annotations

from typing import Any

from app.sandbox import shapes
from app.sandbox.errors import field_error, not_found
from app.sandbox.model import (
    Activity,
    Voucher,
)
from app.sandbox.rules.common import issue_voucher
from app.sandbox.state import SandboxState, as_bool, as_int, require


def cancel(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/redemptions/cancel: refunds stamps, gives back or replaces the voucher; a cart
    is cancelled as a whole."""
    require(data, "id")
    rid = as_int(data["id"], "id")
    redemption = state.world.redemptions.get(rid)
    if redemption is None:
        raise not_found(f"Redemption {rid} not found")
    if redemption.status == "Canceled":
        raise field_error("id", "Redemption is already canceled")
    replace = as_bool(data.get("create_replacement_voucher", False))
    world = state.world
    member = world.members[redemption.member]

    member.stamps += redemption.stamps_used
    replacement: Voucher | None = None
    if redemption.voucher is not None:
        voucher = world.vouchers[redemption.voucher]
        if replace:
            value = redemption.value if redemption.kind == "deduct" else voucher.value
            replacement = issue_voucher(state, member, voucher.template, value)
        elif redemption.kind == "deduct":
            voucher.value = (voucher.value or 0) + (redemption.value or 0)
            voucher.used = False
        else:
            voucher.used = False
    if redemption.issued_voucher is not None:
        world.vouchers[redemption.issued_voucher].is_active = False
    redemption.status = "Canceled"
    redemption.canceled = state.now()
    world.activities.append(
        Activity(
            id=world.next_id("next_activity_id"),
            member=member.id,
            type=16,
            created=state.now(),
            store=redemption.store,
            notes=f"Redemption #{redemption.id} canceled",
            details={
                "refund": {
                    "redemption_id": redemption.id,
                    "name": redemption.name,
                    "stamps": redemption.stamps_used,
                }
            },
        )
    )
    refunded_value = 0 if replace else (redemption.value or 0)
    state.record("cancel", key, member.id, redemption.stamps_used, redemption.id, refunded_value)
    state.changed()
    out: dict[str, Any] = {
        "redemption": {"id": redemption.id, "status": "Canceled"},
        "customer": shapes.customer_brief(member),
    }
    if replacement is not None:
        out["voucher"] = shapes.voucher_after_redemption(state, replacement)
    return out
