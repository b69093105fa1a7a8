"""``outbox export`` and ``outbox import``: a till's unsettled entries carried to another till
with their ids, their attempts and what they depend on, as far as a damaged database can be
read; never doubled, never with a PIN, and a hostile file refused in one sentence."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox import Outbox, OutboxPolicy
from app.core.storage.salvage import salvage
from app.core.storage.transfer import (
    ExportUnreadable,
    export_entries,
    import_entries,
    read_export,
)

from ....support.disk import damage_page_holding
from ....support.exports import exported_entry

POLICY = OutboxPolicy(idempotency_honoured=True, lanes=2)
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


async def enqueue(outbox: Outbox, lane: str, invoice: str) -> str:
    entry = await outbox.enqueue(
        OperationKind.REWARD,
        {"user": lane, "reward": 1, "store": 7, "invoice_number": invoice},
        lane=lane,
        user=f"{lane}@contoh.co.id",
        cashier="ayu",
        terminal="till-1",
        stamps=10,
    )
    return entry.id


async def set_status(outbox: Outbox, entry_id: str, status: str, **columns: Any) -> None:
    def write(session: Any) -> None:
        values = ", ".join(f"{k} = :{k}" for k in ("status", *columns))
        session.connection().exec_driver_sql(
            f"UPDATE outbox_entries SET {values} WHERE id = :id",  # noqa: S608
            {"status": status, "id": entry_id, **columns},
        )

    await outbox.db.write(write)


@pytest.fixture
async def dead_till(tmp_path: Path) -> AsyncIterator[tuple[Outbox, dict[str, str]]]:
    """A till with one entry in every state that matters, then closed (its log in the file)."""
    outbox = await Outbox.open(tmp_path / "dead" / "till.db", POLICY)
    ids = {
        "queued": await enqueue(outbox, "m1", "INV-Q"),
        "synced": await enqueue(outbox, "m2", "INV-S"),
        "unknown": await enqueue(outbox, "m3", "INV-U"),
        "rejected": await enqueue(outbox, "m4", "INV-R"),
        "sending": await enqueue(outbox, "m5", "INV-T"),
    }
    await set_status(outbox, ids["synced"], "synced", server_redemption_id=2001)
    await set_status(outbox, ids["rejected"], "rejected")
    claimed = await outbox.claim("dead-worker")  # an attempt, written ambiguous before sending
    assert claimed is not None and claimed.entry_id == ids["queued"]
    await set_status(outbox, ids["queued"], "queued")
    await set_status(outbox, ids["unknown"], "unknown")
    await set_status(outbox, ids["sending"], "sending", lease_owner="dead-worker")
    cancel = await outbox.cancel(ids["synced"], False, who="manager", terminal="till-1")
    ids["cancel"] = cancel.id
    yield outbox, ids
    await outbox.close()


async def test_an_export_holds_the_unsettled_entries_and_what_they_need(
    dead_till: tuple[Outbox, dict[str, str]], tmp_path: Path
) -> None:
    outbox, ids = dead_till
    summary = export_entries(outbox.db.path, tmp_path / "out.json", now=NOW)
    document = json.loads((tmp_path / "out.json").read_text())
    exported = {e["id"]: e for e in document["entries"]}
    # the cancel is queued, and needs the synced redemption it cancels (for its server id)
    assert set(exported) == {ids[k] for k in ("queued", "unknown", "sending", "cancel", "synced")}
    assert ids["rejected"] not in exported
    assert summary.complete and document["complete"] is True
    assert summary.by_status == {"queued": 2, "unknown": 1, "sending": 1, "synced": 1}
    assert [a["outcome"] for a in exported[ids["queued"]]["attempts_detail"]] == ["ambiguous"]
    assert exported[ids["queued"]]["created_at"].endswith("+00:00")
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o600  # it names members


async def test_an_import_keeps_the_ids_and_never_doubles_one(
    dead_till: tuple[Outbox, dict[str, str]], tmp_path: Path
) -> None:
    outbox, ids = dead_till
    export_entries(outbox.db.path, tmp_path / "out.json", now=NOW)
    other = await Outbox.open(tmp_path / "other" / "till.db", POLICY)
    try:
        own = await enqueue(other, "m9", "INV-OWN")
        entries = read_export(tmp_path / "out.json")
        report = await import_entries(
            other.db, entries, who="manager", terminal="till-2", source="out.json"
        )
        assert sorted(report.added) == sorted(e.id for e in entries)
        assert (report.already_here, report.refused) == ([], [])
        again = await import_entries(other.db, entries, who="m", terminal="t", source="again")
        assert (again.added, sorted(again.already_here)) == ([], sorted(report.added))

        held = {e.id: e for e in await other.entries()}
        assert set(held) == {own, *report.added}
        assert held[ids["queued"]].status == EntryStatus.QUEUED
        assert held[ids["cancel"]].cancels == ids["synced"]
        assert held[ids["synced"]].server_redemption_id == 2001
        # after this till's own entry, in the dead till's order
        imported = sorted(report.added, key=lambda i: held[i].seq)
        assert held[own].seq < held[imported[0]].seq
        attempts = await other.attempts(ids["queued"])
        assert [a.outcome for a in attempts] == [Outcome.AMBIGUOUS]  # still may have arrived
        audit = await other.audit_log(ids["queued"])
        assert [(a.action, a.who, a.terminal) for a in audit] == [("imported", "manager", "till-2")]
    finally:
        await other.close()


async def test_a_cancel_whose_note_has_line_breaks_is_carried_to_another_till(
    tmp_path: Path,
) -> None:
    # The window's note box takes line breaks and tabs (check_note), and a queued cancel keeps
    # its note: the dead till's export was refused whole, "note is not a valid autostring",
    # its queue left on a disk nobody could import from.
    note = "Customer changed her mind.\n\tAsked by Rina"
    outbox = await Outbox.open(tmp_path / "dead" / "till.db", POLICY)
    try:
        redeemed = await enqueue(outbox, "m1", "INV-1")
        await set_status(outbox, redeemed, "synced", server_redemption_id=2001)
        cancel = await outbox.cancel(redeemed, False, who="manager", terminal="till-1", note=note)
        export_entries(outbox.db.path, tmp_path / "out.json", now=NOW)
    finally:
        await outbox.close()
    entries = read_export(tmp_path / "out.json")
    assert {e.id: e.values["note"] for e in entries}[cancel.id] == note


async def test_an_entry_whose_dependency_is_missing_is_refused_not_half_added(
    dead_till: tuple[Outbox, dict[str, str]], tmp_path: Path
) -> None:
    outbox, ids = dead_till
    export_entries(outbox.db.path, tmp_path / "out.json", now=NOW)
    document = json.loads((tmp_path / "out.json").read_text())
    document["entries"] = [e for e in document["entries"] if e["id"] != ids["synced"]]
    (tmp_path / "cut.json").write_text(json.dumps(document))
    other = await Outbox.open(tmp_path / "other" / "till.db", POLICY)
    try:
        report = await import_entries(
            other.db, read_export(tmp_path / "cut.json"), who="m", terminal="t", source="cut"
        )
        assert [entry_id for entry_id, _ in report.refused] == [ids["cancel"]]
        assert ids["synced"] in report.refused[0][1]
        assert ids["cancel"] not in {e.id for e in await other.entries()}
    finally:
        await other.close()


async def test_a_damaged_database_gives_what_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    outbox = await Outbox.open(path, POLICY)
    ids = [await enqueue(outbox, f"m{n % 7}", f"INV-{n:05d}") for n in range(300)]
    await outbox.close()
    damage_page_holding(path, b"INV-00150")

    found = salvage(path)
    assert not found.complete
    readable = [i for i in ids if i in found.entries]
    assert 200 < len(readable) < 300  # one page of entries lost, the rest kept
    assert ids[0] in found.entries and ids[-1] in found.entries

    summary = export_entries(path, tmp_path / "out.json", now=NOW)
    assert not summary.complete
    assert summary.by_status == {"queued": len(readable)}
    assert [e.id for e in read_export(path)] == readable  # a database file reads the same way


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "neither an outbox export"),
        (b"\xff\xfe{}", "neither an outbox export"),
        (b"[1, 2]", "not an outbox export"),
        (b'{"format": "stamps-pos outbox export", "version": 2, "entries": []}', "version 2"),
        (b"[" * 100_000, "neither an outbox export"),
    ],
    ids=["empty", "not-utf8", "a-list", "newer", "deep"],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (tmp_path / "in.json").write_bytes(content)
    with pytest.raises(ExportUnreadable, match=reason):
        read_export(tmp_path / "in.json")


def test_a_pipe_is_refused_rather_than_waited_on(tmp_path: Path) -> None:
    # `outbox import FIFO` with nobody writing waited for ever; a pipe that is written cannot be
    # read twice (the database check, then the JSON) anyway
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    with pytest.raises(ExportUnreadable, match="not a regular file"):
        read_export(fifo)


def entry(**changes: Any) -> dict[str, Any]:
    return exported_entry(**{"payload": {"user": "m1", "reward": 1, "store": 7}, **changes})


def _folded(**changes: Any) -> dict[str, Any]:
    """Attempts counted, not listed, as an export holds them."""
    return {
        "outcome": "never_arrived",
        "count": 7,
        "first_started_at": "2026-11-29T09:00:00+00:00",
        "last_ended_at": "2026-11-29T10:00:00+00:00",
        **changes,
    }


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (entry(payload={"user": "m1", "pin": "123456"}), "'pin'"),
        (entry(payload={"user": "m1", "items": [{"Token": "x"}]}), "'Token'"),
        (entry(status="applied"), "status"),
        (entry(kind="refund"), "kind"),
        (entry(id="'; DROP TABLE outbox_entries; --"), "no entry id"),
        (entry(attempts=2**63), "attempts"),
        (entry(attempts=True), "attempts"),
        (entry(created_at="yesterday"), "created_at"),
        (entry(cashier="ayu\x1b[2J"), "cashier"),
        (entry(user="caf\udce9"), "user"),
        (entry(lane=None), "lane is missing"),
        (entry(payload=["not", "an", "object"]), "payload"),
        (entry(depends_on="x"), "depends_on"),
        (entry(attempts_detail=[{"number": 1, "outcome": "maybe"}]), "attempt"),
        (entry(attempts_folded={"never_arrived": 7}), "attempts_folded is not a list"),
        (entry(attempts_folded=[_folded(outcome="maybe")]), "count's outcome"),
        (entry(attempts_folded=[_folded(count=0)]), "counts an outcome twice or none"),
        (entry(attempts_folded=[_folded(), _folded()]), "counts an outcome twice or none"),
        (entry(attempts_folded=[_folded(count="7")]), "attempts_folded count"),
        # an invoice the till refuses typed came in by a file, was sent, and `history` printed
        # it raw: the terminal turned red and the line read backwards
        (entry(payload={"user": "m1", "invoice_number": "\x1b[31mINV\u202e"}), "payload"),
        (entry(payload={"user": "m1", "notes": ["a\x00b"]}), "payload"),
        (entry(member_name="Ayu \u202eitawirP"), "member_name"),
        (entry(cashier="Rina\u2066"), "cashier"),
    ],
)
def test_a_hostile_entry_is_refused_naming_what_is_wrong(
    tmp_path: Path, bad: dict[str, Any], reason: str
) -> None:
    document = {"format": "stamps-pos outbox export", "version": 1, "entries": [bad]}
    (tmp_path / "in.json").write_text(
        json.dumps(document), encoding="utf-8", errors="surrogatepass"
    )
    with pytest.raises(ExportUnreadable, match=reason):
        read_export(tmp_path / "in.json")


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        (entry(cashier="ayu\x1b[2J"), "cashier is not text of at most 10,000 characters, without"),
        (entry(note="ok\n\x1b[2J"), "note is not text of at most 10,000 characters, without"),
        (entry(note="\u202eevil"), "note is not text"),
        (entry(created_at="yesterday"), "created_at is not a time (ISO 8601)"),
        (entry(attempts=10**30), "attempts is not a whole number the till can store"),
        (entry(rupiah=1.5), "rupiah is not an amount written as text"),
    ],
)
def test_a_value_the_file_gets_wrong_is_said_in_words(
    tmp_path: Path, bad: dict[str, Any], said: str
) -> None:
    # "note is not a valid autostring", "created_at is not a valid utcdatetime": the names of
    # the till's column types, to a manager at the command line.
    document = {"format": "stamps-pos outbox export", "version": 1, "entries": [bad]}
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExportUnreadable) as refused:
        read_export(tmp_path / "in.json")
    assert said in str(refused.value)


@pytest.mark.parametrize("status", ["synced", "rejected", "voided"])
def test_a_settled_entry_nothing_in_the_file_needs_is_refused(tmp_path: Path, status: str) -> None:
    # An export holds a settled entry only as what an unsettled one depends on or cancels; a
    # file saying "synced" on its own was imported as a confirmed redemption without any proof.
    document = {
        "format": "stamps-pos outbox export",
        "version": 1,
        "entries": [entry(status=status)],
    }
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExportUnreadable, match=f"is {status}, and no entry of the file needs it"):
        read_export(tmp_path / "in.json")


def test_a_settled_entry_an_unsettled_one_needs_comes_along(tmp_path: Path) -> None:
    synced = entry(status="synced", server_redemption_id=2001)
    cancel = entry(id="01a22c17-05e4-7955-a363-5020063cb489", kind="cancel", cancels=synced["id"])
    document = {"format": "stamps-pos outbox export", "version": 1, "entries": [synced, cancel]}
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    assert [e.id for e in read_export(tmp_path / "in.json")] == [synced["id"], cancel["id"]]


def test_an_export_written_before_a_column_was_added_is_read_with_its_old_value(
    tmp_path: Path,
) -> None:
    # An export (or a dead till's database) from before migration 0011 has no issues_voucher:
    # it was refused as "issues_voucher is missing", and its redemptions could not be moved.
    document = {"format": "stamps-pos outbox export", "version": 1, "entries": [entry()]}
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    [read] = read_export(tmp_path / "in.json")
    assert read.values["issues_voucher"] is False
    written = {"format": "stamps-pos outbox export", "version": 1}
    document = {**written, "entries": [entry(issues_voucher=True)]}
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    [read] = read_export(tmp_path / "in.json")
    assert read.values["issues_voucher"] is True


def test_an_export_never_overwrites_a_file(tmp_path: Path) -> None:
    path = tmp_path / "till.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    (tmp_path / "out.json").write_text("keep me")
    with pytest.raises(FileExistsError):
        export_entries(path, tmp_path / "out.json", now=NOW)
    assert (tmp_path / "out.json").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "till.db"]


async def test_an_entry_whose_attempts_were_folded_comes_along_with_their_count(
    tmp_path: Path,
) -> None:
    # A dead till offline for days: 30 tries, none arrived, 7 folded by its upkeep. The other
    # till lists the same 23 and counts the same 7 (it listed 23 of 30 with nothing to say how
    # the other 7 went).
    from app.core.services.upkeep import fold_all_attempts

    dead = await Outbox.open(tmp_path / "dead" / "till.db", POLICY)
    entry_id = await enqueue(dead, "m1", "INV-Q")

    def tried(session: Any) -> None:
        session.connection().exec_driver_sql(
            "INSERT INTO outbox_attempts (entry_id, number, lease_owner, started_at, ended_at, "
            "outcome) VALUES (?, ?, 'w', '2026-11-29 09:00:00', '2026-11-29 09:00:03', "
            "'never_arrived')",
            [(entry_id, n) for n in range(1, 31)],
        )
        session.connection().exec_driver_sql(
            "UPDATE outbox_entries SET attempts = 30 WHERE id = ?", (entry_id,)
        )

    await dead.db.write(tried)
    assert await fold_all_attempts(dead.db) == 7
    await dead.close()
    export_entries(tmp_path / "dead" / "till.db", tmp_path / "out.json", now=NOW)
    other = await Outbox.open(tmp_path / "other" / "till.db", POLICY)
    try:
        entries = read_export(tmp_path / "out.json")
        await import_entries(other.db, entries, who="manager", terminal="till-2", source="f")
        assert len(await other.attempts(entry_id)) == 23
        (tally,) = await other.folded_attempts(entry_id)
        assert (tally.outcome, tally.count) == (Outcome.NEVER_ARRIVED, 7)
        assert (await other.get(entry_id)).attempts == 30  # type: ignore[union-attr]
    finally:
        await other.close()
