"""A till closed cleanly starts without reading every page again; one that crashed, a file
changed since, or a check a week old reads them all, and damage is still found."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

import pytest

from app.core import clock
from app.core.storage import Database, closed_whole
from app.core.storage.integrity import move_aside
from app.core.storage.problems import DatabaseDamaged

from ....support.disk import damage_page_holding
from .test_disk_faults import full_disk_at_open
from .test_integrity import till_with_entries

migrate = importlib.import_module("app.core.storage.migrate")


@pytest.fixture
def page_checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each start since the fixture read the database's pages (``True``) or not."""
    seen: list[bool] = []
    real = migrate.check

    def check(db_path: Path, *args: Any, pages: bool = True, **kwargs: Any) -> list[str]:
        seen.append(pages)
        return real(db_path, *args, pages=pages, **kwargs)

    monkeypatch.setattr(migrate, "check", check)
    return seen


async def closed_cleanly(path: Path) -> Path:
    database = await Database.open(path)
    await database.close()
    return path


async def test_a_start_after_a_clean_close_does_not_read_every_page(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    assert closed_whole.note_path(path).exists()

    database = await Database.open(path)
    assert not closed_whole.note_path(path).exists()  # from now on the file changes
    await database.close()
    await closed_cleanly(path)

    assert page_checks == [True, False, False]


async def test_a_page_damaged_right_after_a_clean_close_is_found_at_start(
    tmp_path: Path,
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    size = path.stat().st_size
    damage_page_holding(path, b"MARK00100")  # within the same tick of the file system's clock
    assert path.stat().st_size == size

    with pytest.raises(DatabaseDamaged, match="is damaged"):
        await Database.open(path)


async def test_a_start_after_a_crash_reads_every_page(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    running = await Database.open(path)
    await running.write_raw(lambda c: c.execute("DELETE FROM outbox_entries WHERE seq = 1"))
    crashed = tmp_path / "crashed"  # the files as a process killed now leaves them
    crashed.mkdir()
    for name in ("till.db", "till.db-wal", "till.db-shm"):
        shutil.copy2(tmp_path / name, crashed / name)
    await running.close()

    await closed_cleanly(crashed / "till.db")

    assert page_checks[-1] is True


async def test_a_log_left_beside_the_file_means_its_pages_are_read(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    note = closed_whole.note_path(path).read_text(encoding="utf-8")
    other = sqlite3.connect(path)  # another program writing while the till is closed
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("DELETE FROM outbox_entries WHERE seq = 2")
    other.commit()
    closed_whole.note_path(path).write_text(note, encoding="utf-8")  # as if nothing happened

    database = await Database.open(path)
    other.close()
    await database.close()

    assert page_checks[-1] is True


async def test_a_file_written_by_another_program_since_is_checked(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    other = sqlite3.connect(path)
    other.execute("DELETE FROM outbox_entries WHERE seq = 3")
    other.commit()
    other.close()  # its log folded into the file and removed: only the file's times differ

    await closed_cleanly(path)

    assert page_checks[-1] is True


async def test_a_check_older_than_a_week_is_done_again_and_noted_anew(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    note = closed_whole.note_path(path)
    fields = json.loads(note.read_text(encoding="utf-8"))
    fields["checked_at"] = clock.now().timestamp() - closed_whole.CHECK_EVERY - 60
    note.write_text(json.dumps(fields), encoding="utf-8")

    before = clock.now().timestamp()
    await closed_cleanly(path)

    assert page_checks[-1] is True
    assert json.loads(note.read_text(encoding="utf-8"))["checked_at"] >= before


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"checked_at": "soon"}', '{"ino": 1}', "\udcff", "{" + " " * 5000],
)
async def test_a_note_this_till_did_not_write_means_a_check(
    tmp_path: Path, page_checks: list[bool], text: str
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    closed_whole.note_path(path).write_bytes(text.encode("utf-8", "surrogateescape"))

    await closed_cleanly(path)

    assert page_checks[-1] is True
    assert closed_whole.note_path(path).exists()  # its own close noted it again


async def test_damage_read_during_a_run_leaves_no_note(tmp_path: Path) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    database = await Database.open(path)

    with pytest.raises(DatabaseDamaged):
        await database.read_raw(malformed)
    await database.close()

    assert not closed_whole.note_path(path).exists()


def malformed(_: sqlite3.Connection) -> NoReturn:
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = 11  # SQLITE_CORRUPT, as SQLite reports a damaged page
    raise error


async def test_damage_read_by_a_till_started_on_a_full_disk_is_checked_for_at_the_next_start(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    with pytest.MonkeyPatch.context() as full:
        full_disk_at_open(full)
        database = await Database.open(path)  # read-only: nothing writes the file
        assert database.read_only
        with pytest.raises(DatabaseDamaged):
            await database.read_raw(malformed)
        await database.close()

    await closed_cleanly(path)  # space freed: the next start

    assert page_checks[-1] is True


async def test_a_till_started_on_a_full_disk_drops_the_note_once_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    full_disk_at_open(monkeypatch)
    database = await Database.open(path)
    try:
        assert closed_whole.note_path(path).exists()  # nothing writes the file yet
        monkeypatch.undo()  # space freed: the storage watch's retry opens it for writing
        assert await database.check_writes() is None

        # a crash from here on leaves no note that vouches for a file being written
        assert not closed_whole.note_path(path).exists()
    finally:
        await database.close()


async def test_a_file_moved_aside_takes_no_note_with_it(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    move_aside(path, datetime(2026, 12, 3, tzinfo=UTC))

    assert not closed_whole.note_path(path).exists()


async def test_a_file_not_written_since_keeps_its_time(tmp_path: Path) -> None:
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    first = path.stat().st_mtime_ns
    await closed_cleanly(path)
    await closed_cleanly(path)

    assert path.stat().st_mtime_ns == first  # a close moves back only a time it just wrote


async def test_a_folder_where_the_note_goes_means_a_check_and_a_close_all_the_same(
    tmp_path: Path, page_checks: list[bool]
) -> None:
    path = till_with_entries(tmp_path / "till.db")
    closed_whole.note_path(path).mkdir()

    await closed_cleanly(path)
    await closed_cleanly(path)

    assert page_checks == [True, True]


def ended_pid() -> int:
    """The pid of a process that has ended."""
    ended = subprocess.Popen([sys.executable, "-c", ""])
    ended.wait()
    return ended.pid


def notes_beside(path: Path) -> list[str]:
    note = closed_whole.note_path(path)
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(note.name))


async def test_a_note_left_half_written_by_a_close_that_was_killed_goes_at_the_next_start(
    tmp_path: Path,
) -> None:
    # A kill -9 between writing the note and renaming it left "till.db.closed-whole.<pid>"
    # in the data folder for good; a till killed so now and then for years kept them all.
    path = await closed_cleanly(till_with_entries(tmp_path / "till.db"))
    note = closed_whole.note_path(path)
    killed = note.with_name(f"{note.name}.{ended_pid()}")  # its process is gone
    long_ago = note.with_name(f"{note.name}.{os.getpid()}")  # its pid taken again since
    closing_now = note.with_name(f"{note.name}.{os.getppid()}")  # another process, closing
    other = note.with_name(f"{note.name}.bak")  # someone's own copy
    for left in (killed, long_ago, closing_now, other):
        left.write_text('{"ino": 1', encoding="utf-8")
    an_hour_ago = time.time() - 3_600
    os.utime(long_ago, (an_hour_ago, an_hour_ago))

    database = await Database.open(path)
    await database.close()
    assert notes_beside(path) == sorted([note.name, closing_now.name, other.name])
