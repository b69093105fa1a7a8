"""The outbox's settings, as the sync worker receives them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class OutboxPolicy:
    """How the outbox behaves (architecture §3; the settings are in README.md).

    ``idempotency_honoured``: the server is known to honour ``Idempotency-Key`` for
    ``key_window_hours`` after first use, so an ambiguous attempt may be resent under the same key.
    ``lanes``: members served in parallel. The lease outlives any request the client can make:
    2 × (connect + read timeout) + margin. ``idle_recheck``: how often an idle worker looks at the
    database anyway (another process may have enqueued); ``foreign_recheck``: how often while
    another process has a request in flight. ``reconcile_*``: how often an ``unknown``
    entry's member feed is read, and how much earlier than the attempt a feed line may be stamped
    (server clocks and minute-precision times). ``reconnect_spread``: when connectivity returns,
    each entry it wakes is made due at a moment drawn at random within this many seconds (full
    jitter), so a hundred tills coming back from one outage do not all send in the same second;
    one already due within them keeps its time. ``clock_tolerance``: how much earlier than a
    time the till already recorded ``now`` may read before the wall clock is taken to have been
    moved back (two processes' writes may cross by a moment; a step back smaller than this is
    not seen).
    """

    idempotency_honoured: bool = False
    key_window_hours: float = 24.0
    lanes: int = 4
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    lease_margin: float = 30.0
    idle_recheck: float = 30.0
    foreign_recheck: float = 1.0
    reconcile_base: float = 60.0
    reconcile_cap: float = 1800.0
    reconcile_skew: float = 60.0
    reconnect_spread: float = 10.0
    clock_tolerance: float = 60.0

    @property
    def flight_seconds(self) -> float:
        """The longest one attempt can be on its way: the request and a ping, each timed out."""
        return 2 * (self.connect_timeout + self.read_timeout)

    @property
    def lease_seconds(self) -> float:
        """How long a claim is held before another worker may take the entry back."""
        return self.flight_seconds + self.lease_margin

    @property
    def key_window_seconds(self) -> float:
        """The idempotency key's window in seconds."""
        return self.key_window_hours * 3600.0


def clock_went_back(policy: OutboxPolicy, recorded: datetime | None, now: datetime) -> bool:
    """Whether ``now`` reads earlier than ``recorded``, a time the till already wrote, by more
    than ``policy.clock_tolerance``: the wall clock has been moved back since."""
    return recorded is not None and now < recorded - timedelta(seconds=policy.clock_tolerance)


def key_vouches(
    policy: OutboxPolicy,
    first_sent_at: datetime | None,
    sent_at: datetime,
    last_recorded: datetime | None = None,
) -> bool:
    """Whether the server still knew the key when an attempt sent at ``sent_at`` reached it.

    Idempotency must be honoured, and the whole flight of the attempt (at most a lease: the client
    gives up long before) must fall inside the key's window, which opened with its first attempt.
    ``last_recorded`` is the latest time the till wrote of the entry: when ``sent_at`` reads
    earlier than it (or than the first send), the wall clock was moved back since, how long the
    key has been out can no longer be measured, and the key does not vouch.
    """
    if not policy.idempotency_honoured:
        return False
    if first_sent_at is None:
        return True
    if clock_went_back(policy, max(first_sent_at, last_recorded or first_sent_at), sent_at):
        return False
    window_ends = first_sent_at + timedelta(seconds=policy.key_window_seconds)
    return sent_at + timedelta(seconds=policy.lease_seconds) < window_ends
