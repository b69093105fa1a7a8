"""Learning, cheaply, that another process changed the till's database.

A cancel made with ``stamps-pos cancel`` while the window is open is committed by another process:
the outbox's own listeners never hear of it. SQLite's ``PRAGMA data_version`` on a connection
changes whenever any *other* connection commits, in this process or another, so a reader that
asks about once a second learns of every change without reading a row. Subscribers (an open
history, the exceptions badge) are called on the loop and re-read what they show.

The connection is its own (the pool's would each count separately) and read-only; the pragma
reads a counter from the WAL index, a few microseconds, so it runs on the loop.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.core import clock

log = logging.getLogger(__name__)

#: Seconds between looks at the counter.
POLL_INTERVAL = 1.0


class ChangeWatch:
    """Calls its subscribers when the database at ``path`` changes; see the module docstring.

    Nothing is opened until :meth:`start`; :meth:`stop` closes the connection.
    """

    def __init__(self, path: Path, interval: float = POLL_INTERVAL) -> None:
        self.path = path
        self.interval = interval
        self.polls = 0
        self._subscribers: list[Callable[[], None]] = []
        self._task: asyncio.Task[None] | None = None
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def subscribe(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after each change seen (once, however often subscribed)."""
        if callback not in self._subscribers:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[], None]) -> None:
        """Stop calling ``callback``."""
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    @property
    def running(self) -> bool:
        """Whether the watch is polling."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Open the connection, note the current version and start polling (on the running loop)."""
        if self.running:
            return
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            self._version = self._read()
        except sqlite3.Error as exc:
            # A disk with no byte free for the WAL's index (the till opened read-only): the
            # window did not start at all. Polled again, it is heard once the disk lets it.
            log.warning("cannot read the database's change counter yet: %s", exc)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="change-watch")

    async def stop(self) -> None:
        """Stop polling and close the connection."""
        task, self._task = self._task, None
        try:
            if task is not None:
                await clock.cancel_and_wait(task)
        finally:  # the task has ended, even when this stop was cancelled: nothing reads it now
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _read(self) -> int:
        assert self._connection is not None
        row = self._connection.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def poll(self) -> bool:
        """Look at the counter once; ``True`` (and subscribers called) when it moved."""
        self.polls += 1
        try:
            version = self._read()
        except sqlite3.Error as exc:  # a locked or vanished file: look again next time
            log.warning("cannot read the database's change counter: %s", exc)
            return False
        if version == self._version:
            return False
        self._version = version
        for callback in list(self._subscribers):
            try:
                callback()
            except Exception:  # one broken view must not stop the others hearing
                log.exception("a change subscriber failed")
        return True

    async def _run(self) -> None:
        while True:
            await clock.sleep(self.interval)
            self.poll()
