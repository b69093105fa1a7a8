"""Manager mode's rows in the window's words: a history row, an exception, one entry's details,
an audit line. The values come from the till (``till.history``, ``till.audit``); the words from
the translator (``QCoreApplication.translate``) and the core's messages (``words``)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.core.services import (
    STANDINGS,
    EntryStatus,
    ExceptionItem,
    HistoryRow,
    MemberContact,
    Message,
    OperationKind,
    Verdict,
    format_rupiah,
    recorded_what,
    reference_of,
    told_when,
)
from app.core.services import (
    outcome_words as attempt_outcome,
)
from app.ui.controllers.activity_words import evidence_text, stamps_text
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


def identifier_refusal(text: str, *, or_name: bool = False) -> str:
    """Why ``text`` cannot be a member's identifier in a manager's form (``""``: it can be).
    Whether such a member exists is the till's to say; this refuses what no identifier is.
    ``or_name``: the form finds a member by the start of any word of their name too (the
    history's), so the refusal names it with the rest: left out, a manager read that names were
    not searched."""
    if len(text.strip()) > IDENTIFIER_MAX:
        if or_name:  # said beside "Show", away from the field: it names the field
            return QCoreApplication.translate(
                "ManagerWords", "“Member” is longer than {limit} characters."
            ).format(limit=IDENTIFIER_MAX)
        return QCoreApplication.translate(
            "ManagerWords", "This is longer than {limit} characters."
        ).format(limit=IDENTIFIER_MAX)
    if any(not ch.isprintable() or ch in _NOT_IN_IDENTIFIERS for ch in text):
        if or_name:
            return QCoreApplication.translate(
                "ManagerWords",
                "A name, email, ID, phone or card has no such characters.",
            )
        return QCoreApplication.translate(
            "ManagerWords", "An email, member ID, phone or card number has no such characters."
        )
    return ""


def status_choices() -> list[tuple[str, str]]:
    """The history's status filter: (choice, words), in the order an entry goes through them
    (``STANDINGS``), each named by the words its rows read."""
    return [(choice, standing_words(choice)) for choice in STANDINGS]


def standing_words(choice: str) -> str:
    """A choice of the history's status filter, in the words its rows read: "Closed or sent
    again" (it was "Dismissed by a manager", over rows reading "Closed by a manager" and "Sent
    again by a manager"), "Confirmed" (over "Confirmed by a manager" too)."""
    return {
        "queued": QCoreApplication.translate("ManagerWords", "Queued"),
        "sending": QCoreApplication.translate("ManagerWords", "Sending"),
        "confirmed": QCoreApplication.translate("ManagerWords", "Confirmed"),
        "cancelled": QCoreApplication.translate("ManagerWords", "Cancelled"),
        "refused": QCoreApplication.translate("ManagerWords", "Refused by the server"),
        "refused_at_the_counter": QCoreApplication.translate(
            "ManagerWords", "Refused at the counter"
        ),
        # the unknown state's one name, as its rows, End of day and the command line say it
        "not_confirmed": QCoreApplication.translate("ManagerWords", "Not confirmed"),
        "not_redeemed": QCoreApplication.translate("ManagerWords", "Not redeemed"),
        "expired": QCoreApplication.translate("ManagerWords", "Expired (never sent)"),
        "closed": QCoreApplication.translate("ManagerWords", "Closed or sent again"),
    }[choice]


def status_words(status: EntryStatus) -> str:
    """An entry's status, as a manager reads it."""
    return {
        EntryStatus.QUEUED: QCoreApplication.translate("ManagerWords", "Queued"),
        EntryStatus.SENDING: QCoreApplication.translate("ManagerWords", "Sending"),
        EntryStatus.SYNCED: QCoreApplication.translate("ManagerWords", "Confirmed by the server"),
        EntryStatus.REJECTED: QCoreApplication.translate("ManagerWords", "Refused by the server"),
        EntryStatus.UNKNOWN: QCoreApplication.translate("ManagerWords", "Not confirmed"),
        EntryStatus.VOIDED: QCoreApplication.translate("ManagerWords", "Voided (never sent)"),
        # a PIN's authorisation that ran out or a kiosk's redemption its bound ended: one status
        # holds both (a row's own words tell them apart)
        EntryStatus.EXPIRED: QCoreApplication.translate("ManagerWords", "Expired (never sent)"),
        EntryStatus.DISMISSED: QCoreApplication.translate("ManagerWords", "Dismissed by a manager"),
    }[status]


def outcome_words(outcome: str) -> str:
    """What one attempt proved (architecture §3), as a manager reads it: the core's words
    (``services.outcome_words``), which ``stamps-pos outbox show`` says too."""
    said = attempt_outcome(outcome)
    return words(said) if said is not None else outcome


def kind_words(kind: str) -> str:
    """A kind of redemption, as the manager's details and the day's tables name it."""
    known = {
        OperationKind.REWARD.value: QCoreApplication.translate("ManagerWords", "Reward"),
        # a cart of one line counts as a reward (counted_kind): this is one of several
        OperationKind.MULTI.value: QCoreApplication.translate(
            "ManagerWords", "Cart of several rewards"
        ),
        OperationKind.VOUCHER.value: QCoreApplication.translate("ManagerWords", "Voucher"),
        OperationKind.DEDUCT.value: QCoreApplication.translate(
            "ManagerWords", "Amount from a balance voucher"
        ),
        OperationKind.CODE.value: QCoreApplication.translate("ManagerWords", "Voucher code"),
        OperationKind.PROMO.value: QCoreApplication.translate("ManagerWords", "Promo code"),
        OperationKind.CANCEL.value: QCoreApplication.translate("ManagerWords", "Cancellation"),
    }
    return known.get(kind, kind)


def order_kind_words(row: HistoryRow) -> str:
    """A redemption's kind as its details name it, by what it holds: a cart of one line is a
    reward ("Several rewards" was said of three Croissants), one of several says how many."""
    kind = row.counted_kind
    if kind == OperationKind.MULTI.value and row.lines:
        return QCoreApplication.translate("ManagerWords", "Cart of {count} rewards").format(
            count=row.lines
        )
    return kind_words(kind)


def standing_kind(row: HistoryRow) -> OutcomeKind | None:
    """The colour a row's standing takes: its outcome's, or the cancel's (pending is amber,
    refused red, done neutral: nothing to do); neutral too for one a manager sent again."""
    if row.cancel is not None:
        if row.cancel.status is EntryStatus.SYNCED:
            return None
        if row.cancel.status is EntryStatus.REJECTED:
            return "refused"
        return "not_confirmed"
    if row.verdict is Verdict.CANCELLED:
        return None
    if row.decision is not None and row.decision.action == "retry":
        return None  # the new redemption's row carries the outcome
    return KIND_OF[row.verdict]


def amount_text(row: HistoryRow) -> str:
    """What a redemption spent: stamps, or the rupiah of the voucher it spent."""
    if row.rupiah:
        return format_rupiah(row.rupiah)
    if row.stamps:
        return stamps_text(row.stamps)
    return ""


def what_text(row: HistoryRow) -> str:
    """What the redemption was (a cancel by server id names the id)."""
    server_id = row.cancels_server_id or row.server_redemption_id
    if row.kind is OperationKind.CANCEL and server_id is None and row.cancels_what:
        # a cancel of this till's redemption, which has no server id: it read "… redemption ?"
        return QCoreApplication.translate("ManagerWords", "Cancel of {what}").format(
            what=words(recorded_what(row.cancels_what))
        )
    if row.kind is OperationKind.CANCEL:
        return QCoreApplication.translate(
            "ManagerWords", "Cancel of server redemption {id}"
        ).format(id=server_id or "?")
    if row.description:
        return words(recorded_what(row.description))
    return order_kind_words(row)


#: The history table's member column (app/ui/manager/history.py).
MEMBER_COLUMN = 2


def history_row(row: HistoryRow) -> TableRow:
    """A row of the history table."""
    return TableRow(
        key=row.entry_id,
        cells=(
            local_time_text(row.created_at),
            row.cashier,
            row.member,
            what_text(row),
            amount_text(row),
            str(row.server_redemption_id) if row.server_redemption_id is not None else "",
            row.invoice or "",
            words(row.standing),
        ),
        kind=standing_kind(row),
        # the name is what a manager looks for; the identifier sent stays a hover away
        tips={MEMBER_COLUMN: f"{row.member}\n{row.user}"} if row.member != row.user else {},
    )


def contact_text(contact: MemberContact) -> str:
    """How to reach the member, one line each of what the till knows."""
    lines = [contact.name or "", contact.email or "", contact.phone or ""]
    known = [line for line in lines if line]
    if contact.user and contact.user not in known:
        known.append(contact.user)
    return "\n".join(known) or QCoreApplication.translate("ManagerWords", "Not known to this till")


def named_redemption(row: HistoryRow) -> str:
    """A redemption as a manager recognises it among the member's others: the member, what it
    was, when, and who made it, or a kiosk's by the reference its customer was shown
    (``Putri Maharani, Croissant Mentega, 1 Dec 13.41, Rina``)."""
    made_by = reference_of(row.entry_id) if row.kiosk else row.cashier
    return ", ".join((row.member, what_text(row), local_time_text(row.created_at), made_by))


def _accepted_offline_cell(row: HistoryRow) -> str:
    """The exceptions' "Offline" column: accepted (handed over) offline, or not. One accepted
    after the server turned an attempt away (a 408, a 429) was handed over before the answer
    too, with the server there: "yes" named an outage there was not."""
    if row.provisional and row.answered:
        return QCoreApplication.translate("ManagerWords", "no: accepted to send again")
    if row.provisional:
        return QCoreApplication.translate("ManagerWords", "yes")
    return QCoreApplication.translate("ManagerWords", "no")


def exception_data(
    item: ExceptionItem,
    allowed: frozenset[str],
    *,
    base_url: str,
    store_codes: Mapping[int, str] | None = None,
) -> ExceptionData:
    """An exception as its pane tells it (``base_url``, the till's, for what could not be read,
    and ``store_codes``, the stores it knows by code: :func:`evidence_text`). The other
    redemptions its evidence names are told by :func:`named_redemption`; their full ids are in
    the evidence's tooltip."""
    row = item.row
    named = {other.entry_id: named_redemption(other) for other in item.others}
    tip = "\n".join(f"{words_of}\n{entry_id}" for entry_id, words_of in named.items())
    return ExceptionData(
        row=TableRow(
            key=row.entry_id,
            cells=(
                local_time_text(row.created_at),
                row.member,
                what_text(row),
                _accepted_offline_cell(row),
                _exception_status(row),
            ),
            kind="refused" if row.status is EntryStatus.REJECTED else "not_confirmed",
        ),
        reason=_reason_words(item.said),
        evidence=(
            evidence_text(item.evidence, base_url=base_url, named=named, store_codes=store_codes)
            if row.status is EntryStatus.UNKNOWN
            else ""
        ),
        evidence_tip=tip if row.status is EntryStatus.UNKNOWN else "",
        contact=contact_text(item.contact),
        allowed=allowed,
    )


_DECISIONS = {
    EntryStatus.REJECTED: frozenset({"retry", "dismiss"}),
    EntryStatus.UNKNOWN: frozenset({"retry", "mark_applied", "dismiss"}),
}


def exception_decisions(row: HistoryRow) -> frozenset[str]:
    """What a manager may decide on an exception: not "Send again…" for a cancel the till never
    sent for want of a server id, which would be held and ended so again (the dashboard cancels
    it; Dismiss closes it)."""
    if row.needs_dashboard:
        return frozenset({"dismiss"})
    return _DECISIONS.get(row.status, frozenset())


def _exception_status(row: HistoryRow) -> str:
    """An exception's status: a cancel the till never sent, for want of a server id, was refused
    by nobody ("Refused by the server")."""
    if row.needs_dashboard:
        return QCoreApplication.translate("ManagerWords", "Not sent: only the dashboard can cancel")
    return status_words(row.status)


def in_local_time(said: Message) -> Message:
    """``said`` with the UTC stamp it carries (the command line prints it so) in the till's
    local time, as the rows beside it write it."""
    return told_when(said, local_time_text)


def _reason_words(said: Message) -> str:
    return words(in_local_time(said))
