"""What can go wrong with the till's disk, as exceptions that say it in one sentence.

SQLite and the operating system report a full disk, a read-only folder, a damaged file or one
another program keeps locked in many ways (``SQLITE_FULL``, ``disk I/O error`` when the WAL index
cannot grow, ``EROFS``, ``ENOSPC``, "database disk image is malformed", "database is locked"
past the busy timeout...). :func:`problem_from` turns each into one of the types below, at the
few places where storage is touched, so that the window can show a banner and the
command line one line, instead of a traceback from wherever the error surfaced.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Self

import sqlalchemy as sa

from app.core.messages import Message, english, say
from app.core.storage.engine import BUSY_TIMEOUT_MS

#: Below this much free space, an I/O error while writing is taken for a full disk.
NEARLY_FULL_BYTES = 1 << 20

_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 3, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26


class StorageProblem(Exception):
    """The till's data folder or database cannot do what was asked; ``str()`` is one sentence a
    cashier or a manager can act on, ``said`` the same as a message a window shows in its
    language (``None`` for a sentence no message says). ``path`` is the database (or folder)
    concerned."""

    def __init__(self, sentence: str, path: Path, said: Message | None = None) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.path = path
        self.said = said

    @classmethod
    def saying(cls, said: Message, path: Path) -> Self:
        """The problem ``said`` says, on ``path``."""
        return cls(english(said), path, said)


class StorageReadOnly(StorageProblem):
    """The data folder or the database file cannot be written: reading still works."""


class StorageFull(StorageProblem):
    """The disk is full: nothing new can be saved until there is space again."""


class StorageFailed(StorageProblem):
    """The disk or the database cannot be used for another reason (an I/O error, a folder that
    is a file, a file that cannot be opened)."""


class DatabaseBusy(StorageFailed):
    """Another program has held the database locked for longer than the till waits (an
    ``sqlite3`` shell left in a transaction, a backup tool): nothing was changed, and the same
    action works once it lets go."""


class DatabaseLogLost(StorageFailed):
    """Another program deleted (or replaced) the database's write-ahead log or its index, or
    deleted or moved the database file itself (``log`` is then ``path``), while the till had
    them open (:mod:`app.core.storage.log_watch`). Nothing more is written until the till is
    started again; ``rescued`` says whether what it had saved was copied into a database file
    at ``path``, where every other program, and the till's next start, reads it."""

    def __init__(self, path: Path, log: str, *, rescued: bool) -> None:
        if log == str(path):
            key = "storage.file_lost" if rescued else "storage.file_lost_not_copied"
            said = say(key, path=str(path))
        else:
            key = "storage.log_lost" if rescued else "storage.log_lost_not_copied"
            said = say(key, path=str(path), log=log)
        super().__init__(english(said), path, said)
        self.rescued = rescued


class DatabaseDamaged(StorageProblem):
    """The database file is damaged or is not a till's database; ``problems`` lists what the
    check found. The till starts on a new one only when someone with authority says so."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.first_problem = problems[0] if problems else "it failed its integrity check"
        said = say("storage.damaged", path=str(path), problem=self.first_problem)
        super().__init__(english(said), path, said)
        self.problems = problems


def folder_read_only(path: Path) -> StorageReadOnly:
    """The problem for a database in a folder (or a file) that cannot be written."""
    return StorageReadOnly.saying(say("storage.read_only", folder=str(path.parent)), path)


def disk_full(path: Path) -> StorageFull:
    """The problem for a database on a full disk."""
    return StorageFull.saying(say("storage.full", folder=str(path.parent)), path)


def unwritable_folder(folder: Path) -> StorageProblem | None:
    """Why nothing can be written in ``folder``, when its disk says so: mounted read-only, or
    full; ``None`` when it says neither (a permission, say). For what fails before any database
    is opened (the window's lock file), in the words a write to the database would have had."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no such folder, or no statvfs (Windows)
        return None
    if read_only:
        return StorageReadOnly.saying(say("storage.read_only", folder=str(folder)), folder)
    if _nearly_full(folder):
        return StorageFull.saying(say("storage.full", folder=str(folder)), folder)
    return None


def cannot_use(path: Path, what: str) -> StorageFailed:
    """The problem for a database that cannot be used because of ``what`` (an error's own
    words, said as they are)."""
    return failed(path, "storage.cannot_use", reason=what)


def failed(path: Path, message_id: str, **params: str | int) -> StorageFailed:
    """The problem for a database that cannot be used, as the message ``message_id`` says."""
    return StorageFailed.saying(say(message_id, path=str(path), **params), path)


def busy(path: Path) -> DatabaseBusy:
    """The problem for a database another program holds locked past the busy timeout."""
    said = say("storage.busy", path=str(path), seconds=BUSY_TIMEOUT_MS // 1000)
    return DatabaseBusy.saying(said, path)


def broken_link(path: Path) -> StorageFailed | None:
    """The problem for a database name that is a symbolic link leading to no file (its target
    gone, on a disk not mounted, or a loop of links), else ``None``. Such a name is neither a
    database to open nor room for a new one: a new database there would hide the real one."""
    if not path.is_symlink() or path.exists():
        return None
    try:
        target = os.readlink(path)
    except OSError:  # (it was one a moment ago)
        target = "?"
    return failed(path, "storage.broken_link", target=target)


def free_bytes(folder: Path) -> int | None:
    """The space ``folder``'s disk has free for the till's user, or ``None`` when it cannot tell
    (no statvfs, as on Windows, or no folder)."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return stats.f_bavail * stats.f_frsize


def _nearly_full(folder: Path) -> bool:
    free = free_bytes(folder)
    return free is not None and free < NEARLY_FULL_BYTES


def problem_from(exc: BaseException, path: Path) -> StorageProblem | None:
    """The storage problem ``exc`` stands for on the database ``path``, or ``None`` when it is
    not one (a constraint, a bug): that is left to surface as it is."""
    if isinstance(exc, StorageProblem):
        return exc
    if isinstance(exc, sa.exc.DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary == _SQLITE_FULL:
            return disk_full(path)
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return busy(path)
        if primary in (_SQLITE_READONLY, _SQLITE_PERM):
            return folder_read_only(path)
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return DatabaseDamaged(path, [str(exc)])
        if primary == _SQLITE_IOERR:
            # A WAL or its index that cannot grow reports an I/O error, not SQLITE_FULL.
            return (
                disk_full(path) if _nearly_full(path.parent) else failed(path, "storage.io_error")
            )
        if primary == _SQLITE_CANTOPEN:
            return failed(path, "storage.cannot_open")
        return None
    if isinstance(exc, OSError):
        if exc.errno in _READ_ONLY_ERRNOS:
            return folder_read_only(path)
        if exc.errno in _FULL_ERRNOS:
            return disk_full(path)
        if isinstance(exc, FileExistsError | NotADirectoryError):
            return failed(path, "storage.not_a_folder", file=str(exc.filename))
        return cannot_use(path, exc.strerror or type(exc).__name__)
    return None
