"""Every way SQLite or the system says "full", "read-only", "damaged" or "failing" becomes one
storage problem with one sentence; anything else is left alone."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from app.core.storage import problems
from app.core.storage.problems import (
    DatabaseBusy,
    DatabaseDamaged,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
    problem_from,
)


def sqlite_error(code: int, text: str = "boom") -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


DB = Path("/srv/till/stamps-pos.db")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite_error(13, "database or disk is full"), StorageFull),
        (sqlite_error(8, "attempt to write a readonly database"), StorageReadOnly),
        (sqlite_error(8 | (6 << 8)), StorageReadOnly),  # SQLITE_READONLY_DIRECTORY
        (sqlite_error(11, "database disk image is malformed"), DatabaseDamaged),
        (sqlite_error(26, "file is not a database"), DatabaseDamaged),
        (sqlite_error(14, "unable to open database file"), StorageFailed),
        (sqlite_error(5, "database is locked"), DatabaseBusy),
        (sqlite_error(6, "database table is locked"), DatabaseBusy),
        (OSError(errno.EROFS, "Read-only file system"), StorageReadOnly),
        (OSError(errno.EACCES, "Permission denied"), StorageReadOnly),
        (OSError(errno.ENOSPC, "No space left on device"), StorageFull),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), StorageFull),
        (OSError(errno.EIO, "Input/output error"), StorageFailed),
        (FileExistsError(errno.EEXIST, "File exists", "/srv/till"), StorageFailed),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, type) else str(v)[:30],
)
def test_each_refusal_is_one_problem_with_one_sentence(error: Exception, kind: type) -> None:
    problem = problem_from(error, DB)
    assert isinstance(problem, kind)
    assert problem.path == DB
    assert "\n" not in str(problem) and str(problem) == problem.sentence


def test_an_io_error_on_a_full_disk_is_a_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    # the WAL index that cannot grow says "disk I/O error" (SQLITE_IOERR_SHMSIZE), not "full"
    shm_size = 10 | (19 << 8)
    monkeypatch.setattr(problems, "_nearly_full", lambda folder: True)
    assert isinstance(problem_from(sqlite_error(shm_size, "disk I/O error"), DB), StorageFull)
    monkeypatch.setattr(problems, "_nearly_full", lambda folder: False)
    failing = problem_from(sqlite_error(shm_size, "disk I/O error"), DB)
    assert isinstance(failing, StorageFailed)
    assert "I/O error" in str(failing)


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.IntegrityError("UNIQUE constraint failed"),
        ValueError("a bug"),
    ],
)
def test_what_is_not_the_disk_is_left_to_surface(error: Exception) -> None:
    assert problem_from(error, DB) is None


def test_the_sentences_say_what_to_do() -> None:
    assert "read-only" in str(problems.folder_read_only(DB))
    assert "/srv/till" in str(problems.disk_full(DB)) and "space" in str(problems.disk_full(DB))
    damaged = DatabaseDamaged(DB, ["Page 56: btreeInitPage() returns error code 11"])
    assert str(damaged).startswith(f"The till's database {DB} is damaged (Page 56")
    assert isinstance(damaged, StorageProblem)
