"""The common shape of every redemption answer, as the outbox stores it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.core.domain import OperationKind
from app.core.stamps.models import RedemptionResponse, VoucherInfo
from app.core.stamps.parsing import error_body_of
from app.core.stamps.redaction import scrub


@dataclass(frozen=True, slots=True)
class RedemptionResult:
    """What the server made of a redemption or cancel, in the same shape for every kind.

    ``stamps_remaining`` is the member's balance after the operation, from ``membership.stamps`` or
    ``customer.stamps_remaining``, whichever the endpoint returned; ``errors`` is what the server
    reported in the answer's ``errors`` beside the redemption (every redemption table lists it),
    kept so it can be shown; ``raw`` is the body as received.
    """

    kind: OperationKind
    redemption_id: int | None
    redemption_status: str | None
    stamps_used: int | None
    stamps_remaining: int | None
    voucher: VoucherInfo | None
    response: RedemptionResponse
    raw: dict[str, Any]
    errors: str | None = None

    @classmethod
    def from_response(
        cls,
        kind: OperationKind,
        response: RedemptionResponse,
        raw: dict[str, Any],
        secrets: Iterable[str] = (),
    ) -> RedemptionResult:
        """Summarise a parsed redemption answer."""
        redemption = response.redemption
        voucher = response.voucher or (redemption.voucher if redemption else None)
        noted = error_body_of(raw).message
        return cls(
            kind=kind,
            redemption_id=redemption.id if redemption else None,
            redemption_status=redemption.status if redemption else None,
            stamps_used=redemption.stamps_used if redemption else None,
            stamps_remaining=response.stamps_remaining,
            voucher=voucher,
            response=response,
            raw=raw,
            errors=scrub(noted, secrets) if noted else None,
        )

    @property
    def names_redemption(self) -> bool:
        """Whether the answer names the redemption it made (a positive server id): the only
        proof that a 2xx applied anything (architecture §3)."""
        return self.redemption_id is not None and self.redemption_id > 0
