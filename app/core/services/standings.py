"""The History's status filter as a manager picks it: by the words its rows show, the same
choices in the window and on the command line (docs/manager-mode.md, "What managers read").

Kept apart from :mod:`app.core.services.history` so the command line's parser names the choices
without loading the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.domain import EntryStatus


@dataclass(frozen=True)
class Standing:
    """A choice of the History's status filter: the statuses it lists and, where the rows of
    one status read differently, which of them (:attr:`HistoryFilter.cancelled`); ``cancels``
    the statuses of a cancel that list its redemption too, whose row reads the cancel's words
    ("Cancel pending" for a queued cancel, which the status bar counts as queued)."""

    statuses: frozenset[EntryStatus]
    cancelled: bool | None = None
    cancels: frozenset[EntryStatus] = frozenset()


#: The History's status filter, as the window and ``stamps-pos history --status`` offer it, in
#: the order an entry goes through them. Each is named by the words of the rows it lists, as a
#: manager picks one: "Dismissed by a manager" listed rows reading "Closed by a manager" and
#: "Sent again by a manager", and "Voided (never sent)" rows reading "Cancelled" that
#: "Cancelled" left out.
STANDINGS: dict[str, Standing] = {
    # and a redemption whose cancel waits to be sent ("Cancel pending"): the status bar's
    # "Queued 2" of two cancels asked offline listed nothing here
    "queued": Standing(frozenset({EntryStatus.QUEUED}), cancels=frozenset({EntryStatus.QUEUED})),
    "sending": Standing(frozenset({EntryStatus.SENDING}), cancels=frozenset({EntryStatus.SENDING})),
    # "Confirmed", and "Confirmed by a manager" (marked applied): the server never said so; and
    # a cancel's words while it is not through ("Cancel pending"…): the redemption still stands
    "confirmed": Standing(frozenset({EntryStatus.SYNCED}), cancelled=False),
    "cancelled": Standing(frozenset({EntryStatus.SYNCED, EntryStatus.VOIDED}), cancelled=True),
    # and a redemption whose cancel the server refused ("Cancel refused: …")
    "refused": Standing(
        frozenset({EntryStatus.REJECTED}), cancels=frozenset({EntryStatus.REJECTED})
    ),
    # a customer turned away before anything was queued ("Refused at the counter": the PIN
    # check, a rule of the till, the server's word on a code): no entry, so none listed here;
    # "Refused by the server" listed them too, and a manager looking for what the server
    # refused read the counter's refusals among them (app/core/services/at_the_counter.py)
    "refused_at_the_counter": Standing(frozenset()),
    # and one whose cancel the server has not confirmed ("Cancel NOT CONFIRMED")
    "not_confirmed": Standing(
        frozenset({EntryStatus.UNKNOWN}), cancels=frozenset({EntryStatus.UNKNOWN})
    ),
    # voided by the offline rules before it was sent: its row reads "Not redeemed"
    "not_redeemed": Standing(frozenset({EntryStatus.VOIDED}), cancelled=False),
    "expired": Standing(frozenset({EntryStatus.EXPIRED})),
    # "Closed by a manager", and "Sent again by a manager" (closed as its retry went)
    "closed": Standing(frozenset({EntryStatus.DISMISSED})),
}


#: What ``stamps-pos history --status`` takes: the window's choices, then each stored status by
#: its own name as it took them before (``synced``, ``rejected``…: every entry of that status),
#: so a script written for those goes on working.
STATUS_NAMES: dict[str, Standing] = STANDINGS | {
    status.value: Standing(frozenset({status}))
    for status in EntryStatus
    if status.value not in STANDINGS
}
