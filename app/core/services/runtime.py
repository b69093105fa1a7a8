"""Putting a till together from its configuration, and taking it apart again.

The window and the command line both start here, so they run the same till: one database, one
HTTP client, one sync worker and one connectivity monitor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from app.core.credentials import Secret
from app.core.offline.cache import MemberCache
from app.core.offline.connectivity import Connectivity, ConnectivityMonitor
from app.core.outbox.outbox import Outbox
from app.core.outbox.worker import SyncWorker
from app.core.services.config import TillConfig, TokenSource
from app.core.services.stamps_link import ClientTransport
from app.core.services.till import Till
from app.core.stamps.client import StampsClient


@dataclass(frozen=True)
class RuntimeOptions:
    """How this process runs the till: the GUI runs the worker in the background; a one-shot
    command runs it only when it needs to. ``token_source`` re-reads the API token where it is
    kept, so a running till picks up a token another process set."""

    start_worker: bool = True
    probe_interval: float = 5.0
    token_source: TokenSource | None = None
    #: Lift a credentials pause at start when the token works (off when the caller asks itself).
    resume_at_start: bool = True
    #: Seconds a request in flight when the till closes is given to finish. Cut short, it is left
    #: to its lease, and with ``idempotency = unknown`` a lease that runs out makes it ``unknown``.
    close_grace: float = 0.0
    #: Ask the server once at start (:meth:`Line.check_connectivity`), in the background, so a
    #: window's status bar shows what the server proved instead of the start's belief.
    check_at_start: bool = False
    #: Seconds online without a proof before the till checks (a ping, judged as the check at
    #: start judges it); 0: never. The window and the kiosk pass the setting; a one-shot command
    #: proves what its own requests prove, and ``sync``'s loop has no bar for anyone to read.
    heartbeat: float = 0.0
    #: Forget what the till has kept long enough once a day while it runs (``Till.upkeep``):
    #: the window and the kiosk, which run for weeks; a one-shot command purges at its open, and
    #: ``sync`` rounds itself when none was done for a day (``Upkeep.round_if_due``).
    upkeep: bool = False
    #: Wake the worker when another process queues an entry (the window and the kiosk: a
    #: ``stamps-pos cancel`` typed meanwhile); a one-shot command's worker ends before it matters.
    hear_other_processes: bool = False


@asynccontextmanager
async def open_till(
    config: TillConfig, token: Secret, options: RuntimeOptions | None = None
) -> AsyncIterator[Till]:
    """A running till; everything is stopped and closed when the block ends.

    A queue paused for credentials is checked at once
    (:meth:`Line.resume_after_credentials_change`): a token changed while the till was closed
    lifts the pause at start.
    """
    options = options or RuntimeOptions()
    # The storage prepares the data folder (0700), or opens it read-only when it cannot be written.
    outbox = await Outbox.open(config.database_path, config.outbox_policy(), config.retry_policy())
    client = StampsClient(
        base_url=config.base_url,
        token=token.reveal(),
        merchant=config.merchant,
        store=config.store,
        auth=config.auth,
        connect_timeout=config.connect_timeout,
        read_timeout=config.read_timeout,
        channel=config.channel,
        user_agent=config.user_agent,
    )

    async def probe() -> Connectivity | None:
        # The till (built below) answers: a ping it makes, and what a refused token means there.
        return await till.line.probe()

    async def check() -> None:
        await till.line.check_connectivity()

    monitor = ConnectivityMonitor(
        probe,
        probe_interval=options.probe_interval,
        heartbeat=options.heartbeat,
        check=check,
        # a request on its way will prove the state itself (the heartbeat waits for it)
        busy=lambda: client.in_flight > 0,
    )
    client.on_server_date = monitor.note_server_date
    transport = ClientTransport(
        client,
        monitor,
        store_code=config.store_code,
        # a send the server refuses looks for a token another process set (architecture §3)
        take_up_token=lambda: till.line.take_up_token(),
    )
    worker = SyncWorker(outbox, transport, name=config.terminal)
    till = Till(
        config=config,
        client=client,
        outbox=outbox,
        worker=worker,
        monitor=monitor,
        cache=MemberCache(outbox.db),
        token_source=options.token_source,
    )
    try:
        await till.cache.purge(timedelta(days=config.cache_retention_days))
        await till.outages.resume()
        if options.resume_at_start:
            await till.line.resume_after_credentials_change()
        monitor.start()
        if options.check_at_start:
            till.line.check_connectivity_soon()
        if options.start_worker and options.hear_other_processes:
            till.start_sync()
        elif options.start_worker:
            worker.start()
        if options.upkeep:
            till.upkeep.start()
        yield till
    finally:
        await till.upkeep.stop()
        await till.changes.stop()
        await worker.stop(grace=options.close_grace)
        await monitor.stop()
        await till.close()
        await till.cache.close()
        await client.aclose()
        await outbox.close()
