"""The headless till on a broken disk, with the real command and a live sandbox: a read-only
mount, a full file system, a damaged database, a dead till's entries carried to another till.
Each failure is one sentence and exit 2; nothing is reported queued that is not on disk."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.config import Settings
from app.core.credentials import Secret
from app.core.logs import log_file
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.till import Sale
from app.sandbox import DEMO_TOKEN

from ...support.cli import TillCli
from ...support.disk import (
    damage_last_page,
    damage_page_holding,
    fill,
    mounted_read_only,
    small_disk,
)
from ..conftest import SandboxControl

pytestmark = pytest.mark.integration

REDEEM = ("redeem", "reward", "--user", "putri.maharani@contoh.co.id", "--reward", "1")


@pytest.fixture
def cli(till_settings: Settings, tmp_path: Path) -> TillCli:
    return TillCli(till_settings, tmp_path)


#: Every command that writes a file on request, as it names the file.
WRITES = [
    pytest.param(("audit", "--csv"), id="audit"),
    pytest.param(("summary", "--csv"), id="summary"),
    pytest.param(("outbox", "export"), id="outbox-export"),
    pytest.param(("support-bundle",), id="support-bundle"),
]


def one_sentence(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2, one line on stderr holding ``words``, no traceback."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    for word in words:
        assert word in done.stderr


def queue(settings: Settings, count: int) -> list[str]:
    """``count`` redemptions queued (not sent) by the till's own services, quicker than as many
    commands; each spends 5 of Putri's 520 stamps."""

    async def run() -> list[str]:
        options = RuntimeOptions(start_worker=False)
        async with open_till(settings.till_config(), Secret(DEMO_TOKEN), options) as till:
            member = await till.lookup.find_member("putri.maharani@contoh.co.id")
            ids = []
            for number in range(count):
                order = await till.catalogue.reward_order(member, 5, qty=1, stamps=None)
                sale = Sale("ayu", invoice_number=f"INV-{number:05d}")
                receipt = await till.redeemer.redeem(order, member, sale)
                ids.append(receipt.entry_id)
            return ids

    return asyncio.run(run())


def listed(cli: TillCli) -> list[str]:
    code, entries = cli.json("outbox", "list")
    assert code == 0
    return [e["id"] for e in entries]


def test_a_read_only_folder_still_shows_what_the_till_holds(
    cli: TillCli, till_settings: Settings, tmp_path: Path
) -> None:
    code, queued = cli.json(*REDEEM, "--queue-only")
    assert code == 3
    assert cli("member", "find", "customer@stamps.co.id").returncode == 0  # now in the cache
    before = sorted(p.name for p in till_settings.data_dir.iterdir())
    with mounted_read_only(till_settings.data_dir, tmp_path / "ro") as read_only:
        cli.env["STAMPS_POS_DATA_DIR"] = str(read_only)
        assert listed(cli) == [queued["id"]]
        code, shown = cli.json("outbox", "show", queued["id"])
        assert (code, shown["status"]) == (0, "queued")
        assert cli("member", "find", "customer@stamps.co.id").returncode == 0
        cli.env["STAMPS_POS_BASE_URL"] = "http://127.0.0.1:9"  # offline: from the cache
        found = cli("member", "find", "KR24000006")
        assert found.returncode == 0 and "cached as of" in found.stdout
        cli.env["STAMPS_POS_BASE_URL"] = till_settings.base_url

        one_sentence(cli(*REDEEM), "read-only", str(read_only))
        one_sentence(cli("sync", "--once", "--timeout", "5"), "read-only")
        # the folder is what fails; the database in it reads as it is, queue and all
        doctor = cli("doctor").stdout
        assert "FAIL  data folder:" in doctor and "Read-only file system" in doctor
        assert "ok    database:" in doctor and "1 pending" in doctor
        exported = cli("outbox", "export", str(tmp_path / "rescue.json"))
        assert exported.returncode == 0 and "exported 1 entry (1 queued)" in exported.stdout
        assert listed(cli) == [queued["id"]]
    assert sorted(p.name for p in till_settings.data_dir.iterdir()) == before


def test_a_full_disk_queues_nothing_and_the_till_recovers_when_space_returns(
    cli: TillCli, sandbox: SandboxControl, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        cli.env["STAMPS_POS_DATA_DIR"] = str(disk / "till")
        code, queued = cli.json(*REDEEM, "--queue-only")
        assert code == 3
        filler = fill(disk)
        one_sentence(cli(*REDEEM), "is full", str(disk))
        one_sentence(cli("sync", "--once"), "is full")
        # the day is read as it stands: what a manager needs most the day the disk fills
        assert listed(cli) == [queued["id"]]
        for reading in ("history", "summary", "audit", "exceptions"):
            done = cli(reading)
            assert (done.returncode, done.stderr) == (0, ""), reading
        assert "NOT CONFIRMED" in cli("history").stdout  # the queued one, as it stands
        exported = cli("outbox", "export", str(tmp_path / "rescue.json"))
        assert exported.returncode == 0 and "exported 1 entry (1 queued)" in exported.stdout
        doctor = cli("doctor").stdout
        assert "FAIL  data folder:" in doctor and "free some disk space" in doctor
        assert "ok    database:" in doctor  # full, not damaged: no "ask support"
        filler.unlink()
        assert listed(cli) == [queued["id"]]  # the refused redemption was not queued
        assert sandbox.ledger() == []
        code, entry = cli.json(*REDEEM)
        assert (code, entry["status"]) == (0, "synced")
        assert listed(cli) == [queued["id"], entry["id"]]


CRASH_AFTER_A_WRITE = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint=0")
connection.execute("UPDATE outbox_entries SET cashier = 'Dewi'")
os._exit(0)
"""


def test_a_crash_s_log_on_a_full_disk_says_to_free_space_and_then_reads_all_it_saved(
    cli: TillCli, sandbox: SandboxControl, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        cli.env["STAMPS_POS_DATA_DIR"] = str(disk / "till")
        code, queued = cli.json(*REDEEM, "--queue-only")
        assert code == 3
        # A run ends without closing the database: its last write is in the log alone, and
        # the log's index is gone (a crash on a disk filling up; removed by hand here).
        database = disk / "till" / "stamps-pos.db"
        subprocess.run([sys.executable, "-c", CRASH_AFTER_A_WRITE, str(database)], check=True)
        database.with_name("stamps-pos.db-shm").unlink()
        filler = fill(disk)
        # SQLite cannot read the log without making its index: the till says so and what to do,
        # not "nothing new can be saved" as if it could still show what it holds
        one_sentence(cli("history"), "cannot even be read", "Free some space", str(disk))
        filler.unlink()
        shown = cli("history")
        assert shown.returncode == 0 and "Dewi" in shown.stdout  # the log's write, not lost
        assert listed(cli) == [queued["id"]]


def test_a_damaged_database_is_kept_aside_only_when_asked_and_its_entries_come_back(
    cli: TillCli, sandbox: SandboxControl, till_settings: Settings
) -> None:
    ids = queue(till_settings, 60)
    database = till_settings.database_path
    damage_page_holding(database, b"INV-00030")
    before = database.read_bytes()

    refused = cli("outbox", "list")
    one_sentence(refused, "is damaged", "--accept-new-database", "readable queued")
    assert database.read_bytes() == before  # nothing changed without a yes
    assert "all checks passed" not in cli("doctor").stdout

    accepted = cli("--accept-new-database", "outbox", "list", "--json")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip() == "[]"  # a new, empty database
    aside = next(database.parent.glob("stamps-pos.db.damaged-*[0-9]Z"))
    assert aside.read_bytes() == before
    readable = [i for i in ids if i in accepted.stderr]
    assert 40 < len(readable) < 60
    assert f"outbox import {aside} --manager" in accepted.stderr

    # bringing them back is a manager's decision: the new database's first manager makes it
    unsigned = cli("outbox", "import", str(aside))
    assert unsigned.returncode == 2 and "--manager" in unsigned.stderr
    assert cli("manager", "add", "Dewi", stdin="246810\n").returncode == 0
    wrong = cli("outbox", "import", str(aside), "--manager", "Dewi", stdin="246811\n")
    assert wrong.returncode == 1 and "Wrong PIN" in wrong.stderr
    assert listed(cli) == []
    imported = cli("outbox", "import", str(aside), "--manager", "Dewi", stdin="246810\n")
    assert imported.returncode == 0, imported.stderr
    assert listed(cli) == readable  # their ids and their order kept
    assert cli(
        "outbox", "import", str(aside), "--manager", "Dewi", stdin="246810\n"
    ).stdout.startswith(f"added 0, already on this till {len(readable)}")
    assert cli("sync", "--once", "--timeout", "60").returncode in (0, 3)
    applied = [line["idempotency_key"] for line in sandbox.ledger()]
    assert sorted(applied) == sorted(set(applied))  # none twice


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"SQLite format 2\0" + b"\0" * 4080), "not an SQLite database"),
    ],
    ids=["zero-bytes", "not-sqlite"],
)
def test_an_empty_or_foreign_database_file_is_not_a_new_till(
    cli: TillCli, till_settings: Settings, make: object, words: str
) -> None:
    till_settings.data_dir.mkdir(parents=True)
    make(till_settings.database_path)  # type: ignore[operator]
    one_sentence(cli("outbox", "list"), words, "--accept-new-database")
    one_sentence(cli(*REDEEM), words)


def test_a_database_without_its_schema_revision_is_refused_in_one_line(
    cli: TillCli, till_settings: Settings
) -> None:
    assert listed(cli) == []
    with sqlite3.connect(till_settings.database_path) as connection:
        connection.execute("DROP TABLE alembic_version")
    connection.close()
    one_sentence(cli("outbox", "list"), "no schema revision")
    assert "FAIL  database:" in cli("doctor").stdout


def test_a_database_another_program_keeps_locked_is_one_sentence_and_nothing_is_queued(
    cli: TillCli, till_settings: Settings
) -> None:
    # a maintainer's sqlite3 shell left in a transaction: the till waits its busy timeout (10 s),
    # then says so in one line, where it died with "database is locked" in a traceback
    assert listed(cli) == []
    holder = sqlite3.connect(till_settings.database_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        one_sentence(cli(*REDEEM), "held by another program", "nothing was changed")
    finally:
        holder.close()
    assert listed(cli) == []


def test_doctor_reads_every_page(cli: TillCli, till_settings: Settings) -> None:
    queue(till_settings, 10)
    assert "all checks passed" in cli("doctor").stdout
    damage_last_page(till_settings.database_path)
    done = cli("doctor")
    assert done.returncode == 2
    assert "FAIL  database:" in done.stdout and "all checks passed" not in done.stdout


@pytest.mark.parametrize("command", WRITES)
def test_a_file_already_there_is_kept_unless_replace_is_said(
    cli: TillCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # One rule for all four: `audit --csv` and `summary --csv` wrote over a file where `outbox
    # export` and `support-bundle` refused one, with no way to say "write over it".
    assert cli("manager", "add", "Wayan", stdin="135792\n").returncode == 0  # a database
    target = tmp_path / "end-of-day.zip"
    target.write_bytes(b"yesterday's")
    one_sentence(cli(*command, str(target)), "exists already", "--replace")
    assert target.read_bytes() == b"yesterday's"
    replaced = cli(*command, str(target), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert target.read_bytes() != b"yesterday's"


@pytest.mark.parametrize("command", WRITES)
def test_a_folder_on_the_way_that_is_a_file_or_missing_is_named(
    cli: TillCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # The OS's "Not a directory" or "No such file or directory" named no folder; the support
    # bundle's ended in a traceback.
    assert cli("manager", "add", "Wayan", stdin="135792\n").returncode == 0  # a database
    blocker = tmp_path / "usb"
    blocker.write_text("")
    one_sentence(
        cli(*command, str(blocker / "day" / "out.zip")), f"{blocker} is a file, not a folder"
    )
    missing = tmp_path / "stick"
    one_sentence(cli(*command, str(missing / "out.zip")), f"the folder {missing} does not exist")


def test_a_dead_tills_entries_are_sent_by_another_till_once(
    cli: TillCli, sandbox: SandboxControl, tmp_path: Path, till_settings: Settings
) -> None:
    queued = queue(till_settings, 3)
    export = tmp_path / "dead-till.json"
    assert cli("outbox", "export", str(export)).returncode == 0
    one_sentence(cli("outbox", "export", str(export)), "exists")

    other = TillCli(till_settings, tmp_path / "other-home")
    other.env["STAMPS_POS_DATA_DIR"] = str(tmp_path / "other-till")
    other.env["STAMPS_POS_TERMINAL"] = "till-2"
    assert other("manager", "add", "Wayan", stdin="135792\n").returncode == 0
    done = other("outbox", "import", str(export), "--manager", "Wayan", stdin="135792\n")
    assert done.returncode == 0 and done.stdout.startswith("added 3,")
    assert other(
        "outbox", "import", str(export), "--manager", "Wayan", stdin="135792\n"
    ).stdout.startswith("added 0, already on this till 3")
    assert other("sync", "--once", "--timeout", "30").returncode == 0
    assert {line["idempotency_key"] for line in sandbox.ledger()} == set(queued)
    assert len(sandbox.ledger()) == 3


def test_the_window_on_a_damaged_database_waits_for_a_manager_and_changes_nothing_meanwhile(
    cli: TillCli, till_settings: Settings
) -> None:
    till_settings.data_dir.mkdir(parents=True)
    till_settings.database_path.write_bytes(b"")
    env = {**cli.env, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [sys.executable, "-m", "app", "gui"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = log_file(till_settings.data_dir)
    deadline = time.monotonic() + 60
    try:
        # Another process: its log is the only way to know it is waiting (polled, not slept on).
        while "asks a manager before anything is moved" not in (
            log.read_text(encoding="utf-8") if log.exists() else ""
        ):
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window never said it waits for a manager"
            time.sleep(0.2)
        assert till_settings.database_path.read_bytes() == b""  # nothing moved, nothing new
        assert not list(till_settings.data_dir.glob("*.damaged-*"))
    finally:
        window.send_signal(signal.SIGTERM)
        _, stderr = window.communicate(timeout=60)
    assert window.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert till_settings.database_path.read_bytes() == b""


def test_outbox_list_shows_the_newest_and_says_how_many_more(
    cli: TillCli, till_settings: Settings
) -> None:
    # A year's outbox (300,000 entries) listed for four minutes before the first line; a
    # maintainer wants the latest ones, and to know the rest are there.
    ids = queue(till_settings, 4)
    code, entries = cli.json("outbox", "list", "--limit", "3")
    assert code == 0
    assert [e["id"] for e in entries] == ids[1:]  # oldest first, the oldest left out
    plain = cli("outbox", "list", "--limit", "3")
    assert [line.split()[0] for line in plain.stdout.splitlines()] == ids[1:]
    assert "the newest 3 shown, 1 older not" in plain.stderr
    everything = cli("outbox", "list")
    assert len(everything.stdout.splitlines()) == 4 and everything.stderr == ""
