"""The queue's counts, as the status bar, ``stamps-pos status`` and ``doctor`` show them.

Read in one session of any connection to the database, read-only ones included, so the doctor
counts a queue it may not write to (architecture §5).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from app.core import clock
from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.outbox import claim as claims
from app.core.storage.tables import ATTEMPTS, ENTRIES, OutboxControl


@dataclass(frozen=True)
class OutboxStatus:
    """The counts the till always shows (architecture §5), and whether the queue is paused."""

    queued: int
    sending: int
    unknown: int
    rejected: int
    held: int
    oldest_queued_age: float | None
    paused: bool
    paused_reason: str | None
    #: Seconds by which now reads earlier than the last redemption the till queued: its wall
    #: clock was moved back since (``None`` when it does not).
    clock_behind: float | None = None
    #: Of :attr:`rejected`, the cancels the till never sent: their redemption was confirmed
    #: without a server id, so only the Stamps dashboard can cancel it (``claim.needs_dashboard``).
    #: Nothing failed there that the till could send again.
    dashboard_cancels: int = 0
    #: Of :attr:`queued` and :attr:`sending`, the entries an attempt of which ended ambiguous:
    #: they may have reached the server, and wait to be sent again under their key. Their
    #: receipt reads "NOT CONFIRMED", as an ``unknown`` entry's does (``receipts.verdict_of``).
    resending: int = 0

    @property
    def pending(self) -> int:
        """Entries the worker can still move without a person: queued (not held) and sending."""
        return self.queued - self.held + self.sending

    @property
    def not_confirmed(self) -> int:
        """Entries that may have reached the server with nothing to prove it: being sent again
        under their key (:attr:`resending`), or left for the feed or a manager (``unknown``).
        The status bar's "Not confirmed", which the card of each of them says."""
        return self.unknown + self.resending

    @property
    def waiting(self) -> int:
        """Entries to be sent that nothing of can have reached the server yet: the bar's
        "Queued" (queued and sending, less :attr:`resending`)."""
        return self.queued + self.sending - self.resending


def read_status(session: Session) -> OutboxStatus:
    """The counts of :class:`OutboxStatus`, read in ``session`` (any connection to the
    database, read-only ones included: ``stamps-pos doctor`` reads it so)."""
    counts = dict(
        session.execute(
            sa.select(ENTRIES.c.status, sa.func.count()).group_by(ENTRIES.c.status)
        ).all()
    )
    target = ENTRIES.alias("target")
    held = session.execute(
        sa.select(sa.func.count())
        .select_from(ENTRIES.join(target, target.c.id == ENTRIES.c.cancels))
        .where(ENTRIES.c.status == EntryStatus.QUEUED, target.c.status != EntryStatus.SYNCED)
    ).scalar_one()
    dashboard_cancels = session.execute(
        sa.select(sa.func.count()).where(
            ENTRIES.c.kind == OperationKind.CANCEL,
            ENTRIES.c.status == EntryStatus.REJECTED,
            ENTRIES.c.last_error == claims.NEEDS_DASHBOARD,
        )
    ).scalar_one()
    # The receipt's test (``Till.receipt``): an ambiguous attempt that has ended. The one a
    # sending entry has out now is written ambiguous too, and proves nothing yet.
    resending = session.execute(
        sa.select(sa.func.count()).where(
            ENTRIES.c.status.in_((EntryStatus.QUEUED, EntryStatus.SENDING)),
            sa.exists().where(
                ATTEMPTS.c.entry_id == ENTRIES.c.id,
                ATTEMPTS.c.outcome == Outcome.AMBIGUOUS,
                ATTEMPTS.c.ended_at.is_not(None),
            ),
        )
    ).scalar_one()
    # Sending counts as waiting, as the bar's "Queued" does: an entry whose answer a full disk
    # would not take stays "sending" (its sweep is a write too), and counted as queued alone it
    # never raised the stall, however long it waited.
    oldest = session.execute(
        sa.select(sa.func.min(ENTRIES.c.created_at)).where(
            ENTRIES.c.status.in_((EntryStatus.QUEUED, EntryStatus.SENDING))
        )
    ).scalar()
    # the last enqueue's time: an index's last row (``created_at``, migration 0008)
    latest = session.execute(sa.select(sa.func.max(ENTRIES.c.created_at))).scalar()
    now = clock.now()
    behind = (latest - now).total_seconds() if latest is not None else 0.0
    control = session.get(OutboxControl, 1)
    return OutboxStatus(
        queued=counts.get(EntryStatus.QUEUED, 0),
        sending=counts.get(EntryStatus.SENDING, 0),
        unknown=counts.get(EntryStatus.UNKNOWN, 0),
        rejected=counts.get(EntryStatus.REJECTED, 0),
        held=held,
        # a clock moved back would make it negative: it has waited, for less than can be known
        oldest_queued_age=max(0.0, (now - oldest).total_seconds()) if oldest else None,
        paused=bool(control and control.paused),
        paused_reason=control.reason if control else None,
        clock_behind=behind if behind > 0 else None,
        dashboard_cancels=dashboard_cancels,
        resending=resending,
    )
