"""Fixtures for the core's unit tests: a manual clock, a fresh migrated database per test, and
rows written into it as an earlier run of the till left them."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.clock import ManualClock, installed
from app.core.domain import Outcome
from app.core.storage import migrate
from app.core.storage.tables import ATTEMPTS, AUDIT, ENTRIES


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


class OldRows:
    """Rows written straight into the test's database (inside a ``db.write``), as a till that
    ran for a while left them, and read back with plain ``sqlite3``: what the till keeps of them
    is not read through the code under test."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._seq = itertools.count(1)

    def entry(
        self,
        session: Any,
        entry_id: str,
        status: str,
        at: datetime,
        *,
        kind: str = "reward",
        cashier: str = "Dewi",
        attempts: int = 0,
        **values: Any,
    ) -> None:
        """An outbox entry of Ayu's lane made and last changed ``at``; the next in the queue."""
        session.execute(
            sa.insert(ENTRIES).values(
                id=entry_id,
                seq=next(self._seq),
                kind=kind,
                payload={},
                lane="member:6",
                user="ayu",
                status=status,
                attempts=attempts,
                cashier=cashier,
                terminal="t1",
                created_at=at,
                updated_at=at,
                **values,
            )
        )

    @staticmethod
    def attempts(
        session: Any,
        entry_id: str,
        outcomes: list[str | None],
        start: datetime,
        errors: list[str | None] | None = None,
    ) -> None:
        """``outcomes[i]`` is attempt i + 1's, each a minute long, five minutes apart; ``None``
        for one still on its way; ``errors[i]`` its failure, as recorded (one that could not
        connect, by default)."""
        session.execute(
            sa.insert(ATTEMPTS),
            [
                {
                    "entry_id": entry_id,
                    "number": n,
                    "lease_owner": "w1",
                    "started_at": start + timedelta(minutes=5 * (n - 1)),
                    "ended_at": None
                    if outcome is None
                    else start + timedelta(minutes=5 * (n - 1) + 1),
                    "outcome": outcome or Outcome.AMBIGUOUS,
                    "error": errors[n - 1]
                    if errors
                    else "ConnectError: offline"
                    if outcome == Outcome.NEVER_ARRIVED
                    else None,
                }
                for n, outcome in enumerate(outcomes, start=1)
            ],
        )

    @staticmethod
    def audit(session: Any, at: datetime, entry_id: str | None = None) -> None:
        """A manager's line in the audit log, about ``entry_id`` if given."""
        session.execute(
            sa.insert(AUDIT).values(
                at=at, who="Wayan", action="dismiss", terminal="t1", entry_id=entry_id
            )
        )

    def read(self, query: str) -> list[tuple[Any, ...]]:
        """``query``'s rows, read with plain ``sqlite3``."""
        with closing(sqlite3.connect(self.db_path)) as connection:
            return connection.execute(query).fetchall()


@pytest.fixture
def old_rows(db_path: Path) -> OldRows:
    """Rows to write into this test's database as an earlier run left them, and to read back."""
    return OldRows(db_path)
