"""What a till needs to know to run, as plain values: the core's side of the settings.

The settings file and the environment are read outside the core (``app.config``), which builds a
:class:`TillConfig`; the core never reads them itself, so a test, a script or the window can
hand it any configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.credentials import Secret
from app.core.domain import Channel
from app.core.offline.policy import OfflineLimits

if TYPE_CHECKING:
    from app.core.outbox.policy import OutboxPolicy
    from app.core.outbox.retry import RetryPolicy

DATABASE_NAME = "stamps-pos.db"

#: Reads the API token from where it is kept (another process may change it); ``None``: none.
TokenSource = Callable[[], Secret | None]


@dataclass(frozen=True)
class TillConfig:
    """One till: where it stands, how it talks to the server, and its offline limits.

    ``idempotency_honoured``: the server honours ``Idempotency-Key`` for ``key_window_hours``
    (architecture §3). ``lease_margin`` is added to two round trips for how long a claimed entry is
    held. ``store_code`` names this store in activity feeds (needed to reconcile).
    ``lookup_timeout``: seconds a member lookup (and the reading of their rewards and vouchers)
    waits for the server before the cache answers; a typed code's check waits as long.
    ``retry_after_cap``: the longest, in seconds, a server's ``Retry-After`` is honoured.
    ``heartbeat``: seconds online without a proof before a window's or kiosk's till checks the
    server (0: never; :attr:`RuntimeOptions.heartbeat` is what a till runs with).
    ``kiosk_send_window``: seconds a kiosk's redemption may still be sent after it was queued
    (docs/kiosk.md).
    """

    base_url: str
    merchant: int
    store: int
    terminal: str
    data_dir: Path
    auth: str = "token"
    channel: Channel = Channel.POS
    store_code: str | None = None
    idempotency_honoured: bool = False
    key_window_hours: float = 24.0
    lanes: int = 4
    connect_timeout: float = 3.0
    read_timeout: float = 10.0
    lookup_timeout: float = 3.0
    pin_timeout: int = 900
    heartbeat: float = 30.0
    lease_margin: float = 30.0
    limits: OfflineLimits = field(default_factory=OfflineLimits)
    cache_retention_days: int = 90
    outbox_retention_days: int = 400
    user_agent: str = "stamps-pos"
    retry_after_cap: float = 3600.0
    # Two minutes: the kiosk waits one request's timeouts for an answer and shows the result for
    # thirty seconds; by two minutes its customer has walked to the counter, where the cashier may
    # redeem the same reward for them, so the kiosk's entry must be settled by then. Inside it,
    # the backoff (1 s doubling) gives a passing failure about six tries.
    kiosk_send_window: float = 120.0

    @property
    def database_path(self) -> Path:
        """The till's database inside the data folder."""
        return self.data_dir / DATABASE_NAME

    @property
    def default_wait(self) -> float:
        """How long a cashier waits for a redemption's first answer: one request's timeouts and
        a second to record it. Past that, the screen says what is known and keeps following."""
        return self.connect_timeout + self.read_timeout + 1.0

    def outbox_policy(self) -> OutboxPolicy:
        """The outbox's part of the configuration.

        A lease must outlive everything one send can do. With a static token that is the request
        and, on a 401/403, a ping: two round trips. With a JWT it can be five (fetch the JWT, the
        request, refresh, the request again, ping), so the lease grows by three more round trips.
        """
        # Imported here: the settings build a TillConfig before the window paints, and the
        # outbox package brings SQLAlchemy with it.
        from app.core.outbox.policy import OutboxPolicy

        round_trip = self.connect_timeout + self.read_timeout
        extra = 3 * round_trip if self.auth == "bearer" else 0.0
        return OutboxPolicy(
            idempotency_honoured=self.idempotency_honoured,
            key_window_hours=self.key_window_hours,
            lanes=self.lanes,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            lease_margin=self.lease_margin + extra,
        )

    def retry_policy(self) -> RetryPolicy:
        """The backoff's part of the configuration: how long a server's ``Retry-After`` counts."""
        from app.core.outbox.retry import RetryPolicy  # imported here, as in outbox_policy()

        return RetryPolicy(retry_after_cap=self.retry_after_cap)
