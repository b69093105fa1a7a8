"""The SQLite engine: a private file, WAL, ``synchronous=FULL``, foreign keys, a busy timeout.

pysqlite's own transaction handling is switched off so that every transaction starts with the
``BEGIN`` we choose: ``BEGIN IMMEDIATE`` for writers, so a write transaction holds the database's
write lock from its first statement and two processes sharing one file (the GUI and a headless
``stamps-pos sync``) serialise their claims instead of failing half-way.

A database in a folder that cannot be written (a read-only mount) is opened read-only, so the
till can still show what it holds: see :func:`read_only_uri`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event

#: How long a connection waits for another's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000
#: The SQL function that lower-cases text as Python does: SQLite's own ``lower()`` folds ASCII
#: only, so "élodie" did not find "Élodie Martin" in History's member filter.
LOWER_ANY = "lower_any"


def _lower_any(text: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """``text`` lower-cased as ``str.lower`` does it (as the cache keeps its names' keys);
    anything else (a NULL) as it is."""
    return text.lower() if isinstance(text, str) else text


def lower_any(column: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
    """``column`` lower-cased for any letter, in SQL (:data:`LOWER_ANY`)."""
    return sa.func.lower_any(column, type_=sa.String())


def prepare_private_file(db_path: Path) -> None:
    """Create the database's folder (0700) and file (0600) before SQLite does (umask ignored)."""
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    fd = os.open(db_path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(db_path, 0o600)


def wal_file(db_path: Path) -> Path:
    """The database's write-ahead log (committed transactions not yet copied into the file)."""
    return db_path.with_name(db_path.name + "-wal")


def read_only_uri(db_path: Path) -> str:
    """An SQLite URI that reads ``db_path`` without writing anything beside it.

    With a write-ahead log beside it, ``mode=ro`` reads the log too (SQLite needs its index file
    to exist for that). Without one, ``mode=ro`` would still try to create the index and fail on
    a read-only folder; ``immutable=1`` reads the file alone, which then holds everything.
    """
    path = quote(str(db_path.absolute()))
    wal = wal_file(db_path)
    if wal.exists() and wal.stat().st_size > 0:
        return f"file:{path}?mode=ro"
    return f"file:{path}?immutable=1"


def connect(db_path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection with the till's pragmas (no transaction handling: the
    caller emits its own ``BEGIN``), read-only when asked."""
    if read_only:
        connection = sqlite3.connect(
            read_only_uri(db_path), uri=True, check_same_thread=False, isolation_level=None
        )
        connection.execute("PRAGMA query_only=ON")
    else:
        connection = sqlite3.connect(
            db_path,
            check_same_thread=False,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
    # registered on every connection the till opens: a call costs microseconds, and a query
    # naming the function on a connection without it would fail
    connection.create_function(LOWER_ANY, 1, _lower_any, deterministic=True)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def create_engine(
    db_path: Path, *, immediate: bool = True, pool_size: int = 1, read_only: bool = False
) -> sa.Engine:
    """An engine on ``db_path`` with the till's pragmas.

    ``immediate`` makes every transaction ``BEGIN IMMEDIATE`` (the writer); otherwise ``BEGIN``
    (readers, which never block a writer under WAL). ``read_only`` opens the file without
    creating or changing anything (a folder that cannot be written).
    """
    if not read_only:
        prepare_private_file(db_path)
    engine = sa.create_engine(
        "sqlite://",
        creator=lambda: connect(db_path, read_only=read_only),
        poolclass=sa.pool.QueuePool,
        pool_size=pool_size,
        max_overflow=0,
    )
    begin = "BEGIN IMMEDIATE" if immediate and not read_only else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql(begin)

    return engine
