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
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlmodel import Session

from app.core.storage.engine import create_engine
from app.core.storage.migrate import prepare_database
from app.core.storage.problems import (
    StorageProblem,
    cannot_use,
    folder_read_only,
    problem_from,
)
from app.core.storage.tables import CHECKS

T = TypeVar("T")

READERS = 2
#: How much a write check writes: more than a page or two, as an entry with its attempt takes.
CHECK_BYTES = 64 * 1024

ProblemListener = Callable[[StorageProblem | None], None]


class Database:
    """One SQLite file, opened for the till: a writer thread and reader connections.

    Build it with :meth:`open`, which checks and migrates first; close it with :meth:`close`.
    ``read_only`` (a folder that cannot be written) keeps reads working and refuses every write
    with :class:`~app.core.storage.problems.StorageReadOnly`.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="db-reader")
        self._write_engine = None if read_only else create_engine(path, immediate=True, pool_size=1)
        self._read_engine = create_engine(
            path, immediate=False, pool_size=READERS, read_only=read_only
        )
        self._closed = False
        self._listeners: list[ProblemListener] = []
        #: The disk's refusal of the last write, until a write succeeds again.
        self.problem: StorageProblem | None = folder_read_only(path) if read_only else None

    @classmethod
    async def open(cls, path: Path, *, run_migrations: bool = True) -> Database:
        """Open the database at ``path``: checked and migrated first (on a thread, not the
        loop), or read-only when its folder cannot be written.

        Raises :class:`~app.core.storage.problems.DatabaseDamaged` for a damaged file and
        another :class:`~app.core.storage.problems.StorageProblem` for a disk that refuses.
        """
        read_only = False
        if run_migrations:
            loop = asyncio.get_running_loop()
            read_only = await loop.run_in_executor(None, prepare_database, path)
        return cls(path, read_only=read_only)

    @property
    def write_engine(self) -> sa.Engine:
        """The writer's engine (tests and migrations; application code uses :meth:`write`)."""
        if self._write_engine is None:
            raise folder_read_only(self.path)
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
        if self._write_engine is None:
            loop = asyncio.get_running_loop()
            try:
                read_only = await loop.run_in_executor(None, prepare_database, self.path)
            except StorageProblem as problem:
                self._note(problem)
                return problem
            if read_only:
                return self.problem
            self._write_engine = create_engine(self.path, immediate=True, pool_size=1)
            self.read_only = False
        filler = bytes(CHECK_BYTES)
        try:
            await self.write(lambda s: s.execute(sa.delete(CHECKS)))
            await self.write(lambda s: s.execute(sa.insert(CHECKS).values(filler=filler)))
            await self.write(lambda s: s.execute(sa.delete(CHECKS)))
        except StorageProblem as problem:
            return problem
        return None

    def _note(self, problem: StorageProblem | None) -> None:
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
        if self._closed:
            raise RuntimeError("the database is closed")
        if self._write_engine is None:
            raise folder_read_only(self.path)
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._writer, self._run, self._write_engine, fn)
        except StorageProblem as problem:
            self._note(problem)
            raise
        self._note(None)
        return result

    async def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a read transaction on a reader thread."""
        if self._closed:
            raise RuntimeError("the database is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._run, self._read_engine, fn)

    def write_sync(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a write transaction from a thread that is not the event loop's."""
        return self._writer.submit(self._run, self.write_engine, fn).result()

    def _run(self, engine: sa.Engine, fn: Callable[[Session], T]) -> T:
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                return fn(session)
        except sa.exc.DBAPIError as exc:
            problem = problem_from(exc, self.path)
            if problem is None:
                raise
            raise problem from exc
        except OSError as exc:  # the engine's own file preparation, on reconnecting
            raise (problem_from(exc, self.path) or cannot_use(self.path, str(exc))) from exc

    async def close(self) -> None:
        """Finish queued writes, then close every connection."""
        if self._closed:
            return
        self._closed = True
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._shutdown)

    def _shutdown(self) -> None:
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        if self._write_engine is not None:
            self._write_engine.dispose()
        self._read_engine.dispose()
