"""A redemption whose every attempt provably never arrived is judged by the offline policy at
once (architecture §3, §4): accepted offline where the policy allows it, else voided in one
transaction, audited and recorded as not redeemed, apart from the server's refusals. PIN-authorised
redemptions at the counter are left to retry while their authorisation lasts; the kiosk's policy
refuses everything it cannot send at once, PIN or not (docs/kiosk.md): its customer has gone by the
time the network is back."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime

import pytest

from app.config import Settings
from app.core import clock
from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus, Outcome
from app.core.messages import say
from app.core.outbox.retry import RetryPolicy
from app.core.services.config import TillConfig
from app.core.services.kiosk import Kiosk
from app.core.services.receipts import Receipt, Verdict
from app.core.services.refusals import Refused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale, Till
from app.core.stamps.errors import ConnectionFailed
from app.sandbox import DEMO_TOKEN

from ....support.network import Network
from ....support.sandbox import SandboxControl

pytestmark = pytest.mark.integration

AYU, BUDI = "customer@stamps.co.id", "budi.santoso@contoh.co.id"
HENDRA = "hendra.gunawan@contoh.co.id"  # blocked
AYU_CARD, BUDI_CARD = "70140000000006", "70140000000123"
#: The network back, the till's probe notices at once and wakes what never arrived.
QUICK_PROBE = RuntimeOptions(probe_interval=0.1)


# Held back, the worker's retry cannot come before the wait judges the first failed attempt (on a
# loaded machine it did, and the entry was judged on its second).
@pytest.mark.usefixtures("no_retry_meanwhile")
async def test_a_reward_the_server_never_got_is_accepted_offline_on_its_first_attempt(
    network_settings: Settings, network: Network
) -> None:
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN), QUICK_PROBE) as till:
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 1)
        shift = await till.shift_record.open_shift("Dewi")
        network.down()  # the till still believes it is online: it sends, and is refused a line
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi", shift.id))
        assert queued.verdict is Verdict.NOT_CONFIRMED  # not yet known
        done = await till.answer(queued)
        # Judged on the first failed attempt, not after a wait in amber.
        assert done.attempts == 1
        assert done.verdict is Verdict.ACCEPTED_OFFLINE
        assert str(done.headline) == "Accepted offline — will sync"
        assert done.status is EntryStatus.QUEUED and done.provisional
        assert till.outage.totals.redemptions == 1

        network.up()  # sent once the probe has seen it, within the outbox's reconnect spread
        await till.sync(60)
        synced = await till.receipt(queued.entry_id)
        assert synced.verdict is Verdict.CONFIRMED
        assert [e["idempotency_key"] for e in network.ledger()] == [queued.entry_id]


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt, as above
async def test_one_the_policy_would_refuse_is_voided_audited_and_counted_as_not_redeemed(
    network_settings: Settings, network: Network
) -> None:
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        costly = await till.catalogue.reward_order(ayu, 7)  # 150 stamps: over the offline cap
        shift = await till.shift_record.open_shift("Dewi")
        network.down()
        queued = await till.redeemer.redeem(
            costly, ayu, Sale("Dewi", shift.id, invoice_number="INV-7")
        )
        done = await till.answer(queued)
        assert done.verdict is Verdict.NOT_REDEEMED
        assert done.status is EntryStatus.VOIDED
        assert str(done.headline) == "Not redeemed"
        assert str(done.details) == (
            "Offline, one redemption may cost at most 100 stamps; this costs 150."
        )
        audit = await till.outbox.audit_log(queued.entry_id)
        assert [a.action for a in audit] == ["voided: offline policy"]

        summary = await till.shift_record.shift_summary(shift.id)
        assert summary.count(Verdict.NOT_REDEEMED) == 1
        assert summary.count(Verdict.REFUSED) == 0  # apart from the server's refusals
        [row] = summary.refusals
        assert (row.member, row.what, row.invoice) == (
            "Ayu Pratiwi",
            "Tumbler Kopi Rindang",
            "INV-7",
        )
        assert row.reason is not None and "at most 100 stamps" in str(row.reason)

        network.up()
        await till.sync(10)
        assert network.ledger() == []  # never sent: nothing to undo anywhere
        assert (await till.receipt(queued.entry_id)).verdict is Verdict.NOT_REDEEMED


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt, as above
async def test_the_same_order_again_once_the_till_knows_it_is_offline_is_not_redeemed_alike(
    network_settings: Settings, network: Network
) -> None:
    # Seen in the window: tried before the till knew it was offline, an order over the offline
    # limit was queued, then voided and read "Not redeemed"; the same order again, refused before
    # queueing, read "Refused" with other advice, and the shift and the day counted one of each.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        started = datetime.now().astimezone()
        ayu = await till.lookup.find_member(AYU)
        costly = await till.catalogue.reward_order(ayu, 7)  # 150 stamps: over the offline cap
        shift = await till.shift_record.open_shift("Dewi")
        sale = Sale("Dewi", shift.id)
        network.down()
        first = await till.answer(await till.redeemer.redeem(costly, ayu, sale))
        assert first.verdict is Verdict.NOT_REDEEMED
        assert not till.monitor.online  # the attempt taught it

        with pytest.raises(Refused) as again:
            await till.redeemer.redeem(costly, ayu, sale)
        assert again.value.verdict is Verdict.NOT_REDEEMED
        assert again.value.message == first.details
        # The same advice, and that the till checked the line before refusing (check_line_now).
        assert first.what_to_do == say("receipt.not_redeemed.todo")
        assert again.value.what_to_do == say("receipt.not_redeemed.line_checked.todo")

        summary = await till.shift_record.shift_summary(shift.id)
        assert summary.count(Verdict.NOT_REDEEMED) == 2
        assert summary.count(Verdict.REFUSED) == 0
        assert [row.status for row in summary.refusals] == [Verdict.NOT_REDEEMED] * 2
        day = await till.shift_record.day(started, datetime.now().astimezone())
        assert [(line.standing, line.count, line.stamps) for line in day.summary.totals()] == [
            ("not_redeemed", 2, 300)
        ]
        assert [row.status for row in day.rows] == [Verdict.NOT_REDEEMED] * 2


async def test_a_pin_the_server_could_not_be_reached_for_is_not_redeemed_as_offline_is(
    network_settings: Settings, network: Network
) -> None:
    # The PIN member's twin of the case above: the pad's check meets the cut line, and the same
    # order again meets the offline rules (only the server checks a PIN). One verdict, one count.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        budi = await till.lookup.find_member(BUDI)
        order = await till.catalogue.reward_order(budi, 1)
        shift = await till.shift_record.open_shift("Dewi")
        sale = Sale("Dewi", shift.id)
        network.down()
        with pytest.raises(Refused) as unchecked:
            await till.redeemer.authorize_pin_for(order, budi, sale, Secret("123456"))
        assert unchecked.value.verdict is Verdict.NOT_REDEEMED
        assert not till.monitor.online
        with pytest.raises(Refused) as offline:
            await till.redeemer.redeem(order, budi, sale)
        assert offline.value.verdict is Verdict.NOT_REDEEMED
        assert offline.value.message == unchecked.value.message  # only the server checks a PIN
        assert offline.value.what_to_do == unchecked.value.what_to_do
        summary = await till.shift_record.shift_summary(shift.id)
        assert summary.count(Verdict.NOT_REDEEMED) == 2
        assert summary.count(Verdict.REFUSED) == 0
        # The shift's record (what support reads) says what the screen said, not "Try again
        # when the till is back online" beside a screen that said the line was just checked.
        checked = (
            "This member's redemptions need their PIN, which only the Stamps server can check."
        )
        assert [str(row.reason) for row in summary.refusals] == [checked, checked]
        assert str(offline.value) == checked


async def test_a_refusal_that_holds_online_too_stays_refused_offline(
    network_settings: Settings, network: Network
) -> None:
    # A blocked member is refused whatever the network: the offline rules are not the reason.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        hendra = await till.lookup.find_member(HENDRA)
        order = await till.catalogue.reward_order(hendra, 1)
        shift = await till.shift_record.open_shift("Dewi")
        network.down()
        # the till knows it is offline
        till.monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        with pytest.raises(Refused) as refused:
            await till.redeemer.redeem(order, hendra, Sale("Dewi", shift.id))
        assert refused.value.verdict is Verdict.REFUSED
        assert (await till.shift_record.shift_summary(shift.id)).count(Verdict.REFUSED) == 1


async def test_a_pin_authorised_redemption_keeps_trying_while_its_authorisation_lasts(
    network_settings: Settings, network: Network
) -> None:
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        budi = await till.lookup.find_member(BUDI)
        order = await till.catalogue.reward_order(budi, 1)
        request_id = await till.redeemer.authorize_pin(budi, Secret("123456"))
        network.down()
        queued = await till.redeemer.redeem(order, budi, Sale("Dewi"), request_id=request_id)
        done = await till.answer(queued)
        assert done.verdict is Verdict.NOT_CONFIRMED
        assert str(done.headline) == "Waiting to send — do not hand over yet"
        assert done.status is EntryStatus.QUEUED and not done.provisional
        assert await till.outbox.audit_log(queued.entry_id) == []

        network.up()
        await till.sync(20)
        assert (await till.receipt(queued.entry_id)).verdict is Verdict.CONFIRMED


async def _voided_by_the_kiosk(till: Till, entry_id: str) -> None:
    """What the kiosk's offline policy leaves: voided, audited, not redeemed, in the customer's
    words."""
    done = await till.receipt(entry_id)
    assert done.verdict is Verdict.NOT_REDEEMED
    assert done.status is EntryStatus.VOIDED
    assert str(done.details) == (
        "The kiosk could not send this to the Stamps server, so nothing was redeemed and no "
        "stamps were taken."
    )
    audit = await till.outbox.audit_log(entry_id)
    # (a queue paused by this entry's attempt records that against it first)
    assert [a.action for a in audit if a.action != "paused"] == ["voided: offline policy"]


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt, as above
async def test_a_kiosk_redemption_the_server_never_got_is_voided_at_once_and_never_sent(
    network_settings: Settings, network: Network
) -> None:
    kiosk = dataclasses.replace(network_settings.till_config(), channel=Channel.KIOSK)
    async with open_till(kiosk, Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 1)
        shift = await till.shift_record.open_shift("Kiosk")
        network.down()  # the kiosk still believes it is online: it sends, and is refused a line
        queued = await till.redeemer.redeem(order, ayu, Sale("Kiosk", shift.id))
        done = await till.answer(queued)
        assert done.attempts == 1  # judged on the first failed attempt
        assert done.verdict is Verdict.NOT_REDEEMED
        await _voided_by_the_kiosk(till, queued.entry_id)
        summary = await till.shift_record.shift_summary(shift.id)
        assert summary.count(Verdict.NOT_REDEEMED) == 1
        [row] = summary.refusals
        assert row.reason is not None and "no stamps were taken" in str(row.reason)

        network.up()  # the customer has gone; the counter may have redeemed it for them
        await till.sync(10)
        assert network.ledger() == []
        assert (await till.receipt(queued.entry_id)).verdict is Verdict.NOT_REDEEMED


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt, as above
async def test_a_pin_authorised_kiosk_redemption_is_voided_too(
    network_settings: Settings, network: Network
) -> None:
    # A till at the counter (channel POS) running the kiosk's flow: the entry's channel decides.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        budi = await kiosk.identify(BUDI_CARD, typed=False)
        request_id = await kiosk.authorize(budi, Secret("123456"))
        await kiosk.offer(budi)
        network.down()
        queued = await kiosk.redeem(budi, 1, request_id)
        done = await kiosk.wait(queued)
        assert done.verdict is Verdict.NOT_REDEEMED
        await _voided_by_the_kiosk(till, queued.entry_id)

        network.up()
        await till.sync(10)
        assert network.ledger() == []


async def test_a_retry_claimed_before_the_wait_judged_is_followed_to_its_end(
    till_settings: Settings, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The wait read the first attempt's end (never arrived), and before it judged the entry a
    # worker claimed the retry (drawn in [0, 2) s, it can be due at once; here another process's
    # `stamps-pos sync`, sharing the database). The judgement found the entry sending and the
    # cashier was told NOT CONFIRMED about a redemption no attempt had reached the server with.
    monkeypatch.setattr(TillConfig, "retry_policy", lambda _config: RetryPolicy(base=0.0))
    options = RuntimeOptions(start_worker=False)  # the attempts are this test's own
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN), options) as till:
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 1)
        shift = await till.shift_record.open_shift("Dewi")
        queued = await till.redeemer.redeem(order, ayu, Sale("Dewi", shift.id))
        first = await till.outbox.claim("till-1")
        assert first is not None
        await till.outbox.record(first, Outcome.NEVER_ARRIVED, error=ConnectionFailed("refused"))

        judge, retry, judged = till.settle_unsent, [], asyncio.Event()

        async def retry_claimed_first(entry_id: str) -> Receipt:
            if not retry:
                retry.append(await till.outbox.claim("stamps-pos sync"))
            try:
                return await judge(entry_id)
            finally:
                judged.set()

        monkeypatch.setattr(till, "settle_unsent", retry_claimed_first)
        waiting = asyncio.ensure_future(till.answer(queued))
        await judged.wait()
        assert retry[0] is not None
        assert not waiting.done()  # the retry in flight is followed, not told as not confirmed
        await till.outbox.record(retry[0], Outcome.NEVER_ARRIVED, error=ConnectionFailed("refused"))
        done = await asyncio.wait_for(waiting, 30)
        assert done.verdict is Verdict.ACCEPTED_OFFLINE
        assert done.attempts == 2


@pytest.mark.usefixtures("no_retry_meanwhile")  # the next attempt would hide a wait that misses it
async def test_a_kiosk_attempt_that_ended_before_the_wait_began_is_still_judged(
    network_settings: Settings, network: Network
) -> None:
    # Seen in CI: a refused connection ended the worker's first attempt before the kiosk's wait
    # first read the entry; the wait took that attempt as known, waited for the next one, and the
    # customer watched "working" for the whole wait.
    async with open_till(network_settings.till_config(), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        await kiosk.offer(ayu)
        network.down()
        queued = await kiosk.redeem(ayu, 1, None)
        await _first_attempt_ended(till, queued.entry_id)
        done = await kiosk.wait(queued)
        assert done.verdict is Verdict.NOT_REDEEMED
        assert done.attempts == 1
        await _voided_by_the_kiosk(till, queued.entry_id)


async def _first_attempt_ended(till: Till, entry_id: str) -> None:
    changed = asyncio.Event()
    till.outbox.add_listener(changed.set)
    try:
        while not any(attempt.ended_at for attempt in await till.outbox.attempts(entry_id)):
            await asyncio.wait_for(changed.wait(), 30)
            changed.clear()
    finally:
        till.outbox.remove_listener(changed.set)


async def test_a_kiosk_redemption_refused_for_the_token_is_voided_not_held_for_a_manager(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The cashier's till holds such an entry until a manager sets the token; nobody waits at a
    # kiosk for that.
    kept = {"token": Secret("not-the-token")}
    options = RuntimeOptions(token_source=lambda: kept["token"])
    config = dataclasses.replace(till_settings.till_config(), channel=Channel.KIOSK)
    async with open_till(config, kept["token"], options) as till:
        async with open_till(
            till_settings.till_config(), Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)
        ) as colleague:
            ayu = await colleague.lookup.find_member(AYU)
            order = await colleague.catalogue.reward_order(ayu, 1)
        queued = await till.redeemer.redeem(order, ayu, Sale("Kiosk"))
        await till.answer(queued)
        assert (await till.status()).paused
        await _voided_by_the_kiosk(till, queued.entry_id)

        kept["token"] = Secret(DEMO_TOKEN)
        await till.line.resume_after_credentials_change()
        await till.sync(10)
        assert sandbox.ledger() == []


async def test_a_kiosk_till_offline_refuses_before_queueing(
    network_settings: Settings, network: Network
) -> None:
    kiosk = dataclasses.replace(network_settings.till_config(), channel=Channel.KIOSK)
    async with open_till(kiosk, Secret(DEMO_TOKEN)) as till:
        ayu = await till.lookup.find_member(AYU)
        order = await till.catalogue.reward_order(ayu, 1)
        # the till knows it is offline (and the line is down: it checks before refusing)
        network.down()
        till.monitor.report(Outcome.NEVER_ARRIVED, sent_at=clock.monotonic())
        with pytest.raises(Refused, match="no stamps were taken"):
            await till.redeemer.redeem(order, ayu, Sale("Kiosk"))
        assert await till.receipts() == []
