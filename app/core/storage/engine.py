"""The SQLite engine: a private file, WAL, ``synchronous=FULL``, foreign keys, a busy timeout.

pysqlite's own transaction handling is switched off so that every transaction starts with the
``BEGIN`` we choose: ``BEGIN IMMEDIATE`` for writers, so a write transaction holds the database's
write lock from its first statement and two processes sharing one file (the GUI and a headless
``stamps-pos sync``) serialise their claims instead of failing half-way.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

#: How long a connection waits for another's lock before giving up (milliseconds).
BUSY_TIMEOUT_MS = 10_000


def prepare_private_file(db_path: Path) -> None:
    """Create the database's folder (0700) and file (0600) before SQLite does (umask ignored)."""
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    fd = os.open(db_path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(db_path, 0o600)


def create_engine(db_path: Path, *, immediate: bool = True, pool_size: int = 1) -> sa.Engine:
    """An engine on ``db_path`` with the till's pragmas.

    ``immediate`` makes every transaction ``BEGIN IMMEDIATE`` (the writer); otherwise ``BEGIN``
    (readers, which never block a writer under WAL).
    """
    prepare_private_file(db_path)
    engine = sa.create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=pool_size,
        max_overflow=0,
    )
    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql(begin)

    return engine
