"""Carrying a till's unsettled entries to another till: ``outbox export`` and ``outbox import``
(a dead till's queue, a damaged database's readable entries), keeping their ids.

Neither opens a till: no token, no server, no worker. Export only reads (a read-only data folder
or a database kept aside as damaged will do); import writes this till's database alone.
"""

from __future__ import annotations

from pathlib import Path

from app.core.storage.transfer import ImportedEntry, ImportReport, import_entries
from app.core.storage.writer import Database


async def import_into(
    database_path: Path,
    entries: list[ImportedEntry],
    *,
    who: str,
    terminal: str,
    source: str,
) -> ImportReport:
    """Add ``entries`` (read by :func:`~app.core.storage.transfer.read_export`) to the database
    at ``database_path``, audited as ``who`` on ``terminal``, from ``source``. Raises
    :class:`~app.core.storage.problems.DatabaseDamaged` when that database cannot be used."""
    db = await Database.open(database_path)
    try:
        return await import_entries(db, entries, who=who, terminal=terminal, source=source)
    finally:
        await db.close()
