"""Manager mode's rows in the window's words: a history row, an exception, one entry's details,
an audit line. The values come from the till (``till.history``, ``till.audit``); the words from
the translator (``QCoreApplication.translate``) and the core's messages (``words``)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.services import (
    AuditLine,
    EntryStatus,
    ExceptionItem,
    HistoryRow,
    MemberContact,
    Message,
    OperationKind,
    Verdict,
    format_rupiah,
)
from app.ui.controllers.redemption import KIND_OF
from app.ui.manager.exceptions import ExceptionData
from app.ui.viewmodels import OutcomeKind
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words

#: A member identifier is at most this long (an email's limit).
IDENTIFIER_MAX = 254
#: Characters no email, member ID, phone or card number holds, and that read as markup.
_NOT_IN_IDENTIFIERS = frozenset('<>&"`{}[]\\')


def identifier_refusal(text: str) -> str:
    """Why ``text`` cannot be a member's identifier in a manager's form (``""``: it can be).
    Whether such a member exists is the till's to say; this refuses what no identifier is."""
    if len(text.strip()) > IDENTIFIER_MAX:
        return QCoreApplication.translate(
            "ManagerWords", "This is longer than {limit} characters."
        ).format(limit=IDENTIFIER_MAX)
    if any(not ch.isprintable() or ch in _NOT_IN_IDENTIFIERS for ch in text):
        return QCoreApplication.translate(
            "ManagerWords", "An email, member ID, phone or card number has no such characters."
        )
    return ""


def status_choices() -> list[tuple[str, str]]:
    """The history's status filter: (status, words), in the order an entry goes through them."""
    return [(status.value, status_words(status)) for status in EntryStatus]


def status_words(status: EntryStatus) -> str:
    """An entry's status, as a manager reads it."""
    return {
        EntryStatus.QUEUED: QCoreApplication.translate("ManagerWords", "Queued"),
        EntryStatus.SENDING: QCoreApplication.translate("ManagerWords", "Sending"),
        EntryStatus.SYNCED: QCoreApplication.translate("ManagerWords", "Confirmed by the server"),
        EntryStatus.REJECTED: QCoreApplication.translate("ManagerWords", "Refused by the server"),
        EntryStatus.UNKNOWN: QCoreApplication.translate("ManagerWords", "Not confirmed (unknown)"),
        EntryStatus.VOIDED: QCoreApplication.translate("ManagerWords", "Voided (never sent)"),
        EntryStatus.EXPIRED: QCoreApplication.translate(
            "ManagerWords", "PIN authorisation ran out"
        ),
        EntryStatus.DISMISSED: QCoreApplication.translate("ManagerWords", "Dismissed by a manager"),
    }[status]


def outcome_words(outcome: str) -> str:
    """What one attempt proved (architecture §3), as a manager reads it."""
    known = {
        "applied": QCoreApplication.translate("ManagerWords", "applied"),
        "refused": QCoreApplication.translate("ManagerWords", "refused"),
        "never_arrived": QCoreApplication.translate("ManagerWords", "never arrived"),
        "ambiguous": QCoreApplication.translate("ManagerWords", "ambiguous"),
    }
    return known.get(outcome, outcome)


def kind_words(kind: str) -> str:
    """A kind of redemption, as the manager's details and the day's tables name it."""
    known = {
        OperationKind.REWARD.value: QCoreApplication.translate("ManagerWords", "Reward"),
        OperationKind.MULTI.value: QCoreApplication.translate("ManagerWords", "Several rewards"),
        OperationKind.VOUCHER.value: QCoreApplication.translate("ManagerWords", "Voucher"),
        OperationKind.DEDUCT.value: QCoreApplication.translate(
            "ManagerWords", "Amount from a balance voucher"
        ),
        OperationKind.CODE.value: QCoreApplication.translate("ManagerWords", "Voucher code"),
        OperationKind.PROMO.value: QCoreApplication.translate("ManagerWords", "Promo code"),
        OperationKind.CANCEL.value: QCoreApplication.translate("ManagerWords", "Cancellation"),
    }
    return known.get(kind, kind)


def standing_kind(row: HistoryRow) -> OutcomeKind | None:
    """The colour a row's standing takes: its outcome's, or the cancel's (pending is amber,
    refused red, done neutral: nothing to do)."""
    if row.cancel is not None:
        if row.cancel.status is EntryStatus.SYNCED:
            return None
        if row.cancel.status is EntryStatus.REJECTED:
            return "refused"
        return "not_confirmed"
    if row.verdict is Verdict.CANCELLED:
        return None
    return KIND_OF[row.verdict]


def amount_text(row: HistoryRow) -> str:
    """What a redemption spent: stamps, or rupiah taken from a balance voucher."""
    if row.rupiah:
        return format_rupiah(row.rupiah)
    if row.stamps:
        return QCoreApplication.translate("ManagerWords", "{n} stamps").format(n=row.stamps)
    return ""


def what_text(row: HistoryRow) -> str:
    """What the redemption was (a cancel by server id names the id)."""
    if row.kind is OperationKind.CANCEL:
        return QCoreApplication.translate(
            "ManagerWords", "Cancel of server redemption {id}"
        ).format(id=row.server_redemption_id or "?")
    return row.description or kind_words(row.kind.value)


def history_row(row: HistoryRow) -> TableRow:
    """A row of the history table."""
    return TableRow(
        key=row.entry_id,
        cells=(
            local_time_text(row.created_at),
            row.cashier,
            row.user,
            what_text(row),
            amount_text(row),
            str(row.server_redemption_id) if row.server_redemption_id is not None else "",
            row.invoice or "",
            words(row.standing),
        ),
        kind=standing_kind(row),
    )


def contact_text(contact: MemberContact) -> str:
    """How to reach the member, one line each of what the till knows."""
    lines = [contact.name or "", contact.email or "", contact.phone or ""]
    known = [line for line in lines if line]
    if contact.user and contact.user not in known:
        known.append(contact.user)
    return "\n".join(known) or QCoreApplication.translate("ManagerWords", "Not known to this till")


def _evidence_text(evidence: dict[str, Any] | None) -> str:
    if not evidence:
        return QCoreApplication.translate(
            "ManagerWords", "The member's activity has not been read for this one."
        )
    return json.dumps(evidence, ensure_ascii=False, indent=2, sort_keys=True, default=str)


def exception_data(item: ExceptionItem, allowed: frozenset[str]) -> ExceptionData:
    """An exception as its pane tells it."""
    row = item.row
    return ExceptionData(
        row=TableRow(
            key=row.entry_id,
            cells=(
                local_time_text(row.created_at),
                item.contact.name or row.user,
                what_text(row),
                QCoreApplication.translate("ManagerWords", "yes")
                if row.provisional
                else QCoreApplication.translate("ManagerWords", "no"),
                status_words(row.status),
            ),
            kind="refused" if row.status is EntryStatus.REJECTED else "not_confirmed",
        ),
        reason=_reason_words(item.said),
        evidence=_evidence_text(item.evidence) if row.status is EntryStatus.UNKNOWN else "",
        contact=contact_text(item.contact),
        allowed=allowed,
    )


def _reason_words(said: Message) -> str:
    # The moment reconciliation read the member's activity from is stored as a UTC stamp (the
    # command line prints it so); on screen it is the till's local time, as beside it in the row.
    since = said.params.get("since") if said.id == "exception.not_found" else None
    if isinstance(since, str):
        try:
            moment = datetime.fromisoformat(since)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            said = Message(said.id, {**said.params, "since": local_time_text(moment)})
    return words(said)


def _detail_keys() -> dict[str, str]:
    return {
        "role": QCoreApplication.translate("ManagerWords", "role"),
        "reason": QCoreApplication.translate("ManagerWords", "reason"),
        "note": QCoreApplication.translate("ManagerWords", "note"),
        "name": QCoreApplication.translate("ManagerWords", "name"),
        "new_name": QCoreApplication.translate("ManagerWords", "new name"),
        "pin": QCoreApplication.translate("ManagerWords", "PIN"),
        "replacement_voucher": QCoreApplication.translate("ManagerWords", "replacement voucher"),
        "server_redemption_id": QCoreApplication.translate("ManagerWords", "server redemption id"),
        "cancel_entry": QCoreApplication.translate("ManagerWords", "cancel entry"),
        "new_entry": QCoreApplication.translate("ManagerWords", "new entry"),
        "added": QCoreApplication.translate("ManagerWords", "added"),
        "skipped": QCoreApplication.translate("ManagerWords", "skipped"),
        "outcome": QCoreApplication.translate("ManagerWords", "outcome"),
        "error": QCoreApplication.translate("ManagerWords", "error"),
        "line": QCoreApplication.translate("ManagerWords", "line"),
        "from": QCoreApplication.translate("ManagerWords", "from"),
        "status": QCoreApplication.translate("ManagerWords", "status"),
    }


def _detail_value(value: Any) -> str:
    """A detail's value: the till's own words translated, anything else (a note, an id, the
    server's words) as it was stored."""
    if value is None:
        return QCoreApplication.translate("ManagerWords", "none")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ManagerWords", "yes")
            if value
            else QCoreApplication.translate("ManagerWords", "no")
        )
    known = {
        "manager": QCoreApplication.translate("ManagerWords", "manager"),
        "cashier": QCoreApplication.translate("ManagerWords", "cashier"),
        "wrong PIN": QCoreApplication.translate("ManagerWords", "wrong PIN"),
    }
    return known.get(value, str(value)) if isinstance(value, str) else str(value)


def audit_detail(detail: dict[str, Any]) -> str:
    """An audit line's details, ``key: value`` in the manager's words."""
    keys = _detail_keys()
    return ", ".join(
        f"{keys.get(key, key.replace('_', ' '))}: {_detail_value(value)}"
        for key, value in sorted(detail.items())
    )


def action_words(action: str) -> str:
    """An audit action, as a manager reads it (an action this window does not know is shown as
    it is stored)."""
    known = {
        "sign_in": QCoreApplication.translate("ManagerWords", "signed in"),
        "sign_in_failed": QCoreApplication.translate("ManagerWords", "sign-in refused"),
        "sign_in_locked": QCoreApplication.translate("ManagerWords", "sign-in while locked"),
        "manager_mode_left": QCoreApplication.translate("ManagerWords", "left manager mode"),
        "cancel": QCoreApplication.translate("ManagerWords", "cancel"),
        "cancel_by_server_id": QCoreApplication.translate("ManagerWords", "cancel by server id"),
        "void": QCoreApplication.translate("ManagerWords", "voided"),
        "retry": QCoreApplication.translate("ManagerWords", "sent again"),
        "mark_applied": QCoreApplication.translate("ManagerWords", "marked applied"),
        "dismiss": QCoreApplication.translate("ManagerWords", "dismissed"),
        "imported": QCoreApplication.translate("ManagerWords", "imported"),
        "reconciled": QCoreApplication.translate("ManagerWords", "found in the member's activity"),
        "paused": QCoreApplication.translate("ManagerWords", "sync paused"),
        "resumed": QCoreApplication.translate("ManagerWords", "sync resumed"),
        "late_result_discarded": QCoreApplication.translate(
            "ManagerWords", "late answer set aside"
        ),
        "cashiers_imported": QCoreApplication.translate("ManagerWords", "cashiers imported"),
        "manager_added": QCoreApplication.translate("ManagerWords", "manager added"),
        "cashier_added": QCoreApplication.translate("ManagerWords", "cashier added"),
        "manager_renamed": QCoreApplication.translate("ManagerWords", "manager renamed"),
        "cashier_renamed": QCoreApplication.translate("ManagerWords", "cashier renamed"),
        "manager_disabled": QCoreApplication.translate("ManagerWords", "manager disabled"),
        "cashier_disabled": QCoreApplication.translate("ManagerWords", "cashier disabled"),
        "manager_enabled": QCoreApplication.translate("ManagerWords", "manager enabled"),
        "cashier_enabled": QCoreApplication.translate("ManagerWords", "cashier enabled"),
        "manager_pin_set": QCoreApplication.translate("ManagerWords", "manager's PIN set"),
        "cashier_pin_set": QCoreApplication.translate("ManagerWords", "cashier's PIN set"),
        "cashier_pin_removed": QCoreApplication.translate("ManagerWords", "cashier's PIN removed"),
        "handed_over": QCoreApplication.translate("ManagerWords", "kiosk reward handed over"),
        "kiosk_left": QCoreApplication.translate("ManagerWords", "left kiosk mode"),
    }
    return known.get(action, action.replace("_", " "))


def audit_row(line: AuditLine) -> TableRow:
    """A row of the audit table."""
    return TableRow(
        key=f"{line.at.isoformat()}-{line.who}-{line.action}-{line.entry_id}",
        cells=(
            local_time_text(line.at),
            line.who,
            action_words(line.action),
            line.terminal,
            line.entry_id or "",
            audit_detail(line.detail),
        ),
    )
