"""The customers turned away at the counter, read as a manager's History reads them: filtered
by span, cashier, member and standing, newest first, a page at a time, and one in full."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.domain import OperationKind
from app.core.messages import say
from app.core.services.at_the_counter import CounterFilter
from app.core.services.receipts import Verdict
from app.core.services.refusals import Refused
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN

from ...conftest import SandboxControl

pytestmark = pytest.mark.integration

AYU, HENDRA = "customer@stamps.co.id", "hendra.gunawan@contoh.co.id"


async def test_the_refusals_at_the_counter_are_read_as_the_history_filters_them(
    till_settings: Settings, sandbox: SandboxControl
) -> None:
    options = RuntimeOptions(start_worker=False)
    async with open_till(till_settings.till_config(), Secret(DEMO_TOKEN), options) as till:
        started = datetime.now().astimezone()
        dewi = await till.shift_record.open_shift("Dewi")
        hendra = await till.lookup.find_member(HENDRA)
        with pytest.raises(Refused):  # blocked: the till's own rule
            await till.redeemer.redeem(
                await till.catalogue.reward_order(hendra, 1), hendra, Sale("Dewi", dewi.id)
            )
        rina = await till.shift_record.open_shift("Rina")
        ayu = await till.lookup.find_member(AYU)
        for verdict in (Verdict.REFUSED, Verdict.NOT_REDEEMED):
            await till.redeemer.record_refusal(
                ayu,
                Sale("Rina", rina.id, invoice_number="INV-7"),
                kind=OperationKind.REWARD,
                what=say("what.reward", name="Kopi"),
                reason=say("order.reward_not_offered", reward="Kopi"),
                stamps=20,
                verdict=verdict,
            )
        # what the till asked to be put right first, as a release before wrote it: no customer
        # was turned away
        await till.redeemer.record_refusal(
            ayu,
            Sale("Rina", rina.id),
            kind=OperationKind.PROMO,
            what=say("what.promo", code="NGOPIPAGI"),
            reason=say("code.invoice_too_long", limit=64),
        )
        asked_first = (await till.shifts.refusals(rina.id))[-1]
        until = datetime.now().astimezone() + timedelta(seconds=1)

        async def read(*choices: str, **wanted: object) -> list[tuple[str, str, Verdict]]:
            span: dict[str, object] = {"since": started, "until": until} | wanted
            rows = await till.shift_record.refused_at_the_counter(
                CounterFilter.standing(*choices, **span)
            )
            return [(row.cashier, row.member, row.status) for row in rows]

        rinas = [
            ("Rina", "Ayu Pratiwi", Verdict.NOT_REDEEMED),
            ("Rina", "Ayu Pratiwi", Verdict.REFUSED),
        ]
        assert await read() == [*rinas, ("Dewi", "Hendra Gunawan", Verdict.REFUSED)]
        assert await read(cashier="rina") == rinas
        assert await read(member="prat") == rinas  # the start of a word of the name stored
        assert await read(member=AYU) == rinas  # an identifier the cache knows
        assert await read(member="ratiwi") == []  # not the middle of a word
        assert await read("not_redeemed") == rinas[:1]
        assert await read("refused_at_the_counter", cashier="Dewi") == [
            ("Dewi", "Hendra Gunawan", Verdict.REFUSED)
        ]
        # "Refused by the server" (and the stored "rejected") are what the server refused once
        # sent: they listed the counter's own refusals too
        assert await read("refused") == []
        assert await read("rejected") == []
        assert await read("confirmed") == []
        assert await read(since=until) == []
        # a page of the newest, and how many there are in all
        wanted = CounterFilter(since=started, until=until, limit=1)
        [newest] = await till.shift_record.refused_at_the_counter(wanted)
        assert newest.status is Verdict.NOT_REDEEMED
        assert await till.shift_record.count_refused_at_the_counter(wanted) == 3

        assert newest.refusal_id is not None
        found = await till.shift_record.refusal_at_the_counter(newest.refusal_id)
        assert found is not None
        assert (found.row.invoice, found.row.stamps, found.shift_id) == ("INV-7", 20, rina.id)
        assert (found.terminal, found.row.status) == (till.config.terminal, Verdict.NOT_REDEEMED)
        assert str(found.row.reason) == "That reward (Kopi) is not offered at this store."
        assert await till.shift_record.refusal_at_the_counter(asked_first.id or 0) is None
