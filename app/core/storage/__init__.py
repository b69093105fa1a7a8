"""The till's SQLite database: tables, the engine and its pragmas, migrations and the writer thread.

Writes go through :meth:`Database.write` on one writer thread; reads through :meth:`Database.read`
on their own connections (WAL), so the event loop never waits on a commit. A disk that refuses
raises a :class:`StorageProblem` (full, read-only, failing, damaged), whose text is one sentence.
"""

from app.core.storage.engine import create_engine, prepare_private_file
from app.core.storage.migrate import DatabaseTooNew, head_revision, migrate, prepare_database
from app.core.storage.problems import (
    DatabaseDamaged,
    StorageFailed,
    StorageFull,
    StorageProblem,
    StorageReadOnly,
)
from app.core.storage.staff_tables import StaffAccount
from app.core.storage.tables import (
    Attempt,
    AuditEvent,
    MemberBalance,
    OutboxControl,
    OutboxEntry,
)
from app.core.storage.writer import Database

__all__ = [
    "Attempt",
    "AuditEvent",
    "Database",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "MemberBalance",
    "OutboxControl",
    "OutboxEntry",
    "StaffAccount",
    "StorageFailed",
    "StorageFull",
    "StorageProblem",
    "StorageReadOnly",
    "create_engine",
    "head_revision",
    "migrate",
    "prepare_database",
    "prepare_private_file",
]
