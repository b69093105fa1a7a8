"""The customers turned away at the counter, as a manager reads them beside the redemptions.

A refusal made before anything was queued (by the offline rules, the PIN check, the server or a
rule of the till) has no outbox entry: it is a row of the ``refusals`` table. The History lists
them among the redemptions, marked as such, filtered as far as they can be (the span, the
cashier, the member as stored, refused or not redeemed), newest first and read a page at a
time, as the redemptions are: a month of a busy till must not be read whole to show its newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core.services.codes import ASKED_FIRST
from app.core.services.history_filter import HISTORY_LIMIT, cashier_names, member_named
from app.core.services.receipts import Verdict
from app.core.services.shift import OFFLINE_RULES, ShiftRow, refusal_row
from app.core.storage.tables import REFUSALS, Refusal
from app.core.storage.writer import Database

#: The History's status choices (app/core/services/standings.py) a refusal at the counter
#: stands under, by the standing it counts as: refused (the PIN check, a rule, the server's
#: word before anything was queued), or not redeemed (the offline rules), as its row reads.
#: Not "Refused by the server" nor the stored ``rejected``: those are the entries the server
#: refused once sent, and a manager who picked them read the counter's refusals among them.
AT_THE_COUNTER = {
    "refused_at_the_counter": Verdict.REFUSED,
    "not_redeemed": Verdict.NOT_REDEEMED,
}


@dataclass(frozen=True)
class CounterFilter:
    """Which refusals at the counter to read: ``since`` ≤ at < ``until`` (``None``: no bound),
    a cashier's (any case), a member's (an identifier the cache knows, or the start of any word
    of the name the refusal stored), ``verdicts`` (``None``: either), the newest ``limit``."""

    since: datetime | None = None
    until: datetime | None = None
    cashier: str | None = None
    member: str | None = None
    verdicts: frozenset[Verdict] | None = None
    limit: int = HISTORY_LIMIT

    @classmethod
    def standing(cls, *choices: str, **wanted: Any) -> CounterFilter:
        """The refusals standing under any of the History's status ``choices`` (none, or
        ``""``: any), narrowed by the other filters ``wanted``: none under another status."""
        picked = [choice for choice in choices if choice]
        verdicts = frozenset(AT_THE_COUNTER[c] for c in picked if c in AT_THE_COUNTER)
        return cls(verdicts=verdicts if picked else None, **wanted)


@dataclass(frozen=True)
class CounterRefusal:
    """One refusal at the counter as stored: its row (what, for whom, why, as the cashier was
    told), and where it was made."""

    row: ShiftRow
    terminal: str
    shift_id: int | None


class AtTheCounter:
    """Reads the refusals at the counter of one till's database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def rows(self, wanted: CounterFilter) -> list[ShiftRow]:
        """The newest ``wanted.limit`` refusals ``wanted`` describes, newest first."""

        def read(session: Session) -> list[ShiftRow]:
            query = _matching(session, sa.select(Refusal), wanted)
            if query is None:
                return []
            query = query.order_by(REFUSALS.c.at.desc(), REFUSALS.c.id.desc())
            return [refusal_row(r) for r in session.execute(query.limit(wanted.limit)).scalars()]

        return await self.db.read(read)

    async def count(self, wanted: CounterFilter) -> int:
        """How many refusals ``wanted`` describes, whatever its limit."""

        def read(session: Session) -> int:
            query = _matching(session, sa.select(sa.func.count()).select_from(REFUSALS), wanted)
            return 0 if query is None else int(session.execute(query).scalar_one())

        return await self.db.read(read)

    async def one(self, refusal_id: int) -> CounterRefusal | None:
        """One refusal at the counter in full; ``None`` when there is none by that id (or it
        was no customer turned away)."""

        def read(session: Session) -> CounterRefusal | None:
            query = _turned_away(sa.select(Refusal)).where(REFUSALS.c.id == refusal_id)
            found = session.execute(query).scalar_one_or_none()
            if found is None:
                return None
            return CounterRefusal(refusal_row(found), found.terminal, found.shift_id)

        return await self.db.read(read)


def _turned_away(query: sa.Select[Any]) -> sa.Select[Any]:
    """``query`` on the refusals narrowed to customers turned away before anything was queued
    (as :func:`app.core.services.shift.turned_away` reads them): none an attempt's void made,
    none the till asked to be put right first."""
    asked = sa.func.coalesce(sa.func.json_extract(REFUSALS.c.reason, "$.id"), "")
    return query.where(REFUSALS.c.entry_id.is_(None), asked.not_in(sorted(ASKED_FIRST)))


def _matching(
    session: Session, query: sa.Select[Any], wanted: CounterFilter
) -> sa.Select[Any] | None:
    """``query`` narrowed to what ``wanted`` describes; ``None`` when nothing can match (a
    status no refusal at the counter stands under)."""
    if wanted.verdicts is not None and not wanted.verdicts:
        return None
    query = _turned_away(query)
    if wanted.since is not None:
        query = query.where(REFUSALS.c.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(REFUSALS.c.at < wanted.until)
    if wanted.cashier is not None:
        query = query.where(
            REFUSALS.c.cashier.in_(cashier_names(session, wanted.cashier, REFUSALS.c.cashier))
        )
    if wanted.member is not None:
        query = query.where(
            member_named(session, wanted.member, REFUSALS.c.lane, REFUSALS.c.member_name)
        )
    if wanted.verdicts is not None and len(wanted.verdicts) == 1:
        by_rules = REFUSALS.c.source == OFFLINE_RULES
        query = query.where(by_rules if Verdict.NOT_REDEEMED in wanted.verdicts else ~by_rules)
    return query
