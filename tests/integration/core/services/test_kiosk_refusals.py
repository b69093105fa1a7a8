"""What the kiosk refused a customer is on the till's record as the counter's refusals are
(architecture §5, docs/kiosk.md): its PIN step's refusals, other than a wrong PIN, as the
counter's PIN refusals are, and its policy's, under the cashier "Kiosk", so the end of day a
manager reads counts them. The kiosk has no shift: the day is where they are counted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.messages import say
from app.core.services.catalogue import CatalogueUnavailable
from app.core.services.kiosk import Kiosk, KioskPaused, KioskPinRejected, KioskRefused
from app.core.services.receipts import Verdict
from app.core.services.runtime import open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network
from ....support.sandbox import SandboxControl

pytestmark = pytest.mark.integration

AYU_CARD, BUDI_CARD = "70140000000006", "70140000000123"
AYU_ID = 6  # the sandbox's id of her


@asynccontextmanager
async def _kiosk(settings: Settings) -> AsyncIterator[tuple[Till, Kiosk, datetime]]:
    """A kiosk's till open on ``settings``, its kiosk, and when the test began (the day's
    records are read from then)."""
    async with open_till(settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as till:
        yield till, Kiosk(till), datetime.now().astimezone()


async def _the_day(till: Till, since: datetime) -> list[tuple[str, str, str, int]]:
    """The day's lines since ``since``: cashier, kind, standing, count."""
    day = await till.shift_record.day(since, datetime.now().astimezone())
    return [(line.cashier, line.kind, line.standing, line.count) for line in day.summary.lines]


async def test_a_pin_the_kiosk_could_not_have_checked_is_counted_at_the_end_of_day(
    network_settings: Settings, network: Network
) -> None:
    # Seen: the kiosk told Budi it could not check his PIN, and the end of day said nothing of it.
    async with _kiosk(network_settings) as (till, kiosk, since):
        budi = await kiosk.identify(BUDI_CARD, typed=False)
        network.down()  # while he types: the check meets no server
        with pytest.raises(KioskRefused, match="could not check your PIN"):
            await kiosk.authorize(budi, Secret("123456"))
        # The counter's would be not redeemed, in the offline rules' words: so is the kiosk's.
        assert await _the_day(till, since) == [("Kiosk", "reward", "not_redeemed", 1)]
        [row] = (await till.shift_record.day(since, datetime.now().astimezone())).rows
        assert (row.member, row.status, row.entry_id) == (
            "Budi Santoso",
            Verdict.NOT_REDEEMED,
            None,
        )
        assert row.what == "Kiosk redemption (at the PIN, before a reward was chosen)"
        assert row.reason is not None and "only the Stamps server can check" in str(row.reason)


async def test_a_pin_check_the_server_failed_is_counted_as_refused(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    async with _kiosk(till_settings) as (till, kiosk, since):
        budi = await kiosk.identify(BUDI_CARD, typed=False)
        sandbox.faults(error_rate=1.0, error_statuses=[500], scope="all")
        with pytest.raises(KioskRefused, match="could not check your PIN"):
            await kiosk.authorize(budi, Secret("123456"))
        sandbox.faults(error_rate=0.0)
        assert await _the_day(till, since) == [("Kiosk", "reward", "refused", 1)]


async def test_a_wrong_pin_at_the_kiosk_is_the_members_to_type_again_and_on_the_record(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The customer types again; the day keeps the wrong PIN, as the counter's: a manager could
    # not see that someone had typed wrong PINs on Budi's account (only the one that blocked it).
    async with _kiosk(till_settings) as (till, kiosk, since):
        budi = await kiosk.identify(BUDI_CARD, typed=False)
        with pytest.raises(KioskPinRejected):
            await kiosk.authorize(budi, Secret("111111"))
        await kiosk.authorize(budi, Secret("123456"))  # typed again, right
        assert await _the_day(till, since) == [("Kiosk", "reward", "refused", 1)]
        [row] = (await till.shift_record.day(since, datetime.now().astimezone())).rows
        assert (row.member, row.entry_id, str(row.reason)) == (
            "Budi Santoso",
            None,
            "Wrong PIN: 2 attempts left.",  # never the PIN, nor how long it was
        )


async def test_the_wrong_pin_that_blocks_it_sends_the_member_to_the_counter_not_to_type_again(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Seen: the third wrong PIN said "That PIN is not right. Please try again." over "0
    # attempts left", and a fourth, the PIN now blocked, said the same: the pad stayed open to
    # a customer who could do nothing with it (docs/kiosk.md: a blocked PIN, "ask at the
    # counter", nothing more).
    async with _kiosk(till_settings) as (_till, kiosk, _since):
        budi = await kiosk.identify(BUDI_CARD, typed=False)
        for left in (2, 1):
            with pytest.raises(KioskPinRejected) as wrong:
                await kiosk.authorize(budi, Secret("111111"))
            assert wrong.value.attempts_left == left
        for _ in range(2):  # the last attempt, then the PIN blocked
            with pytest.raises(KioskRefused) as refused:
                await kiosk.authorize(budi, Secret("111111"))
            assert not isinstance(refused.value, KioskPinRejected)
            assert refused.value.message == say("kiosk.ask_counter")


async def test_the_kiosks_policy_refusal_is_counted_at_the_end_of_day_as_before(
    network_settings: Settings, network: Network
) -> None:
    # The till records what its policy refuses at the kiosk, as at the counter: here a
    # redemption the server never got, voided by the kiosk's offline policy.
    async with _kiosk(network_settings) as (till, kiosk, since):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        await kiosk.offer(ayu)
        network.down()  # the kiosk does not know yet: it queues, and the attempt never arrives
        queued = await kiosk.redeem(ayu, 1, None)
        assert (await kiosk.wait(queued)).verdict is Verdict.NOT_REDEEMED
        assert await _the_day(till, since) == [("Kiosk", "reward", "not_redeemed", 1)]


async def _refusals(till: Till, since: datetime) -> list[tuple[str, str, Verdict, str]]:
    """The day's refusals made before anything was queued: member, what, verdict, reason."""
    rows = (await till.shift_record.day(since, datetime.now().astimezone())).rows
    return [(r.member, r.what, r.status, str(r.reason)) for r in rows if r.entry_id is None]


async def test_a_member_sent_to_the_counter_for_a_redemption_still_waiting_is_counted(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Seen: Ayu's redemption was left unknown; she was turned away twice at the kiosk ("still
    # being processed"), and the end of day said nothing of either, as the counter's "lane busy"
    # would have.
    async with _kiosk(till_settings) as (till, kiosk, _):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        croissant = next(r for r in (await kiosk.offer(ayu)).rewards if r.id == 1)
        sandbox.faults(applied_then_500_rate=1.0, scope="redemptions")
        left = await kiosk.redeem(ayu, 1, None)
        assert (await kiosk.wait(left)).verdict is Verdict.NOT_CONFIRMED
        since = datetime.now().astimezone()

        # Before queueing a second (she had chosen it before the first was left waiting) ...
        with pytest.raises(KioskRefused, match="still being processed"):
            await kiosk.redeem(ayu, 1, None)
        # ... and when she scans her card again.
        with pytest.raises(KioskRefused, match="still being processed"):
            await kiosk.identify(AYU_CARD, typed=False)

        waiting = "This member still has a redemption waiting to sync"
        assert [(m, w, v) for m, w, v, _ in await _refusals(till, since)] == [
            ("Ayu Pratiwi", croissant.name, Verdict.REFUSED),
            (
                "Ayu Pratiwi",
                "Kiosk redemption (on identifying, before a reward was chosen)",
                Verdict.REFUSED,
            ),
        ]
        assert all(reason.startswith(waiting) for *_, reason in await _refusals(till, since))
        assert ("Kiosk", "reward", "refused", 2) in await _the_day(till, since)


async def test_a_reward_the_catalogue_no_longer_orders_is_counted_under_its_name(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    # The kiosk showed a reward the store then took out of its catalogue: the cashier's window
    # records such an order, and so does the kiosk now, named as the customer saw it.
    sandbox.reset(extra_rewards=1)
    async with _kiosk(till_settings) as (till, kiosk, since):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        assert "Hadiah Katalog 1" in [r.name for r in (await kiosk.offer(ayu)).rewards]
        sandbox.reset()  # gone from the catalogue while she confirms
        with pytest.raises(KioskRefused, match="could not be redeemed"):
            await kiosk.redeem(ayu, 1001, None)
        assert await _refusals(till, since) == [
            (
                "Ayu Pratiwi",
                "Hadiah Katalog 1",
                Verdict.REFUSED,
                "That reward (1001) is not offered at this store.",
            )
        ]
        assert await _the_day(till, since) == [("Kiosk", "reward", "refused", 1)]


async def test_a_kiosk_paused_at_welcome_records_nothing(
    network_settings: Settings, network: Network
) -> None:
    # Nobody asked for anything: a paused kiosk turning a card away is no refused redemption.
    async with _kiosk(network_settings) as (till, kiosk, since):
        network.down()
        with pytest.raises(KioskRefused):
            await kiosk.identify(AYU_CARD, typed=False)
        assert await _the_day(till, since) == []


@pytest.mark.parametrize(("stamps_now", "queued"), [(250, True), (10, False)])
async def test_a_reward_over_the_balance_identified_with_is_judged_on_the_balance_now(
    till_settings: Settings, sandbox: SandboxControl, stamps_now: int, queued: bool
) -> None:
    # Ayu identified at the kiosk with 10 stamps, then given more at the counter while she
    # browsed: her 20-stamp reward was refused "You do not have enough stamps" on the balance
    # she was identified with. Read again, her balance now decides it.
    sandbox.change_member(AYU_ID, stamps=10)
    async with _kiosk(till_settings) as (till, kiosk, since):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        sandbox.change_member(AYU_ID, stamps=stamps_now)
        if queued:
            done = await kiosk.wait(await kiosk.redeem(ayu, 1, None))
            assert done.verdict is Verdict.CONFIRMED
            assert sandbox.stamps("KR24000006") == 230
            return
        with pytest.raises(KioskRefused) as refused:
            await kiosk.redeem(ayu, 1, None)
        assert refused.value.message == say("kiosk.not_enough")
        assert await _the_day(till, since) == [("Kiosk", "reward", "refused", 1)]


async def test_a_catalogue_unreadable_at_the_confirm_pauses_the_kiosk_instead_of_failing(
    till_settings: Settings, sandbox: SandboxControl, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The catalogue read again when the customer confirms fails with nothing remembered: the
    # customer is sent to the counter as when the server cannot be reached, not to the crash
    # report, and nothing is queued or recorded (no order was made).
    async with _kiosk(till_settings) as (till, kiosk, since):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        reward = (await kiosk.offer(ayu)).rewards[0]

        async def unreadable(*_args: object, **_kwargs: object) -> None:
            raise CatalogueUnavailable(say("catalogue.rewards_unavailable"))

        monkeypatch.setattr(till.catalogue, "reward_order", unreadable)
        with pytest.raises(KioskPaused, match="paused"):
            await kiosk.redeem(ayu, reward.id, None)
        assert await _the_day(till, since) == []
        assert await till.history.rows() == []


async def test_a_card_the_server_looked_up_under_a_wrong_merchant_is_not_called_unknown(
    till_settings: Settings,
) -> None:
    # "We could not find that card" sent customers to try their right cards again, when the
    # till's merchant setting was what the server refused: the counter fares no better.
    wrong = till_settings.model_copy(update={"merchant": till_settings.merchant + 1})
    async with _kiosk(wrong) as (_, kiosk, _):
        with pytest.raises(KioskPaused) as paused:
            await kiosk.identify(AYU_CARD, typed=False)
    assert paused.value.message == say("kiosk.paused")


async def test_a_member_whose_stamps_the_server_did_not_give_is_sent_to_the_counter(
    network_settings: Settings, network: Network
) -> None:
    # `"stamps": null` read "You have 0 stamps" and "Collect more stamps!": a balance the server
    # never gave. No reward can be judged affordable; the counter can still take their vouchers.
    network.down()
    network.spent_elsewhere(6, stamps_left=None)
    network.up()
    async with _kiosk(network_settings) as (_, kiosk, _since):
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        with pytest.raises(KioskRefused) as refused:
            await kiosk.offer(ayu)
        assert refused.value.message == say("kiosk.ask_counter")
