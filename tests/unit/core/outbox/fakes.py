"""A scriptable stand-in for the Stamps server and the client the outbox talks to.

``FakeServer`` keeps a ledger of what it applied, per idempotency key, and honours the key (replays
the first answer) when ``honours_keys`` is set. ``FakeTransport.script`` is a list of actions taken
in order, one per request; when it runs out, requests are applied.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.core import clock
from app.core.domain import OperationKind
from app.core.outbox import ActivityRecord, SubmitResult
from app.core.stamps.errors import (
    ConnectionFailed,
    CredentialsRejected,
    NotFound,
    RateLimited,
    ResponseLost,
    ServerError,
    ServiceUnavailable,
    StampsError,
    ValidationFailed,
)
from app.core.storage.problems import disk_full
from app.core.storage.writer import Database

STORE = 7


def reward_name(reward: object) -> str:
    """The feed's name for a reward code."""
    return f"Reward {reward}"


_ID_BLOCKS = itertools.count(1000, 100_000)


@dataclass
class FakeServer:
    """What the server has applied. ``applications[key]`` counts applications per key."""

    honours_keys: bool = True
    applications: Counter[str] = field(default_factory=Counter)
    replies: dict[str, SubmitResult] = field(default_factory=dict)
    feed: list[tuple[str, ActivityRecord]] = field(default_factory=list)
    cancelled: set[int] = field(default_factory=set)
    balances: dict[str, int] = field(default_factory=dict)
    #: Each fake server hands out ids no other has: a till that met two (a test's fixture and
    #: the test) holds no id twice, which the outbox takes as a repeated answer (transitions.py).
    next_id: int = field(default_factory=lambda: next(_ID_BLOCKS))
    requests: list[tuple[str, str]] = field(default_factory=list)

    def replay(self, key: str) -> SubmitResult | None:
        """The first answer for ``key``, if the server honours keys and the key is in its window."""
        if not self.honours_keys or key not in self.replies:
            return None
        if self.key_window is not None and clock.now() >= self.first_seen[key] + self.key_window:
            return None
        return self.replies[key]

    def apply(self, kind: OperationKind, payload: Mapping[str, Any], key: str) -> SubmitResult:
        """Apply (or replay, when the key is known and honoured) one request."""
        self.requests.append((key, str(kind)))
        replayed = self.replay(key)
        if replayed is not None:
            return replayed
        user = str(payload.get("user"))
        if kind is OperationKind.CANCEL:
            rid = payload.get("id")
            if not isinstance(rid, int) or rid in self.cancelled:
                raise NotFound("redemption not found", status_code=404)
            self.cancelled.add(rid)
            # the cancel answer names the redemption it cancelled (redemption_api.rst §6)
            result = SubmitResult(
                redemption_id=rid,
                stamps_remaining=None,
                raw={"redemption": {"id": rid, "status": "Canceled"}},
            )
        else:
            stamps = int(payload.get("stamps", 10))
            self.next_id += 1
            balance = self.balances.get(user, 1000) - stamps
            self.balances[user] = balance
            record = ActivityRecord(
                store=int(payload.get("store", STORE)),
                stamps=stamps,
                name=reward_name(payload.get("reward")),
                created=clock.now(),
                redemption_id=self.next_id if self.feed_has_ids else None,
                status=1,  # Created, as the server's feed writes a redemption that stands
            )
            self.feed.append((user, record))
            result = SubmitResult(
                redemption_id=self.next_id,
                stamps_remaining=balance,
                raw={"redemption": {"id": self.next_id}, "stamps_remaining": balance},
            )
        self.applications[key] += 1
        self.replies[key] = result
        self.first_seen.setdefault(key, clock.now())
        return result

    feed_has_ids: bool = False
    key_window: timedelta | None = None
    first_seen: dict[str, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Slow:
    """The server acts on the request at once (``then``), but its answer takes ``seconds``."""

    then: object
    seconds: float


class Hang:
    """An action that never answers (a request cut off by a crash); release it with ``event``,
    and it ends as ``then`` (applied, by default)."""

    def __init__(self, then: object = "apply") -> None:
        self.event = asyncio.Event()
        self.started = asyncio.Event()
        self.then = then


@dataclass
class FakeTransport:
    """An :class:`~app.core.outbox.OutboxTransport` on a :class:`FakeServer`.

    Actions: ``"apply"``, ``"refuse"``, ``"connect"`` (ConnectionFailed), ``"lost"`` (ResponseLost,
    not applied), ``"applied_lost"`` (applied, then ResponseLost), ``"500"``, ``"applied_500"``,
    ``"503"``, ``"applied_503"``, ``"nameless"`` (a 2xx naming no redemption), ``"noted"``
    (applied, with ``errors`` beside the redemption), ``"creds"``, a :class:`RateLimited` or any
    ``StampsError`` instance (raised), a :class:`SubmitResult` (answered as it is), a
    :class:`Hang`, a :class:`Slow` answer, ``"boom"`` (a bug: RuntimeError), or a callable
    returning one of those (called while the request is in flight).
    """

    server: FakeServer = field(default_factory=FakeServer)
    script: list[object] = field(default_factory=list)
    calls: list[tuple[OperationKind, dict[str, Any], str]] = field(default_factory=list)
    activity_calls: list[tuple[str, datetime]] = field(default_factory=list)
    activity_error: StampsError | None = None

    async def submit(
        self, kind: OperationKind, payload: Mapping[str, Any], *, idempotency_key: str
    ) -> SubmitResult:
        """Take the next scripted action."""
        self.calls.append((kind, dict(payload), idempotency_key))
        action = self.script.pop(0) if self.script else "apply"
        if isinstance(action, Slow):
            try:
                return await self._act(action.then, kind, payload, idempotency_key)
            finally:
                advance = getattr(clock.current(), "advance")  # noqa: B009 - a ManualClock
                advance(action.seconds)
        return await self._act(action, kind, payload, idempotency_key)

    async def _act(
        self, action: object, kind: OperationKind, payload: Mapping[str, Any], idempotency_key: str
    ) -> SubmitResult:
        if callable(action) and not isinstance(action, Hang | StampsError):
            action = action()  # e.g. move the clock while the request is in flight
        if isinstance(action, Hang):
            action.started.set()
            await action.event.wait()
            return await self._act(action.then, kind, payload, idempotency_key)
        if isinstance(action, StampsError):
            raise action
        if isinstance(action, SubmitResult):  # an answer as a server wrote it
            return action
        match action:
            case "apply":
                return self.server.apply(kind, payload, idempotency_key)
            case "refuse":
                # a server that honours the key answers a known key with its first answer
                replayed = self.server.replay(idempotency_key)
                if replayed is not None:
                    return replayed
                raise ValidationFailed("insufficient stamps", status_code=400, detail="no")
            case "connect":
                raise ConnectionFailed("connection refused")
            case "lost":
                raise ResponseLost("read timeout")
            case "applied_lost":
                self.server.apply(kind, payload, idempotency_key)
                raise ResponseLost("read timeout")
            case "500":
                raise ServerError("server error", status_code=500)
            case "applied_500":
                self.server.apply(kind, payload, idempotency_key)
                raise ServerError("server error", status_code=500)
            case "503":
                raise ServiceUnavailable("unavailable", status_code=503)
            case "applied_503":
                self.server.apply(kind, payload, idempotency_key)
                raise ServiceUnavailable("unavailable", status_code=503)
            case "nameless":  # a 2xx with only ``errors``, or a body naming nothing
                return SubmitResult(raw={"errors": {"__all__": "try again"}})
            case "noted":  # applied, with ``errors`` beside the redemption
                applied = self.server.apply(kind, payload, idempotency_key)
                return replace(applied, errors="Stamps could not be added to the receipt")
            case "creds":
                raise CredentialsRejected("bad token", status_code=401)
            case "boom":
                raise RuntimeError("a bug")
        raise AssertionError(f"unknown action {action!r}")

    async def member_activity(self, user: str, *, since: datetime) -> Sequence[ActivityRecord]:
        """The server's feed for ``user`` since ``since``."""
        self.activity_calls.append((user, since))
        if self.activity_error is not None:
            raise self.activity_error
        return [r for u, r in self.server.feed if u == user and r.created >= since]


def rate_limited(seconds: float) -> RateLimited:
    """A 429 with ``Retry-After: seconds``."""
    return RateLimited("slow down", status_code=429, retry_after=seconds)


class FillingDisk:
    """Writes fail as on a full disk from the moment ``fill`` is called until ``free``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = Database._commit

        def commit(db: Database, group: list[Any]) -> list[Any]:
            if self.full:
                raise disk_full(db.path)
            return real(db, group)

        monkeypatch.setattr(Database, "_commit", commit)

    def fill(self) -> None:
        self.full = True

    def free(self) -> None:
        self.full = False
