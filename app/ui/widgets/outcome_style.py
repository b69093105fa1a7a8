"""Outcome colours for places a style sheet cannot reach (item models, printed slips).

Keep in step with ``resources/styles/till.qss``, which colours the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.viewmodels import OutcomeKind

#: (background, text) per outcome.
OUTCOME_COLOURS: dict[OutcomeKind, tuple[str, str]] = {
    "confirmed": ("#1e7e34", "#ffffff"),
    "accepted_offline": ("#0b6e8a", "#ffffff"),
    "not_confirmed": ("#f59e0b", "#1a1a1a"),
    "refused": ("#c62828", "#ffffff"),
    "not_redeemed": ("#6d1b1b", "#ffffff"),
    "closed": ("#d5dbe2", "#1f2933"),
}
#: (background, text) of a redemption still being sent: the result panel's "Working on it…"
#: banner (``till.qss``, ``working``), in no outcome's colour.
SENDING_COLOURS = ("#46525e", "#ffffff")


def sending_short_text(*, behind: bool = False) -> str:
    """A row's status while its redemption's own wait runs, as the panel's "Sending to Stamps…"
    says it; ``behind``: as the panel says it waits for the member's earlier redemption."""
    if behind:
        return QCoreApplication.translate("Outcome", "Waiting its turn…")
    return QCoreApplication.translate("Outcome", "Sending…")


def outcome_short_text(
    kind: OutcomeKind, *, provisional: bool = False, answered: bool = False
) -> str:
    """The outcome in a table cell's few words. ``provisional``: accepted offline and handed over
    then, so a not-confirmed one says so, as the result panel's banner does
    (:func:`app.ui.widgets.result_panel.outcome_title`). ``answered``: accepted while the
    server answered, applying nothing (a 429, a 408), not said "offline" of a till online."""
    if kind == "accepted_offline" and answered:
        return QCoreApplication.translate("Outcome", "Accepted — will sync")
    if kind == "not_confirmed" and provisional and answered:
        return QCoreApplication.translate("Outcome", "Sent again — NOT CONFIRMED")
    if kind == "not_confirmed" and provisional:
        return QCoreApplication.translate("Outcome", "Offline — NOT CONFIRMED")
    words = {
        "confirmed": QCoreApplication.translate("Outcome", "Confirmed"),
        "accepted_offline": QCoreApplication.translate("Outcome", "Offline — will sync"),
        "not_confirmed": QCoreApplication.translate("Outcome", "NOT CONFIRMED"),
        "refused": QCoreApplication.translate("Outcome", "Refused"),
        "not_redeemed": QCoreApplication.translate("Outcome", "Not redeemed"),
        "closed": QCoreApplication.translate("Outcome", "Closed"),
    }
    return words[kind]


def at_the_counter_text(kind: OutcomeKind) -> str:
    """A customer turned away at the counter, before anything was queued: refused (the server,
    the PIN check, a rule of the till), or not redeemed (the offline rules). The one wording of
    the shift's list and the History's row (and its details): the list said "Refused" of what the
    History called "Refused at the counter"."""
    if kind == "not_redeemed":
        return QCoreApplication.translate("CounterWords", "Not redeemed at the counter")
    return QCoreApplication.translate("CounterWords", "Refused at the counter")
