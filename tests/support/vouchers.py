"""Validation of voucher codes, counted and, for chosen codes, failing: the sandbox can hide a
voucher's kind from its listings (``vouchers_kind_unlisted``) but cannot fail one endpoint alone.
Shared by the integration and UI tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.services.till import Till
from app.core.stamps.errors import ServiceUnavailable

SALDO = "SALDO-AYU-150K"  # Ayu's voucher 12, a balance ("Dynamic") voucher
UNCONFIRMED = (
    "The Stamps server has not confirmed that this is a balance voucher, so nothing can be "
    "deducted from it offline. Try again when the till is back online."
)


def validations(till: Till, failing: tuple[str, ...] = ()) -> list[str]:
    """The codes ``till`` asks validation about from now on, in order; ``failing`` codes are
    answered 503."""
    asked: list[str] = []
    validate: Callable[..., Any] = till.client.validate_voucher

    async def counted(code: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(code)
        if code in failing:
            raise ServiceUnavailable("503 Service Unavailable", status_code=503)
        return await validate(code, *args, **kwargs)

    till.client.validate_voucher = counted  # type: ignore[method-assign]
    return asked
