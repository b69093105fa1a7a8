"""The database as the event loop sees it: writes on one thread, reads on their own connections.

Every write is one ``BEGIN IMMEDIATE`` transaction run on a single writer thread and awaited, so
the loop never waits on an fsync and writes inside this process never contend. Reads run on a small
pool of reader threads with their own connections; under WAL they see the last commit and never
block the writer.
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
from app.core.storage.migrate import migrate

T = TypeVar("T")

READERS = 2


class Database:
    """One SQLite file, opened for the till: a writer thread and reader connections.

    Build it with :meth:`open`, which migrates first; close it with :meth:`close`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._readers = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="db-reader")
        self._write_engine = create_engine(path, immediate=True, pool_size=1)
        self._read_engine = create_engine(path, immediate=False, pool_size=READERS)
        self._closed = False

    @classmethod
    async def open(cls, path: Path, *, run_migrations: bool = True) -> Database:
        """Open the database at ``path``, migrating it first (on a thread, not the loop)."""
        if run_migrations:
            await asyncio.get_running_loop().run_in_executor(None, migrate, path)
        return cls(path)

    @property
    def write_engine(self) -> sa.Engine:
        """The writer's engine (tests and migrations; application code uses :meth:`write`)."""
        return self._write_engine

    async def write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one write transaction on the writer thread; committed when this returns.

        If ``fn`` raises, the transaction is rolled back and the exception re-raised here.
        """
        if self._closed:
            raise RuntimeError("the database is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, self._run, self._write_engine, fn)

    async def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a read transaction on a reader thread."""
        if self._closed:
            raise RuntimeError("the database is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._run, self._read_engine, fn)

    def write_sync(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a write transaction from a thread that is not the event loop's."""
        return self._writer.submit(self._run, self._write_engine, fn).result()

    @staticmethod
    def _run(engine: sa.Engine, fn: Callable[[Session], T]) -> T:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            return fn(session)

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
        self._write_engine.dispose()
        self._read_engine.dispose()
