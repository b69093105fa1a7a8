"""Carrying a till's unsettled entries to another till: ``outbox export`` and ``outbox import``
(a dead till's queue, a damaged database's readable entries), keeping their ids.

Neither opens a till: no token, no server, no worker. Export only reads (a read-only data folder
or a database kept aside as damaged will do); import writes this till's database alone.
"""

from __future__ import annotations

from pathlib import Path

from app.core.credentials import Secret
from app.core.services.staff import Role, Staff
from app.core.storage.transfer import ImportedEntry, ImportReport, import_entries
from app.core.storage.writer import Database


async def import_into(
    database_path: Path,
    entries: list[ImportedEntry],
    *,
    manager: str,
    pin: Secret,
    terminal: str,
    source: str,
) -> ImportReport:
    """Add ``entries`` (read by :func:`~app.core.storage.transfer.read_export`) to the database
    at ``database_path`` on ``manager``'s authority: their PIN is checked first (with the lockout,
    audited, as any manager's sign-in), and the import is audited under their name on
    ``terminal``, from ``source``. Raises :class:`~app.core.services.staff.StaffRefused` for a
    manager the till does not take, and :class:`~app.core.storage.problems.DatabaseDamaged` when
    that database cannot be used."""
    db = await Database.open(database_path)
    try:
        account = await Staff(db, terminal).sign_in(Role.MANAGER, manager, pin)
        return await import_entries(db, entries, who=account.name, terminal=terminal, source=source)
    finally:
        await db.close()
