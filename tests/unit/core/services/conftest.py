"""Fixtures for the services' unit tests: the staff of this test's database, with a cheap scrypt."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from app.core.clock import ManualClock
from app.core.services.pins import ScryptCost
from app.core.services.staff import Staff
from app.core.storage import Database

#: Scrypt at a cost a test can pay a hundred times; the default cost is tested in test_pins.py.
CHEAP = ScryptCost(n=2**4, r=8, p=1)
TERMINAL = "till-1"

StaffFactory = Callable[[], Awaitable[Staff]]


@pytest.fixture
async def open_staff(db_path: Path, clock: ManualClock) -> AsyncIterator[StaffFactory]:
    """Open the staff on this test's database, as many times as a test wants (each one is a
    restart of the till: a new connection, nothing kept in memory)."""
    opened: list[Database] = []

    async def factory() -> Staff:
        db = Database(db_path)
        opened.append(db)
        return Staff(db, TERMINAL, CHEAP)

    yield factory
    for db in opened:
        await db.close()


@pytest.fixture
async def staff(open_staff: StaffFactory) -> Staff:
    """The staff of this test's database."""
    return await open_staff()
