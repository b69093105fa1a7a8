"""A shift's record: every redemption a cashier made and every one the till refused, its summary
with rupiah totals, and the CSV a manager reconciles the day from.

Built from the database (the outbox entries made in the shift and its refusal records), so it
is the same after a restart as before it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.core.domain import EntryStatus, OperationKind
from app.core.messages import Message, english
from app.core.services.codes import ASKED_FIRST
from app.core.services.csv_export import cell
from app.core.services.history import CancelState
from app.core.services.manager_decision import ManagerDecision, holding
from app.core.services.order_kinds import cart_lines, counted_kind
from app.core.services.receipts import (
    Receipt,
    Verdict,
    reason_of,
    stored_message,
    verdict_of,
    what_the_feed_said,
)
from app.core.storage.tables import OutboxEntry, Refusal, Shift

#: The CSV's columns, in order. ``time`` is ISO 8601 in the till's local time, to the second, with
#: its offset (a manager reads the hour the sale was made); ``rupiah`` a plain number
#: (``150000``, or ``150000.50`` for a voucher worth a fraction of a rupiah).
CSV_COLUMNS = (
    "time",
    "cashier",
    "member",
    "kind",
    "what",
    "stamps",
    "rupiah",
    "invoice",
    "status",
    "server_redemption_id",
    "reason",
    "entry_id",
)
_VOUCHER_KINDS = (OperationKind.VOUCHER, OperationKind.DEDUCT, OperationKind.CODE)
#: Outcomes whose stamps and rupiah count as spent (the server's, or within the offline policy).
_SPENT = (Verdict.CONFIRMED, Verdict.ACCEPTED_OFFLINE)
#: The ``source`` of a refusal record the offline rules made: the server could not be asked and
#: they would not take it on trust, before it was queued or once an attempt proved it never
#: arrived (then voided, its entry named). Not redeemed, apart from the refusals (architecture §4).
OFFLINE_RULES = "offline_policy"


@dataclass(frozen=True)
class ShiftInfo:
    """A shift: who, on which terminal, since when (and until when, once closed)."""

    id: int
    cashier: str
    terminal: str
    opened_at: datetime
    closed_at: datetime | None = None


@dataclass(frozen=True)
class ShiftRow:
    """One line of the shift's record: a redemption made, or one the till did not make.

    ``status`` is the outcome (a :class:`Verdict` value); ``reason`` says why it was refused or
    not redeemed.
    """

    time: datetime
    cashier: str
    member: str
    kind: str
    what: str
    stamps: int
    rupiah: Decimal
    invoice: str
    status: Verdict
    server_redemption_id: int | None
    reason: Message | None
    entry_id: str | None
    #: Accepted offline (the reward went over then): the window's list says so of one not
    #: confirmed since.
    provisional: bool = False
    #: A customer turned away before anything was queued: the refusal record's id (no entry).
    refusal_id: int | None = None

    def as_csv(self) -> dict[str, str | int | Decimal]:
        """The row as the CSV writes it (English words)."""
        return {
            "time": self.time.astimezone().isoformat(timespec="seconds"),
            "cashier": self.cashier,
            "member": self.member,
            "kind": self.kind,
            "what": self.what,
            "stamps": self.stamps,
            "rupiah": self.rupiah,
            "invoice": self.invoice,
            "status": self.status.value,
            "server_redemption_id": (
                self.server_redemption_id if self.server_redemption_id is not None else ""
            ),
            "reason": english(self.reason) if self.reason else "",
            "entry_id": self.entry_id or "",
        }


@dataclass(frozen=True)
class ShiftSummary:
    """A shift's totals: outcomes counted apart (the server's refusals apart from what the till's
    offline rules did not redeem), stamps and rupiah spent, and the refusals with their reasons."""

    shift: ShiftInfo
    counts: dict[Verdict, int] = field(default_factory=dict)
    stamps_redeemed: int = 0
    rupiah_redeemed: Decimal = Decimal(0)
    vouchers_used: int = 0
    promo_codes_used: int = 0
    refusals: tuple[ShiftRow, ...] = ()
    rows: tuple[ShiftRow, ...] = ()

    def count(self, verdict: Verdict) -> int:
        """How many rows ended so."""
        return self.counts.get(verdict, 0)


def shift_info(shift: Shift) -> ShiftInfo:
    """A stored shift as the services hand it out."""
    assert shift.id is not None
    return ShiftInfo(shift.id, shift.cashier, shift.terminal, shift.opened_at, shift.closed_at)


def shift_rows(
    entries: list[OutboxEntry],
    refusals: list[Refusal],
    cancels: Mapping[str, CancelState] | None = None,
    decisions: Mapping[str, ManagerDecision] | None = None,
    sent_again: Mapping[str, Receipt] | None = None,
) -> list[ShiftRow]:
    """The shift's redemptions and refusals, oldest first (cancellations are not redemptions).

    ``cancels`` are the cancels asked for the redemptions (:meth:`History.cancels`): one the
    server confirmed makes its redemption ``cancelled``, as the server holds it; one it has not
    confirmed leaves the redemption as it stood, its reason saying where the cancel is.
    ``decisions`` are the managers' own (:meth:`History.decisions`): one that settled its
    redemption is its reason, with who took it and their note. ``sent_again`` are the outcomes
    of those a manager sent again (:meth:`Till.outcome`): the row counts as the redemption sent
    went, as the cashier's list shows it (the retry itself is no sale of the shift, so nothing
    is counted twice); the summary said "Closed by a manager" of croissants the retry had
    confirmed, and left their stamps out."""
    cancels, decisions, sent_again = cancels or {}, decisions or {}, sent_again or {}
    rows = [
        _entry_row(e, cancels.get(e.id), decisions.get(e.id), sent_again.get(e.id))
        for e in entries
        if e.kind != OperationKind.CANCEL
    ]
    rows += [refusal_row(r) for r in turned_away(refusals)]
    return sorted(rows, key=lambda row: row.time)


def summarise(shift: ShiftInfo, rows: list[ShiftRow]) -> ShiftSummary:
    """The totals of a shift's rows."""
    counts = Counter(row.status for row in rows)
    spent = [row for row in rows if row.status in _SPENT]
    return ShiftSummary(
        shift=shift,
        counts=dict(counts),
        stamps_redeemed=sum(row.stamps for row in spent),
        rupiah_redeemed=sum((row.rupiah for row in spent), Decimal(0)),
        vouchers_used=sum(1 for row in spent if row.kind in _VOUCHER_KINDS),
        promo_codes_used=sum(1 for row in spent if row.kind == OperationKind.PROMO),
        refusals=tuple(
            row for row in rows if row.status in (Verdict.REFUSED, Verdict.NOT_REDEEMED)
        ),
        rows=tuple(rows),
    )


def csv_text(rows: list[ShiftRow] | tuple[ShiftRow, ...]) -> str:
    """The rows as CSV, with a header line."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    # Names and rewards come from the server, invoices from the cashier: defused as every CSV a
    # manager opens in a spreadsheet is.
    writer.writerows({k: cell(v) for k, v in row.as_csv().items()} for row in rows)
    return out.getvalue()


def _entry_row(
    entry: OutboxEntry,
    cancel: CancelState | None = None,
    decision: ManagerDecision | None = None,
    sent_again: Receipt | None = None,
) -> ShiftRow:
    invoice = entry.payload.get("invoice_number") if isinstance(entry.payload, dict) else None
    verdict = verdict_of(entry) if sent_again is None else sent_again.verdict
    server_id = (sent_again or entry).server_redemption_id
    # The server gave the stamps back only once it confirmed the cancel: a manager reconciling
    # the shift against it must count it so, and a cancel still on its way not at all.
    if cancel is not None and cancel.status is EntryStatus.SYNCED:
        verdict = Verdict.CANCELLED
    # a line of the member's activity that says the server cancelled it, or a status the till
    # does not know: the CSV says why it reads so
    reason = reason_of(entry) or what_the_feed_said(entry)
    decided = holding(decision, EntryStatus(entry.status))
    if decided is not None:
        # a manager's word, not the server's: which decision, whose, and why (it was empty,
        # a marked-applied row read as the server's own confirmation)
        reason = decided.words()
    if cancel is not None:
        # with the note the manager typed when they cancelled it
        reason = cancel.words()
    return ShiftRow(
        time=entry.created_at,
        cashier=entry.cashier,
        member=entry.member_name or entry.user,
        kind=counted_kind(entry.kind, cart_lines(entry.kind, entry.payload)),
        what=entry.description or entry.expect_name or entry.kind,
        stamps=entry.expect_stamps or 0,
        rupiah=entry.rupiah or Decimal(0),
        invoice=invoice if isinstance(invoice, str) else "",
        status=verdict,
        server_redemption_id=server_id,
        reason=reason,
        entry_id=entry.id,
        provisional=(sent_again or entry).provisional,
    )


def turned_away(refusals: list[Refusal]) -> list[Refusal]:
    """The refusals that count as a customer turned away before anything was queued: by the
    offline rules, the PIN check or the server at the counter. A till before this release also
    wrote what it asked the cashier to put right first (an invoice number typed wrong, an empty
    cart; :data:`ASKED_FIRST`): the record stays as it is, but it is no refusal of the shift or
    the day."""
    return [
        r
        for r in refusals
        if r.entry_id is None
        and not (isinstance(r.reason, dict) and r.reason.get("id") in ASKED_FIRST)
    ]


def refusal_verdict(refusal: Refusal) -> Verdict:
    """How a refusal record counts: not redeemed when the offline rules made it, else refused."""
    return Verdict.NOT_REDEEMED if refusal.source == OFFLINE_RULES else Verdict.REFUSED


def refusal_row(refusal: Refusal) -> ShiftRow:
    """A refusal record as a row of the shift's record (its ``refusal_id`` the record's)."""
    return ShiftRow(
        time=refusal.at,
        cashier=refusal.cashier,
        member=refusal.member_name or "",
        kind=refusal.kind,
        what=refusal.description,
        stamps=refusal.stamps or 0,
        rupiah=refusal.rupiah or Decimal(0),
        invoice=refusal.invoice or "",
        status=refusal_verdict(refusal),
        server_redemption_id=None,
        reason=stored_message(refusal.reason),
        entry_id=None,
        refusal_id=refusal.id,
    )
