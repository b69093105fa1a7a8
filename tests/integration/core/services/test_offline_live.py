"""The network goes away mid-shift and comes back: the till serves the members it knows within
the offline policy, refuses what only the server can check, and syncs what it accepted."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import EntryStatus
from app.core.offline.connectivity import Connectivity
from app.core.offline.policy import Refusal
from app.core.services.catalogue import CodeNeedsServer
from app.core.services.members import MemberNotFound
from app.core.services.receipts import Receipt, Verdict
from app.core.services.refusals import NotOnline, Refused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale, Till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network

pytestmark = pytest.mark.integration

AYU, BUDI = "customer@stamps.co.id", "budi.santoso@contoh.co.id"
OPTIONS = RuntimeOptions(probe_interval=0.1)


async def settled(till: Till, entry_id: str, attempts: int = 20) -> Receipt:
    """The receipt once the entry leaves "accepted offline": each wait returns when an attempt
    ends, and attempts that never arrived are followed by more."""
    receipt = await till.wait(entry_id, 15)
    for _ in range(attempts):
        if receipt.verdict is not Verdict.ACCEPTED_OFFLINE:
            break
        receipt = await till.wait(entry_id, 15)
    return receipt


async def redeem_ayu_offline(till: Till) -> Receipt:
    """One reward for Ayu from the till's copy of her (the network is down)."""
    cached = await till.lookup.find_member(AYU)
    order = await till.catalogue.reward_order(cached, 1)
    return await till.redeemer.redeem(order, cached, Sale("dewi"))


@pytest.fixture
def settings(network_settings: Settings) -> Settings:
    return network_settings


async def test_outage_mid_shift_and_recovery(settings: Settings, network: Network) -> None:
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        # Online: the till sees Ayu, Budi, the catalogue and Ayu's vouchers, and remembers them.
        ayu = await till.lookup.find_member(AYU)
        await till.lookup.find_member(BUDI)
        offer = await till.lookup.offer(ayu)
        assert offer.rewards and offer.vouchers
        assert offer.rewards_problem is offer.vouchers_problem is None

        network.down()
        cached = await till.lookup.find_member("081210000006")
        assert not cached.live
        assert cached.stamps == 250
        assert till.monitor.state is Connectivity.OFFLINE
        with pytest.raises(NotOnline):
            await till.lookup.find_member("agus.setiawan@contoh.co.id")  # never seen

        order = await till.catalogue.reward_order(cached, 1)
        receipt = await till.redeemer.redeem(order, cached, Sale("dewi"))
        assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
        assert receipt.provisional
        assert await till.answer(receipt) is receipt  # the cashier's answer, no wait
        tried = await till.wait(receipt.entry_id, 5)
        assert tried.verdict is Verdict.ACCEPTED_OFFLINE
        assert await till.lookup.projected_stamps(cached) == 230

        # What only the server can check is refused, with a reason.
        with pytest.raises(CodeNeedsServer, match="online"):
            await till.catalogue.code_order(cached, "RINDANG-100K-7H2K")
        budi = await till.lookup.find_member(BUDI)
        with pytest.raises(Refused) as pin:
            await till.redeemer.redeem(
                await till.catalogue.reward_order(budi, 1), budi, Sale("dewi")
            )
        assert pin.value.refusal is Refusal.PIN_NEEDS_SERVER
        with pytest.raises(Refused) as costly:
            await till.redeemer.redeem(
                await till.catalogue.reward_order(cached, 7), cached, Sale("dewi")
            )
        assert costly.value.refusal is Refusal.TOO_COSTLY_OFFLINE

        # The network comes back: the probe notices, the provisional entry is sent and confirmed.
        network.up()
        done = await settled(till, receipt.entry_id)
        assert done.verdict is Verdict.CONFIRMED
        assert done.stamps_remaining == 230
        assert [e["idempotency_key"] for e in network.ledger()] == [receipt.entry_id]
        assert await till.outages.end_if_settled()
        fresh = await till.lookup.find_member(AYU)
        assert fresh.live
        assert fresh.stamps == 230


async def test_the_outages_caps_hold_when_the_till_starts_again_within_it(
    settings: Settings, network: Network
) -> None:
    # "This outage's offline total ... on this till": a till started again while the network is
    # still down (a restart, a crash, or simply the command line's next command) counted from
    # nothing, and accepted offline a redemption past the cap.
    capped = settings.model_copy(update={"offline_max_redemptions_per_outage": 1})
    async with open_till(capped.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(await till.lookup.find_member(AYU))
        network.down()
        first = await redeem_ayu_offline(till)
        assert first.verdict is Verdict.ACCEPTED_OFFLINE
    async with open_till(capped.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        with pytest.raises(Refused) as second:
            await redeem_ayu_offline(till)
        assert second.value.refusal is Refusal.OUTAGE_COUNT_CAP
        # Back online, the outage ends once what it accepted has synced: the caps start afresh.
        network.up()
        assert (await settled(till, first.entry_id)).verdict is Verdict.CONFIRMED
        assert await till.outages.end_if_settled()
        network.down()
        assert (await redeem_ayu_offline(till)).verdict is Verdict.ACCEPTED_OFFLINE


async def test_an_unknown_left_by_an_outage_does_not_hold_the_next_outages_caps(
    settings: Settings, network: Network
) -> None:
    # An entry accepted offline that went unknown waits for its feed or a manager, not for the
    # network. A till kept running never ended that outage, so the next one started with the
    # old one's count and refused past a cap it had not reached.
    capped = settings.model_copy(update={"offline_max_redemptions_per_outage": 1})
    async with open_till(capped.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(await till.lookup.find_member(AYU))
        network.down()
        first = await redeem_ayu_offline(till)
        assert first.verdict is Verdict.ACCEPTED_OFFLINE
        await till.wait(first.entry_id, 5)  # its attempt ended: the entry is queued again
        await till.outbox.db.write(
            lambda s: s.execute(
                sa.text("UPDATE outbox_entries SET status = 'unknown' WHERE id = :id"),
                {"id": first.entry_id},
            )
        )
        back = asyncio.Event()
        till.monitor.subscribe(lambda _, new: back.set() if new is Connectivity.ONLINE else None)
        network.up()
        await asyncio.wait_for(back.wait(), 15)  # the probe sees the server again
        assert await till.outages.end_if_settled()
        network.down()
        assert (await redeem_ayu_offline(till)).verdict is Verdict.ACCEPTED_OFFLINE
        held = await till.outbox.get(first.entry_id)
        assert held is not None and held.status == EntryStatus.UNKNOWN


#: A reward the server turns into a voucher (Ayu's "Voucher Diskon Rp 25.000", reward 6 or
#: KR-006), alone and in a cart with a croissant: what the words of each are named for.
_VOUCHER_REWARD_ORDERS = {
    "issued": lambda catalogue, member: catalogue.reward_order(member, 6),
    "cart_issued": lambda catalogue, member: catalogue.cart_order(
        member, [("KR-001", 1, None), ("KR-006", 1, None)]
    ),
}


@pytest.mark.parametrize("gives", sorted(_VOUCHER_REWARD_ORDERS))
async def test_a_reward_that_is_a_voucher_accepted_offline_is_not_handed_over(
    settings: Settings, network: Network, gives: str
) -> None:
    # Seen in the window: Ayu's "Voucher Diskon Rp 25.000" accepted offline said "Hand over the
    # reward", with nothing to give: the voucher exists only once the server has the redemption.
    # In a cart with a croissant it read "Hand over the rewards", voucher and all.
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        ayu = await till.lookup.find_member(AYU)
        await till.lookup.offer(ayu)
        network.down()
        cached = await till.lookup.find_member(AYU)
        order = await _VOUCHER_REWARD_ORDERS[gives](till.catalogue, cached)
        assert order.issues_voucher
        receipt = await till.redeemer.redeem(order, cached, Sale("dewi"))
        assert receipt.verdict is Verdict.ACCEPTED_OFFLINE
        assert receipt.what_to_do.id == f"receipt.accepted_offline.todo.{gives}"

        network.up()
        done = await settled(till, receipt.entry_id)
        assert done.verdict is Verdict.CONFIRMED
        assert done.voucher_code is not None
        assert done.what_to_do.id == f"receipt.confirmed.offline.todo.{gives}"


async def test_a_member_never_seen_cannot_be_served_offline(
    settings: Settings, network: Network
) -> None:
    network.down()
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        with pytest.raises((NotOnline, MemberNotFound)):
            await till.lookup.find_member(AYU)


async def test_redemptions_at_once_offline_never_spend_the_same_stamps_twice(
    settings: Settings, network: Network
) -> None:
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(
            await till.lookup.find_member(AYU)
        )  # the member and the rewards remembered
        network.down()
        ayu = await till.lookup.find_member(AYU)  # 250 stamps, from the cache
        assert not ayu.live
        order = await till.catalogue.reward_order(ayu, 1)  # 20 stamps
        # thirteen at once, as two tills' worth of taps would: 260 stamps asked of 250
        tries = [till.redeemer.redeem(order, ayu, Sale("dewi")) for _ in range(13)]
        done = await asyncio.gather(*tries, return_exceptions=True)
        accepted = [r for r in done if isinstance(r, Receipt)]
        refused = [r for r in done if isinstance(r, Refused)]
        assert len(accepted) == 12 and len(refused) == 1
        assert refused[0].refusal is Refusal.NOT_ENOUGH_STAMPS
        assert await till.lookup.projected_stamps(ayu) == 10


async def found_applied(till: Till, entry_id: str) -> None:
    """Until the member's activity shows the ``unknown`` entry applied (the worker or this
    look, whichever reads the feed first)."""
    changed = asyncio.Event()
    till.outbox.add_listener(changed.set)
    try:
        async with asyncio.timeout(30):
            while True:
                changed.clear()
                await till.worker.reconcile_due()
                entry = await till.outbox.get(entry_id)
                assert entry is not None
                if entry.status == EntryStatus.SYNCED:
                    return
                await changed.wait()
    finally:
        till.outbox.remove_listener(changed.set)


async def test_a_redemption_found_applied_after_the_lookup_is_off_the_offline_balance(
    settings: Settings, network: Network
) -> None:
    # Ayu's answer is lost (250 stamps when she was read, 230 on the server), the feed shows it
    # applied, and then the line goes: her balance offline is the server's, not the 250 read
    # before, or the till would accept what the server refuses when the line comes back.
    unknown = settings.model_copy(update={"idempotency": "unknown"})
    async with open_till(unknown.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        ayu = await till.lookup.find_member(AYU)
        offer = await till.lookup.offer(ayu)
        assert offer.projected_stamps == 250
        network.faults(drop_after_apply=True, drop_rate=1.0, scope="redemptions")
        order = await till.catalogue.reward_order(ayu, 1)  # 20 stamps
        receipt = await till.redeemer.redeem(order, ayu, Sale("dewi"))
        assert (await till.wait(receipt.entry_id, 15)).status is EntryStatus.UNKNOWN
        network.faults(drop_rate=0.0)
        await found_applied(till, receipt.entry_id)
        assert (await till.lookup.offer(ayu)).projected_stamps == 230  # the member as read, too

        # The worker may be reading the feed too: its answer, come in as the line goes and read
        # after the lookup that failed, would make the till online again (a CI run on a loaded
        # machine sent all twelve as online, none refused by the offline rules).
        await till.worker.until_idle()
        network.down()
        cached = await till.lookup.find_member(AYU)
        assert not cached.live
        assert till.monitor.state is Connectivity.OFFLINE
        assert (await till.lookup.offer(cached)).projected_stamps == 230
        # eleven rewards of 20 are what 230 stamps buy; a twelfth is the server's 400 later
        tries = [till.redeemer.redeem(order, cached, Sale("dewi")) for _ in range(12)]
        done = await asyncio.gather(*tries, return_exceptions=True)
        refused = [r for r in done if isinstance(r, Refused)]
        assert len(refused) == 1 and refused[0].refusal is Refusal.NOT_ENOUGH_STAMPS


async def test_accepted_offline_it_stays_offline_though_the_server_then_timed_out(
    settings: Settings, network: Network
) -> None:
    # Accepted while the till knew itself offline (no attempt made), then turned away with a 408
    # once the line came back: guessed from its attempts, every one of which was a 408, its
    # Confirmed panel read "handed over when the till accepted it to send again, after the
    # Stamps server asked for it again", of a reward handed over in an outage. Why it was
    # accepted is recorded when it is.
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(await till.lookup.find_member(AYU))
        network.down()
        accepted = await redeem_ayu_offline(till)
        assert accepted.verdict is Verdict.ACCEPTED_OFFLINE and accepted.attempts == 0
        network.up(faults={"error_rate": 1.0, "error_statuses": [408], "scope": "redemptions"})
        turned_away = await till.wait(accepted.entry_id, 15, seen=0)
        assert turned_away.verdict is Verdict.ACCEPTED_OFFLINE and turned_away.attempts >= 1
        # accepted offline it was; what comes next is the 408's
        assert str(turned_away.headline) == "Accepted offline — will sync"
        assert not turned_away.answered
        assert str(turned_away.what_to_do) == (
            "Hand over the reward; the till sends it again by itself."
        )
        network.faults(error_rate=0.0)
        done = await settled(till, accepted.entry_id)
        assert done.verdict is Verdict.CONFIRMED
        assert str(done.what_to_do) == (
            "Nothing more to give: it was handed over when the till accepted it offline."
        )
        attempts = await till.outbox.attempts(accepted.entry_id)
        assert {a.status_code for a in attempts[:-1]} == {408}  # every failed one


async def test_a_manager_sends_again_what_was_refused_after_it_was_handed_over(
    settings: Settings, network: Network
) -> None:
    # Accepted offline (the reward went over the counter), refused when the line came back for
    # stamps spent elsewhere meanwhile, then sent again by a manager once they were topped up.
    # The retry's confirmation said "Hand over the reward." a second time.
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(await till.lookup.find_member(AYU))
        network.down()
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 1)
        accepted = await till.redeemer.redeem(order, ayu, Sale("dewi"))
        assert accepted.verdict is Verdict.ACCEPTED_OFFLINE
        network.spent_elsewhere(6, stamps_left=10)
        network.up()
        refused = await settled(till, accepted.entry_id)
        assert refused.verdict is Verdict.REFUSED
        network.down()
        network.spent_elsewhere(6, stamps_left=250)
        network.up()

        await till.staff.add_first_manager("Wayan", Secret("246810"))
        await till.manager.enter("Wayan", Secret("246810"))
        retried = await till.manager.retry(accepted.entry_id, note="stamps put back")
        confirmed = await till.wait(retried.entry_id, 15)
        assert confirmed.verdict is Verdict.CONFIRMED
        assert str(confirmed.what_to_do).startswith("Nothing more to give")
        # The cashier who made it follows it to the retry's answer, under its own id.
        outcome = await till.outcome(accepted.entry_id)
        assert (outcome.entry_id, outcome.verdict) == (accepted.entry_id, Verdict.CONFIRMED)
        assert outcome.cashier == "dewi" and outcome.server_redemption_id is not None
        assert (await till.receipt(accepted.entry_id)).verdict is Verdict.CLOSED


async def test_a_member_whose_stamps_the_server_never_gave_gets_nothing_paid_in_stamps_offline(
    settings: Settings, network: Network
) -> None:
    # `"stamps": null` was read as 0 stamps and cached so; offline the till projected a balance
    # from it. Unknown stays unknown: offline a reward is refused saying why, a voucher is not.
    async with open_till(settings.till_config(), Secret(DEMO_TOKEN), OPTIONS) as till:
        await till.lookup.offer(
            await till.lookup.find_member(AYU)
        )  # the store's rewards and her vouchers
        network.down()
        network.spent_elsewhere(6, stamps_left=None)
        network.up()
        ayu = await till.lookup.find_member(AYU)
        assert ayu.stamps is None and await till.lookup.projected_stamps(ayu) is None
        network.down()
        cached = await till.lookup.find_member(AYU)
        assert not cached.live and cached.stamps is None  # the copy kept "not given"
        order = await till.catalogue.reward_order(cached, 1)
        with pytest.raises(Refused) as refused:
            await till.redeemer.redeem(order, cached, Sale("dewi"))
        assert refused.value.refusal is Refusal.STAMPS_UNKNOWN
        # The till checked the line just now (it is still down): the words, for the screen and
        # for a log alike (str), leave "Try again when the till is back online" out.
        assert str(refused.value) == (
            "The Stamps server has not given this member's stamps, so the till cannot tell "
            "offline whether they have enough."
        )
        assert refused.value.line_checked
        voucher, facts = await till.catalogue.voucher_order(cached, 20)
        accepted = await till.redeemer.redeem(voucher, cached, Sale("dewi"), voucher=facts)
        assert accepted.verdict is Verdict.ACCEPTED_OFFLINE
