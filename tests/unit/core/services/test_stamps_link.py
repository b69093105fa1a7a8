"""The Stamps client as the sync worker reads it: the activity feed's lines, and what a send
tells the connectivity monitor."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from app.core import clock
from app.core.clock import ManualClock
from app.core.domain import Channel, OperationKind
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.outbox.remote import LineStatus
from app.core.services.stamps_link import ClientTransport
from app.core.stamps import StampsClient
from app.core.stamps.errors import (
    ApiError,
    CredentialsUnusable,
    MalformedResponse,
    RateLimited,
    RequestTimedOut,
    ResponseLost,
)
from app.core.stamps.models import ActivitiesResponse

from ..stamps.helpers import BASE_URL, FakeStamps

SINCE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def manual() -> Iterator[ManualClock]:
    with clock.installed(ManualClock()) as installed:
        assert isinstance(installed, ManualClock)
        yield installed


class FeedClient:
    """What :class:`ClientTransport` asks of the client when it reads a feed."""

    store, merchant = 7, 2

    def __init__(self, activities: list[dict[str, Any]]) -> None:
        self.page = ActivitiesResponse.model_validate({"activities": activities})

    async def redemptions_since(self, user: str, since: datetime) -> list[Any]:
        return list(self.page.activities)


def _line(activity_id: int, channel: str | None) -> dict[str, Any]:
    redemption: dict[str, Any] = {"stamps": 20, "name": "Es Kopi", "status": 2}
    if channel is not None:
        redemption["channel"] = channel
    return {
        "id": activity_id,
        "type": 1,
        "created": int(SINCE.timestamp()) + 30,
        "store": {"name": "L123", "display_name": "Levi Store"},
        "redemption": redemption,
    }


async def test_a_feed_line_carries_the_channel_it_names() -> None:
    client = FeedClient([_line(1, "POS"), _line(2, "Kiosk"), _line(3, None), _line(4, "Moon")])
    transport = ClientTransport(client, store_code="L123")  # type: ignore[arg-type]
    lines = await transport.member_activity("ayu@example.com", since=SINCE)
    assert [line.channel for line in lines] == [Channel.POS, Channel.KIOSK, None, None]
    assert {line.store for line in lines} == {7}  # this store's code: this store's id


@pytest.mark.parametrize(("store_code", "store"), [("L123", 7), ("L9", 0), (None, None)])
async def test_a_feed_line_is_at_this_store_another_or_one_the_till_cannot_tell(
    store_code: str | None, store: int | None
) -> None:
    client = FeedClient([_line(1, "POS")])
    transport = ClientTransport(client, store_code=store_code)  # type: ignore[arg-type]
    [line] = await transport.member_activity("ayu@example.com", since=SINCE)
    assert line.store == store


def _changed(line: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    redemption = line["redemption"] | change.pop("redemption", {})
    return {**line, "redemption": redemption, **change}


@pytest.mark.parametrize(
    "change",
    [
        {"created": "around noon"},
        {"created": None},
        {"redemption": {"stamps": None}},
        {"redemption": {"name": None}},
        {"redemption": {"name": ""}},
    ],
    ids=["time-unreadable", "no-time", "no-stamps", "no-name", "empty-name"],
)
async def test_a_redemption_line_the_till_cannot_place_proves_nothing_either_way(
    change: dict[str, Any],
) -> None:
    # left out, the feed read "not in the member's activity" for what may be the very line
    client = FeedClient([_line(1, "POS"), _changed(_line(2, "POS"), change)])
    transport = ClientTransport(client, store_code="L123")  # type: ignore[arg-type]
    with pytest.raises(MalformedResponse):
        await transport.member_activity("ayu@example.com", since=SINCE)


@pytest.mark.parametrize("change", [{"store": None}, {"store": {"display_name": "Levi"}}])
async def test_a_line_that_names_no_store_may_be_this_stores(change: dict[str, Any]) -> None:
    client = FeedClient([_changed(_line(1, "POS"), change)])
    transport = ClientTransport(client, store_code="L123")  # type: ignore[arg-type]
    [line] = await transport.member_activity("ayu@example.com", since=SINCE)
    assert line.store is None  # not 0, another store's: that would prove it did not apply here


async def _no_probe() -> Connectivity | None:
    return None


async def test_a_send_under_a_token_that_cannot_be_sent_is_no_outage() -> None:
    # Nothing left the till: the network may be fine, and calling it offline would have the
    # cashier check the cable and the till serve members from its copy.
    server = FakeStamps()
    async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as http:
        client = StampsClient(
            http=http, base_url=BASE_URL, token="tok with a space", merchant=14, store=32
        )
        monitor = ConnectivityMonitor(_no_probe)
        transport = ClientTransport(client, monitor)
        with pytest.raises(CredentialsUnusable):
            await transport.submit(
                OperationKind.REWARD,
                {"user": "customer@stamps.co.id", "reward": 1, "store": 32},
                idempotency_key="k-1",
            )
    assert monitor.state is Connectivity.ONLINE
    assert server.requests == []


class HangingClient:
    """A client whose send hangs until the test lets it end unanswered (a read timeout)."""

    token_changes = 0

    def __init__(self) -> None:
        self.sent = asyncio.Event()
        self.timeout = asyncio.Event()

    async def submit(self, kind: OperationKind, payload: Any, *, idempotency_key: str) -> Any:
        self.sent.set()
        await self.timeout.wait()
        raise ResponseLost("no answer from the Stamps server (ReadTimeout)")


async def test_a_send_from_before_the_line_came_back_ending_unanswered_leaves_the_bar_online(
    manual: ManualClock,
) -> None:
    # Seen under Xvfb behind a proxy that hung and came back with its connections dead: Ayu's
    # resend, sent on a dead connection, ended at its read timeout after a lookup had made the
    # bar read Online, and the bar turned Degraded while the line worked.
    monitor = ConnectivityMonitor(_no_probe, initial=Connectivity.DEGRADED)
    client = HangingClient()
    transport = ClientTransport(client, monitor)  # type: ignore[arg-type]
    sending = asyncio.ensure_future(transport.submit(OperationKind.REWARD, {}, idempotency_key="k"))
    await client.sent.wait()
    manual.advance(3)
    monitor.report(None, sent_at=clock.monotonic())  # the line is back: a lookup is answered
    manual.advance(7)
    client.timeout.set()
    with pytest.raises(ResponseLost):
        await sending
    assert monitor.state is Connectivity.ONLINE


class TimingOutClient:
    """A client whose sends end unanswered (a read timeout) until the test lets one through."""

    token_changes = 0

    def __init__(self) -> None:
        self.answers = False

    async def submit(self, kind: OperationKind, payload: Any, *, idempotency_key: str) -> Any:
        if not self.answers:
            raise ResponseLost("no answer from the Stamps server (ReadTimeout)")
        return SimpleNamespace(redemption_id=7, stamps_remaining=3, raw={}, errors=None)


async def test_sends_timing_out_keep_the_bar_degraded_while_pings_answer(
    manual: ManualClock,
) -> None:
    # Seen in the demo's "timeouts": every background send timed out, the pings answered, and
    # the bar read a green "Online" for over a minute while no redemption got through.
    monitor = ConnectivityMonitor(_no_probe)
    client = TimingOutClient()
    transport = ClientTransport(client, monitor)  # type: ignore[arg-type]
    with pytest.raises(ResponseLost):
        await transport.submit(OperationKind.REWARD, {}, idempotency_key="k")
    manual.advance(5)
    monitor.prove(Connectivity.ONLINE)  # the probe's ping is answered
    monitor.report(None, sent_at=clock.monotonic())  # and so is a lookup
    assert monitor.state is Connectivity.DEGRADED
    client.answers = True
    await transport.submit(OperationKind.REWARD, {}, idempotency_key="k")
    assert monitor.state is Connectivity.ONLINE


class TurnedAwayClient:
    """A client whose every send the server turns away to be sent again (a 429 or a 408)."""

    token_changes = 0

    def __init__(self, error: ApiError) -> None:
        self.error = error

    async def submit(self, kind: OperationKind, payload: Any, *, idempotency_key: str) -> Any:
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        RateLimited("429 Too Many Requests", status_code=429, retry_after=40.0),
        RequestTimedOut("408 Request Timeout", status_code=408),
    ],
    ids=["429", "408"],
)
async def test_a_send_the_server_turns_away_to_be_sent_again_leaves_the_bar_online(
    error: ApiError,
) -> None:
    # Seen: the bar read "Degraded — slow or failing" after a 429, the probe's pong read
    # "Online" 5 s later, and going online woke the redemption the server had asked to wait
    # 40 s: sent again within 10 s, six times a minute, to a server asking the till to slow down.
    # A 408 read "Degraded" too, of a server that had only timed out reading the request.
    monitor = ConnectivityMonitor(_no_probe)
    transport = ClientTransport(TurnedAwayClient(error), monitor)  # type: ignore[arg-type]
    with pytest.raises(type(error)):
        await transport.submit(OperationKind.REWARD, {}, idempotency_key="k")
    assert monitor.state is Connectivity.ONLINE
    assert monitor.proven


@pytest.mark.parametrize(
    ("status", "reads"),
    [
        (1, LineStatus.STANDS),
        (2, LineStatus.CANCELLED),
        (3, LineStatus.UNREAD),
        (7, LineStatus.UNREAD),
        ("Canceled", LineStatus.UNREAD),
        (None, LineStatus.UNREAD),
        ({"code": 2}, LineStatus.UNREAD),
    ],
    ids=["created", "canceled", "open", "seven", "a-word", "none", "an-object"],
)
async def test_a_lines_status_is_kept_and_one_the_till_does_not_know_still_reads(
    status: object, reads: LineStatus
) -> None:
    # Any line proves its request arrived: a status the till does not know must not make the
    # feed unreadable (the entry would stay "not confirmed" for good), nor read as "stands".
    client = FeedClient([_changed(_line(1, "POS"), {"redemption": {"status": status}})])
    transport = ClientTransport(client, store_code="L123")  # type: ignore[arg-type]
    [line] = await transport.member_activity("ayu@example.com", since=SINCE)
    assert line.line_status is reads
