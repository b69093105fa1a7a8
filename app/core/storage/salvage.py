"""Reading what can be read of a database, damaged or not: its outbox entries and their attempts.

A damaged page makes any query that touches it fail, and an index may be damaged where its table
is not. So rows are read straight from each table's own b-tree (``NOT INDEXED``, in ``rowid``
order), one at a time; when a read fails, the reader looks for the first ``rowid`` past the
damage that reads again, and goes on from there. What sat on the damaged pages is lost; the rest
is kept, and the result says whether anything was skipped.

The file is opened read-only and never changed: it is the evidence of what a till held.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core import clock
from app.core.domain import EntryStatus
from app.core.storage.engine import connect
from app.core.storage.integrity import SQLITE_HEADER, move_aside
from app.core.storage.problems import DatabaseDamaged, cannot_use, problem_from

#: The entries a till still owes someone a decision or a send on.
UNSETTLED = frozenset({EntryStatus.QUEUED, EntryStatus.SENDING, EntryStatus.UNKNOWN})
_LAST_ROWID = 2**63 - 1


@dataclass
class Salvage:
    """The readable rows of a database's outbox: entries by id (each a dict of its columns, as
    stored) and each entry's attempts; ``complete`` is false when damage hid some rows."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    attempts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: Each entry's attempts counted, not listed (``outbox_attempt_tallies``, migration 0014).
    tallies: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    complete: bool = True

    def unsettled(self) -> list[dict[str, Any]]:
        """The queued, sending and unknown entries, in the order the till made them."""
        found = [e for e in self.entries.values() if e.get("status") in UNSETTLED]
        return sorted(found, key=_order)

    def with_what_they_need(self) -> list[dict[str, Any]]:
        """The unsettled entries and, before them, every entry they depend on or cancel
        (whatever its status): a cancel is sent with its redemption's server id."""
        chosen: dict[str, dict[str, Any]] = {}
        pending = list(self.unsettled())
        while pending:
            entry = pending.pop()
            if entry["id"] in chosen:
                continue
            chosen[entry["id"]] = entry
            for key in ("depends_on", "cancels"):
                target = self.entries.get(entry.get(key) or "")
                if target is not None:
                    pending.append(target)
        return sorted(chosen.values(), key=_order)


def _order(entry: dict[str, Any]) -> tuple[int, str]:
    seq = entry.get("seq")
    return (seq if isinstance(seq, int) else _LAST_ROWID, str(entry.get("id")))


def salvage(db_path: Path) -> Salvage:
    """Every readable outbox entry and attempt of the database at ``db_path``.

    Raises :class:`DatabaseDamaged` when not even the table list can be read (a file that is
    not a database, an empty one), and another storage problem when the file cannot be opened.
    """
    try:
        with db_path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseDamaged(db_path, ["the file is not an SQLite database"])
        connection = connect(db_path, read_only=True)
    except (OSError, sqlite3.Error) as exc:
        raise (problem_from(exc, db_path) or cannot_use(db_path, str(exc))) from exc
    connection.row_factory = sqlite3.Row
    try:
        tables = _tables(connection, db_path)
        result = Salvage()
        if "outbox_entries" not in tables:
            result.complete = not tables  # a database without the table lost it, or never had it
            return result
        rows, whole = _readable_rows(connection, "outbox_entries")
        result.complete = whole
        for row in rows:
            if isinstance(row.get("id"), str):
                result.entries[row["id"]] = row
        if "outbox_attempts" in tables:
            attempts, whole = _readable_rows(connection, "outbox_attempts")
            result.complete = result.complete and whole
            for attempt in sorted(attempts, key=lambda a: (str(a.get("entry_id")), _int(a))):
                result.attempts.setdefault(str(attempt.get("entry_id")), []).append(attempt)
        if "outbox_attempt_tallies" in tables:
            tallies, whole = _readable_rows(connection, "outbox_attempt_tallies")
            result.complete = result.complete and whole
            for tally in tallies:
                result.tallies.setdefault(str(tally.get("entry_id")), []).append(tally)
        return result
    finally:
        connection.close()


def _int(attempt: dict[str, Any]) -> int:
    number = attempt.get("number")
    return number if isinstance(number, int) else 0


def _tables(connection: sqlite3.Connection, db_path: Path) -> set[str]:
    try:
        return {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(db_path, [f"its list of tables cannot be read: {exc}"]) from exc


def _readable_rows(connection: sqlite3.Connection, table: str) -> tuple[list[dict[str, Any]], bool]:
    """The rows of ``table`` that can be read, and whether that was all of them."""
    # Only this module's own table names are ever formatted in; values are bound.
    query = f"SELECT rowid AS _rowid, * FROM {table} NOT INDEXED WHERE rowid > ? ORDER BY rowid"  # noqa: S608
    rows: list[dict[str, Any]] = []
    after: int | None = 0
    whole = True
    while after is not None:
        try:
            for row in connection.execute(query, (after,)):
                found = dict(row)
                after = int(found.pop("_rowid"))
                rows.append(found)
            break
        except sqlite3.DatabaseError:
            whole = False
            after = _past_the_damage(connection, table, after)
    return rows, whole


def _reads_from(connection: sqlite3.Connection, table: str, after: int) -> bool:
    try:
        connection.execute(
            f"SELECT * FROM {table} NOT INDEXED WHERE rowid > ? ORDER BY rowid LIMIT 1",  # noqa: S608
            (after,),
        ).fetchall()
    except sqlite3.DatabaseError:
        return False
    return True


def _past_the_damage(connection: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest ``rowid`` past ``after`` from which the table reads again, or ``None``.

    Reading fails while the seek lands on the damaged page and succeeds once it lands past it;
    steps that double find a readable point, then halving finds the first one.
    """
    step, failing = 1, after
    while True:
        probe = after + step
        if probe >= _LAST_ROWID:
            return None
        if _reads_from(connection, table, probe):
            break
        failing, step = probe, step * 2
    readable = probe
    while readable - failing > 1:
        middle = (failing + readable) // 2
        if _reads_from(connection, table, middle):
            readable = middle
        else:
            failing = middle
    return readable


def readable_managers(db_path: Path) -> dict[str, str]:
    """The active managers of ``db_path`` whose account row can be read: PIN hash by name in
    lower case (a damaged till's managers may still vouch for setting it aside)."""
    try:
        connection = connect(db_path, read_only=True)
    except (OSError, sqlite3.Error):
        return {}
    connection.row_factory = sqlite3.Row
    try:
        if "staff_accounts" not in _tables(connection, db_path):
            return {}
        rows, _whole = _readable_rows(connection, "staff_accounts")
    except DatabaseDamaged:
        return {}
    finally:
        connection.close()
    return {
        str(row["name_key"]): str(row["pin_hash"])
        for row in rows
        if row.get("role") == "manager"
        and row.get("active")
        and isinstance(row.get("name_key"), str)
        and isinstance(row.get("pin_hash"), str)
    }


def entry_lines(entries: Iterable[dict[str, Any]]) -> list[str]:
    """One line per entry, for a person deciding what to do with them."""
    return [
        f"{e.get('id')}  {str(e.get('created_at') or '')[:16]}  {e.get('kind')}  "
        f"{e.get('status')}  {e.get('lane')}  {e.get('user')}"
        for e in entries
    ]


@dataclass(frozen=True)
class SetAside:
    """A damaged database moved out of the way: where it is now, and its readable unsettled
    entries (``complete`` false when damage hid some rows)."""

    path: Path
    unsettled: list[dict[str, Any]]
    complete: bool


def readable_unsettled(db_path: Path) -> tuple[list[dict[str, Any]], bool]:
    """The queued, sending and unknown entries that can be read from ``db_path``, and whether
    the whole table could be read; nothing at all when not even its table list can."""
    try:
        found = salvage(db_path)
    except DatabaseDamaged:
        return [], False
    return found.unsettled(), found.complete


def set_aside(db_path: Path, now: datetime | None = None) -> SetAside:
    """Move the damaged database at ``db_path`` aside (see
    :func:`~app.core.storage.integrity.move_aside`) so a new one can start, and list what it
    still holds: the entries a person must decide about (``stamps-pos outbox import``)."""
    aside = move_aside(db_path, now or clock.now())
    unsettled, complete = readable_unsettled(aside)
    return SetAside(aside, unsettled, complete)
