"""A damaged database is found at start and never silently replaced: refused until someone says
so, then kept aside whole, with a timestamp; an empty file or one without a schema revision is
damage too, never a new till."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import alembic.command
import pytest

from app.core.storage import Database, head_revision, integrity, migrate
from app.core.storage.integrity import check, move_aside
from app.core.storage.problems import DatabaseDamaged

from ....support.disk import damage_last_page, damage_page_holding


def till_with_entries(path: Path, count: int = 200) -> Path:
    """A migrated database holding ``count`` entries whose payloads carry a findable marker."""
    migrate(path)
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, attempts, "
            "provisional, reconciled, cashier, terminal, created_at, updated_at) VALUES "
            "(?, ?, 'reward', ?, 'member:1', 'u@x.id', 'queued', 0, 0, 0, 'ayu', 'till-1', "
            "'2026-11-30 10:00:00', '2026-11-30 10:00:00')",
            [
                (f"01a22c17-0000-7000-8000-{n:012d}", n + 1, f'{{"marker": "MARK{n:05d}"}}')
                for n in range(count)
            ],
        )
    connection.close()  # the last connection checkpoints the log into the file
    assert not (path.parent / f"{path.name}-wal").exists()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_damaged_page_is_found_at_start_and_the_file_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = till_with_entries(tmp_path / "till.db")
    damage_page_holding(path, b"MARK00100")
    before = digest(path)
    with pytest.raises(DatabaseDamaged, match="is damaged") as caught:
        await Database.open(path)
    assert caught.value.problems
    assert digest(path) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"not a database at all" * 10, "not an SQLite database")],
)
async def test_an_empty_or_foreign_file_is_damage_not_a_new_database(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "till.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseDamaged, match=problem):
        await Database.open(path)
    assert path.read_bytes() == content  # not migrated into a new, empty till


async def test_tables_without_a_schema_revision_are_damage(tmp_path: Path) -> None:
    path = till_with_entries(tmp_path / "till.db", count=3)
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE alembic_version")
    with pytest.raises(DatabaseDamaged, match="no schema revision"):
        await Database.open(path)
    with sqlite3.connect(path) as connection:  # nothing was created over it
        assert connection.execute("SELECT count(*) FROM outbox_entries").fetchone() == (3,)


@pytest.mark.parametrize("table", ["outbox_attempts", "member_balances", "staff_accounts"])
async def test_a_database_at_head_missing_one_of_its_tables_is_damage(
    tmp_path: Path, table: str
) -> None:
    # Its revision says every table is there; a lost one surfaced as a "no such table"
    # traceback at the first command that read it.
    path = till_with_entries(tmp_path / "till.db", count=3)
    with sqlite3.connect(path) as connection:
        connection.execute(f"DROP TABLE {table}")
    with pytest.raises(DatabaseDamaged, match=f"lacks the table {table}"):
        await Database.open(path)
    with sqlite3.connect(path) as connection:  # its entries are still there to be read
        assert connection.execute("SELECT count(*) FROM outbox_entries").fetchone() == (3,)


def test_an_empty_sqlite_database_is_migrated_like_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").close()
    assert migrate(path) == head_revision()


def test_a_new_database_appears_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data" / "till.db"

    def crash(*_: object, **__: object) -> None:
        raise KeyboardInterrupt  # the till killed half-way through creating its database

    monkeypatch.setattr(alembic.command, "upgrade", crash)
    with pytest.raises(KeyboardInterrupt):
        migrate(path)
    assert list(path.parent.iterdir()) == []  # no empty file to be mistaken for a database
    monkeypatch.undo()
    assert migrate(path) == head_revision()
    assert check(path) == []


def test_doctors_check_reads_every_page(tmp_path: Path) -> None:
    path = till_with_entries(tmp_path / "till.db")
    assert check(path, "integrity_check") == []
    damage_last_page(path)
    assert check(path, "integrity_check")
    assert check(path, "quick_check")


def test_a_long_list_of_problems_is_cut_short(tmp_path: Path) -> None:
    path = till_with_entries(tmp_path / "till.db", count=2000)
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):  # every page but the schema's
        data[page * 4096 + 8 : page * 4096 + 24] = b"\xff" * 16
    path.write_bytes(bytes(data))
    problems = check(path)
    assert 0 < len(problems) <= integrity.MAX_PROBLEMS


def test_moving_aside_keeps_the_file_and_its_log_together(tmp_path: Path) -> None:
    path = till_with_entries(tmp_path / "till.db", count=5)
    # a log that holds the last commit, as a killed till leaves it
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE outbox_entries SET status = 'unknown' WHERE seq = 5")
    # and wrong PINs a full disk would not let it count: by its account ids, not a new one's
    (tmp_path / "till.db-held").write_bytes(b'{"1": [4, null]}')
    aside = move_aside(path, datetime(2026, 11, 30, 10, 15, 30, tzinfo=UTC))
    writer.close()
    assert aside.name == "till.db.damaged-20261130T101530Z"
    assert not path.exists() and not (tmp_path / "till.db-held").exists()
    assert (tmp_path / "till.db.damaged-20261130T101530Z-wal").exists()
    assert (tmp_path / "till.db.damaged-20261130T101530Z-held").exists()
    with sqlite3.connect(f"file:{aside}?mode=ro", uri=True) as reader:
        assert reader.execute("SELECT status FROM outbox_entries WHERE seq = 5").fetchone() == (
            "unknown",
        )
    # a second one in the same second does not overwrite the first
    till_with_entries(path, count=1)
    again = move_aside(path, datetime(2026, 11, 30, 10, 15, 30, tzinfo=UTC))
    assert again != aside and aside.exists() and again.exists()
