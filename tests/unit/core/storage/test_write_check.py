"""After the disk refused a write, the till learns it can save again by trying: a row of real size
written and removed. A disk with only a few bytes to spare does not pass for one with room."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core.storage import Database, migrate, writer
from app.core.storage.problems import StorageFull, StorageProblem
from app.core.storage.tables import CHECKS

from .test_disk_faults import set_max_pages


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    path = tmp_path / "till.db"
    migrate(path)
    database = await Database.open(path)
    yield database
    await database.close()


def pages(db: Database) -> int:
    return int(
        db.write_sync(lambda s: s.connection().exec_driver_sql("PRAGMA page_count").scalar())
    )


async def test_a_full_disk_stays_full_until_there_is_room_for_a_real_write(db: Database) -> None:
    heard: list[StorageProblem | None] = []
    db.add_problem_listener(heard.append)
    set_max_pages(db, pages(db) + 2)  # room for a row or two, not for an entry's worth
    problem = await db.check_writes()
    assert isinstance(problem, StorageFull) and isinstance(db.problem, StorageFull)
    assert [type(p) for p in heard] == [StorageFull]

    set_max_pages(db, 1_000_000)
    assert await db.check_writes() is None
    assert db.problem is None and heard[-1] is None
    # the check leaves nothing behind
    assert (
        db.write_sync(lambda s: s.execute(sa.select(sa.func.count()).select_from(CHECKS)).scalar())
        == 0
    )


async def test_a_check_on_a_healthy_disk_says_nothing_to_listeners(db: Database) -> None:
    heard: list[StorageProblem | None] = []
    db.add_problem_listener(heard.append)
    assert await db.check_writes() is None
    assert heard == []


async def test_a_disk_with_nothing_free_stays_full_though_the_databases_files_take_the_row(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under WAL the log keeps the room of the transactions it held: on a disk with no byte free
    # the check's row fitted there, the banner lifted, and the next redemption was refused again
    # (seen on a full 3 MB tmpfs: the banner came and went every few seconds).
    heard: list[StorageProblem | None] = []
    db.add_problem_listener(heard.append)
    set_max_pages(db, pages(db) + 2)
    assert isinstance(await db.check_writes(), StorageFull)

    set_max_pages(db, 1_000_000)  # SQLite's files take the row...
    monkeypatch.setattr(writer, "free_bytes", lambda folder: 0, raising=False)  # ...the disk none
    assert isinstance(await db.check_writes(), StorageFull)
    await db.write(lambda s: s.execute(sa.delete(CHECKS)))  # any write that fits there
    assert isinstance(db.problem, StorageFull)
    assert [type(p) for p in heard] == [StorageFull]

    monkeypatch.setattr(writer, "free_bytes", lambda folder: 10 << 20)  # space freed
    assert await db.check_writes() is None
    assert heard[-1] is None
