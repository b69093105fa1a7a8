"""Cancelling a redemption: stamps back, the voucher back or replaced, the cart as a whole."""

from __future__ import annotations

from typing import Any

from app.sandbox import shapes
from app.sandbox.errors import field_error, not_found
from app.sandbox.model import (
    CHANNELS,
    Activity,
    Redemption,
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

    if member.stamps is not None:  # a balance the server does not hold stays unknown
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
            details={"transaction_modification": _refund(redemption)},
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


def _refund(redemption: Redemption) -> dict[str, Any]:
    """A type-16 ("Refund Stamps") line's ``transaction_modification`` as activity_api.rst shows
    it: the cancelled redemption is the root and original transaction, nothing replaces it."""
    transaction = {"id": redemption.id, "invoice_number": redemption.invoice_number or None}
    return {
        "root_transaction": transaction,
        "original_transaction": dict(transaction),
        "modified_transaction": None,
        "stamps_delta": redemption.stamps_used,
        "stamps_delta_override": 0,
        "stamps_refund_from_payments": 0,
        "total_stamps_delta": redemption.stamps_used,
        "subtotal_delta": 0,
        "grand_total_delta": 0,
        "invoice_number": redemption.invoice_number or None,
        "channel": CHANNELS.get(redemption.channel, "POS"),
    }
