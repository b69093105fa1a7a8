"""A manager's retry of a kiosk redemption is the manager's, made at their till with the customer
in front of them: it follows that till's rules, not the kiosk's promise to a customer who has gone
(docs/kiosk.md, docs/manager-mode.md). At the counter: the counter's offline policy, the PIN's
bound and nothing else, and it is sent as the counter's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.config import Settings
from app.core import clock
from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.domain import Channel, EntryStatus
from app.core.messages import english
from app.core.services.failures import failure_words
from app.core.services.kiosk import Kiosk
from app.core.services.receipts import Verdict
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network

pytestmark = pytest.mark.integration

AYU_CARD, BUDI_CARD = "70140000000006", "70140000000123"
MANAGER, MANAGER_PIN = "Wayan", Secret("246810")
#: Past the kiosk's bound (two minutes), well inside a PIN's (fifteen).
PAST_THE_KIOSKS_BOUND = 121
#: The network back, the till's probe notices at once (a probe runs only while offline).
QUICK_PROBE = RuntimeOptions(probe_interval=0.1)


async def refused_at_the_kiosk(settings: Settings, network: Network, card: str) -> str:
    """A kiosk redemption (on the kiosk's own till, sharing the counter's data folder) that the
    server refused; Budi's with his PIN. Returns its entry id."""
    async with open_till(settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as kiosk_till:
        kiosk = Kiosk(kiosk_till)
        member = await kiosk.identify(card, typed=False)
        request_id = (
            await kiosk.authorize(member, Secret("123456")) if member.protected_redemption else None
        )
        await kiosk.offer(member)
        network.faults(error_rate=1.0, error_statuses=[400], scope="redemptions")
        queued = await kiosk.redeem(member, 1, request_id)
        assert (await kiosk.wait(queued)).verdict is Verdict.REFUSED
        network.faults(error_rate=0.0)
        return queued.entry_id


async def in_manager_mode(till: Till) -> None:
    await till.staff.add_first_manager(MANAGER, MANAGER_PIN)
    await till.manager.enter(MANAGER, MANAGER_PIN)


@pytest.fixture
def moved_clock() -> Iterator[ManualClock]:
    """The till's clock, moved by hand; it starts at the real time, as the sandbox's does."""
    with clock.installed(ManualClock(datetime.now(UTC))) as installed:
        assert isinstance(installed, ManualClock)
        yield installed


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt
async def test_a_retry_the_server_never_got_is_judged_by_the_counters_policy(
    network_settings: Settings, network: Network
) -> None:
    refused = await refused_at_the_kiosk(network_settings, network, AYU_CARD)
    counter = network_settings.till_config()
    async with open_till(counter, Secret(DEMO_TOKEN), QUICK_PROBE) as till:
        await in_manager_mode(till)
        await till.lookup.find_member("KR24000006")  # the counter's cache knows Ayu, as it would
        network.down()  # the counter still believes it is online: it sends, and is refused a line
        retried = await till.manager.retry(refused, note="Ayu is at the counter")
        done = await till.answer(retried)  # as the window waits: from its first attempt
        # The counter's offline policy took it; the kiosk's would have voided it with "The
        # kiosk could not send it… Redeem it here", said to the manager who is here.
        assert done.verdict is Verdict.ACCEPTED_OFFLINE
        assert str(done.headline) == "Accepted offline — will sync"
        assert done.status is EntryStatus.QUEUED and done.provisional
        assert done.cashier == MANAGER
        assert [a.action for a in await till.outbox.audit_log(retried.entry_id)] == []
        assert [(a.who, a.action) for a in await till.outbox.audit_log(refused)] == [
            (MANAGER, "retry")
        ]
        details = await till.history.details(retried.entry_id)
        assert details is not None and not details.row.kiosk
        # Sent as made at the counter, where the manager made it.
        assert details.payload["channel"] == Channel.POS

        network.up()
        await till.sync(60)
        assert (await till.receipt(retried.entry_id)).verdict is Verdict.CONFIRMED
        assert [e["idempotency_key"] for e in network.ledger()] == [retried.entry_id]


async def test_a_pin_retry_keeps_trying_while_the_pin_lasts_and_then_says_so(
    network_settings: Settings, network: Network, moved_clock: ManualClock
) -> None:
    refused = await refused_at_the_kiosk(network_settings, network, BUDI_CARD)
    counter = network_settings.till_config()
    async with open_till(counter, Secret(DEMO_TOKEN), RuntimeOptions(start_worker=False)) as till:
        await in_manager_mode(till)
        retried = await till.manager.retry(
            refused, note="Budi is at the counter", member_pin=Secret("123456")
        )
        network.down()
        await till.worker.run_once()
        # At the counter a PIN's redemption waits while its authorisation lasts: the member is
        # there. Not voided at once, and not expired when the kiosk's two minutes are up.
        waiting = await till.settle_unsent(retried.entry_id)
        assert waiting.status is EntryStatus.QUEUED
        assert str(waiting.headline) == "Waiting to send — do not hand over yet"
        moved_clock.advance(PAST_THE_KIOSKS_BOUND)
        await till.worker.run_once()
        assert (await till.receipt(retried.entry_id)).status is EntryStatus.QUEUED

        moved_clock.advance(counter.pin_timeout)
        await till.worker.run_once()
        done = await till.receipt(retried.entry_id)
        assert done.status is EntryStatus.EXPIRED
        details = await till.history.details(retried.entry_id)
        assert details is not None and not details.row.kiosk
        said = failure_words(details.row.last_error)
        # the PIN's words; the kiosk's would say it "told them to ask at the counter"
        assert said is not None and "PIN" in english(said) and "kiosk" not in english(said)
        network.up()
        assert network.ledger() == []


@pytest.mark.usefixtures("no_retry_meanwhile")  # judged on its first attempt
async def test_a_retry_made_at_a_till_configured_as_a_kiosk_keeps_the_kiosks_rules(
    network_settings: Settings, network: Network
) -> None:
    # The rule is the sending till's: a manager retrying on the kiosk's own till (its command
    # line) sends on the kiosk's channel, within its bound, and it is voided if it never arrives.
    refused = await refused_at_the_kiosk(network_settings, network, AYU_CARD)
    kiosk = network_settings.till_config(kiosk=True)
    async with open_till(kiosk, Secret(DEMO_TOKEN)) as till:
        await in_manager_mode(till)
        network.down()
        retried = await till.manager.retry(refused, note="Ayu came back")
        entry = await till.outbox.get(retried.entry_id)
        assert entry is not None and entry.expires_at is not None
        bound = (entry.expires_at - entry.created_at).total_seconds()
        assert bound == pytest.approx(kiosk.kiosk_send_window, abs=1)
        assert entry.payload["channel"] == Channel.KIOSK
        done = await till.answer(retried)  # as the window waits: from its first attempt
        assert done.verdict is Verdict.NOT_REDEEMED
        assert str(done.details) == (
            "The kiosk could not send this to the Stamps server, so nothing was redeemed and no "
            "stamps were taken."
        )
