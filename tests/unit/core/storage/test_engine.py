"""The engine's pragmas and the database file's permissions."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from app.core.storage import create_engine


def test_pragmas(tmp_path: Path) -> None:
    engine = create_engine(tmp_path / "till.db")
    try:
        with engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 10_000
    finally:
        engine.dispose()


def test_the_file_is_0600_in_a_0700_folder(tmp_path: Path) -> None:
    path = tmp_path / "data" / "till.db"
    engine = create_engine(path)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x)")
        with engine.connect() as connection:  # the WAL and its index exist while connected
            connection.exec_driver_sql("SELECT * FROM t").all()
            for suffix in ("", "-wal", "-shm"):
                sibling = path.with_name(path.name + suffix)
                assert stat.S_IMODE(sibling.stat().st_mode) == 0o600, suffix
    finally:
        engine.dispose()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_writers_begin_immediate(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    writer = create_engine(path)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with writer.begin() as connection:
            connection.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE: the write lock is held
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released at commit
        other.execute("COMMIT")
    finally:
        other.close()
        writer.dispose()
