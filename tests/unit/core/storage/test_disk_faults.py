"""A disk that fills up or turns read-only: the till says so, saves nothing by halves, reports
nothing saved that is not on disk, still reads what it holds, and carries on when the disk does.

The full disk is SQLite's own: ``max_page_count`` capped on the writer's connection, so SQLite
answers SQLITE_FULL exactly as it does on a full device. The read-only folder is what access(2)
answers on a read-only mount (EROFS, root included); tests/integration/cli mounts one for real.
"""

from __future__ import annotations

import errno
import importlib
import os
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.core.domain import EntryStatus, OperationKind
from app.core.outbox import Outbox, OutboxPolicy
from app.core.storage import Database, migrate
from app.core.storage.problems import (
    DatabaseLogLost,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
)
from app.core.storage.shift_log import ShiftLog

POLICY = OutboxPolicy(idempotency_honoured=True, lanes=2)
#: The module (the package's ``migrate`` is its function).
migrate_module = importlib.import_module("app.core.storage.migrate")
writer_module = importlib.import_module("app.core.storage.writer")


async def fill_up(outbox: Outbox, saved: list[str]) -> None:
    """Enqueue until the disk refuses (it must, within a thousand)."""
    for number in range(1000):
        saved.append(await enqueue(outbox, f"INV-{number}"))


async def enqueue(outbox: Outbox, invoice: str = "INV-1") -> str:
    entry = await outbox.enqueue(
        OperationKind.REWARD,
        {"user": "m1", "reward": 1, "store": 7, "invoice_number": invoice},
        lane="m1",
        user="m1",
        cashier="ayu",
        terminal="till-1",
        stamps=10,
    )
    return entry.id


def set_max_pages(db: Database, pages: int) -> None:
    """Cap (or free) how far the file may grow; SQLite clamps a cap to the pages in use."""
    db.write_sync(lambda s: s.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}"))


@pytest.fixture
async def outbox(tmp_path: Path) -> AsyncIterator[Outbox]:
    box = await Outbox.open(tmp_path / "data" / "till.db", POLICY)
    yield box
    await box.close()


async def test_a_full_disk_refuses_an_entry_whole_and_the_till_recovers(outbox: Outbox) -> None:
    seen: list[StorageProblem | None] = []
    outbox.db.add_problem_listener(seen.append)
    saved = [await enqueue(outbox)]
    set_max_pages(outbox.db, 1)  # the disk is full from now on
    with pytest.raises(StorageFull, match="is full"):
        await fill_up(outbox, saved)
    # every entry reported queued is on disk, and the refused one is not, not even in part
    assert [e.id for e in await outbox.entries()] == saved
    assert isinstance(outbox.db.problem, StorageFull)
    assert [type(p) for p in seen] == [StorageFull]
    with pytest.raises(StorageFull):  # still full: still refused, and said once
        await enqueue(outbox)
    assert len(seen) == 1

    set_max_pages(outbox.db, 1_000_000)  # space returns
    saved.append(await enqueue(outbox, "INV-after"))
    assert [e.id for e in await outbox.entries()] == saved
    assert outbox.db.problem is None
    assert seen[-1] is None


async def test_a_full_disk_lets_a_cashier_take_up_her_open_shift_and_refuses_a_new_one(
    outbox: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen under X with the data folder full: Rina's open shift ("signing in continues it") was
    # refused at sign-in, because taking it up wrote as opening one does.
    shifts = ShiftLog(outbox.db)
    rinas = await shifts.open("rina", "till-1")

    async def full(fn: object, *, raw: bool) -> object:
        raise StorageFull("database or disk is full", outbox.db.path)

    monkeypatch.setattr(outbox.db, "_write", full)  # every write refused, as on a full disk
    assert (await shifts.open("rina", "till-1")).id == rinas.id
    with pytest.raises(StorageFull):  # a colleague's new shift must be written: refused
        await shifts.open("agus", "till-1")
    assert [s.cashier for s in await shifts.open_shifts("till-1")] == ["rina"]


async def test_what_a_full_disk_refused_is_not_there_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    first = await enqueue(outbox)
    set_max_pages(outbox.db, 1)
    with pytest.raises(StorageFull):
        await fill_up(outbox, [])
    count = len(await outbox.entries())
    await outbox.close()
    with sqlite3.connect(path) as connection:
        (on_disk,) = connection.execute("SELECT count(*) FROM outbox_entries").fetchone()
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert on_disk == count and first


def read_only_access(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file and folder answers access(W_OK) as on a read-only mount (EROFS)."""
    real = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK:
            return False
        return real(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder is on a read-only mount."""
    read_only_access(monkeypatch)


async def test_a_read_only_folder_still_reads_and_refuses_every_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    queued = await enqueue(outbox)
    await outbox.close()
    before = sorted(os.listdir(tmp_path))

    read_only_access(monkeypatch)
    outbox = await Outbox.open(path, POLICY)
    try:
        assert outbox.db.read_only
        assert isinstance(outbox.db.problem, StorageReadOnly)  # the window can say so at once
        assert [(e.id, e.status) for e in await outbox.entries()] == [(queued, EntryStatus.QUEUED)]
        assert (await outbox.status()).queued == 1
        with pytest.raises(StorageReadOnly, match="read-only"):
            await enqueue(outbox)
        with pytest.raises(StorageReadOnly):
            await outbox.claim("w1")
    finally:
        await outbox.close()
    assert sorted(os.listdir(tmp_path)) == before  # not even a WAL index was created


def full_disk_at_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """No connection for writing opens, as on a disk with no byte free, where SQLite cannot
    make the log's index such a connection needs; reading the file as it is still works."""
    real = sqlite3.connect

    def connect(database: object, *args: object, uri: bool = False, **kwargs: object) -> object:
        if not uri:  # (the till reads through a URI: read-only or immutable)
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13  # type: ignore[attr-defined]
            raise error
        return real(database, *args, uri=uri, **kwargs)  # type: ignore[arg-type,call-overload]

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize(
    ("fault", "refusal", "words"),
    [(read_only_access, StorageReadOnly, "read-only"), (full_disk_at_open, StorageFull, "is full")],
    ids=["read-only folder", "full disk"],
)
async def test_a_disk_refusing_at_start_reads_the_queue_and_writes_once_it_takes_writes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[pytest.MonkeyPatch], None],
    refusal: type[StorageProblem],
    words: str,
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    queued = await enqueue(outbox)
    await outbox.close()

    fault(monkeypatch)
    outbox = await Outbox.open(path, POLICY)  # a manager reads the day, the queue, the audit
    try:
        assert isinstance(outbox.db.problem, refusal)  # the window can say so at once
        assert [e.id for e in await outbox.entries()] == [queued]
        with pytest.raises(refusal, match=words):
            await enqueue(outbox, "INV-2")
        checked: list[bool] = []  # a check of every page, each time the disk is tried?
        real_check = migrate_module.check

        def check(*args: object, pages: bool = True, **kwargs: object) -> list[str]:
            checked.append(pages)
            return real_check(*args, pages=pages, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(migrate_module, "check", check)
        assert isinstance(await outbox.db.check_writes(), refusal)
        assert True not in checked  # checked at its open; a year's file costs seconds a check

        monkeypatch.undo()  # space freed (the folder writable again): no restart
        assert await outbox.db.check_writes() is None
        second = await enqueue(outbox, "INV-2")
        assert [e.id for e in await outbox.entries()] == [queued, second]
    finally:
        await outbox.close()


async def test_a_read_only_folder_reads_what_a_killed_till_left_in_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "till.db"
    migrate(path)
    # a till that was killed: its last commits are in the WAL, not yet in the file
    killed = sqlite3.connect(path, isolation_level=None)
    killed.execute("PRAGMA wal_autocheckpoint = 0")
    killed.execute(
        "INSERT INTO outbox_control (id, paused, reason) VALUES (2, 1, 'left in the log')"
    )
    assert (tmp_path / "till.db-wal").stat().st_size > 0
    read_only_access(monkeypatch)
    db = await Database.open(path)
    try:
        rows = await db.read(
            lambda s: s.connection().exec_driver_sql("SELECT reason FROM outbox_control").all()
        )
        assert ("left in the log",) in [tuple(r) for r in rows]
    finally:
        await db.close()
        killed.close()


async def test_a_read_only_folder_without_a_database_says_so(
    tmp_path: Path, read_only_folder: None
) -> None:
    with pytest.raises(StorageReadOnly, match="holds no database"):
        await Database.open(tmp_path / "till.db")
    assert not (tmp_path / "till.db").exists()


async def test_a_data_folder_that_cannot_be_created_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StorageReadOnly):
        await Database.open(tmp_path / "new" / "till.db")


async def test_a_data_folder_that_is_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StorageProblem, match="is a file, not a folder"):
        await Database.open(tmp_path / "data" / "till.db")


async def test_a_full_disk_at_start_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_: object, **__: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.core.storage.engine.os.open", no_space)
    with pytest.raises(StorageFull, match="is full"):
        await Database.open(tmp_path / "till.db")


def entries_another_process_reads(path: Path) -> int:
    """What a second program (``stamps-pos outbox list``) finds in the database: its own
    process, since connections in this one share SQLite's view of the files already open."""
    script = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "print(c.execute('SELECT count(*) FROM outbox_entries').fetchone()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


@pytest.mark.parametrize("deleted", [("-wal", "-shm"), ("-wal",), ("-shm",)])
async def test_a_log_deleted_under_the_till_is_copied_into_the_file_and_writes_stop(
    tmp_path: Path, deleted: tuple[str, ...]
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    seen: list[StorageProblem | None] = []
    outbox.db.add_problem_listener(seen.append)
    try:
        saved = [await enqueue(outbox, "INV-1"), await enqueue(outbox, "INV-2")]
        for suffix in deleted:  # a cleaning script, an antivirus
            path.with_name(path.name + suffix).unlink()

        # the window's look at its disk finds it, and says so once
        problem = await outbox.db.check_room()
        assert isinstance(problem, DatabaseLogLost) and problem.rescued
        assert "close the till and open it again" in str(problem)
        assert [type(p) for p in seen] == [DatabaseLogLost]
        # what was saved reached the file another program reads
        assert entries_another_process_reads(path) == len(saved)
        # and nothing more is taken where no other program could read it
        with pytest.raises(DatabaseLogLost):
            await enqueue(outbox, "INV-3")
        assert isinstance(await outbox.db.check_writes(), DatabaseLogLost)
        assert [e.id for e in await outbox.entries()] == saved
    finally:
        await outbox.close()
    assert entries_another_process_reads(path) == len(saved)


async def test_each_write_refused_for_a_deleted_log_carries_only_its_own_traceback(
    tmp_path: Path,
) -> None:
    # Seen in the demo's log: every round of the worker raised the one refusal again, and each
    # raise added its frames to it; the lookup's "Unhandled error" logged two minutes later
    # carried eight rounds of the worker (8 kB, growing for as long as the till ran).
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    try:
        await enqueue(outbox, "INV-1")
        path.with_name(path.name + "-wal").unlink()
        assert isinstance(await outbox.db.check_room(), DatabaseLogLost)
        depths = []
        for number in range(3):
            with pytest.raises(DatabaseLogLost) as refused:
                await enqueue(outbox, f"INV-{number + 2}")
            depths.append(len(traceback.extract_tb(refused.value.__traceback__)))
        assert depths[0] == depths[1] == depths[2]
        assert outbox.db.problem is refused.value  # the one refusal the window was told of
    finally:
        await outbox.close()


async def open_shift(outbox: Outbox) -> int:
    shift = await ShiftLog(outbox.db).open("ayu", "till-1")
    assert shift.id is not None
    return shift.id


async def entry(outbox: Outbox) -> str:
    return await enqueue(outbox, "INV-9")


async def another_shift(outbox: Outbox) -> int:
    # (taking up an open shift writes nothing; a colleague's new one does)
    shift = await ShiftLog(outbox.db).open("budi", "till-1")
    assert shift.id is not None
    return shift.id


def deleted(log: Path) -> None:
    log.unlink()


def replaced(log: Path) -> None:
    other = log.with_name("cleaned")
    other.write_bytes(b"")
    os.replace(other, log)


@pytest.mark.parametrize("write", [entry, another_shift])
@pytest.mark.parametrize("cleaned", [deleted, replaced])
async def test_a_write_into_a_deleted_log_is_refused_before_the_look_and_a_restart_has_all(
    tmp_path: Path, cleaned: Callable[[Path], None], write: Callable[[Outbox], Any]
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    seen: list[StorageProblem | None] = []
    outbox.db.add_problem_listener(seen.append)
    try:
        shift = await open_shift(outbox)
        saved = [await enqueue(outbox, "INV-1")]
        cleaned(path.with_name(path.name + "-wal"))  # and no look at the disk since
        # the redemption (or the shift) itself finds it: refused, not kept in a nameless file
        with pytest.raises(DatabaseLogLost) as refused:
            await write(outbox)
        assert refused.value.rescued
        assert "close the till and open it again" in str(refused.value)
        assert [type(p) for p in seen] == [DatabaseLogLost]
        assert outbox.db.problem is refused.value
        assert entries_another_process_reads(path) == len(saved)
        assert [e.id for e in await outbox.entries()] == saved
    finally:
        await outbox.close()
    # started again, the till has everything it said it saved, its shift open, and saves again
    again = await Outbox.open(path, POLICY)
    try:
        assert [e.id for e in await again.entries()] == saved
        assert await open_shift(again) == shift
        saved.append(await enqueue(again, "INV-2"))
        assert again.db.problem is None
    finally:
        await again.close()
    assert entries_another_process_reads(path) == len(saved)


def moved(database: Path) -> None:
    database.rename(database.with_name("quarantined.db"))


@pytest.mark.parametrize("cleaned", [deleted, moved])
async def test_a_database_file_deleted_under_the_till_is_put_back_and_a_restart_has_all(
    tmp_path: Path, cleaned: Callable[[Path], None]
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    try:
        shift = await open_shift(outbox)
        saved = [await enqueue(outbox, "INV-1"), await enqueue(outbox, "INV-2")]
        cleaned(path)
        # the window's look finds it: what the till holds is put back under the file's name
        problem = await outbox.db.check_room()
        assert isinstance(problem, DatabaseLogLost) and problem.rescued
        assert str(problem).startswith(f"Another program deleted or moved {path}, the till's")
        assert "copied into a new" in str(problem)
        assert entries_another_process_reads(path) == len(saved)
        assert path.stat().st_mode & 0o777 == 0o600
        with pytest.raises(DatabaseLogLost):
            await enqueue(outbox, "INV-3")
        assert [e.id for e in await outbox.entries()] == saved
    finally:
        await outbox.close()
    # the next start (not a new, empty database) has every entry and the shift, and saves again
    again = await Outbox.open(path, POLICY)
    try:
        assert [e.id for e in await again.entries()] == saved
        assert await open_shift(again) == shift
        saved.append(await enqueue(again, "INV-4"))
    finally:
        await again.close()
    assert entries_another_process_reads(path) == len(saved)


async def test_a_database_file_another_took_the_name_of_is_not_copied_over(
    tmp_path: Path,
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    try:
        await enqueue(outbox, "INV-1")
        path.unlink()
        path.write_bytes(b"someone else's")  # a file another program put there
        problem = await outbox.db.check_room()
        assert isinstance(problem, DatabaseLogLost) and not problem.rescued
        assert str(problem).endswith("keep this window open and call support")
        assert path.read_bytes() == b"someone else's"
    finally:
        await outbox.close()


def disk_io_error(_session: object) -> None:
    """What SQLite raises on a disk that turned read-only after an error (ext4's
    ``errors=remount-ro``): an I/O error, not SQLITE_READONLY."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
    raise error


async def test_a_write_that_changes_nothing_does_not_lift_a_disk_refusing_writes(
    outbox: Outbox,
) -> None:
    seen: list[StorageProblem | None] = []
    outbox.db.add_problem_listener(seen.append)
    with pytest.raises(StorageFailed, match="I/O error"):
        await outbox.db.write(disk_io_error)
    # the worker's claim finding no entry: committed, without a byte written to the disk
    await outbox.db.write(lambda s: s.execute(sa.select(sa.literal(1))).all())
    assert isinstance(outbox.db.problem, StorageFailed)
    assert [type(p) for p in seen] == [StorageFailed]  # the banner stays up
    # a write that reached the disk is the disk taking writes again
    await enqueue(outbox)
    assert outbox.db.problem is None
    assert seen[-1] is None


async def test_a_redemption_after_the_database_file_was_deleted_is_refused_before_the_look(
    tmp_path: Path,
) -> None:
    # (a file moved keeps a name, and the look's copy holds what was written before it)
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    try:
        saved = [await enqueue(outbox, "INV-1")]
        path.unlink()  # and no look at the disk since
        # the redemption itself finds it: refused, not "Confirmed" into a file with no name
        # that the copy put back (taken before it) would not hold
        with pytest.raises(DatabaseLogLost) as refused:
            await enqueue(outbox, "INV-2")
        assert refused.value.rescued
        assert str(refused.value).startswith(f"Another program deleted or moved {path}, the")
        assert entries_another_process_reads(path) == len(saved)
        assert [e.id for e in await outbox.entries()] == saved
    finally:
        await outbox.close()
    again = await Outbox.open(path, POLICY)
    try:
        assert [e.id for e in await again.entries()] == saved
        saved.append(await enqueue(again, "INV-3"))
    finally:
        await again.close()
    assert entries_another_process_reads(path) == len(saved)


async def test_a_copy_back_the_disk_refused_is_tried_again_at_the_next_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    seen: list[StorageProblem | None] = []
    outbox.db.add_problem_listener(seen.append)
    tries: list[Path] = []

    def full(db_path: Path) -> None:
        tries.append(db_path)
        raise OSError(errno.ENOSPC, "No space left on device")

    try:
        saved = [await enqueue(outbox, "INV-1"), await enqueue(outbox, "INV-2")]
        path.unlink()
        monkeypatch.setattr(writer_module, "prepare_private_file", full)
        problem = await outbox.db.check_room()
        assert isinstance(problem, DatabaseLogLost) and not problem.rescued
        assert str(problem).endswith("keep this window open and call support")
        monkeypatch.undo()  # space freed: the next look copies it back, and the banner says so
        problem = await outbox.db.check_writes()
        assert isinstance(problem, DatabaseLogLost) and problem.rescued
        assert str(problem).endswith("close the till and open it again")
        assert [(type(p), p.rescued) for p in seen if isinstance(p, DatabaseLogLost)] == [
            (DatabaseLogLost, False),
            (DatabaseLogLost, True),
        ]
        assert entries_another_process_reads(path) == len(saved)
        with pytest.raises(DatabaseLogLost):
            await enqueue(outbox, "INV-3")
    finally:
        await outbox.close()
    again = await Outbox.open(path, POLICY)
    try:
        assert [e.id for e in await again.entries()] == saved
    finally:
        await again.close()


async def test_a_copy_back_the_disk_keeps_refusing_is_tried_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    tries: list[Path] = []

    def full(db_path: Path) -> None:
        tries.append(db_path)
        raise OSError(errno.ENOSPC, "No space left on device")

    try:
        await enqueue(outbox, "INV-1")
        path.unlink()
        monkeypatch.setattr(writer_module, "prepare_private_file", full)
        for _ in range(writer_module.RESCUE_TRIES + 5):
            problem = await outbox.db.check_writes()
        assert isinstance(problem, DatabaseLogLost) and not problem.rescued
        assert len(tries) == writer_module.RESCUE_TRIES
    finally:
        await outbox.close()


async def test_a_part_copy_a_failed_copy_back_left_is_removed_and_the_next_look_copies_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    prepare = writer_module.prepare_private_file

    def cut_short(db_path: Path) -> None:  # the copy starts, then the disk refuses the rest
        prepare(db_path)
        db_path.write_bytes(b"the first pages of a copy")

    try:
        saved = [await enqueue(outbox, "INV-1")]
        path.unlink()
        monkeypatch.setattr(writer_module, "prepare_private_file", cut_short)
        problem = await outbox.db.check_room()
        assert isinstance(problem, DatabaseLogLost) and not problem.rescued
        assert not path.exists()  # not left to pass for another program's file
        monkeypatch.undo()
        problem = await outbox.db.check_writes()
        assert isinstance(problem, DatabaseLogLost) and problem.rescued
        assert entries_another_process_reads(path) == len(saved)
    finally:
        await outbox.close()
