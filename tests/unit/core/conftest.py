"""Fixtures for the core's unit tests: a manual clock, and a fresh migrated database per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import ManualClock, installed
from app.core.storage import migrate


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template", numbered=False) / "template.db"
    migrate(path)
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    """A fresh migrated database file for this test."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "till.db"
    shutil.copyfile(template_db, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def clock() -> Iterator[ManualClock]:
    """A manual clock installed as the core's clock."""
    manual = ManualClock()
    with installed(manual):
        yield manual
