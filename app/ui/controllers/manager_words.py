"""Manager mode's rows in the window's words: a history row, an exception, one entry's details,
an audit line. The values come from the till (``till.history``, ``till.audit``); the words from
the translator (``QCoreApplication.translate``) and the core's messages (``words``)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.services import (
    AuditLine,
    EntryDetails,
    EntryStatus,
    ExceptionItem,
    HistoryRow,
    MemberContact,
    OperationKind,
    Verdict,
    format_rupiah,
)
from app.ui.controllers.redemption import KIND_OF
from app.ui.manager.details import DetailsData
from app.ui.manager.exceptions import ExceptionData
from app.ui.viewmodels import OutcomeKind
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words

#: A member identifier is at most this long (an email's limit).
IDENTIFIER_MAX = 254
#: Characters no email, member ID, phone or card number holds, and that read as markup.
_NOT_IN_IDENTIFIERS = frozenset('<>&"`{}[]\\')


def _tr(text: str) -> str:
    return QCoreApplication.translate("ManagerWords", text)


def identifier_refusal(text: str) -> str:
    """Why ``text`` cannot be a member's identifier in a manager's form (``""``: it can be).
    Whether such a member exists is the till's to say; this refuses what no identifier is."""
    if len(text.strip()) > IDENTIFIER_MAX:
        return _tr("This is longer than {limit} characters.").format(limit=IDENTIFIER_MAX)
    if any(not ch.isprintable() or ch in _NOT_IN_IDENTIFIERS for ch in text):
        return _tr("An email, member ID, phone or card number has no such characters.")
    return ""


def status_choices() -> list[tuple[str, str]]:
    """The history's status filter: (status, words), in the order an entry goes through them."""
    return [(status.value, status_words(status)) for status in EntryStatus]


def status_words(status: EntryStatus) -> str:
    """An entry's status, as a manager reads it."""
    return {
        EntryStatus.QUEUED: _tr("Queued"),
        EntryStatus.SENDING: _tr("Sending"),
        EntryStatus.SYNCED: _tr("Confirmed by the server"),
        EntryStatus.REJECTED: _tr("Refused by the server"),
        EntryStatus.UNKNOWN: _tr("Not confirmed (unknown)"),
        EntryStatus.VOIDED: _tr("Voided (never sent)"),
        EntryStatus.EXPIRED: _tr("PIN authorisation ran out"),
        EntryStatus.DISMISSED: _tr("Dismissed by a manager"),
    }[status]


def outcome_words(outcome: str) -> str:
    """What one attempt proved (architecture §3), as a manager reads it."""
    known = {
        "applied": _tr("applied"),
        "refused": _tr("refused"),
        "never_arrived": _tr("never arrived"),
        "ambiguous": _tr("ambiguous"),
    }
    return known.get(outcome, outcome)


def kind_words(kind: str) -> str:
    """A kind of redemption."""
    known = {
        OperationKind.REWARD.value: _tr("reward"),
        OperationKind.MULTI.value: _tr("rewards"),
        OperationKind.VOUCHER.value: _tr("voucher"),
        OperationKind.DEDUCT.value: _tr("voucher value"),
        OperationKind.CODE.value: _tr("voucher code"),
        OperationKind.PROMO.value: _tr("promo code"),
        OperationKind.CANCEL.value: _tr("cancel"),
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
        return _tr("{n} stamps").format(n=row.stamps)
    return ""


def what_text(row: HistoryRow) -> str:
    """What the redemption was (a cancel by server id names the id)."""
    if row.kind is OperationKind.CANCEL:
        return _tr("Cancel of server redemption {id}").format(id=row.server_redemption_id or "?")
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
    return "\n".join(known) or _tr("Not known to this till")


def _evidence_text(evidence: dict[str, Any] | None) -> str:
    if not evidence:
        return _tr("The member's activity has not been read for this one.")
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
                _tr("yes") if row.provisional else _tr("no"),
                status_words(row.status),
            ),
            kind="refused" if row.status is EntryStatus.REJECTED else "not_confirmed",
        ),
        reason=words(item.said),
        evidence=_evidence_text(item.evidence) if row.status is EntryStatus.UNKNOWN else "",
        contact=contact_text(item.contact),
        allowed=allowed,
    )


def _audit_detail(detail: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {value}" for key, value in sorted(detail.items()))


def details_data(details: EntryDetails) -> DetailsData:
    """One entry's details in words."""
    row = details.row
    facts: list[tuple[str, str]] = [
        (_tr("Made"), local_time_text(row.created_at)),
        (_tr("Cashier"), f"{row.cashier} · {row.terminal}"),
        (_tr("Member"), contact_text(details.contact)),
        (_tr("Kind"), kind_words(row.kind.value)),
        (_tr("Status"), status_words(row.status)),
    ]
    if row.stamps:
        facts.append((_tr("Stamps"), str(row.stamps)))
    if row.rupiah:
        facts.append((_tr("Value"), format_rupiah(row.rupiah)))
    facts.append((_tr("Invoice"), row.invoice or _tr("none")))
    facts.append(
        (
            _tr("Server redemption id"),
            str(row.server_redemption_id)
            if row.server_redemption_id is not None
            else _tr("none yet"),
        )
    )
    if row.provisional:
        facts.append((_tr("Accepted offline"), _tr("yes")))
    if row.reconciled:
        facts.append((_tr("Found in the member's activity"), _tr("yes")))
    if row.note:
        facts.append((_tr("Manager's note"), row.note))
    if row.last_error:
        facts.append((_tr("Last error"), row.last_error))
    if details.retry_of:
        facts.append((_tr("Sent again from"), details.retry_of))
    if details.retried_as:
        facts.append((_tr("Sent again as"), ", ".join(details.retried_as)))
    if details.needs_pin:
        facts.append((_tr("Member's PIN"), _tr("authorised by the member's PIN")))
    facts.append((_tr("Entry"), row.entry_id))
    attempts = tuple(
        TableRow(
            key=attempt.number,
            cells=(
                str(attempt.number),
                local_time_text(attempt.started_at),
                local_time_text(attempt.ended_at) if attempt.ended_at else _tr("not ended"),
                outcome_words(attempt.outcome),
                str(attempt.status_code) if attempt.status_code is not None else "",
                attempt.error or "",
            ),
        )
        for attempt in row.attempts
    )
    trail = tuple(
        f"{local_time_text(line['at'])}  {line['who']}  {action_words(str(line['action']))}"
        + (f"  ({_audit_detail(line['detail'])})" if line.get("detail") else "")
        for line in details.audit
    )
    return DetailsData(
        entry_id=row.entry_id,
        what=what_text(row),
        standing=words(row.standing),
        kind=standing_kind(row),
        facts=tuple(facts),
        attempts=attempts,
        trail=trail,
        dashboard_only=words(details.dashboard_only) if details.dashboard_only else "",
        allowed=details.allowed,
    )


def action_words(action: str) -> str:
    """An audit action, as a manager reads it (an action this window does not know is shown as
    it is stored)."""
    known = {
        "sign_in": _tr("signed in"),
        "sign_in_failed": _tr("sign-in refused"),
        "sign_in_locked": _tr("sign-in while locked"),
        "manager_mode_left": _tr("left manager mode"),
        "cancel": _tr("cancel"),
        "cancel_by_server_id": _tr("cancel by server id"),
        "void": _tr("voided"),
        "retry": _tr("sent again"),
        "mark_applied": _tr("marked applied"),
        "dismiss": _tr("dismissed"),
        "imported": _tr("imported"),
        "reconciled": _tr("found in the member's activity"),
        "paused": _tr("sync paused"),
        "resumed": _tr("sync resumed"),
        "late_result_discarded": _tr("late answer set aside"),
        "cashiers_imported": _tr("cashiers imported"),
        "manager_added": _tr("manager added"),
        "cashier_added": _tr("cashier added"),
        "manager_renamed": _tr("manager renamed"),
        "cashier_renamed": _tr("cashier renamed"),
        "manager_disabled": _tr("manager disabled"),
        "cashier_disabled": _tr("cashier disabled"),
        "manager_enabled": _tr("manager enabled"),
        "cashier_enabled": _tr("cashier enabled"),
        "manager_pin_set": _tr("manager's PIN set"),
        "cashier_pin_set": _tr("cashier's PIN set"),
        "cashier_pin_removed": _tr("cashier's PIN removed"),
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
            _audit_detail(line.detail),
        ),
    )
