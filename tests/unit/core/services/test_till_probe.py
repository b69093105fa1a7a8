"""The till's connectivity probe (``Line.probe``): a ping the server refuses is an answer. The
server is there, so the till is not offline; the queue pauses as it does when a send meets the
refusal, and nothing waiting is sent under the refused token. Whatever else the ping meets keeps
its meaning: no answer. And a request is dated by when it left: a failure after a newer answer is
no news, and a lookup's balance is as of its request, not its answer."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from app.core import clock, logs
from app.core.clock import ManualClock
from app.core.credentials import Secret
from app.core.domain import EntryStatus, OperationKind
from app.core.messages import english
from app.core.offline.cache import MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.outbox import Outbox, OutboxPolicy, SyncWorker
from app.core.outbox.retry import RetryPolicy
from app.core.services import line
from app.core.services.config import TillConfig
from app.core.services.receipts import Verdict
from app.core.services.refusals import NotOnline, PinBlocked, PinRejected
from app.core.services.stamps_link import ClientTransport
from app.core.services.till import Till
from app.core.services.upkeep import fold_all_attempts
from app.core.stamps import StampsClient
from app.core.storage.tables import ATTEMPTS, ENTRIES

from ....support.gates import Held
from ....support.members import ayu
from ..stamps.helpers import BASE_URL, TOKEN, FakeStamps, doc, reply

PING = "/api/ping"
REDEEM = "/api/v2/redemptions/redeem-reward"
PONG = reply(200, {"pong": {"merchant": "Kopi Rindang", "merchant_id": 14}})
REFUSED = {"detail": "Invalid token."}
HTML = {"Content-Type": "text/html; charset=utf-8"}
NEW_TOKEN = "tok-the-shops-new-one"


@dataclass
class Counter:
    """A till on a fake server, with the place its token is kept."""

    till: Till
    server: FakeStamps
    database: Path
    kept: dict[str, Secret | None] = field(default_factory=dict)


async def _no_probe() -> Connectivity | None:
    return None  # the tests call Line.probe themselves


@pytest.fixture
def believed() -> Connectivity:
    """The connectivity the till starts with (the tests of the probe: offline, probing)."""
    return Connectivity.OFFLINE


@pytest.fixture
def policy() -> OutboxPolicy:
    """The outbox's policy (a test of a key the server honours says so)."""
    return OutboxPolicy()


@pytest.fixture
async def counter(
    db_path: Path, clock: ManualClock, believed: Connectivity, policy: OutboxPolicy
) -> AsyncIterator[Counter]:
    server = FakeStamps()
    kept: dict[str, Secret | None] = {"token": Secret(TOKEN)}
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    client = StampsClient(http=http, base_url=BASE_URL, token=TOKEN, merchant=14, store=32)
    outbox = await Outbox.open(db_path, policy)
    monitor = ConnectivityMonitor(_no_probe, initial=believed)
    worker = SyncWorker(outbox, ClientTransport(client, monitor), name="w")
    config = TillConfig(
        base_url=BASE_URL, merchant=14, store=32, terminal="till-1", data_dir=db_path.parent
    )
    till = Till(
        config=config,
        client=client,
        outbox=outbox,
        worker=worker,
        monitor=monitor,
        cache=MemberCache(outbox.db),
        token_source=lambda: kept["token"],
    )
    yield Counter(till, server, db_path, kept)
    await worker.stop()
    await till.close()
    await till.cache.close()
    await http.aclose()
    await outbox.close()


async def queue_one(till: Till) -> str:
    entry = await till.outbox.enqueue(
        OperationKind.REWARD,
        {"user": "customer@stamps.co.id", "reward": 1, "store": 32},
        lane="m1",
        user="customer@stamps.co.id",
        cashier="Dewi",
        terminal="till-1",
    )
    return entry.id


@pytest.mark.parametrize("status", [401, 403])
async def test_a_login_page_refusing_the_ping_does_not_pause_the_queue(
    status: int, counter: Counter
) -> None:
    # A shop's Wi-Fi login page (a firewall's block page) answers 401/403 to every token: the
    # till's own is not refused by it, and what waits is sent once the line is the server's.
    counter.server.on(PING, reply(status, b"<html><body>CafeWiFi: sign in</body></html>", **HTML))
    await queue_one(counter.till)
    assert await counter.till.line.probe() is not Connectivity.DEGRADED
    assert await counter.till.line.token_accepted() is None
    assert not (await counter.till.status()).paused


@pytest.mark.parametrize("status", [401, 403])
async def test_a_refused_ping_is_an_answer_and_pauses_the_queue(
    status: int, counter: Counter, caplog: pytest.LogCaptureFixture
) -> None:
    counter.server.on(PING, reply(status, REFUSED))
    entry_id = await queue_one(counter.till)
    with caplog.at_level(logging.DEBUG):
        assert await counter.till.line.probe() is Connectivity.DEGRADED
        assert await counter.till.line.probe() is Connectivity.DEGRADED  # asked again: still paused

    status_now = await counter.till.status()
    assert status_now.paused
    assert status_now.paused_reason is not None
    assert status_now.paused_reason.startswith("CredentialsRejected")
    # What waits is not sent under the refused token, and stays queued.
    assert await counter.till.worker.run_once() == 0
    assert counter.server.calls(REDEEM) == []
    assert (await counter.till.receipt(entry_id)).entry_id == entry_id
    assert status_now.queued == 1
    # One pause, audited once; the token is in neither the log nor the database.
    with sqlite3.connect(counter.database) as db:
        paused = db.execute("SELECT who FROM audit_log WHERE action = 'paused'").fetchall()
        dump = "\n".join(db.iterdump())
    assert paused == [("till",)]
    assert TOKEN not in dump
    assert TOKEN not in caplog.text
    # the log file says why sync stopped, whole: its masker hides what follows "token:"
    [said] = [r.getMessage() for r in caplog.records if "sync paused" in r.getMessage()]
    assert logs.redact(said) == said


async def test_a_refused_ping_tries_the_token_a_manager_set_meanwhile(counter: Counter) -> None:
    def ping(request: httpx.Request) -> httpx.Response:
        taken = request.headers.get("Authorization") == f"Token {NEW_TOKEN}"
        return PONG if taken else reply(401, REFUSED)

    counter.server.on(PING, ping)
    counter.kept["token"] = Secret(NEW_TOKEN)  # `stamps-pos token set` while the till was away
    assert await counter.till.line.probe() is Connectivity.ONLINE
    assert not (await counter.till.status()).paused
    assert len(counter.server.calls(PING)) == 2


async def test_a_refused_ping_with_no_token_kept_pauses(counter: Counter) -> None:
    counter.server.on(PING, reply(401, REFUSED))
    counter.kept["token"] = None
    assert await counter.till.line.probe() is Connectivity.DEGRADED
    assert (await counter.till.status()).paused


async def test_a_ping_the_server_takes_lifts_a_pause_for_credentials(counter: Counter) -> None:
    counter.server.on(PING, reply(401, REFUSED), PONG)
    await queue_one(counter.till)
    assert await counter.till.line.probe() is Connectivity.DEGRADED
    assert (
        await counter.till.line.probe() is Connectivity.ONLINE
    )  # the server takes the token again
    assert not (await counter.till.status()).paused
    counter.server.on(REDEEM, reply(200, doc("redeem_reward")["responses"][0]["body"]))
    assert await counter.till.worker.run_once() == 1


@pytest.mark.parametrize(
    "answer",
    [
        reply(500, {"detail": "boom"}),
        reply(503, {}),
        httpx.Response(200, text="<html>Sign in to the Wi-Fi</html>"),
        httpx.Response(302, headers={"Location": "http://portal.example/login"}),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
    ],
    ids=["500", "503", "web page", "redirect", "no connection", "timeout"],
)
async def test_no_other_answer_to_the_ping_changes_what_the_till_believes(
    answer: httpx.Response | Exception, counter: Counter
) -> None:
    counter.server.on(PING, answer)
    assert await counter.till.line.probe() is None
    assert not (await counter.till.status()).paused


@pytest.mark.parametrize(
    "answer",
    [
        reply(200, {"status": "ok"}),
        reply(200, {"pong": "ok"}),
        reply(200, {}),
        reply(200, {"detail": "Invalid token."}),
        reply(404, {"detail": "Not found."}),
        reply(405, {"detail": 'Method "POST" not allowed.'}),
        reply(429, {}),
    ],
    ids=["status", "pong as text", "empty", "an error at 200", "404", "405", "429"],
)
async def test_a_ping_answered_without_a_pong_ends_an_outage(
    answer: httpx.Response, counter: Counter
) -> None:
    # A server that answers its ping with no "pong" (JSON of another shape, a 404 from a server
    # without /api/ping) is there: the till, offline since a blip, stayed "Offline" and "cannot
    # be reached" while it answered every ping, and looked up nobody new. Degraded, not
    # online: nothing shows its token taken.
    counter.server.on(PING, answer)
    assert await counter.till.line.probe() is Connectivity.DEGRADED
    assert not (await counter.till.status()).paused


@pytest.mark.parametrize(
    "pong",
    [
        {"merchant": "Kopi Rindang", "merchant_id": 14},
        # the merchant as another server writes it: its id in digits, as the docs write a
        # member's ("id": "454"), or a name as a number; each left the till "Degraded" for good
        {"merchant": "Kopi Rindang", "merchant_id": "14"},
        {"merchant": 14, "merchant_id": 14},
        {"merchant_id": 14.0},
    ],
    ids=["docs", "id as text", "name as number", "id as float"],
)
async def test_a_proper_pong_is_online(pong: dict[str, object], counter: Counter) -> None:
    counter.server.on(PING, reply(200, {"pong": pong}))
    assert await counter.till.line.probe() is Connectivity.ONLINE
    assert not (await counter.till.status()).paused


@pytest.mark.parametrize(
    ("believed", "answer", "logged"),
    [
        # what the till believes already: a line every 30 s online, every 10 s offline (a week
        # offline was 6 MB of "not sent", half of what the log keeps); said at DEBUG
        (Connectivity.ONLINE, PONG, []),
        (Connectivity.OFFLINE, httpx.ConnectError("refused"), []),
        # news: said as ever, with the connectivity's line of the change
        (Connectivity.ONLINE, httpx.ConnectError("refused"), ["WARNING"]),
        (Connectivity.OFFLINE, PONG, ["INFO"]),
        (Connectivity.ONLINE, reply(500, {"detail": "boom"}), ["INFO"]),
    ],
    ids=["online, pong", "offline, no connection", "line gone", "line back", "500"],
)
async def test_the_probe_logs_a_ping_only_when_it_says_something_new(
    counter: Counter,
    caplog: pytest.LogCaptureFixture,
    answer: httpx.Response | Exception,
    logged: list[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    counter.server.on(PING, answer)
    await counter.till.line.check_connectivity()
    said = [r.levelname for r in caplog.records if r.name == "app.core.stamps"]
    assert [level for level in said if level != "DEBUG"] == logged
    assert said  # the ping is still in a DEBUG log (``-vv``)


# A token no request header can carry (a space, an accent, a line break) never leaves the till:
# the ping proves nothing of the network, and only a token set again helps.
UNSENDABLE = "tok with a space"


def carry_unsendable(counter: Counter) -> None:
    counter.till.client.use_token(UNSENDABLE)
    counter.kept["token"] = Secret(UNSENDABLE)


async def test_a_token_that_cannot_be_sent_pauses_the_queue_for_it_and_is_no_outage(
    counter: Counter,
) -> None:
    carry_unsendable(counter)
    counter.server.on(PING, PONG)
    entry_id = await queue_one(counter.till)
    # no answer to wait for: the till is not offline (lookups say the token's words, not the
    # cache's), and the queue waits for a manager rather than for a network
    assert await counter.till.line.probe() is Connectivity.DEGRADED
    status = await counter.till.status()
    assert status.paused
    assert counter.till.line.why_paused(status).id == "queue.paused.token_unusable"
    assert counter.server.calls(PING) == []
    assert await counter.till.worker.run_once() == 0
    assert (await counter.till.receipt(entry_id)).entry_id == entry_id


async def test_a_token_that_cannot_be_sent_gives_way_to_the_one_a_manager_set(
    counter: Counter,
) -> None:
    carry_unsendable(counter)
    counter.server.on(PING, PONG, PONG)
    assert await counter.till.line.probe() is Connectivity.DEGRADED
    counter.kept["token"] = Secret(NEW_TOKEN)  # `stamps-pos token set`
    assert await counter.till.line.probe() is Connectivity.ONLINE
    assert not (await counter.till.status()).paused
    [ping] = counter.server.calls(PING)
    assert ping.headers["Authorization"] == f"Token {NEW_TOKEN}"


async def test_checking_a_pause_under_a_token_that_cannot_be_sent_says_to_set_it_again(
    counter: Counter,
) -> None:
    carry_unsendable(counter)
    await counter.till.line.probe()  # paused for it
    counter.till.monitor.report(None, sent_at=clock.monotonic())  # the network itself is fine
    said = await counter.till.line.resume_after_credentials_change()
    assert said is not None and said.id == "queue.paused.token_unusable"
    assert (await counter.till.status()).paused
    assert counter.till.connectivity is Connectivity.ONLINE


async def test_a_token_that_cannot_be_sent_is_not_accepted_and_no_outage(
    counter: Counter,
) -> None:
    carry_unsendable(counter)
    counter.till.monitor.report(None, sent_at=clock.monotonic())
    assert await counter.till.line.token_accepted() is False
    assert counter.till.connectivity is Connectivity.ONLINE
    assert counter.server.calls(PING) == []


# --- the check at start (Line.check_connectivity): what the server proves, not the start's belief


@pytest.mark.parametrize(
    ("answer", "state", "paused"),
    [
        (PONG, Connectivity.ONLINE, False),
        (httpx.ConnectError("All connection attempts failed"), Connectivity.OFFLINE, False),
        (httpx.ReadTimeout("timed out"), Connectivity.DEGRADED, False),
        (reply(503, {"detail": "down for maintenance"}), Connectivity.DEGRADED, False),
        # the server is there and refuses the till's token: the queue pauses, as for a probe
        (reply(401, REFUSED), Connectivity.DEGRADED, True),
    ],
)
@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_the_check_at_start_shows_what_the_server_proves(
    counter: Counter, answer: object, state: Connectivity, paused: bool
) -> None:
    # A till starts believing the server reachable; a server that cannot be reached must not
    # read "Online" until a customer's lookup finds out.
    counter.server.on(PING, answer)  # type: ignore[arg-type]
    assert not counter.till.monitor.proven
    await counter.till.line.check_connectivity()
    assert counter.till.connectivity is state
    assert counter.till.monitor.proven
    assert (await counter.till.status()).paused is paused


# --- a request sent before the server last answered: its failure is older news than the answer

LOST = {
    "refused": httpx.ConnectError("All connection attempts failed"),
    "answer lost": httpx.ReadTimeout("timed out"),
}


async def look_up(till: Till) -> object:
    return await till.lookup.find_member("customer@stamps.co.id")


async def check_pin(till: Till) -> object:
    return await till.redeemer.authorize_pin(ayu(), Secret("123456"))


async def read_the_offer(till: Till) -> object:
    return await till.catalogue.offer(ayu(), 250)


async def check_the_line(till: Till) -> object:
    await till.line.check_connectivity()  # the heartbeat's
    return None


@pytest.mark.parametrize(
    ("ask", "method", "path", "failure"),
    [
        (look_up, "member_details", "/api/v2/memberships/details", "refused"),
        (look_up, "member_details", "/api/v2/memberships/details", "answer lost"),
        (check_pin, "authorize", "/api/redemptions/authorize", "refused"),
        (check_pin, "authorize", "/api/redemptions/authorize", "answer lost"),
        # the lists report only a read left unanswered (a refused one is judged by what is sent)
        (read_the_offer, "rewards", "/api/rewards/", "answer lost"),
        (check_the_line, "ping", PING, "refused"),
    ],
)
@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_request_that_fails_after_a_newer_one_was_answered_leaves_the_till_online(
    counter: Counter,
    monkeypatch: pytest.MonkeyPatch,
    clock: ManualClock,
    ask: Callable[[Till], Awaitable[object]],
    method: str,
    path: str,
    failure: str,
) -> None:
    # Ayu's lookup left into a hang; the line came back and the redemption sent meanwhile was
    # answered; then the lookup ended unanswered. The bar read Online, and turned Offline (or
    # Degraded) on a line that worked: the older request's silence is no news.
    for failing in {path, PING}:
        counter.server.on(failing, LOST[failure])
    counter.server.on(REDEEM, reply(200, doc("redeem_reward")["responses"][0]["body"]))
    held = Held(monkeypatch, counter.till.client, method)
    asked = asyncio.create_task(ask(counter.till))
    await held.arrived.wait()  # the request is on its way
    clock.advance(2)
    await queue_one(counter.till)
    assert await counter.till.worker.run_once() == 1  # a newer request, answered
    held.release()
    with contextlib.suppress(NotOnline):  # the till's copy does not know Ayu either
        await asked
    assert counter.till.connectivity is Connectivity.ONLINE
    # a request sent since the server last answered still tells
    assert await counter.till.line.token_accepted() is None
    assert counter.till.connectivity is not Connectivity.ONLINE


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_redemption_answered_while_the_member_was_read_comes_off_their_balance(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, clock: ManualClock
) -> None:
    # Ayu's lookup left; her earlier redemption (20 stamps) was answered before the lookup was:
    # the server read her 250 before applying it. Taken as of the lookup's answer, the balance
    # read 250 and the redemption, confirmed before that, was not taken off it.
    details = doc("member_details")["responses"][0]["body"]
    details["membership"]["stamps"] = 250
    answer = doc("redeem_reward")["responses"][0]["body"]
    answer["membership"]["stamps"] = 230
    counter.server.on("/api/v2/memberships/details", reply(200, details))
    counter.server.on(REDEEM, reply(200, answer))
    lane = f"member:{details['user']['id']}"
    await counter.till.outbox.enqueue(
        OperationKind.REWARD,
        {"user": "customer@stamps.co.id", "reward": 1, "store": 32},
        lane=lane,
        user="customer@stamps.co.id",
        cashier="Dewi",
        terminal="till-1",
        stamps=20,
    )
    held = Held(monkeypatch, counter.till.client, "member_details")
    asked = asyncio.create_task(counter.till.lookup.find_member("customer@stamps.co.id"))
    await held.arrived.wait()
    clock.advance(1)
    assert await counter.till.worker.run_once() == 1
    clock.advance(1)
    held.release()
    member = await asked
    assert member.live and member.stamps == 250
    assert await counter.till.lookup.projected_stamps(member) == 230


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_pin_the_server_answers_denied_is_refused_in_its_word(counter: Counter) -> None:
    # A 200 saying "denied" was told to the cashier as "the Stamps server did not answer": the
    # server did answer, and it refused the PIN. The till stays online.
    counter.server.on("/api/redemptions/authorize", reply(200, {"status": "denied"}))
    with pytest.raises(PinRejected) as refused:
        await check_pin(counter.till)
    assert english(refused.value.message) == "The PIN was not accepted: denied"
    assert counter.till.monitor.online


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_pin_the_server_answers_ok_in_capitals_is_accepted(counter: Counter) -> None:
    # "Returns ok if successful", in no case in particular: "OK" was told to the cashier as
    # "the Stamps server did not answer", on a PIN the server had taken
    counter.server.on("/api/redemptions/authorize", reply(200, {"status": "OK"}))
    assert await check_pin(counter.till)


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (
            reply(200, {"status": "success"}),
            "The PIN could not be checked: the Stamps server answered in a form this till "
            "cannot read. Nothing was redeemed; try again, and call a manager if it keeps "
            "happening.",
        ),
        (
            reply(500, b"<h1>Server Error (500)</h1>", **{"Content-Type": "text/html"}),
            "The PIN could not be checked: the Stamps server is failing (500). Nothing was "
            "redeemed; try again in a moment.",
        ),
    ],
)
async def test_a_pin_check_the_server_answered_is_not_said_to_be_unanswered(
    counter: Counter, answer: httpx.Response, said: str
) -> None:
    # It answered, in a form the till cannot read or with a failure of its own: "the Stamps
    # server did not answer" was false, and "success" is no refusal of the PIN either.
    counter.server.on("/api/redemptions/authorize", answer)
    with pytest.raises(NotOnline) as unchecked:
        await check_pin(counter.till)
    assert english(unchecked.value.message) == said
    assert counter.till.monitor.online


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
@pytest.mark.parametrize(
    ("answer", "said", "left"),
    [
        # a 422, as many frameworks refuse data, with the attempts the docs' 400 carries
        (
            reply(422, {"detail": "pin: Invalid PIN, 2 attempt(s) left"}),
            "Wrong PIN. Ask the customer to try again.",
            2,
        ),
        # a 403 that ping shows is not about the token
        (
            reply(403, {"detail": "Member is not allowed to authorize"}),
            "The PIN was not accepted: Member is not allowed to authorize",
            None,
        ),
        # a 404 with no word of its own is no wrong PIN either
        (reply(404, b""), "The PIN was not accepted: 404 Not Found", None),
    ],
)
async def test_a_pin_turned_down_with_another_status_is_refused_in_the_server_s_words(
    counter: Counter, answer: httpx.Response, said: str, left: int | None
) -> None:
    # The server answered and turned the check down: "the Stamps server did not answer" was
    # said of all three, and the pad never showed the attempts left.
    counter.server.on("/api/redemptions/authorize", answer)
    counter.server.on(PING, PONG)
    with pytest.raises(PinRejected) as refused:
        await check_pin(counter.till)
    assert english(refused.value.message) == said
    assert refused.value.attempts_left == left
    assert counter.till.monitor.online


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_pin_blocked_said_with_a_403_is_blocked(counter: Counter) -> None:
    counter.server.on(
        "/api/redemptions/authorize",
        reply(403, {"detail": "PIN is blocked", "error_code": "pin_blocked"}),
    )
    counter.server.on(PING, PONG)
    with pytest.raises(PinBlocked) as blocked:
        await check_pin(counter.till)
    assert english(blocked.value.message) == (
        "This member's PIN is blocked after too many wrong tries; they must reset it."
    )


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_pin_blocked_before_the_clock_was_moved_back_is_not_held_against_a_read_since(
    counter: Counter, clock: ManualClock
) -> None:
    # Ayu's PIN blocked at 14:00, the clock then set back a day, her PIN reset at the shop and
    # her account read again: not blocked, says the server; by the clock that read came before
    # the block, and the till went on refusing her until the clock passed 14:00 the next day.
    counter.server.on(
        "/api/redemptions/authorize",
        reply(403, {"detail": "PIN is blocked", "error_code": "pin_blocked"}),
    )
    counter.server.on(PING, PONG)
    refused_with = ayu(fetched_at=clock.now())
    with pytest.raises(PinBlocked):
        await counter.till.redeemer.authorize_pin(refused_with, Secret("123456"))
    clock.advance(60)
    clock.set_wall(clock.now() - timedelta(days=1))
    clock.advance(60)
    read_since = ayu(fetched_at=clock.now())
    assert not counter.till.redeemer.pin_blocked(read_since)
    assert counter.till.redeemer.pin_blocked(refused_with)  # the read it was refused with is


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
async def test_a_member_whose_details_are_too_large_to_read_is_not_a_silent_server(
    counter: Counter,
) -> None:
    # A member's name of 10 MB: the server answered at once, in full, past the till's cap on an
    # answer. "The Stamps server did not answer" sent the cashier to check a line that worked,
    # and the till must not read that it is offline.
    body = doc("member_details")["responses"][0]["body"]
    huge = {**body, "user": {**body["user"], "name": "A" * 10_000_000}}
    counter.server.on("/api/v2/memberships/details", reply(200, huge))
    with pytest.raises(NotOnline) as unseen:
        await look_up(counter.till)
    said = english(unseen.value.message)
    assert "too large" in said and "did not answer" not in said and "reached" not in said
    assert counter.till.connectivity is not Connectivity.OFFLINE


async def test_believed_offline_the_till_checks_the_line_before_it_refuses_and_finds_it_back(
    counter: Counter,
) -> None:
    # The probe's wait doubles through an outage: a promo retried 8 s after the line came back
    # was refused "only online" by a till that had not looked since.
    counter.server.on(PING, PONG)
    assert await counter.till.line.check_line_now() is False
    assert counter.till.connectivity is Connectivity.ONLINE
    assert len(counter.server.calls(PING)) == 1


async def test_the_check_of_a_line_that_hangs_gives_up_within_its_short_wait(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A ping into a hang held the cashier for the connect and read timeouts (13 s by default).
    monkeypatch.setattr(line, "LINE_CHECK_WAIT", 0.05)  # the line's part reads it at each check
    held = Held(monkeypatch, counter.till.client, "ping")  # never released: no answer comes
    assert await counter.till.line.check_line_now() is True  # still offline, as far as it knows
    assert len(held.calls) == 1
    assert counter.till.connectivity is Connectivity.OFFLINE


@pytest.mark.parametrize("believed", [Connectivity.ONLINE, Connectivity.DEGRADED])
async def test_a_till_not_believed_offline_asks_nothing_for_a_check(counter: Counter) -> None:
    assert await counter.till.line.check_line_now() is False
    assert counter.server.calls(PING) == []


@pytest.mark.parametrize("line_back", [True, False])
async def test_believed_offline_a_member_the_copy_does_not_know_is_asked_once_the_line_is_checked(
    counter: Counter, line_back: bool
) -> None:
    # A customer this till had not seen was turned away "cannot be reached" by a till whose
    # line had come back: it had not asked.
    details = doc("member_details")["responses"][0]["body"]
    counter.server.on("/api/v2/memberships/details", reply(200, details))
    if line_back:
        counter.server.on(PING, PONG)
        member = await counter.till.lookup.find_member("customer@stamps.co.id")
        assert member.live
        return
    counter.server.on(PING, LOST["refused"])  # the line still down
    with pytest.raises(NotOnline) as unseen:
        await counter.till.lookup.find_member("customer@stamps.co.id")
    assert english(unseen.value.message).startswith("The till checked the line just now")
    assert counter.server.calls("/api/v2/memberships/details") == []


async def test_a_wait_on_an_entry_whose_attempts_were_folded_sees_its_next_attempt_end(
    counter: Counter, clock: ManualClock
) -> None:
    # (Not the probe: this file's till on a fake server.) An entry retried for days has its
    # attempts 4 to 10 folded by the upkeep; the till following it (``stamps-pos redeem``
    # waits so) has seen 30 end. The 31st ends without an answer: the wait says so at once,
    # where it counted the 23 rows listed and waited out its hour for a 31st.
    entry_id = await queue_one(counter.till)
    start = clock.now()

    def tried(session: Any, numbers: range, outcome: str) -> None:
        session.execute(
            sa.insert(ATTEMPTS),
            [
                {
                    "entry_id": entry_id,
                    "number": n,
                    "lease_owner": "w",
                    "started_at": start,
                    "ended_at": start,
                    "outcome": outcome,
                }
                for n in numbers
            ],
        )
        session.execute(
            sa.update(ENTRIES).where(ENTRIES.c.id == entry_id).values(attempts=numbers[-1])
        )

    await counter.till.outbox.db.write(lambda s: tried(s, range(1, 31), "never_arrived"))
    assert await fold_all_attempts(counter.till.outbox.db) == 7
    await counter.till.outbox.db.write(lambda s: tried(s, range(31, 32), "ambiguous"))
    async with asyncio.timeout(20):  # (a guard: the manual clock never ends the hour)
        receipt = await counter.till.wait(entry_id, 3600, seen=30)
    assert receipt.attempts == 31
    assert receipt.verdict is Verdict.NOT_CONFIRMED


async def test_the_upkeep_forgets_settled_rows_only_on_a_clock_the_server_agrees_with(
    counter: Counter,
) -> None:
    # (This file's till.) Before any answer the till cannot know its clock; a minute off the
    # server's Date is right; an hour off is not, and the retention's cutoff would be wrong.
    upkeep = counter.till.upkeep
    monitor = counter.till.monitor
    assert not upkeep.clock_checked()
    monitor.skew = timedelta(minutes=1)
    assert upkeep.clock_checked()
    monitor.skew = timedelta(hours=-1)
    assert not upkeep.clock_checked()


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        (PONG, True),
        (reply(401, REFUSED), False),
        (reply(503, {}), None),
        (reply(401, b"<html><body>CafeWiFi: sign in</body></html>", **HTML), None),
        (reply(200, b"<html><body>CafeWiFi: sign in</body></html>", **HTML), None),
        (reply(302, b"", Location="http://login.cafewifi.test/"), None),
        (reply(200, {"status": "ok"}), None),
        (reply(401, {"detail": f"Invalid token {NEW_TOKEN}"}), False),
        (reply(302, b"", Location=f"http://login.cafewifi.test/?next={NEW_TOKEN}"), None),
    ],
    ids=[
        "taken",
        "refused",
        "no answer",
        "login page 401",
        "login page",
        "redirected",
        "no pong",
        "refusal echoing it",
        "redirect echoing it",
    ],
)
async def test_a_token_typed_is_put_to_the_server_alone_and_the_till_keeps_its_own(
    counter: Counter, answer: object, verdict: bool | None, caplog: pytest.LogCaptureFixture
) -> None:
    # A manager's token is asked about before Settings saves it: sent in its place, the till's
    # own token would be lost to a mistyped one, and the queue pause under it.
    counter.server.on(PING, answer, PONG)
    with caplog.at_level(logging.DEBUG):
        assert await counter.till.line.would_accept(Secret(NEW_TOKEN)) is verdict
    assert NEW_TOKEN not in caplog.text
    assert await counter.till.line.token_accepted() is True
    asked, own = counter.server.calls(PING)
    assert asked.headers["Authorization"] == f"Token {NEW_TOKEN}"
    assert own.headers["Authorization"] == f"Token {TOKEN}"
    assert not (await counter.till.status()).paused
    assert logs.redact(f"typed {NEW_TOKEN}") == f"typed {logs.MASK}"


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
@pytest.mark.parametrize("policy", [OutboxPolicy(idempotency_honoured=True)], ids=["honoured"])
async def test_a_redemption_cut_off_as_it_was_sent_goes_once_the_line_is_back(
    counter: Counter, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X: Redeem, then the Demo menu's "Cut the network" at once. The send's answer
    # was lost, the sends after it never arrived; the network back, the bar read "Degraded" and
    # the receipt "NOT CONFIRMED" for a minute: the pong could not make the till online (a send
    # had failed), so nothing woke the entry, which waited out a backoff grown in the outage.
    till = counter.till
    monkeypatch.setattr(till.outbox, "retry_policy", RetryPolicy(random=lambda: 0.99))
    applied = reply(200, doc("redeem_reward")["responses"][0]["body"])
    network = {"up": True}

    def line(answer: httpx.Response) -> Callable[[httpx.Request], httpx.Response]:
        def answered(request: httpx.Request) -> httpx.Response:
            if not network["up"]:
                raise LOST["refused"]
            return answer

        return answered

    counter.server.on(REDEEM, LOST["answer lost"], line(applied))
    counter.server.on(PING, line(PONG))
    entry_id = await queue_one(till)
    assert await till.worker.run_once() == 1
    network["up"] = False  # the network cut
    for _ in range(6):
        due = (await till.outbox.get(entry_id)).next_attempt_at  # type: ignore[union-attr]
        clock.advance(max(0.0, (due - clock.now()).total_seconds()))
        assert await till.worker.run_once() == 1
    assert till.connectivity is Connectivity.OFFLINE
    waited = (await till.outbox.get(entry_id)).next_attempt_at  # type: ignore[union-attr]
    spread = timedelta(seconds=till.outbox.policy.reconnect_spread)
    assert waited > clock.now() + spread  # a backoff grown in the outage

    network["up"] = True
    changed = asyncio.Event()
    till.outbox.add_listener(changed.set)
    assert await till.line.check_line_now() is False
    assert till.connectivity is Connectivity.DEGRADED  # until a send is answered

    async def woken() -> bool:
        entry = await till.outbox.get(entry_id)
        return entry is not None and entry.next_attempt_at <= clock.now() + spread

    async with asyncio.timeout(20):  # (a guard: the wake is the till's own background work)
        while True:
            changed.clear()
            if await woken():
                break
            await changed.wait()
    clock.advance(spread.total_seconds())
    assert await till.worker.run_once() == 1
    assert (await till.outbox.get(entry_id)).status == EntryStatus.SYNCED  # type: ignore[union-attr]
    assert till.connectivity is Connectivity.ONLINE


AYU_CARD = "70140000000006"


@pytest.mark.parametrize("believed", [Connectivity.ONLINE])
@pytest.mark.parametrize("known", [False, True], ids=["never seen", "in the till's copy"])
async def test_a_card_the_server_was_too_slow_to_find_is_not_said_to_be_nobody_s(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, known: bool
) -> None:
    # (This file's till.) Under X, a slow line (2.5 s an answer, within the lookup's 3 s): a
    # card, which member details do not take, was looked for through the suggestions, and the
    # lookup's wait ran out there: "No member matches “70140000000123”" of a member the server
    # had, and of one the till's copy knew.
    till = counter.till
    lookup = till.lookup
    monkeypatch.setattr(lookup, "config", dataclasses.replace(lookup.config, lookup_timeout=0.05))
    counter.server.on("/api/v2/memberships/details", reply(404, {"detail": "User not found"}))
    if known:
        await till.cache.remember(ayu(card_number=AYU_CARD))
    Held(monkeypatch, till.client, "suggestions")  # never answered within the wait
    if known:
        member = await lookup.find_member(AYU_CARD)
        assert member.name == "Ayu Pratiwi" and member.card_number == AYU_CARD
        return
    with pytest.raises(NotOnline) as unseen:
        await lookup.find_member(AYU_CARD)
    said = english(unseen.value.message)
    assert "No member matches" not in said
    assert said.startswith("The Stamps server has not answered in time")
