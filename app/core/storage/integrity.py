"""Is the database file whole, and what to do with one that is not.

At a start the till runs SQLite's ``quick_check`` (the pages and their structure; linear in the
file's size) before it trusts the file, unless a clean close since the last one vouches for it
(:mod:`app.core.storage.closed_whole`); ``stamps-pos doctor`` runs the full
``integrity_check`` (indexes against their tables too). A damaged file is never silently replaced:
it is moved aside with a timestamp, once someone with authority confirms, so that what can still
be read of it is kept (:mod:`app.core.storage.transfer` reads it).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Literal

from app.core.storage import closed_whole
from app.core.storage.engine import connect
from app.core.storage.problems import DatabaseDamaged, StorageProblem, cannot_use, problem_from

SQLITE_HEADER = b"SQLite format 3\x00"
#: A check lists at most this many problems (a badly damaged file can report thousands).
MAX_PROBLEMS = 20
#: The database's files: the file, its write-ahead log and the log's index, and the wrong PINs
#: a full disk would not let it count (app/core/services/held_counts.py).
SIBLINGS = ("", "-wal", "-shm", "-held")


def check(
    db_path: Path,
    depth: Literal["quick_check", "integrity_check"] = "quick_check",
    *,
    read_only: bool = False,
    pages: bool = True,
) -> list[str]:
    """What is wrong with the database file at ``db_path``; an empty list when it is whole.

    Besides SQLite's own check: an empty (0-byte) file, a file that is not an SQLite database,
    and a database that holds tables but no schema revision are damaged too, never taken for a
    new database. ``pages=False`` leaves out SQLite's own check, the one whose cost grows with
    the file, for a file a clean close vouches for (:mod:`app.core.storage.closed_whole`).
    Raises :class:`StorageProblem` when the file cannot be read at all (a full disk, an I/O
    error).
    """
    header = _header_problem(db_path)
    if header:
        return [header]
    try:
        connection = connect(db_path, read_only=read_only)
    except sqlite3.Error as exc:
        problem = _problem(exc, db_path)
        if isinstance(problem, DatabaseDamaged):  # too broken to even open
            return problem.problems
        raise problem from exc
    try:
        rows = connection.execute(f"PRAGMA {depth}({MAX_PROBLEMS})").fetchall() if pages else []
        found = [
            line
            for (text,) in rows
            if text != "ok"
            for line in str(text).splitlines()
            if line and not line.startswith("*** in database")
        ]
        return found[:MAX_PROBLEMS] or _schema_problems(connection)
    except sqlite3.DatabaseError as exc:
        # A page too broken to check raises instead of being listed.
        refusal = problem_from(exc, db_path)
        if refusal is not None and not isinstance(refusal, DatabaseDamaged):
            raise refusal from exc
        return [str(exc)]
    finally:
        connection.close()


def _problem(exc: sqlite3.Error, db_path: Path) -> StorageProblem:
    return problem_from(exc, db_path) or cannot_use(db_path, str(exc))


def _header_problem(db_path: Path) -> str | None:
    try:
        with db_path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _problem_os(exc, db_path) from exc
    if not header:
        return "the file is empty, 0 bytes"
    if header != SQLITE_HEADER:
        return "the file is not an SQLite database"
    return None


def _problem_os(exc: OSError, db_path: Path) -> StorageProblem:
    return problem_from(exc, db_path) or cannot_use(db_path, str(exc))


def _schema_problems(connection: sqlite3.Connection) -> list[str]:
    """A database with tables but no schema revision was not written by this app (or lost the
    page that held the revision): migrating it would fail on its own tables."""
    tables = {
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if not tables:
        return []  # an empty database: nothing to lose, it is migrated like a new one
    revisions = (
        connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0]
        if "alembic_version" in tables
        else 0
    )
    if not revisions:
        return [
            "it holds tables but no schema revision (alembic_version): it was not written by "
            "Stamps POS, or lost the page that said which version did"
        ]
    return [
        f"it lacks the table {name}, which its schema revision has"
        for name in _lost(tables, connection)
    ]


def _lost(present: set[str], connection: sqlite3.Connection) -> list[str]:
    """The till's tables missing from a database whose revision is the head (an older one is
    migrated, which creates what it lacks): a table dropped by hand or lost with its page would
    otherwise surface as a "no such table" traceback at the first command that reads it."""
    from app.core.storage.migrate import script_head  # migrate imports this module

    head = script_head()
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if head is None or revision != [(head,)]:
        return []
    from sqlmodel import SQLModel

    # the modules that declare the till's tables
    from app.core.storage import cache_tables, staff_tables, tables  # noqa: F401

    wanted = set(SQLModel.metadata.tables) | set(cache_tables.metadata.tables)
    return sorted(wanted - present)


def move_aside(db_path: Path, now: datetime) -> Path:
    """Rename the database (and its write-ahead log and index, so it stays readable) to
    ``<name>.damaged-<UTC time>``; returns the new path of the database."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    counter = 1
    while any(aside.with_name(aside.name + s).exists() for s in SIBLINGS):
        counter += 1
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{counter}")
    closed_whole.forget(db_path)
    try:
        for suffix in SIBLINGS:
            source = db_path.with_name(db_path.name + suffix)
            if source.exists():
                os.replace(source, aside.with_name(aside.name + suffix))
        sync_folder(db_path.parent)
    except OSError as exc:
        raise _problem_os(exc, db_path) from exc
    return aside


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (a no-op where folders cannot be
    opened, as on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
