"""The Stamps client as the sync worker reads it: the activity feed's lines."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.core.domain import Channel
from app.core.services.stamps_link import ClientTransport
from app.core.stamps.models import ActivitiesResponse

SINCE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


class FeedClient:
    """The two things :class:`ClientTransport` asks of the client when it reads a feed."""

    store = 7

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
