"""Dates and times as the cashier reads them: local time, in the window's locale (set with the
language, :mod:`app.ui.language`): ``25 Des 14.02`` in Indonesian, ``25 Dec 14.02`` in English.

Day and month come first with the month's short name, never an all-digit date a reader could
take either way round; the time is the locale's own (``14.02`` as Indonesia writes it). What
leaves the till for a machine (the shift's CSV, file names) keeps ISO times instead.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

DAY = "d MMM yyyy"
DAY_AND_MONTH = "d MMM"


def _local(moment: datetime) -> datetime:
    return moment.astimezone()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime(moment: datetime) -> QTime:
    return QTime(moment.hour, moment.minute)


def day_text(day: date) -> str:
    """A day: ``31 Des 2026``."""
    return QLocale().toString(_qdate(day), DAY)


def time_text(moment: datetime) -> str:
    """The local time of day, to the minute: ``14.02``."""
    return QLocale().toString(_qtime(_local(moment)), QLocale.FormatType.ShortFormat)


def moment_text(moment: datetime) -> str:
    """A recent moment: local day, month and time (``25 Des 14.02``)."""
    local = _local(moment)
    return f"{QLocale().toString(_qdate(local.date()), DAY_AND_MONTH)} {time_text(local)}"


def full_moment_text(moment: datetime) -> str:
    """A moment on paper, with its year (``25 Des 2026 14.02``): a slip is kept."""
    local = _local(moment)
    return f"{day_text(local.date())} {time_text(local)}"
