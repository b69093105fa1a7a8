"""doctor's checks, one by one: each problem fails (or warns) with a fix, and nothing is changed."""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
import ssl
import tempfile
from collections import namedtuple
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.outbox.claim import NEEDS_DASHBOARD
from app.core.services import diagnostics
from app.core.services.diagnostics import (
    CREDENTIALS,
    UNREACHABLE,
    Status,
    check_data_folder,
    check_database,
    check_queue,
    check_recorded_times,
    unsettled_entries,
)
from app.core.storage.migrate import head_revision

from ....support.previous_release import OldEntry, create_database, insert, pause, stamp_revision

USER = "customer@stamps.co.id"


def entry(n: int, status: str, **extra: Any) -> OldEntry:
    return OldEntry(
        id=f"0192f3a8-7c1e-7d2a-9b3c-00000000000{n}",
        seq=n,
        status=status,
        payload={"user": USER, "store": 32, "channel": 2, "reward": 1, "qty": 1},
        user=USER,
        lane="member:6",
        **extra,
    )


# --- data folder -----------------------------------------------------------------------------


def test_a_private_writable_folder_with_room_is_fine(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    check = check_data_folder(folder)
    assert check.status is Status.OK
    assert list(folder.iterdir()) == []  # the write test leaves nothing behind


def test_a_folder_not_made_yet_is_fine_and_is_not_made(tmp_path: Path) -> None:
    check = check_data_folder(tmp_path / "new" / "data")
    assert check.status is Status.OK
    assert not (tmp_path / "new").exists()


def test_a_file_where_the_folder_should_be_fails(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("", encoding="utf-8")
    check = check_data_folder(tmp_path / "data")
    assert check.status is Status.FAIL and check.exit_code == 2 and check.fix


def test_a_read_only_folder_fails_with_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests run as root, for whom chmod proves nothing: the file system's answer is injected
    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    check = check_data_folder(tmp_path)
    assert check.status is Status.FAIL
    assert "Read-only file system" in check.detail
    assert "read-only" in (check.fix or "")


@pytest.mark.parametrize(
    ("free", "status", "says"),
    [
        # "0.0 GB free" of 10 MB read as a full disk
        (10_000_000, Status.FAIL, "10 MB free"),
        (300_000, Status.FAIL, "300 kB free"),
        (100_000_000, Status.WARN, "100 MB free"),
        (25_400_000_000, Status.OK, "25.4 GB free"),
    ],
)
def test_a_disk_running_out_of_room_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, free: int, status: Status, says: str
) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(diagnostics.shutil, "disk_usage", lambda _: usage(1 << 40, 0, free))
    tmp_path.chmod(0o700)
    check = check_data_folder(tmp_path)
    assert check.status is status
    assert says in check.detail


def test_a_folder_others_can_read_is_a_warning(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    check = check_data_folder(tmp_path)
    assert check.status is Status.WARN and "chmod 700" in (check.fix or "")


# --- database and queue ------------------------------------------------------------------------


def test_no_database_yet_is_fine(tmp_path: Path) -> None:
    check, status = check_database(tmp_path / "stamps-pos.db")
    assert check.status is Status.OK and status is None
    assert not (tmp_path / "stamps-pos.db").exists()


def test_a_link_to_a_missing_database_fails_rather_than_none_yet(tmp_path: Path) -> None:
    db = tmp_path / "stamps-pos.db"
    db.symlink_to(tmp_path / "unmounted" / "stamps-pos.db")
    check, status = check_database(db)
    assert check.status is Status.FAIL and check.exit_code == 2 and status is None
    assert "leads to no file" in check.detail and "none yet" not in check.detail
    assert check.fix and "link" in check.fix


def test_a_previous_release_s_database_is_read_and_left_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "stamps-pos.db"
    create_database(db, "0003")
    insert(db, entry(1, "queued"), entry(2, "unknown", attempts=1))
    before = db.read_bytes()
    check, status = check_database(db)
    assert check.status is Status.OK
    assert check.data["revision"] == "0003"
    assert f"migrated to {head_revision()} at the next start" in check.detail
    assert status is not None and (status.queued, status.unknown) == (1, 1)
    assert db.read_bytes() == before


def test_a_database_from_a_newer_release_fails(tmp_path: Path) -> None:
    db = tmp_path / "stamps-pos.db"
    create_database(db)
    stamp_revision(db, "9999_from_the_future")
    check, status = check_database(db)
    assert check.status is Status.FAIL and check.exit_code == 2
    assert "9999_from_the_future" in check.detail and "newer version" in check.detail
    assert status is None


def test_a_file_that_is_not_a_database_fails(tmp_path: Path) -> None:
    db = tmp_path / "stamps-pos.db"
    db.write_bytes(b"this is not SQLite" * 100)
    check, _ = check_database(db)
    assert check.status is Status.FAIL and "is damaged" in check.detail
    assert "--accept-new-database" in check.fix


def _status(tmp_path: Path, *entries: OldEntry, paused: str | None = None) -> Any:
    db = tmp_path / "stamps-pos.db"
    create_database(db, head_revision())
    insert(db, *entries)
    if paused:
        pause(db, paused)
    return check_database(db)[1]


def test_an_empty_queue_is_fine(tmp_path: Path) -> None:
    check = check_queue(_status(tmp_path))
    assert check.status is Status.OK
    assert check.data["pending"] == 0


def test_unknown_and_rejected_entries_are_for_a_manager(tmp_path: Path) -> None:
    status = _status(tmp_path, entry(1, "unknown", attempts=1), entry(2, "rejected", attempts=1))
    check = check_queue(status)
    assert check.status is Status.WARN
    assert "1 unknown, 1 rejected" in check.detail
    assert "outbox list --status unknown" in (check.fix or "")


@pytest.mark.parametrize(
    ("revision", "accepted_as"),
    [("0012", None), (head_revision(), "slowed")],
    ids=["before accepted_as", "with accepted_as"],
)
def test_the_support_bundle_lists_unsettled_entries_with_why_they_were_accepted(
    tmp_path: Path, revision: str, accepted_as: str | None
) -> None:
    db = tmp_path / "stamps-pos.db"
    create_database(db, revision)
    insert(db, entry(1, "queued", attempts=1), entry(2, "synced", attempts=1))
    if accepted_as is not None:
        with closing(sqlite3.connect(db)) as connection, connection:
            connection.execute("UPDATE outbox_entries SET accepted_as = ?", (accepted_as,))
    [listed] = unsettled_entries(db)
    assert listed["id"] == entry(1, "queued").id and listed["status"] == "queued"
    if accepted_as is None:  # an older database has no such column: left out, not every row
        assert "accepted_as" not in listed
    else:
        assert listed["accepted_as"] == accepted_as


def test_a_cancel_only_the_dashboard_can_make_is_said_apart_from_the_rejected(
    tmp_path: Path,
) -> None:
    dashboard = entry(2, "rejected", kind="cancel", attempts=0, last_error=NEEDS_DASHBOARD)
    status = _status(tmp_path, entry(1, "rejected", attempts=1), dashboard)
    check = check_queue(status)
    assert check.status is Status.WARN
    assert "0 unknown, 1 rejected, 1 to cancel on the Stamps dashboard" in check.detail
    assert "Stamps dashboard" in (check.fix or "")
    # "rejected" keeps its meaning for scripts (every entry of that status); the split is added
    assert (check.data["rejected"], check.data["failed"], check.data["dashboard_cancels"]) == (
        2,
        1,
        1,
    )


def test_only_cancels_for_the_dashboard_send_a_manager_there_not_to_retry(
    tmp_path: Path,
) -> None:
    dashboard = entry(1, "rejected", kind="cancel", attempts=0, last_error=NEEDS_DASHBOARD)
    check = check_queue(_status(tmp_path, dashboard))
    assert check.status is Status.WARN
    assert "0 rejected, 1 to cancel on the Stamps dashboard" in check.detail
    assert "outbox retry" not in (check.fix or "")
    assert "Stamps dashboard" in (check.fix or "")


@pytest.mark.parametrize(
    ("paused", "said"),
    [
        (
            "CredentialsRejected: 401",
            "Sync is paused: the Stamps server refuses this till's API token.",
        ),
        # Seen: "paused: the server refused the till's credentials (CredentialsRejected: Invalid
        # token)", a class name of the till's code in doctor's report.
        (
            "CredentialsRejected: Invalid token",
            "Sync is paused: the Stamps server refuses this till's API token. It said: “Invalid "
            "token”.",
        ),
        (
            "CredentialsUnusable: the token cannot be sent",
            "Sync is paused: the till's API token holds characters a request cannot carry.",
        ),
    ],
)
def test_a_paused_queue_fails_like_bad_credentials_saying_why_in_the_tills_words(
    tmp_path: Path, paused: str, said: str
) -> None:
    check = check_queue(_status(tmp_path, entry(1, "queued"), paused=paused))
    assert check.status is Status.FAIL and check.exit_code == CREDENTIALS
    assert "token set" in (check.fix or "")
    assert check.detail.startswith("1 pending")
    assert f"0 unknown, 0 rejected. {said}" in check.detail
    assert "Credentials" not in check.detail


def test_a_queue_paused_by_a_server_asking_for_https_is_fixed_with_https(tmp_path: Path) -> None:
    said = "CredentialsRejected: Please use https instead of http"
    status = _status(tmp_path, entry(1, "queued"), paused=said)
    check = check_queue(status, "http://127.0.0.1:8000")
    assert check.status is Status.FAIL
    assert "set base_url to https://127.0.0.1" in (check.fix or "")
    assert "token set" not in (check.fix or "")


def test_an_entry_queued_for_hours_is_a_warning(tmp_path: Path) -> None:
    old = datetime.now(UTC) - timedelta(hours=3)
    check = check_queue(_status(tmp_path, entry(1, "queued", created_at=old)))
    assert check.status is Status.WARN
    assert "oldest queued 3.0 h ago" in check.detail
    assert check.data["oldest_queued_seconds"] > 3 * 3600 - 60


def test_a_clock_reading_earlier_than_the_last_queued_redemption_is_a_warning(
    tmp_path: Path,
) -> None:
    later = datetime.now(UTC) + timedelta(hours=3)  # queued before the clock was moved back
    status = _status(tmp_path, entry(1, "synced", created_at=later))
    check = check_recorded_times(status)
    assert check.status is Status.WARN
    assert "3.0 h earlier" in check.detail
    assert "moved back" in (check.fix or "")
    assert check_queue(status).data["oldest_queued_seconds"] is None


def test_a_clock_later_than_everything_recorded_is_fine(tmp_path: Path) -> None:
    earlier = datetime.now(UTC) - timedelta(hours=2)
    check = check_recorded_times(_status(tmp_path, entry(1, "synced", created_at=earlier)))
    assert check.status is Status.OK


# --- clock, DNS and TLS ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skew", "status"),
    [
        (timedelta(seconds=3), Status.OK),
        (timedelta(minutes=-1), Status.OK),
        (timedelta(minutes=5), Status.FAIL),
        (timedelta(minutes=-9), Status.FAIL),
        (None, Status.WARN),
    ],
)
def test_the_clock_is_compared_with_the_server_s(skew: timedelta | None, status: Status) -> None:
    check = diagnostics._clock(skew)
    assert check.status is status
    if status is Status.FAIL:
        assert "timedatectl" in (check.fix or "")


async def test_a_name_that_does_not_resolve_fails_as_unreachable() -> None:
    check = await diagnostics._check_dns("no-such-host.invalid", 443, 5)
    assert check.status is Status.FAIL and check.exit_code == UNREACHABLE


async def test_an_untrusted_certificate_fails_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def untrusted(*args: Any, **kwargs: Any) -> Any:
        error = ssl.SSLCertVerificationError("certificate verify failed")
        error.verify_message = "self-signed certificate"
        raise error

    monkeypatch.setattr(asyncio, "open_connection", untrusted)
    check = await diagnostics._check_tls("stamps.example", 443, 5)
    assert check.status is Status.FAIL and check.exit_code == UNREACHABLE
    assert "self-signed certificate" in check.detail
    assert "clock" in (check.fix or "") and "ca-certificates" in (check.fix or "")


def test_nothing_here_writes_outside_a_test_file(tmp_path: Path) -> None:
    """The write test's file is removed even when the folder is checked twice."""
    tmp_path.chmod(0o700)
    check_data_folder(tmp_path)
    check_data_folder(tmp_path)
    assert os.listdir(tmp_path) == []


def test_an_installation_without_its_migrations_says_to_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic.util.exc import CommandError

    def broken() -> str:
        raise CommandError("Path doesn't exist: .../migrations")

    monkeypatch.setattr(diagnostics, "head_revision", broken)
    check, status = check_database(tmp_path / "stamps-pos.db")
    assert check.status is Status.FAIL and check.fix == "reinstall Stamps POS" and status is None
