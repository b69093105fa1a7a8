"""The till's use-cases, shared by the window and the command line: the one way in.

``app.ui`` and ``app.cli`` import from here (and from ``app.config``) only; ``make lint`` checks
it (import-linter, ``pyproject.toml``). Everything they use is a method or event of
:class:`Till` or :class:`Catalogue`, and every type they show is re-exported here.

The names load on first use (PEP 562): the window paints before the database, the HTTP client
and the models are imported, and ``stamps-pos --help`` never imports them at all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core import clock
    from app.core.credentials import CredentialsError, Secret, load_token, store_token
    from app.core.domain import Channel, EntryStatus, OperationKind, format_rupiah
    from app.core.messages import CONTEXT, TEMPLATES, Explained, Message, english, say
    from app.core.offline.connectivity import Connectivity
    from app.core.offline.policy import OfflineLimits, VoucherFacts
    from app.core.outbox.errors import OutboxError
    from app.core.outbox.outbox import OutboxStatus
    from app.core.services.catalogue import (
        Catalogue,
        CatalogueUnavailable,
        CodeNeedsServer,
        Offer,
        OfferedReward,
        OfferedVoucher,
    )
    from app.core.services.config import TillConfig, TokenSource
    from app.core.services.members import Member, MemberNotFound
    from app.core.services.orders import InvalidOrder, Order
    from app.core.services.receipts import Receipt, Verdict
    from app.core.services.runtime import (
        ConnectionCheck,
        RuntimeOptions,
        check_connection,
        open_till,
    )
    from app.core.services.shift import CSV_COLUMNS, ShiftInfo, ShiftRow, ShiftSummary
    from app.core.services.till import (
        CredentialsRefused,
        NotOnline,
        PinRejected,
        PinRequired,
        Refused,
        Sale,
        Till,
    )
    from app.core.storage.migrate import DatabaseTooNew, migrate

#: Where each name lives.
_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("app.core", ("clock",)),
    (
        "app.core.credentials",
        ("CredentialsError", "Secret", "load_token", "store_token"),
    ),
    ("app.core.domain", ("Channel", "EntryStatus", "OperationKind", "format_rupiah")),
    ("app.core.messages", ("CONTEXT", "TEMPLATES", "Explained", "Message", "english", "say")),
    ("app.core.offline.connectivity", ("Connectivity",)),
    ("app.core.offline.policy", ("OfflineLimits", "VoucherFacts")),
    ("app.core.outbox.errors", ("OutboxError",)),
    ("app.core.outbox.outbox", ("OutboxStatus",)),
    (
        "app.core.services.catalogue",
        (
            "Catalogue",
            "CatalogueUnavailable",
            "CodeNeedsServer",
            "Offer",
            "OfferedReward",
            "OfferedVoucher",
        ),
    ),
    ("app.core.services.config", ("TillConfig", "TokenSource")),
    ("app.core.services.members", ("Member", "MemberNotFound")),
    ("app.core.services.orders", ("InvalidOrder", "Order")),
    ("app.core.services.receipts", ("Receipt", "Verdict")),
    (
        "app.core.services.runtime",
        ("ConnectionCheck", "RuntimeOptions", "check_connection", "open_till"),
    ),
    ("app.core.services.shift", ("CSV_COLUMNS", "ShiftInfo", "ShiftRow", "ShiftSummary")),
    (
        "app.core.services.till",
        (
            "CredentialsRefused",
            "NotOnline",
            "PinRejected",
            "PinRequired",
            "Refused",
            "Sale",
            "Till",
        ),
    ),
    ("app.core.storage.migrate", ("DatabaseTooNew", "migrate")),
)
_HOMES = {name: module for module, names in _MODULES for name in names}

__all__ = [
    "CONTEXT",
    "CSV_COLUMNS",
    "TEMPLATES",
    "Catalogue",
    "CatalogueUnavailable",
    "Channel",
    "CodeNeedsServer",
    "ConnectionCheck",
    "Connectivity",
    "CredentialsError",
    "CredentialsRefused",
    "DatabaseTooNew",
    "EntryStatus",
    "Explained",
    "InvalidOrder",
    "Member",
    "MemberNotFound",
    "Message",
    "NotOnline",
    "Offer",
    "OfferedReward",
    "OfferedVoucher",
    "OfflineLimits",
    "OperationKind",
    "Order",
    "OutboxError",
    "OutboxStatus",
    "PinRejected",
    "PinRequired",
    "Receipt",
    "Refused",
    "RuntimeOptions",
    "Sale",
    "Secret",
    "ShiftInfo",
    "ShiftRow",
    "ShiftSummary",
    "Till",
    "TillConfig",
    "TokenSource",
    "Verdict",
    "VoucherFacts",
    "check_connection",
    "clock",
    "english",
    "format_rupiah",
    "load_token",
    "migrate",
    "open_till",
    "say",
    "store_token",
]


if set(__all__) != set(_HOMES):  # one list to read, one map to load from: keep them the same
    raise ImportError(
        f"app.core.services: __all__ and its homes differ: {set(__all__) ^ set(_HOMES)}"
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name == "clock":  # a module, not a name inside one
        value: Any = importlib.import_module("app.core.clock")
    else:
        value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def __dir__() -> list[str]:
    return __all__
