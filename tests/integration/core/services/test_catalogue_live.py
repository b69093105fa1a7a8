"""The catalogue against a live sandbox: every page of a big one reaches the till's cache; a voucher
code goes with the template architecture §1 reads voucher_template as, on both of its paths."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.domain import Channel
from app.core.services.receipts import Verdict
from app.core.services.till import Sale, Till

from ...conftest import STORE, SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


async def test_every_page_of_250_rewards_reaches_the_cache(
    till: Till, sandbox: SandboxControl
) -> None:
    sandbox.reset(extra_rewards=239)
    member = await till.lookup.find_member(AYU)
    rewards = (await till.lookup.offer(member)).rewards
    assert len(rewards) == len({r.id for r in rewards}) == 250
    cached = await till.cache.rewards(STORE, Channel.POS)
    assert len(cached) == 250
    # the last of them can be ordered, priced from the catalogue
    last = max(r.id for r in rewards)
    order = await till.catalogue.reward_order(member, last)
    assert order.reward_id == last


PUTRI = "putri.maharani@contoh.co.id"  # owns DSK50-PUTRI-A, voucher 21 of template 10


async def test_a_code_in_the_members_own_vouchers_goes_with_its_template(
    till: Till, sandbox: SandboxControl
) -> None:
    member = await till.lookup.find_member(PUTRI)
    order = await till.catalogue.code_order(member, "DSK50-PUTRI-A")
    assert order.template == 10  # the template of her voucher with that code
    receipt = await till.redeemer.redeem(order, member, Sale("dewi"))
    assert (await till.wait(receipt.entry_id, 10)).verdict is Verdict.CONFIRMED
    assert len(sandbox.ledger()) == 1


async def test_any_other_code_goes_with_the_id_validation_answers(
    till: Till, sandbox: SandboxControl
) -> None:
    member = await till.lookup.find_member(AYU)
    order = await till.catalogue.code_order(
        member, "ABCD100k", transaction_value=Decimal("125000.50")
    )
    assert order.template == 30  # the voucher's id, as validation gives it (no template there)
    receipt = await till.redeemer.redeem(order, member, Sale("dewi"))
    assert (await till.wait(receipt.entry_id, 10)).verdict is Verdict.CONFIRMED
    assert len(sandbox.ledger()) == 1
