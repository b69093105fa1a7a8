"""What a cancel's receipt says: a cancel hands nothing over, so a redemption's "hand over the
reward" or "nothing was redeemed" would tell the cashier the wrong thing.

Its words say what it waits for, what goes back to the member once it is confirmed (a reward's
stamps; of a voucher only the replacement a cancel can ask for), and why it went no further:
only the dashboard can cancel a redemption confirmed without a server id, and a 404 says the
server has no redemption by that id. :func:`receipts.receipt_for` asks them of every cancel.
"""

from __future__ import annotations

from app.core.domain import EntryStatus, OperationKind
from app.core.messages import TEMPLATES, Message, say
from app.core.outbox.claim import CANCELLED_ON_SERVER, needs_dashboard
from app.core.outbox.transitions import read_error_text
from app.core.storage.tables import OutboxEntry


def no_such_redemption(kind: str, status: str, last_error: str | None) -> bool:
    """A cancel (of ``kind``, ``status`` and ``last_error``, as its entry records them) the
    server refused with a 404, which redemption_api §6 gives as "Cannot find redemption of the
    requested redemption id": it has no redemption by that id, so nothing was cancelled, and
    nothing says there is a redemption that still stands."""
    return (
        kind == OperationKind.CANCEL
        and status == EntryStatus.REJECTED
        and read_error_text(last_error)[0] == "NotFound"
    )


def never_sent_cancel(entry: OutboxEntry, ambiguous: bool) -> bool:
    """A cancel still queued that no attempt has carried. A redemption in the same state keeps
    "NOT CONFIRMED — do not hand over yet": the cashier's panel shows it while it is being
    sent, and what the cashier must hear then is to keep the reward back."""
    return (
        entry.kind == OperationKind.CANCEL
        and entry.status == EntryStatus.QUEUED
        and not entry.attempts
        and not ambiguous
    )


#: The orders that spent no stamps, by the suffix of their confirmed cancel's words: a voucher
#: code is one of a template's vouchers.
_SPENT_NO_STAMPS = {
    OperationKind.PROMO: "promo",
    OperationKind.VOUCHER: "voucher",
    OperationKind.CODE: "voucher",
    OperationKind.DEDUCT: "deduct",
}


def cancel_details(details: Message, cancelled: OperationKind | None, replaced: bool) -> Message:
    """A confirmed cancel of an order that spent no stamps (a promo code, a voucher, a deduction
    from one): the server's answer counts the member's stamps (``customer.stamps_remaining``,
    redemption_api §6), and "Cancel confirmed: 250 stamps left." read as if stamps came back.
    What the contract gives back for a voucher's is a replacement voucher when the cancel asked
    for one (``replaced``, its ``create_replacement_voucher``), and it says so; of the voucher
    itself it says nothing, and neither do these words. Of an order the till does not know
    (``cancelled`` is ``None``: a cancel by server id of another till's redemption) the count
    is said as the member's balance, and no more: the answer does not say what it spent."""
    if details.id not in ("receipt.stamps_left", "receipt.stamps_left_also_said"):
        return details
    if cancelled is None:
        stamps = details.params["stamps"]
        if details.id == "receipt.stamps_left":
            return say("receipt.cancel.detail.unknown", stamps=stamps)
        said = details.params["said"]
        return say("receipt.cancel.detail.unknown.also_said", stamps=stamps, said=said)
    name = _SPENT_NO_STAMPS.get(cancelled)
    if name is None:
        return details
    if cancelled.spends_a_voucher:
        name += ".replaced" if replaced else ".not_replaced"
    if details.id == "receipt.stamps_left":
        return say(f"receipt.cancel.detail.{name}")
    return say(f"receipt.cancel.detail.{name}.also_said", said=details.params["said"])


def asked_a_replacement(cancel: OutboxEntry) -> bool:
    """Whether the cancel asked the server for a replacement voucher (its
    ``create_replacement_voucher``, redemption_api §6)."""
    return bool((cancel.payload or {}).get("create_replacement_voucher"))


#: What a confirmed cancel gives back, by the kind it cancelled: the suffix of its own
#: ``receipt.cancel.confirmed.todo`` words. A reward's (or a cart's) stamps come back; of a spent
#: voucher the contract says nothing, only of the replacement a cancel can ask for.
_GIVES_BACK = {
    OperationKind.REWARD: "stamps",
    OperationKind.MULTI: "stamps",
    OperationKind.PROMO: "promo",
    OperationKind.VOUCHER: "voucher",
    OperationKind.CODE: "voucher",
    OperationKind.DEDUCT: "deduct",
}


def cancel_gives_back(cancelled: OperationKind | None, replaced: bool) -> Message:
    """A confirmed cancel's what-to-do line: only what is known to go back to the member for the
    kind it cancelled (``None``: the till does not know it, and says no more than "cancelled")."""
    name = _GIVES_BACK.get(cancelled) if cancelled is not None else None
    if name is None:
        return say("receipt.cancel.confirmed.todo")
    if cancelled is not None and cancelled.spends_a_voucher:
        name += ".replaced" if replaced else ".not_replaced"
    return say(f"receipt.cancel.confirmed.todo.{name}")


#: Why a cancel waits to be sent, by the words a redemption would have had for it.
_CANCEL_WAITS = {
    "receipt.waiting.todo": "receipt.cancel.waiting.todo",  # it never arrived: unreachable
    "receipt.waiting.slowed.todo": "receipt.cancel.waiting.slowed.todo",
    "receipt.waiting.paused.todo": "receipt.cancel.waiting.paused.todo",
}


def _own_words(headline: Message, todo: Message) -> tuple[Message, Message]:
    """The cancel's own headline and what to do in place of a redemption's, where it has
    them (``receipt.cancel.…``)."""
    name = headline.id.removeprefix("receipt.")
    own = f"receipt.cancel.{name}"
    if own in TEMPLATES:
        return say(own), say(f"{own}.todo")
    return headline, todo


def cancel_words(
    entry: OutboxEntry, headline: Message, todo: Message, details: Message | None
) -> tuple[Message, Message, Message | None]:
    """A cancel's receipt from the words a redemption in its state would have had (``headline``,
    ``todo``, ``details``): what it waits for, that only the dashboard can make it, that the
    server has no such redemption, or that the server had cancelled it already."""
    waits_as = todo.id
    headline, todo = _own_words(headline, todo)
    if headline.id == "receipt.cancel.waiting":
        # "cannot be reached yet" only of an attempt that never arrived: it was said of a
        # cancel the till had not sent while online, and of one the server asked to wait.
        todo = say(_CANCEL_WAITS.get(waits_as, "receipt.cancel.waiting.queued.todo"))
    if needs_dashboard(entry):
        # never sent: the server refused nothing, the till cannot name the redemption
        headline = say("receipt.cancel.needs_dashboard")
        todo = say("receipt.cancel.needs_dashboard.todo")
    elif no_such_redemption(entry.kind, entry.status, entry.last_error):
        # the server said it has no redemption by that id: "it still stands" said otherwise
        todo = say("receipt.cancel.refused.not_found.todo")
    elif entry.status == EntryStatus.VOIDED and entry.note == CANCELLED_ON_SERVER:
        details = say("decision.nothing_to_cancel.on_server")
    return headline, todo, details
