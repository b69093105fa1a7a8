"""The till, through ``app.core.services``, against another server written from the same docs
(tests/support/other_reading.py): each rewriting the docs allow, one at a time and all
together, and a cashier's whole round on it (members found three ways, the offer, a reward, a
cart, a voucher, a deduction, a voucher code, a promo code, a PIN, a cancel), a redemption
made offline and sent when the server is back, one found applied in the member's feed, a
catalogue of many pages, and the kiosk. What the till says each time must be true of what the
server holds."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from app.config import load_settings
from app.core.services import RuntimeOptions, Sale, Secret, Till, Verdict, open_till
from app.core.services.config import TillConfig
from app.core.services.kiosk import Kiosk
from app.core.services.refusals import PinRequired

from ...support.docs_server import MERCHANT, STORE, DocsServer
from ...support.network import AMPLE_TIMEOUTS, TEST_RECONNECT_SPREAD
from ...support.other_reading import READINGS, other_reading

pytestmark = pytest.mark.integration

AYU = "ayu@contoh.co.id"  # 250 stamps, voucher 1 (VC-ABC, Rp 200)
AYU_MEMBER_ID, AYU_PHONE = "RRROWO5U51", "+628555756061"
BUDI = "budi@contoh.co.id"  # 40 stamps, PIN 123456
WAIT = 10.0
MANAGER, MANAGER_PIN = "Wayan", Secret("246810")
REDEEM_REWARD = "/api/v2/redemptions/redeem-reward"


@pytest.fixture(params=[*READINGS, "all"])
def server(request: pytest.FixtureRequest) -> Iterator[DocsServer]:
    names = () if request.param == "all" else (request.param,)
    with DocsServer(reshape=other_reading(*names)) as running:
        yield running


@pytest.fixture
def other_server() -> Iterator[DocsServer]:
    """The other reading with every rewriting at once."""
    with DocsServer(reshape=other_reading()) as running:
        yield running


@asynccontextmanager
async def opened(
    server: DocsServer,
    tmp_path: Path,
    options: RuntimeOptions | None = None,
    *,
    kiosk: bool = False,
) -> AsyncIterator[Till]:
    """A till (a kiosk's, with ``kiosk``) on ``server``, with a manager to cancel."""
    settings = load_settings(
        tmp_path / "none.toml",
        base_url=server.url,
        merchant=MERCHANT,
        store=STORE,
        store_code="RDG-KMG",
        data_dir=tmp_path / "till",
        **AMPLE_TIMEOUTS,
    )
    token = Secret(server.token)
    options = dataclasses.replace(options or RuntimeOptions(), token_source=lambda: token)
    async with open_till(settings.till_config(kiosk=kiosk), token, options) as running:
        await running.staff.add_first_manager(MANAGER, MANAGER_PIN)
        yield running


@pytest.fixture
async def till(server: DocsServer, tmp_path: Path) -> AsyncIterator[Till]:
    async with opened(server, tmp_path) as running:
        yield running


async def test_a_cashiers_round_is_told_as_the_server_holds_it(
    till: Till, server: DocsServer
) -> None:
    by_email = await till.find_member(AYU)
    for other in (AYU_MEMBER_ID, AYU_PHONE):
        assert (await till.find_member(other)).server_id == by_email.server_id
    ayu = by_email
    assert ayu.stamps == 250 and ayu.live and ayu.balance == 0

    offer = await till.offer(ayu)  # every reward the server lists, Mee Goreng priced in money
    assert {r.id for r in offer.rewards} == {5, 6, 8, 9, 11} and offer.rewards_unread == 0
    assert [v.id for v in offer.vouchers] == [1] and offer.vouchers_unread == 0

    reward = await till.redeemer.redeem(
        await till.catalogue.reward_order(ayu, 9), ayu, Sale("Dewi")
    )
    told = await till.wait(reward.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert told.stamps_remaining == 249 == server.member(AYU).stamps  # type: ignore[union-attr]
    assert told.server_redemption_id in server.redemptions

    cart = await till.catalogue.cart_order(ayu, [("A009", 2, None)])
    told = await till.wait((await till.redeemer.redeem(cart, ayu, Sale("Dewi"))).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert told.stamps_remaining == 247

    order, facts = await till.catalogue.deduct_order(ayu, 1, 50)
    receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"), voucher=facts)
    assert (await till.wait(receipt.entry_id, WAIT)).verdict is Verdict.CONFIRMED

    code = await till.catalogue.code_order(ayu, "VC-ABC")
    told = await till.wait((await till.redeemer.redeem(code, ayu, Sale("Dewi"))).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told

    promo = await till.catalogue.promo_order(ayu, "PROMOCODE")
    sale = Sale("Dewi", invoice_number="INV-77")
    told = await till.wait((await till.redeemer.redeem(promo, ayu, sale)).entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told

    budi = await till.find_member(BUDI)
    offered = await till.offer(budi)  # none of his own: "none", not "could not be read"
    assert not offered.vouchers and offered.vouchers_problem is None
    assert (await till.members_named("Nobody Here")).members == ()
    order = await till.catalogue.reward_order(budi, 9)
    with pytest.raises(PinRequired):
        await till.redeemer.redeem(order, budi, Sale("Dewi"))
    request_id = await till.redeemer.authorize_pin(budi, Secret("123456"))
    pinned = await till.redeemer.redeem(order, budi, Sale("Dewi"), request_id=request_id)
    told = await till.wait(pinned.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    assert server.member(BUDI).stamps == 39  # type: ignore[union-attr]

    await till.manager.enter(MANAGER, MANAGER_PIN)
    cancel = await till.manager.cancel(reward.entry_id)
    told = await till.wait(cancel.entry_id, WAIT)
    assert told.verdict is Verdict.CONFIRMED, told
    redeemed = await till.wait(reward.entry_id, WAIT)
    assert server.redemptions[redeemed.server_redemption_id]["status"] == "Canceled"  # type: ignore[index]
    assert server.member(AYU).stamps == 248  # type: ignore[union-attr]


async def test_a_redemption_made_offline_is_confirmed_once_the_server_is_back(
    other_server: DocsServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = other_server
    made = TillConfig.outbox_policy
    monkeypatch.setattr(
        TillConfig,
        "outbox_policy",
        lambda config: dataclasses.replace(made(config), reconnect_spread=TEST_RECONNECT_SPREAD),
    )
    port = int(server.url.rsplit(":", 1)[1])
    async with opened(server, tmp_path, RuntimeOptions(probe_interval=0.1)) as till:
        ayu = await till.find_member(AYU)
        await till.offer(ayu)  # the catalogue the till remembers
        server.stop()
        cached = await till.find_member(AYU_MEMBER_ID)
        assert not cached.live and cached.stamps == 250
        order = await till.catalogue.reward_order(cached, 9)
        receipt = await till.redeemer.redeem(order, cached, Sale("Dewi"))
        assert receipt.verdict is Verdict.ACCEPTED_OFFLINE and receipt.provisional
        assert server.member(AYU).stamps == 250  # type: ignore[union-attr]

        server.start(port)
        told = receipt
        for _ in range(20):  # each wait ends with an attempt; those that never arrived retry
            told = await till.wait(receipt.entry_id, WAIT)
            if told.verdict is not Verdict.ACCEPTED_OFFLINE:
                break
        assert told.verdict is Verdict.CONFIRMED, told
        assert told.stamps_remaining == 249 == server.member(AYU).stamps  # type: ignore[union-attr]
        assert len(server.redemptions) == 1


async def test_a_long_catalogue_is_read_to_its_last_page(
    other_server: DocsServer, tmp_path: Path
) -> None:
    server = other_server
    # the rewards list pages by per_page and last_reward_id: 250 more rewards, ids out of order
    for n in range(250):
        pk = 1000 + (n * 7919) % 250  # every id once, not in order
        server.rewards.append({**server.rewards[3], "id": pk, "code": f"L{pk}", "name": f"№ {pk}"})
    async with opened(server, tmp_path) as till:
        ayu = await till.find_member(AYU)
        offer = await till.offer(ayu)
        assert len(offer.rewards) == 255 and offer.rewards_problem is None
        last = server.rewards[-1]["id"]
        told = await till.wait(
            (
                await till.redeemer.redeem(
                    await till.catalogue.reward_order(ayu, last), ayu, Sale("D")
                )
            ).entry_id,
            WAIT,
        )
        assert told.verdict is Verdict.CONFIRMED, told


async def test_a_redemption_whose_answer_failed_is_found_applied_in_the_feed(
    other_server: DocsServer, tmp_path: Path
) -> None:
    # applied, then answered 500: not confirmed, until the member's activity shows it
    server = other_server
    async with opened(server, tmp_path) as till:
        ayu = await till.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 9)
        server.answer_next(REDEEM_REWARD, 500, "<h1>Server Error (500)</h1>", apply=True)
        receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
        told = await till.wait(receipt.entry_id, WAIT)
        assert told.verdict is Verdict.NOT_CONFIRMED, told
        assert len(server.redemptions) == 1

        # the worker reads the feed as the entry turns unknown, or this look does
        changed = asyncio.Event()
        till.outbox.add_listener(changed.set)
        try:
            async with asyncio.timeout(WAIT):
                while True:
                    changed.clear()
                    await till.worker.reconcile_due()
                    told = await till.outcome(receipt.entry_id)
                    if told.verdict is not Verdict.NOT_CONFIRMED:
                        break
                    await changed.wait()
        finally:
            till.outbox.remove_listener(changed.set)
        # the feed's line is status 1, Created: it stands (it read "cancelled" when the docs
        # server wrote 2, Canceled, for every redemption it made)
        assert told.verdict is Verdict.CONFIRMED, told


async def test_the_kiosk_serves_a_card_and_a_pin_as_the_server_holds_them(
    other_server: DocsServer, tmp_path: Path
) -> None:
    server = other_server
    async with opened(server, tmp_path, kiosk=True) as till:
        kiosk = Kiosk(till)
        ayu = await kiosk.identify(AYU_MEMBER_ID, typed=False)  # her card, scanned
        offer = await kiosk.offer(ayu)
        assert offer.stamps == 250 and not offer.some_unread
        assert {r.id for r in offer.rewards} >= {5, 6, 9}
        told = await kiosk.wait(await kiosk.redeem(ayu, 9, None))
        assert told.verdict is Verdict.CONFIRMED, told
        assert server.member(AYU).stamps == 249  # type: ignore[union-attr]

        budi = await kiosk.identify("+628122223333", typed=True)  # his phone: he has a PIN
        request_id = await kiosk.authorize(budi, Secret("123456"))  # answered "OK"
        told = await kiosk.wait(await kiosk.redeem(budi, 9, request_id))
        assert told.verdict is Verdict.CONFIRMED, told
        assert server.member(BUDI).stamps == 39  # type: ignore[union-attr]
