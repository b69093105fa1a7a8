"""Redeeming a member's voucher, deducting from a dynamic one, a voucher code, a promo code."""

from __future__ import annotations

from typing import Any

from app.sandbox import shapes, views
from app.sandbox.errors import field_error
from app.sandbox.model import (
    Member,
    PinAuthorization,
    Voucher,
)
from app.sandbox.rules.common import (
    apply,
    channel,
    check_may_redeem,
    member_voucher,
    new_redemption,
    rupiah,
)
from app.sandbox.state import (
    EMAIL_OR_MEMBER_ID,
    EMAIL_OR_PHONE,
    SandboxState,
    as_int,
    require,
)


def redeem_voucher(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/v2/redemptions/redeem-voucher: the whole voucher is used."""
    require(data, "user", "voucher", "store")
    member = state.member_or_error(data["user"], accepts=EMAIL_OR_MEMBER_ID)
    store = state.store_or_error(data["store"])
    auth = check_may_redeem(state, member, data.get("request_id"))
    voucher = member_voucher(state, member, data["voucher"])

    voucher.used = True
    return _voucher_answer(state, data, key, auth, member, store.id, voucher, "voucher", None)


def deduct_value(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/vouchers/deduct-value: part of a dynamic voucher's remaining value."""
    require(data, "user", "voucher", "store", "value")
    member = state.member_or_error(data["user"], accepts=EMAIL_OR_MEMBER_ID)
    store = state.store_or_error(data["store"])
    auth = check_may_redeem(state, member, data.get("request_id"))
    voucher = member_voucher(state, member, data["voucher"])
    value = as_int(data["value"], "value", minimum=1)
    if state.world.templates[voucher.template].validity != "Dynamic" or voucher.value is None:
        raise field_error("voucher", "Only a dynamic-value voucher can have value deducted")
    if value > voucher.value:
        raise field_error("value", f"Value exceeds the voucher's remaining {rupiah(voucher.value)}")

    voucher.value -= value
    voucher.used = voucher.value == 0
    return _voucher_answer(state, data, key, auth, member, store.id, voucher, "deduct", value)


def _voucher_answer(
    state: SandboxState,
    data: dict[str, Any],
    key: str | None,
    auth: PinAuthorization | None,
    member: Member,
    store: int,
    voucher: Voucher,
    kind: str,
    value: int | None,
) -> dict[str, Any]:
    template = state.world.templates[voucher.template]
    extra = data.get("extra_data") if isinstance(data.get("extra_data"), dict) else {}
    redemption = new_redemption(
        state,
        kind,
        member,
        store,
        name=template.name if value is None else f"{template.name} ({rupiah(value)})",
        stamps_used=0,
        channel=channel(data),
        invoice_number=str(data.get("invoice_number") or ""),
        voucher=voucher.id,
        value=value,
        request_id=str(data["request_id"]) if data.get("request_id") else None,
        extra_data=extra,
    )
    apply(state, key, auth, redemption)
    return {
        "redemption": {
            "id": redemption.id,
            "reward": redemption.name,
            "stamps_used": 0,
            "extra_data": extra,
        },
        "membership": shapes.membership_after_redemption(member),
        "voucher": shapes.voucher_after_redemption(state, voucher),
    }


def redeem_by_code(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/redemptions/by-voucher-code. The member is "email or phone"; the parameter table
    names it ``identifier``, the curl example sends ``user``: both are accepted."""
    field = "user" if not data.get("identifier") and data.get("user") else "identifier"
    data = {**data, "identifier": data.get(field)}
    require(data, "identifier", "voucher_code", "voucher_template", "store")
    member = state.member_or_error(data["identifier"], field, accepts=EMAIL_OR_PHONE)
    store = state.store_or_error(data["store"])
    voucher = views.find_voucher_by_code(state, str(data["voucher_code"]))
    if voucher is None:
        raise field_error("voucher_code", "Voucher not found")
    template = as_int(data["voucher_template"], "voucher_template")
    if template not in (voucher.template, voucher.id):
        raise field_error("voucher_template", "Voucher code does not match this voucher template")
    if voucher.owner is not None and voucher.owner != member.id:
        raise field_error(
            "identifier", f"This voucher is not owned by {member.name}", "invalid_voucher_owner"
        )
    # The doc lists no request_id here: a PIN is checked only when one is sent.
    auth = check_may_redeem(state, member, data.get("request_id"), pin_optional=True)
    views.voucher_refusal(state, voucher)

    voucher.used = True
    voucher.owner = member.id
    redemption = new_redemption(
        state,
        "voucher_code",
        member,
        store.id,
        name=state.world.templates[voucher.template].name,
        stamps_used=0,
        channel=channel(data),
        invoice_number=str(data.get("invoice_number") or ""),
        voucher=voucher.id,
    )
    apply(state, key, auth, redemption)
    return {
        "redemption": {"id": redemption.id, "status": "Created"},
        "customer": shapes.customer_brief(member),
    }


def redeem_promo(state: SandboxState, data: dict[str, Any], key: str | None) -> dict[str, Any]:
    """POST /api/v3/redemptions/redeem-promo-code (invoice_number is required here)."""
    require(data, "user", "promo_code", "store", "invoice_number")
    member = state.member_or_error(data["user"], accepts=EMAIL_OR_MEMBER_ID)
    store = state.store_or_error(data["store"])
    promo = views.find_promo(state, data["promo_code"])
    if promo is None:
        raise field_error("promo_code", "Promo code not found")
    views.promo_refusal(state, promo)
    auth = check_may_redeem(state, member, data.get("request_id"))
    used = sum(
        1
        for r in state.world.redemptions.values()
        if r.promo_code == promo.id and r.member == member.id and r.status != "Canceled"
    )
    if used >= promo.max_usage_per_person:
        raise field_error("promo_code", "Promo code usage limit reached for this member")

    redemption = new_redemption(
        state,
        "promo_code",
        member,
        store.id,
        name=promo.name,
        stamps_used=0,
        channel=channel(data),
        invoice_number=str(data["invoice_number"]),
        promo_code=promo.id,
        request_id=str(data["request_id"]) if data.get("request_id") else None,
    )
    apply(state, key, auth, redemption)
    return {
        "redemption": {
            "id": redemption.id,
            "reward": promo.name,
            "stamps_used": 0,
            "extra_data": dict(promo.extra_data),
        },
        "user": shapes.user_brief(member),
        "membership": shapes.membership_with_level(member),
    }
