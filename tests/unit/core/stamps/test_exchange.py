"""One exchange with the server: a total deadline, a capped body, and what a failure proves."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from app.core.domain import Outcome
from app.core.stamps import errors
from app.core.stamps.exchange import MAX_BODY, Flight, exchange, watching_flight

from .conftest import ClientFactory
from .helpers import FakeStamps, reply

REDEEM = "/api/v2/redemptions/redeem-reward"
REQUEST = {"user": "customer@stamps.co.id", "reward": 1, "store": 32}
#: Bound on a test that would otherwise hang if the deadline did not hold.
HANG_GUARD = 10.0


class Forever(httpx.AsyncByteStream):
    """A body that never ends: ``chunk`` after ``chunk``, optionally waiting on an event that is
    never set after the first (a trickle that has stopped mid-body)."""

    def __init__(self, chunk: bytes, *, stall: bool = False) -> None:
        self.chunk = chunk
        self.stall = stall
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            if self.stall and self.sent:
                await asyncio.Event().wait()
            self.sent += len(self.chunk)
            yield self.chunk


class Wire(httpx.AsyncByteStream):
    """A body as it comes off a socket: not read until the client reads it."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk


def on_the_wire(status: int, body: bytes, **headers: str) -> httpx.Response:
    """An answer whose body arrives in 16 KB pieces, as it would from a socket."""
    pieces = [body[i : i + 16384] for i in range(0, len(body), 16384)] or [b""]
    return httpx.Response(status, stream=Wire(*pieces), headers=headers)


async def _send(answer: httpx.Response, deadline: float = 5.0) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.MockTransport(lambda _: answer)) as http:
        request = http.build_request("POST", "https://stamps.test/api/ping")
        return await asyncio.wait_for(exchange(http, request, deadline=deadline), HANG_GUARD)


async def test_a_body_that_stops_arriving_ends_at_the_deadline() -> None:
    stream = Forever(b"{", stall=True)
    with pytest.raises(errors.ResponseLost) as caught:
        await _send(httpx.Response(200, stream=stream), deadline=0.2)
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert "0.2 s" in caught.value.message


async def test_a_never_ending_body_is_cut_at_the_cap() -> None:
    stream = Forever(b"x" * 65536)
    with pytest.raises(errors.AnswerTooLarge) as caught:
        await _send(httpx.Response(200, stream=stream))
    assert caught.value.outcome is Outcome.AMBIGUOUS
    assert caught.value.status_code == 200  # the server answered: it is no silent line
    assert stream.sent <= MAX_BODY + 2 * 65536  # it stopped reading, it did not drain


async def test_a_gzip_bomb_is_cut_at_the_cap_counted_after_decompression() -> None:
    bomb = gzip.compress(b"\0" * (50 * MAX_BODY))  # ~50 KB on the wire, 50 MB inflated
    assert len(bomb) < MAX_BODY
    answer = on_the_wire(200, bomb, **{"Content-Encoding": "gzip"})
    with pytest.raises(errors.AnswerTooLarge):
        await _send(answer)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "deflate-raw", "identity"])
async def test_compressed_answers_are_read(encoding: str) -> None:
    body = b'{"pong": {"merchant": "Kopi Rindang", "merchant_id": 14}}' * 10
    if encoding == "gzip":
        wire = gzip.compress(body)
    elif encoding == "deflate":
        wire = zlib.compress(body)
    elif encoding == "deflate-raw":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        wire, encoding = packer.compress(body) + packer.flush(), "deflate"
    else:
        wire = body
    got = await _send(on_the_wire(200, wire, **{"Content-Encoding": encoding}))
    assert got.content == body
    assert "content-encoding" not in got.headers


@pytest.mark.parametrize(
    ("encoding", "wire"), [("gzip", b"not gzip at all"), ("br", b"\x8b\x02\x80hello")]
)
async def test_a_body_that_cannot_be_decoded_reads_as_nothing_said(
    encoding: str, wire: bytes
) -> None:
    got = await _send(on_the_wire(400, wire, **{"Content-Encoding": encoding}))
    assert got.status_code == 400  # the status still says what it says
    assert got.content == b""


async def test_an_answer_just_under_the_cap_is_read() -> None:
    body = b"[" + b"1," * ((MAX_BODY - 3) // 2) + b"1]"
    assert len(body) <= MAX_BODY
    assert (await _send(on_the_wire(200, body))).content == body


async def test_an_answer_read_whole_by_its_transport_is_capped_too() -> None:
    with pytest.raises(errors.AnswerTooLarge):
        await _send(httpx.Response(200, content=b" " * (MAX_BODY + 1)))


async def test_the_client_asks_for_encodings_it_can_cap(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on("/api/ping", reply(200, {"pong": {}}))
    await make_client().ping()
    assert server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


async def test_an_oversize_redemption_answer_proves_nothing(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REDEEM, httpx.Response(200, stream=Forever(b" " * 65536)))
    with pytest.raises(errors.AnswerTooLarge) as caught:
        await make_client().redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.AMBIGUOUS


async def test_every_request_has_a_total_deadline_of_connect_plus_read(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    server.on(REDEEM, httpx.Response(200, stream=Forever(b" ", stall=True)))
    client = make_client(connect_timeout=0.1, read_timeout=0.1)
    with pytest.raises(errors.ResponseLost) as caught:
        await asyncio.wait_for(client.redeem_reward(REQUEST, "key-1"), HANG_GUARD)
    assert "0.2 s" in caught.value.message


# --- a request that provably never left ---------------------------------------------------------


@pytest.mark.parametrize("exc_type", [httpx.LocalProtocolError, httpx.UnsupportedProtocol])
async def test_a_request_refused_on_this_side_never_arrived(
    exc_type: type[httpx.RequestError], make_client: ClientFactory
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise exc_type("Illegal header value", request=request)

    with pytest.raises(errors.ConnectionFailed) as caught:
        await make_client(handler=refuse).redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED


@pytest.mark.parametrize(
    "token",
    ["caf\u00e9-token", "tok\r\nX-Evil: 1", "tok\x00en", "tok\x1b[2Jen", "tok en", "tok\ten"],
)
@pytest.mark.parametrize("auth", ["token", "bearer", "body"])
async def test_a_token_that_cannot_be_sent_never_leaves_and_pauses_the_queue(
    token: str, auth: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    with pytest.raises(errors.CredentialsUnusable) as caught:
        await make_client(token=token, auth=auth).redeem_reward(REQUEST, "key-1")
    assert caught.value.outcome is Outcome.NEVER_ARRIVED
    assert caught.value.pauses_queue
    assert token not in caught.value.message
    assert "set it again" in caught.value.message
    assert not server.requests


@pytest.mark.parametrize(
    ("events", "left"),
    [
        ([], False),
        (["connection.connect_tcp.started", "connection.connect_tcp.complete"], False),
        (["connection.start_tls.started", "socks.connect_tcp.started"], False),
        (["connection.connect_tcp.complete", "http11.send_request_headers.started"], True),
        (["http2.send_request_headers.started"], True),
        (["proxy.anything_else.started"], True),
    ],
)
def test_a_flight_has_left_once_a_step_past_the_connection_begins(
    events: list[str], left: bool
) -> None:
    flight = Flight()
    for event in events:
        flight.note(event)
    assert (flight.traced, flight.left) == (bool(events), left)
    assert flight.never_left is (bool(events) and not left)


async def test_a_connection_refused_is_seen_as_never_left() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with httpx.AsyncClient() as http:
        request = http.build_request("GET", f"http://127.0.0.1:{port}/")
        with watching_flight() as flight, pytest.raises(errors.ConnectionFailed):
            await exchange(http, request, deadline=5)
    assert flight.never_left


async def test_a_request_cut_off_after_it_was_written_has_left() -> None:
    # A server that reads the request and never answers: cut off while it waits, the request
    # may have been acted on.
    listener = socket.create_server(("127.0.0.1", 0))
    received = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            received.set()
            while connection.recv(65536):  # the rest of the request, then until the client goes
                pass

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    port = listener.getsockname()[1]
    try:
        async with httpx.AsyncClient() as http:
            with watching_flight() as flight:
                request = http.build_request("POST", f"http://127.0.0.1:{port}/", json=REQUEST)
                sending = asyncio.ensure_future(exchange(http, request, deadline=HANG_GUARD))
                assert await asyncio.to_thread(received.wait, HANG_GUARD)
                sending.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await sending
        assert flight.traced and flight.left and not flight.never_left
    finally:
        listener.close()
        server.join(HANG_GUARD)
