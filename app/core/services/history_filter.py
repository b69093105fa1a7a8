"""Which of the till's rows a manager's filters keep: a span of time, a status as the History
lists it (a redemption whose cancel reads "Cancelled" included), a cashier, a member.

A member is found as a manager remembers them: by any identifier the till's copy knows, the
``user`` sent, or the start of any word of their name in any case. The History reads the
outbox's entries so, and the refusals at the counter (:mod:`at_the_counter`) their own rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core.domain import EntryStatus, OperationKind
from app.core.offline.identifiers import readings
from app.core.outbox.claim import NEEDS_DASHBOARD
from app.core.outbox.reconcile import cancelled_on_server
from app.core.services.standings import STATUS_NAMES, Standing
from app.core.storage.cache_tables import MEMBER_KEYS, MEMBERS
from app.core.storage.engine import lower_any
from app.core.storage.tables import ENTRIES

#: The most rows one read lists, of the History or of the refusals at the counter (a count says
#: how many more there are).
HISTORY_LIMIT = 1000


@dataclass(frozen=True)
class HistoryFilter:
    """Which rows to show: ``since`` ≤ created < ``until`` (aware times), statuses, a cashier's
    name (any case), a member (any identifier the cache knows, the ``user`` sent, or the start
    of any word of their name in any case), these entries only (a shift's, as its list shows
    them)."""

    since: datetime | None = None
    until: datetime | None = None
    statuses: frozenset[EntryStatus] | None = None
    cashier: str | None = None
    member: str | None = None
    entry_ids: frozenset[str] | None = None
    limit: int = HISTORY_LIMIT
    #: ``True``: only the rows that read "Cancelled": the redemptions a cancel the server
    #: confirmed ended (their own status is still ``synced``) and those voided before they were
    #: sent; ``False``: none of them; ``None``: either. A manager's "Confirmed by the server"
    #: listed the cancelled ones, and nothing listed them alone.
    cancelled: bool | None = None

    #: Any of these choices of the status filter (``None``: any), as a manager picks them.
    standings: tuple[Standing, ...] | None = None

    @classmethod
    def standing(cls, *choices: str, **wanted: Any) -> HistoryFilter:
        """The rows of any of the status filter's ``choices`` (names in :data:`STATUS_NAMES`;
        none, or ``""``, for any status), narrowed by the other filters ``wanted``."""
        picked = tuple(STATUS_NAMES[choice] for choice in choices if choice)
        return cls(standings=picked or None, **wanted)


def matching(session: Session, query: sa.Select[Any], wanted: HistoryFilter) -> sa.Select[Any]:
    """``query`` on the entries narrowed to the rows ``wanted`` describes (its limit aside)."""
    query = query.where(sa.or_(ENTRIES.c.kind != OperationKind.CANCEL, ENTRIES.c.cancels.is_(None)))
    if wanted.since is not None:
        query = query.where(ENTRIES.c.created_at >= wanted.since)
    if wanted.until is not None:
        query = query.where(ENTRIES.c.created_at < wanted.until)
    if wanted.statuses is not None:
        query = query.where(ENTRIES.c.status.in_([s.value for s in wanted.statuses]))
    if wanted.cashier is not None:
        query = query.where(ENTRIES.c.cashier.in_(_cashier_names(session, wanted.cashier)))
    if wanted.member is not None:
        query = query.where(_member_wanted(session, wanted.member))
    if wanted.entry_ids is not None:
        query = query.where(ENTRIES.c.id.in_(sorted(wanted.entry_ids)))
    if wanted.cancelled is not None:
        query = query.where(_reads_cancelled() if wanted.cancelled else ~_reads_cancelled())
    if wanted.standings is not None:
        query = query.where(sa.or_(*(_of_standing(picked) for picked in wanted.standings)))
    return query


def _of_standing(picked: Standing) -> sa.ColumnElement[bool]:
    """Entries of a choice of the status filter, and the redemptions whose row reads the words
    of a cancel in one of its ``cancels`` statuses."""
    of_status: sa.ColumnElement[bool] = ENTRIES.c.status.in_(
        sorted(status.value for status in picked.statuses)
    )
    if picked.cancelled is not None:
        read = _reads_cancelled() if picked.cancelled else ~_reads_cancelled()
        of_status = sa.and_(of_status, read)
    if not picked.cancels:
        return of_status
    return sa.or_(of_status, _cancel_reads(picked.cancels))


def _cancel_reads(statuses: frozenset[EntryStatus]) -> sa.ColumnElement[bool]:
    """Redemptions whose latest cancel, the one their row reads (``history._latest_cancels``: a
    voided one says nothing), is in ``statuses``; not one the till never sent for want of a
    server id, which the server did not refuse."""
    cancel, later = ENTRIES.alias("cancel"), ENTRIES.alias("later")
    superseded = (
        sa.exists()
        .where(later.c.cancels == ENTRIES.c.id)
        .where(later.c.kind == OperationKind.CANCEL)
        .where(later.c.status != EntryStatus.VOIDED.value)
        .where(later.c.seq > cancel.c.seq)
        .correlate_except(later)  # the redemption of the outer query, not one of its own
    )
    return (
        sa.exists()
        .where(cancel.c.cancels == ENTRIES.c.id)
        .where(cancel.c.kind == OperationKind.CANCEL)
        .where(cancel.c.status.in_(sorted(status.value for status in statuses)))
        .where(sa.func.coalesce(cancel.c.last_error, "") != NEEDS_DASHBOARD)
        .where(~superseded)
    )


def _reads_cancelled() -> sa.ColumnElement[bool]:
    """Entries whose row reads "Cancelled": a cancel the server confirmed ended them, the feed
    line that reconciled them says the server cancelled them, or they were voided before they
    were sent, not by the offline rules (``receipts.verdict_of``)."""
    cancel = ENTRIES.alias("cancel")
    ended = (
        sa.exists()
        .where(cancel.c.cancels == ENTRIES.c.id)
        .where(cancel.c.kind == OperationKind.CANCEL)
        .where(cancel.c.status == EntryStatus.SYNCED.value)
    )
    # no refusal is SQL NULL or JSON's null, as the entry was written
    refusal = sa.func.coalesce(sa.type_coerce(ENTRIES.c.policy_refusal, sa.String), "null")
    voided = sa.and_(ENTRIES.c.status == EntryStatus.VOIDED.value, refusal == "null")
    return sa.or_(ended, cancelled_on_server(), voided)


def _member_wanted(session: Session, text: str) -> sa.ColumnElement[bool]:
    """Entries of the member ``text`` names (:func:`member_named`)."""
    return member_named(session, text, ENTRIES.c.lane, ENTRIES.c.member_name)


def member_named(
    session: Session, text: str, lane: sa.ColumnElement[str], name: sa.ColumnElement[str]
) -> sa.ColumnElement[bool]:
    """Rows (an entry, a refusal at the counter) of the member ``text`` names, by their
    ``lane`` and their ``name`` as stored: by an identifier (:func:`_member_lanes`), or by the
    start of any word of their name in any case, as the cache or the row knows it (the cache
    holds the name lower-cased, as the cashier's search reads it; the row's is lower-cased
    for any letter, not by SQLite's ``lower()``, which folds ASCII only)."""
    key = text.strip().lower()
    named = sa.select(sa.literal("member:", sa.String) + MEMBERS.c.server_id).where(
        _a_word_starts(MEMBERS.c.name_key, key)
    )
    return sa.or_(
        lane.in_(_member_lanes(session, text)),
        lane.in_(named.scalar_subquery()),
        _a_word_starts(lower_any(name), key),
    )


#: What begins a new word of a name: "pratiwi" finds Ayu Pratiwi, "aisyah" Siti-Aisyah.
_WORD_BREAKS = (" ", "-")


def _a_word_starts(name: sa.ColumnElement[str], key: str) -> sa.ColumnElement[bool]:
    """Whether a word of the lower-cased ``name`` starts with ``key``. A manager remembers a
    member's first name or their family name: only the name's start ("ayu") found them. A word's
    start, not anywhere: "ayu" does not list Rahayu's. ``%`` and ``_`` typed are matched as they
    are, not as wildcards."""
    return sa.or_(
        name.startswith(key, autoescape=True),
        *(name.contains(brk + key, autoescape=True) for brk in _WORD_BREAKS),
    )


def _member_lanes(session: Session, text: str) -> set[str]:
    """Lanes of the member ``text`` names: through the cache's keys, or as the ``user`` sent."""
    lanes: set[str] = set()
    if text.startswith("member:"):
        lanes.add(text)
    keys = readings(text)
    if keys:
        lanes.update(
            f"member:{server_id}"
            for server_id in session.execute(
                sa.select(MEMBER_KEYS.c.server_id).where(MEMBER_KEYS.c.key.in_(keys))
            ).scalars()
        )
    wanted = text.strip().casefold()
    lanes.update(
        lane
        for user, lane in session.execute(sa.select(ENTRIES.c.user, ENTRIES.c.lane).distinct())
        if user.casefold() == wanted
    )
    return lanes


def _cashier_names(session: Session, name: str) -> list[str]:
    return cashier_names(session, name, ENTRIES.c.cashier)


def cashier_names(session: Session, name: str, column: sa.ColumnElement[str]) -> list[str]:
    """The cashiers' names as ``column`` stores them that are ``name`` in any case (Python's
    casefold, not SQLite's ASCII-only one)."""
    wanted = name.strip().casefold()
    return [
        stored
        for stored in session.execute(sa.select(column).distinct()).scalars()
        if stored.casefold() == wanted
    ]
