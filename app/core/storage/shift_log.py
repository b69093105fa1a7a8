"""The shift's record on the till's database: shifts, the refusals cashiers were shown, and the
entries made in each shift (architecture §5: "closing the shift shows and exports its summary").

Everything is written as it happens, so a shift, and what it did, survive a restart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.core import clock
from app.core.storage.tables import (
    ENTRIES,
    REFUSALS,
    SHIFTS,
    AuditEvent,
    OutboxEntry,
    Refusal,
    Shift,
)
from app.core.storage.writer import Database

#: The audit action of a shift its cashier closed (a cashier disabled has theirs closed in the
#: line of ``cashier_disabled``, its ``shifts_closed``).
SHIFT_CLOSED = "shift_closed"


class ShiftLog:
    """Shifts and refusals on one :class:`Database` (the outbox's)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def open(self, cashier: str, terminal: str) -> Shift:
        """``cashier``'s shift on ``terminal``: the one still open (after a restart, or after
        another cashier covered the till), else a new one. Another cashier's open shift stays
        open: it ends when its own cashier closes it (a colleague signing in at the lock while
        Dewi was on her break closed hers, and she came back to a new shift without a word)."""
        now = clock.now()  # the loop's time, taken before the work is queued
        open_one = (
            sa.select(Shift)
            .where(
                SHIFTS.c.terminal == terminal,
                SHIFTS.c.cashier == cashier,
                SHIFTS.c.closed_at.is_(None),
            )
            .order_by(SHIFTS.c.id)
            .limit(1)
        )
        # Taking up her open shift writes nothing: on a full disk Rina could not sign back in to
        # the shift she had open (the banner says what the disk refuses; lookups still work).
        found: Shift | None = await self.db.read(
            lambda session: session.execute(open_one).scalar_one_or_none()
        )
        if found is not None:
            return found

        def write(session: Session) -> Shift:
            # read again in the write's transaction: two sign-ins at once open one shift
            mine = session.execute(open_one).scalar_one_or_none()
            if mine is None:
                mine = Shift(cashier=cashier, terminal=terminal, opened_at=now)
                session.add(mine)
                session.flush()
            return mine

        return await self.db.write(write)

    async def close(self, shift_id: int) -> Shift | None:
        """Close a shift (closing it again changes nothing); ``None`` if there is no such shift.
        The audit line is written by the transaction that closes it: a manager reconciling the
        day reads when each cashier handed the till over, under their name."""
        now = clock.now()  # the loop's time, taken before the work is queued

        def write(session: Session) -> Shift | None:
            shift = session.get(Shift, shift_id)
            if shift is not None and shift.closed_at is None:
                shift.closed_at = now
                session.add(shift)
                session.add(
                    AuditEvent(
                        at=now,
                        who=shift.cashier,
                        action=SHIFT_CLOSED,
                        terminal=shift.terminal,
                        entry_id=None,
                        detail={"shift": shift.id, "opened_at": shift.opened_at.isoformat()},
                    )
                )
            return shift

        return await self.db.write(write)

    async def open_shifts(self, terminal: str) -> list[Shift]:
        """The shifts still open on ``terminal``, oldest first (a restart, or cashiers taking
        turns at the till, finds them here)."""
        return await self.db.read(
            lambda s: list(
                s.execute(
                    sa.select(Shift)
                    .where(SHIFTS.c.terminal == terminal, SHIFTS.c.closed_at.is_(None))
                    .order_by(SHIFTS.c.id)
                ).scalars()
            )
        )

    async def get(self, shift_id: int) -> Shift | None:
        """One shift."""
        return await self.db.read(lambda s: s.get(Shift, shift_id))

    async def record_refusal(self, fields: Mapping[str, Any]) -> Refusal:
        """Write a refusal the cashier was shown; ``fields`` are :class:`Refusal`'s columns
        (``at`` defaults to now)."""
        values = {"at": clock.now(), **fields}

        def write(session: Session) -> Refusal:
            refusal = Refusal(**values)
            session.add(refusal)
            session.flush()
            return refusal

        return await self.db.write(write)

    async def refusals(self, shift_id: int) -> list[Refusal]:
        """The shift's refusals, oldest first."""
        return await self.db.read(
            lambda s: list(
                s.execute(
                    sa.select(Refusal)
                    .where(REFUSALS.c.shift_id == shift_id)
                    .order_by(REFUSALS.c.id)
                ).scalars()
            )
        )

    async def entries(self, shift_id: int) -> list[OutboxEntry]:
        """The entries made in the shift, in ``seq`` order (cancels included)."""
        return await self.db.read(
            lambda s: list(
                s.execute(
                    sa.select(OutboxEntry)
                    .where(ENTRIES.c.shift_id == shift_id)
                    .order_by(ENTRIES.c.seq)
                ).scalars()
            )
        )

    async def between(
        self, since: datetime, until: datetime
    ) -> tuple[list[Shift], list[OutboxEntry], list[Refusal]]:
        """What the till did from ``since`` up to ``until``: the shifts open at any time in it,
        the entries made in it (``seq`` order) and the refusals recorded in it (oldest first)."""

        def read(session: Session) -> tuple[list[Shift], list[OutboxEntry], list[Refusal]]:
            shifts = session.execute(
                sa.select(Shift)
                .where(
                    SHIFTS.c.opened_at < until,
                    sa.or_(SHIFTS.c.closed_at.is_(None), SHIFTS.c.closed_at >= since),
                )
                .order_by(SHIFTS.c.opened_at, SHIFTS.c.id)
            ).scalars()
            entries = session.execute(
                sa.select(OutboxEntry)
                .where(ENTRIES.c.created_at >= since, ENTRIES.c.created_at < until)
                .order_by(ENTRIES.c.seq)
            ).scalars()
            refusals = session.execute(
                sa.select(Refusal)
                .where(REFUSALS.c.at >= since, REFUSALS.c.at < until)
                .order_by(REFUSALS.c.id)
            ).scalars()
            return list(shifts), list(entries), list(refusals)

        return await self.db.read(read)
