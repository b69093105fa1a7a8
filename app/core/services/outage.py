"""The outage the till is in: from going offline until online with nothing provisional left.

The offline caps (architecture §4) count what the till accepted offline in it, so it outlives a
restart: the outbox keeps what a run left, and the next takes it up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.core import clock
from app.core.offline.connectivity import ConnectivityMonitor
from app.core.offline.policy import OutageTotals
from app.core.outbox.outbox import Outbox


@dataclass
class Outage:
    """The current outage: from going offline until online with nothing provisional left."""

    started_at: datetime | None = None
    totals: OutageTotals = field(default_factory=OutageTotals)


class OutageCount:
    """The outage the till is in (:attr:`current`) and what it accepted offline in it."""

    def __init__(self, *, outbox: Outbox, monitor: ConnectivityMonitor) -> None:
        self.outbox = outbox
        self.monitor = monitor
        self.current = Outage()

    def went_offline(self) -> None:
        """The till went offline: an outage begins, unless one is going on."""
        if self.current.started_at is None:
            self.current = Outage(started_at=clock.now())

    def count_offline(self, stamps: int) -> None:
        """A redemption of ``stamps`` accepted offline: it counts against the outage's caps."""
        if self.current.started_at is None:
            self.current = Outage(started_at=clock.now())
        totals = self.current.totals
        self.current.totals = OutageTotals(totals.stamps + stamps, totals.redemptions + 1)

    async def resume(self) -> None:
        """Take up the outage the till's last run left: its caps are this till's, not this
        process's, so a restart within it (or the command line's next command) goes on counting
        what it accepted offline instead of starting from nothing."""
        left = await self.outbox.outage_left()
        if left is not None and self.current.started_at is None:
            started, stamps, redemptions = left
            self.current = Outage(started_at=started, totals=OutageTotals(stamps, redemptions))

    async def end_if_settled(self) -> bool:
        """End the outage when online with nothing it accepted offline still waiting to be sent;
        True if it ended. An ``unknown`` entry waits for its feed or a manager, not for the
        network: the same rule as :meth:`resume`, or a till kept running would count every
        later outage against the caps of the one that left it."""
        if self.current.started_at is None or not self.monitor.online:
            return False
        if await self.outbox.outage_left() is not None:
            return False
        self.current = Outage()
        return True
