"""A redemption sent by the real worker and client, over a real socket, to a server that answers
as the docs allow but our sandbox never does, or as no server should (tests/support/
hostile_server.py). Whatever it answers, the till says "confirmed" only of a 2xx it read whole
that names the redemption, "not confirmed" of what may have applied (resent under its key where
the server honours keys, else left for the feed), "refused" of a refusal, and the request
reached the server once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from app.core import clock
from app.core.clock import ManualClock
from app.core.domain import EntryStatus, Outcome
from app.core.messages import english
from app.core.offline.connectivity import ConnectivityMonitor
from app.core.outbox import Outbox, OutboxPolicy, RetryPolicy, SyncWorker
from app.core.services.receipts import Verdict, receipt_for
from app.core.services.stamps_link import ClientTransport
from app.core.stamps.client import StampsClient
from app.core.storage.tables import OutboxEntry
from app.sandbox import DEMO_TOKEN

from ....reliability.shop import MERCHANT, STORE, STORE_CODE, enqueue_reward
from ....support.hostile_server import Answer, HostileServer

pytestmark = pytest.mark.integration

#: The redemption a server made, as its answer names it.
NAMED = {"redemption": {"id": 77, "status": "Created"}, "membership": {"stamps": 9995}}
FEED = {"/api/v3/activities/": {"activities": []}, "/api/ping": {"pong": {"merchant": "m"}}}
#: Short timeouts: the trickle has to outlast them, the test not.
CONNECT, READ = 1.0, 2.0


def _in(seconds: int) -> str:
    return format_datetime(datetime.now(UTC) + timedelta(seconds=seconds), usegmt=True)


@dataclass
class _Sent:
    """A redemption after its round: the entry, its last attempt's outcome, and the worker and
    outbox that sent it, for another round."""

    entry: OutboxEntry
    outcome: Outcome | None
    worker: SyncWorker
    outbox: Outbox


@asynccontextmanager
async def _sent_once(
    server: HostileServer, tmp_path: Path, *, honoured: bool
) -> AsyncIterator[_Sent]:
    """One redemption queued and sent in one worker round."""
    policy = OutboxPolicy(idempotency_honoured=honoured, connect_timeout=CONNECT, read_timeout=READ)
    outbox = await Outbox.open(tmp_path / "till.db", policy, RetryPolicy(random=lambda: 0.5))
    client = StampsClient(
        base_url=server.url,
        token=DEMO_TOKEN,
        merchant=MERCHANT,
        store=STORE,
        connect_timeout=CONNECT,
        read_timeout=READ,
    )
    try:
        monitor = ConnectivityMonitor(client.ping)
        worker = SyncWorker(outbox, ClientTransport(client, monitor, store_code=STORE_CODE))
        queued = await enqueue_reward(outbox, 1, "Dewi")
        await worker.run_once()
        yield _Sent(*await _after(outbox, queued.id), worker, outbox)
    finally:
        await client.aclose()
        await outbox.close()


async def _after(outbox: Outbox, entry_id: str) -> tuple[OutboxEntry, Outcome | None]:
    entry = await outbox.get(entry_id)
    assert entry is not None
    attempts = await outbox.attempts(entry_id)
    return entry, (attempts[-1].outcome if attempts else None)


def _cut(body: dict[str, Any]) -> int:
    # inside the redemption's id: what came names nothing whole
    return len(b'{"redemption": {"id": 7')


#: (answer, what the attempt proves, the verdict told). Answers that may have been applied are
#: "not confirmed" in either mode; with keys honoured they wait queued to go again.
CASES = [
    (Answer.json("named", "200 OK", NAMED), Outcome.APPLIED, Verdict.CONFIRMED),
    (Answer.gzipped("named, gzip", "200 OK", NAMED), Outcome.APPLIED, Verdict.CONFIRMED),
    (
        Answer.json("named, beside unknown fields", "201 Created", {**NAMED, "trace": [1, {}]}),
        Outcome.APPLIED,
        Verdict.CONFIRMED,
    ),
    (Answer.raw("204 no body", "204 No Content", {}, b""), Outcome.AMBIGUOUS, None),
    (
        Answer.raw(
            "200 web page",
            "200 OK",
            {"Content-Type": "text/html", "Content-Length": "27"},
            b"<html><body>Login</body>\n</html>"[:27],
        ),
        Outcome.AMBIGUOUS,
        None,
    ),
    (
        Answer.raw("302 to a login page", "302 Found", {"Location": "/login"}, b""),
        Outcome.AMBIGUOUS,
        None,
    ),
    (Answer.cut("200 cut mid-JSON", NAMED, _cut(NAMED)), Outcome.AMBIGUOUS, None),
    (
        Answer.raw(
            "200 JSON cut, its length true to the cut",
            "200 OK",
            {"Content-Type": "application/json", "Content-Length": "22"},
            b'{"redemption": {"id": 77'[:22],
        ),
        Outcome.AMBIGUOUS,
        None,
    ),
    (
        Answer.json("200 named, 2 MB", "200 OK", {**NAMED, "padding": "x" * 2_000_000}),
        Outcome.AMBIGUOUS,
        None,
    ),
    (Answer.trickled("200 named, a byte at a time", NAMED, 0.25), Outcome.AMBIGUOUS, None),
    (
        Answer.json("500 with a web page's words", "500 Internal Server Error", {"x": 1}),
        Outcome.AMBIGUOUS,
        None,
    ),
    (
        Answer.json(
            "409 Retry-After seconds",
            "409 Conflict",
            {"detail": "Redemption already in progress"},
            {"Retry-After": "120"},
        ),
        Outcome.REFUSED,
        Verdict.REFUSED,
    ),
    (
        Answer.json(
            "422 field errors",
            "422 Unprocessable Entity",
            {"errors": {"reward": "Reward is not active"}},
        ),
        Outcome.REFUSED,
        Verdict.REFUSED,
    ),
    (
        Answer.json(
            "423 Retry-After date",
            "423 Locked",
            {"detail": "Member is locked"},
            {"Retry-After": _in(300)},
        ),
        Outcome.REFUSED,
        Verdict.REFUSED,
    ),
    (
        Answer.json(
            "503 Retry-After seconds", "503 Service Unavailable", {}, {"Retry-After": "120"}
        ),
        Outcome.AMBIGUOUS,
        None,
    ),
    (
        Answer.json(
            "503 Retry-After date", "503 Service Unavailable", {}, {"Retry-After": _in(300)}
        ),
        Outcome.AMBIGUOUS,
        None,
    ),
]


@pytest.mark.parametrize("honoured", [False, True], ids=["keys-unknown", "keys-honoured"])
@pytest.mark.parametrize(("answer", "proves", "told"), CASES, ids=[case[0].name for case in CASES])
async def test_a_redemption_is_told_only_what_its_answer_proves(
    answer: Answer, proves: Outcome, told: Verdict | None, honoured: bool, tmp_path: Path
) -> None:
    with HostileServer(answer, reads=FEED) as server:
        started = clock.monotonic()
        async with _sent_once(server, tmp_path, honoured=honoured) as sent:
            entry, outcome = sent.entry, sent.outcome
            # every exchange ends by its deadline, a trickle too, whatever the server does
            assert clock.monotonic() - started < 2 * (CONNECT + READ) + 5
            assert sum(server.posts.values()) == 1  # sent once, never doubled
            assert outcome == proves
            receipt = receipt_for(entry)
            if proves is Outcome.APPLIED:
                assert (entry.status, entry.server_redemption_id) == (EntryStatus.SYNCED, 77)
                assert receipt.verdict is told
            elif proves is Outcome.REFUSED:
                assert entry.status == EntryStatus.REJECTED and receipt.verdict is told
            else:
                # may have applied: never "confirmed" nor "refused"; resent under its key when
                # keys are honoured, else left unknown for the member's feed to settle
                assert entry.server_redemption_id is None
                assert receipt.verdict is Verdict.NOT_CONFIRMED
                assert entry.status == (EntryStatus.QUEUED if honoured else EntryStatus.UNKNOWN)


@pytest.mark.parametrize("as_date", [False, True], ids=["seconds", "http-date"])
@pytest.mark.parametrize(
    ("status", "honoured"),
    [("503 Service Unavailable", True), ("429 Too Many Requests", False)],
    ids=["503-keys-honoured", "429"],
)
async def test_a_retry_after_puts_off_the_next_send(
    status: str, honoured: bool, as_date: bool, tmp_path: Path
) -> None:
    # what waits to go again waits at least what the server asked, in seconds or as a date
    retry_after = _in(300) if as_date else "300"
    answer = Answer.json(status, status, {}, {"Retry-After": retry_after})
    with HostileServer(answer, reads=FEED) as server:
        async with _sent_once(server, tmp_path, honoured=honoured) as sent:
            entry = sent.entry
            assert entry.status == EntryStatus.QUEUED and entry.next_attempt_at is not None
            wait = (entry.next_attempt_at - clock.now()).total_seconds()
            assert 280 <= wait <= 3600


async def test_a_409_to_a_resend_is_the_first_still_being_processed(tmp_path: Path) -> None:
    # Keys honoured: a 503 leaves the redemption to go again under its key. The IETF draft the
    # till sends its key by answers a request sent again while the first is still being
    # processed with 409: the first may yet be applied. It read "Refused", and a manager's
    # "send again" would have applied it twice; the server's answer once the first is done
    # names it.
    first = Answer.json("503", "503 Service Unavailable", {})
    busy = Answer.json("409", "409 Conflict", {"detail": "A request with this key is in progress"})
    with clock.installed(ManualClock()) as moved, HostileServer(first, reads=FEED) as server:
        async with _sent_once(server, tmp_path, honoured=True) as sent:
            assert sent.entry.status == EntryStatus.QUEUED
            told = []
            for answer in (busy, Answer.json("named", "200 OK", NAMED)):
                server.answer = answer
                moved.advance(600)  # past its backoff
                await sent.worker.run_once()
                entry, outcome = await _after(sent.outbox, sent.entry.id)
                receipt = receipt_for(entry)
                said = english(receipt.details) if receipt.details else None
                told.append((outcome, entry.status, receipt.verdict, said))
            assert told == [
                (
                    Outcome.AMBIGUOUS,
                    EntryStatus.QUEUED,
                    Verdict.NOT_CONFIRMED,
                    # the server answered: not "no answer came back"
                    "The Stamps server says it is still handling this redemption, sent before: "
                    "it may go through. The till is finding out.",
                ),
                (Outcome.APPLIED, EntryStatus.SYNCED, Verdict.CONFIRMED, "9995 stamps left."),
            ]
            assert server.posts == {entry.id: 3}  # the same key each time


@pytest.mark.parametrize("honoured", [False, True], ids=["keys-unknown", "keys-honoured"])
async def test_a_409_to_a_first_send_is_a_refusal(honoured: bool, tmp_path: Path) -> None:
    # nothing was sent under its key before: the server's own conflict (an invoice number it
    # has seen) refuses it
    conflict = Answer.json("409", "409 Conflict", {"detail": "Invoice number used before"})
    with HostileServer(conflict, reads=FEED) as server:
        async with _sent_once(server, tmp_path, honoured=honoured) as sent:
            assert (sent.outcome, sent.entry.status) == (Outcome.REFUSED, EntryStatus.REJECTED)
            assert receipt_for(sent.entry).verdict is Verdict.REFUSED


async def test_another_refusal_of_a_resend_the_key_vouches_for_is_a_refusal(
    tmp_path: Path,
) -> None:
    # a server that honours keys answers a resend as it answered the first: a 422 is its refusal
    first = Answer.json("503", "503 Service Unavailable", {})
    with clock.installed(ManualClock()) as moved, HostileServer(first, reads=FEED) as server:
        async with _sent_once(server, tmp_path, honoured=True) as sent:
            server.answer = Answer.json("422", "422 Unprocessable Entity", {"detail": "No"})
            moved.advance(600)
            await sent.worker.run_once()
            entry, outcome = await _after(sent.outbox, sent.entry.id)
            assert (outcome, entry.status) == (Outcome.REFUSED, EntryStatus.REJECTED)
