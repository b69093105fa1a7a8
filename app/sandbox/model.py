"""The sandbox's data model: plain dataclasses that serialise to JSON and back.

Everything the sandbox knows lives in one :class:`World`, so a snapshot (persistence) and a reset
(control endpoint) are each a single assignment.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Membership levels as the docs number them, with the label shown beside them.
LEVELS = {100: "Blue", 200: "Silver", 300: "Gold"}

# Channel numbers (seed doc's mapping) and the names the activity feed shows.
CHANNELS = {
    1: "Mobile App",
    2: "POS",
    3: "Kiosk",
    4: "Web",
    5: "Android",
    6: "iOS",
    7: "Call Center",
    8: "GrabFood",
    9: "GoFood",
}

# Reward types (reward_api.rst): 1 product, 3 benefit, 4 voucher, 5 flexible.
REWARD_PRODUCT, REWARD_BENEFIT, REWARD_VOUCHER, REWARD_FLEXIBLE = 1, 3, 4, 5


@dataclass
class Merchant:
    id: int
    name: str


@dataclass
class Store:
    id: int
    name: str
    display_name: str
    city: str


@dataclass
class Member:
    id: int
    name: str
    email: str | None  # None: registered by phone alone
    phone: str
    member_ids: list[str]
    card_number: str | None
    level: int
    # None: the server gives no balance (``"stamps": null``, which the docs do not rule out)
    stamps: int | None
    gender: str
    birthday: str
    address: str
    referral_code: str
    start_date: str
    balance: int = 0
    is_blocked: bool = False
    redemption_allowed: bool = True
    pin: str | None = None
    protected_redemption: bool = False
    pin_failures: int = 0
    pin_is_blocked: bool = False


@dataclass
class Reward:
    id: int
    code: str | None  # None: redeemable on its own (by id) but not in a cart (by code)
    name: str
    type: int
    stamps_to_redeem: int
    description: str
    min_level: int = 100
    stores: list[int] | None = None  # None: every store of the merchant
    voucher_template: int | None = None  # the template issued by a voucher-type reward
    extra_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class VoucherTemplate:
    id: int
    name: str
    type: int
    short_description: str
    validity: str  # "Fixed" or "Dynamic"
    value: int | None
    extra_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Voucher:
    id: int
    code: str
    template: int
    owner: int | None  # None: a pre-generated code anyone may redeem once
    value: int | None  # rupiah; for a dynamic voucher, what is left
    start_date: str
    end_date: str
    is_active: bool = True
    used: bool = False
    notes: str = ""


@dataclass
class PromoCode:
    id: int
    code: str
    name: str
    description: str
    start_date: str
    end_date: str
    is_active: bool = True
    max_usage_per_person: int = 7
    extra_data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Redemption:
    """One redemption as the server records it. A cart (several rewards) is one redemption."""

    id: int
    kind: str
    member: int
    store: int
    created: float
    name: str
    stamps_used: int
    channel: int = 2
    status: str = "Created"  # or "Canceled"
    invoice_number: str = ""
    items: list[dict[str, Any]] = field(default_factory=list)
    voucher: int | None = None  # the voucher consumed (voucher, code, deduct)
    value: int | None = None  # rupiah deducted from a dynamic voucher
    issued_voucher: int | None = None  # the voucher a voucher-type reward gave the member
    promo_code: int | None = None
    request_id: str | None = None
    extra_data: dict[str, Any] = field(default_factory=dict)
    canceled: float | None = None


@dataclass
class Activity:
    """A line of the member's activity feed; type 1 lines render from their redemption."""

    id: int
    member: int
    type: int
    created: float
    store: int | None = None
    redemption: int | None = None
    notes: str = ""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class PinAuthorization:
    request_id: str
    member: int
    expires_at: float
    used: bool = False


@dataclass
class LedgerEntry:
    seq: int
    time: float
    kind: str
    idempotency_key: str | None
    member: int
    stamps_delta: int
    redemption_id: int
    value_delta: int = 0


@dataclass
class IdempotencyRecord:
    fingerprint: str
    status: int
    body: Any
    created: float


@dataclass
class World:
    """All sandbox state. Ids are allocated from the counters so they survive a restart."""

    merchant: Merchant
    stores: dict[int, Store]
    members: dict[int, Member]
    rewards: dict[int, Reward]
    templates: dict[int, VoucherTemplate]
    vouchers: dict[int, Voucher]
    promo_codes: dict[int, PromoCode]
    redemptions: dict[int, Redemption] = field(default_factory=dict)
    activities: list[Activity] = field(default_factory=list)
    authorizations: dict[str, PinAuthorization] = field(default_factory=dict)
    ledger: list[LedgerEntry] = field(default_factory=list)
    idempotency: dict[str, IdempotencyRecord] = field(default_factory=dict)
    clock_offset: float = 0.0
    next_redemption_id: int = 2001
    next_activity_id: int = 90001
    next_voucher_id: int = 5001

    def next_id(self, counter: str) -> int:
        value: int = getattr(self, counter)
        setattr(self, counter, value + 1)
        return value


# --- JSON round trip -------------------------------------------------------------------------

_DICT_FIELDS: dict[str, type] = {
    "stores": Store,
    "members": Member,
    "rewards": Reward,
    "templates": VoucherTemplate,
    "vouchers": Voucher,
    "promo_codes": PromoCode,
    "redemptions": Redemption,
    "authorizations": PinAuthorization,
    "idempotency": IdempotencyRecord,
}
_LIST_FIELDS: dict[str, type] = {"activities": Activity, "ledger": LedgerEntry}


def world_to_json(world: World) -> dict[str, Any]:
    """A JSON-ready dict of the whole world (dict keys become strings, as JSON requires)."""
    return dataclasses.asdict(world)


def world_from_json(data: dict[str, Any]) -> World:
    """Rebuild a :class:`World` from :func:`world_to_json`'s output."""
    kwargs: dict[str, Any] = dict(data)
    kwargs["merchant"] = Merchant(**data["merchant"])
    for name, cls in _DICT_FIELDS.items():
        # authorizations and idempotency are keyed by strings; the rest by integer ids
        as_key = str if name in ("authorizations", "idempotency") else int
        kwargs[name] = {as_key(k): cls(**v) for k, v in data.get(name, {}).items()}
    for name, cls in _LIST_FIELDS.items():
        kwargs[name] = [cls(**v) for v in data.get(name, [])]
    return World(**kwargs)
