"""Carrying a till's unsettled entries to another till: ``outbox export`` and ``outbox import``
(a dead till's queue, a damaged database's readable entries), keeping their ids.

Neither opens a till: no token, no server, no worker. Export only reads (a read-only data folder
or a database kept aside as damaged will do); import writes this till's database alone.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from app.core.credentials import Secret
from app.core.domain import OperationKind
from app.core.services.staff import Role, Staff
from app.core.stamps.client import REQUEST_MODELS
from app.core.stamps.parsing import validation_summary
from app.core.storage import transfer
from app.core.storage.transfer import ExportUnreadable, ImportedEntry, ImportReport, import_entries
from app.core.storage.writer import Database


def read_export(source: Path) -> list[ImportedEntry]:
    """The entries of an export (or a database) file, as :func:`app.core.storage.transfer.
    read_export` checks them, and each payload a request its kind can send; else
    :class:`ExportUnreadable` naming the entry. Imported, a payload the worker cannot build
    would stay queued for ever, "accepted offline", every attempt refused before it left."""
    entries = transfer.read_export(source)
    for entry in entries:
        kind = OperationKind(entry.values["kind"])
        payload = dict(entry.values["payload"])
        if kind is OperationKind.CANCEL and entry.values["cancels"] and payload.get("id") is None:
            payload["id"] = 1  # a cancel takes its redemption's server id when it is sent
        try:
            REQUEST_MODELS[kind].model_validate(payload)
        except ValidationError as exc:
            raise ExportUnreadable(
                f"entry {entry.id}: its payload is not a {kind} the till can send "
                f"({validation_summary(exc)})"
            ) from None
    return entries


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
