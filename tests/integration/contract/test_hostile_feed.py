"""A redemption whose answer never came, looked for in a member's activity that a hostile server
writes: the feed (activity_api §1) is the only evidence reconciliation has, and it must never make
the till believe something false. Each answer below is one a server could send; for each, what
reconciliation concludes (applied, or still not confirmed), what a manager's Exceptions say
(through ``app.core.services``, in the words the command line prints), and that the worker lives
on. "Not in the member's activity" is a conclusion too: on it a manager sends the redemption
again, so it is said only of a feed read back to the redemption's time.

The server is the documents-only one (tests/support/docs_server.py) with its feed replaced by the
answers of :class:`HostileFeed`: its members, rewards and redemptions stay as the docs write them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.services import Sale, Verdict, english
from app.core.services.evidence_words import evidence_text
from app.core.services.stamps_link import ClientTransport
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import StampsError

from ...support.docs_server import MERCHANT, STORE, Canned, DocsServer
from .test_other_reading import ACTIVITIES, AYU, REDEEM_REWARD, WAIT, opened

pytestmark = pytest.mark.integration

#: The feed's answer to one request (its query), from the lines the server holds for Ayu.
Feed = Callable[[dict[str, Any], list[dict[str, Any]]], Canned]


class HostileFeed(DocsServer):
    """The documents-only server, its activity feed answered by ``feed`` (the member's own
    lines, as the docs' server would hold them, handed to it newest first)."""

    def __init__(self, feed: Feed) -> None:
        super().__init__()
        self.feed = feed

    def handle(
        self, method: str, path: str, payload: dict[str, Any], authorization: str | None
    ) -> tuple[Canned, bool]:
        if path != ACTIVITIES:
            return super().handle(method, path, payload, authorization)
        with self._lock:
            self.requests.append((method, path, payload))
            mine = [{k: v for k, v in a.items() if k != "member"} for a in self.activities]
        return self.feed(payload, mine), True


def line(activity_id: int, **changed: Any) -> dict[str, Any]:
    """A redemption line of Es Teh Manis (1 stamp) at this store, made now, as the docs write
    one; ``changed`` replaces its fields (``redemption`` merged into the line's own)."""
    redemption = {"stamps": 1, "name": "Es Teh Manis — gratis!", "status": 1, "channel": "POS"}
    redemption.update(changed.pop("redemption", {}))
    return {
        "id": activity_id,
        "type": 1,
        "created": int(time.time()),
        "notes": "",
        "merchant": {"id": MERCHANT, "name": "Kopi Kenangan Mantan"},
        "store": {"name": "RDG-KMG", "display_name": "Toko Rawamangun"},
        "redemption": redemption,
        **changed,
    }


def purchases(count: int, top: int = 9_000_000) -> list[dict[str, Any]]:
    """``count`` purchases (type 0) made now, newest first: a busy member's feed."""
    made = int(time.time())
    return [
        {"id": top - i, "type": 0, "created": made, "notes": "", "transaction": {"stamps": 1}}
        for i in range(count)
    ]


@dataclass(frozen=True)
class Looked:
    """What the till made of one look at the feed."""

    verdict: Verdict
    said: str | None  # the Exceptions' reason (its message id), None when it left them
    evidence: str  # the evidence as the command line prints it


async def looked_at(tmp_path: Path, feed: Feed, *, applied: bool) -> Looked:
    """Redeem Es Teh Manis for Ayu with an answer that never comes (the server applies it when
    ``applied``), then have the worker look at ``feed`` once."""
    with HostileFeed(feed) as server:
        async with opened(server, tmp_path) as till:
            ayu = await till.lookup.find_member(AYU)
            order = await till.catalogue.reward_order(ayu, 9)
            server.answer_next(REDEEM_REWARD, 500, "<h1>Server Error (500)</h1>", apply=applied)
            receipt = await till.redeemer.redeem(order, ayu, Sale("Dewi"))
            told = await till.wait(receipt.entry_id, WAIT)
            assert told.verdict is Verdict.NOT_CONFIRMED, told
            assert len(server.redemptions) == int(applied)
            changed = asyncio.Event()
            till.outbox.add_listener(changed.set)
            try:
                async with asyncio.timeout(WAIT):  # until a look is written (the worker's, or this)
                    while True:
                        changed.clear()
                        await till.worker.reconcile_due()
                        told = await till.outcome(receipt.entry_id)
                        [item] = [
                            e
                            for e in await till.history.exceptions()
                            if e.row.entry_id == receipt.entry_id
                        ] or [None]
                        if item is None or (item.evidence or {}).get("checked_at"):
                            break
                        await changed.wait()
            finally:
                till.outbox.remove_listener(changed.set)
            assert till.worker.running  # whatever the feed said, the worker lives on
    shown = (
        evidence_text(
            item.evidence,
            english,
            base_url=server.url,
            when=datetime.isoformat,
            store_codes={STORE: "RDG-KMG"},
        )
        if item is not None
        else ""
    )
    return Looked(told.verdict, item.said.id if item else None, shown)


def ignoring_older_than(purchased: int) -> Feed:
    """A feed that answers every page with its newest 20 lines, ``purchased`` purchases made as
    it is read among them: a paging link back to itself. (Made as it is read, not as the tests
    are collected: a full run reaches a test many minutes later, and purchases from before the
    redemption end the reading by themselves.)"""
    return lambda query, mine: Canned(200, {"activities": (mine + purchases(purchased))[:20]})


def never_ending(query: dict[str, Any], mine: list[dict[str, Any]]) -> Canned:
    """A feed whose every page is 20 lines older than the last, all made now: it never reaches
    the redemption's time, however far back it is read."""
    older = query.get("older_than")
    top = int(older) - 1 if older else 9_000_000
    return Canned(200, {"activities": purchases(20, top)})


@pytest.mark.parametrize(
    "feed",
    [ignoring_older_than(25), never_ending],
    ids=["paging link to itself", "paging never ends"],
)
async def test_a_feed_not_read_back_to_the_redemption_is_not_said_to_lack_it(
    tmp_path: Path, feed: Feed
) -> None:
    # Ayu's feed holds 25 purchases since the redemption, so the line looked for may be on a
    # later page than the server would give: "Not in the member's activity: 20 lines read", on
    # which a manager sends it again, was said of a feed read no further than its first page.
    looked = await looked_at(tmp_path, feed, applied=False)
    assert looked.verdict is Verdict.NOT_CONFIRMED
    assert looked.said == "exception.feed_unreadable", looked


def with_error(said: dict[str, Any]) -> Feed:
    """A feed page that says an error beside the member's lines."""
    return lambda query, mine: Canned(200, {"activities": mine, **said})


@pytest.mark.parametrize(
    "said",
    [{"detail": "User not found"}, {"errors": {"user": ["Enter a valid email."]}}],
    ids=["detail", "errors"],
)
async def test_a_feed_that_says_an_error_beside_its_lines_proves_nothing(
    tmp_path: Path, said: dict[str, Any]
) -> None:
    # an empty list beside "User not found" read "Not in the member's activity: 0 lines read"
    looked = await looked_at(tmp_path, with_error(said), applied=False)
    assert looked.verdict is Verdict.NOT_CONFIRMED
    assert looked.said == "exception.feed_unreadable", looked
    assert "User not found" in looked.evidence or "Enter a valid email." in looked.evidence


def one_id_twice(query: dict[str, Any], mine: list[dict[str, Any]]) -> Canned:
    """The member's lines, each id given again as a line of another reward."""
    again = [line(a["id"], redemption={"name": "Kopi Susu", "stamps": 20}) for a in mine]
    return Canned(200, {"activities": again + mine})


async def test_a_feed_that_gives_one_id_two_lines_proves_nothing(tmp_path: Path) -> None:
    # The second of two lines under one id was dropped as a repeat: the one looked for came
    # second, so the redemption the server applied read "Not in the member's activity".
    looked = await looked_at(tmp_path, one_id_twice, applied=True)
    assert looked.verdict is Verdict.NOT_CONFIRMED
    assert looked.said == "exception.feed_unreadable", looked


def at_another_merchant(query: dict[str, Any], mine: list[dict[str, Any]]) -> Canned:
    """Ayu's redemption of the same reward at another merchant's store with the same code."""
    elsewhere = line(8_000_001, merchant={"id": MERCHANT + 1, "name": "Kedai Lain"})
    return Canned(200, {"activities": [elsewhere, *mine]})


@pytest.mark.parametrize("applied", [False, True], ids=["not applied", "applied"])
async def test_a_line_at_another_merchant_is_not_this_stores(tmp_path: Path, applied: bool) -> None:
    # the feed spans the member's merchants (activity_api's example: Ace Hardware beside
    # Levi's), and store codes are each merchant's own: "RDG-KMG" at another merchant read as
    # this store's, and a redemption the server never applied read confirmed
    looked = await looked_at(tmp_path, at_another_merchant, applied=applied)
    if applied:
        assert looked.verdict is Verdict.CONFIRMED
        assert looked.said is None
    else:
        assert looked.verdict is Verdict.NOT_CONFIRMED
        assert looked.said == "exception.not_found", looked


def answering(status: int, body: Any, headers: dict[str, str] | None = None) -> Feed:
    return lambda query, mine: Canned(status, body, headers or {})


#: What the words of a failed send say of the redemption, which of a failed look at the feed
#: are false: the redemption was sent, and may well stand.
SAID_OF_A_SEND = ("was not sent", "nothing was applied", "sent again", "not applied")


@pytest.mark.parametrize(
    "feed",
    [
        answering(429, {"detail": "Request was throttled."}, {"Retry-After": "30"}),
        answering(403, {"detail": "You do not have permission to perform this action."}),
        answering(408, {"detail": "Request timeout"}),
    ],
    ids=["429", "403 with a ping that works", "408"],
)
async def test_a_look_at_the_feed_turned_away_says_nothing_of_the_redemption(
    tmp_path: Path, feed: Feed
) -> None:
    # The evidence said why the feed could not be read in the words of a failed send: "The
    # Stamps server asked the till to slow down: nothing was applied; the till sends it again
    # by itself", of a redemption whose answer never came, which may well stand.
    looked = await looked_at(tmp_path, feed, applied=True)
    assert looked.verdict is Verdict.NOT_CONFIRMED
    assert looked.said == "exception.feed_unreadable", looked
    assert "Why it could not be read" in looked.evidence
    assert not any(words in looked.evidence for words in SAID_OF_A_SEND), looked.evidence


def dated_ahead(days: float) -> Feed:
    """The member's lines, each dated ``days`` later than it was made."""

    def feed(query: dict[str, Any], mine: list[dict[str, Any]]) -> Canned:
        later = int(days * 86_400)
        return Canned(200, {"activities": [{**a, "created": a["created"] + later} for a in mine]})

    return feed


@pytest.mark.parametrize("days", [1 / 24, 365], ids=["an hour ahead", "a year ahead"])
async def test_a_feed_that_dates_a_redemption_after_the_look_proves_nothing(
    tmp_path: Path, days: float
) -> None:
    # The server applied it and stamped its line by a clock ahead of the till's: the line fell
    # outside the attempt's window, and "Not in the member's activity: 1 line read" had a
    # manager send it again.
    looked = await looked_at(tmp_path, dated_ahead(days), applied=True)
    assert looked.verdict is Verdict.NOT_CONFIRMED
    assert looked.said == "exception.feed_unreadable", looked
    assert "later than the till's clock" in looked.evidence, looked.evidence


class HalfRead(httpx.AsyncByteStream):
    """A body that sends its first bytes, then nothing more, for ever."""

    async def __aiter__(self) -> Any:
        yield b'{"activities": [{"id": 1, "type": 1, "cre'
        await asyncio.Event().wait()


HOSTILE = "\x1b[2J\x1b[31mapplied\r\nINFO sync: reconciled \u202e"


def _bytes(body: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, content=body, headers={"Content-Type": "application/json", **headers}
    )


@pytest.mark.parametrize(
    "answer",
    [
        _bytes(b'{"detail": "' + HOSTILE.encode("unicode_escape") + b'"}'),
        _bytes(b'{"activities": "none"}'),
        _bytes(b'[{"id": 1, "type": 1}]'),
        _bytes(b'{"activities": [5, "x", null]}'),
        _bytes(b'{"activities": [{"id": 1, "type": "redemption"}]}'),
        _bytes(b'{"activities": [{"type": 1, "created": 1}]}'),
        _bytes(b'{"activities": [{"id": 1, "type": 1, "redemption": null, "created": NOW}]}'),
        _bytes(
            b'{"activities": [{"id": 1, "type": 1, "created": "yesterday", '
            b'"redemption": {"name": "Es Teh Manis", "stamps": 1}}]}'
        ),
        _bytes(
            b'{"activities": [{"id": 1, "type": 1, "created": 1e300, '
            b'"redemption": {"name": "Es Teh Manis", "stamps": 1}}]}'
        ),
        _bytes(
            b'{"activities": [{"id": 1, "type": 1, "created": 1, '
            b'"redemption": {"name": "Es \xff\xfe Teh", "stamps": 1}}]}'
        ),
        _bytes(b'{"activities": [{"id": 1, "type": 1, "cre\x00ated": 1}]}'),
        _bytes(b'{"activities": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"),
        _bytes(b'{"activities": [], "x": "' + b"A" * 1_000_000 + b'"}'),
        _bytes(b"", 302, Location="https://stamps.example.net/api/v3/activities/"),
        httpx.Response(200, headers={"Content-Type": "application/json"}, stream=HalfRead()),
    ],
    ids=[
        "200 of an error alone",
        "a list that is not one",
        "a list, not an object",
        "rows that are not objects",
        "a type in words",
        "no id",
        "a redemption with no detail",
        "a date that is none",
        "a date past any calendar",
        "not UTF-8",
        "a NUL byte",
        "nested 10,000 deep",
        "over 1 MB",
        "a redirect to another host",
        "half an answer, then silence",
    ],
)
async def test_a_hostile_feed_page_is_unreadable_and_its_bytes_stay_out_of_the_words(
    answer: httpx.Response, caplog: pytest.LogCaptureFixture
) -> None:
    # Each is read as "the member's activity could not be read" (the worker keeps the entry
    # not confirmed and looks again later): never as lines, nor as no lines. What is said of it,
    # in the evidence and the log, holds none of the server's control characters.
    def serve(request: httpx.Request) -> httpx.Response:
        # NOW: a line made as the feed is read, inside the look's window (the parameters are
        # made when the tests are collected, minutes before a full run reaches this one)
        try:
            body = answer.content
        except httpx.ResponseNotRead:  # the half-read answer: a stream, served as it is
            return answer
        return _bytes(body.replace(b"NOW", b"%d" % time.time())) if b"NOW" in body else answer

    http = httpx.AsyncClient(transport=httpx.MockTransport(serve))
    client = StampsClient(
        base_url="https://stamps.test",
        token="docs-server-token-7f3a",
        merchant=MERCHANT,
        store=STORE,
        http=http,
        connect_timeout=0.5,
        read_timeout=0.5,
    )
    transport = ClientTransport(client, store_code="RDG-KMG")
    since = datetime.now(UTC) - timedelta(minutes=5)
    try:
        with pytest.raises(StampsError) as failed:
            await transport.member_activity(AYU, since=since)
    finally:
        await client.aclose()
        await http.aclose()
    said = f"{type(failed.value).__name__}: {failed.value.message}"
    why = evidence_text(
        {"result": "feed_unreadable", "error": said}, english, base_url="", when=datetime.isoformat
    )
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for text in (said, why, logged):
        assert not any(c in text for c in "\x00\x1b\r\u202e\ufffd"), text
        assert "docs-server-token-7f3a" not in text
