"""What the till forgets once it has kept it long enough: the members its cache has not seen for
``cache_retention_days``, and the slips' PDFs as old (they hold the member's name); the outbox's
settled entries, the audit log's lines and the refusals older than ``outbox_retention_days``, and
an entry's attempts past its first and last few that never arrived, folded into a count
(:mod:`app.core.outbox.retention` says what is never forgotten).

The cache is purged when a till opens (:func:`~app.core.services.runtime.open_till`). A till left
running for weeks never opened again, and so never purged: a member not seen since the spring
stayed in its cache, and every slip printed since stayed on its disk. :class:`Upkeep` runs in
the background of a till that keeps running (the window, the kiosk): the slips and the outbox at
once (off the open's path, which the window waits for), then all of it once a day, on the core's
clock. The files
are read and removed on a thread, never on the event loop the window shares; the outbox's rows on
the writer thread, a batch a transaction, so a redemption waits for one batch at most.

A store that runs only the command line (cron's ``stamps-pos sync --once`` every few minutes)
never kept a till running, and so never forgot anything. Every whole round leaves a note in the
data folder (:data:`NOTE`, when it ran by the core's clock), so ``sync`` runs one
(:meth:`Upkeep.round_if_due`) only when none was done for a day, by any process on that folder.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.core import clock
from app.core.offline.cache import MemberCache
from app.core.outbox.retention import (
    BATCH,
    Forgotten,
    first_other_failures,
    fold_attempts,
    forget_settled,
    long_tried,
)
from app.core.storage.problems import StorageProblem
from app.core.storage.writer import Database

log = logging.getLogger(__name__)

#: The data folder's folder of slips printed to PDF (a till without a printer).
SLIPS_FOLDER = "slips"
#: How often a running till forgets what it has kept long enough.
EVERY = timedelta(days=1)
#: Entries whose attempts one fold reads (an ``IN`` list: SQLite takes up to 32,766).
ENTRIES_A_BATCH = 100
#: The data folder's note of the last whole round: when it ran, by the core's clock.
NOTE = "upkeep-done"


def last_round(data_dir: Path) -> datetime | None:
    """When the last whole round on ``data_dir`` ran (``None``: none noted, or a note this till
    did not write: a round is due)."""
    try:
        text = (data_dir / NOTE).read_text(encoding="utf-8")[:64]
        at = datetime.fromisoformat(text.strip())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.info("the note of the last upkeep round could not be read (%s): one is due", exc)
        return None
    return at if at.tzinfo is not None else None


def note_round(data_dir: Path, at: datetime) -> None:
    """Note that a whole round ran at ``at``. A note that cannot be written (a full or read-only
    disk) only means the next run does the round again."""
    try:
        (data_dir / NOTE).write_text(at.isoformat(), encoding="utf-8")
    except OSError as exc:
        log.info("the upkeep round could not be noted (%s): the next run does it again", exc)


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


async def fold_all_attempts(db: Database, batch: int = BATCH) -> int:
    """Fold every attempt :func:`~app.core.outbox.retention.fold_attempts` would, ``batch`` a
    write transaction; how many. Which entries have any is read first, on a reader, and so
    are the attempts each hundred of them keeps whatever their place."""
    folded = 0
    entries = await db.read(long_tried)
    for start in range(0, len(entries), ENTRIES_A_BATCH):
        entry_ids = entries[start : start + ENTRIES_A_BATCH]
        kept = await db.read(functools.partial(first_other_failures, entry_ids=entry_ids))
        fold = functools.partial(fold_attempts, entry_ids=entry_ids, batch=batch, kept=kept)
        while True:
            done = await db.write(fold)
            folded += done
            if done < batch:
                break
    return folded


async def forget_all_settled(db: Database, keep: timedelta, batch: int = BATCH) -> Forgotten:
    """Forget every settled row older than ``keep`` (by the core's clock), ``batch`` of each a
    write transaction; how many of each."""
    before = clock.now() - keep
    gone = Forgotten()
    while True:
        done = await db.write(lambda session: forget_settled(session, before, batch))
        gone += done
        if done.total == 0:
            return gone


class Upkeep:
    """Forgets, while the till runs, what it has kept for ``retention`` (the cache's members,
    the slips) and, given the outbox's database, what it has kept for ``keep`` (the outbox's
    settled rows): :meth:`start` it with the till, :meth:`stop` it before the cache closes.
    ``rounds`` counts the rounds done."""

    def __init__(
        self,
        cache: MemberCache,
        data_dir: Path,
        retention: timedelta,
        *,
        db: Database | None = None,
        keep: timedelta | None = None,
        clock_checked: Callable[[], bool] | None = None,
        check_clock: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.cache = cache
        self.slips = data_dir / SLIPS_FOLDER
        self.retention = retention
        self.db = db
        self.keep = keep
        # Whether the till's clock agrees with the server's now: the retention's cutoff is read
        # on it, and a clock set a year ahead would forget last month's redemptions.
        self.clock_checked = clock_checked or (lambda: True)
        # How :meth:`round_if_due` gets the clock checked when nothing has yet (a ping): a
        # ``sync --once`` with nothing to send has asked the server nothing.
        self.check_clock = check_clock
        self.data_dir = data_dir
        self.rounds = 0
        self._task: asyncio.Task[None] | None = None
        self._done = asyncio.Event()

    def start(self, *, when_due: bool = False) -> None:
        """The slips and the outbox now, then all of it once every :data:`EVERY`; ``when_due``:
        all of it now only if no round was done whole for a day (:meth:`round_if_due`)."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(when_due), name="upkeep")

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

    def due(self) -> bool:
        """Whether no round was done whole on this data folder for :data:`EVERY` (a note dated
        after now, of a clock moved back, vouches for nothing)."""
        last = last_round(self.data_dir)
        return last is None or not last <= clock.now() < last + EVERY

    async def round_if_due(self) -> bool:
        """One round (:meth:`tidy`) when one is :meth:`due`; whether one ran. The clock is
        checked against the server's first when nothing has checked it yet: the settled rows
        are forgotten only on a checked clock."""
        if not self.due():
            return False
        if self.check_clock is not None and not self.clock_checked():
            await self.check_clock()
        await self.tidy()
        return True

    async def tidy(self) -> None:
        """One round: the members not seen for the retention, then the slips as old, then the
        outbox; noted (:data:`NOTE`) when nothing was left for the next. A disk that refuses the
        purge (full, read-only) is said in the log; the next round tries it again."""
        started = clock.now()
        try:
            forgotten = await self.cache.purge(self.retention)
        except StorageProblem as problem:
            log.warning("the cache's old members were not forgotten: %s", problem)
            whole = False
        else:
            whole = True
            if forgotten:
                log.info("forgot %d members not seen for %s", forgotten, self.retention)
        await self._forget_slips()
        if await self._forget_outbox() and whole:
            note_round(self.data_dir, started)

    async def _forget_outbox(self, *, just_opened: bool = False) -> bool:
        """The outbox's part of a round; whether it was done whole (the settled rows forgotten
        too, not left for a clock not yet checked). ``just_opened``: the round right after the
        open, when the server has seldom answered yet: that the rows wait is no warning then
        (it was one at every start of every window, milliseconds before the server answered)."""
        if self.db is None:
            return True
        forget = self.keep is not None and self.clock_checked()
        if self.keep is not None and not forget:
            log.log(
                logging.INFO if just_opened else logging.WARNING,
                "the outbox's settled rows were not forgotten: the till's clock is not known to "
                "agree with the server's; the next round tries again",
            )
        try:
            folded = await fold_all_attempts(self.db)  # (counts only: no clock in it)
            gone = (
                await forget_all_settled(self.db, self.keep)
                if forget and self.keep is not None
                else Forgotten()
            )
        except StorageProblem as problem:
            log.warning("the outbox's old rows were not forgotten: %s", problem)
            return False
        if folded:
            log.info("folded %d attempts that never arrived into their entries' counts", folded)
        if gone.total:
            log.info(
                "forgot %d settled entries, %d audit lines, %d refusals and %d shifts older "
                "than %s",
                gone.entries,
                gone.audit_lines,
                gone.refusals,
                gone.shifts,
                self.keep,
            )
        return forget or self.keep is None

    async def _forget_slips(self) -> None:
        gone = await asyncio.to_thread(forget_old_slips, self.slips, self.retention)
        if gone:
            log.info("removed %d slips older than %s", gone, self.retention)

    async def _run(self, when_due: bool) -> None:
        # the open purged the cache already; the slips were the window's, after its start, and
        # a till upgraded with years of rows starts on them at once, a batch at a time (the
        # settled rows once the server has confirmed the clock: seldom yet, just opened). A
        # ``sync`` that cron starts every hour rounds once a day, not at each start.
        await self._round(self._when_due() if when_due else self._first_round())
        while True:
            await clock.sleep(EVERY.total_seconds())
            await self._round(self.tidy())

    async def _first_round(self) -> None:
        await self._forget_slips()
        if await self._forget_outbox(just_opened=True):
            note_round(self.data_dir, clock.now())

    async def _when_due(self) -> None:
        await self.round_if_due()

    async def _round(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the till's upkeep round failed; it runs again tomorrow")
        self.rounds += 1
        self._done.set()
