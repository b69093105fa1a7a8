"""How sandbox objects look on the wire, one function per block of the docs' examples.

The docs disagree between endpoints (``status`` is a level number in one answer, ``"Active"`` in
another, ``"Blue"`` in a third) and the sandbox keeps those differences on purpose: a client must
cope with them against the real server too.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.model import LEVELS, Member, PromoCode, Reward, Voucher
from app.sandbox.state import SandboxState


def level_text(member: Member) -> str:
    return LEVELS.get(member.level, "Blue")


def dd_mm_yyyy(iso_date: str) -> str:
    """``2026-01-31`` → ``31-01-2026 00:00``, the rewards list's date format."""
    year, month, day = iso_date.split("-")
    return f"{day}-{month}-{year} 00:00"


def membership_after_redemption(member: Member) -> dict[str, Any]:
    """The ``membership`` block of redeem-reward, redeem-voucher and deduct-value."""
    return {
        "id": member.id,
        "tags": [],
        "status": member.level,
        "level_text": level_text(member),
        "stamps": member.stamps,
        "stamps_remaining": member.stamps,
        "balance": member.balance,
        "is_blocked": member.is_blocked,
        "referral_code": member.referral_code,
        "start_date": member.start_date,
        "created": member.start_date,
    }


def membership_with_level(member: Member) -> dict[str, Any]:
    """The ``membership`` block of the promo code and multiple-rewards answers."""
    return {
        "id": member.id,
        "tags": [],
        "level": member.level,
        "level_text": level_text(member),
        "status": "Active",
        "stamps": member.stamps,
        "stamps_remaining": member.stamps,
        "balance": member.balance,
        "is_blocked": member.is_blocked,
        "referral_code": member.referral_code,
        "start_date": member.start_date,
        "created": member.start_date,
    }


def customer_brief(member: Member) -> dict[str, Any]:
    """The ``customer`` block of by-voucher-code and cancel."""
    return {"id": member.id, "status": level_text(member), "stamps_remaining": member.stamps}


def user_brief(member: Member) -> dict[str, Any]:
    return {
        "id": str(member.id),
        "name": member.name,
        "gender": member.gender,
        "address": member.address,
        "is_active": True,
        "email": member.email,
        "phone": member.phone,
        "picture_url": None,
        "birthday": member.birthday,
    }


def reward_item(reward: Reward) -> dict[str, Any]:
    """A reward as the rewards list shows it: ``type`` is the number of reward_api.rst's table."""
    return {
        "id": reward.id,
        "name": reward.name,
        "stamps_to_redeem": reward.stamps_to_redeem,
        "extra_data": dict(reward.extra_data),
        "code": reward.code,
        "type": reward.type,
    }


def reward_in_answer(reward: Reward) -> dict[str, Any]:
    """A reward as a redemption answer shows it: the examples (redeem-reward, and the cart's
    ``redemption.reward``) write its ``type`` as the word ``"reward"``."""
    return {**reward_item(reward), "type": "reward"}


def voucher_item(state: SandboxState, v: Voucher) -> dict[str, Any]:
    """A voucher as vouchers/by-merchant-group lists it: the keys voucher_api §3 shows, and no
    more. Its template said the voucher's ``validity`` too, which no page of the docs puts in a
    listing (only validation says it, voucher_api §2): a till that read it there would be
    reading what a real server never sends."""
    t = state.world.templates[v.template]
    return {
        "id": v.id,
        "code": v.code,
        "is_active": v.is_active and state.voucher_state(v) is None,
        "quantity": 0 if v.used else 1,
        "value": v.value,
        "notes": v.notes,
        "start_date": v.start_date,
        "end_date": v.end_date,
        "constraint": {"channels": [1, 2, 3, 4, 5, 6]},
        "template": {
            "id": t.id,
            "name": t.name,
            "type": t.type,
            "short_description": t.short_description,
            "picture_url": None,
            "landscape_picture_url": None,
            "merchant_id": state.world.merchant.id,
            "merchant_code": "RDG",
            "extra_data": dict(t.extra_data),
        },
    }


def voucher_after_redemption(state: SandboxState, v: Voucher) -> dict[str, Any]:
    t = state.world.templates[v.template]
    return {
        "id": v.id,
        "name": t.name,
        "code": v.code,
        "type": "voucher",
        "is_active": v.is_active and not v.used,
        "start_date": v.start_date,
        "end_date": v.end_date,
        "value": v.value,
        "template": t.id,
        "short_description": t.short_description,
    }


def promo_item(state: SandboxState, p: PromoCode) -> dict[str, Any]:
    return {
        "id": p.id,
        "merchant_id": state.world.merchant.id,
        "code": p.code,
        "name": p.name,
        "description": p.description,
        "start_date": p.start_date,
        "end_date": p.end_date,
        "is_active": p.is_active,
        "extra_data": dict(p.extra_data),
        "constraint": {
            "start_time": "00:00",
            "end_time": "23:59",
            "registration_statuses": [],
            "redeemable_in_all_merchants": True,
            "redeemable_in_all_stores": True,
            "max_usage_per_person": p.max_usage_per_person,
            "max_daily_usage_per_person": p.max_usage_per_person,
        },
    }


def vouchers_without_kind(body: dict[str, Any]) -> dict[str, Any]:
    """A rewards list or a member's voucher listing with no word that could be read as each
    voucher's kind: the rewards list's ``type`` ("promotion 1") left out, and any ``validity``
    (which only the validation's answer has; the listing, as voucher_api §3 shows it, never
    says one)."""
    vouchers = []
    for voucher in body.get("vouchers", []):
        voucher = {k: v for k, v in voucher.items() if k not in ("validity", "type")}
        if isinstance(voucher.get("template"), dict):
            voucher["template"] = {k: v for k, v in voucher["template"].items() if k != "validity"}
        vouchers.append(voucher)
    return {**body, "vouchers": vouchers}


def plural_member_details(body: dict[str, Any]) -> dict[str, Any]:
    """Member details as customer_api.rst's response table names the blocks (``memberships``,
    ``users``) rather than as its example does (``membership``, ``user``)."""
    renamed = {"membership": "memberships", "user": "users"}
    return {renamed.get(key, key): value for key, value in body.items()}
