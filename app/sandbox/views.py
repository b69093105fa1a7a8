"""The read-only (GET) endpoints, and the voucher and promo code checks the POSTs share with
them. The shapes of what they answer are in :mod:`app.sandbox.shapes`."""

from __future__ import annotations

from typing import Any

from app.sandbox import shapes
from app.sandbox.errors import field_error, list_shaped_error
from app.sandbox.model import CHANNELS, LEVELS, Activity, Member, PromoCode, Reward, Voucher
from app.sandbox.state import (
    EMAIL_OR_MEMBER_ID,
    EMAIL_OR_PHONE,
    SandboxState,
    as_bool,
    as_int,
    require,
)

PAGE_SIZE = 20
#: The rewards list's page when no ``per_page`` is given (the docs name none), and the largest.
REWARDS_PAGE = 50
REWARDS_MAX_PAGE = 100


# --- members -----------------------------------------------------------------------------


def member_details(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/v2/memberships/details (customer_api.rst §1)."""
    require(query, "user", "merchant")
    state.check_merchant(query["merchant"])
    member = state.find_member(query["user"])
    if member is None:
        # The doc's own example of this answer: invalid_data on __all__.
        raise field_error("__all__", "User not found")
    return {
        "membership": {
            "tags": [],
            "level": member.level,
            "level_text": shapes.level_text(member),
            "member_status": "Active",
            "stamps": member.stamps,
            "stamps_owed": 0,
            "balance": member.balance,
            "is_blocked": member.is_blocked,
            "referral_code": member.referral_code,
            "start_date": member.start_date,
            "created": member.start_date,
            "allow_newsletters": True,
            "allow_sms_marketing": True,
            "allow_whatsapp_marketing": True,
            "redemption_allowed": member.redemption_allowed,
            "primary_card": {
                "id": member.id,
                "number": member.card_number,
                "is_active": True,
                "activated_time": None,
            },
        },
        "tags": [],
        "user": {
            **shapes.user_brief(member),
            "email_is_verified": True,
            "has_incorrect_email": False,
            "has_pin": member.pin is not None,
            "pin_is_blocked": member.pin_is_blocked,
            "has_password": True,
            "id_card_file_name": "",
            "id_number": None,
            "is_anonymized": False,
            "marital_status": 1,
            "member_ids": list(member.member_ids),
            "notes": "",
            "phone_is_verified": True,
            "postal_code": "12730",
            "protected_redemption": member.protected_redemption,
            "referral_code": member.referral_code,
            "registration_status": "Full",
            "religion": 1,
            "wedding_date": None,
        },
    }


def suggestions(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/memberships/suggestions: members whose name, email, member ID, card or phone
    contains the query (phone compared on digits, so ``0812`` finds ``+62812…``)."""
    require(query, "query", "merchant")
    state.check_merchant(query["merchant"])
    needle = query["query"].strip().lower()
    digits = "".join(ch for ch in needle if ch.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    found = []
    for m in state.world.members.values():
        haystack = [m.name, m.email or "", m.card_number or "", *m.member_ids]
        if any(needle in h.lower() for h in haystack if h) or (
            len(digits) >= 4 and digits in m.phone.lstrip("+")
        ):
            found.append(
                {
                    "membership": shapes.level_text(m),
                    "email": m.email,
                    "stamps": m.stamps,
                    "id": m.id,
                    "name": m.name,
                    "phone": m.phone,
                    "address": m.address,
                    "gender": 2 if m.gender == "female" else 1,
                    "member_ids": list(m.member_ids),
                }
            )
    return {"suggestions": found[:10]}


# --- activity ----------------------------------------------------------------------------


def _activity(state: SandboxState, a: Activity) -> dict[str, Any]:
    world = state.world
    out: dict[str, Any] = {"id": a.id, "type": a.type, "created": int(a.created), "notes": a.notes}
    out["merchant"] = {"id": world.merchant.id, "name": world.merchant.name}
    if a.store is not None:
        store = world.stores[a.store]
        out["store"] = {"name": store.name, "display_name": store.display_name}
    if a.type == 1 and a.redemption is not None:
        r = world.redemptions[a.redemption]
        out["redemption"] = {
            "stamps": r.stamps_used,
            "name": r.name,
            "status": 2 if r.status == "Canceled" else 1,
            "channel": CHANNELS.get(r.channel, "POS"),
        }
    elif a.type == 0:
        out["transaction"] = dict(a.details)
    else:
        out.update(a.details)
    return out


def activities(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/v3/activities/: the member's latest 20, or the 20 before ``older_than``."""
    require(query, "user")
    member = state.member_or_error(query["user"], accepts=EMAIL_OR_PHONE)
    feed = [a for a in state.world.activities if a.member == member.id]
    if query.get("older_than"):
        older_than = as_int(query["older_than"], "older_than")
        feed = [a for a in feed if a.id < older_than]
    feed.sort(key=lambda a: a.id, reverse=True)
    return {"activities": [_activity(state, a) for a in feed[:PAGE_SIZE]]}


# --- rewards and vouchers ----------------------------------------------------------------


def reward_redeemable(member: Member, reward: Reward, store_id: int | None) -> bool:
    if member.is_blocked or not member.redemption_allowed or member.level < reward.min_level:
        return False
    if store_id is not None and reward.stores is not None and store_id not in reward.stores:
        return False
    # a world a test wrote without the member's balance ("stamps": null, which the docs do not
    # rule out): nothing can be judged affordable
    return member.stamps is not None and member.stamps >= reward.stamps_to_redeem


def rewards(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/rewards/: the catalogue, with ``redeemable`` and the member's vouchers when a
    user is given; a page of each, in id order: ``per_page`` (default :data:`REWARDS_PAGE`, at
    most :data:`REWARDS_MAX_PAGE`) after ``last_reward_id`` and ``last_voucher_id``."""
    missing = {f: "This field is required" for f in ("merchant", "store") if not query.get(f)}
    if missing:
        raise list_shaped_error(missing)
    state.check_merchant(query["merchant"])
    store = state.store_or_error(query["store"])
    user = query.get("user")
    member = state.member_or_error(user, accepts=EMAIL_OR_MEMBER_ID) if user else None
    only_here = as_bool(query.get("only_redeemable_in_this_store", "false"))
    per_page = REWARDS_PAGE
    if query.get("per_page"):
        per_page = min(as_int(query["per_page"], "per_page", minimum=1), REWARDS_MAX_PAGE)
    after_reward = _after(query, "last_reward_id")
    after_voucher = _after(query, "last_voucher_id")
    out_rewards: list[dict[str, Any]] = []
    for reward in sorted(state.world.rewards.values(), key=lambda r: r.id):
        if reward.id <= after_reward:
            continue
        if only_here and reward.stores is not None and store.id not in reward.stores:
            continue
        if len(out_rewards) == per_page:
            break
        item = {
            **shapes.reward_item(reward),
            "image_url": None,
            "landscape_url": None,
            "membership": LEVELS[reward.min_level],
            "description": reward.description,
            "price": None,
            "merchant_code": None,
            "is_visible": True,
            "terms": "",
        }
        if member is not None:
            item["redeemable"] = reward_redeemable(member, reward, store.id)
        out_rewards.append(item)
    out: dict[str, Any] = {"rewards": out_rewards, "vouchers": []}
    if member is not None:
        for v in sorted(state.world.vouchers.values(), key=lambda v: v.id):
            if len(out["vouchers"]) == per_page:
                break
            if v.id > after_voucher and v.owner == member.id and state.voucher_state(v) is None:
                t = state.world.templates[v.template]
                # The keys reward_api §1 shows, and no more: its "type" is a name ("promotion 1"),
                # not the voucher's validity; the value and template are the listing's and
                # validation's (voucher_api §2, §3). It wrote "dynamic" or "fixed" here, which
                # the till read as the kind no documents-only server would ever say.
                out["vouchers"].append(
                    {
                        "id": v.id,
                        "name": t.name,
                        "code": v.code,
                        "landscape_url": None,
                        "image_url": None,
                        "type": f"promotion {t.type}",
                        "expires_on": shapes.dd_mm_yyyy(v.end_date),
                        "terms": t.short_description,
                        "quantity": 1,
                        "constraint": {"channels": [1, 2, 3, 4, 5, 6]},
                        "extra_data": dict(t.extra_data),
                    }
                )
        out["customer"] = {
            "id": member.id,
            "stamps": member.stamps,
            "stamps_remaining": member.stamps,
            "membership_status": shapes.level_text(member),
        }
    return out


def _after(query: dict[str, str], name: str) -> int:
    return as_int(query[name], name, minimum=0) if query.get(name) else 0


def vouchers_by_group(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/vouchers/by-merchant-group: every voucher of the member that can still be used."""
    require(query, "user")
    member = state.member_or_error(query["user"], accepts=EMAIL_OR_MEMBER_ID)
    mine = [
        shapes.voucher_item(state, v)
        for v in state.world.vouchers.values()
        if v.owner == member.id and state.voucher_state(v) is None
    ]
    return {"vouchers": mine}


def find_voucher_by_code(state: SandboxState, code: str) -> Voucher | None:
    for v in state.world.vouchers.values():
        if v.code.lower() == code.strip().lower():
            return v
    return None


def voucher_refusal(state: SandboxState, v: Voucher, field: str = "voucher_code") -> None:
    """Raise the 400 that says why this voucher cannot be used today, if it cannot."""
    problem = state.voucher_state(v)
    messages = {
        "voucher_used": "Voucher has already been used",
        "voucher_expired": f"Voucher expired on {v.end_date}",
        "voucher_inactive": "Voucher is not active",
        "voucher_not_started": f"Voucher is valid from {v.start_date}",
    }
    if problem is not None:
        raise field_error(field, messages[problem], problem)


def validate_voucher(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/vouchers/validate."""
    require(query, "voucher_code", "merchant", "store")
    state.check_merchant(query["merchant"])
    state.store_or_error(query["store"])
    v = find_voucher_by_code(state, query["voucher_code"])
    if v is None:
        raise field_error("voucher_code", "Voucher not found")
    if query.get("user"):
        member = state.member_or_error(query["user"])
        if v.owner is not None and v.owner != member.id:
            raise field_error(
                "user", f"This voucher is not owned by {member.name}", "invalid_voucher_owner"
            )
    voucher_refusal(state, v)
    t = state.world.templates[v.template]
    owner = state.world.members.get(v.owner) if v.owner is not None else None
    return {
        "is_redeemable": True,
        "user": (
            {"email": owner.email, "name": owner.name, "phone": owner.phone} if owner else None
        ),
        "voucher": {
            "extra_data": dict(t.extra_data),
            # The voucher's own id, and no template: the docs' answer carries none. By-voucher-code
            # takes this id or the template of the member's own voucher (architecture §1).
            "id": v.id,
            "code": v.code,
            "name": t.name,
            "value": v.value,
            "start_date": v.start_date,
            "end_date": v.end_date,
            "validity": t.validity,
        },
    }


# --- promo codes -------------------------------------------------------------------------


def find_promo(state: SandboxState, value: object) -> PromoCode | None:
    text = str(value).strip()
    for p in state.world.promo_codes.values():
        if p.code.lower() == text.lower():
            return p
    # The seed's curl sends a number; read it as the promo code's id.
    if text.isdigit():
        return state.world.promo_codes.get(int(text))
    return None


def promo_refusal(state: SandboxState, p: PromoCode) -> None:
    today = state.today()
    if not p.is_active:
        raise field_error("promo_code", "Promo code is not active")
    if p.end_date < today:
        raise field_error("promo_code", f"Promo code expired on {p.end_date}")
    if p.start_date > today:
        raise field_error("promo_code", f"Promo code is valid from {p.start_date}")


def validate_promo(state: SandboxState, query: dict[str, str]) -> dict[str, Any]:
    """GET /api/promo-codes/validate."""
    require(query, "promo_code", "store")
    state.store_or_error(query["store"])
    p = find_promo(state, query["promo_code"])
    if p is None:
        raise field_error("promo_code", "Promo code not found")
    promo_refusal(state, p)
    return {"promo_code": shapes.promo_item(state, p)}


def ping(state: SandboxState) -> dict[str, Any]:
    return {"pong": {"merchant": state.world.merchant.name, "merchant_id": state.world.merchant.id}}
