"""Prepared statements write and read rows exactly as the ORM does (times, JSON, decimals)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import inspect

from app.core.storage import Database, OutboxEntry
from app.core.storage.prepared import Prepared, as_loaded
from app.core.storage.tables import ENTRIES

AT = datetime(2026, 3, 4, 5, 6, 7, 89, tzinfo=UTC)
NAMES = ("id", "seq", "kind", "payload", "lane", "user", "status", "cashier", "terminal")
NAMES += ("created_at", "updated_at", "rupiah", "provisional", "attempts", "reconciled")
NAMES += ("issues_voucher",)
INSERT = Prepared(
    sa.insert(ENTRIES).values(
        {name: sa.bindparam(f"p_{name}", type_=ENTRIES.c[name].type) for name in NAMES}
    )
)
SELECT = Prepared(sa.select(*ENTRIES.columns).where(ENTRIES.c.id == sa.bindparam("p_id")))


def values(entry_id: str, seq: int) -> dict[str, Any]:
    return {
        "id": entry_id,
        "seq": seq,
        "kind": "reward",
        "payload": {"user": "a@example.com", "reward": 5, "note": "kopi ☕"},
        "lane": "member:1",
        "user": "a@example.com",
        "status": "queued",
        "cashier": "Dewi",
        "terminal": "T1",
        "created_at": AT,
        "updated_at": AT,
        "rupiah": Decimal("150000.50"),
        "provisional": True,
        "attempts": 0,
        "reconciled": False,
        "issues_voucher": False,
    }


@pytest.fixture
async def db(tmp_path: Path) -> Database:
    database = await Database.open(tmp_path / "till.db")
    yield database  # type: ignore[misc]
    await database.close()


def _stored(path: Path, entry_id: str) -> tuple[Any, ...]:
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT created_at, payload, rupiah, provisional FROM outbox_entries WHERE id = ?",
            (entry_id,),
        ).fetchone()
    assert row is not None
    return tuple(row)


async def test_a_prepared_insert_stores_what_the_orm_stores(db: Database) -> None:
    await db.write(lambda s: s.add(OutboxEntry(**values("orm", 1))))
    await db.write_raw(lambda c: INSERT.run(c, {f"p_{k}": v for k, v in values("raw", 2).items()}))
    # the same text in the file: times compare alike in SQL, whoever wrote them
    assert _stored(db.path, "raw") == _stored(db.path, "orm")


async def test_prepared_rows_come_back_as_the_orm_reads_them(db: Database) -> None:
    await db.write(lambda s: s.add(OutboxEntry(**values("orm", 1))))
    (row,) = await db.read_raw(lambda c: SELECT.rows(c, {"p_id": "orm"}))
    read = dict(zip([c.name for c in ENTRIES.columns], row, strict=True))
    assert read["created_at"] == AT and read["created_at"].tzinfo is not None
    assert read["payload"]["note"] == "kopi ☕"
    assert read["rupiah"] == Decimal("150000.50")
    assert read["provisional"] is True
    assert read["next_attempt_at"] is None


async def test_an_entry_built_as_loaded_is_the_entry_the_session_loads(db: Database) -> None:
    await db.write(lambda s: s.add(OutboxEntry(**values("orm", 1))))
    loaded = await db.read(lambda s: s.get(OutboxEntry, "orm"))
    built = as_loaded(OutboxEntry, values("orm", 1))
    assert built.model_dump() == loaded.model_dump()  # type: ignore[union-attr]
    assert inspect(built).detached and inspect(built).identity == ("orm",)


async def test_times_bound_in_turn_are_each_written_as_themselves(db: Database) -> None:
    # a transaction binds the same few times over and over; each is still its own
    times = [AT, AT + timedelta(hours=7), AT, AT.astimezone(timezone(timedelta(hours=7)))]
    times += [AT + timedelta(microseconds=n) for n in range(12)]
    for seq, at in enumerate(times, start=1):
        row = {f"p_{k}": v for k, v in values(f"e{seq}", seq).items()} | {"p_created_at": at}
        await db.write_raw(lambda c, row=row: INSERT.run(c, row))
    for seq, at in enumerate(times, start=1):
        (read,) = await db.read_raw(lambda c, seq=seq: SELECT.rows(c, {"p_id": f"e{seq}"}))
        assert read[ENTRIES.c.keys().index("created_at")] == at


async def test_a_naive_time_is_refused_after_its_aware_twin_was_written(db: Database) -> None:
    row = {f"p_{k}": v for k, v in values("aware", 1).items()}
    await db.write_raw(lambda c: INSERT.run(c, row))
    naive = {f"p_{k}": v for k, v in values("naive", 2).items()} | {
        "p_created_at": AT.replace(tzinfo=None)
    }
    with pytest.raises(ValueError, match="timezone-aware"):
        await db.write_raw(lambda c: INSERT.run(c, naive))


def test_a_statement_with_an_in_list_is_refused() -> None:
    with pytest.raises(ValueError, match="expand"):
        Prepared(sa.select(ENTRIES.c.id).where(ENTRIES.c.status.in_(["queued", "sending"])))
