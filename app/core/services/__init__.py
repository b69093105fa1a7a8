"""The till's use-cases, shared by the window and the command line: find a member, redeem, cancel,
authorise a PIN, manager mode (accounts, sign-in, the manager's decisions) and what managers read
(history, exceptions, the audit log, the end-of-day summary).

The window and the command line import from here, not from the modules below it.
"""

from app.core.credentials import Secret
from app.core.domain import EntryStatus, OperationKind, format_rupiah
from app.core.services.audit_log import AuditFilter, AuditLine, AuditLog, write_audit_csv
from app.core.services.changes import ChangeWatch
from app.core.services.day_summary import (
    DaySummary,
    SummaryLine,
    local_day,
    summarise,
    write_summary_csv,
)
from app.core.services.fields import FieldRefused, check_name, check_note
from app.core.services.history import (
    EntryDetails,
    ExceptionItem,
    History,
    HistoryFilter,
    HistoryRow,
    MemberContact,
)
from app.core.services.manager_mode import (
    DecisionRefused,
    Manager,
    ManagerMode,
    ManagerRequired,
    MemberNeeded,
    NewPinNeeded,
)
from app.core.services.members import MemberNotFound
from app.core.services.pins import check_new_pin
from app.core.services.receipts import Receipt, Verdict
from app.core.services.runtime import RuntimeOptions, open_till
from app.core.services.staff import (
    Account,
    AccountDisabled,
    AccountExists,
    ImportResult,
    LastManager,
    LockedOut,
    ManagersExist,
    NoSuchAccount,
    PinNeeded,
    Role,
    Staff,
    StaffRefused,
    WrongPin,
    read_cashiers_file,
)
from app.core.services.till import NotOnline, PinRejected, Refused, Till
from app.core.storage.migrate import DatabaseTooNew
from app.core.storage.problems import DatabaseDamaged, StorageProblem

__all__ = [
    "Account",
    "AccountDisabled",
    "AccountExists",
    "AuditFilter",
    "AuditLine",
    "AuditLog",
    "ChangeWatch",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "DaySummary",
    "DecisionRefused",
    "EntryDetails",
    "EntryStatus",
    "ExceptionItem",
    "FieldRefused",
    "History",
    "HistoryFilter",
    "HistoryRow",
    "ImportResult",
    "LastManager",
    "LockedOut",
    "Manager",
    "ManagerMode",
    "ManagerRequired",
    "ManagersExist",
    "MemberContact",
    "MemberNeeded",
    "MemberNotFound",
    "NewPinNeeded",
    "NoSuchAccount",
    "NotOnline",
    "OperationKind",
    "PinNeeded",
    "PinRejected",
    "Receipt",
    "Refused",
    "Role",
    "RuntimeOptions",
    "Secret",
    "Staff",
    "StaffRefused",
    "StorageProblem",
    "SummaryLine",
    "Till",
    "Verdict",
    "WrongPin",
    "check_name",
    "check_new_pin",
    "check_note",
    "format_rupiah",
    "local_day",
    "open_till",
    "read_cashiers_file",
    "summarise",
    "write_audit_csv",
    "write_summary_csv",
]
