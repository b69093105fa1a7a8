"""Wrong PINs the database could not count (a full disk), kept where a restart finds them.

On a disk that refuses every write a sign-in cannot be recorded, and the wrong PINs were counted
in the process's memory alone: closing the window and starting it again gave a guesser five
more tries each time, and the lock it had earned was gone. Their count is kept instead in a
small file beside the database, made its full size while the disk had room and only ever
overwritten in place: a file system that overwrites in place (ext4, XFS, tmpfs, NTFS) needs no
new block for it, so a disk with no byte free still takes it. Where it cannot be made or written
(a first start on a disk already full, a read-only folder, a copy-on-write file system) the
counts stay in memory, as before, and the log says so.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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

    def read(self) -> dict[int, Uncounted]:
        """The counts kept, by account id (none when the file is empty, missing or unreadable)."""
        try:
            text = self.path.read_bytes().rstrip(b"\0")
        except FileNotFoundError:
            return {}  # the usual case: no disk has been full on this till's first sign-in yet
        except OSError as exc:
            log.warning("the sign-ins kept beside the database cannot be read: %s", exc)
            return {}
        try:
            raw = json.loads(text) if text else {}
            return {
                int(account): Uncounted(
                    int(failed), datetime.fromisoformat(until) if until else None
                )
                for account, (failed, until) in raw.items()
            }
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("the sign-ins kept beside the database cannot be read: %s", exc)
            return {}

    def write(self, counts: dict[int, Uncounted]) -> bool:
        """Overwrite the file with ``counts``, in place; whether it took them."""
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
            fd = os.open(self.path, os.O_WRONLY)  # never made here: made only while there is room
            try:
                os.pwrite(fd, body + bytes(HELD_BYTES - len(body)), 0)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            log.warning("wrong PINs counted in memory only (a restart forgets them): %s", exc)
            return False
        return True
