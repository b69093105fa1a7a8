"""The till's client against a second server written from the contract alone
(tests/support/docs_server.py): answers our sandbox never gives, each as the docs show it."""

from __future__ import annotations

import pytest
import uuid6

from app.core.stamps import errors
from app.core.stamps.client import StampsClient

from ....support.docs_server import DocsServer, docs_client, docs_server

pytestmark = pytest.mark.integration

__all__ = ["docs_client", "docs_server"]

REDEEM_REWARD = "/api/v2/redemptions/redeem-reward"
AYU = "ayu@contoh.co.id"


async def test_a_refusal_whose_reasons_follow_its_detail_names_them(
    docs_server: DocsServer, docs_client: StampsClient
) -> None:
    # reward_api §1's 400: the detail announces "the following error(s)", which are in a list
    docs_server.answer_next(
        REDEEM_REWARD,
        400,
        {
            "detail": "Your transaction cannot be completed due to the following error(s)",
            "errors": [{"reward": "This reward is not available in this store"}],
        },
    )
    with pytest.raises(errors.ValidationFailed) as refused:
        await docs_client.redeem_reward(
            {"user": AYU, "store": 32, "reward": 6}, idempotency_key=str(uuid6.uuid7())
        )
    assert refused.value.detail is not None
    assert "This reward is not available in this store" in refused.value.detail
    assert refused.value.detail.startswith("Your transaction cannot be completed")


async def test_every_lookup_reads_the_docs_shapes(docs_client: StampsClient) -> None:
    # ids as strings, nulls, unknown keys, another key order, unicode names, empty lists
    details = await docs_client.member_details("RRROWO5U51")
    assert details.user.id == "454"
    assert details.user.name is not None and "نور الهدى" in details.user.name
    assert details.membership.stamps_balance == 250
    partial = await docs_client.member_details("+628111000620")
    assert partial.user.name is None and partial.user.email is None
    assert (await docs_client.suggestions("zzz")).suggestions == []
    rewards = await docs_client.rewards(user=AYU)
    assert {r.id for r in rewards.rewards} == {5, 6, 8, 9, 11}
    assert [v.id for v in rewards.vouchers] == [10]
    assert rewards.customer is not None and rewards.customer.stamps_balance == 250
    vouchers = await docs_client.member_vouchers(AYU)
    assert vouchers.vouchers[0].template is not None
    assert vouchers.vouchers[0].template.extra_data is None
    assert (await docs_client.member_vouchers("+628111000620")).vouchers == []
    assert (await docs_client.validate_voucher("VC-ABC", user=AYU)).is_redeemable is True
    assert (await docs_client.validate_promo("PROMOCODE")).promo_code.code == "PROMOCODE"


async def test_every_redemption_kind_and_its_cancel_name_what_they_made(
    docs_server: DocsServer, docs_client: StampsClient
) -> None:
    def key() -> str:
        return str(uuid6.uuid7())

    reward = await docs_client.redeem_reward({"user": AYU, "store": 32, "reward": 5}, key())
    assert reward.names_redemption and reward.stamps_remaining == 190
    cart = await docs_client.redeem_rewards(
        {"user": AYU, "store": 32, "rewards": [{"code": "A009", "qty": 2}]}, key()
    )
    assert cart.names_redemption and cart.stamps_remaining == 188
    deduct = await docs_client.deduct_value(
        {"user": AYU, "store": 32, "voucher": 1, "value": 50}, key()
    )
    assert deduct.names_redemption
    code = await docs_client.redeem_voucher_code(
        {"identifier": AYU, "voucher_code": "VC-ABC", "voucher_template": 1, "store": 32}, key()
    )
    assert code.names_redemption and code.redemption_status == "Created"
    promo = await docs_client.redeem_promo_code(
        {"user": AYU, "store": 32, "promo_code": "PROMOCODE", "invoice_number": "INV-1"}, key()
    )
    assert promo.names_redemption and promo.stamps_remaining == 188
    cancel = await docs_client.cancel_redemption({"id": reward.redemption_id}, key())
    assert cancel.redemption_status == "Canceled" and cancel.stamps_remaining == 248
    with pytest.raises(errors.NotFound):
        await docs_client.cancel_redemption({"id": 999_999}, key())
    feed = await docs_client.activities(AYU)
    assert len(feed.activities) == 5
