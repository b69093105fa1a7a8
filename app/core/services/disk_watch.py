"""The till's one look at its disk, for every screen that must know whether it takes writes.

The cashier's window greys what would redeem while the disk refuses the till's writes, and the
kiosk pauses for its customers. Each asked the disk on its own timer (the window every 5 s, the
kiosk at its 30 s look, at every change of the till and before each lookup), in two copies of
the same two questions. They ask this instead: while writes work, the file system's free space
(``Database.check_room``: no write, microseconds); while the disk refuses, a write tried
(``Database.check_writes``), which is how the space freed is found. One look at a time: whoever
asks while one is under way gets its answer, rather than a second write tried on the same disk.
What each screen does with the answer is its own: it hears it from the till's storage listeners.
"""

from __future__ import annotations

import asyncio

from app.core.storage.problems import StorageProblem
from app.core.storage.writer import Database

#: How often a screen looks while nobody does anything that writes: a disk that something else
#: filled is said within this, before a redemption finds it out.
DISK_LOOK_EVERY_S = 5.0


class DiskWatch:
    """Whether the disk of ``db`` takes the till's writes, asked again on demand."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._looking: asyncio.Future[StorageProblem | None] | None = None

    @property
    def problem(self) -> StorageProblem | None:
        """Why the disk refuses the till's writes, as last found (``None``: it takes them)."""
        return self._db.problem

    async def look(self) -> StorageProblem | None:
        """Ask the disk now, or wait for the look already under way; the problem that stands.
        A problem found or lifted is told to the till's storage listeners, as any is."""
        if self._looking is None or self._looking.done():
            self._looking = asyncio.ensure_future(self._ask())
        # one asker cancelled (a screen closing) does not cancel the others' look
        return await asyncio.shield(self._looking)

    async def _ask(self) -> StorageProblem | None:
        if self._db.problem is None:
            return await self._db.check_room()
        return await self._db.check_writes()
