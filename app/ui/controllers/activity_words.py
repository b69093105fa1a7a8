"""What reconciliation read in a member's activity, in a manager's words.

The core keeps its evidence as a record (app/core/outbox/reconcile.py: moments as UTC stamps,
the lines it compared, the entries it waited on), which ``stamps-pos exceptions --json`` prints
as it is; the core's :mod:`app.core.services.evidence_words` says it as lines a manager reads,
which the exceptions' pane and the audit trail show in the window's language and the till's
local time (``stamps-pos exceptions`` in English).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.services import EvidenceLine, feed_line_parts, format_count
from app.core.services import evidence_text as said_evidence
from app.ui.widgets.member_card import local_time_text
from app.ui.wording import words


def stamps_text(count: int) -> str:
    """``1 stamp``, ``15 stamps``."""
    return (
        QCoreApplication.translate("ManagerWords", "{n} stamp")
        if count == 1
        else QCoreApplication.translate("ManagerWords", "{n} stamps")
    ).format(n=format_count(count))


def feed_line_text(line: dict[str, Any]) -> str:
    """One line of the member's activity: ``Croissant Mentega, 15 stamps, 1 Dec 13.41, at a
    kiosk, server id 2031`` (the core's :func:`feed_line_parts`, in the window's words)."""
    return EvidenceLine(feed_line_parts(line, local_time_text)).said(words)


def evidence_text(
    evidence: dict[str, Any] | None,
    *,
    base_url: str,
    named: Mapping[str, str] | None = None,
    store_codes: Mapping[int, str] | None = None,
) -> str:
    """What reconciliation read, a line for each thing it recorded, in the window's words and
    local time: the core's builder, which ``stamps-pos exceptions`` says in English."""
    return said_evidence(
        evidence,
        words,
        base_url=base_url,
        when=local_time_text,
        named=named,
        store_codes=store_codes,
    )
