"""Putting a till together from its settings, and taking it apart again.

The window and the command line both start here, so they run the same till: one database, one
HTTP client, one sync worker and one connectivity monitor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from app.config import Settings
from app.core.credentials import Secret
from app.core.offline.cache import MemberCache
from app.core.offline.connectivity import ConnectivityMonitor
from app.core.offline.policy import OfflineLimits
from app.core.outbox.outbox import Outbox
from app.core.outbox.policy import OutboxPolicy
from app.core.outbox.retry import RetryPolicy
from app.core.outbox.worker import SyncWorker
from app.core.services.till import Till, TillIdentity
from app.core.services.transport import ClientTransport
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import StampsError


@dataclass(frozen=True)
class RuntimeOptions:
    """How this process runs the till: the GUI runs the worker in the background; a one-shot
    command runs it only when it needs to."""

    kiosk: bool = False
    start_worker: bool = True
    probe_interval: float = 5.0


def offline_limits(settings: Settings) -> OfflineLimits:
    """The offline policy's part of the settings."""
    return OfflineLimits(
        member_max_age=timedelta(hours=settings.offline_member_max_age_hours),
        max_stamps_per_redemption=settings.offline_max_stamps_per_redemption,
        max_stamps_per_outage=settings.offline_max_stamps_per_outage,
        max_redemptions_per_outage=settings.offline_max_redemptions_per_outage,
        max_voucher_value=settings.offline_max_voucher_value,
        allow_codes=settings.offline_allow_codes,
    )


def outbox_policy(settings: Settings) -> OutboxPolicy:
    """The outbox's part of the settings.

    A lease must outlive everything one send can do. With a static token that is the request and,
    on a 401/403, a ping: two round trips. With a JWT it can be five (fetch the JWT, the request,
    refresh, the request again, ping), so the lease grows by three more round trips.
    """
    round_trip = settings.connect_timeout + settings.read_timeout
    extra = 3 * round_trip if settings.auth == "bearer" else 0.0
    return OutboxPolicy(
        idempotency_honoured=settings.idempotency == "honoured",
        key_window_hours=settings.key_window_hours,
        lanes=settings.lanes,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        lease_margin=settings.lease_margin + extra,
    )


def retry_policy(settings: Settings) -> RetryPolicy:
    """The backoff's part of the settings: how long a server's ``Retry-After`` is honoured."""
    return RetryPolicy(retry_after_cap=settings.retry_after_cap)


@asynccontextmanager
async def open_till(
    settings: Settings, token: Secret, options: RuntimeOptions | None = None
) -> AsyncIterator[Till]:
    """A running till; everything is stopped and closed when the block ends."""
    options = options or RuntimeOptions()
    # The storage prepares the data folder (0700), or opens it read-only when it cannot be written.
    outbox = await Outbox.open(
        settings.database_path, outbox_policy(settings), retry_policy(settings)
    )
    client = StampsClient(
        base_url=settings.base_url,
        token=token.reveal(),
        merchant=settings.merchant,
        store=settings.store,
        auth=settings.auth,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        channel=settings.effective_channel(kiosk=options.kiosk),
    )

    async def probe() -> bool:
        try:
            await client.ping()
        except StampsError:
            return False
        return True

    monitor = ConnectivityMonitor(probe, probe_interval=options.probe_interval)
    client.on_server_date = monitor.note_server_date
    transport = ClientTransport(client, monitor, store_code=settings.store_code)
    worker = SyncWorker(outbox, transport, name=settings.terminal)
    till = Till(
        identity=TillIdentity(
            merchant=settings.merchant,
            store=settings.store,
            terminal=settings.terminal,
            channel=settings.effective_channel(kiosk=options.kiosk),
            pin_timeout=settings.pin_timeout,
        ),
        client=client,
        outbox=outbox,
        worker=worker,
        monitor=monitor,
        cache=MemberCache(outbox.db),
        limits=offline_limits(settings),
    )
    await till.cache.purge(timedelta(days=settings.cache_retention_days))
    try:
        monitor.start()
        if options.start_worker:
            worker.start()
        yield till
    finally:
        await till.changes.stop()
        await worker.stop()
        await monitor.stop()
        await till.cache.close()
        await client.aclose()
        await outbox.close()
