"""Running the sandbox inside another program: tests, ``make demo``, the CLI.

``SandboxServer`` serves with uvicorn on a background thread with its own event loop. ``start()``
returns once uvicorn is accepting connections (it waits on uvicorn's own start-up, not on a
sleep), and ``stop()`` returns promptly even while a request is held by the timeout fault.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import socket
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from app.sandbox.data import DEMO_TOKEN
from app.sandbox.faults import FaultConfig
from app.sandbox.server import Sandbox, create_app

START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0


class _Uvicorn(uvicorn.Server):
    """uvicorn, telling a thread when it is listening and which loop it runs on."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.loop = asyncio.get_running_loop()
        self.ready.set()


class SandboxServer:
    """A Stamps-compatible server on ``host:port`` (port 0: any free port; ``url`` tells which).

    ``faults`` is a :class:`FaultConfig` or a mapping of its fields; ``seed`` overrides its seed.
    ``state_path`` keeps the state in that SQLite file across restarts; without it, state lives
    in memory and dies with the server. ``extra_members`` adds generated members with plenty
    of stamps (``bench1@contoh.co.id`` …) for load tests; ``extra_rewards`` generated rewards
    (``GEN-0001`` …), so the catalogue takes several pages.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str = DEMO_TOKEN,
        *,
        idempotency: bool = True,
        faults: FaultConfig | Mapping[str, Any] | None = None,
        seed: int | None = None,
        state_path: str | Path | None = None,
        extra_members: int = 0,
        extra_rewards: int = 0,
    ) -> None:
        config = faults if isinstance(faults, FaultConfig) else FaultConfig(**dict(faults or {}))
        if seed is not None:
            config = dataclasses.replace(config, seed=seed)
        self.host = host
        self.port = port
        self.token = token
        self.sandbox = Sandbox(
            token,
            idempotency=idempotency,
            faults=config,
            state_path=state_path,
            extra_members=extra_members,
            extra_rewards=extra_rewards,
        )
        self._server: _Uvicorn | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def merchant_id(self) -> int:
        return self.sandbox.state.world.merchant.id

    def start(self) -> SandboxServer:
        if self._thread is not None or self._stopped:
            raise RuntimeError("a SandboxServer starts once; make a new one to serve again")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY on accepted sockets only when the
        # listening socket says TCP, and without it every answer waits ~40 ms on delayed ACKs.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.sandbox),
            http="h11",
            ws="none",
            lifespan="off",
            log_config=None,
            log_level=logging.WARNING,
            access_log=False,
            timeout_graceful_shutdown=2,
        )
        server = _Uvicorn(config)

        def serve() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            finally:
                sock.close()

        self._server = server
        self._thread = threading.Thread(
            target=serve, name=f"stamps-sandbox:{self.port}", daemon=True
        )
        self._thread.start()
        while not server.ready.wait(0.05):
            if not self._thread.is_alive():
                self._thread = None
                raise RuntimeError(f"sandbox failed to start on {self.url}")
            if server.should_exit:
                break
        return self

    def stop(self) -> None:
        """Stop serving; held requests are dropped so nothing can keep the server up."""
        server, thread = self._server, self._thread
        if server is not None and thread is not None:
            if server.loop is not None and not server.loop.is_closed():
                # RuntimeError: the loop closed in between, nothing left to release
                with contextlib.suppress(RuntimeError):
                    server.loop.call_soon_threadsafe(self.sandbox.release_held)
            server.should_exit = True
            thread.join(STOP_TIMEOUT)
            if thread.is_alive():
                server.force_exit = True
                thread.join(STOP_TIMEOUT)
        self._server = None
        self._thread = None
        self._stopped = True
        self.sandbox.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
