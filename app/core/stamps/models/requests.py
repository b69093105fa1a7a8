"""What the till sends: one model per Stamps operation, validated when it is built.

Field names are the wire names of the docs' parameter tables. Optional fields left ``None`` are
not sent. Nothing here knows about authentication: the client adds the token where the chosen
auth style puts it.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, SecretStr, StrictBool, field_serializer, field_validator

from app.core.stamps.models.common import (
    Amount,
    ChannelNumber,
    JsonObject,
    NonBlank,
    PositiveAmount,
    PositiveCount,
    PositiveId,
    StampsRequest,
)

_SIX_DIGITS = re.compile(r"[0-9]{6}")


class RewardRedemptionRequest(StampsRequest):
    """POST /api/v2/redemptions/redeem-reward: spend a member's stamps on a reward."""

    user: NonBlank
    reward: PositiveId
    store: PositiveId
    invoice_number: NonBlank | None = None
    channel: ChannelNumber | None = None
    stamps: PositiveCount | None = None
    extra_data: JsonObject | None = None
    qty: PositiveCount | None = None
    request_id: NonBlank | None = None


class VoucherRedemptionRequest(StampsRequest):
    """POST /api/v2/redemptions/redeem-voucher: use one of the member's vouchers."""

    user: NonBlank
    voucher: PositiveId
    store: PositiveId
    invoice_number: NonBlank | None = None
    channel: ChannelNumber | None = None
    request_id: NonBlank | None = None
    extra_data: JsonObject | None = None


class DeductValueRequest(StampsRequest):
    """POST /api/vouchers/deduct-value: take part of a dynamic-value voucher's value."""

    user: NonBlank
    voucher: PositiveId
    store: PositiveId
    value: PositiveAmount
    invoice_number: NonBlank | None = None
    channel: ChannelNumber | None = None
    request_id: NonBlank | None = None
    extra_data: JsonObject | None = None


class VoucherCodeRedemptionRequest(StampsRequest):
    """POST /api/redemptions/by-voucher-code.

    The member goes in ``identifier`` (the parameter table and the JSON example) and, the same
    value, in ``user`` (the curl example of seed 000 and of seed 003): the docs give both names,
    and a server written from either must find them. An entry queued before ``user`` was sent
    has ``identifier`` alone.
    """

    identifier: NonBlank
    user: NonBlank | None = None
    voucher_code: NonBlank
    voucher_template: PositiveId
    store: PositiveId


class PromoCodeRedemptionRequest(StampsRequest):
    """POST /api/v3/redemptions/redeem-promo-code; the invoice number is required here."""

    user: NonBlank
    promo_code: NonBlank
    store: PositiveId
    invoice_number: NonBlank
    channel: ChannelNumber | None = None
    request_id: NonBlank | None = None


class RewardItem(StampsRequest):
    """One line of a multi-reward cart: the reward's ``code`` and how many.

    The parameter table's items are "request_id, code, and stamps"; the example adds ``qty``.
    The till always sends ``qty`` (a cart's cost depends on it) but an item without one is read.
    """

    # The docs' example writes the code as a number, the catalogue as a string: both go as the
    # server wrote the reward's (a whole number, none or more: code_text reads 0 as "0").
    code: NonBlank | Annotated[int, Field(strict=True, ge=0)]
    qty: PositiveCount | None = None
    stamps: PositiveCount | None = None
    request_id: NonBlank | None = None


class MultiRewardRedemptionRequest(StampsRequest):
    """POST /api/v2/redemptions/redeem-multiple-rewards: a cart, applied all or nothing."""

    user: NonBlank
    store: PositiveId
    rewards: list[RewardItem] = Field(min_length=1)
    invoice_number: NonBlank | None = None
    channel: ChannelNumber | None = None


class CancelRedemptionRequest(StampsRequest):
    """POST /api/redemptions/cancel: undo a redemption by its server id."""

    id: PositiveId
    # Left out unless set: the server defaults it to false.
    create_replacement_voucher: StrictBool | None = None


class AuthorizeRequest(StampsRequest):
    """POST /api/redemptions/authorize: the member's PIN vouches for ``request_id`` for a while.

    The PIN is a :class:`SecretStr`: it shows as stars in ``repr`` and is revealed only by
    :meth:`to_json`, for the one request that carries it.
    """

    user: NonBlank
    pin: SecretStr
    request_id: NonBlank
    timeout: PositiveCount

    @field_validator("pin")
    @classmethod
    def _six_digits(cls, pin: SecretStr) -> SecretStr:
        if not _SIX_DIGITS.fullmatch(pin.get_secret_value()):
            raise ValueError("the PIN must be exactly 6 digits")
        return pin

    @field_serializer("pin", when_used="json")
    def _reveal_pin(self, pin: SecretStr) -> str:
        # Serialised only to build the request body; the model's repr still hides it.
        return pin.get_secret_value()


class AccessTokenRequest(StampsRequest):
    """POST /api/auth/get-access-token/: trade the static token for a 24-hour JWT."""

    token: SecretStr
    crm_merchant_id: PositiveId

    @field_serializer("token", when_used="json")
    def _reveal_token(self, token: SecretStr) -> str:
        return token.get_secret_value()


# --- queries of the GET endpoints ---------------------------------------------------------------


class MemberDetailsQuery(StampsRequest):
    """GET /api/v2/memberships/details."""

    user: NonBlank
    merchant: PositiveId


class SuggestionsQuery(StampsRequest):
    """GET /api/memberships/suggestions (type-ahead)."""

    query: NonBlank
    merchant: PositiveId


class ActivitiesQuery(StampsRequest):
    """GET /api/v3/activities/: 20 activities a page, ``older_than`` pages back."""

    user: NonBlank
    older_than: PositiveId | None = None


class RewardsQuery(StampsRequest):
    """GET /api/rewards/: the store's rewards, with ``redeemable`` when a member is given, a page
    at a time (``per_page`` after ``last_reward_id`` / ``last_voucher_id``)."""

    merchant: PositiveId
    store: PositiveId
    user: NonBlank | None = None
    channel: ChannelNumber | None = None
    only_redeemable_in_this_store: StrictBool | None = None
    per_page: PositiveCount | None = None
    last_reward_id: PositiveId | None = None
    last_voucher_id: PositiveId | None = None


class MemberVouchersQuery(StampsRequest):
    """GET /api/vouchers/by-merchant-group."""

    user: NonBlank
    channel: ChannelNumber | None = None


class VoucherValidationQuery(StampsRequest):
    """GET /api/vouchers/validate: can this code be redeemed here (and by this member)?"""

    voucher_code: NonBlank
    merchant: PositiveId
    store: PositiveId
    user: NonBlank | None = None
    transaction_value: Amount | None = None


class PromoValidationQuery(StampsRequest):
    """GET /api/promo-codes/validate."""

    promo_code: NonBlank
    store: PositiveId
    channel: ChannelNumber | None = None
    user: NonBlank | None = None
    transaction_value: Amount | None = None


def request_fields(model: type[StampsRequest]) -> dict[str, bool]:
    """The wire names a request model can send, each mapped to whether it is required."""
    return {name: info.is_required() for name, info in model.model_fields.items()}
