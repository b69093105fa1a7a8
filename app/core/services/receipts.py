"""What the till tells a cashier about a redemption: one of a few outcomes, never blurred.

Confirmed (the server applied it), accepted offline (provisional, within policy: it will sync),
not confirmed (sent, no answer yet, or unknown: do not hand anything over), refused. DESIGN.md §4.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.core.domain import EntryStatus, OperationKind
from app.core.storage.tables import OutboxEntry


class Verdict(StrEnum):
    """The outcome a screen shows. Each has its own colour and words."""

    CONFIRMED = "confirmed"
    ACCEPTED_OFFLINE = "accepted_offline"
    NOT_CONFIRMED = "not_confirmed"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    CLOSED = "closed"


@dataclass(frozen=True)
class Receipt:
    """An outbox entry as the cashier and the command line see it."""

    entry_id: str
    kind: OperationKind
    status: EntryStatus
    verdict: Verdict
    headline: str
    what_to_do: str
    attempts: int
    lane: str
    provisional: bool
    server_redemption_id: int | None
    last_error: str | None
    voucher_code: str | None
    stamps_remaining: int | None
    created_at: datetime
    cashier: str

    def as_json(self) -> dict[str, Any]:
        """The entry for ``--json``: stable keys, plain values."""
        return {
            "id": self.entry_id,
            "kind": self.kind.value,
            "status": self.status.value,
            "verdict": self.verdict.value,
            "attempts": self.attempts,
            "lane": self.lane,
            "provisional": self.provisional,
            "server_redemption_id": self.server_redemption_id,
            "last_error": self.last_error,
            "voucher_code": self.voucher_code,
            "stamps_remaining": self.stamps_remaining,
            "created_at": self.created_at.isoformat(),
            "cashier": self.cashier,
        }


def verdict_of(entry: OutboxEntry, *, ambiguous_attempt: bool = False) -> Verdict:
    """Which of the outcomes the entry is in. A provisional entry stays "accepted offline" until
    the server answers, unless an attempt may have reached it and was not answered."""
    status = EntryStatus(entry.status)
    if status is EntryStatus.SYNCED:
        return Verdict.CONFIRMED
    if status is EntryStatus.REJECTED:
        return Verdict.REFUSED
    if status is EntryStatus.VOIDED:
        return Verdict.CANCELLED
    if status is EntryStatus.EXPIRED:
        return Verdict.EXPIRED
    if status is EntryStatus.DISMISSED:
        return Verdict.CLOSED
    if status is EntryStatus.UNKNOWN:
        return Verdict.NOT_CONFIRMED
    if entry.provisional and not ambiguous_attempt:
        return Verdict.ACCEPTED_OFFLINE
    return Verdict.NOT_CONFIRMED


_WORDS: dict[Verdict, tuple[str, str]] = {
    Verdict.CONFIRMED: ("Confirmed", "Hand over the reward."),
    Verdict.ACCEPTED_OFFLINE: (
        "Accepted offline — will sync",
        "Hand over the reward; the till sends it when the network is back.",
    ),
    Verdict.NOT_CONFIRMED: (
        "NOT CONFIRMED — do not hand over yet",
        "The server has not answered. Wait for it, or ask a manager to decide.",
    ),
    Verdict.REFUSED: ("Refused", "Nothing was redeemed. Tell the customer why."),
    Verdict.CANCELLED: ("Cancelled", "It was never sent; nothing was redeemed."),
    Verdict.EXPIRED: (
        "PIN authorisation ran out",
        "Nothing was redeemed. Ask the customer for their PIN again.",
    ),
    Verdict.CLOSED: ("Closed by a manager", "See the manager's note."),
}


def receipt_for(entry: OutboxEntry, *, ambiguous_attempt: bool = False) -> Receipt:
    """The receipt of an entry as it stands."""
    verdict = verdict_of(entry, ambiguous_attempt=ambiguous_attempt)
    headline, what_to_do = _WORDS[verdict]
    if verdict is Verdict.REFUSED and entry.last_error:
        what_to_do = f"{entry.last_error}. Nothing was redeemed."
    if verdict is Verdict.CONFIRMED and entry.last_error:
        # what the server reported beside the redemption it confirmed
        what_to_do = f"{what_to_do} The server also said: {entry.last_error}"
    if verdict is Verdict.CONFIRMED and entry.reconciled:
        what_to_do = (
            "Found in the member's activity. It has no server id here: a later cancel must be "
            "made on the Stamps dashboard."
        )
    response = entry.response or {}
    return Receipt(
        entry_id=entry.id,
        kind=OperationKind(entry.kind),
        status=EntryStatus(entry.status),
        verdict=verdict,
        headline=headline,
        what_to_do=what_to_do,
        attempts=entry.attempts,
        lane=entry.lane,
        provisional=entry.provisional,
        server_redemption_id=entry.server_redemption_id,
        last_error=entry.last_error,
        voucher_code=_voucher_code(response),
        stamps_remaining=_stamps_remaining(response),
        created_at=entry.created_at,
        cashier=entry.cashier,
    )


def _voucher_code(response: dict[str, Any]) -> str | None:
    for holder in (response, response.get("redemption") or {}):
        voucher = holder.get("voucher") if isinstance(holder, dict) else None
        if isinstance(voucher, dict) and isinstance(voucher.get("code"), str):
            return str(voucher["code"])
    return None


def _stamps_remaining(response: dict[str, Any]) -> int | None:
    membership = response.get("membership")
    if isinstance(membership, dict) and isinstance(membership.get("stamps"), int):
        return int(membership["stamps"])
    customer = response.get("customer")
    if isinstance(customer, dict) and isinstance(customer.get("stamps_remaining"), int):
        return int(customer["stamps_remaining"])
    return None
