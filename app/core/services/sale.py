"""A sale: who sells, in which shift, under which invoice number."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.core.domain import Channel
from app.core.services.codes import check_invoice


@dataclass(frozen=True)
class Sale:
    """Who sells, in which shift, and the sale's invoice number: the same for every order of a
    customer. ``channel`` overrides the till's."""

    cashier: str
    shift_id: int | None = None
    invoice_number: str | None = None
    channel: Channel | None = None

    def checked(self) -> Sale:
        """This sale with its invoice number as it is sent (trimmed, composed; ``None`` when
        blank), or :class:`CodeRefused` for one holding a hidden character or too long."""
        return replace(self, invoice_number=check_invoice(self.invoice_number))
