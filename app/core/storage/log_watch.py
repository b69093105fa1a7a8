"""Whether the database's write-ahead log and its index are still the files this process writes.

A cleaning script or an antivirus that deletes ``<db>-wal`` (or ``-shm``) while the till runs
does not stop the till's writes: SQLite keeps writing through the handles it holds, into files
that no longer have a name. Every redemption committed since the last checkpoint is then in a
file nobody else can open: ``stamps-pos outbox list`` or ``sync --once`` in another process
reads the database without them and creates a new log beside it, and a crash of the window
loses them. SQLite does not notice, so the till holds a descriptor of its own on each file from
its first write and compares it with what the folder holds now.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: The files beside the database that must stay the ones SQLite opened.
LOG_FILES = ("-wal", "-shm")


class LogWatch:
    """The write-ahead log and index of the database at ``db_path``, as this process holds them."""

    def __init__(self, db_path: Path) -> None:
        self._paths = [db_path.with_name(db_path.name + suffix) for suffix in LOG_FILES]
        self._held: list[int] = []

    def hold(self) -> None:
        """Hold the files as they are now (after a commit, when SQLite has both open); once."""
        if self._held:
            return
        held: list[int] = []
        try:
            for path in self._paths:
                held.append(os.open(path, os.O_RDONLY))
        except OSError:  # not in WAL mode yet, or already gone: tried again after the next write
            for descriptor in held:
                os.close(descriptor)
            return
        self._held = held

    def lost(self) -> str | None:
        """The name of a held file that is no longer the one in the folder (deleted, or another
        put in its place), else ``None``."""
        for path, descriptor in zip(self._paths, self._held, strict=False):
            mine = os.fstat(descriptor)
            try:
                there = os.stat(path)
            except FileNotFoundError:
                return str(path)
            if mine.st_nlink == 0 or (there.st_dev, there.st_ino) != (mine.st_dev, mine.st_ino):
                return str(path)
        return None

    def release(self) -> None:
        """Close the descriptors (the database is closing)."""
        held, self._held = self._held, []
        for descriptor in held:
            with contextlib.suppress(OSError):
                os.close(descriptor)
