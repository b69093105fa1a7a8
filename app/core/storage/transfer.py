"""Moving a till's unsettled entries to another till, so nothing a dead till held is lost:
``stamps-pos outbox export FILE`` and ``stamps-pos outbox import FILE``.

An export holds a database's queued, sending and unknown entries with their attempts, and every
entry they depend on (a cancel is sent with its redemption's server id), as far as the database
can be read (:mod:`app.core.storage.salvage`). It is a JSON document, 0600: it names members.

An import adds the entries to this till's database in one transaction, keeping their ids (the
Idempotency-Key and the PIN's request id of each): an id already here is never added twice, and an
entry whose dependency is neither here nor in the file is refused, not half-added. Their attempts
come along, so an entry that may have reached the server stays one that may have, and so do the
counts of those folded away (``attempts_folded``). The file is
input like any other: every value is checked against the table it goes into, and a payload may
not hold a PIN or a token.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core import clock
from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.storage.integrity import SQLITE_HEADER, sync_folder
from app.core.storage.payloads import forbidden_key
from app.core.storage.salvage import UNSETTLED, Salvage, salvage
from app.core.storage.tables import ATTEMPTS, AUDIT, ENTRIES, TALLIES, DecimalText, UTCDateTime
from app.core.storage.writer import Database

FORMAT = "stamps-pos outbox export"
VERSION = 1
#: An export of even a busy till's backlog is far smaller; a bigger file is not one.
MAX_FILE_BYTES = 64 << 20
MAX_TEXT = 10_000
MAX_WHOLE = 2**63 - 1
_ENTRY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
#: Columns that hold a manager's note, and the line breaks and tabs one may hold.
_NOTES = {"note"}
_LINE_BREAKS = re.compile("[\n\t]")
#: Columns an import never takes from the file: this till numbers its own rows.
_OWN = {"seq", "id"}
#: Columns added since exports began, and what an entry written before them holds: an export
#: (or a dead till's database) from an older version lacks them, and is no less readable.
_ADDED_LATER: dict[str, Any] = {"issues_voucher": False}
_ATTEMPT_COLUMNS = [c for c in ATTEMPTS.c if c.name not in ("id", "entry_id")]
_TALLY_COLUMNS = [c for c in TALLIES.c if c.name != "entry_id"]


class ExportUnreadable(ValueError):
    """The file is not an outbox export (or a database) this version can read; the message says
    why, in one sentence."""


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: how many entries of each status, and whether the source was read
    whole (``complete`` false: a damaged database, with what was readable)."""

    path: Path
    by_status: dict[str, int]
    complete: bool

    @property
    def total(self) -> int:
        """Every entry in the file."""
        return sum(self.by_status.values())


@dataclass(frozen=True)
class ImportedEntry:
    """One entry of an export, checked: the column values to insert, and its attempts."""

    id: str
    values: dict[str, Any]
    attempts: list[dict[str, Any]]
    #: The attempts counted, not listed, by outcome (an export before them has none).
    folded: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did: ids added, ids this till already had, and ids refused (with why)."""

    added: list[str] = field(default_factory=list)
    already_here: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


# --- export ---------------------------------------------------------------------------------------


def export_entries(
    db_path: Path, destination: Path, *, now: datetime | None = None, replace: bool = False
) -> ExportSummary:
    """Write the unsettled entries of the database at ``db_path`` (and what they depend on) to
    ``destination``, which must not exist yet unless ``replace``. The database is only read."""
    now = now or clock.now()
    found = salvage(db_path)
    entries = [_exported(e, found) for e in found.with_what_they_need()]
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.astimezone(UTC).isoformat(),
        "source": str(db_path),
        "complete": found.complete,
        "entries": entries,
    }
    content = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    _write_new(destination, content, replace=replace)
    by_status: dict[str, int] = {}
    for entry in entries:
        by_status[str(entry.get("status"))] = by_status.get(str(entry.get("status")), 0) + 1
    return ExportSummary(destination, by_status, found.complete)


def _exported(entry: dict[str, Any], found: Salvage) -> dict[str, Any]:
    """An entry's stored values in the export's terms: times in ISO 8601 with their zone,
    JSON columns as JSON, flags as booleans. What cannot be converted stays as stored, and an
    import refuses that entry with the reason."""
    out = {c.name: _plain(c, entry.get(c.name)) for c in ENTRIES.c if c.name in entry}
    out["attempts_detail"] = [
        {c.name: _plain(c, a.get(c.name)) for c in _ATTEMPT_COLUMNS if c.name in a}
        for a in found.attempts.get(entry["id"], [])
    ]
    # the attempts folded away (architecture §6): the entry's count says them, this says how
    out["attempts_folded"] = [
        {c.name: _plain(c, t.get(c.name)) for c in _TALLY_COLUMNS if c.name in t}
        for t in found.tallies.get(entry["id"], [])
    ]
    return out


def _plain(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        if isinstance(column.type, UTCDateTime) and isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()
        if isinstance(column.type, sa.JSON) and isinstance(value, str | bytes):
            return json.loads(value)
        if isinstance(column.type, sa.Boolean) and value in (0, 1):
            return bool(value)
    return value


def _write_new(destination: Path, content: bytes, *, replace: bool = False) -> None:
    """Write ``content`` to ``destination`` whole (temporary file, fsync, link) and 0600;
    an existing file is never overwritten unless ``replace`` (then renamed over it, whole)."""
    folder = destination.parent
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{destination.name}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, destination)
        else:
            os.link(temporary, destination)
        sync_folder(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


# --- reading an export ----------------------------------------------------------------------------


def read_export(source: Path) -> list[ImportedEntry]:
    """The entries of an export file, or of a database file (a dead till's, a damaged one moved
    aside), checked; raises :class:`ExportUnreadable` for anything else (a pipe or a device
    too: opened, a pipe nobody writes to waits for ever)."""
    if source.exists() and not (source.is_file() or source.is_dir()):
        raise ExportUnreadable("it is not a regular file (a pipe or a device); name a file")
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
        if head == SQLITE_HEADER:
            found = salvage(source)
            raw = [_exported(e, found) for e in found.with_what_they_need()]
            return _needed([_checked(entry, number) for number, entry in enumerate(raw, start=1)])
        handle.seek(0)
        content = handle.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise ExportUnreadable(f"it is larger than {MAX_FILE_BYTES >> 20} MB")
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ExportUnreadable("it is neither an outbox export (JSON) nor a database") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExportUnreadable("it is not an outbox export of Stamps POS")
    if document.get("version") != VERSION:
        raise ExportUnreadable(
            f"it is an export of version {document.get('version')!r}; this till reads {VERSION}"
        )
    entries = document.get("entries")
    if not isinstance(entries, list):
        raise ExportUnreadable("its 'entries' is not a list")
    return _needed([_checked(entry, number) for number, entry in enumerate(entries, start=1)])


def _needed(entries: list[ImportedEntry]) -> list[ImportedEntry]:
    """``entries``, if each settled one is there because an unsettled one needs it (depends on
    it or cancels it, perhaps through another), as an export writes them. A settled entry on its
    own would be taken as the file says it ended ("synced": a confirmed redemption) with no
    proof but the file's word."""
    by_id = {e.id: e for e in entries}
    needed: set[str] = set()
    pending = [e for e in entries if e.values["status"] in UNSETTLED]
    while pending:
        entry = pending.pop()
        if entry.id in needed:
            continue
        needed.add(entry.id)
        pending.extend(by_id[ref] for ref in _references(entry) if ref in by_id)
    for entry in entries:
        if entry.id not in needed:
            raise ExportUnreadable(
                f"entry {entry.id} is {entry.values['status']}, and no entry of the file needs "
                "it: an export holds queued, sending and unknown entries, and only what they "
                "depend on besides"
            )
    return entries


def _checked(entry: Any, number: int) -> ImportedEntry:
    if not isinstance(entry, dict):
        raise ExportUnreadable(f"entry {number} is not an object")
    entry_id = entry.get("id")
    if not isinstance(entry_id, str) or not _ENTRY_ID.fullmatch(entry_id):
        raise ExportUnreadable(f"entry {number} has no entry id")
    where = f"entry {entry_id}"
    values = {
        c.name: _value(c, entry.get(c.name, _ADDED_LATER.get(c.name)), f"{where}: {c.name}")
        for c in ENTRIES.c
        if c.name not in _OWN
    }
    for name, allowed in (("status", EntryStatus), ("kind", OperationKind)):
        if values[name] not in {str(v) for v in allowed}:
            raise ExportUnreadable(
                f"{where}: {name} {_shown(values[name])} is not one of the till's"
            )
    for name in ("depends_on", "cancels"):
        if values[name] is not None and not _ENTRY_ID.fullmatch(values[name]):
            raise ExportUnreadable(f"{where}: {name} is not an entry id")
    if not isinstance(values["payload"], dict):
        raise ExportUnreadable(f"{where}: payload is not an object")
    key = forbidden_key([values["payload"], values["response"], values["evidence"]])
    if key is not None:
        raise ExportUnreadable(f"{where}: it holds {key!r}, which a till never stores")
    attempts = entry.get("attempts_detail", [])
    if not isinstance(attempts, list):
        raise ExportUnreadable(f"{where}: attempts_detail is not a list")
    checked = []
    for attempt in attempts:
        if not isinstance(attempt, dict):
            raise ExportUnreadable(f"{where}: an attempt is not an object")
        row = {
            c.name: _value(c, attempt.get(c.name), f"{where}: attempt {c.name}")
            for c in _ATTEMPT_COLUMNS
        }
        if row["outcome"] not in {str(o) for o in Outcome}:
            raise ExportUnreadable(f"{where}: an attempt's outcome is not one of the till's")
        checked.append(row)
    folded = entry.get("attempts_folded", [])
    if not isinstance(folded, list):
        raise ExportUnreadable(f"{where}: attempts_folded is not a list")
    tallies: list[dict[str, Any]] = []
    for tally in folded:
        if not isinstance(tally, dict):
            raise ExportUnreadable(f"{where}: a count of attempts is not an object")
        row = {
            c.name: _value(c, tally.get(c.name), f"{where}: attempts_folded {c.name}")
            for c in _TALLY_COLUMNS
        }
        if row["outcome"] not in {str(o) for o in Outcome}:
            raise ExportUnreadable(f"{where}: a count's outcome is not one of the till's")
        if row["count"] < 1 or row["outcome"] in {t["outcome"] for t in tallies}:
            raise ExportUnreadable(f"{where}: attempts_folded counts an outcome twice or none")
        tallies.append(row)
    return ImportedEntry(entry_id, values, checked, tallies)


def _shown(value: Any) -> str:
    return repr(value)[:40]


_INVALID = object()


def _value(column: sa.Column[Any], value: Any, where: str) -> Any:
    """``value`` as ``column`` takes it, or :class:`ExportUnreadable` saying what is wrong."""
    if value is None:
        if not column.nullable:
            raise ExportUnreadable(f"{where} is missing")
        return None
    # A note's line breaks and tabs are the manager's (the note box takes them, check_note
    # keeps them); anywhere else they are no part of what a till writes.
    breaks = column.name in _NOTES and isinstance(value, str)
    converted = _converted(column.type, _LINE_BREAKS.sub(" ", value) if breaks else value)
    if converted is _INVALID:
        raise ExportUnreadable(f"{where} is not {_described(column.type)}")
    if breaks:
        converted = value
    if column.name == "payload" and not _typed_text_only(converted):
        # what is sent: each text in it was typed or scanned, and the till refuses such a
        # character typed (an invoice "\x1b[31mINV\u202e" came in by a file, went to the
        # server, and `history` printed it raw)
        raise ExportUnreadable(f"{where} holds a control or invisible character")
    return converted


def _described(kind: Any) -> str:
    """What a column takes, in words: "autostring" and "utcdatetime" were its types' names."""
    if isinstance(kind, UTCDateTime):
        return "a time (ISO 8601)"
    if isinstance(kind, DecimalText):
        return "an amount written as text"
    if isinstance(kind, sa.Boolean):
        return "true or false"
    if isinstance(kind, sa.Integer):
        return "a whole number the till can store"
    if isinstance(kind, sa.JSON):
        return "JSON the till can store"
    return f"text of at most {MAX_TEXT:,} characters, without control characters"


def _converted(kind: Any, value: Any) -> Any:
    if isinstance(kind, sa.types.TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance  # SQLModel's AutoString is a String underneath
    if isinstance(kind, sa.Boolean):
        return value if isinstance(value, bool) else _INVALID
    if isinstance(kind, sa.Integer):
        whole = isinstance(value, int) and not isinstance(value, bool)
        return value if whole and abs(value) <= MAX_WHOLE else _INVALID
    if isinstance(kind, UTCDateTime):
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return _INVALID
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    if isinstance(kind, sa.JSON):
        return value if _clean_json(value) else _INVALID
    if isinstance(kind, sa.String):
        text = isinstance(value, str) and len(value) <= MAX_TEXT and _clean_text(value)
        return value if text else _INVALID
    return _INVALID


# C0 and C1 controls, DEL, lone surrogates, and the marks that reorder text (bidi): "Ayu
# \u202eitawirP" reads "Ayu Pratiwi" backwards on every screen and line it reaches.
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _clean_text(value: str) -> bool:
    """Text SQLite can store and a terminal can show: valid UTF-8, no control characters, none
    of the marks that reorder text."""
    return _UNSHOWABLE.search(value) is None


def _typed_text_only(value: Any) -> bool:
    """Whether every text in a JSON value (keys too) is :func:`_clean_text`."""
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, list):
        return all(_typed_text_only(v) for v in value)
    if isinstance(value, dict):
        return all(_typed_text_only(k) and _typed_text_only(v) for k, v in value.items())
    return True


def _clean_json(value: Any, depth: int = 0) -> bool:
    if depth > 32:
        return False
    if isinstance(value, str):
        return len(value) <= MAX_TEXT and not any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_WHOLE
    if isinstance(value, list):
        return all(_clean_json(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(
            _clean_json(k, depth + 1) and _clean_json(v, depth + 1) for k, v in value.items()
        )
    return False


# --- import ---------------------------------------------------------------------------------------


async def import_entries(
    db: Database, entries: list[ImportedEntry], *, who: str, terminal: str, source: str
) -> ImportReport:
    """Add ``entries`` to ``db`` keeping their ids, in one transaction; see the module's notes."""
    return await db.write(_importer(entries, who=who, terminal=terminal, source=source))


def _importer(
    entries: list[ImportedEntry], *, who: str, terminal: str, source: str
) -> Callable[[Session], ImportReport]:
    def write(session: Session) -> ImportReport:
        connection = session.connection()
        report = ImportReport()
        here = _already_here(connection, entries)
        seq = connection.execute(sa.select(sa.func.coalesce(sa.func.max(ENTRIES.c.seq), 0)))
        next_seq = int(seq.scalar_one()) + 1
        report.already_here = [e.id for e in entries if e.id in here]
        waiting = [e for e in entries if e.id not in here]
        # An entry goes in after what it depends on; a file need not list them in that order.
        progress = True
        while waiting and progress:
            progress, still = False, []
            for entry in waiting:
                if any(ref not in here for ref in _references(entry)):
                    still.append(entry)
                    continue
                _insert(connection, entry, next_seq, who=who, terminal=terminal, source=source)
                next_seq += 1
                here.add(entry.id)
                report.added.append(entry.id)
                progress = True
            waiting = still
        for entry in waiting:
            missing = next(ref for ref in _references(entry) if ref not in here)
            report.refused.append(
                (entry.id, f"it needs entry {missing}, which neither this till nor the file holds")
            )
        return report

    return write


def _references(entry: ImportedEntry) -> list[str]:
    return [ref for ref in (entry.values["depends_on"], entry.values["cancels"]) if ref]


def _already_here(connection: sa.Connection, entries: list[ImportedEntry]) -> set[str]:
    ids = sorted({e.id for e in entries} | {ref for e in entries for ref in _references(e)})
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            row[0]
            for row in connection.execute(sa.select(ENTRIES.c.id).where(ENTRIES.c.id.in_(chunk)))
        )
    return found


def _insert(
    connection: sa.Connection,
    entry: ImportedEntry,
    seq: int,
    *,
    who: str,
    terminal: str,
    source: str,
) -> None:
    connection.execute(sa.insert(ENTRIES).values(id=entry.id, seq=seq, **entry.values))
    if entry.attempts:
        connection.execute(
            sa.insert(ATTEMPTS), [{**a, "entry_id": entry.id} for a in entry.attempts]
        )
    if entry.folded:
        connection.execute(sa.insert(TALLIES), [{**t, "entry_id": entry.id} for t in entry.folded])
    connection.execute(
        sa.insert(AUDIT).values(
            at=clock.now(),
            who=who,
            action="imported",
            terminal=terminal,
            entry_id=entry.id,
            detail={"from": source, "status": entry.values["status"]},
        )
    )
