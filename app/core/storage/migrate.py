"""Alembic migrations, run at start from code (no ``alembic.ini`` at runtime).

A database written by a newer version of the app carries a revision this code has never heard of;
:func:`migrate` refuses it rather than guess at its schema.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from app.core.storage.engine import create_engine

MIGRATIONS = Path(__file__).with_name("migrations")

log = logging.getLogger(__name__)


class DatabaseTooNew(RuntimeError):
    """The database's schema revision is newer than any this version of the app knows."""


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this code knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found")
    return head


def current_revision(connection: sa.Connection) -> str | None:
    """The revision the database on ``connection`` is at (``None`` for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def refuse_unknown(db_path: Path, revision: str | None) -> None:
    """Raise :class:`DatabaseTooNew` when ``revision`` (the database's at ``db_path``) is one this
    code has no migration script for: a newer version of the app wrote it."""
    if revision is None:
        return
    script = ScriptDirectory.from_config(_config())
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise DatabaseTooNew(
            f"The database {db_path} is at schema revision {revision!r}, which this "
            f"version of Stamps POS does not know (it knows up to "
            f"{script.get_current_head()!r}). It was written by a newer version: "
            "install that version again, or move the database aside."
        )


def migrate(db_path: Path) -> str:
    """Bring the database at ``db_path`` (created if missing) up to :func:`head_revision`.

    Returns the revision it is at afterwards. Raises :class:`DatabaseTooNew` for a database whose
    revision this code does not know.
    """
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
    assert revision is not None
    return revision
