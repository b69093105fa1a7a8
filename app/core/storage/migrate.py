"""Opening the database at start: checked, created whole, migrated (Alembic, run from code; no
``alembic.ini`` at runtime), or read-only when its folder cannot be written.

A database written by a newer version of the app carries a revision this code has never heard of;
:func:`migrate` refuses it rather than guess at its schema. A damaged one (``quick_check``, an
empty file, tables without a revision) is refused too, with :class:`DatabaseDamaged`: replacing
it is a decision (see :func:`app.core.storage.integrity.move_aside`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import secrets
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from app.core.messages import Message, english, say
from app.core.storage.engine import connect, create_engine, wal_file
from app.core.storage.integrity import SIBLINGS, check, sync_folder
from app.core.storage.problems import (
    DatabaseDamaged,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
    broken_link,
    cannot_use,
    folder_read_only,
    problem_from,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
#: A migration script's own lines naming its revision and the one it follows.
_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)\s*$""", re.MULTILINE
)

log = logging.getLogger(__name__)


class DatabaseTooNew(RuntimeError):
    """The database's schema revision is newer than any this version of the app knows;
    ``said``: why, as a window shows it in its language (``str()`` in English)."""

    def __init__(self, said: Message) -> None:
        super().__init__(english(said))
        self.said = said


def _config(connection: sa.Connection | None = None) -> Config:
    # Alembic is imported only to migrate (or to explain a revision): a till whose database is
    # at head starts without it (make bench, start-up).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found")
    return head


def current_revision(connection: sa.Connection) -> str | None:
    """The revision the database on ``connection`` is at (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _too_new(db_path: Path, current: str) -> DatabaseTooNew:
    return DatabaseTooNew(
        say(
            "start.database_too_new",
            path=str(db_path),
            revision=repr(current),
            head=repr(head_revision()),
        )
    )


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


@functools.cache
def script_head() -> str | None:
    """The head revision as the migration scripts' own lines say (``revision = "…"``,
    ``down_revision = "…"``), read without importing Alembic; ``None`` when they do not make one
    straight line (Alembic then decides)."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(text), _DOWN_REVISION.findall(text)
        if script.name == "__init__.py" and not revision:
            continue
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            followed.add(down[0])
    heads = revisions - followed
    return heads.pop() if len(heads) == 1 and followed <= revisions else None


def at_head(db_path: Path) -> str | None:
    """The database's revision when it is the scripts' head (nothing to migrate), else ``None``."""
    head = script_head()
    if head is None:
        return None
    connection = connect(db_path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:  # no revision table: Alembic looks closer
        return None
    finally:
        connection.close()
    return head if row == [(head,)] else None


def refuse_unknown(db_path: Path, revision: str | None) -> None:
    """Raise :class:`DatabaseTooNew` when ``revision`` (the database's at ``db_path``) is one this
    code has no migration script for: a newer version of the app wrote it."""
    if revision is not None and not _known(revision):
        raise _too_new(db_path, revision)


def migrate(db_path: Path, *, pages: bool = True) -> str:
    """Bring the database at ``db_path`` (created if missing) up to :func:`head_revision`.

    ``pages=False`` skips the check of its pages (a clean close vouches for them, :func:`check`).
    Returns the revision it is at afterwards. Raises :class:`DatabaseTooNew` for a database whose
    revision this code does not know, :class:`DatabaseDamaged` for one that fails its check, and
    another :class:`StorageProblem` when the disk will not let it (read-only, full, failing).
    """
    try:
        if not db_path.exists():
            raise_if_broken_link(db_path)
            return _create(db_path)
        problems = check(db_path, pages=pages)
        if problems:
            raise DatabaseDamaged(db_path, problems)
        return at_head(db_path) or _upgrade(db_path)
    except (sa.exc.DBAPIError, sqlite3.Error, OSError) as exc:
        raise (problem_from(exc, db_path) or cannot_use(db_path, str(exc))) from exc


def _upgrade(db_path: Path, *, new: bool = False) -> str:
    from alembic import command

    engine = create_engine(db_path)
    try:
        with engine.connect() as connection:
            current = current_revision(connection)
            refuse_unknown(db_path, current)
            command.upgrade(_config(connection), "head")
            connection.commit()
            revision = current_revision(connection)
            if revision != current:
                log.info("database migrated from revision %s to %s", current, revision)
    finally:
        engine.dispose()
    if new:  # everything into the file itself: its log is not renamed with it
        checkpoint = connect(db_path)
        try:
            checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            checkpoint.close()
    assert revision is not None
    return revision


def _create(db_path: Path) -> str:
    """A new database, built under a temporary name and linked into place whole: a file at
    ``db_path`` is always a complete database, so an empty one is damage, never a new till."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    building = db_path.with_name(f"{db_path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        revision = _upgrade(building, new=True)
        try:
            # link, not rename: if another process created the database meanwhile, keep theirs
            os.link(building, db_path)
        except FileExistsError:
            return migrate(db_path)
        except OSError:  # a file system without hard links
            if db_path.exists():
                return migrate(db_path)
            os.replace(building, db_path)
        sync_folder(db_path.parent)
        return revision
    finally:
        for suffix in SIBLINGS:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(building.with_name(building.name + suffix))


def raise_if_broken_link(db_path: Path) -> None:
    """Refuse a database name that is a link leading to no file (:func:`broken_link`)."""
    problem = broken_link(db_path)
    if problem is not None:
        raise problem


def writable(db_path: Path) -> bool:
    """Whether the database (or, before it exists, its folder) can be written: ``False`` on a
    read-only mount, even for root, whom permissions do not stop."""
    folder = db_path.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            problem = problem_from(exc, db_path)
            if isinstance(problem, StorageReadOnly):
                return False
            raise (problem or cannot_use(db_path, str(exc))) from exc
    if not os.access(folder, os.W_OK):
        return False
    return not db_path.exists() or os.access(db_path, os.W_OK)


def prepare_database(db_path: Path, *, pages: bool = True) -> StorageProblem | None:
    """Make the database at ``db_path`` ready for the till; returns why it can only be read
    (``None``: it can be written).

    Where it can be written: :func:`migrate` (``pages`` as there). Where it cannot (a read-only
    folder, or a full disk that refuses even the log's index a connection for writing needs):
    checked whole (its pages too, when ``pages``) and opened for reading, so what the till
    holds can still be seen and exported; it must already be at :func:`head_revision`.
    """
    raise_if_broken_link(db_path)
    if writable(db_path):
        try:
            migrate(db_path, pages=pages)
        except StorageFull as full:
            if not db_path.exists():
                raise
            return _readable_on_a_full_disk(db_path, full, pages=pages)
        return None
    if not db_path.exists():
        said = say("storage.read_only_no_database", folder=str(db_path.parent))
        raise StorageReadOnly.saying(said, db_path)
    _check_readable(db_path, pages=pages)
    return folder_read_only(db_path)


#: The size of a write-ahead log's index file (its first block, which every reader maps).
INDEX_BYTES = 32 * 1024


def _readable_on_a_full_disk(db_path: Path, full: StorageFull, *, pages: bool) -> StorageFull:
    """The database on a disk too full to open it for writing, checked for reading (its pages
    when ``pages``): the day's history, the queue and the audit log are what a manager needs
    most that day. One that must be migrated first cannot be read as it is: the disk is full,
    as said."""
    try:
        _check_readable(db_path, pages=pages)
    except StorageReadOnly:
        raise full from None
    except StorageFull:
        if not _log_left_to_read(db_path):
            raise
        # A run that ended without closing the database (a crash, power cut) left its last
        # writes in the write-ahead log. Reading them takes the log's index file beside it
        # (-shm, 32 KB), which SQLite cannot make on a disk with no byte free: "nothing new
        # can be saved" read as if the till could still show what it holds. (``immutable``
        # reads without the index but ignores the log, so what was committed would be missing;
        # only a connection for writing in exclusive locking mode reads it, and that holds
        # every other process out. Space freed, the next start reads it all.)
        said = say("storage.full_unreadable", folder=str(db_path.parent))
        raise StorageFull.saying(said, db_path) from None
    return full


def _log_left_to_read(db_path: Path) -> bool:
    """Whether a write-ahead log with content lies beside ``db_path``, its index missing or
    not whole (a crash; or a hand that removed it)."""
    wal, index = wal_file(db_path), db_path.with_name(db_path.name + "-shm")
    try:
        if wal.stat().st_size == 0:
            return False
        return not index.exists() or index.stat().st_size < INDEX_BYTES
    except OSError:
        return False


def _check_readable(db_path: Path, *, pages: bool = True) -> None:
    """Refuse a database that cannot be read as it is: damaged, or not at the head revision."""
    problems = check(db_path, read_only=True, pages=pages)
    if problems:
        raise DatabaseDamaged(db_path, problems)
    revision = _read_revision(db_path)
    if revision != (script_head() or head_revision()):
        if revision is not None and not _known(revision):
            raise _too_new(db_path, revision)
        said = say("storage.read_only_needs_upgrade", path=str(db_path))
        raise StorageReadOnly.saying(said, db_path)


def _read_revision(db_path: Path) -> str | None:
    try:
        connection = connect(db_path, read_only=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise (problem_from(exc, db_path) or cannot_use(db_path, str(exc))) from exc
    return None if row is None else str(row[0])
