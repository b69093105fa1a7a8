"""What a cashier asks for, turned into the request the outbox will send.

Each order knows its outbox kind, its request payload (validated against the client's request
model before anything is enqueued), the stamps it costs (for the offline policy and the projected
balance), the rupiah it spends of a voucher, the cashier's words for it (a message) and the line it
will leave in the member's activity feed (for reconciliation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from app.core.domain import (
    MOST_FLEXIBLE_STAMPS,
    MOST_OF_A_REWARD,
    Channel,
    OperationKind,
    format_rupiah,
)
from app.core.messages import Explained, Message, say
from app.core.services.receipts import Verdict, what_to_do
from app.core.stamps.client import REQUEST_MODELS


class InvalidOrder(Explained):
    """The order cannot be sent as it stands; the message says which field and why.
    ``verdict``: how a screen and the shift's record say it (a receipt's)."""

    verdict = Verdict.REFUSED
    #: Turned away by the till itself, before anything was sent, for something the cashier puts
    #: right first (an empty cart, the invoice number, a code typed wrong): no server refused it,
    #: and a screen must not say so (it read as the server's red "Refused").
    asks_first = False

    @property
    def what_to_do(self) -> Message:
        """What the cashier does next: the words of a receipt with the same verdict, or what to
        put right first when the till asks for it."""
        if self.asks_first:
            return say("order.asks_first.todo")
        return what_to_do(self.verdict)


def invalid(message_id: str, **params: str | int) -> InvalidOrder:
    """``raise invalid("order.code_not_redeemable")``: an :class:`InvalidOrder` with that
    message (of what the catalogue or the server would not take)."""
    return InvalidOrder(say(message_id, **params))


#: The ids of what the till asks to be put right first (:func:`asks_first`). A till before this
#: release wrote these on the shift's record as refusals; read back, they are not counted as
#: any (:data:`app.core.services.codes.ASKED_FIRST`).
ASKS_FIRST_IDS = frozenset(
    {
        "order.cart_empty",
        "order.flexible_needs_stamps",
        "order.promo_needs_invoice",
        "order.qty_range",
        "order.stamps_range",
        "order.value_positive",
    }
)


def asks_first(message_id: str, **params: str | int) -> InvalidOrder:
    """``raise asks_first("order.cart_empty")``: an :class:`InvalidOrder` for something the
    cashier puts right before anything can be sent (:attr:`InvalidOrder.asks_first`)."""
    refused = InvalidOrder(say(message_id, **params))
    refused.asks_first = True
    return refused


def _check_amounts(name: str, qty: int, stamps: int | None, least: int = 1) -> None:
    """A quantity or stamps the till would not send, refused in words that name the range (a
    box that cut what was typed to fit sent an amount nobody typed)."""
    if not 1 <= qty <= MOST_OF_A_REWARD:
        raise asks_first("order.qty_range", name=name, most=MOST_OF_A_REWARD)
    least = max(1, least)
    if stamps is not None and not least <= stamps <= MOST_FLEXIBLE_STAMPS:
        raise asks_first("order.stamps_range", name=name, least=least, most=MOST_FLEXIBLE_STAMPS)


def _least_stamps(flexible: bool, stamps_each: int) -> int:
    """The fewest stamps a flexible reward takes: the catalogue's stamps for it (the window's
    stamps box starts there too)."""
    return stamps_each if flexible else 1


@dataclass(frozen=True)
class Context:
    """Who and where: filled in by the till, the same for every order of a sale."""

    user: str
    store: int
    channel: Channel
    invoice_number: str | None = None
    request_id: str | None = None


@dataclass(frozen=True)
class RewardOrder:
    """One reward, ``qty`` times; a flexible reward takes the ``stamps`` the member chooses.
    ``issues_voucher``: the reward is a voucher (reward type 4), which the server adds to the
    member's vouchers: nothing goes over the counter for it."""

    reward_id: int
    name: str
    stamps_each: int
    qty: int = 1
    flexible: bool = False
    stamps: int | None = None
    issues_voucher: bool = False
    kind = OperationKind.REWARD

    def __post_init__(self) -> None:
        least = _least_stamps(self.flexible, self.stamps_each)
        _check_amounts(self.name, self.qty, self.stamps, least)

    @property
    def cost(self) -> int:
        """Stamps this takes from the member."""
        if self.flexible:
            return self.stamps or 0
        return self.qty * self.stamps_each

    rupiah = None

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list: a reward that is a voucher says it gave
        one, apart from a voucher the member used."""
        given = "_voucher" if self.issues_voucher else ""
        if self.qty > 1:
            return say(f"what.rewards{given}", qty=self.qty, name=self.name)
        return say(f"what.reward{given}", name=self.name)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The redeem-reward request."""
        if self.flexible and not self.stamps:
            raise asks_first("order.flexible_needs_stamps", name=self.name)
        body: dict[str, Any] = {"reward": self.reward_id, "qty": self.qty}
        if self.flexible:
            body["stamps"] = self.stamps
        return _common(ctx) | body


@dataclass(frozen=True)
class CartItem:
    """One line of a cart: a reward by its code, in the form the server wrote it (a number
    stays one: ``"code": 1``). ``issues_voucher`` as a :class:`RewardOrder`'s."""

    code: str | int
    name: str
    stamps_each: int
    qty: int = 1
    flexible: bool = False
    stamps: int | None = None
    issues_voucher: bool = False

    def __post_init__(self) -> None:
        least = _least_stamps(self.flexible, self.stamps_each)
        _check_amounts(self.name, self.qty, self.stamps, least)

    @property
    def cost(self) -> int:
        """Stamps this line takes."""
        return (self.stamps or 0) if self.flexible else self.qty * self.stamps_each


@dataclass(frozen=True)
class CartOrder:
    """Several rewards redeemed as one: all or nothing, cancelled as a whole."""

    items: tuple[CartItem, ...] = field(default_factory=tuple)
    kind = OperationKind.MULTI

    @property
    def cost(self) -> int:
        """Stamps the whole cart takes."""
        return sum(item.cost for item in self.items)

    @property
    def issues_voucher(self) -> bool:
        """A reward among the items is a voucher: that one is not handed over."""
        return any(item.issues_voucher for item in self.items)

    rupiah = None

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list: the items, one after another."""
        items = ", ".join(f"{i.qty} × {i.name}" if i.qty > 1 else i.name for i in self.items)
        return say("what.cart", items=items)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The redeem-multiple-rewards request; every item carries the PIN's request id."""
        if not self.items:
            raise asks_first("order.cart_empty")
        rewards = []
        for item in self.items:
            if item.flexible and not item.stamps:
                raise asks_first("order.flexible_needs_stamps", name=item.name)
            line: dict[str, Any] = {"code": item.code, "qty": item.qty}
            if item.flexible:
                line["stamps"] = item.stamps
            if ctx.request_id:
                line["request_id"] = ctx.request_id
            rewards.append(line)
        body: dict[str, Any] = {"user": ctx.user, "store": ctx.store, "rewards": rewards}
        body["channel"] = int(ctx.channel)
        if ctx.invoice_number:
            body["invoice_number"] = ctx.invoice_number
        return body


@dataclass(frozen=True)
class VoucherOrder:
    """One of the member's own vouchers, used whole. ``whole_balance`` marks a balance voucher
    the cashier chose to use up whole (what it had left is gone with it)."""

    voucher_id: int
    name: str
    value: Decimal | None = None
    whole_balance: bool = False
    kind = OperationKind.VOUCHER
    cost = 0

    @property
    def rupiah(self) -> Decimal | None:
        """The voucher's value, when it has one."""
        return self.value

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list."""
        if self.whole_balance:
            return say("what.whole_balance", name=self.name)
        return say("what.voucher", name=self.name)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The redeem-voucher request."""
        return _common(ctx) | {"voucher": self.voucher_id}


@dataclass(frozen=True)
class DeductOrder:
    """Part of a dynamic voucher's value, in whole rupiah (a cashier deducts whole rupiah)."""

    voucher_id: int
    name: str
    value: int
    kind = OperationKind.DEDUCT
    cost = 0

    @property
    def rupiah(self) -> int:
        """The rupiah taken from the voucher."""
        return self.value

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list."""
        return say("what.deduct", value=format_rupiah(self.value), name=self.name)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The deduct-value request."""
        return _common(ctx) | {"voucher": self.voucher_id, "value": self.value}


@dataclass(frozen=True)
class CodeOrder:
    """A voucher by its code, validated online first; ``template`` comes from that check."""

    code: str
    template: int
    name: str = ""
    value: Decimal | None = None
    kind = OperationKind.CODE
    cost = 0

    @property
    def rupiah(self) -> Decimal | None:
        """The voucher's value, when the validation said it."""
        return self.value

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list."""
        if self.name:
            return say("what.code_named", code=self.code, name=self.name)
        return say("what.code", code=self.code)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The by-voucher-code request, the member in both of the names the docs give it:
        ``identifier`` (the parameter table, the JSON example) and ``user`` (the curl example).
        A server written from either finds them; the docs' own examples send fields their
        tables do not list (a cart's ``qty``), so a server takes one it does not read."""
        return {
            "identifier": ctx.user,
            "user": ctx.user,
            "voucher_code": self.code,
            "voucher_template": self.template,
            "store": ctx.store,
        }


@dataclass(frozen=True)
class PromoOrder:
    """A promo code; the invoice number is required."""

    code: str
    kind = OperationKind.PROMO
    cost = 0
    rupiah = None

    @property
    def description(self) -> Message:
        """What a cashier reads in the shift's list."""
        return say("what.promo", code=self.code)

    def payload(self, ctx: Context) -> dict[str, Any]:
        """The redeem-promo-code request."""
        if not ctx.invoice_number:
            raise asks_first("order.promo_needs_invoice")
        return _common(ctx) | {"promo_code": self.code}


Order = RewardOrder | CartOrder | VoucherOrder | DeductOrder | CodeOrder | PromoOrder


def _common(ctx: Context) -> dict[str, Any]:
    body: dict[str, Any] = {"user": ctx.user, "store": ctx.store, "channel": int(ctx.channel)}
    if ctx.invoice_number:
        body["invoice_number"] = ctx.invoice_number
    if ctx.request_id:
        body["request_id"] = ctx.request_id
    return body


def build_payload(order: Order, ctx: Context) -> dict[str, Any]:
    """The order's request body, checked against the client's request model so a bad value is
    refused here, with the field named, and nothing is enqueued."""
    body = order.payload(ctx)
    try:
        REQUEST_MODELS[order.kind].model_validate(body)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})
        raise invalid("order.check_fields", fields=", ".join(fields)) from None
    return body
