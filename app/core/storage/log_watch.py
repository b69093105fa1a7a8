"""Whether the database's write-ahead log and its index are still the files this process writes.

A cleaning script or an antivirus that deletes ``<db>-wal`` (or ``-shm``) while the till runs
does not stop the till's writes: SQLite keeps writing through the handles it holds, into files
that no longer have a name. Every redemption committed since the last checkpoint is then in a
file nobody else can open: ``stamps-pos outbox list`` or ``sync --once`` in another process
reads the database without them and creates a new log beside it, and a crash of the window
loses them. SQLite does not notice, so the till holds a descriptor of its own on each file from
its first write and compares it with what the folder holds now: before every commit (the writer
asks, :mod:`app.core.storage.writer`) and in the window's look at its disk.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.core.storage.link_count import LinkCount

#: The files beside the database that must stay the ones SQLite opened.
LOG_FILES = ("-wal", "-shm")


class LogWatch:
    """The write-ahead log and index of the database at ``db_path``, as this process holds them."""

    def __init__(self, db_path: Path) -> None:
        self._database = db_path
        #: (device, inode) of the database file from the first commit: SQLite holds it open,
        #: so no other file is given its inode meanwhile.
        self._database_id: tuple[int, int] | None = None
        self._paths = [db_path.with_name(db_path.name + suffix) for suffix in LOG_FILES]
        self._held: list[int] = []
        #: (device, inode) of each file held. A descriptor held keeps its inode from being
        #: given to another file, so the name still leading there is the file still linked.
        self._ids: list[tuple[int, int]] = []
        #: How many names the log held has (asked before every commit).
        self._links: LinkCount | None = None
        #: Our own descriptor on the database file, and how many names it has (asked before
        #: every commit too): the look comes every 5 s, and a redemption committed in those
        #: seconds after ``rm`` of the file was confirmed into a file with no name.
        self._database_held: int | None = None
        self._database_links: LinkCount | None = None

    def hold(self) -> None:
        """Hold the files as they are now (after a commit, when SQLite has both open); once."""
        if self._held:
            return
        held: list[int] = []
        try:
            for path in self._paths:
                held.append(os.open(path, os.O_RDONLY))
            ids = [(mine.st_dev, mine.st_ino) for mine in map(os.fstat, held)]
        except OSError:  # not in WAL mode yet, or already gone: tried again after the next write
            for descriptor in held:
                os.close(descriptor)
            return
        # held to the end, and closed only after SQLite's own handles (:meth:`release`):
        # closing a descriptor of ours drops every lock this process holds on the file
        try:
            database_held: int | None = os.open(self._database, os.O_RDONLY)
        except OSError:  # already gone: the look finds it by its name
            database_held = None
        self._held = held
        self._ids = ids
        self._links = LinkCount(held[0])
        if database_held is not None:
            database = os.fstat(database_held)
            self._database_held = database_held
            self._database_links = LinkCount(database_held)
            self._database_id = (database.st_dev, database.st_ino)

    def lost(self) -> str | None:
        """The name of a held file that is no longer the one in the folder (deleted, or another
        put in its place), else ``None``; the database file's own name if it was deleted or
        moved. One ``stat`` a file: the window's look at its disk, every 5 s."""
        for path, held in zip(
            [self._database, *self._paths], [self._database_id, *self._ids], strict=False
        ):
            if held is None:
                continue
            try:
                there = os.stat(path)
            except (FileNotFoundError, NotADirectoryError):
                return str(path)
            except OSError:  # the folder cannot be read now: SQLite's own writes say why
                return None
            if (there.st_dev, there.st_ino) != held:
                return str(path)
        return None

    def log_unlinked(self) -> str | None:
        """The log's name if the log held has no name left (deleted, or another file renamed
        over it), else ``None``: asked before every commit, so its link count alone
        (:mod:`app.core.storage.link_count`). The log alone: a commit in a log still linked
        survives a crash even without its index (SQLite rebuilds the index from the log), and a
        log moved away under another name is the look's to find (:meth:`lost`)."""
        links = self._links
        if links is not None and links.count() == 0:
            return str(self._paths[0])
        return None

    def unlinked(self) -> str | None:
        """The name of the database file or of its log if the one held has no name left, the
        file's first (its loss is the one to put right: a copy under its name), else ``None``:
        asked before every commit, two link counts (one ``statx`` each)."""
        database = self._database_links
        if database is not None and database.count() == 0:
            return str(self._database)
        return self.log_unlinked()

    def release(self) -> None:
        """Close the descriptors, once SQLite has closed its own: closing a descriptor drops
        every lock this process holds on that file, SQLite's on the index with it."""
        held, self._held, self._ids, self._links = self._held, [], [], None
        if self._database_held is not None:
            held.append(self._database_held)
        self._database_id, self._database_held, self._database_links = None, None, None
        for descriptor in held:
            with contextlib.suppress(OSError):
                os.close(descriptor)
