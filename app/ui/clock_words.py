"""A wrong clock in the reader's words: the fact alone, which the sync bar and the kiosk's
manager page each follow with what their reader is to do about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.services import ClockFault, ClockWarning
from app.ui.widgets.status_bar import age_text


def clock_fact(warning: ClockWarning) -> str:
    """What is wrong with the till's clock, and by how much ("… 3 h 5 min behind …"), to the
    nearest minute (:attr:`ClockWarning.minutes`)."""
    span = age_text(warning.minutes * 60)
    if warning.fault is ClockFault.BEHIND:
        fact = QCoreApplication.translate(
            "ClockWords", "The till's clock is {span} behind the Stamps server's"
        )
    elif warning.fault is ClockFault.AHEAD:
        fact = QCoreApplication.translate(
            "ClockWords", "The till's clock is {span} ahead of the Stamps server's"
        )
    else:
        fact = QCoreApplication.translate(
            "ClockWords",
            "The till's clock reads {span} earlier than redemptions it already recorded",
        )
    return fact.format(span=span)
