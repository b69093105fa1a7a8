"""One entry's details in a manager's words: what it was, where it stands and how it got there.

The banner (the standing) and the status rows say the same thing. A redemption cancelled later
reads "Cancelled" in both, with who asked for the cancel and when, when the server confirmed it,
and what the redemption was before; a redemption a manager settled (voided before it was sent,
marked applied, dismissed, sent again) names the manager, the time and their note; a refusal
gives the server's reason, not the raw record.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.services import (
    CancelState,
    EntryDetails,
    EntryStatus,
    FoldedAttempts,
    HistoryRow,
    ManagerDecision,
    OperationKind,
    Verdict,
    failure_words,
    format_rupiah,
    say,
)
from app.ui.controllers.audit_words import action_words, actor_words, audit_detail
from app.ui.controllers.manager_words import (
    contact_text,
    order_kind_words,
    outcome_words,
    standing_kind,
    status_words,
    what_text,
)
from app.ui.manager.details import DetailsData
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words

Fact = tuple[str, str]


def when_by(at: datetime | None, who: str) -> str:
    """``25 Des 14.02 by Dewi``: when someone did something, and who."""
    if at is None:
        return actor_words(who)
    return QCoreApplication.translate("ManagerWords", "{when} by {who}").format(
        when=local_time_text(at), who=actor_words(who)
    )


def _cancel_facts(row: HistoryRow, cancel: CancelState) -> list[Fact]:
    """A redemption with a cancel: the cancel's state first, then what the redemption was."""
    state = cancel_state_words(
        cancel.status,
        needs_dashboard=cancel.needs_dashboard,
        no_such_redemption=cancel.no_such_redemption,
    )
    facts = [
        (QCoreApplication.translate("ManagerWords", "Status"), state),
        (
            QCoreApplication.translate("ManagerWords", "Cancel asked"),
            when_by(cancel.asked_at, cancel.asked_by),
        ),
    ]
    if cancel.status is EntryStatus.SYNCED and cancel.settled_at is not None:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Cancel confirmed"),
                local_time_text(cancel.settled_at),
            )
        )
    if cancel.needs_dashboard and cancel.reason is not None:
        # the till kept it: the server refused nothing
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Why the cancel was not sent"),
                words(cancel.reason),
            )
        )
    elif cancel.status is EntryStatus.REJECTED and cancel.reason is not None:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Why the cancel was refused"),
                words(cancel.reason),
            )
        )
    if cancel.note:
        facts.append((QCoreApplication.translate("ManagerWords", "Cancel note"), cancel.note))
    if cancel.replacement_voucher:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Replacement voucher"),
                QCoreApplication.translate("ManagerWords", "asked for"),
            )
        )
    facts.append(
        (QCoreApplication.translate("ManagerWords", "Before the cancel"), _redemption_state(row))
    )
    return facts


def _decision_facts(row: HistoryRow, decision: ManagerDecision) -> list[Fact] | None:
    """A redemption a manager settled themselves, or ``None`` when the decision is not the one
    that holds now (a later send, say)."""
    by = when_by(decision.at, decision.who)
    if decision.action == "void" and row.status is EntryStatus.VOIDED:
        return [
            (
                QCoreApplication.translate("ManagerWords", "Status"),
                QCoreApplication.translate(
                    "ManagerWords", "Cancelled before it was sent: nothing was redeemed"
                ),
            ),
            (QCoreApplication.translate("ManagerWords", "Cancelled"), by),
        ]
    if row.marked_applied:  # the row's decision, this one: the latest, and it holds
        return [
            (
                QCoreApplication.translate("ManagerWords", "Status"),
                QCoreApplication.translate(
                    "ManagerWords",
                    "Marked applied by a manager: the Stamps server never confirmed it",
                ),
            ),
            (QCoreApplication.translate("ManagerWords", "Marked applied"), by),
        ]
    if decision.action == "retry" and row.status is EntryStatus.DISMISSED:
        return [
            (
                QCoreApplication.translate("ManagerWords", "Status"),
                QCoreApplication.translate(
                    "ManagerWords",
                    "Sent again by a manager as a new redemption: this one is closed and not "
                    "sent again",
                ),
            ),
            (QCoreApplication.translate("ManagerWords", "Sent again"), by),
        ]
    if decision.action == "dismiss" and row.status is EntryStatus.DISMISSED:
        return [
            (
                QCoreApplication.translate("ManagerWords", "Status"),
                QCoreApplication.translate(
                    "ManagerWords", "Dismissed by a manager: the till does not send it again"
                ),
            ),
            (QCoreApplication.translate("ManagerWords", "Dismissed"), by),
        ]
    return None


def _redemption_state(row: HistoryRow) -> str:
    """Where the entry itself stands, in one line."""
    status = row.status
    if status is EntryStatus.QUEUED:
        if row.verdict is Verdict.ACCEPTED_OFFLINE and row.answered:
            # the server is there and put it off (a 429, a 408): "offline" would name an outage;
            # the attempts below say which
            return QCoreApplication.translate(
                "ManagerWords",
                "Accepted: the Stamps server answered but applied nothing yet; waiting to send",
            )
        if row.verdict is Verdict.ACCEPTED_OFFLINE:
            return QCoreApplication.translate("ManagerWords", "Accepted offline: waiting to send")
        if any(a.outcome == "ambiguous" for a in row.attempts):
            # "without an answer" would be false of a 500 or a sign-in page's 200: answers that
            # proved nothing
            return QCoreApplication.translate(
                "ManagerWords",
                "Not confirmed: sent, and nothing showed whether it went through; the till sends "
                "it again",
            )
        if row.attempts:
            return QCoreApplication.translate(
                "ManagerWords", "Queued: the Stamps server could not be reached yet"
            )
        return QCoreApplication.translate("ManagerWords", "Queued: not sent yet")
    if status is EntryStatus.SENDING:
        if row.provisional and row.answered:
            return QCoreApplication.translate(
                "ManagerWords",
                "Accepted: the Stamps server answered but applied nothing yet; being sent again",
            )
        if row.provisional:
            return QCoreApplication.translate(
                "ManagerWords", "Accepted offline: being sent to the Stamps server"
            )
        return QCoreApplication.translate("ManagerWords", "Being sent to the Stamps server")
    if row.marked_applied:
        # it counts as confirmed, on a manager's word
        return QCoreApplication.translate(
            "ManagerWords", "Confirmed by a manager: the Stamps server never confirmed it"
        )
    if status is EntryStatus.SYNCED and row.reconciled and row.line_status == "cancelled":
        # its line proves it arrived, and says the server cancelled it since
        return QCoreApplication.translate(
            "ManagerWords",
            "Cancelled on the Stamps server: found in the member's activity as cancelled",
        )
    if status is EntryStatus.SYNCED and row.reconciled and row.line_status == "unread":
        return QCoreApplication.translate(
            "ManagerWords",
            "Counted as confirmed: found in the member's activity, with a status the till does "
            "not know",
        )
    if status is EntryStatus.SYNCED and row.reconciled and row.line_status == "not_kept":
        # reconciled before the till kept what the line said: it may say cancelled
        return QCoreApplication.translate(
            "ManagerWords",
            "Counted as confirmed: found in the member's activity before the till kept its status",
        )
    if status is EntryStatus.SYNCED and row.reconciled:
        return QCoreApplication.translate(
            "ManagerWords", "Confirmed: found in the member's activity"
        )
    if status is EntryStatus.UNKNOWN:
        return QCoreApplication.translate(
            "ManagerWords", "Not confirmed: the till could not prove whether the server applied it"
        )
    if status is EntryStatus.REJECTED:
        return QCoreApplication.translate(
            "ManagerWords", "Refused by the server: nothing was redeemed"
        )
    if status is EntryStatus.VOIDED:
        if row.verdict is Verdict.NOT_REDEEMED:
            return QCoreApplication.translate(
                "ManagerWords", "Not redeemed: the till's offline rules did not allow it"
            )
        return QCoreApplication.translate(
            "ManagerWords", "Cancelled before it was sent: nothing was redeemed"
        )
    if status is EntryStatus.EXPIRED and row.kiosk:
        return QCoreApplication.translate(
            "ManagerWords",
            "Not sent in time: the kiosk told the customer to ask at the counter; nothing was "
            "redeemed",
        )
    if status is EntryStatus.EXPIRED:
        return QCoreApplication.translate(
            "ManagerWords", "PIN authorisation ran out: nothing was redeemed"
        )
    return status_words(status)


def cancel_state_words(
    status: EntryStatus, *, needs_dashboard: bool = False, no_such_redemption: bool = False
) -> str:
    """Where a cancel stands: a redemption's, or a cancel by server id of its own.
    ``needs_dashboard``: the till never sent it, having no server id for the redemption;
    ``no_such_redemption``: the server refused it having no redemption by its id (a 404)."""
    if needs_dashboard:
        return QCoreApplication.translate(
            "ManagerWords",
            "Cancel not sent: the redemption stands until it is cancelled on the Stamps dashboard",
        )
    if no_such_redemption:
        # "the redemption still stands" of a redemption the server says it does not have
        return QCoreApplication.translate(
            "ManagerWords", "Cancel refused: the Stamps server has no redemption by this id"
        )
    return {
        EntryStatus.QUEUED: QCoreApplication.translate(
            "ManagerWords", "Cancel pending: not sent to the Stamps server yet"
        ),
        EntryStatus.SENDING: QCoreApplication.translate(
            "ManagerWords", "Cancel pending: being sent to the Stamps server"
        ),
        EntryStatus.SYNCED: QCoreApplication.translate(
            "ManagerWords", "Cancelled: the Stamps server confirmed the cancel"
        ),
        EntryStatus.UNKNOWN: QCoreApplication.translate(
            "ManagerWords", "Cancel not confirmed: until the till finds out, the redemption stands"
        ),
        EntryStatus.REJECTED: QCoreApplication.translate(
            "ManagerWords", "Cancel refused: the redemption still stands"
        ),
        EntryStatus.VOIDED: QCoreApplication.translate(
            "ManagerWords", "Not sent: there was nothing left to cancel"
        ),
        EntryStatus.DISMISSED: QCoreApplication.translate(
            "ManagerWords", "Cancel closed by a manager: the redemption stands"
        ),
    }.get(status, status_words(status))


def status_facts(details: EntryDetails) -> list[Fact]:
    """The status rows: the same state as the banner, with who settled it, when, and why."""
    row = details.row
    if row.kind is OperationKind.CANCEL:
        state = cancel_state_words(
            row.status,
            needs_dashboard=row.needs_dashboard,
            no_such_redemption=row.no_such_redemption,
        )
        facts = [(QCoreApplication.translate("ManagerWords", "Status"), state)]
    elif row.cancel is not None:
        return _cancel_facts(row, row.cancel)
    else:
        settled = _decision_facts(row, details.decision) if details.decision else None
        facts = settled or [
            (QCoreApplication.translate("ManagerWords", "Status"), _redemption_state(row))
        ]
    if row.reason is not None and row.status in (EntryStatus.REJECTED, EntryStatus.VOIDED):
        facts.append((QCoreApplication.translate("ManagerWords", "Why"), words(row.reason)))
    return facts


def _standing(details: EntryDetails) -> str:
    """The banner: the receipt's headline, except that a redemption a manager marked applied
    says so (the server never confirmed it)."""
    if details.row.marked_applied and details.row.cancel is None:
        return QCoreApplication.translate("ManagerWords", "Marked applied by a manager")
    return words(details.row.standing)


def _note(details: EntryDetails) -> str:
    """The manager's own note: from their decision when there is one (the entry's note of a
    voided entry holds the till's record, not theirs); nothing for what the till voided."""
    if details.decision is not None and details.decision.note:
        return details.decision.note
    if details.row.status is EntryStatus.VOIDED:
        return ""
    return details.row.note or ""


def _failure_text(record: str | None, base_url: str) -> str:
    """A recorded failure in words (the record itself: ``stamps-pos outbox show``)."""
    said = failure_words(record, base_url=base_url)
    return words(said) if said is not None else ""


def _last_error(details: EntryDetails, base_url: str) -> str:
    """What the entry last recorded: beside a confirmation the server's own words, which the
    worker keeps; else the failure that left it where it is (a redemption a manager marked
    applied was confirmed by nobody: its record is the failure it was left unknown by)."""
    row = details.row
    if (
        row.status is EntryStatus.SYNCED
        and not row.reconciled
        and not row.marked_applied
        and row.last_error
    ):
        return words(say("receipt.also_said", said=row.last_error))
    return _failure_text(row.last_error, base_url)


def _server_id(row: HistoryRow) -> str:
    """The server's id of the redemption; "none yet" only of one that may still get one. One
    confirmed without an answer naming it never gets one: the till says why it is not known
    (its id is on the Stamps dashboard, where it is cancelled)."""
    if row.server_redemption_id is not None:
        return str(row.server_redemption_id)
    how = row.confirmed_without_id
    if how == "marked_applied":
        return QCoreApplication.translate("ManagerWords", "not known: a manager marked it applied")
    if how == "reconciled" and row.line_status == "cancelled":
        return QCoreApplication.translate(
            "ManagerWords", "not known: found in the member's activity, cancelled there"
        )
    if how == "reconciled":
        return QCoreApplication.translate(
            "ManagerWords", "not known: confirmed from the member's activity"
        )
    if row.status in (EntryStatus.VOIDED, EntryStatus.EXPIRED):
        if row.attempts:  # sent, and proved never to have arrived (the offline rules voided it)
            return QCoreApplication.translate("ManagerWords", "none (not redeemed)")
        return QCoreApplication.translate("ManagerWords", "none (never sent)")
    if any(attempt.outcome == "refused" for attempt in row.attempts):
        # refused (a manager may have closed it since): no redemption was made
        return QCoreApplication.translate("ManagerWords", "none (refused)")
    if row.needs_dashboard:
        # a cancel the till never sent, for a redemption confirmed without an id: "none yet"
        # promised an answer that nothing will bring
        return QCoreApplication.translate(
            "ManagerWords",
            "none: the redemption was confirmed without one; cancel it on the Stamps dashboard",
        )
    if row.status is EntryStatus.DISMISSED:
        # closed by a manager (sent again, or dismissed) while unknown: the server may have
        # applied it, its id on the dashboard; no answer will bring it to this entry
        return QCoreApplication.translate("ManagerWords", "not known: a manager closed it")
    return QCoreApplication.translate("ManagerWords", "none yet")


def _tries_fact(row: HistoryRow) -> Fact:
    """How many times it was sent, when the list below does not show every attempt: an entry
    retried for days keeps its first and last attempts, the others counted in one line. (Only
    then: there are more than 23 tries, so "times" is always plural.)"""
    return (
        QCoreApplication.translate("ManagerWords", "Sent"),
        QCoreApplication.translate(
            "ManagerWords",
            "{tries} times; {unlisted} of them never reached the Stamps server and are counted, "
            "not listed",
        ).format(
            tries=QLocale().toString(row.tries),
            unlisted=QLocale().toString(row.tries - len(row.attempts)),
        ),
    )


def _folded_row(folded: FoldedAttempts) -> TableRow:
    return TableRow(
        key=f"folded:{folded.outcome}",
        cells=(
            "…",
            local_time_text(folded.first_started_at),
            local_time_text(folded.last_ended_at),
            outcome_words(folded.outcome),
            "",
            QCoreApplication.translate(
                "ManagerWords", "Counted, not listed: {count} attempts like this, first to last"
            ).format(count=QLocale().toString(folded.count)),
        ),
    )


def _attempt_rows(row: HistoryRow, base_url: str) -> tuple[TableRow, ...]:
    """The attempts, first to last; the ones folded away in a line where their numbers are
    missing (after the first few)."""
    rows: list[TableRow] = []
    folded = [_folded_row(f) for f in row.folded]
    for attempt in row.attempts:
        if folded and rows and attempt.number > len(rows) + 1:
            rows += folded
            folded = []
        rows.append(
            TableRow(
                key=attempt.number,
                cells=(
                    str(attempt.number),
                    local_time_text(attempt.started_at),
                    local_time_text(attempt.ended_at)
                    if attempt.ended_at
                    else QCoreApplication.translate("ManagerWords", "not ended"),
                    outcome_words(attempt.outcome),
                    str(attempt.status_code) if attempt.status_code is not None else "",
                    _failure_text(attempt.error, base_url),
                ),
            )
        )
    return (*rows, *folded)


def details_data(details: EntryDetails, *, base_url: str = "") -> DetailsData:
    """One entry's details in words. ``base_url`` is the till's: a refusal of its credentials
    says https when the till talks plain http and the server asked for https."""
    row = details.row
    cancel_entry = row.kind is OperationKind.CANCEL
    facts: list[Fact] = [
        (QCoreApplication.translate("ManagerWords", "Made"), local_time_text(row.created_at)),
        (
            QCoreApplication.translate("ManagerWords", "Asked by")
            if cancel_entry
            else QCoreApplication.translate("ManagerWords", "Cashier"),
            f"{row.cashier} · {row.terminal}",
        ),
        (QCoreApplication.translate("ManagerWords", "Member"), contact_text(details.contact)),
        (QCoreApplication.translate("ManagerWords", "Kind"), order_kind_words(row)),
        *status_facts(details),
    ]
    if row.stamps:
        facts.append((QCoreApplication.translate("ManagerWords", "Stamps"), str(row.stamps)))
    if row.rupiah:
        facts.append(
            (QCoreApplication.translate("ManagerWords", "Value"), format_rupiah(row.rupiah))
        )
    if not cancel_entry:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Invoice"),
                row.invoice or QCoreApplication.translate("ManagerWords", "none"),
            )
        )
    facts.append(
        (QCoreApplication.translate("ManagerWords", "Server redemption id"), _server_id(row))
    )
    if row.provisional and row.answered:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Accepted before the server's answer"),
                # "applied nothing yet" of one the server has confirmed or refused since was stale
                QCoreApplication.translate(
                    "ManagerWords", "yes: the Stamps server answered but applied nothing yet"
                )
                if row.status in (EntryStatus.QUEUED, EntryStatus.SENDING)
                else QCoreApplication.translate(
                    "ManagerWords",
                    "yes: the Stamps server had asked for it again; the till was not offline",
                ),
            )
        )
    elif row.provisional:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Accepted offline"),
                QCoreApplication.translate("ManagerWords", "yes"),
            )
        )
    if row.reconciled:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Found in the member's activity"),
                QCoreApplication.translate("ManagerWords", "yes"),
            )
        )
    note = _note(details)
    if note:
        facts.append((QCoreApplication.translate("ManagerWords", "Manager's note"), note))
    # A refusal's reason is said above in words; anything else is said from the record.
    if row.last_error and row.reason is None:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Last error"),
                _last_error(details, base_url),
            )
        )
    if details.retry_of:
        facts.append(
            (QCoreApplication.translate("ManagerWords", "Sent again from"), details.retry_of)
        )
    if details.retried_as:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Sent again as"),
                ", ".join(details.retried_as),
            )
        )
    if details.needs_pin:
        facts.append(
            (
                QCoreApplication.translate("ManagerWords", "Member's PIN"),
                QCoreApplication.translate("ManagerWords", "authorised by the member's PIN"),
            )
        )
    if row.tries > len(row.attempts):
        facts.append(_tries_fact(row))
    facts.append((QCoreApplication.translate("ManagerWords", "Entry"), row.entry_id))
    attempts = _attempt_rows(row, base_url)
    trail = tuple(
        f"{local_time_text(line['at'])}  {line['who']}  {action_words(str(line['action']))}"
        + (f"  ({audit_detail(line['detail'], base_url=base_url)})" if line.get("detail") else "")
        for line in details.audit
    )
    return DetailsData(
        entry_id=row.entry_id,
        what=what_text(row),
        standing=_standing(details),
        kind=standing_kind(row),
        facts=tuple(facts),
        attempts=attempts,
        trail=trail,
        dashboard_only=words(details.dashboard_only) if details.dashboard_only else "",
        allowed=details.allowed,
    )
