"""Migrations: from nothing to head, idempotent, matching the models, refusing the future."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from app.core.storage import (
    DatabaseTooNew,
    StorageFailed,
    head_revision,
    migrate,
    prepare_database,
)

from .conftest import DatabaseFile


def test_migrates_an_empty_file_to_head_and_again_is_a_no_op(database_file: DatabaseFile) -> None:
    assert migrate(database_file.path) == head_revision()
    assert migrate(database_file.path) == head_revision()
    assert database_file.read("SELECT paused FROM outbox_control") == [(0,)]


def test_the_migrated_schema_matches_the_models(database_file: DatabaseFile) -> None:
    migrate(database_file.path)
    ours = set(SQLModel.metadata.tables)

    def include(obj: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
        # this package's tables only: the offline cache's are checked with its own code
        table = name if kind == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in ours

    with database_file.connected() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_refuses_a_database_from_a_newer_version(database_file: DatabaseFile) -> None:
    path = database_file.path
    migrate(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(DatabaseTooNew, match=r"'0099'.*newer version"):
        migrate(path)
    # and leaves it alone
    assert database_file.read("SELECT version_num FROM alembic_version") == [("0099",)]


@pytest.mark.parametrize("points_to", ["a missing disk", "itself"])
def test_a_link_that_leads_to_no_database_is_refused_not_replaced(
    tmp_path: Path, points_to: str
) -> None:
    # A data folder restored with its database linked to a disk not mounted today: exists() says
    # no, but the name is taken; creating "anew" failed to link over it and tried again forever.
    path = tmp_path / "stamps-pos.db"
    path.symlink_to(tmp_path / "nas" / "stamps-pos.db" if points_to == "a missing disk" else path)
    with pytest.raises(StorageFailed, match=r"cannot be used: it is a link to .*leads to no file"):
        prepare_database(path)
    with pytest.raises(StorageFailed, match="leads to no file"):
        migrate(path)
    assert path.is_symlink() and not (tmp_path / "nas").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stamps-pos.db"]


def test_0007_keeps_cached_voucher_values_and_balances_and_reads_values_as_decimals(
    database_file: DatabaseFile,
) -> None:
    from app.core.storage.cache_tables import VOUCHERS

    with database_file.at("0005") as connection:  # the revision before 0007
        connection.exec_driver_sql(
            "INSERT INTO cached_members (server_id, name, name_key, member_ids, stamps, "
            "is_blocked, redemption_allowed, protected_redemption, pin_is_blocked, "
            "fetched_at, seen_at) VALUES ('6', 'Ayu', 'ayu', '[]', 0, 0, 1, 0, 0, "
            "'2026-11-25 00:00:00', '2026-11-25 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO cached_vouchers (id, server_id, value, is_active, fetched_at, "
            "balance) VALUES (12, '6', 150000, 1, '2026-11-25 00:00:00', 1)"
        )
    assert migrate(database_file.path) == head_revision()
    with database_file.connected() as connection:
        [(value, balance)] = connection.execute(sa.select(VOUCHERS.c.value, VOUCHERS.c.balance))
        indexes = {
            row[1] for row in connection.exec_driver_sql("PRAGMA index_list('cached_vouchers')")
        }
        foreign = connection.exec_driver_sql(
            "PRAGMA foreign_key_list('cached_vouchers')"
        ).fetchall()
    assert value == Decimal("150000")
    assert balance is True  # 0005's column survives 0007's rebuild of the table
    assert "ix_cached_vouchers_server_id" in indexes
    assert [(f[2], f[6]) for f in foreign] == [("cached_members", "CASCADE")]


def test_0010_keeps_the_cached_vouchers_and_confirms_none_of_their_kinds(
    database_file: DatabaseFile,
) -> None:
    # Nothing before 0010 noted whether anyone had said a voucher's kind: one remembered as a
    # balance voucher may be one only because its validation failed. Until the till reads the
    # member's vouchers online again, none is taken as confirmed.

    with database_file.at("0009") as connection:  # the revision before 0010
        connection.exec_driver_sql(
            "INSERT INTO cached_members (server_id, name, name_key, member_ids, stamps, "
            "is_blocked, redemption_allowed, protected_redemption, pin_is_blocked, "
            "fetched_at, seen_at, vouchers_fetched_at) VALUES ('6', 'Ayu', 'ayu', '[]', 0, "
            "0, 1, 0, 0, '2026-11-25 00:00:00', '2026-11-25 00:00:00', "
            "'2026-11-25 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO cached_vouchers (id, server_id, code, value, is_active, fetched_at, "
            "balance) VALUES (12, '6', 'SALDO', '150000', 1, '2026-11-25 00:00:00', 1), "
            "(20, '6', 'ULTAH', NULL, 1, '2026-11-25 00:00:00', 0)"
        )
    assert migrate(database_file.path) == head_revision()

    # (0017 offers such a copy on no channel: the rows are read as they stand)
    remembered = database_file.read(
        "SELECT id, value, balance, kind_known FROM cached_vouchers ORDER BY id"
    )
    assert remembered == [(12, "150000", 1, 0), (20, None, 0, 0)]

    with database_file.back_to("0009") as connection:  # 0009's table, its rows kept
        columns = database_file.columns(connection, "cached_vouchers")
        kept = connection.exec_driver_sql("SELECT id, balance FROM cached_vouchers").all()
    assert "kind_known" not in columns and "balance" in columns
    assert sorted(kept) == [(12, 1), (20, 0)]


#: A reward redemption queued before the migration, ``{attempts}`` tried.
_QUEUED_ENTRY = (
    "INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, attempts, "
    "provisional, reconciled, cashier, terminal, created_at, updated_at) VALUES "
    "('0190a1b2-0000-7000-8000-000000000001', 1, 'reward', '{{}}', 'member:6', 'ayu', "
    "'queued', {attempts}, 1, 0, 'Dewi', 't1', '2026-12-01 09:00:00', '2026-12-01 09:00:00')"
)


@pytest.mark.parametrize(
    ("before", "attempts", "column", "read_as"),
    [
        # Nothing before 0011 recorded whether a reward was a voucher: each entry reads as it
        # did (an answer that names the voucher still says so).
        pytest.param("0010", 0, "issues_voucher", 0, id="0011 issues_voucher"),
        # Nothing before 0013 recorded why a redemption was accepted before the server's
        # answer: each keeps NULL, read as the till read it until now.
        pytest.param("0012", 1, "accepted_as", None, id="0013 accepted_as"),
    ],
)
def test_a_column_the_queued_entries_gain_reads_as_before_and_going_back_keeps_them(
    database_file: DatabaseFile, before: str, attempts: int, column: str, read_as: object
) -> None:
    with database_file.at(before) as connection:  # the revision before the column's
        connection.exec_driver_sql(_QUEUED_ENTRY.format(attempts=attempts))
    assert migrate(database_file.path) == head_revision()
    query = f"SELECT status, provisional, {column} FROM outbox_entries"  # noqa: S608 - a fixed name
    read = database_file.read(query)
    assert read == [("queued", 1, read_as)]

    with database_file.back_to(before) as connection:  # the table without it, its entry kept
        columns = database_file.columns(connection, "outbox_entries")
        kept = connection.exec_driver_sql("SELECT status FROM outbox_entries").all()
    assert column not in columns
    assert kept == [("queued",)]


def test_0015_reads_a_reward_cached_before_it_as_coded_in_text_and_going_back_keeps_it(
    database_file: DatabaseFile,
) -> None:
    # Nothing before 0015 kept whether the server wrote a reward's code as a number: each
    # cached code goes back as text, as it did, until the catalogue is read online again.
    with database_file.at("0014") as connection:  # the revision before 0015
        connection.exec_driver_sql(
            "INSERT INTO cached_rewards (store, id, code, name, stamps_to_redeem, type, "
            "fetched_at) VALUES (32, 9, '1', 'Es Teh Manis', 1, 3, '2026-12-03 09:00:00')"
        )
    assert migrate(database_file.path) == head_revision()
    read = database_file.read("SELECT id, code, code_is_number FROM cached_rewards")
    assert read == [(9, "1", 0)]

    with database_file.back_to("0014") as connection:  # the table without it, the reward kept
        columns = database_file.columns(connection, "cached_rewards")
        kept = connection.exec_driver_sql("SELECT id, code FROM cached_rewards").all()
    assert "code_is_number" not in columns
    assert kept == [(9, "1")]


def test_0016_reads_a_cached_catalogue_as_not_cut_and_going_back_keeps_it(
    database_file: DatabaseFile,
) -> None:
    # No copy before 0016 recorded whether its list was cut: each reads as it did (not cut).
    with database_file.at("0015") as connection:
        connection.exec_driver_sql(
            "INSERT INTO cached_rewards (store, id, name, fetched_at) "
            "VALUES (32, 1, 'Kopi', '2026-12-01 03:00:00.000000')"
        )
    assert migrate(database_file.path) == head_revision()
    read = database_file.read("SELECT id, name, listing_cut FROM cached_rewards")
    assert read == [(1, "Kopi", 0)]

    with database_file.back_to("0015") as connection:
        columns = database_file.columns(connection, "cached_rewards")
        kept = connection.exec_driver_sql("SELECT id, name FROM cached_rewards").all()
    assert "listing_cut" not in columns
    assert kept == [(1, "Kopi")]


def test_0014_keeps_every_attempt_and_audit_line_and_lets_only_old_lines_go(
    database_file: DatabaseFile,
) -> None:
    # Before 0014 the audit log refused every delete; after it, a line older than 90 days may
    # go (the upkeep's retention), a younger one never; the attempts are all kept, none folded
    # yet (the upkeep folds them later, a batch at a time), and going back refuses deletes again.
    with database_file.at("0013") as connection:  # the revision before 0014
        connection.exec_driver_sql(
            "INSERT INTO outbox_entries (id, seq, kind, payload, lane, user, status, attempts, "
            "provisional, reconciled, cashier, terminal, created_at, updated_at) VALUES "
            "('e1', 1, 'reward', '{}', 'member:6', 'ayu', 'queued', 40, 0, 0, 'Dewi', 't1', "
            "'2024-01-10 09:00:00', '2024-01-10 09:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, "
            "ended_at, outcome) VALUES ('e1', ?, 'w1', '2024-01-10 09:00:00', "
            "'2024-01-10 09:00:01', 'never_arrived')",
            [(n,) for n in range(1, 41)],
        )
        connection.exec_driver_sql(
            "INSERT INTO audit_log (at, who, action, terminal) "
            "VALUES (?, 'Wayan', 'sign_in', 't1')",
            [("2024-01-10 09:00:00",), ("2999-01-01 00:00:00",)],
        )
    assert migrate(database_file.path) == head_revision()
    with closing(sqlite3.connect(database_file.path)) as connection:
        assert connection.execute("SELECT count(*) FROM outbox_attempts").fetchone() == (40,)
        assert connection.execute("SELECT count(*) FROM outbox_attempt_tallies").fetchone() == (0,)
        with pytest.raises(sqlite3.IntegrityError, match="keeps its last 90 days"):
            connection.execute("DELETE FROM audit_log")
        connection.execute("DELETE FROM audit_log WHERE at < '2025-01-01'")
        connection.commit()
        assert connection.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)

    with database_file.back_to("0013") as connection:  # 0013's log, every delete refused
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert "outbox_attempt_tallies" not in tables
    with (
        closing(sqlite3.connect(database_file.path)) as connection,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        connection.execute("DELETE FROM audit_log WHERE at < '3000-01-01'")


_CACHED_MEMBER = (
    "INSERT INTO cached_members (server_id, name, name_key, member_ids, stamps, is_blocked, "
    "redemption_allowed, protected_redemption, pin_is_blocked, fetched_at, seen_at) VALUES "
    "('{id}', 'Ayu', 'ayu', '[]', {stamps}, 0, 1, 0, 0, '2026-12-01 09:00:00', "
    "'2026-12-01 09:00:00')"
)


def test_0012_lets_a_cached_member_s_stamps_be_unknown_and_keeps_their_keys_and_vouchers(
    database_file: DatabaseFile,
) -> None:
    # A member answered with `"stamps": null` was cached with 0 stamps, a balance never given.
    # SQLite changes the column by building the table again, which must not take the members'
    # keys and vouchers with the old one.
    with database_file.at("0011") as connection:  # the revision before 0012
        connection.exec_driver_sql(_CACHED_MEMBER.format(id="6", stamps=250))
        connection.exec_driver_sql(
            "INSERT INTO cached_member_keys (key, server_id) VALUES ('ayu@contoh.co.id', '6')"
        )
        connection.exec_driver_sql(
            "INSERT INTO cached_vouchers (id, server_id, code, value, is_active, fetched_at, "
            "balance, kind_known) VALUES (20, '6', 'ULTAH', NULL, 1, '2026-12-01 09:00:00', "
            "0, 1)"
        )
    assert migrate(database_file.path) == head_revision()
    with closing(sqlite3.connect(database_file.path)) as connection:
        with connection:
            connection.execute(_CACHED_MEMBER.format(id="7", stamps="NULL"))
            connection.execute(
                "INSERT INTO cached_member_keys (key, server_id) VALUES ('sari@contoh.co.id', '7')"
            )
        read = connection.execute(
            "SELECT server_id, stamps FROM cached_members ORDER BY server_id"
        ).fetchall()
        keys = connection.execute("SELECT key FROM cached_member_keys ORDER BY key").fetchall()
        vouchers = connection.execute("SELECT id, server_id FROM cached_vouchers").fetchall()
    assert read == [("6", 250), ("7", None)]
    assert keys == [("ayu@contoh.co.id",), ("sari@contoh.co.id",)]
    assert vouchers == [(20, "6")]

    with database_file.back_to("0011") as connection:  # 0011 holds no unknown, keeps the rest
        members = connection.exec_driver_sql("SELECT server_id FROM cached_members").all()
        keys = connection.exec_driver_sql("SELECT key FROM cached_member_keys").all()
        vouchers = connection.exec_driver_sql("SELECT id FROM cached_vouchers").all()
    assert members == [("6",)] and keys == [("ayu@contoh.co.id",)] and vouchers == [(20,)]


async def test_0017_keeps_the_copies_by_channel_and_offers_none_read_before_on_any(
    database_file: DatabaseFile,
) -> None:
    # A kiosk may share the counter's data folder, and each asks the server for its own
    # channel's rewards and vouchers: kept by store and member alone, the counter offered the
    # kiosk's copy offline. A copy from before 0017 names no channel (and was asked for none
    # until a day before it: every channel's vouchers), so it is offered on none.
    from app.core.domain import Channel
    from app.core.offline.cache import CachedReward, CachedVoucher, MemberCache
    from app.core.storage import Database

    with database_file.at("0016") as connection:
        connection.exec_driver_sql(_CACHED_MEMBER.format(id="6", stamps=250))
        connection.exec_driver_sql(
            "INSERT INTO cached_member_keys (key, server_id) VALUES ('ayu@contoh.co.id', '6')"
        )
        connection.exec_driver_sql(
            "UPDATE cached_members SET vouchers_fetched_at = '2026-12-01 09:00:00'"
        )
        connection.exec_driver_sql(
            "INSERT INTO cached_vouchers (id, server_id, code, is_active, fetched_at) "
            "VALUES (20, '6', 'ULTAH', 1, '2026-12-01 09:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO cached_rewards (store, id, name, fetched_at) "
            "VALUES (32, 1, 'Kopi', '2026-12-01 09:00:00')"
        )
    assert migrate(database_file.path) == head_revision()

    when = datetime(2026, 12, 5, 9, tzinfo=UTC)
    db = await Database.open(database_file.path)
    cache = MemberCache(db)
    try:
        for channel in (Channel.POS, Channel.KIOSK):
            assert await cache.rewards(32, channel) == []
            assert await cache.vouchers("6", channel) is None
        kept = database_file.read("SELECT channel, id, name FROM cached_rewards")
        assert kept == [(0, 1, "Kopi")]  # kept, as no channel's, until a live read replaces it
        counter = [CachedReward(1, None, "Kopi", 5, None, None, when)]  # read again, live
        kiosk = [CachedReward(7, None, "Kiosk combo", 5, None, None, when)]
        await cache.remember_rewards(32, Channel.KIOSK, kiosk)
        await cache.remember_rewards(32, Channel.POS, counter)
        assert [r.name for r in await cache.rewards(32, Channel.KIOSK)] == ["Kiosk combo"]
        assert [r.name for r in await cache.rewards(32, Channel.POS)] == ["Kopi"]
        assert database_file.read("SELECT DISTINCT channel FROM cached_rewards ORDER BY 1") == [
            (2,),
            (3,),
        ]
        voucher = CachedVoucher(21, "KIOSK", "Kiosk", None, True, None, None, None, when)
        await cache.remember_vouchers("6", Channel.KIOSK, [voucher])
        assert await cache.vouchers("6", Channel.POS) is None
        assert [v.id for v in await cache.vouchers("6", Channel.KIOSK) or []] == [21]
    finally:
        await cache.close()
        await db.close()

    with database_file.back_to("0016") as connection:  # one catalogue a store: the counter's
        rewards = connection.exec_driver_sql("SELECT store, id, name FROM cached_rewards").all()
        members = connection.exec_driver_sql("SELECT server_id FROM cached_members").all()
        keys = connection.exec_driver_sql("SELECT key FROM cached_member_keys").all()
        vouchers = connection.exec_driver_sql("SELECT id FROM cached_vouchers").all()
        columns = database_file.columns(connection, "cached_members")
    assert rewards == [(32, 1, "Kopi")]
    assert members == [("6",)] and keys == [("ayu@contoh.co.id",)] and vouchers == [(21,)]
    assert "vouchers_channel" not in columns


def test_the_scripts_head_is_read_as_alembic_reads_it() -> None:
    from app.core.storage.migrate import script_head

    assert script_head() == head_revision()


_OPEN_AT_HEAD = """
import asyncio, sys
from pathlib import Path
from app.core.storage import Database

async def main(path):
    db = await Database.open(path)
    await db.close()

asyncio.run(main(Path(sys.argv[1])))
print("alembic" in sys.modules, "alembic" in "".join(sys.modules))
"""


def test_a_database_at_head_opens_without_importing_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "till.db"

    def opened() -> str:
        done = subprocess.run(
            [sys.executable, "-c", _OPEN_AT_HEAD, str(path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return done.stdout.strip()

    assert opened() == "True True"  # the first start creates it: Alembic migrates
    assert opened() == "False False"  # at head: Alembic is not even imported


def test_a_database_behind_the_head_is_left_to_alembic(tmp_path: Path) -> None:
    from app.core.storage.migrate import at_head

    path = tmp_path / "till.db"
    migrate(path)
    assert at_head(path) == head_revision()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert at_head(path) is None  # the fast path never skips a migration
