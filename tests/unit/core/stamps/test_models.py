"""Request models refuse bad values on construction; response helpers read the docs' formats."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from app.core.domain import Channel, OperationKind
from app.core.stamps import REQUEST_MODELS
from app.core.stamps.models import (
    AuthorizeRequest,
    CancelRedemptionRequest,
    DeductValueRequest,
    MemberVouchersResponse,
    MultiRewardRedemptionRequest,
    PromoCodeRedemptionRequest,
    RewardItem,
    RewardRedemptionRequest,
    RewardsResponse,
    RewardsVoucher,
    StampsResponse,
    SuggestionsResponse,
    UnreadItem,
    VoucherCodeRedemptionRequest,
    VoucherInfo,
    parse_api_time,
)
from app.core.stamps.models.common import parse_api_date
from app.core.stamps.models.requests import request_fields

WIB = timezone(timedelta(hours=7))

REWARD = {"user": "customer@stamps.co.id", "reward": 1, "store": 32}


def test_request_models_cover_every_operation() -> None:
    assert set(REQUEST_MODELS) == set(OperationKind)
    for model in REQUEST_MODELS.values():
        assert model.model_config.get("extra") == "forbid"
        assert model.model_config.get("hide_input_in_errors") is True


@pytest.mark.parametrize(
    "change",
    [
        {"user": ""},
        {"user": "   "},
        {"user": 12},
        {"user": None},
        {"reward": 0},
        {"reward": -1},
        {"reward": "1"},
        {"reward": True},
        {"reward": 1.0},
        {"store": 0},
        {"store": "32"},
        {"qty": 0},
        {"qty": -2},
        {"stamps": 0},
        {"channel": 10},
        {"channel": True},
        {"channel": "POS"},
        {"extra_data": ["not", "an", "object"]},
        {"extra_data": {"x": object()}},
        {"extra_data": {"x": [1, {"y": float("nan")}]}},
        {"extra_data": {"x": float("inf")}},
        {"invoice_number": ""},
        {"request_id": ""},
        {"surprise": 1},
        {"token": "abc"},
    ],
)
def test_reward_request_refuses(change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        RewardRedemptionRequest.model_validate({**REWARD, **change})


def test_reward_request_accepts_and_omits_unset_fields() -> None:
    request = RewardRedemptionRequest.model_validate({**REWARD, "channel": 2, "qty": 3})
    assert request.channel is Channel.POS
    assert request.to_json() == {**REWARD, "channel": 2, "qty": 3}


@pytest.mark.parametrize("pin", ["12345", "1234567", "12345a", "", "１２３４５６", 123456, None])
def test_pin_is_exactly_six_digits(pin: object) -> None:
    with pytest.raises(ValidationError):
        AuthorizeRequest.model_validate({"user": "u", "pin": pin, "request_id": "r", "timeout": 9})


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (AuthorizeRequest, {"user": "u", "pin": "123456", "request_id": "", "timeout": 900}),
        (AuthorizeRequest, {"user": "u", "pin": "123456", "request_id": "r", "timeout": 0}),
        (CancelRedemptionRequest, {"id": 0}),
        (CancelRedemptionRequest, {"id": 1, "create_replacement_voucher": "yes"}),
        (DeductValueRequest, {**REWARD, "voucher": 1, "value": 0}),
        (DeductValueRequest, {"user": "u", "voucher": 1, "store": 1, "value": float("nan")}),
        (DeductValueRequest, {"user": "u", "voucher": 1, "store": 1, "value": "1000"}),
        (DeductValueRequest, {"user": "u", "voucher": 1, "store": 1}),
        (PromoCodeRedemptionRequest, {"user": "u", "promo_code": "P", "store": 1}),
        (
            PromoCodeRedemptionRequest,
            {"user": "u", "promo_code": 12, "store": 1, "invoice_number": "I"},
        ),
        (
            VoucherCodeRedemptionRequest,
            {"user": "u", "voucher_code": "V", "voucher_template": 1, "store": 1},
        ),
        (MultiRewardRedemptionRequest, {"user": "u", "store": 1, "rewards": []}),
        (
            MultiRewardRedemptionRequest,
            {"user": "u", "store": 1, "rewards": [{"code": "A", "qty": 0}]},
        ),
        (
            MultiRewardRedemptionRequest,
            {"user": "u", "store": 1, "rewards": [{"code": "", "qty": 1}]},
        ),
        (MultiRewardRedemptionRequest, {"user": "u", "store": 1, "rewards": [{"qty": 1}]}),
        (
            MultiRewardRedemptionRequest,
            {"user": "u", "store": 1, "rewards": [{"code": "A", "qty": 1, "x": 1}]},
        ),
    ],
)
def test_requests_refuse(model: type[BaseModel], data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_deduct_value_keeps_its_number_type() -> None:
    base = {"user": "u", "voucher": 1, "store": 1}
    assert DeductValueRequest.model_validate({**base, "value": 1000}).to_json()["value"] == 1000
    assert DeductValueRequest.model_validate({**base, "value": 12.5}).to_json()["value"] == 12.5


def test_cart_items_carry_code_qty_stamps_and_request_id() -> None:
    cart = MultiRewardRedemptionRequest.model_validate(
        {
            "user": "u",
            "store": 1,
            "rewards": [
                {"code": "MI0017", "qty": 2, "request_id": "r-1"},
                {"code": "FLEX", "qty": 1, "stamps": 40, "request_id": "r-1"},
            ],
        }
    )
    assert cart.to_json()["rewards"][1] == {
        "code": "FLEX",
        "qty": 1,
        "stamps": 40,
        "request_id": "r-1",
    }


def test_a_cart_item_is_read_without_qty() -> None:
    # the table's items are "request_id, code, and stamps": qty is the till's addition
    cart = MultiRewardRedemptionRequest.model_validate(
        {"user": "u", "store": 1, "rewards": [{"code": "MI0017"}, {"code": "FLEX", "stamps": 4}]}
    )
    assert cart.to_json()["rewards"] == [{"code": "MI0017"}, {"code": "FLEX", "stamps": 4}]
    assert request_fields(RewardItem) == {
        "code": True,
        "qty": False,
        "stamps": False,
        "request_id": False,
    }


def test_request_fields_lists_wire_names() -> None:
    assert request_fields(VoucherCodeRedemptionRequest) == {
        "identifier": True,
        "user": False,  # the same member, under the curl example's name
        "voucher_code": True,
        "voucher_template": True,
        "store": True,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # without a zone: the server's wall clock, Jakarta's (it read as UTC, 7 h late)
        ("13-02-2013 00:00", datetime(2013, 2, 13, tzinfo=WIB)),
        ("24-01-2014 18:30", datetime(2014, 1, 24, 18, 30, tzinfo=WIB)),
        # the same form with seconds, a fraction, a zone: it read as no date at all
        ("31-12-2026 23:59:59", datetime(2026, 12, 31, 23, 59, 59, tzinfo=WIB)),
        ("31-12-2026 23:59:59.999", datetime(2026, 12, 31, 23, 59, 59, tzinfo=WIB)),
        ("31-12-2026 16:59:59Z", datetime(2026, 12, 31, 16, 59, 59, tzinfo=UTC)),
        ("31-12-2026 23:59 +07:00", datetime(2026, 12, 31, 23, 59, tzinfo=WIB)),
        ("31-12-2026 23:59:5", None),
        ("2016-07-25", datetime(2016, 7, 25, tzinfo=WIB)),
        ("1989-10-1", datetime(1989, 10, 1, tzinfo=WIB)),
        ("2022-01-20 10:00:00", datetime(2022, 1, 20, 10, tzinfo=WIB)),
        # with one: in it (transaction_api writes "+07"; "+07" was dropped, and the seconds)
        ("2022-09-16T10:05:00Z", datetime(2022, 9, 16, 10, 5, tzinfo=UTC)),
        ("2013-02-15T13:01:01+07", datetime(2013, 2, 15, 13, 1, 1, tzinfo=WIB)),
        ("2013-02-15T13:01:01.250+07:00", datetime(2013, 2, 15, 13, 1, 1, tzinfo=WIB)),
        ("2013-02-15 08:01-0500", datetime(2013, 2, 15, 13, 1, tzinfo=UTC)),
        ("2013-02-15T13:01:01+07 and more", None),
        (1607049764, datetime(2020, 12, 4, 2, 42, 44, tzinfo=UTC)),
        # with a fraction, as a server's time.time() writes it: the second it is in
        (1607049764.75, datetime(2020, 12, 4, 2, 42, 44, tzinfo=UTC)),
        (1e30, None),
        ("31-02-2020 00:00", None),
        ("soon", None),
        (None, None),
        (10**20, None),
    ],
)
def test_parse_api_time(value: str | float | None, expected: datetime | None) -> None:
    assert parse_api_time(value) == expected


@pytest.mark.parametrize(
    ("value", "day"),
    [("2099-04-28", date(2099, 4, 28)), ("28-04-2099 00:00", date(2099, 4, 28))],
)
def test_a_date_is_the_servers_day(value: str, day: date) -> None:
    # a voucher's last day is the day written, wherever the till's computer is
    assert parse_api_date(value) == day


@pytest.mark.parametrize(
    ("code", "read"),
    [("VC-ABC", "VC-ABC"), ("007", "007"), (20261203, "20261203"), (0, "0")],
)
def test_a_voucher_code_is_text_or_a_whole_numbers_digits(code: object, read: str) -> None:
    raw = json.loads(json.dumps({"id": 1, "code": code}))
    assert VoucherInfo.model_validate(raw).code == read
    assert RewardsVoucher.model_validate(raw).code == read


# 3.0 is "3" or "3.0", 1e3 "1000" or "1e3": a code read one of two ways is no code
@pytest.mark.parametrize("code", [3.0, 1e3, -5, True, 10**70, [1]])
def test_a_voucher_code_that_reads_two_ways_is_unreadable(code: object) -> None:
    with pytest.raises(ValidationError):
        VoucherInfo.model_validate({"id": 1, "code": code})
    with pytest.raises(ValidationError):
        RewardsVoucher.model_validate({"id": 1, "code": code})


def test_a_voucher_template_given_by_id_alone_is_read_as_that_template() -> None:
    from app.core.stamps.models import VoucherInfo

    assert VoucherInfo.model_validate({"id": 20, "template": 13}).template.id == 13  # type: ignore[union-attr]
    assert VoucherInfo.model_validate({"id": 20, "template": {"id": 13}}).template.id == 13  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (150000, Decimal("150000")),
        (150000.5, Decimal("150000.5")),
        (0.1, Decimal("0.1")),  # exactly what the server wrote, not the float's binary digits
        (99999.99, Decimal("99999.99")),
        (None, None),
    ],
)
def test_voucher_values_are_decimals(value: object, expected: Decimal | None) -> None:
    # voucher_api.rst calls a voucher's value a float: read it as the decimal it was written as
    raw = json.loads(json.dumps({"id": 1, "value": value}))
    assert VoucherInfo.model_validate(raw).value == expected
    listed = RewardsVoucher.model_validate({**raw, "name": "v"})
    assert listed.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("150000", Decimal("150000")), ("150000.00", Decimal("150000.00")), ("0", Decimal("0"))],
)
def test_a_voucher_value_written_as_plain_digits_is_that_amount(
    text: str, expected: Decimal
) -> None:
    # "10000" can mean nothing else; a Django REST server writes its decimals as "10000.00"
    assert VoucherInfo.model_validate({"id": 1, "value": text}).value == expected
    assert RewardsVoucher.model_validate({"id": 1, "value": text}).value == expected


# "10.000" is ten thousand to a reader in Indonesia and ten to a JSON reader: no guess
@pytest.mark.parametrize(
    "value", ["abc", "10.000", "10,000", "1e4", "-5", " 5", "", "5" * 19, True, [1]]
)
def test_a_voucher_value_that_is_no_plain_amount_is_unreadable(value: object) -> None:
    with pytest.raises(ValidationError):
        VoucherInfo.model_validate({"id": 1, "value": value})


def test_one_unreadable_voucher_leaves_the_others_readable() -> None:
    answer = MemberVouchersResponse.model_validate(
        {
            "vouchers": [
                {"id": 1, "value": 200},
                {"id": 2, "code": "VC-DEF", "value": "abc"},
                "not a voucher",
                {"id": 3, "value": "10000"},
            ]
        }
    )
    assert [(v.id, v.value) for v in answer.vouchers] == [(1, 200), (3, 10000)]
    assert answer.unread == (
        UnreadItem("vouchers", 2, "VC-DEF", ("value",)),
        UnreadItem("vouchers", None, None, ("item",)),
    )
    assert answer.unread[0].named(2) and answer.unread[0].named("VC-DEF")


def test_one_unreadable_reward_leaves_the_others_and_their_vouchers_readable() -> None:
    answer = RewardsResponse.model_validate(
        {
            "rewards": [
                {"id": 1, "name": "Kaya Bun", "stamps_to_redeem": 2},
                {"id": 2, "stamps_to_redeem": "many"},
            ],
            "vouchers": [{"id": 5, "name": "v"}, {"id": "06"}],
        }
    )
    assert [r.id for r in answer.rewards] == [1] and [v.id for v in answer.vouchers] == [5]
    assert [(u.list, u.id) for u in answer.unread] == [("rewards", 2), ("vouchers", None)]


@pytest.mark.parametrize(
    ("model", "said"),
    [
        (MemberVouchersResponse, {"vouchers": 5}),
        # no "rewards" at all (a 200 from a proxy, another endpoint's answer): it read as a
        # store offering nothing, "That reward (1) is not offered at this store"
        (RewardsResponse, {}),
        (RewardsResponse, {"redemption": {"id": 3}, "membership": {"stamps": 110}}),
    ],
    ids=["vouchers-a-number", "no-rewards-key", "another-endpoint"],
)
def test_a_listing_that_is_no_list_is_still_unreadable(
    model: type[StampsResponse], said: dict[str, object]
) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(said)


def test_a_server_cannot_say_what_the_till_did_not_read() -> None:
    unread = [{"list": "vouchers", "id": 9, "code": None, "fields": ["value"]}]
    answer = MemberVouchersResponse.model_validate({"vouchers": [], "unread": unread})
    assert answer.unread == ()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"value": -5000}, "value"),  # worth less than nothing
        ({"value": 1e30}, "value"),  # more than the till's database holds
        ({"id": None}, "id"),  # cannot be named to be used
        ({"id": -2}, "id"),
        ({"end_date": "soon"}, "end_date"),  # no "no end": offline, an expired one would pass
        ({"start_date": 1e30}, "start_date"),  # unix seconds no calendar holds
    ],
)
def test_a_listed_voucher_the_till_would_misread_is_left_unread(
    change: dict[str, Any], field: str
) -> None:
    listed = {"id": 2, "value": 10000, "end_date": "2099-04-28", **change}
    answer = MemberVouchersResponse.model_validate({"vouchers": [{"id": 1}, listed]})
    assert [v.id for v in answer.vouchers] == [1]
    assert [u.fields for u in answer.unread] == [(field,)]


@pytest.mark.parametrize("blank", ["", "  "])
def test_a_listed_voucher_with_a_blank_date_has_no_date(blank: str) -> None:
    listed = {"id": 2, "value": 10000, "start_date": blank, "end_date": blank}
    answer = MemberVouchersResponse.model_validate({"vouchers": [listed]})
    assert [(v.id, v.start_date, v.end_date) for v in answer.vouchers] == [(2, None, None)]
    assert answer.unread == ()


@pytest.mark.parametrize(
    "change",
    [{"stamps_to_redeem": None}, {"stamps_to_redeem": -10}, {"id": -2}, {"id": 0}],
    ids=["no-price", "negative-price", "negative-id", "id-0"],
)
def test_a_listed_reward_the_till_would_misread_is_left_unread(change: dict[str, Any]) -> None:
    # without its price a reward was offered for 0 stamps; at -10, redeeming it gave stamps
    listed = {"id": 2, "name": "Latte", "stamps_to_redeem": 10, "type": 1, **change}
    answer = RewardsResponse.model_validate({"rewards": [listed]})
    assert answer.rewards == [] and len(answer.unread) == 1


def test_a_flexible_reward_needs_no_price_and_a_free_one_is_free() -> None:
    answer = RewardsResponse.model_validate(
        {"rewards": [{"id": 5, "type": 5}, {"id": 6, "type": 1, "stamps_required": 0}]}
    )
    assert [(r.id, r.stamps_to_redeem) for r in answer.rewards] == [(5, None), (6, 0)]


def test_one_suggestion_the_till_cannot_read_leaves_the_other_matches() -> None:
    # every match was lost to one, and the type-ahead showed nobody for "Ayu"
    answer = SuggestionsResponse.model_validate(
        {"suggestions": [{"id": 7, "name": "Ayu Lestari"}, {"id": 8, "stamps": "10.5"}]}
    )
    assert [s.name for s in answer.suggestions] == ["Ayu Lestari"]
    assert [u.id for u in answer.unread] == [8]
