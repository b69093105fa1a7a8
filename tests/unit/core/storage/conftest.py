"""Fixtures for the storage tests: a database file taken to an older revision and back, as an
upgrade (or a downgrade) meets the rows an earlier release wrote."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from app.core.storage import create_engine
from app.core.storage.migrate import _config


class DatabaseFile:
    """``till.db`` in the test's folder, empty until a test builds it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def connected(self) -> Iterator[sa.Connection]:
        """One transaction on an engine with the till's pragmas, disposed of after (the file
        is left for :func:`migrate` or for plain ``sqlite3`` to read)."""
        engine = create_engine(self.path)
        try:
            with engine.begin() as connection:
                yield connection
        finally:
            engine.dispose()

    @contextmanager
    def at(self, revision: str) -> Iterator[sa.Connection]:
        """The file built up to ``revision``, then a transaction for the rows an earlier release
        would have written to it."""
        with self.connected() as connection:
            command.upgrade(_config(connection), revision)
            yield connection

    @contextmanager
    def back_to(self, revision: str) -> Iterator[sa.Connection]:
        """The file taken back down to ``revision``, then a transaction to read what is left."""
        with self.connected() as connection:
            command.downgrade(_config(connection), revision)
            yield connection

    def read(self, query: str) -> list[tuple[Any, ...]]:
        """``query``'s rows, read with plain ``sqlite3`` as another program would."""
        with closing(sqlite3.connect(self.path)) as connection:
            return connection.execute(query).fetchall()

    @staticmethod
    def columns(connection: sa.Connection, table: str) -> list[str]:
        """The names of ``table``'s columns, as SQLite has them now."""
        return [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info('{table}')")]


@pytest.fixture
def database_file(tmp_path: Path) -> DatabaseFile:
    """An empty database file of this test's own."""
    return DatabaseFile(tmp_path / "till.db")
