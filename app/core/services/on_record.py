"""Whether a name or an id a manager filters by is one this till's records know.

A filter that matches nothing reads "nothing happened": ``audit --who Rna`` (Rina typed wrong)
printed "no audit lines match", exit 0, and a manager reconciling a day believed Rina did
nothing. When nothing matches, the reading commands ask here whether the records know the name
at all, and say so when they do not. A name the records know is never refused: a cashier
renamed, disabled or no longer working here still has redemptions and audit lines, which an
auditor may rightly ask for.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from app.core.services.fields import name_key
from app.core.services.history_filter import cashier_names, member_named
from app.core.storage.cache_tables import MEMBERS
from app.core.storage.staff_tables import STAFF
from app.core.storage.tables import AUDIT, ENTRIES, REFUSALS, SHIFTS
from app.core.storage.writer import Database


def _any(session: Session, query: sa.Select[tuple[object]]) -> bool:
    return session.execute(query.limit(1)).first() is not None


class OnRecord:
    """What this till's database knows of the people and entries a manager names."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def cashier(self, name: str) -> bool:
        """Whether a redemption, a refusal at the counter or a shift of this till was made by a
        cashier named ``name`` (in any case), or an account has that name."""

        def read(session: Session) -> bool:
            return any(
                cashier_names(session, name, column)
                for column in (ENTRIES.c.cashier, REFUSALS.c.cashier, SHIFTS.c.cashier)
            ) or _account(session, name, role="cashier")

        return await self.db.read(read)

    async def member(self, text: str) -> bool:
        """Whether ``text`` names a member (as ``history --member`` reads it: an identifier or
        the start of a word of the name) that a redemption or a refusal at the counter of this
        till was for, or that the till has looked up and still remembers."""

        def read(session: Session) -> bool:
            cached_lane = sa.literal("member:", sa.String) + MEMBERS.c.server_id
            return (
                _any(
                    session,
                    sa.select(ENTRIES.c.id).where(
                        member_named(session, text, ENTRIES.c.lane, ENTRIES.c.member_name)
                    ),
                )
                or _any(
                    session,
                    sa.select(REFUSALS.c.id).where(
                        member_named(session, text, REFUSALS.c.lane, REFUSALS.c.member_name)
                    ),
                )
                or _any(
                    session,
                    sa.select(MEMBERS.c.server_id).where(
                        member_named(session, text, cached_lane, MEMBERS.c.name)
                    ),
                )
            )

        return await self.db.read(read)

    async def actor(self, name: str) -> bool:
        """Whether a line of the audit log was written under ``name`` (in any case), or a
        manager's or cashier's account has that name."""

        def read(session: Session) -> bool:
            return bool(cashier_names(session, name, AUDIT.c.who)) or _account(session, name)

        return await self.db.read(read)

    async def entry(self, entry_id: str) -> bool:
        """Whether the outbox holds entry ``entry_id``. Its audit lines name no other: the
        retention forgets no entry a kept line names."""

        def read(session: Session) -> bool:
            return _any(session, sa.select(ENTRIES.c.id).where(ENTRIES.c.id == entry_id))

        return await self.db.read(read)


def _account(session: Session, name: str, role: str | None = None) -> bool:
    """Whether an account (of ``role``, else of either) is named ``name``, in any state."""
    query = sa.select(STAFF.c.id).where(STAFF.c.name_key == name_key(name))
    if role is not None:
        query = query.where(STAFF.c.role == role)
    return _any(session, query)
