"""The Stamps endpoints the till calls (architecture §1), by method and path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One API endpoint.

    ``authenticated`` is false only for the token exchange, which carries its credential in the
    body whatever the auth style. ``confirms_credentials`` marks the calls whose own 401/403 already
    says the credentials are wrong, so no ping is needed to tell. ``legacy_body`` marks the POSTs
    whose token-in-body form seed 003 documents (the legacy style's six redemption sections).
    """

    name: str
    method: Literal["GET", "POST"]
    path: str
    authenticated: bool = True
    confirms_credentials: bool = False
    legacy_body: bool = False


REDEEM_REWARD = Endpoint(
    "redeem-reward", "POST", "/api/v2/redemptions/redeem-reward", legacy_body=True
)
REDEEM_VOUCHER = Endpoint(
    "redeem-voucher", "POST", "/api/v2/redemptions/redeem-voucher", legacy_body=True
)
DEDUCT_VALUE = Endpoint("deduct-value", "POST", "/api/vouchers/deduct-value")
REDEEM_VOUCHER_CODE = Endpoint(
    "by-voucher-code", "POST", "/api/redemptions/by-voucher-code", legacy_body=True
)
REDEEM_PROMO_CODE = Endpoint("redeem-promo-code", "POST", "/api/v3/redemptions/redeem-promo-code")
REDEEM_MULTIPLE_REWARDS = Endpoint(
    "redeem-multiple-rewards",
    "POST",
    "/api/v2/redemptions/redeem-multiple-rewards",
    legacy_body=True,
)
CANCEL_REDEMPTION = Endpoint("cancel", "POST", "/api/redemptions/cancel", legacy_body=True)
AUTHORIZE = Endpoint("authorize", "POST", "/api/redemptions/authorize", legacy_body=True)
MEMBER_DETAILS = Endpoint("member-details", "GET", "/api/v2/memberships/details")
SUGGESTIONS = Endpoint("suggestions", "GET", "/api/memberships/suggestions")
ACTIVITIES = Endpoint("activities", "GET", "/api/v3/activities/")
REWARDS = Endpoint("rewards", "GET", "/api/rewards/")
MEMBER_VOUCHERS = Endpoint("member-vouchers", "GET", "/api/vouchers/by-merchant-group")
VALIDATE_VOUCHER = Endpoint("validate-voucher", "GET", "/api/vouchers/validate")
VALIDATE_PROMO = Endpoint("validate-promo", "GET", "/api/promo-codes/validate")
PING = Endpoint("ping", "POST", "/api/ping", confirms_credentials=True)
ACCESS_TOKEN = Endpoint(
    "get-access-token",
    "POST",
    "/api/auth/get-access-token/",
    authenticated=False,
    confirms_credentials=True,
)
