"""A till database as the previous release left it: schema revision 0004 (migrated to "0004"
explicitly, whatever head is now), rows written with plain SQL in that release's columns, as
that release's code wrote them (naive UTC times, JSON text), not through today's tables.

Used by the upgrade test (tests/integration/test_upgrade.py) and doctor's tests.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

from app.core.storage.engine import create_engine
from app.core.storage.migrate import MIGRATIONS

PREVIOUS_RELEASE = "0004"


def create_database(path: Path, revision: str = PREVIOUS_RELEASE) -> None:
    """A new database at ``path``, migrated to ``revision`` and no further."""
    engine = create_engine(path)
    try:
        with engine.connect() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


@dataclass
class OldEntry:
    """One row of ``outbox_entries`` as revision 0004 has it (and its attempts)."""

    id: str
    seq: int
    status: str
    payload: dict[str, Any]
    user: str
    lane: str
    kind: str = "reward"
    attempts: int = 0
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    next_attempt_at: datetime | None = None
    first_sent_at: datetime | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    last_outcome: str | None = None
    last_error: str | None = None
    next_check_at: datetime | None = None
    expect_store: int | None = None
    expect_name: str | None = None
    expect_stamps: int | None = None
    cashier: str = "Sari"
    terminal: str = "till-1"
    #: (outcome, status code, error) of each attempt, in order
    attempt_rows: list[tuple[str, int | None, str | None]] = field(default_factory=list)


def insert(path: Path, *entries: OldEntry) -> None:
    """Write ``entries`` (and their attempts) as the previous release would have."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            for e in entries:
                connection.execute(
                    "INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, "
                    "attempts, next_attempt_at, lease_owner, lease_until, last_error, last_outcome,"
                    " provisional, first_sent_at, reconciled, next_check_at, expect_store, "
                    "expect_name, expect_stamps, cashier, terminal, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, "
                    "?)",
                    (
                        e.id,
                        e.seq,
                        e.kind,
                        json.dumps(e.payload),
                        e.lane,
                        e.user,
                        e.status,
                        e.attempts,
                        _time(e.next_attempt_at),
                        e.lease_owner,
                        _time(e.lease_until),
                        e.last_error,
                        e.last_outcome,
                        _time(e.first_sent_at),
                        _time(e.next_check_at),
                        e.expect_store,
                        e.expect_name,
                        e.expect_stamps,
                        e.cashier,
                        e.terminal,
                        _time(e.created_at),
                        _time(e.created_at),
                    ),
                )
                started = e.first_sent_at or e.created_at
                for number, (outcome, code, error) in enumerate(e.attempt_rows, start=1):
                    ended = None if e.status == "sending" else started + timedelta(seconds=1)
                    connection.execute(
                        "INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, "
                        "ended_at, outcome, status_code, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            e.id,
                            number,
                            e.lease_owner or "old-till:0",
                            _time(started),
                            _time(ended),
                            outcome,
                            code,
                            error,
                        ),
                    )
    finally:
        connection.close()


def pause(path: Path, reason: str) -> None:
    """The queue paused for credentials, as the previous release records it."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(
                "UPDATE outbox_control SET paused = 1, paused_at = ?, reason = ? WHERE id = 1",
                (_time(datetime.now(UTC)), reason),
            )
    finally:
        connection.close()


def stamp_revision(path: Path, revision: str) -> None:
    """Pretend a release with ``revision`` wrote the database (a newer one, for the refusals)."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    finally:
        connection.close()
