"""Whether an enqueue is admitted: the stamps a member's lane already holds against a balance,
and a promo already standing on the same invoice.

:meth:`Outbox.enqueue` reads both in its own transaction, so two redemptions for one member
cannot spend the same stamps and one promo cannot go on a sale twice; :class:`Admission` is the
caller's answer to what it read (architecture §4).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Protocol

import sqlalchemy as sa

from app.core import clock
from app.core.domain import EntryStatus, OperationKind
from app.core.outbox import reconcile
from app.core.outbox.errors import OutboxError
from app.core.outbox.policy import OutboxPolicy
from app.core.storage.prepared import Prepared
from app.core.storage.tables import ENTRIES

#: Entries whose stamps are spent as far as the till knows: the server has not confirmed it, and
#: has not refused it either (architecture §4).
HOLDING = (EntryStatus.QUEUED, EntryStatus.SENDING, EntryStatus.UNKNOWN)
_CANCELS = ENTRIES.alias("cancels")
HELD_STAMPS = Prepared(
    sa.select(sa.func.coalesce(sa.func.sum(ENTRIES.c.expect_stamps), 0)).where(
        ENTRIES.c.lane == sa.bindparam("h_lane"),
        ENTRIES.c.kind != OperationKind.CANCEL,
        # NULL when nothing is left out: "id IS NOT ?" holds for every entry then
        ENTRIES.c.id.is_not(sa.bindparam("h_leaving_out", type_=sa.String())),
        sa.or_(
            *(ENTRIES.c.status == status for status in HOLDING),
            # Confirmed after the balance was read: that balance does not know it. A synced
            # entry is never written again, so its ``updated_at`` is when the till learned it
            # was applied (the server applied it before then). An answer that says the new
            # balance moves ``as_of`` to its own time (the member cache), so only those the
            # feed reconciled, a manager marked applied or a 2xx left without stamps count.
            sa.and_(
                ENTRIES.c.status == EntryStatus.SYNCED,
                ENTRIES.c.updated_at > sa.bindparam("h_as_of", type_=ENTRIES.c.updated_at.type),
                ENTRIES.c.updated_at <= sa.bindparam("h_until", type_=ENTRIES.c.updated_at.type),
                ~sa.exists().where(
                    _CANCELS.c.cancels == ENTRIES.c.id,
                    _CANCELS.c.status == EntryStatus.SYNCED,
                ),
                # found on a line that says the server cancelled it: the stamps went back
                ~reconcile.cancelled_on_server(),
            ),
        ),
    )
)


#: A lane's promo redemptions that still stand (waiting, being sent, not confirmed or confirmed,
#: and no confirmed cancel of them), oldest first: their ids and payloads.
_STANDING_PROMOS = Prepared(
    sa.select(ENTRIES.c.id, ENTRIES.c.payload)
    .where(
        ENTRIES.c.lane == sa.bindparam("p_lane"),
        ENTRIES.c.kind == OperationKind.PROMO,
        sa.or_(*(ENTRIES.c.status == status for status in (*HOLDING, EntryStatus.SYNCED))),
        ~sa.exists().where(
            _CANCELS.c.cancels == ENTRIES.c.id,
            _CANCELS.c.kind == OperationKind.CANCEL,
            _CANCELS.c.status == EntryStatus.SYNCED,
        ),
    )
    .order_by(ENTRIES.c.seq)
)


def promo_standing(
    connection: sqlite3.Connection, lane: str, code: str, invoice: str
) -> str | None:
    """The id of the lane's standing redemption of promo ``code`` with ``invoice`` (the code
    in any case, the invoice without the spaces around it), or ``None``."""
    wanted, on = code.casefold(), invoice.strip()
    for entry_id, payload in _STANDING_PROMOS.rows(connection, {"p_lane": lane}):
        body = payload or {}
        same_code = str(body.get("promo_code", "")).casefold() == wanted
        if same_code and str(body.get("invoice_number", "")).strip() == on:
            return str(entry_id)
    return None


#: Later than any entry's time: no limit on what a balance's read may not know.
_NO_LIMIT = datetime(9999, 12, 31, tzinfo=UTC)


def confirmed_until(as_of: datetime | None, policy: OutboxPolicy) -> datetime:
    """The latest confirmation a balance read ``as_of`` may not know. A read made since the wall
    clock was moved back (``as_of`` not later than now) came after every entry confirmed
    "later than now": those were confirmed before the clock moved, and the read holds them. A
    read from before the move (later than now itself) is compared by the clock as ever."""
    latest = clock.now() + timedelta(seconds=policy.clock_tolerance)
    return latest if as_of is None or as_of <= latest else _NO_LIMIT


class Admission(Protocol):
    """A caller's answer to "may this be queued?" (:meth:`Outbox.enqueue`'s ``admit``)."""

    @property
    def allowed(self) -> bool:
        """Whether it is queued."""

    @property
    def provisional(self) -> bool:
        """Whether it is queued as accepted offline."""


class NotAdmitted(OutboxError):
    """:meth:`Outbox.enqueue`'s ``admit`` said no; ``admission`` is what it answered."""

    def __init__(self, admission: Admission) -> None:
        super().__init__("not admitted to the outbox")
        self.admission = admission


class PromoOnInvoice(OutboxError):
    """:meth:`Outbox.enqueue` of a promo the lane already has standing on the same invoice
    (``once_on_invoice``); ``earlier`` is that entry's id. Nothing was queued."""

    def __init__(self, earlier: str) -> None:
        super().__init__("the promo already stands on this invoice")
        self.earlier = earlier
