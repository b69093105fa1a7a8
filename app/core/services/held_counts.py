"""Wrong PINs the database could not count (a full disk), kept where a restart finds them.

On a disk that refuses every write a sign-in cannot be recorded, and the wrong PINs were counted
in the process's memory alone: closing the window and starting it again gave a guesser five
more tries each time, and the lock it had earned was gone. Their count is kept instead in a
small file beside the database, made its full size while the disk had room and only ever
overwritten in place: a file system that overwrites in place (ext4, XFS, tmpfs, NTFS) needs no
new block for it, so a disk with no byte free still takes it. Where it cannot be made or written
(a first start on a disk already full, a read-only folder, a copy-on-write file system) the
counts stay in memory, as before, and the log says so.

The file is shared: the window and a command (a manager signing in to `outbox import`), or a
kiosk's window and its manager's, may count on one data folder at once. Each kept the counts it
read at its first sign-in and overwrote the file with them, so one process's wrong PINs erased
the other's, and a lock one earned was undone by the other's next count. So every change is
made to what the file holds at that moment, read and written back under an exclusive ``flock``
that the other process's change waits for (:meth:`HeldCounts.changing`); a sign-in reads the
file afresh. Where the system has no ``flock`` (Windows) the read and the write still follow each
other at once, which narrows the race to a few milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: The file's name: the database's, and this (a damaged database moved aside takes it along:
#: its account ids are not the new database's).
HELD_SUFFIX = "-held"
#: Its size: room for a hundred accounts' counts, made once while the disk has room.
HELD_BYTES = 16 * 1024


@dataclass
class Uncounted:
    """An account's wrong PINs since the disk refused to count them, and its lock."""

    failed: int
    locked_until: datetime | None = None


class HeldCounts:
    """The file of :class:`Uncounted` counts beside the database at ``db_path``. Its methods do
    file I/O: call them off the event loop."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + HELD_SUFFIX)
        #: The file lacks a count this process made (it refused the write, or could not be
        #: opened for it): until a write takes, the process's memory is newer than the file.
        self.behind = False

    def prepare(self) -> None:
        """Make the file its full size, if it is not yet (while the disk has room)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if os.fstat(fd).st_size < HELD_BYTES:
                    os.pwrite(fd, bytes(HELD_BYTES), 0)
                    os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            log.info("no room kept for the sign-ins a full disk cannot count: %s", exc.strerror)

    def read(self) -> dict[int, Uncounted] | None:
        """The counts kept, by account id (none when the file is empty); ``None`` when there is
        no file or it cannot be read (the process's own memory is all there is then)."""
        try:
            with self.path.open("rb") as handle:
                return _parsed(handle.read(HELD_BYTES))
        except FileNotFoundError:
            return None  # the usual case: no disk has been full on this till's first sign-in yet
        except OSError as exc:
            log.warning("the sign-ins kept beside the database cannot be read: %s", exc)
            return None

    @contextlib.contextmanager
    def changing(self, kept: dict[int, Uncounted]) -> Iterator[dict[int, Uncounted] | None]:
        """The counts the file holds now, for the block to change, written back at its end; no
        other process changes them meanwhile. While the file is :attr:`behind`, ``kept`` (the
        process's memory) is the newer and is changed and written instead. ``None`` where the
        file cannot be opened: the block changes the process's memory alone."""
        try:
            fd = os.open(self.path, os.O_RDWR)  # never made here: made only while there is room
        except OSError as exc:
            log.warning("wrong PINs counted in memory only (a restart forgets them): %s", exc)
            self.behind = True
            yield None
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)  # the other holds it for one read and write
            counts = kept if self.behind else _parsed(os.pread(fd, HELD_BYTES, 0))
            yield counts
            self.behind = not _write(fd, counts)
        finally:
            os.close(fd)  # (and its lock with it)


def _parsed(raw: bytes) -> dict[int, Uncounted]:
    text = raw.rstrip(b"\0")
    try:
        counts = json.loads(text) if text else {}
        return {
            int(account): Uncounted(int(failed), datetime.fromisoformat(until) if until else None)
            for account, (failed, until) in counts.items()
        }
    except (ValueError, TypeError, AttributeError) as exc:
        log.warning("the sign-ins kept beside the database cannot be read: %s", exc)
        return {}


def _write(fd: int, counts: dict[int, Uncounted]) -> bool:
    """Overwrite the file open at ``fd`` with ``counts``, in place; whether it took them."""
    body = json.dumps(
        {
            str(account): [held.failed, held.locked_until and held.locked_until.isoformat()]
            for account, held in counts.items()
        }
    ).encode()
    if len(body) > HELD_BYTES:
        log.warning("too many accounts' sign-ins to keep beside the database")
        return False
    try:
        os.pwrite(fd, body + bytes(HELD_BYTES - len(body)), 0)
        os.fsync(fd)
    except OSError as exc:
        log.warning("wrong PINs counted in memory only (a restart forgets them): %s", exc)
        return False
    return True
