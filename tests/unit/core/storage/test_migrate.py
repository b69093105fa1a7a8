"""Migrations: from nothing to head, idempotent, matching the models, refusing the future."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from app.core.storage import DatabaseTooNew, create_engine, head_revision, migrate


def test_migrates_an_empty_file_to_head_and_again_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    assert migrate(path) == head_revision()
    assert migrate(path) == head_revision()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT paused FROM outbox_control").fetchall() == [(0,)]


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    migrate(path)
    ours = set(SQLModel.metadata.tables)

    def include(obj: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
        # this package's tables only: the offline cache's are checked with its own code
        table = name if kind == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in ours

    engine = create_engine(path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include}
            )
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        engine.dispose()


def test_refuses_a_database_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    migrate(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(DatabaseTooNew, match=r"'0099'.*newer version"):
        migrate(path)
    with sqlite3.connect(path) as connection:  # and leaves it alone
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0099",)
        ]
