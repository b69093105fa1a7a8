"""The writer thread: writes off the loop, committed when awaited, rolled back on error."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.core.clock import now
from app.core.storage import Database, MemberBalance, migrate


@pytest.fixture
async def db(tmp_path: Path) -> Database:
    database = await Database.open(tmp_path / "till.db")
    yield database  # type: ignore[misc]
    await database.close()


async def test_writes_run_on_one_thread_that_is_not_the_loops(db: Database) -> None:
    threads: list[int] = []

    def write(session: Session) -> None:
        threads.append(threading.get_ident())
        session.add(MemberBalance(lane=str(len(threads)), stamps=1, updated_at=now()))

    for _ in range(5):
        await db.write(write)
    assert len(threads) == 5
    threads = list(set(threads))
    assert len(threads) == 1 and threading.get_ident() not in threads


async def test_a_write_is_visible_to_readers_when_awaited(db: Database) -> None:
    await db.write(lambda s: s.add(MemberBalance(lane="m", stamps=5, updated_at=now())))
    balance = await db.read(lambda s: s.get(MemberBalance, "m"))
    assert balance is not None and balance.stamps == 5
    assert balance.updated_at.tzinfo is not None


async def test_a_failing_write_rolls_back(db: Database) -> None:
    def write(session: Session) -> None:
        session.add(MemberBalance(lane="m", stamps=5, updated_at=now()))
        session.flush()
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        await db.write(write)
    assert await db.read(lambda s: s.get(MemberBalance, "m")) is None


async def test_naive_times_are_refused(db: Database) -> None:
    from datetime import datetime

    with pytest.raises(sa.exc.StatementError, match="timezone-aware"):
        await db.write(
            lambda s: s.add(MemberBalance(lane="m", stamps=1, updated_at=datetime(2026, 1, 1)))
        )


async def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sa.exc.IntegrityError):
        await db.write(
            lambda s: s.add(MemberBalance(lane="m", stamps=1, updated_at=now(), entry_id="nope"))
        )


async def test_a_closed_database_refuses_work(tmp_path: Path) -> None:
    migrate(tmp_path / "x.db")
    database = Database(tmp_path / "x.db")
    await database.close()
    with pytest.raises(RuntimeError, match="closed"):
        await database.read(lambda s: None)
