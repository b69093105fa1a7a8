"""Orders become the requests the parameter tables describe, or are refused before enqueueing."""

from __future__ import annotations

import pytest

from app.core.domain import Channel, OperationKind
from app.core.services.orders import (
    CartItem,
    CartOrder,
    CodeOrder,
    Context,
    DeductOrder,
    InvalidOrder,
    PromoOrder,
    RewardOrder,
    VoucherOrder,
    build_payload,
)

CTX = Context(user="customer@stamps.co.id", store=32, channel=Channel.POS, invoice_number="INV-7")


def test_a_fixed_reward_costs_qty_times_its_price() -> None:
    order = RewardOrder(reward_id=1, name="Kaya Bun", stamps_each=20, qty=3)
    assert order.cost == 60
    assert build_payload(order, CTX) == {
        "user": "customer@stamps.co.id",
        "store": 32,
        "channel": 2,
        "invoice_number": "INV-7",
        "reward": 1,
        "qty": 3,
    }


def test_a_flexible_reward_sends_and_costs_the_stamps_chosen() -> None:
    order = RewardOrder(reward_id=12, name="Flex", stamps_each=0, flexible=True, stamps=40)
    assert order.cost == 40
    assert build_payload(order, CTX)["stamps"] == 40
    with pytest.raises(InvalidOrder, match="flexible"):
        build_payload(RewardOrder(12, "Flex", 0, flexible=True), CTX)


def test_a_cart_carries_the_pin_request_id_on_every_item() -> None:
    order = CartOrder(
        (
            CartItem("KR-001", "Kopi", 20, qty=2),
            CartItem("KR-FLEX", "Flex", 0, flexible=True, stamps=7),
        )
    )
    assert order.kind is OperationKind.MULTI
    assert order.cost == 47
    body = build_payload(order, Context("u@x.id", 32, Channel.KIOSK, request_id="req-1"))
    assert body["rewards"] == [
        {"code": "KR-001", "qty": 2, "request_id": "req-1"},
        {"code": "KR-FLEX", "qty": 1, "stamps": 7, "request_id": "req-1"},
    ]
    assert body["channel"] == 3
    with pytest.raises(InvalidOrder, match="empty"):
        build_payload(CartOrder(()), CTX)


def test_voucher_and_deduct_and_code_payloads() -> None:
    assert build_payload(VoucherOrder(20, "Birthday"), CTX)["voucher"] == 20
    assert build_payload(DeductOrder(12, "Saldo", 50_000), CTX)["value"] == 50_000
    assert build_payload(CodeOrder("ABCD100k", 12), CTX) == {
        "identifier": "customer@stamps.co.id",
        "user": "customer@stamps.co.id",  # the curl example's name for the member
        "voucher_code": "ABCD100k",
        "voucher_template": 12,
        "store": 32,
    }


def test_a_promo_code_needs_the_invoice_number() -> None:
    no_invoice = Context(user="u@x.id", store=32, channel=Channel.POS)
    with pytest.raises(InvalidOrder, match="invoice"):
        build_payload(PromoOrder("PROMOCODE"), no_invoice)
    assert build_payload(PromoOrder("PROMOCODE"), CTX)["promo_code"] == "PROMOCODE"


def test_a_value_the_request_model_refuses_is_named_and_not_echoed() -> None:
    with pytest.raises(InvalidOrder, match="value") as caught:
        build_payload(DeductOrder(12, "Saldo", -5), CTX)
    assert "-5" not in str(caught.value)


@pytest.mark.parametrize(
    ("qty", "stamps", "words"),
    [
        (0, None, "quantity must be from 1 to 99"),
        (100, None, "quantity must be from 1 to 99"),
        (2**63 - 1, None, "quantity must be from 1 to 99"),  # the command line's own ceiling
        (1, 0, "stamps must be from 20 to 100000"),
        # under the least the catalogue gives a flexible reward: the window's box once made it
        # the least without a word
        (1, 19, "stamps must be from 20 to 100000"),
        (1, 100_001, "stamps must be from 20 to 100000"),
        (1, 150_000, "stamps must be from 20 to 100000"),
        (1, 2**63 - 1, "stamps must be from 20 to 100000"),
    ],
)
def test_amounts_beyond_any_sale_are_refused_before_they_reach_the_disk(
    qty: int, stamps: int | None, words: str
) -> None:
    # qty × price once reached SQLite as an OverflowError traceback (`stamps-pos redeem reward
    # --qty 9223372036854775807`); the same ceilings hold for a cart's lines.
    with pytest.raises(InvalidOrder, match=words):
        RewardOrder(1, "Kaya Bun", 20, qty=qty, flexible=stamps is not None, stamps=stamps)
    with pytest.raises(InvalidOrder, match=words):
        CartItem("KB", "Kaya Bun", 20, qty=qty, flexible=stamps is not None, stamps=stamps)
    assert RewardOrder(1, "Kaya Bun", 20, qty=99).cost == 1980


def test_the_window_s_boxes_take_more_than_the_till_sends_and_cut_nothing_into_range() -> None:
    # A box stopping at the till's most drops the digit typed past it ("150000" became 15000);
    # a number typed longer than a box takes is cut to its leading digits, still over the most.
    from app.core.services.orders import MOST_FLEXIBLE_STAMPS, MOST_OF_A_REWARD
    from app.ui.widgets.reward_picker import MAX_QTY, MOST_TYPED_QTY, MOST_TYPED_STAMPS

    assert MAX_QTY == MOST_OF_A_REWARD
    boxes = ((MOST_TYPED_QTY, MOST_OF_A_REWARD), (MOST_TYPED_STAMPS, MOST_FLEXIBLE_STAMPS))
    for typed_most, most in boxes:
        assert len(str(typed_most)) > len(str(most))  # what is typed over the most stays
        assert 10 ** (len(str(typed_most)) - 1) > most  # cut, still over it
