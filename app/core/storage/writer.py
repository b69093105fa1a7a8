"""The database as the event loop sees it: writes on one thread, reads on their own connections.

Every write is one ``BEGIN IMMEDIATE`` transaction run on a single writer thread and awaited, so
the loop never waits on an fsync and writes inside this process never contend. Reads run on a small
pool of reader threads with their own connections; under WAL they see the last commit and never
block the writer.

A write that the disk refuses (full, read-only, failing, damaged) raises a
:class:`~app.core.storage.problems.StorageProblem` and is rolled back whole: nothing is reported
saved that is not on disk. The database remembers the last such problem (:attr:`Database.problem`)
until a write succeeds again, and tells its listeners both times, so the window can block the
till while the disk is full and let it go when space returns.

Writes that queue up while the writer is busy share one transaction and one commit (a group
commit): a drain's answers arrive in bursts, and each commit is an fsync. Each write still runs
whole or not at all: if any write of a group raises, the group is rolled back and every write in
it runs again alone, so each caller sees exactly what it would have seen by itself.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.pool import PoolProxiedConnection
from sqlmodel import Session

from app.core import clock
from app.core.storage import closed_whole
from app.core.storage.engine import create_engine, prepare_private_file
from app.core.storage.log_watch import LogWatch
from app.core.storage.migrate import prepare_database
from app.core.storage.problems import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseLogLost,
    StorageFailed,
    StorageFull,
    StorageProblem,
    cannot_use,
    disk_full,
    folder_read_only,
    free_bytes,
    problem_from,
)
from app.core.storage.tables import CHECKS

T = TypeVar("T")

log = logging.getLogger(__name__)

READERS = 2
#: The most writes one transaction carries: a drain's burst of answers fits, and nobody waits long
#: behind the rest of a group.
GROUP_LIMIT = 32
#: How much a write check writes: more than a page or two, as an entry with its attempt takes.
CHECK_BYTES = 64 * 1024
#: How many times what the till holds is copied into its database file when the disk refused the
#: copy (full, failing): the first, then one a look at the disk (every 5 s), about 5 minutes.
#: Until one succeeds the data is only in the window's open files, so a disk freed in that time
#: saves it; after that, the banner's "keep this window open and call support" stands.
RESCUE_TRIES = 60

ProblemListener = Callable[[StorageProblem | None], None]


class _LogGone(Exception):
    """Raised on the writer thread, inside a transaction, when the log it would commit into is
    no longer the file in the folder: the transaction is rolled back, nothing committed."""

    def __init__(self, log: str) -> None:
        super().__init__(log)
        self.log = log


@dataclass(frozen=True)
class _Write:
    """One write waiting for the writer thread: ``fn`` takes a Session, or the SQLite connection
    itself when ``raw``; ``future`` gets its result once it is committed."""

    fn: Callable[[Any], Any]
    raw: bool
    future: Future[Any]


def _prepared(path: Path) -> tuple[StorageProblem | None, float]:
    """The database at ``path`` made ready (:func:`prepare_database`): why it can only be read
    (``None``: it can be written), and when its pages were last checked (now, unless a clean
    close since vouches for them)."""
    vouched = closed_whole.vouched(path)
    checked_at = clock.now().timestamp()
    refusal = prepare_database(path, pages=vouched is None)
    if refusal is not None:  # checked whole all the same, and the folder left as it was
        return refusal, checked_at
    closed_whole.forget(path)
    closed_whole.remove_left_writes(path)
    return None, checked_at if vouched is None else vouched


class Database:
    """One SQLite file, opened for the till: a writer thread and reader connections.

    Build it with :meth:`open`, which checks and migrates first; close it with :meth:`close`.
    ``read_only`` (a folder that cannot be written) keeps reads working and refuses every write
    with :class:`~app.core.storage.problems.StorageReadOnly`, or with ``refusal`` when that says
    why (a disk too full to open the database for writing).
    """

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        checked_at: float | None = None,
        refusal: StorageProblem | None = None,
    ) -> None:
        self.path = path
        read_only = read_only or refusal is not None
        self.read_only = read_only
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        #: Writes not yet taken by the writer thread, oldest first (one ``_commit_waiting`` call is
        #: queued on the writer per write, so each is taken by its own call or an earlier one).
        self._waiting: collections.deque[_Write] = collections.deque()
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="db-reader")
        self._write_engine = None if read_only else create_engine(path, immediate=True, pool_size=1)
        self._read_engine = create_engine(
            path, immediate=False, pool_size=READERS, read_only=read_only
        )
        #: The writer's connection between raw writes, kept out of its pool by the writer thread:
        #: a checkout and a return (with the pool's rollback) cost about 10 µs a write.
        self._held: PoolProxiedConnection | None = None
        self._closed = False
        self._listeners: list[ProblemListener] = []
        #: The disk's refusal of the last write, until a write succeeds again.
        self.problem: StorageProblem | None = (
            (refusal or folder_read_only(path)) if read_only else None
        )
        #: When the file's pages were last checked, if this process may vouch for them at its
        #: close (:mod:`app.core.storage.closed_whole`); ``None`` once anything read as damage.
        self._checked_at = checked_at
        #: The log files SQLite writes through, held from the first commit to tell whether
        #: another program deleted them (:mod:`app.core.storage.log_watch`).
        self._log = LogWatch(path)
        #: Once they were found deleted: what every write is refused with from then on.
        self._log_lost_problem: DatabaseLogLost | None = None
        #: The file found deleted (the log, or the database file itself), and how many times
        #: what the till holds was copied into a database file for it.
        self._lost: str | None = None
        self._rescue_tries = 0
        #: Commits that changed a row (the writer thread counts), and their count when the last
        #: problem was noted: a commit that changed nothing wrote nothing to the disk.
        self._commits_that_wrote = 0
        self._wrote_before_problem = 0

    @classmethod
    async def open(cls, path: Path, *, run_migrations: bool = True) -> Database:
        """Open the database at ``path``: checked and migrated first (on a thread, not the
        loop), or read-only when its folder cannot be written.

        Raises :class:`~app.core.storage.problems.DatabaseDamaged` for a damaged file and
        another :class:`~app.core.storage.problems.StorageProblem` for a disk that refuses.
        """
        if not run_migrations:
            return cls(path)
        loop = asyncio.get_running_loop()
        refusal, checked_at = await loop.run_in_executor(None, _prepared, path)
        return cls(path, checked_at=checked_at, refusal=refusal)

    @property
    def write_engine(self) -> sa.Engine:
        """The writer's engine (tests and migrations; application code uses :meth:`write`)."""
        if self._write_engine is None:
            raise self._cannot_write()
        return self._write_engine

    def add_problem_listener(self, listener: ProblemListener) -> None:
        """Call ``listener`` (on the loop) with the problem when a write is refused, and with
        ``None`` when a write succeeds after one was."""
        self._listeners.append(listener)

    def remove_problem_listener(self, listener: ProblemListener) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    async def check_writes(self) -> StorageProblem | None:
        """Whether the disk takes writes now, after it refused one: a row of
        :data:`CHECK_BYTES` is written, committed and removed again, so a disk with a few bytes
        to spare does not pass for one with room. Returns the problem that remains, or ``None``
        (listeners hear of the change either way). A database opened read-only because its
        folder could not be written is opened for writing once the folder can be."""
        if self._closed:
            raise RuntimeError("the database is closed")
        if isinstance(self.problem, DatabaseLogLost):
            await self._rescue_again()
            return self.problem
        if await self._log_lost():
            return self.problem
        if self._write_engine is None:
            loop = asyncio.get_running_loop()
            try:
                # its pages were checked at its open: a disk full for an hour is tried 720
                # times, and a year's file costs seconds a check
                refusal = await loop.run_in_executor(
                    None, functools.partial(prepare_database, self.path, pages=False)
                )
            except StorageProblem as problem:
                refusal = problem
            if refusal is not None:
                self._note(refusal)
                return refusal
            # from now on the file changes: its last clean close no longer vouches for it, and a
            # crash from here must not find that note at the next start
            await loop.run_in_executor(None, closed_whole.forget, self.path)
            self._write_engine = create_engine(self.path, immediate=True, pool_size=1)
            self._reopen_readers()
            self.read_only = False
        filler = bytes(CHECK_BYTES)
        try:
            await self.write(lambda s: s.execute(sa.delete(CHECKS)))
            await self.write(lambda s: s.execute(sa.insert(CHECKS).values(filler=filler)))
            await self.write(lambda s: s.execute(sa.delete(CHECKS)))
        except StorageProblem as problem:
            return problem
        return self.problem  # a full disk with no room yet stays full (_saved)

    async def check_room(self) -> StorageProblem | None:
        """Whether the disk has room, asked of the file system alone (no write): one with less
        than :data:`CHECK_BYTES` free is taken for full before a write finds out, so the window
        says so before a cashier promises a reward, as it lifts the banner only once there is
        that much (:meth:`_saved`). The problem that stands, or ``None``. The file system is
        asked on a thread: microseconds on a local disk, but a hung network mount would stop
        the event loop, and the window with it."""
        if self._closed:
            raise RuntimeError("the database is closed")
        if self.problem is None and await self._log_lost():
            return self.problem
        if self.problem is None:
            free = await asyncio.to_thread(free_bytes, self.path.parent)
            if self.problem is None and free is not None and free < CHECK_BYTES:
                self._note(disk_full(self.path))
        return self.problem

    async def _log_lost(self) -> bool:
        """Whether another program deleted the log this process writes through, found between
        writes (the window's look at its disk); :meth:`_lose_log` says what follows."""
        lost = self._log.lost()
        if lost is None:
            return False
        self._note(await asyncio.wrap_future(self._writer.submit(self._lose_log, lost)))
        return True

    def _lose_log(self, lost: str) -> DatabaseLogLost:
        """The log ``lost`` was deleted (on the writer thread, once): what it holds is copied
        into the database file (a checkpoint through the handles SQLite still has), and every
        write is refused from then on: the next would again go where no other program, nor
        this one after a crash, can read it."""
        if self._log_lost_problem is not None:
            return self._log_lost_problem
        # ``lost`` is the log or the database file itself: the line names whichever it was
        log.error("%s, of the till's database, was deleted or moved while the till ran", lost)
        # its close must not vouch for the file: the next start reads every page
        self._checked_at = None
        self._lost = lost
        self._log_lost_problem = DatabaseLogLost(self.path, lost, rescued=self._rescue(lost))
        return self._log_lost_problem

    def _rescue(self, lost: str) -> bool:
        """Copy what the till holds where the next start reads it (on the writer thread): the
        log into the file, and the file back under its name if ``lost`` is the file itself."""
        self._rescue_tries += 1
        rescued = self._checkpoint()
        if lost == str(self.path):
            rescued = rescued and self._copy_back()
        return rescued

    def _rescue_on_writer(self) -> DatabaseLogLost | None:
        """Try once more the copy the disk refused (on the writer thread); the problem that
        stands now if it went, else ``None``."""
        lost = self._lost
        if (
            lost is None
            or self._log_lost_problem is None
            or self._log_lost_problem.rescued
            or self._rescue_tries >= RESCUE_TRIES
        ):
            return None
        if not self._rescue(lost):
            if self._rescue_tries >= RESCUE_TRIES:
                log.error(
                    "what the till saved could not be copied into %s in %d tries; not tried "
                    "again: keep the window open",
                    self.path,
                    self._rescue_tries,
                )
            return None
        log.warning(
            "what the till saved was copied into %s at try %d", self.path, self._rescue_tries
        )
        self._log_lost_problem = DatabaseLogLost(self.path, lost, rescued=True)
        return self._log_lost_problem

    async def _rescue_again(self) -> None:
        """The look at the disk, with its log or file deleted and the copy refused: tried again,
        and the banner told when it went (from "call support" to "open the till again")."""
        if not isinstance(self.problem, DatabaseLogLost) or self.problem.rescued:
            return
        rescued = await asyncio.wrap_future(self._writer.submit(self._rescue_on_writer))
        if rescued is not None:
            self.problem = rescued  # (the same type: _note would not tell the listeners)
            for listener in list(self._listeners):
                listener(rescued)

    def _log_still_there(self) -> None:
        """Before a commit (on the writer thread, inside its transaction): the log it goes into
        and the database file must still have a name, or the commit would be acknowledged into
        a file that a crash loses (or, the file deleted, that no copy taken before it holds).
        The window's look at its disk comes every 5 s; this costs two ``statx``."""
        lost = self._log.unlinked()
        if lost is not None:
            raise _LogGone(lost)

    def _checkpoint(self) -> bool:
        """Copy the whole log into the database file (on the writer thread); whether it all
        went (no reader held a part of it back, and the disk took it)."""
        pooled, self._held = self._held or self.write_engine.raw_connection(), None
        connection: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
        try:
            row = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as exc:
            log.error("the log could not be copied into the database: %s", exc)
            return False
        finally:
            self._held = pooled
        return row is not None and row[0] == 0

    def _copy_back(self) -> bool:
        """The database file was deleted or moved: a copy of it as this process still reads it
        put back under its name (on the writer thread, after a checkpoint emptied the log),
        where the next start finds it; whether it went. Without it, the next start made a new,
        empty database there, and SQLite deleted the log beside it: every entry the till held
        was gone, the ones not yet sent among them. Not over another file that took the name."""
        if self.path.exists():
            log.error(
                "%s is another file now: what the till saved is not copied over it", self.path
            )
            self._rescue_tries = RESCUE_TRIES  # nor tried again: it stays another's
            return False
        pooled, self._held = self._held or self.write_engine.raw_connection(), None
        connection: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
        made: tuple[int, int] | None = None
        try:
            prepare_private_file(self.path)  # (0600 before SQLite writes it, its folder too)
            mine = os.stat(self.path)
            made = (mine.st_dev, mine.st_ino)
            connection.execute("VACUUM INTO ?", (str(self.path),))
        except (OSError, sqlite3.Error) as exc:
            log.error("the database could not be copied back to %s: %s", self.path, exc)
            self._remove_part_copy(made)
            return False
        finally:
            self._held = pooled
        return True

    def _remove_part_copy(self, made: tuple[int, int] | None) -> None:
        """Remove the part of a copy a full disk cut short, so the next try finds the name free
        (left, it was taken for another program's file and never tried again); only the file
        this process made, not one another put there since."""
        if made is None:
            return
        with contextlib.suppress(OSError):
            there = os.stat(self.path)
            if (there.st_dev, there.st_ino) == made:
                self.path.unlink()

    def _reopen_readers(self) -> None:
        """Readers that read the file as it is now and will be: opened read-only, they read it
        as it stood (``immutable``) and missed every write made after the disk came back."""
        stale, self._read_engine = (
            self._read_engine,
            create_engine(self.path, immediate=False, pool_size=READERS),
        )
        stale.dispose()  # (a reader's connection still out is closed when it comes back)

    def _cannot_write(self) -> StorageProblem:
        """Why a database opened only for reading refuses a write."""
        return self.problem or folder_read_only(self.path)

    def _note(self, problem: StorageProblem | None) -> None:
        if problem is not None:
            self._wrote_before_problem = self._commits_that_wrote
        unchanged = type(problem) is type(self.problem)
        self.problem = problem
        if unchanged:  # still full (or still fine): said once
            return
        for listener in list(self._listeners):
            listener(problem)

    async def write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one write transaction on the writer thread; committed when this returns.

        If ``fn`` raises, the transaction is rolled back and the exception re-raised here; a disk
        that refuses raises a :class:`~app.core.storage.problems.StorageProblem`.
        """
        return await self._write(fn, raw=False)

    async def write_raw(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """As :meth:`write`, but ``fn`` gets the writer's SQLite connection inside the
        transaction, for a hot path that runs prepared statements
        (:class:`~app.core.storage.prepared.Prepared`) without the ORM around them."""
        return await self._write(fn, raw=True)

    async def _write(self, fn: Callable[[Any], T], *, raw: bool) -> T:
        if self._closed:
            raise RuntimeError("the database is closed")
        if self._write_engine is None:
            raise self._cannot_write()
        if isinstance(self.problem, DatabaseLogLost):
            # The one refusal, raised afresh: raised as it was, each raise added its frames to
            # the last ones, and the log of a till left running grew by a worker's round a time.
            raise self.problem.with_traceback(None)
        try:
            result: T = await asyncio.wrap_future(self._submit(fn, raw))
        except StorageProblem as problem:
            self._note(problem)
            raise
        self._saved()
        return result

    def _saved(self) -> None:
        """A write was committed: the disk takes writes again, unless it was full and still has
        less than :data:`CHECK_BYTES` free. Under WAL the log keeps the room of the transactions
        it held, so on a disk with no byte free a write (the check's own row) can fit there;
        taken for room, it lifted the banner, and the next redemption was refused again."""
        if isinstance(self.problem, StorageFull):  # (a healthy disk's writes ask nothing more)
            free = free_bytes(self.path.parent)
            if free is not None and free < CHECK_BYTES:
                return
        if (
            isinstance(self.problem, StorageFailed)
            and not isinstance(self.problem, DatabaseBusy)  # (its lock taken is the answer)
            and self._commits_that_wrote == self._wrote_before_problem
        ):
            # A transaction that changed nothing (a claim that found no entry) commits without
            # touching the disk: on an ext4 disk remounted read-only after an error, it lifted
            # the banner, and the next redemption was refused again.
            return
        self._note(None)

    def _submit(self, fn: Callable[[Any], T], raw: bool) -> Future[T]:
        future: Future[T] = Future()
        self._waiting.append(_Write(fn, raw, future))
        self._writer.submit(self._commit_waiting)
        return future

    async def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a read transaction on a reader thread."""
        if self._closed:
            raise RuntimeError("the database is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._read_session, fn)

    async def read_raw(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """As :meth:`read`, but ``fn`` gets a reader's SQLite connection (prepared statements)."""
        if self._closed:
            raise RuntimeError("the database is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._read_raw, fn)

    def _read_raw(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        pooled = self._read_engine.raw_connection()
        try:
            connection: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
            connection.execute("BEGIN")
            try:
                return fn(connection)
            finally:
                connection.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise (self._refusal(exc) or exc) from exc
        finally:
            pooled.close()

    def write_sync(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a write transaction from a thread that is not the event loop's."""
        self.write_engine  # noqa: B018  (raises for a read-only folder)
        return self._submit(fn, raw=False).result()

    def _read_session(self, fn: Callable[[Session], T]) -> T:
        try:
            with Session(self._read_engine, expire_on_commit=False) as session, session.begin():
                return fn(session)
        except sa.exc.DBAPIError as exc:
            problem = self._refusal(exc)
            if problem is None:
                raise
            raise problem from exc

    # --- the writer thread ---------------------------------------------------------------------

    def _commit_waiting(self) -> None:
        """Take the writes waiting (up to :data:`GROUP_LIMIT`) and commit them together; if that
        fails, each runs alone, so one write's failure is never another's."""
        group: list[_Write] = []
        while self._waiting and len(group) < GROUP_LIMIT:
            write = self._waiting.popleft()
            if write.future.set_running_or_notify_cancel():  # its caller stopped waiting
                group.append(write)
        if len(group) > 1:
            try:
                results = self._commit(group)
            except Exception:
                log.debug("a group of %d writes rolled back; each runs alone", len(group))
            else:
                for write, result in zip(group, results, strict=True):
                    write.future.set_result(result)
                return
        for write in group:
            try:
                (result,) = self._commit([write])
            except BaseException as exc:  # handed to its caller
                write.future.set_exception(exc)
            else:
                write.future.set_result(result)

    def _commit(self, group: list[_Write]) -> list[Any]:
        """Every write of ``group`` in one transaction, in order, and committed; the first to
        raise (or the commit) rolls the whole group back and raises. Each write's objects are
        flushed and detached before the next runs, so none sees (or changes) another's in
        memory: only what it reads from the database."""
        try:
            if all(write.raw for write in group):
                results = self._run_raw([write.fn for write in group])
            else:
                results = self._run_in_session(group)
        except _LogGone as gone:  # rolled back: nothing went into the nameless log
            raise self._lose_log(gone.log) from None
        except (sa.exc.DBAPIError, sqlite3.Error) as exc:
            problem = self._refusal(exc)
            if problem is None:
                raise
            raise problem from exc
        except OSError as exc:  # the engine's own file preparation, on reconnecting
            raise (self._refusal(exc) or cannot_use(self.path, str(exc))) from exc
        self._log.hold()  # (once: the first commit has both files open)
        return results

    def _run_in_session(self, group: list[_Write]) -> list[Any]:
        """The writes of ``group`` in one Session's transaction, committed."""
        results: list[Any] = []
        self._give_back()  # the Session takes the pool's one connection
        with Session(self.write_engine, expire_on_commit=False) as session, session.begin():
            connection: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
            changes = connection.total_changes
            for write in group:
                if write.raw:
                    results.append(write.fn(connection))
                else:
                    results.append(write.fn(session))
                    session.flush()
                session.expunge_all()
            self._log_still_there()
        if connection.total_changes != changes:
            self._commits_that_wrote += 1
        return results

    def _run_raw(self, fns: list[Callable[[sqlite3.Connection], Any]]) -> list[Any]:
        """Writes on the connection itself, in one transaction: no Session to build around
        prepared statements. A drain's answers mostly arrive while another commits, so most
        run as a group; without the Session a group of two commits in 1.65 ms instead of 1.97
        (median, 2,000-entry drain; docs/performance.md, The drain)."""
        pooled, self._held = self._held or self.write_engine.raw_connection(), None
        try:
            connection: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
            connection.execute("BEGIN IMMEDIATE")
            try:
                changes = connection.total_changes
                results = [fn(connection) for fn in fns]
                self._log_still_there()
                connection.execute("COMMIT")
                if connection.total_changes != changes:
                    self._commits_that_wrote += 1
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except BaseException:
            pooled.close()  # back to its pool, which resets it, as after any failed write
            raise
        self._held = pooled
        return results

    def _give_back(self) -> None:
        """Return the writer's connection to its pool (on the writer thread, or after it)."""
        pooled, self._held = self._held, None
        if pooled is not None:
            pooled.close()

    async def close(self) -> None:
        """Finish queued writes, then close every connection."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._shutdown)

    def _shutdown(self) -> None:
        self._writer.shutdown(wait=True)
        self._give_back()
        self._readers.shutdown(wait=True)
        if self._write_engine is not None:
            self._write_engine.dispose()
        self._read_engine.dispose()
        self._log.release()  # (after SQLite's own handles: closing one drops its locks)
        if self._checked_at is not None and self._write_engine is not None:
            closed_whole.note(self.path, self._checked_at)

    def _refusal(self, exc: BaseException) -> StorageProblem | None:
        """The disk's refusal ``exc`` stands for, if any; damage means this process no longer
        vouches for the file at its close."""
        problem = problem_from(exc, self.path)
        if isinstance(problem, DatabaseDamaged):
            self._checked_at = None
            # a database opened read-only kept its last clean close's note, which vouches for
            # the file as long as nothing writes it: the next start would skip the damage
            closed_whole.forget(self.path)
        return problem
