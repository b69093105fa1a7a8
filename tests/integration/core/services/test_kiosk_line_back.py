"""The kiosk after an outage: it turns customers away while the till knows it is offline
(docs/kiosk.md, "Offline, and not confirmed"), but a customer at the screen is worth a ping to
know whether the line is back, rather than the probe's next look, which an outage spaces out to
a minute."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.services import kiosk as kiosk_service
from app.core.services.kiosk import Kiosk, KioskPaused
from app.core.services.runtime import open_till
from app.sandbox import DEMO_TOKEN

from ....support.network import Network

pytestmark = pytest.mark.integration

AYU_CARD = "70140000000006"


async def test_a_card_scanned_once_the_line_is_back_is_served_at_once(
    network_settings: Settings, network: Network
) -> None:
    # Seen under Xvfb: the sandbox answered again, and Ayu's card was still told "Redemptions
    # are paused" until the probe looked again (20 s then; up to a minute after a long outage).
    async with open_till(network_settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        network.down()
        with pytest.raises(KioskPaused):
            await kiosk.identify(AYU_CARD, typed=False)
        assert kiosk.paused

        network.up()
        ayu = await kiosk.identify(AYU_CARD, typed=False)
        assert ayu.name.startswith("Ayu") and not kiosk.paused


async def test_a_line_still_down_is_said_as_before(
    network_settings: Settings, network: Network
) -> None:
    async with open_till(network_settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        network.down()
        for _ in range(2):
            with pytest.raises(KioskPaused, match="paused"):
                await kiosk.identify(AYU_CARD, typed=False)
        assert await kiosk.recheck_line()  # still paused


@pytest.mark.parametrize("server", ["gone", "refuses the token", "answers"])
async def test_a_line_not_heard_from_lately_is_asked_before_a_number_is_typed(
    network_settings: Settings,
    network: Network,
    monkeypatch: pytest.MonkeyPatch,
    server: str,
) -> None:
    # The heartbeat finds a dropped line up to 30 s late: the phone keypad asks first.
    async with open_till(network_settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        await kiosk.identify(AYU_CARD, typed=False)  # heard from just now: nothing to ask
        network.down()
        assert await kiosk.line_holds() and not kiosk.paused
        monkeypatch.setattr(kiosk_service, "HEARD_RECENTLY", 0.0)  # not heard from lately
        if server == "refuses the token":
            network.up(token="a-token-the-till-does-not-hold")
        elif server == "answers":
            network.up()
        holds = await kiosk.line_holds()
        assert holds is (server == "answers")
        assert kiosk.paused is not holds  # the customer is told paused only when it is


async def test_a_line_check_that_breaks_does_not_turn_the_customer_away(
    network_settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # It proves nothing of the line; raised, it would reach the crash path over the keypad.
    async with open_till(network_settings.till_config(kiosk=True), Secret(DEMO_TOKEN)) as till:
        kiosk = Kiosk(till)
        monkeypatch.setattr(kiosk_service, "HEARD_RECENTLY", 0.0)

        async def broken() -> bool:
            raise RuntimeError("a check of its own that broke")

        monkeypatch.setattr(till.line, "answers", broken)
        assert await kiosk.line_holds() and not kiosk.paused
        assert "the line check as the phone keypad opened failed" in caplog.text
