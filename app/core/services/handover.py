"""At the cashier's till: the QR code of a kiosk result, scanned, shows that redemption as the
till knows it (confirmed or not), and the cashier marks the reward handed over, once, audited
(docs/kiosk.md).

A kiosk that shares the till's data folder writes its entries into the till's database, so the
till finds them as it finds its own; a kiosk that keeps its own records cannot be read here, and
the till says so rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from app.core import clock
from app.core.messages import Explained, say
from app.core.outbox.decisions import audit
from app.core.services.kiosk import KIOSK_CASHIER, entry_id_in, reference_of
from app.core.services.receipts import Receipt, Verdict
from app.core.services.till import Till
from app.core.storage.tables import AUDIT

#: The audit log's action for a reward handed over.
HANDED_OVER = "handed_over"
#: What a cashier may hand over for: what the server confirmed.
_HAND_OVER_FOR = (Verdict.CONFIRMED,)


class HandoverRefused(Explained):
    """The scanned code is no kiosk redemption the till knows, or its reward may not be handed
    over (not confirmed, not redeemed); ``message`` says which."""


@dataclass(frozen=True)
class KioskRedemption:
    """A kiosk redemption as the cashier sees it when its QR code is scanned."""

    reference: str
    receipt: Receipt
    member_name: str | None
    what: str | None
    handed_over_by: str | None = None
    handed_over_at: datetime | None = None

    @property
    def may_hand_over(self) -> bool:
        """Whether the reward may be handed over now (confirmed, and not handed over yet)."""
        return self.receipt.verdict in _HAND_OVER_FOR and self.handed_over_by is None


@dataclass(frozen=True)
class _Handed:
    who: str
    at: datetime


def _handed(session: Session, entry_id: str) -> _Handed | None:
    row = session.execute(
        sa.select(AUDIT.c.who, AUDIT.c.at)
        .where(AUDIT.c.action == HANDED_OVER, AUDIT.c.entry_id == entry_id)
        .order_by(AUDIT.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    return _Handed(str(row.who), row.at)


class Handover:
    """Kiosk redemptions at the cashier's till: found by their QR code, handed over once."""

    def __init__(self, till: Till) -> None:
        self.till = till

    @staticmethod
    def is_kiosk_code(code: str) -> bool:
        """Whether a scanned string is a kiosk result's QR code."""
        return entry_id_in(code) is not None

    async def find(self, code: str) -> KioskRedemption:
        """The kiosk redemption a scanned QR code names; :class:`HandoverRefused` when it is no
        kiosk code, or one this till has no record of."""
        entry_id = entry_id_in(code)
        if entry_id is None:
            raise HandoverRefused(say("handover.not_kiosk"))
        entry = await self.till.outbox.get(entry_id)
        if entry is None or entry.cashier != KIOSK_CASHIER:
            raise HandoverRefused(say("handover.unknown", reference=reference_of(entry_id)))
        receipt = await self.till.receipt(entry)
        handed = await self.till.outbox.db.read(lambda s: _handed(s, entry_id))
        return KioskRedemption(
            reference=reference_of(entry_id),
            receipt=receipt,
            member_name=entry.member_name,
            what=entry.description,
            handed_over_by=handed.who if handed else None,
            handed_over_at=handed.at if handed else None,
        )

    async def mark_handed_over(self, code: str, cashier: str) -> KioskRedemption:
        """Record that ``cashier`` handed the reward over (audited, in one transaction with the
        check that nobody did before); returns the redemption as it now stands. Refused
        (:class:`HandoverRefused`) unless the server confirmed it. Handed over already: nothing is
        written, and the redemption says by whom."""
        found = await self.find(code)
        if found.receipt.verdict not in _HAND_OVER_FOR:
            not_yet = found.receipt.verdict in (Verdict.NOT_CONFIRMED, Verdict.ACCEPTED_OFFLINE)
            raise HandoverRefused(
                say("handover.not_confirmed" if not_yet else "handover.not_redeemed")
            )
        entry_id = found.receipt.entry_id
        terminal = self.till.config.terminal

        def write(session: Session) -> _Handed:
            earlier = _handed(session, entry_id)
            if earlier is not None:
                return earlier
            now = clock.now()
            audit(
                session,
                now,
                who=cashier,
                action=HANDED_OVER,
                terminal=terminal,
                entry_id=entry_id,
                reference=found.reference,
            )
            return _Handed(cashier, now)

        handed = await self.till.outbox.db.write(write)
        return KioskRedemption(
            reference=found.reference,
            receipt=found.receipt,
            member_name=found.member_name,
            what=found.what,
            handed_over_by=handed.who,
            handed_over_at=handed.at,
        )
