"""A customer turned away at the counter, in a manager's words: a row of the History, marked as
such, and its details. Nothing was queued for them, so the row has no server id and the details
allow no decision: there is nothing to cancel, send again or close."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.services import CounterRefusal, ShiftRow, Verdict, format_rupiah, recorded_what
from app.ui.controllers.activity_words import stamps_text
from app.ui.controllers.manager_words import kind_words
from app.ui.controllers.redemption import KIND_OF
from app.ui.manager.details import DetailsData
from app.ui.viewmodels import CounterRefusalKey
from app.ui.widgets.member_card import local_time_text
from app.ui.widgets.outcome_style import at_the_counter_text
from app.ui.widgets.rows_table import TableRow
from app.ui.wording import words


def counter_standing(verdict: Verdict) -> str:
    """How a History row says a customer was turned away at the counter, in the shift's list's
    words for the same row."""
    return at_the_counter_text(KIND_OF[verdict])


def counter_history_row(row: ShiftRow) -> TableRow:
    """The History's row for a customer turned away at the counter, in its columns: no server
    id (nothing was sent), the status saying where it was refused."""
    assert row.refusal_id is not None
    return TableRow(
        key=CounterRefusalKey(row.refusal_id),
        cells=(
            local_time_text(row.time),
            row.cashier,
            row.member,
            words(recorded_what(row.what)),
            _amount(row),
            "",
            row.invoice,
            counter_standing(row.status),
        ),
        kind=KIND_OF[row.status],
        tips={7: f"{counter_standing(row.status)}\n{words(row.reason)}"} if row.reason else {},
    )


def counter_details(found: CounterRefusal) -> DetailsData:
    """A refusal at the counter's details: all the till stored of it, and why, in the words the
    cashier's screen said."""
    row = found.row
    none = QCoreApplication.translate("CounterWords", "none")
    facts = [
        (QCoreApplication.translate("CounterWords", "When"), local_time_text(row.time)),
        (
            QCoreApplication.translate("CounterWords", "Cashier"),
            f"{row.cashier} · {found.terminal}",
        ),
        (
            QCoreApplication.translate("CounterWords", "Member"),
            row.member or QCoreApplication.translate("CounterWords", "Not known to this till"),
        ),
        (QCoreApplication.translate("CounterWords", "Kind"), kind_words(row.kind)),
        (
            QCoreApplication.translate("CounterWords", "Why"),
            words(row.reason) if row.reason else none,
        ),
    ]
    if row.stamps:
        facts.append((QCoreApplication.translate("CounterWords", "Stamps"), str(row.stamps)))
    if row.rupiah:
        facts.append(
            (QCoreApplication.translate("CounterWords", "Value"), format_rupiah(row.rupiah))
        )
    facts.append((QCoreApplication.translate("CounterWords", "Invoice"), row.invoice or none))
    facts.append(
        (
            QCoreApplication.translate("CounterWords", "Sent to Stamps"),
            QCoreApplication.translate(
                "CounterWords", "no: nothing was queued, so there is nothing to cancel"
            ),
        )
    )
    return DetailsData(
        entry_id="",
        what=words(recorded_what(row.what)),
        standing=counter_standing(row.status),
        kind=KIND_OF[row.status],
        facts=tuple(facts),
        at_the_counter=True,
    )


def _amount(row: ShiftRow) -> str:
    """What it would have spent: the rupiah of a voucher, else its stamps."""
    if row.rupiah:
        return format_rupiah(row.rupiah)
    return stamps_text(row.stamps) if row.stamps else ""
