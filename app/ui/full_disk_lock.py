"""The window's lock on a disk too full to write it: the lock file's ``flock`` alone.

QLockFile writes its holder (process id, host) into the lock file, which a disk with no byte
free refuses: the window did not start at all, on the day a manager most needs to read the till
(History, the audit log, End of day). On Unix, Qt also holds a ``flock`` on its lock file, so a
lock taken as a ``flock`` on the same file, left empty (creating an empty file takes no byte of
data), keeps a second window out as Qt's does, and is kept out by Qt's.

An empty lock file is this lock's, never Qt's (Qt writes its holder as it takes it). Left behind
by a window that crashed, Qt would read it as held for ever (no holder to look for, and the
till's locks never go stale by age): one that nobody holds is removed before Qt reads it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, and the window refuses to start as before
    fcntl = None  # type: ignore[assignment]

#: An empty lock file younger than this may be Qt's, between its creation and its holder.
LEFT_AFTER_S = 5.0


def forget_left_behind(path: Path) -> None:
    """Remove the empty lock file at ``path`` that a window on a full disk left as it crashed
    (nobody holds it); anything else is left as it is."""
    if fcntl is None:
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        stat = os.fstat(fd)
        if stat.st_size or time.time() - stat.st_mtime < LEFT_AFTER_S:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # held: a window on a full disk runs
        with contextlib.suppress(OSError):
            os.unlink(path)
    finally:
        os.close(fd)


@contextlib.contextmanager
def held_by_flock(path: Path) -> Iterator[bool]:
    """Hold the lock at ``path`` by its ``flock`` for the block, the file made empty if it is
    not there; yields whether it is held (``False``: another window holds it, or this system
    has no ``flock``). The file goes with the lock."""
    if fcntl is None:
        yield False
        return
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)
    finally:
        os.close(fd)
