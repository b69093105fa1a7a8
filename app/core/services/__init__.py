"""The till's use-cases, shared by the window and the command line: the one way in.

``app.ui`` and ``app.cli`` import from here (and from ``app.config``) only; ``make lint`` checks
it (import-linter, ``pyproject.toml``). Everything they use is a method or event of
:class:`Till` or of a part it holds: the members, the catalogue, the order put through, the
line, the shifts and days, the outage, manager mode, history, the audit log and the staff
(``till.lookup``, ``till.catalogue``, ``till.redeemer``, ``till.line``, ``till.shift_record``,
``till.outages``, ``till.manager``, ``till.history``, ``till.audit``, ``till.staff``). Every type
they show is re-exported here, as are the few modules they use whole (``clock``, ``logs``,
``diagnostics``).

The names load on first use (PEP 562): the window paints before the database, the HTTP client
and the models are imported, and ``stamps-pos --help`` never imports them at all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core import clock, logs
    from app.core.credentials import (
        MAX_TOKEN_LENGTH,
        MIN_TOKEN_LENGTH,
        TOKEN_ENV,
        CredentialsError,
        Secret,
        check_new_token,
        check_token,
        keep_off_the_keyring,
        load_token,
        load_token_file,
        store_token,
        token_file,
        typed_token,
    )
    from app.core.domain import (
        MOST_FLEXIBLE_STAMPS,
        MOST_OF_A_REWARD,
        Channel,
        EntryStatus,
        OperationKind,
        format_count,
        format_rupiah,
    )
    from app.core.messages import (
        CONTEXT,
        TEMPLATES,
        Explained,
        Message,
        english,
        recorded_what,
        say,
    )
    from app.core.offline.connectivity import Connectivity
    from app.core.offline.policy import OfflineLimits, VoucherFacts
    from app.core.outbox.errors import OutboxError
    from app.core.outbox.status import OutboxStatus
    from app.core.services import diagnostics
    from app.core.services.at_the_counter import CounterFilter, CounterRefusal
    from app.core.services.audit_actions import AUDIT_ACTIONS
    from app.core.services.audit_log import (
        AuditFilter,
        AuditLine,
        AuditLog,
        write_audit_csv,
    )
    from app.core.services.catalogue import Catalogue, CatalogueUnavailable, CodeNeedsServer
    from app.core.services.changes import ChangeWatch
    from app.core.services.clock_check import ClockFault, ClockWarning
    from app.core.services.codes import (
        INVOICE,
        PROMO_CODE,
        VOUCHER_CODE,
        CodeField,
        CodeRefused,
        ScanFormats,
        check_code,
        check_invoice,
        shown,
    )
    from app.core.services.config import TillConfig, TokenSource
    from app.core.services.csv_export import csv_file
    from app.core.services.damaged import (
        DamagedDatabase,
        SalvagedEntry,
        look_at_damaged,
        manager_vouches,
        not_a_managers_pin,
    )
    from app.core.services.day_summary import (
        DayRecord,
        DaysToRead,
        DaySummary,
        SummaryLine,
        local_day,
        standing_name,
        summarise,
        write_summary_csv,
    )
    from app.core.services.disk_watch import DISK_LOOK_EVERY_S, DiskWatch
    from app.core.services.evidence_words import (
        EvidenceLine,
        evidence_lines,
        evidence_text,
        feed_line_parts,
        moment,
        told_when,
    )
    from app.core.services.failures import failure_words, outcome_words
    from app.core.services.fields import (
        MARKS_PER_LETTER,
        FieldRefused,
        check_name,
        check_note,
        first_hidden,
        stacks_marks,
    )
    from app.core.services.handover import Handover, HandoverRefused, KioskRedemption
    from app.core.services.history import (
        AttemptLine,
        CancelState,
        EntryDetails,
        ExceptionItem,
        FoldedAttempts,
        History,
        HistoryRow,
        MemberContact,
    )
    from app.core.services.history_filter import HistoryFilter
    from app.core.services.kiosk import (
        Kiosk,
        KioskOffer,
        KioskPaused,
        KioskPinRejected,
        KioskRefused,
        first_name,
        qr_payload,
        reference_of,
    )
    from app.core.services.manager_decision import ManagerDecision
    from app.core.services.manager_mode import (
        DecisionRefused,
        Manager,
        ManagerMode,
        ManagerRequired,
        MemberNeeded,
        NewPinNeeded,
        RetryAuthorised,
    )
    from app.core.services.members import (
        Member,
        MemberNotFound,
        Suggestions,
        carries_card,
        level_number,
        level_words,
    )
    from app.core.services.offer import Offer, OfferedReward, OfferedVoucher
    from app.core.services.order_kinds import counted_kind
    from app.core.services.orders import InvalidOrder, Order
    from app.core.services.own_files import OwnFile, database_files, tills_own_files, which_own_file
    from app.core.services.pins import PIN_INPUT_MAX, check_new_pin, same_pin
    from app.core.services.receipts import Receipt, Verdict, feed_line_said, what_to_do
    from app.core.services.refusals import (
        Approval,
        CredentialsRefused,
        NotOnline,
        PinBlocked,
        PinRejected,
        PinRequired,
        Refused,
    )
    from app.core.services.runtime import RuntimeOptions, open_till
    from app.core.services.sale import Sale
    from app.core.services.shift import CSV_COLUMNS, ShiftInfo, ShiftRow, ShiftSummary
    from app.core.services.staff import (
        Account,
        AccountDisabled,
        AccountExists,
        ImportResult,
        LastManager,
        LockedOut,
        ManagersExist,
        NoSuchAccount,
        NotAPin,
        PinNeeded,
        Role,
        Staff,
        StaffRefused,
        WrongPin,
        read_cashiers_file,
    )
    from app.core.services.standings import STANDINGS, STATUS_NAMES, Standing
    from app.core.services.till import Till
    from app.core.services.transfer import import_into, read_export
    from app.core.storage.migrate import DatabaseTooNew, migrate
    from app.core.storage.problems import (
        DatabaseBusy,
        DatabaseDamaged,
        DatabaseLogLost,
        StorageFull,
        StorageProblem,
        StorageReadOnly,
        unwritable_folder,
    )
    from app.core.storage.salvage import entry_lines, readable_unsettled, set_aside
    from app.core.storage.transfer import (
        ExportUnreadable,
        ImportedEntry,
        ImportReport,
        export_entries,
    )
    from app.core.written_files import (
        folder_in_the_way,
        folder_refusal,
        missing_folder,
        why_not_written,
    )

#: Where each name lives.
_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "app.core",
        (
            "clock",
            "logs",
        ),
    ),
    ("app.core.services", ("diagnostics",)),
    (
        "app.core.credentials",
        (
            "MAX_TOKEN_LENGTH",
            "MIN_TOKEN_LENGTH",
            "TOKEN_ENV",
            "CredentialsError",
            "Secret",
            "check_new_token",
            "check_token",
            "keep_off_the_keyring",
            "load_token",
            "load_token_file",
            "store_token",
            "token_file",
            "typed_token",
        ),
    ),
    (
        "app.core.domain",
        (
            "MOST_FLEXIBLE_STAMPS",
            "MOST_OF_A_REWARD",
            "Channel",
            "EntryStatus",
            "OperationKind",
            "format_count",
            "format_rupiah",
        ),
    ),
    (
        "app.core.messages",
        (
            "CONTEXT",
            "TEMPLATES",
            "Explained",
            "Message",
            "english",
            "recorded_what",
            "say",
        ),
    ),
    ("app.core.offline.connectivity", ("Connectivity",)),
    (
        "app.core.offline.policy",
        (
            "OfflineLimits",
            "VoucherFacts",
        ),
    ),
    ("app.core.outbox.errors", ("OutboxError",)),
    ("app.core.outbox.status", ("OutboxStatus",)),
    ("app.core.services.clock_check", ("ClockFault", "ClockWarning")),
    ("app.core.services.audit_actions", ("AUDIT_ACTIONS",)),
    (
        "app.core.services.audit_log",
        (
            "AuditFilter",
            "AuditLine",
            "AuditLog",
            "write_audit_csv",
        ),
    ),
    ("app.core.services.csv_export", ("csv_file",)),
    (
        "app.core.services.own_files",
        ("OwnFile", "database_files", "tills_own_files", "which_own_file"),
    ),
    (
        "app.core.services.catalogue",
        (
            "Catalogue",
            "CatalogueUnavailable",
            "CodeNeedsServer",
        ),
    ),
    ("app.core.services.offer", ("Offer", "OfferedReward", "OfferedVoucher")),
    ("app.core.services.changes", ("ChangeWatch",)),
    ("app.core.services.disk_watch", ("DISK_LOOK_EVERY_S", "DiskWatch")),
    (
        "app.core.services.config",
        (
            "TillConfig",
            "TokenSource",
        ),
    ),
    (
        "app.core.services.damaged",
        (
            "DamagedDatabase",
            "SalvagedEntry",
            "look_at_damaged",
            "manager_vouches",
            "not_a_managers_pin",
        ),
    ),
    (
        "app.core.services.day_summary",
        (
            "DayRecord",
            "DiskWatch",
            "DaysToRead",
            "DaySummary",
            "SummaryLine",
            "local_day",
            "standing_name",
            "summarise",
            "write_summary_csv",
        ),
    ),
    (
        "app.core.services.codes",
        (
            "CodeField",
            "CodeRefused",
            "INVOICE",
            "PROMO_CODE",
            "ScanFormats",
            "VOUCHER_CODE",
            "check_code",
            "check_invoice",
            "shown",
        ),
    ),
    (
        "app.core.services.fields",
        (
            "MARKS_PER_LETTER",
            "FieldRefused",
            "check_name",
            "check_note",
            "first_hidden",
            "stacks_marks",
        ),
    ),
    ("app.core.services.failures", ("failure_words", "outcome_words")),
    (
        "app.core.services.handover",
        (
            "Handover",
            "HandoverRefused",
            "KioskRedemption",
        ),
    ),
    (
        "app.core.services.kiosk",
        (
            "Kiosk",
            "KioskOffer",
            "KioskPaused",
            "KioskPinRejected",
            "KioskRefused",
            "first_name",
            "qr_payload",
            "reference_of",
        ),
    ),
    (
        "app.core.services.history",
        (
            "AttemptLine",
            "CancelState",
            "EntryDetails",
            "ExceptionItem",
            "FoldedAttempts",
            "History",
            "HistoryRow",
            "MemberContact",
        ),
    ),
    ("app.core.services.history_filter", ("HistoryFilter",)),
    ("app.core.services.manager_decision", ("ManagerDecision",)),
    ("app.core.services.standings", ("STANDINGS", "STATUS_NAMES", "Standing")),
    (
        "app.core.services.evidence_words",
        (
            "EvidenceLine",
            "evidence_lines",
            "evidence_text",
            "feed_line_parts",
            "moment",
            "told_when",
        ),
    ),
    (
        "app.core.services.manager_mode",
        (
            "DecisionRefused",
            "Manager",
            "ManagerMode",
            "ManagerRequired",
            "MemberNeeded",
            "NewPinNeeded",
            "RetryAuthorised",
        ),
    ),
    (
        "app.core.services.members",
        (
            "Member",
            "MemberNotFound",
            "Suggestions",
            "carries_card",
            "level_number",
            "level_words",
        ),
    ),
    ("app.core.services.at_the_counter", ("CounterFilter", "CounterRefusal")),
    ("app.core.services.order_kinds", ("counted_kind",)),
    (
        "app.core.services.orders",
        (
            "InvalidOrder",
            "Order",
        ),
    ),
    ("app.core.services.pins", ("PIN_INPUT_MAX", "check_new_pin", "same_pin")),
    (
        "app.core.services.receipts",
        (
            "Receipt",
            "Verdict",
            "feed_line_said",
            "what_to_do",
        ),
    ),
    (
        "app.core.services.refusals",
        (
            "Approval",
            "CredentialsRefused",
            "NotOnline",
            "PinBlocked",
            "PinRejected",
            "PinRequired",
            "Refused",
        ),
    ),
    (
        "app.core.services.runtime",
        (
            "RuntimeOptions",
            "open_till",
        ),
    ),
    (
        "app.core.services.shift",
        (
            "CSV_COLUMNS",
            "ShiftInfo",
            "ShiftRow",
            "ShiftSummary",
        ),
    ),
    (
        "app.core.services.staff",
        (
            "Account",
            "AccountDisabled",
            "AccountExists",
            "ImportResult",
            "LastManager",
            "LockedOut",
            "ManagersExist",
            "NoSuchAccount",
            "NotAPin",
            "PinNeeded",
            "Role",
            "Staff",
            "StaffRefused",
            "WrongPin",
            "read_cashiers_file",
        ),
    ),
    ("app.core.services.sale", ("Sale",)),
    ("app.core.services.till", ("Till",)),
    ("app.core.services.transfer", ("import_into", "read_export")),
    ("app.core.services.upkeep", ("SLIPS_FOLDER",)),
    (
        "app.core.storage.migrate",
        (
            "DatabaseTooNew",
            "migrate",
        ),
    ),
    (
        "app.core.storage.problems",
        (
            "DatabaseBusy",
            "DatabaseDamaged",
            "DatabaseLogLost",
            "StorageFull",
            "StorageProblem",
            "StorageReadOnly",
            "unwritable_folder",
        ),
    ),
    (
        "app.core.storage.salvage",
        (
            "entry_lines",
            "readable_unsettled",
            "set_aside",
        ),
    ),
    (
        "app.core.storage.transfer",
        (
            "ExportUnreadable",
            "ImportReport",
            "ImportedEntry",
            "export_entries",
        ),
    ),
    (
        "app.core.written_files",
        ("folder_in_the_way", "folder_refusal", "missing_folder", "why_not_written"),
    ),
)
_HOMES = {name: module for module, names in _MODULES for name in names}
#: Names that are modules of their own, not names inside one.
_WHOLE_MODULES = {
    "clock": "app.core.clock",
    "logs": "app.core.logs",
    "diagnostics": "app.core.services.diagnostics",
}

__all__ = [
    "AUDIT_ACTIONS",
    "CONTEXT",
    "CSV_COLUMNS",
    "DISK_LOOK_EVERY_S",
    "INVOICE",
    "MARKS_PER_LETTER",
    "MAX_TOKEN_LENGTH",
    "MIN_TOKEN_LENGTH",
    "MOST_FLEXIBLE_STAMPS",
    "MOST_OF_A_REWARD",
    "PIN_INPUT_MAX",
    "PROMO_CODE",
    "SLIPS_FOLDER",
    "STANDINGS",
    "STATUS_NAMES",
    "TEMPLATES",
    "TOKEN_ENV",
    "VOUCHER_CODE",
    "Account",
    "AccountDisabled",
    "AccountExists",
    "Approval",
    "AttemptLine",
    "AuditFilter",
    "AuditLine",
    "AuditLog",
    "CancelState",
    "Catalogue",
    "CatalogueUnavailable",
    "ChangeWatch",
    "Channel",
    "ClockFault",
    "ClockWarning",
    "CodeField",
    "CodeNeedsServer",
    "CodeRefused",
    "Connectivity",
    "CounterFilter",
    "CounterRefusal",
    "CredentialsError",
    "CredentialsRefused",
    "DamagedDatabase",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseLogLost",
    "DatabaseTooNew",
    "DayRecord",
    "DaySummary",
    "DaysToRead",
    "DecisionRefused",
    "DiskWatch",
    "EntryDetails",
    "EntryStatus",
    "EvidenceLine",
    "ExceptionItem",
    "Explained",
    "ExportUnreadable",
    "FieldRefused",
    "FoldedAttempts",
    "Handover",
    "HandoverRefused",
    "History",
    "HistoryFilter",
    "HistoryRow",
    "ImportReport",
    "ImportResult",
    "ImportedEntry",
    "InvalidOrder",
    "Kiosk",
    "KioskOffer",
    "KioskPaused",
    "KioskPinRejected",
    "KioskRedemption",
    "KioskRefused",
    "LastManager",
    "LockedOut",
    "Manager",
    "ManagerDecision",
    "ManagerMode",
    "ManagerRequired",
    "ManagersExist",
    "Member",
    "MemberContact",
    "MemberNeeded",
    "MemberNotFound",
    "Message",
    "NewPinNeeded",
    "NoSuchAccount",
    "NotAPin",
    "NotOnline",
    "Offer",
    "OfferedReward",
    "OfferedVoucher",
    "OfflineLimits",
    "OperationKind",
    "Order",
    "OutboxError",
    "OutboxStatus",
    "OwnFile",
    "PinBlocked",
    "PinNeeded",
    "PinRejected",
    "PinRequired",
    "Receipt",
    "Refused",
    "RetryAuthorised",
    "Role",
    "RuntimeOptions",
    "Sale",
    "SalvagedEntry",
    "ScanFormats",
    "Secret",
    "ShiftInfo",
    "ShiftRow",
    "ShiftSummary",
    "Staff",
    "StaffRefused",
    "Standing",
    "StorageFull",
    "StorageProblem",
    "StorageReadOnly",
    "Suggestions",
    "SummaryLine",
    "Till",
    "TillConfig",
    "TokenSource",
    "Verdict",
    "VoucherFacts",
    "WrongPin",
    "carries_card",
    "check_code",
    "check_invoice",
    "check_name",
    "check_new_pin",
    "check_new_token",
    "check_note",
    "check_token",
    "clock",
    "counted_kind",
    "csv_file",
    "database_files",
    "diagnostics",
    "english",
    "entry_lines",
    "evidence_lines",
    "evidence_text",
    "export_entries",
    "failure_words",
    "feed_line_parts",
    "feed_line_said",
    "first_hidden",
    "first_name",
    "folder_in_the_way",
    "folder_refusal",
    "format_count",
    "format_rupiah",
    "import_into",
    "keep_off_the_keyring",
    "level_number",
    "level_words",
    "load_token",
    "load_token_file",
    "local_day",
    "logs",
    "look_at_damaged",
    "manager_vouches",
    "migrate",
    "missing_folder",
    "moment",
    "not_a_managers_pin",
    "open_till",
    "outcome_words",
    "qr_payload",
    "read_cashiers_file",
    "read_export",
    "readable_unsettled",
    "recorded_what",
    "reference_of",
    "same_pin",
    "say",
    "set_aside",
    "shown",
    "stacks_marks",
    "standing_name",
    "store_token",
    "summarise",
    "tills_own_files",
    "token_file",
    "told_when",
    "typed_token",
    "unwritable_folder",
    "what_to_do",
    "which_own_file",
    "why_not_written",
    "write_audit_csv",
    "write_summary_csv",
]


if set(__all__) != set(_HOMES):  # one list to read, one map to load from: keep them the same
    raise ImportError(
        f"app.core.services: __all__ and its homes differ: {set(__all__) ^ set(_HOMES)}"
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _WHOLE_MODULES:
        value: Any = importlib.import_module(_WHOLE_MODULES[name])
    else:
        value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def load_every_module() -> None:
    """Import every module these names come from, now. A window calls it on a worker thread
    after its first frame, so the till opens without the GUI thread waiting for SQLAlchemy,
    SQLModel and httpx to load: the core imports no Qt, so nothing here makes a Qt object."""
    for home in sorted(set(_HOMES.values()) | set(_WHOLE_MODULES.values())):
        importlib.import_module(home)


def __dir__() -> list[str]:
    return __all__
