"""A till left running forgets, once a day on its own clock, the members and slips it has kept
for the retention: not only when it opens."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.clock import ManualClock
from app.core.offline.cache import MemberCache
from app.core.services.upkeep import EVERY, NOTE, SLIPS_FOLDER, Upkeep
from app.core.storage import Database
from app.core.storage.tables import ENTRIES

from ....support.members import ayu
from ..conftest import OldRows

RETENTION = timedelta(days=90)


@pytest.fixture
async def cache(db_path: Path) -> AsyncIterator[MemberCache]:
    db = Database(db_path)
    cache = MemberCache(db)
    yield cache
    await cache.close()
    await db.close()


def slip(folder: Path, name: str, written: float) -> Path:
    """A slip's PDF in ``folder``, written at ``written`` (a timestamp)."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(b"%PDF-1.4")
    os.utime(path, (written, written))
    return path


async def test_a_till_left_running_forgets_what_it_kept_for_the_retention_once_a_day(
    cache: MemberCache, clock: ManualClock, db_path: Path
) -> None:
    data = db_path.parent
    await cache.remember(ayu())  # seen now, by the till's clock
    slips = data / SLIPS_FOLDER
    hers = slip(slips, "hers.pdf", clock.now().timestamp())
    upkeep = Upkeep(cache, data, RETENTION)
    upkeep.start()
    try:
        await upkeep.until_rounds(1)  # the slips at once: nothing is that old yet
        for day in range(1, 91):
            clock.advance(EVERY.total_seconds())
            await upkeep.until_rounds(day + 1)
        # 90 days on the dot: not yet "more than" the retention
        assert await cache.find("customer@stamps.co.id") is not None and hers.exists()
        later = slip(slips, "later.pdf", clock.now().timestamp())
        clock.advance(EVERY.total_seconds())
        await upkeep.until_rounds(92)
        assert await cache.find("customer@stamps.co.id") is None
        assert sorted(p.name for p in slips.iterdir()) == [later.name]
    finally:
        await upkeep.stop()


async def test_slips_older_than_the_retention_go_at_once_and_other_files_stay(
    cache: MemberCache, clock: ManualClock, db_path: Path
) -> None:
    # (the open purged the cache; the slips were the window's, once it had started)
    slips = db_path.parent / SLIPS_FOLDER
    now = clock.now().timestamp()
    slip(slips, "last-quarter.pdf", now - RETENTION.total_seconds() - 3_600)
    slip(slips, "yesterday.pdf", now - 86_400)
    slip(slips, "notes.txt", now - 10**8)
    upkeep = Upkeep(cache, db_path.parent, RETENTION)
    upkeep.start()
    try:
        await upkeep.until_rounds(1)
    finally:
        await upkeep.stop()
    assert sorted(p.name for p in slips.iterdir()) == ["notes.txt", "yesterday.pdf"]


@pytest.mark.parametrize(
    ("clock_agrees", "kept"),
    [
        (True, ["e2", "e3", "e4"]),
        # a clock not (yet) checked against the server's, or off by more than two minutes:
        # set a year ahead, it would forget last month's; nothing goes until it is checked
        (False, ["e1", "e2", "e3", "e4"]),
    ],
)
async def test_the_first_round_forgets_the_outbox_s_settled_rows_older_than_the_retention(
    db_path: Path,
    old_rows: OldRows,
    clock: ManualClock,
    clock_agrees: bool,
    kept: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A till upgraded with two years of rows: the window's first round starts on them, not a
    # day later; a queued entry as old stays, and so do last month's.
    db = Database(db_path)
    cache = MemberCache(db)
    old = clock.now() - timedelta(days=700)

    def seed(session: Any) -> None:
        for n, (status, at) in enumerate(
            [
                ("synced", old),
                ("queued", old),
                ("rejected", old),
                ("synced", clock.now() - timedelta(days=30)),
            ],
            start=1,
        ):
            old_rows.entry(session, f"e{n}", status, at)

    await db.write(seed)
    upkeep = Upkeep(
        cache,
        db_path.parent,
        RETENTION,
        db=db,
        keep=timedelta(days=400),
        clock_checked=lambda: clock_agrees,
    )
    upkeep.start()
    try:
        await upkeep.until_rounds(1)
        left = await db.read(lambda s: sorted(s.execute(sa.select(ENTRIES.c.id)).scalars().all()))
        # right after the open the server has seldom answered: no warning of it at every start
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        clock.advance(EVERY.total_seconds())
        await upkeep.until_rounds(2)
    finally:
        await upkeep.stop()
        await cache.close()
        await db.close()
    assert left == kept
    # a day on, a clock still not checked is worth a warning
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == int(not clock_agrees)


def settled_long_ago(session: Any, entry_id: str, seq: int, at: Any) -> None:
    session.execute(
        sa.insert(ENTRIES).values(
            id=entry_id,
            seq=seq,
            kind="reward",
            payload={},
            lane="member:6",
            user="ayu",
            status="synced",
            attempts=1,
            cashier="Dewi",
            terminal="t1",
            created_at=at,
            updated_at=at,
        )
    )


@pytest.mark.parametrize("server_answers", [True, False])
async def test_a_round_when_due_runs_once_a_day_on_a_clock_checked_first(
    db_path: Path, clock: ManualClock, server_answers: bool
) -> None:
    # `sync --once` from cron, every few minutes: one round a day, not one a run. With nothing
    # to send it has asked the server nothing, so it asks (a ping) before forgetting; offline,
    # nothing is forgotten and the next run tries again.
    db = Database(db_path)
    cache = MemberCache(db)
    old = clock.now() - timedelta(days=700)
    checked: list[bool] = []

    async def check_clock() -> None:
        checked.append(server_answers)

    upkeep = Upkeep(
        cache,
        db_path.parent,
        RETENTION,
        db=db,
        keep=timedelta(days=400),
        clock_checked=lambda: any(checked),
        check_clock=check_clock,
    )

    async def left() -> list[str]:
        return await db.read(lambda s: sorted(s.execute(sa.select(ENTRIES.c.id)).scalars().all()))

    try:
        await db.write(lambda s: settled_long_ago(s, "e1", 1, old))
        assert await upkeep.round_if_due()
        assert checked == [server_answers]
        if not server_answers:
            assert await left() == ["e1"] and upkeep.due()
            assert await upkeep.round_if_due()  # the next run: not noted, so due again
            assert checked == [False, False]
            return
        assert await left() == []
        await db.write(lambda s: settled_long_ago(s, "e2", 2, old))
        clock.advance(EVERY.total_seconds() - 60)
        assert not await upkeep.round_if_due()
        assert await left() == ["e2"]
        clock.advance(60)
        assert await upkeep.round_if_due()
        assert await left() == []
        assert checked == [True]  # checked once: the clock was known since
        assert (db_path.parent / NOTE).exists()
    finally:
        await cache.close()
        await db.close()
