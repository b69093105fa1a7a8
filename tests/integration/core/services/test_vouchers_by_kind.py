"""A balance ("dynamic") voucher is deducted from, live or offline against what is left after
this till's waiting deductions; using it up whole is a separate, deliberate order."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import EntryStatus
from app.core.offline.policy import Refusal
from app.core.services.orders import InvalidOrder
from app.core.services.receipts import Verdict
from app.core.services.refusals import Refused
from app.core.services.runtime import open_till
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN

from ....support.network import Network
from ....support.vouchers import SALDO, UNCONFIRMED, validations
from ...conftest import SandboxControl

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"  # voucher 12: Saldo Hadiah Rindang, Rp 150.000


async def test_a_balance_voucher_is_deducted_from_and_used_up_whole_only_on_purpose(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        offer = await till.lookup.offer(ayu)
        saldo = offer.voucher(12)
        assert saldo is not None and saldo.balance and saldo.left == 150_000
        assert saldo.name == "Saldo Hadiah Rindang"
        with pytest.raises(InvalidOrder) as whole:
            await till.catalogue.voucher_order(ayu, 12)
        assert str(whole.value) == (
            "Saldo Hadiah Rindang is a balance voucher: deduct an amount from it, or use it up "
            "whole on purpose."
        )
        with pytest.raises(InvalidOrder, match=r"has only Rp 150\.000 left"):
            await till.catalogue.deduct_order(ayu, 12, 150_001)

        order, facts = await till.catalogue.voucher_order(ayu, 12, whole=True)
        assert order.whole_balance and order.rupiah == 150_000
        assert str(order.description) == "Saldo Hadiah Rindang, used up whole"
        done = await till.wait(
            (await till.redeemer.redeem(order, ayu, Sale("Dewi"), voucher=facts)).entry_id
        )
        assert done.verdict is Verdict.CONFIRMED
        assert [e["kind"] for e in sandbox.ledger()] == ["redeem_voucher"]


async def test_offline_a_balance_voucher_is_deducted_against_what_this_till_holds_of_it(
    network_settings: Settings, network: Network
) -> None:
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        await till.lookup.offer(ayu)  # the till sees her vouchers, and remembers them
        network.down()
        cached = await till.lookup.find_member(AYU)  # the till learns it is offline
        assert not cached.live

        offer = await till.lookup.offer(cached)
        saldo = offer.voucher(12)
        assert saldo is not None and saldo.balance and offer.vouchers_as_of is not None

        order, facts = await till.catalogue.deduct_order(cached, 12, 100_000)
        first = await till.redeemer.redeem(order, cached, Sale("Dewi"), voucher=facts)
        assert first.verdict is Verdict.ACCEPTED_OFFLINE

        # Rp 50.000 is left on it as far as this till knows: more is refused, with the reason.
        with pytest.raises(InvalidOrder, match=r"has only Rp 50\.000 left"):
            await till.catalogue.deduct_order(cached, 12, 60_000)
        order, facts = await till.catalogue.deduct_order(cached, 12, 50_000)
        second = await till.redeemer.redeem(order, cached, Sale("Dewi"), voucher=facts)
        assert second.verdict is Verdict.ACCEPTED_OFFLINE
        left = (await till.lookup.offer(cached)).voucher(12)
        assert left is not None and left.left == 0

        # A voucher used whole on this till cannot be used again before the server says.
        order, facts = await till.catalogue.voucher_order(cached, 20)
        once = await till.redeemer.redeem(order, cached, Sale("Dewi"), voucher=facts)
        assert once.verdict is Verdict.ACCEPTED_OFFLINE
        order, facts = await till.catalogue.voucher_order(cached, 20)
        with pytest.raises(Refused) as twice:
            await till.redeemer.redeem(order, cached, Sale("Dewi"), voucher=facts)
        assert str(twice.value) == "This voucher was already used on this till."


async def test_a_balance_voucher_listed_as_the_docs_show_is_known_by_its_validation(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The listing and the rewards list say no voucher's kind (voucher_api §3): only validation.
    sandbox.faults(vouchers_kind_unlisted=True)
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        offer = await till.lookup.offer(ayu)
        saldo, ordinary = offer.voucher(12), offer.voucher(20)
        assert saldo is not None and saldo.balance and saldo.kind_known
        assert saldo.left == 150_000
        assert ordinary is not None and not ordinary.balance and ordinary.kind_known
        with pytest.raises(InvalidOrder, match="is a balance voucher"):
            await till.catalogue.voucher_order(ayu, 12)


async def test_a_kind_confirmed_by_validation_is_remembered_and_deducted_from_offline(
    network_settings: Settings, network: Network
) -> None:
    network.faults(vouchers_kind_unlisted=True)
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        asked = validations(till)
        ayu = await till.lookup.find_member(AYU)
        for _ in range(3):  # the cashier opens her vouchers again and again
            saldo = (await till.lookup.offer(ayu)).voucher(12)
            assert saldo is not None and saldo.balance and saldo.kind_known
        await till.catalogue.deduct_order(ayu, 12, 10_000)
        assert sorted(asked) == [SALDO, "ULTAH-AYU-6"]  # once each, on the first read

        network.down()
        cached = await till.lookup.find_member(AYU)
        order, facts = await till.catalogue.deduct_order(cached, 12, 50_000)
        queued = await till.redeemer.redeem(order, cached, Sale("Dewi"), voucher=facts)
        assert queued.verdict is Verdict.ACCEPTED_OFFLINE


async def test_offline_nothing_is_deducted_from_a_voucher_whose_kind_was_never_confirmed(
    network_settings: Settings, network: Network
) -> None:
    network.faults(vouchers_kind_unlisted=True)
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        validations(till, failing=(SALDO,))
        ayu = await till.lookup.find_member(AYU)
        saldo = (await till.lookup.offer(ayu)).voucher(12)
        assert saldo is not None and saldo.balance and not saldo.kind_known
        shift = await till.shift_record.open_shift("Dewi")

        network.down()
        cached = await till.lookup.find_member(AYU)
        order, facts = await till.catalogue.deduct_order(cached, 12, 50_000)
        with pytest.raises(Refused) as refused:
            await till.redeemer.redeem(order, cached, Sale("Dewi", shift.id), voucher=facts)
        assert refused.value.refusal is Refusal.VOUCHER_KIND_UNCONFIRMED
        assert str(refused.value) == UNCONFIRMED
        assert await till.outbox.entries() == []  # refused before it was queued
        [row] = (await till.shift_record.shift_summary(shift.id)).refusals
        assert row.reason is not None and str(row.reason) == UNCONFIRMED

        # Used up whole it is good whichever kind it is: accepted offline, as before.
        order, facts = await till.catalogue.voucher_order(cached, 12, whole=True)
        whole = await till.redeemer.redeem(order, cached, Sale("Dewi", shift.id), voucher=facts)
        assert whole.verdict is Verdict.ACCEPTED_OFFLINE


async def test_a_deduction_of_unconfirmed_kind_that_never_arrived_is_not_redeemed(
    network_settings: Settings, network: Network
) -> None:
    network.faults(vouchers_kind_unlisted=True)
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        validations(till, failing=(SALDO,))
        ayu = await till.lookup.find_member(AYU)
        await till.lookup.offer(ayu)
        order, facts = await till.catalogue.deduct_order(ayu, 12, 50_000)
        assert not facts.kind_known
        network.down()  # the till still believes it is online: it sends, and is refused a line
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi"), voucher=facts)
        assert queued.verdict is Verdict.NOT_CONFIRMED
        done = await till.answer(queued)
        assert done.verdict is Verdict.NOT_REDEEMED and done.status is EntryStatus.VOIDED
        assert str(done.details) == UNCONFIRMED

        network.up()
        await till.sync(10)
        assert network.ledger() == []  # never sent
