"""Slow steps held on purpose: a method of the till that waits at a gate until the test opens it,
so the screen can move on while the answer is still to come (no sleeps)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest


class Held:
    """``owner.name`` held at a gate: each call is noted in :attr:`calls` (its arguments) and
    sets :attr:`arrived`, waits until :meth:`release`, then goes through to the real method."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.arrived = asyncio.Event()
        self.gate = asyncio.Event()
        real = getattr(owner, name)

        async def held(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(args)
            self.arrived.set()
            await self.gate.wait()
            return await real(*args, **kwargs)

        monkeypatch.setattr(owner, name, held)

    def release(self) -> None:
        """Let the held calls (and any later one) through."""
        self.gate.set()


class ScriptedClock:
    """Milliseconds that move only when the test says so (a ``clock_ms`` for the scanner)."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms
