"""Large answers are read off the event loop: decoded, cleaned, masked and validated on the
client's reader thread; small ones on the loop, as before. Whatever the thread, the reading is
the same: the same refusals, the token masked, and a cancelled request delivers nothing."""

from __future__ import annotations

import asyncio
import copy
import gc
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from app.core.stamps import errors, parsing
from app.core.stamps.redaction import MASK

from .conftest import ClientFactory
from .helpers import TOKEN, FakeStamps, doc, reply

REWARDS_PATH = "/api/rewards/"
#: Fewer rewards than a page (so the catalogue is read once), each with long terms.
REWARDS = 90
TERMS = 2_500


def _catalogue(terms: str = "t" * TERMS) -> dict[str, Any]:
    """A rewards answer of ``REWARDS`` rewards with ``terms`` each: about 240 KB as sent."""
    body = copy.deepcopy(doc("rewards")["responses"][0]["body"])
    template = body["rewards"][0]
    body["rewards"] = [{**template, "id": i, "terms": terms} for i in range(1, REWARDS + 1)]
    return body


def _encoded(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()


LARGE = _encoded(_catalogue())
SMALL = _encoded(doc("rewards")["responses"][0]["body"])


class Threads:
    """Records the thread each step of the reading ran on: the JSON decoded (and cleaned and
    masked), the model validated; and whether the garbage collector could run meanwhile."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.decoded: list[int] = []
        self.validated: list[int] = []
        self.collecting: list[bool] = []
        load, into = parsing._load_json, parsing.into_model

        def load_json(*args: Any, **kwargs: Any) -> object:
            self.decoded.append(threading.get_ident())
            self.collecting.append(gc.isenabled())
            return load(*args, **kwargs)

        def into_model(*args: Any, **kwargs: Any) -> Any:
            self.validated.append(threading.get_ident())
            self.collecting.append(gc.isenabled())
            return into(*args, **kwargs)

        monkeypatch.setattr(parsing, "_load_json", load_json)
        monkeypatch.setattr(parsing, "into_model", into_model)


async def test_a_large_answer_is_read_off_the_loop(
    make_client: ClientFactory, server: FakeStamps, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(LARGE) > 200_000
    threads = Threads(monkeypatch)
    server.on(REWARDS_PATH, reply(200, LARGE))
    client = make_client()

    answer = await client.rewards(user="customer@stamps.co.id")

    assert [r.id for r in answer.rewards] == list(range(1, REWARDS + 1))
    loop_thread = threading.get_ident()
    assert threads.decoded and threads.validated
    assert loop_thread not in threads.decoded + threads.validated
    await client.aclose()


async def test_no_collection_runs_while_a_large_answer_is_read_off_the_loop(
    make_client: ClientFactory, server: FakeStamps, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a collection started by the reader thread's allocations would free whatever unreachable
    # objects it found (a closed dialog's Qt objects) on that thread, off the GUI thread
    assert gc.isenabled()
    threads = Threads(monkeypatch)
    server.on(REWARDS_PATH, reply(200, LARGE))
    client = make_client()

    await client.rewards()

    assert threads.collecting and not any(threads.collecting)
    assert gc.isenabled()  # back, on the loop's thread
    await client.aclose()


async def test_a_small_answer_is_read_on_the_loop(
    make_client: ClientFactory, server: FakeStamps, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = Threads(monkeypatch)
    server.on(REWARDS_PATH, reply(200, SMALL))

    answer = await make_client().rewards(user="customer@stamps.co.id")

    assert answer.rewards
    loop_thread = threading.get_ident()
    assert threads.decoded == [loop_thread]
    assert threads.validated == [loop_thread]


def _padded(hostile: bytes) -> bytes:
    """``hostile`` (a JSON object's members) after a long harmless string: a large body."""
    return b'{"pad": "' + b"x" * 200_000 + b'", ' + hostile + b"}"


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param(b'"rewards": [{"id": NaN}]', id="NaN"),
        pytest.param(b'"rewards": [{"id": Infinity}]', id="Infinity"),
        pytest.param(b'"rewards": [{"id": 1, "price": 1e999}]', id="huge-number"),
        pytest.param(b'"rewards": ' + b"[" * 5_000 + b"]" * 5_000, id="deep-nesting"),
        pytest.param(b'"rewards": [{"id": 1', id="truncated"),
        pytest.param(b'"rewards": {"id": "one"}', id="wrong-shape"),  # no list to read apart
    ],
)
async def test_a_large_hostile_answer_is_refused_as_a_small_one_is(
    hostile: bytes, make_client: ClientFactory, server: FakeStamps
) -> None:
    small = b"{" + hostile + b"}"
    server.on(REWARDS_PATH, reply(200, small), reply(200, _padded(hostile)))
    client = make_client()
    with pytest.raises(errors.MalformedResponse) as inline:
        await client.rewards()
    with pytest.raises(errors.MalformedResponse) as threaded:
        await client.rewards()
    assert threaded.value.message == inline.value.message
    assert threaded.value.status_code == inline.value.status_code == 200
    await client.aclose()


async def test_the_token_is_masked_in_a_large_answer(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    body = _catalogue(terms=f"echo {TOKEN} " + "t" * TERMS)
    body["rewards"][0]["name"] = f"Mee {TOKEN}"
    server.on(REWARDS_PATH, reply(200, _encoded(body)))
    client = make_client()

    answer = await client.rewards()

    assert answer.rewards[0].name == f"Mee {MASK}"
    assert all(TOKEN not in r.model_dump_json() for r in answer.rewards)
    await client.aclose()


class HeldReading:
    """Holds the decoding of an answer on the reader thread until released, and records what
    happened to it there."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.began = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()
        self.events: list[str] = []
        load = parsing._load_json

        def load_json(*args: Any, **kwargs: Any) -> object:
            self.began.set()
            # bounded: a reader that waited for it would see the test fail, not hang
            self.events.append("released" if self.release.wait(10) else "never released")
            self.events.append("collector on" if gc.isenabled() else "collector held")
            try:
                return load(*args, **kwargs)
            except BaseException as exc:
                self.events.append(f"ended: {type(exc).__name__}")
                raise
            finally:
                self.ended.set()

        def into_model(*args: Any, **kwargs: Any) -> Any:
            self.events.append("validated")
            raise AssertionError("an abandoned answer was validated")

        monkeypatch.setattr(parsing, "_load_json", load_json)
        monkeypatch.setattr(parsing, "into_model", into_model)


async def _waited(event: threading.Event) -> bool:
    """Wait for ``event`` off the loop (the loop stays free to run the client)."""
    return await asyncio.to_thread(event.wait, 10)


async def _until(condition: Callable[[], bool], within: float = 10.0) -> bool:
    """Whether ``condition`` comes true within ``within`` seconds, the loop running meanwhile
    (what ``qtbot.waitUntil`` does for Qt)."""
    deadline = time.monotonic() + within
    while not condition() and time.monotonic() < deadline:  # noqa: ASYNC110 - no event for it
        await asyncio.sleep(0.001)
    return condition()


async def test_a_request_cancelled_while_its_large_answer_is_read_delivers_nothing(
    make_client: ClientFactory, server: FakeStamps, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldReading(monkeypatch)
    server.on(REWARDS_PATH, reply(200, LARGE))
    client = make_client()
    delivered: list[object] = []
    task = asyncio.create_task(client.rewards())
    task.add_done_callback(lambda t: t.cancelled() or delivered.append(t.result()))
    assert await _waited(held.began)

    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await client.aclose()  # does not wait for the reading held on the thread
    held.events.append("client closed")
    held.release.set()
    assert await _waited(held.ended)

    assert delivered == []
    # the reading stopped where it was and never reached the model, the collector held until
    # it had stopped, though its request was cancelled before
    assert held.events == ["client closed", "released", "collector held", "ended: Abandoned"]
    assert await _until(gc.isenabled)


async def test_a_client_reads_large_answers_again_after_it_was_closed(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # an injected HTTP client outlives the Stamps client's close: its reader thread comes back
    server.on(REWARDS_PATH, reply(200, LARGE))
    client = make_client()
    first = await client.rewards()
    await client.aclose()
    again = await client.rewards()
    assert [r.id for r in again.rewards] == [r.id for r in first.rewards]
    await client.aclose()


def test_the_threshold_sits_between_a_lookup_and_a_catalogue_page() -> None:
    from app.core.stamps.reading import OFF_LOOP_BYTES

    member = _encoded(doc("member_details")["responses"][0]["body"])
    assert len(member) < OFF_LOOP_BYTES < len(LARGE)
