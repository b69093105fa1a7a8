"""Why a file the till was asked to write (the token, an export, a CSV, a support bundle) could
not be written, in words that say what to change. The OS says "Not a directory" or "File
exists" for a folder on the way that is a file, and "No such file or directory" for a folder
that is not there: the manager reading it could not tell which part of the path was wrong."""

from __future__ import annotations

import errno
from pathlib import Path

_READ_ONLY = {errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT}


def folder_in_the_way(path: Path) -> Path | None:
    """The folder on the way to ``path`` that is a file, if one is (the first from the root)."""
    for folder in reversed(path.parents):
        try:
            if not folder.exists():
                return None
            if not folder.is_dir():
                return folder
        except OSError:
            return None
    return None


def missing_folder(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that is not there, if one is not."""
    for folder in reversed(path.parents):
        try:
            if not folder.exists():
                return folder
        except OSError:
            return None
    return None


def nearest_folder(path: Path) -> Path:
    """The nearest folder on the way to ``path`` that is there: the one a file (or a folder
    still to make) is refused in."""
    for folder in path.parents:
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return path.parent


def folder_refusal(path: Path, error: OSError) -> tuple[str, Path] | None:
    """Why the folder ``path`` goes in took no file, for the OS's ``error``: ``"read_only"``
    (its disk is read-only), ``"not_allowed"`` (this user may not write in it) or ``"full"``,
    with the folder (:func:`nearest_folder`); ``None`` for another trouble. A message built on
    it names the folder to change, where the OS's "Read-only file system" named none."""
    if error.errno == errno.EROFS:
        kind = "read_only"
    elif error.errno in _READ_ONLY:
        kind = "not_allowed"
    elif error.errno in _FULL:
        kind = "full"
    else:
        return None
    return kind, nearest_folder(path)


def why_not_written(path: Path, error: OSError) -> str:
    """One sentence: ``path`` was not written, and what stood in the way (``error`` the OS's)."""
    in_the_way = folder_in_the_way(path)
    if in_the_way is not None:
        return f"{path} cannot be written: {in_the_way} is a file, not a folder"
    if error.errno == errno.ENOENT:
        missing = missing_folder(path)
        if missing is not None:
            return f"{path} cannot be written: the folder {missing} does not exist"
    if error.errno == errno.EISDIR or (error.errno == errno.EEXIST and path.is_dir()):
        return f"{path} cannot be written: it is a folder; name a file in it"
    if error.errno == errno.EROFS:
        return f"{path} cannot be written: the disk it goes on is read-only"
    if error.errno in _READ_ONLY:
        return f"{path} cannot be written: the till may not write in {path.parent}"
    if error.errno in _FULL:
        return f"{path} cannot be written: the disk is full"
    return f"{path} cannot be written: {error.strerror or type(error).__name__}"
