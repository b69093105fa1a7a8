"""A kiosk redemption is never sent long after its customer has gone (docs/kiosk.md): one not
sent within the kiosk's bound (the worker was down, the queue paused, the server failing) is
never sent; one that may have reached the server is left for the member's activity feed and a
manager, never voided."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.config import Settings
from app.core import clock
from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.domain import EntryStatus
from app.core.messages import english
from app.core.services.failures import failure_words
from app.core.services.handover import Handover
from app.core.services.kiosk import Kiosk, qr_payload
from app.core.services.receipts import Verdict
from app.core.services.runtime import RuntimeOptions, open_till
from app.sandbox import DEMO_TOKEN

from ....support.sandbox import SandboxControl

pytestmark = pytest.mark.integration

AYU_CARD = "70140000000006"
#: Past the kiosk's bound (two minutes).
LATER = 121


@pytest.fixture
def moved_clock() -> Iterator[ManualClock]:
    """The till's clock, moved by hand; it starts at the real time, as the sandbox's does."""
    with clock.installed(ManualClock(datetime.now(UTC))) as installed:
        assert isinstance(installed, ManualClock)
        yield installed


async def test_a_kiosk_redemption_not_sent_in_time_is_never_sent(
    till_settings: Settings, sandbox: SandboxControl, moved_clock: ManualClock
) -> None:
    # The kiosk's worker is down (a crash, a restart): nothing goes while the customer waits.
    config, options = till_settings.till_config(kiosk=True), RuntimeOptions(start_worker=False)
    async with open_till(config, Secret(DEMO_TOKEN), options) as till:
        kiosk = Kiosk(till)
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        queued = await kiosk.redeem(ayu, 1, None)
        moved_clock.advance(LATER)
        await till.worker.run_once()

        done = await till.receipt(queued.entry_id)
        assert done.status is EntryStatus.EXPIRED
        assert sandbox.ledger() == []
        assert str(done.headline) == "Not redeemed: not sent in time"
        assert str(done.what_to_do) == (
            "The kiosk could not send it while the customer was there, so it will never be "
            "sent: nothing was redeemed and no stamps were taken."
        )
        # At the counter, its QR code shows it as not redeemed: nothing to hand over.
        found = await Handover(till).find(qr_payload(queued.entry_id))
        assert found.receipt.verdict is Verdict.EXPIRED and not found.may_hand_over

        # A manager reads what happened, not that a PIN ran out (it may have had no PIN).
        details = await till.history.details(queued.entry_id)
        assert details is not None and details.row.kiosk
        said = failure_words(details.row.last_error)
        assert said is not None and english(said) == (
            "Not sent in time: the kiosk could not send it while its customer was there, and "
            "told them to ask at the counter. It will never be sent: nothing was redeemed."
        )
        since = moved_clock.now() - timedelta(hours=1)
        day = await till.shift_record.day(since, since + timedelta(hours=2))
        assert [line.standing for line in day.summary.totals()] == ["not_sent_in_time"]


async def test_one_that_may_have_arrived_is_left_for_the_feed_not_resent(
    till_settings: Settings, sandbox: SandboxControl, moved_clock: ManualClock
) -> None:
    config, options = till_settings.till_config(kiosk=True), RuntimeOptions(start_worker=False)
    async with open_till(config, Secret(DEMO_TOKEN), options) as till:
        kiosk = Kiosk(till)
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        sandbox.faults(error_rate=1.0, error_statuses=[500], scope="redemptions")
        queued = await kiosk.redeem(ayu, 1, None)
        await till.worker.run_once(reconcile=False)
        first = await till.receipt(queued.entry_id)
        # The key vouches (idempotency honoured): the till would send it again under it.
        assert first.status is EntryStatus.QUEUED and first.verdict is Verdict.NOT_CONFIRMED

        sandbox.faults(error_rate=0.0)  # the server is well again, after the customer has gone
        moved_clock.advance(LATER)
        await till.worker.run_once()

        done = await till.receipt(queued.entry_id)
        assert done.status is EntryStatus.UNKNOWN  # not voided: it may have been applied
        assert done.verdict is Verdict.NOT_CONFIRMED
        assert sandbox.ledger() == []  # and not sent a second time
