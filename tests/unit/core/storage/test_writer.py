"""The writer thread: writes off the loop, committed when awaited, rolled back on error."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

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


async def _writer_held(
    db: Database, lane: str = "held"
) -> tuple[threading.Event, asyncio.Future[None]]:
    """Hold the writer thread inside a write until the returned event is set, so the writes
    awaited meanwhile queue up behind it."""
    release, entered = threading.Event(), threading.Event()

    def hold(session: Session) -> None:
        session.add(MemberBalance(lane=lane, stamps=0, updated_at=now()))
        entered.set()
        release.wait(10)

    held = asyncio.ensure_future(db.write(hold))
    await asyncio.to_thread(entered.wait, 10)
    return release, held


async def test_writes_that_queue_up_share_one_commit_and_each_is_committed(
    db: Database,
) -> None:
    commits: list[int] = []
    sa.event.listen(db.write_engine, "commit", lambda _conn: commits.append(1))
    release, held = await _writer_held(db)

    def add(lane: str) -> Callable[[Session], str]:
        def write(session: Session) -> str:
            session.add(MemberBalance(lane=lane, stamps=len(lane), updated_at=now()))
            return lane

        return write

    queued = [asyncio.ensure_future(db.write(add(f"m{i}"))) for i in range(5)]
    await asyncio.sleep(0)
    release.set()
    await held
    assert await asyncio.gather(*queued) == [f"m{i}" for i in range(5)]
    # the held write committed alone, the five queued behind it together
    assert len(commits) == 2
    lanes = await db.read(lambda s: sorted(b.lane for b in s.exec(select(MemberBalance))))
    assert lanes == ["held", *(f"m{i}" for i in range(5))]


async def test_a_write_that_fails_in_a_group_fails_alone(db: Database) -> None:
    release, held = await _writer_held(db)

    def good(lane: str) -> Callable[[Session], None]:
        return lambda s: s.add(MemberBalance(lane=lane, stamps=1, updated_at=now()))

    def bad(session: Session) -> None:
        session.add(MemberBalance(lane="bad", stamps=1, updated_at=now()))
        session.flush()
        raise ValueError("no")

    first = asyncio.ensure_future(db.write(good("before")))
    failing = asyncio.ensure_future(db.write(bad))
    last = asyncio.ensure_future(db.write(good("after")))
    await asyncio.sleep(0)
    release.set()
    await held
    await first
    await last
    with pytest.raises(ValueError, match="no"):
        await failing
    lanes = await db.read(lambda s: sorted(b.lane for b in s.exec(select(MemberBalance))))
    assert lanes == ["after", "before", "held"]


async def test_writes_in_a_group_see_each_others_rows_but_not_their_objects(
    db: Database,
) -> None:
    release, held = await _writer_held(db)
    await_first = asyncio.ensure_future(
        db.write(lambda s: s.add(MemberBalance(lane="m", stamps=5, updated_at=now())))
    )

    def change(session: Session) -> MemberBalance:
        balance = session.get(MemberBalance, "m")
        assert balance is not None
        balance.stamps += 1
        return balance

    second = asyncio.ensure_future(db.write(change))
    third = asyncio.ensure_future(db.write(change))
    await asyncio.sleep(0)
    release.set()
    await held
    await await_first
    # each write returns its own committed state, as if it had run alone
    assert (await second).stamps == 6
    assert (await third).stamps == 7


async def test_a_raw_write_runs_in_a_transaction_of_its_own_or_of_the_group(
    db: Database,
) -> None:
    def insert(lane: str) -> Callable[[sqlite3.Connection], bool]:
        def write(connection: sqlite3.Connection) -> bool:
            connection.execute(
                "INSERT INTO member_balances (lane, stamps, updated_at) VALUES (?, 1, ?)",
                (lane, "2026-01-01 00:00:00.000000"),
            )
            return connection.in_transaction

        return write

    assert await db.write_raw(insert("alone"))
    release, held = await _writer_held(db)
    together = [asyncio.ensure_future(db.write_raw(insert(f"g{i}"))) for i in range(3)]
    await asyncio.sleep(0)
    release.set()
    await held
    assert all(await asyncio.gather(*together))
    lanes = await db.read(lambda s: sorted(b.lane for b in s.exec(select(MemberBalance))))
    assert lanes == ["alone", "g0", "g1", "g2", "held"]

    def failing(connection: sqlite3.Connection) -> None:
        insert("rolled back")(connection)
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        await db.write_raw(failing)
    assert await db.read(lambda s: s.get(MemberBalance, "rolled back")) is None


async def test_raw_writes_that_queue_up_share_one_commit_and_one_failing_fails_alone(
    db: Database,
) -> None:
    # what the writer's connection is asked to do, statement by statement
    statements: list[str] = []
    await db.write_raw(lambda connection: connection.set_trace_callback(statements.append))

    def insert(lane: str) -> Callable[[sqlite3.Connection], str]:
        def write(connection: sqlite3.Connection) -> str:
            connection.execute(
                "INSERT INTO member_balances (lane, stamps, updated_at) VALUES (?, 1, ?)",
                (lane, "2026-01-01 00:00:00.000000"),
            )
            return lane

        return write

    def failing(connection: sqlite3.Connection) -> None:
        insert("rolled back")(connection)
        raise ValueError("no")

    release, held = await _writer_held(db)
    statements.clear()
    together = [asyncio.ensure_future(db.write_raw(insert(f"g{i}"))) for i in range(3)]
    await asyncio.sleep(0)
    release.set()
    await held
    assert await asyncio.gather(*together) == ["g0", "g1", "g2"]
    # the held write's commit, then one for the three queued behind it
    assert statements.count("COMMIT") == 2

    release, held = await _writer_held(db, "held again")
    queued = [
        asyncio.ensure_future(db.write_raw(insert("before"))),
        asyncio.ensure_future(db.write_raw(failing)),
        asyncio.ensure_future(db.write_raw(insert("after"))),
    ]
    await asyncio.sleep(0)
    release.set()
    await held
    before, refused, after = await asyncio.gather(*queued, return_exceptions=True)
    assert (before, after) == ("before", "after")
    assert isinstance(refused, ValueError)
    lanes = await db.read(lambda s: sorted(b.lane for b in s.exec(select(MemberBalance))))
    assert lanes == ["after", "before", "g0", "g1", "g2", "held", "held again"]


async def test_session_writes_between_raw_writes_get_the_writers_one_connection(
    tmp_path: Path,
) -> None:
    # the writer keeps its connection between raw writes (no checkout per write); a Session
    # write in between must still get it, and closing must hand it back to be closed
    db = await Database.open(tmp_path / "till.db")

    def raw(lane: str) -> Callable[[sqlite3.Connection], None]:
        def write(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT INTO member_balances (lane, stamps, updated_at) VALUES (?, 1, ?)",
                (lane, "2026-01-01 00:00:00.000000"),
            )

        return write

    await db.write_raw(raw("raw 1"))
    await asyncio.wait_for(
        db.write(lambda s: s.add(MemberBalance(lane="session", stamps=2, updated_at=now()))), 5
    )
    await db.write_raw(raw("raw 2"))
    lanes = await db.read(lambda s: sorted(b.lane for b in s.exec(select(MemberBalance))))
    assert lanes == ["raw 1", "raw 2", "session"]
    pool = db.write_engine.pool
    await db.close()
    assert pool.checkedout() == 0
