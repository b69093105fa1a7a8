"""A server at the Stamps address that answers every redemption with bytes a test picks, over a
real loopback socket: the answers a server may give legally but unlike our sandbox (a gzip
body, a 204, a Retry-After as an HTTP date) and the ones it should not (a web page under 200, a
body cut mid-JSON, one that never ends, one that trickles a byte at a time). Only the transport
is hostile: each answer is written by hand, byte by byte, so httpx meets what a real socket
gives it, not what a mock transport hands over whole.

    with HostileServer(Answer.json(200, {...})) as server:   # server.url, server.posts

``posts`` counts the requests that reached it, by their Idempotency-Key: a redemption sent
twice is seen here.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Writes an answer on the socket, the request already read.
Write = Callable[[socket.socket], None]


@dataclass(frozen=True)
class Answer:
    """How the server answers a redemption: what it writes, and a name for the test's id."""

    name: str
    write: Write

    @classmethod
    def raw(cls, name: str, status: str, headers: dict[str, str], body: bytes) -> Answer:
        """``status`` (``"200 OK"``), ``headers`` and ``body`` written as given: a
        Content-Length that says otherwise is the test's choice."""
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sent = head.encode("latin-1") + b"Connection: close\r\n\r\n" + body

        def write(conn: socket.socket) -> None:
            conn.sendall(sent)

        return cls(name, write)

    @classmethod
    def json(
        cls, name: str, status: str, body: Any, headers: dict[str, str] | None = None
    ) -> Answer:
        """A JSON answer with its true length."""
        data = json.dumps(body).encode()
        return cls.raw(
            name,
            status,
            {
                "Content-Type": "application/json",
                "Content-Length": str(len(data)),
                **(headers or {}),
            },
            data,
        )

    @classmethod
    def gzipped(cls, name: str, status: str, body: Any) -> Answer:
        """A JSON answer compressed, as a proxy in front of the server may send it."""
        data = gzip.compress(json.dumps(body).encode())
        return cls.raw(
            name,
            status,
            {
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
                "Content-Length": str(len(data)),
            },
            data,
        )

    @classmethod
    def cut(cls, name: str, body: Any, keep: int) -> Answer:
        """A 200 whose Content-Length promises the whole JSON, and whose connection closes after
        its first ``keep`` bytes."""
        data = json.dumps(body).encode()
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        ).encode()

        def write(conn: socket.socket) -> None:
            conn.sendall(head + data[:keep])

        return cls(name, write)

    @classmethod
    def trickled(cls, name: str, body: Any, every: float) -> Answer:
        """A 200 whose JSON comes one byte each ``every`` seconds: each read gets a byte well
        inside its timeout, so only a deadline on the whole exchange ends it."""
        data = json.dumps(body).encode()
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
        ).encode()

        def write(conn: socket.socket) -> None:
            conn.sendall(head)
            for byte in data:
                conn.sendall(bytes([byte]))
                time.sleep(every)  # the server's pace, in its own thread, not the test's wait

        return cls(name, write)


@dataclass
class HostileServer:
    """Answers a path of :attr:`reads` (a ping, the activity feed) with what it says for it,
    every other POST with :attr:`answer`, and anything else with a 404."""

    answer: Answer
    reads: dict[str, Any] = field(default_factory=dict)
    posts: Counter[str] = field(default_factory=Counter)
    _sock: socket.socket | None = None
    _threads: list[threading.Thread] = field(default_factory=list)
    _stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        assert self._sock is not None
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def __enter__(self) -> HostileServer:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        accepting = threading.Thread(target=self._accept, daemon=True)
        accepting.start()
        self._threads.append(accepting)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=5)
        assert self._sock is not None
        self._sock.close()

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            serving = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            serving.start()
            self._threads.append(serving)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                method, path, headers = _read_request(conn)
                if path in self.reads:
                    Answer.json("read", "200 OK", self.reads[path]).write(conn)
                elif method == "POST":
                    self.posts[headers.get("idempotency-key", "")] += 1
                    self.answer.write(conn)
                else:
                    Answer.json("none", "404 Not Found", {"detail": "Not found."}).write(conn)
            except OSError:
                pass  # the till gave up on the answer and closed its end: that is its right


def _read_request(conn: socket.socket) -> tuple[str, str, dict[str, str]]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            raise ConnectionResetError
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        rest += chunk
    return method, target.split("?", 1)[0], headers
