"""What the till forgets once it has kept it long enough: the members its cache has not seen for
``cache_retention_days``, and the slips' PDFs as old (they hold the member's name).

The cache is purged when a till opens (:func:`~app.core.services.runtime.open_till`). A till left
running for weeks never opened again, and so never purged: a member not seen since the spring
stayed in its cache, and every slip printed since stayed on its disk. :class:`Upkeep` runs in
the background of a till that keeps running (the window, the kiosk): the slips at once (off the
open's path, which the window waits for), then both once a day, on the core's clock. The files
are read and removed on a thread, never on the event loop the window shares.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Coroutine
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.core import clock
from app.core.offline.cache import MemberCache
from app.core.storage.problems import StorageProblem

log = logging.getLogger(__name__)

#: The data folder's folder of slips printed to PDF (a till without a printer).
SLIPS_FOLDER = "slips"
#: How often a running till forgets what it has kept long enough.
EVERY = timedelta(days=1)


def forget_old_slips(folder: Path, older_than: timedelta) -> int:
    """Delete the slips' PDFs in ``folder`` written more than ``older_than`` ago (by the core's
    clock); how many.

    A till without a printer writes a PDF for every slip (about 33 KB, with the member's name):
    kept for good, they grew by some 10 MB a busy day and held members' names long after the
    cache forgot them. A file it cannot remove is left for the next round, with a line in the
    log."""
    cutoff = clock.now().timestamp() - older_than.total_seconds()
    gone = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0  # no slip printed to a file yet
    except OSError as exc:
        log.warning("could not read the slips folder %s: %s", folder, exc.strerror)
        return 0
    for entry in entries:
        if not entry.name.endswith(".pdf"):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                gone += 1
        except OSError as exc:
            log.warning("could not remove the old slip %s: %s", entry.path, exc.strerror)
    return gone


class Upkeep:
    """Forgets, while the till runs, what it has kept for ``retention``: :meth:`start` it with
    the till, :meth:`stop` it before the cache closes. ``rounds`` counts the rounds done."""

    def __init__(self, cache: MemberCache, data_dir: Path, retention: timedelta) -> None:
        self.cache = cache
        self.slips = data_dir / SLIPS_FOLDER
        self.retention = retention
        self.rounds = 0
        self._task: asyncio.Task[None] | None = None
        self._done = asyncio.Event()

    def start(self) -> None:
        """The slips now, then the cache and the slips once every :data:`EVERY`."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="upkeep")

    async def stop(self) -> None:
        """Stop the rounds (a round half-way is cancelled: it is done again next time)."""
        if self._task is not None:
            await clock.cancel_and_wait(self._task)
            self._task = None

    async def until_rounds(self, rounds: int) -> None:
        """Return once ``rounds`` rounds are done (tests moving a manual clock wait for this)."""
        while self.rounds < rounds:
            self._done.clear()
            await self._done.wait()

    async def tidy(self) -> None:
        """One round: the members not seen for the retention, then the slips as old. A disk
        that refuses the purge (full, read-only) is said in the log; the next round tries it
        again."""
        try:
            forgotten = await self.cache.purge(self.retention)
        except StorageProblem as problem:
            log.warning("the cache's old members were not forgotten: %s", problem)
        else:
            if forgotten:
                log.info("forgot %d members not seen for %s", forgotten, self.retention)
        await self._forget_slips()

    async def _forget_slips(self) -> None:
        gone = await asyncio.to_thread(forget_old_slips, self.slips, self.retention)
        if gone:
            log.info("removed %d slips older than %s", gone, self.retention)

    async def _run(self) -> None:
        # the open purged the cache already; the slips were the window's, after its start
        await self._round(self._forget_slips())
        while True:
            await clock.sleep(EVERY.total_seconds())
            await self._round(self.tidy())

    async def _round(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the till's upkeep round failed; it runs again tomorrow")
        self.rounds += 1
        self._done.set()
