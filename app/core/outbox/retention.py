"""What the outbox keeps for good, and what it lets go (architecture §6, "What the data folder
keeps"), a small batch at a time so a till with a year of rows never holds its writer for long.

- An entry's attempts: every one it made until :data:`FIRST_KEPT` and the last
  :data:`LAST_KEPT`; between them, those proved never to have arrived (a till offline for days
  retries every few minutes, a row a try) are folded into a count with the first's start and the
  last's end (``outbox_attempt_tallies``). An ambiguous attempt is never folded: the
  reconciliation matches the member's activity against each one's window, and a claim, a
  refusal and a cancel ask whether one exists. An applied or refused attempt ends its entry, so
  there is at most one. The entry's own ``attempts`` keeps the whole count. An entry accepted
  before the till recorded why (migration 0013) is said "accepted to send again" when every
  attempt that failed was turned away by the server (a 429, a 408: never arrived too), so its
  first failure of another kind is kept: folded, the days it could not connect left only the
  429s and 408s listed around them, and its receipt changed its words.
- Entries settled (synced, voided, expired, dismissed) and last changed before the cutoff, with
  their attempts and tallies; the audit log's lines and the refusals as old. An entry that is not
  settled is never forgotten, nor its audit lines, nor one another kept entry points at (a
  cancel's redemption, a retry's original), nor one a kept audit line or refusal names. A shift
  closed before the cutoff goes once none of its entries and refusals is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert
from sqlmodel import Session

from app.core.domain import EntryStatus, Outcome
from app.core.stamps.errors import RateLimited, RequestTimedOut
from app.core.storage.tables import (
    ATTEMPTS,
    AUDIT,
    AUDIT_KEPT_DAYS,
    BALANCES,
    ENTRIES,
    REFUSALS,
    SHIFTS,
    TALLIES,
)

#: An entry's first attempts, always kept: what happened when it was first sent.
FIRST_KEPT = 3
#: An entry's last attempts, always kept: what it is doing now.
LAST_KEPT = 20
#: Rows a batch folds or forgets, one write transaction: a redemption queued meanwhile waits for
#: one at most (20-110 ms on a two-year till, docs/performance.md; 500 doubled the wait for the
#: same total).
BATCH = 200
#: The failures of an attempt the server turned away to be sent again (``receipts``' words).
TURNED_AWAY = (RateLimited.__name__, RequestTimedOut.__name__)
#: Settled: nothing more will happen to the entry, on the till or on the server.
SETTLED = (EntryStatus.SYNCED, EntryStatus.VOIDED, EntryStatus.EXPIRED, EntryStatus.DISMISSED)


@dataclass(frozen=True)
class Forgotten:
    """What one batch forgot."""

    entries: int = 0
    audit_lines: int = 0
    refusals: int = 0
    shifts: int = 0

    def __add__(self, other: Forgotten) -> Forgotten:
        return Forgotten(
            self.entries + other.entries,
            self.audit_lines + other.audit_lines,
            self.refusals + other.refusals,
            self.shifts + other.shifts,
        )

    @property
    def total(self) -> int:
        """Rows of every kind together."""
        return self.entries + self.audit_lines + self.refusals + self.shifts


def long_tried(session: Session) -> list[str]:
    """The entries with more attempts than are always kept: the only ones with any to fold (a
    read, off the writer: one pass over the entries)."""
    return list(
        session.execute(
            sa.select(ENTRIES.c.id).where(ENTRIES.c.attempts > FIRST_KEPT + LAST_KEPT)
        ).scalars()
    )


def _turned_away(error: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """The recorded failure (``"<class>: <message>"``) is one the server turned away."""
    return sa.or_(*(sa.or_(error == kind, error.startswith(f"{kind}:")) for kind in TURNED_AWAY))


def first_other_failures(session: Session, entry_ids: Sequence[str]) -> list[int]:
    """The attempts the fold keeps whatever their place: of each of ``entry_ids`` accepted
    before the till recorded why, its first that failed otherwise than turned away (the
    module's rules). Read once for a run of batches: asked of each attempt folded, it made a
    fold of such entries ten times as long."""
    guessed = sa.select(ENTRIES.c.id).where(
        ENTRIES.c.id.in_(entry_ids), ENTRIES.c.provisional, ENTRIES.c.accepted_as.is_(None)
    )
    firsts = session.execute(
        sa.select(ATTEMPTS.c.entry_id, sa.func.min(ATTEMPTS.c.number))
        .where(
            ATTEMPTS.c.entry_id.in_(guessed),
            ATTEMPTS.c.outcome != Outcome.APPLIED,
            ATTEMPTS.c.error.is_not(None),
            ~_turned_away(ATTEMPTS.c.error),
        )
        .group_by(ATTEMPTS.c.entry_id)
    ).all()
    if not firsts:
        return []
    return list(
        session.execute(
            sa.select(ATTEMPTS.c.id).where(
                sa.tuple_(ATTEMPTS.c.entry_id, ATTEMPTS.c.number).in_(
                    [(entry_id, number) for entry_id, number in firsts]
                )
            )
        ).scalars()
    )


def fold_attempts(
    session: Session,
    entry_ids: Sequence[str],
    batch: int = BATCH,
    kept: Sequence[int] | None = None,
) -> int:
    """Fold up to ``batch`` attempts of the entries ``entry_ids`` that are neither among their
    entry's first :data:`FIRST_KEPT` nor its last :data:`LAST_KEPT`, and proved never to have
    arrived, into their entry's tally; how many. Never those of ``kept``
    (:func:`first_other_failures`, read here when not given)."""
    if kept is None:
        kept = first_other_failures(session, entry_ids)
    rows = session.execute(
        sa.select(ATTEMPTS.c.id, ATTEMPTS.c.entry_id, ATTEMPTS.c.started_at, ATTEMPTS.c.ended_at)
        .join(ENTRIES, ENTRIES.c.id == ATTEMPTS.c.entry_id)
        .where(
            ATTEMPTS.c.entry_id.in_(entry_ids),
            ATTEMPTS.c.outcome == Outcome.NEVER_ARRIVED,
            ATTEMPTS.c.ended_at.is_not(None),
            ATTEMPTS.c.number > FIRST_KEPT,
            ATTEMPTS.c.number <= ENTRIES.c.attempts - LAST_KEPT,
            ATTEMPTS.c.id.not_in(kept),
        )
        .limit(batch)
    ).all()
    folded: dict[str, tuple[int, datetime, datetime]] = {}
    for _, entry_id, started, ended in rows:
        count, first, last = folded.get(entry_id, (0, started, ended))
        folded[entry_id] = (count + 1, min(first, started), max(last, ended))
    for entry_id, (count, first, last) in folded.items():
        tally = insert(TALLIES).values(
            entry_id=entry_id,
            outcome=Outcome.NEVER_ARRIVED,
            count=count,
            first_started_at=first,
            last_ended_at=last,
        )
        session.execute(
            tally.on_conflict_do_update(
                index_elements=[TALLIES.c.entry_id, TALLIES.c.outcome],
                set_={
                    "count": TALLIES.c.count + tally.excluded.count,
                    "first_started_at": sa.func.min(
                        TALLIES.c.first_started_at, tally.excluded.first_started_at
                    ),
                    "last_ended_at": sa.func.max(
                        TALLIES.c.last_ended_at, tally.excluded.last_ended_at
                    ),
                },
            )
        )
    if rows:
        session.execute(sa.delete(ATTEMPTS).where(ATTEMPTS.c.id.in_([row[0] for row in rows])))
    return len(rows)


def _forgettable(entry_id: sa.ColumnElement[str], before: datetime) -> sa.ColumnElement[bool]:
    """The entry is settled and was last changed (and made) before ``before``."""
    return sa.exists().where(
        ENTRIES.c.id == entry_id,
        ENTRIES.c.status.in_(SETTLED),
        ENTRIES.c.updated_at < before,
        ENTRIES.c.created_at < before,
    )


def forget_settled(session: Session, before: datetime, batch: int = BATCH) -> Forgotten:
    """Forget up to ``batch`` audit lines, refusals and entries each, older than ``before``,
    that no kept row needs (the module's rules), the oldest first. A chain (a cancel and its
    redemption) goes one link a batch, the cancel first."""
    # The trigger refuses a line younger than AUDIT_KEPT_DAYS by the database's own clock: a
    # cutoff of the till's clock set ahead must not make the whole batch fail.
    youngest = sa.func.datetime("now", f"-{AUDIT_KEPT_DAYS} days")
    lines = (
        session.execute(
            sa.select(AUDIT.c.id)
            .where(
                AUDIT.c.at < before,
                AUDIT.c.at <= youngest,
                sa.or_(AUDIT.c.entry_id.is_(None), _forgettable(AUDIT.c.entry_id, before)),
            )
            # oldest first, on the index of ``at``: a batch reads what it takes and the lines
            # kept before them, never the months after the cutoff
            .order_by(AUDIT.c.at)
            .limit(batch)
        )
        .scalars()
        .all()
    )
    if lines:
        session.execute(sa.delete(AUDIT).where(AUDIT.c.id.in_(lines)))
    refusals = (
        session.execute(
            sa.select(REFUSALS.c.id)
            .where(
                REFUSALS.c.at < before,
                sa.or_(REFUSALS.c.entry_id.is_(None), _forgettable(REFUSALS.c.entry_id, before)),
            )
            .order_by(REFUSALS.c.at)
            .limit(batch)
        )
        .scalars()
        .all()
    )
    if refusals:
        session.execute(sa.delete(REFUSALS).where(REFUSALS.c.id.in_(refusals)))
    other = ENTRIES.alias("other")
    entries = (
        session.execute(
            sa.select(ENTRIES.c.id)
            .where(
                # (``|| ''``: read on the index of ``created_at``, oldest first, not on the
                # status's, where SQLite checked and sorted every settled entry of the years
                # kept for every batch)
                ENTRIES.c.status.concat("").in_(SETTLED),
                ENTRIES.c.updated_at < before,
                ENTRIES.c.created_at < before,
                ~sa.exists().where(
                    sa.or_(other.c.depends_on == ENTRIES.c.id, other.c.cancels == ENTRIES.c.id)
                ),
                ~sa.exists().where(AUDIT.c.entry_id == ENTRIES.c.id),
                ~sa.exists().where(REFUSALS.c.entry_id == ENTRIES.c.id),
            )
            .order_by(ENTRIES.c.created_at)
            .limit(batch)
        )
        .scalars()
        .all()
    )
    if entries:
        # the member's balance stays; only its note of which entry last said it goes
        session.execute(
            sa.update(BALANCES).where(BALANCES.c.entry_id.in_(entries)).values(entry_id=None)
        )
        session.execute(sa.delete(TALLIES).where(TALLIES.c.entry_id.in_(entries)))
        session.execute(sa.delete(ATTEMPTS).where(ATTEMPTS.c.entry_id.in_(entries)))
        session.execute(sa.delete(ENTRIES).where(ENTRIES.c.id.in_(entries)))
    # a shift closed before the cutoff once nothing of it is left: its End of day would list
    # shifts with nothing in them
    shifts = (
        session.execute(
            sa.select(SHIFTS.c.id)
            .where(
                SHIFTS.c.closed_at < before,
                ~sa.exists().where(ENTRIES.c.shift_id == SHIFTS.c.id),
                ~sa.exists().where(REFUSALS.c.shift_id == SHIFTS.c.id),
            )
            .limit(batch)
        )
        .scalars()
        .all()
    )
    if shifts:
        session.execute(sa.delete(SHIFTS).where(SHIFTS.c.id.in_(shifts)))
    return Forgotten(len(entries), len(lines), len(refusals), len(shifts))
