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
