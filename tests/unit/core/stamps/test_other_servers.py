"""Answers another Stamps server may give as the docs allow, unlike our sandbox: optional fields
left null, a block beside the redemption the till cannot read. The redemption the answer names
is still confirmed, and a member the server found is still found."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from app.core.domain import Outcome
from app.core.services.members import member_from_details
from app.core.stamps import errors
from app.core.stamps.models.common import parse_api_date

from .conftest import ClientFactory
from .helpers import FakeStamps, doc, reply
from .test_contract import CALLS
from .test_contract import REDEMPTIONS as REDEMPTION_CALLS

REDEMPTIONS = sorted(REDEMPTION_CALLS)  # one order, for the tests' ids on every worker


def _all_null(value: Any, keep: tuple[str, ...] = ()) -> Any:
    """``value`` with every field of every object null, but the ``keep`` ones (kept as they are)."""
    if isinstance(value, dict):
        return {k: v if k in keep else None for k, v in value.items()}
    return value


def _nulled(body: dict[str, Any]) -> dict[str, Any]:
    """What a server leaving out every optional field sends: each block beside the redemption
    with all its fields null, and the redemption with only its id."""
    nulled = {k: _all_null(v) for k, v in body.items() if k != "redemption"}
    nulled["redemption"] = _all_null(body["redemption"], keep=("id",))
    return nulled


@pytest.mark.parametrize("name", REDEMPTIONS)
async def test_a_redemption_answer_with_its_optional_fields_null_is_confirmed(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc(name)
    body = fixture["responses"][0]["body"]
    server.on(fixture["path"], reply(200, _nulled(body)))
    result = await CALLS[name][1](make_client(), fixture["request"])
    assert result.redemption_id == body["redemption"]["id"]
    assert result.stamps_remaining is None  # the server did not say


@pytest.mark.parametrize("name", REDEMPTIONS)
async def test_a_block_beside_the_redemption_the_till_cannot_read_leaves_it_confirmed(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc(name)
    body = copy.deepcopy(fixture["responses"][0]["body"])
    for block in ("membership", "customer", "user"):
        if block in body:
            body[block]["stamps"] = "two hundred"  # no number: the balance cannot be read
            body[block]["stamps_remaining"] = 2**63  # past what the till's database holds
    server.on(fixture["path"], reply(200, body))
    result = await CALLS[name][1](make_client(), fixture["request"])
    assert result.redemption_id == body["redemption"]["id"]
    assert result.stamps_remaining is None


async def test_member_details_with_their_optional_fields_null_are_read(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("member_details")
    body = fixture["responses"][0]["body"]
    user = body.get("user", body.get("users"))
    nulled = {
        "membership": _all_null(body.get("membership", body.get("memberships"))),
        "user": _all_null(user, keep=("id",)),
        "tags": None,
    }
    server.on(fixture["path"], reply(200, nulled))
    details = await make_client().member_details(fixture["request"]["user"])
    assert details.user.id == user["id"]
    assert details.membership.tags == [] and details.user.member_ids == []
    # no balance given is none known: a member of 0 stamps would be a balance never said
    assert member_from_details(fixture["request"]["user"], details).stamps is None


READS = sorted(name for name, (method, _, _) in CALLS.items() if method == "GET")
ERROR_OBJECT = {
    "detail": "Your request cannot be completed",
    "errors": {"user": "Member tidak ditemukan"},
    "error_code": "invalid_data",
}


@pytest.mark.parametrize("name", READS)
async def test_a_read_answered_200_with_an_error_object_is_a_refusal_in_the_server_s_words(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # not an empty catalogue, no vouchers, nobody found: what the server said
    fixture = doc(name)
    server.on(fixture["path"], reply(200, ERROR_OBJECT))
    with pytest.raises(errors.ValidationFailed) as caught:
        await CALLS[name][1](make_client(), fixture["request"])
    assert caught.value.outcome is Outcome.REFUSED
    assert "Member tidak ditemukan" in caught.value.message
    assert caught.value.error_code == "invalid_data"


@pytest.mark.parametrize("name", REDEMPTIONS)
async def test_a_redemption_named_by_its_id_in_digits_is_confirmed(
    name: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # The docs write a member's id as text ("id": "454") and a redemption's as a number; a
    # server may write both as text. "3" names redemption 3: it read as naming nothing, and a
    # redemption the server made stayed "not confirmed".
    fixture = doc(name)
    body = copy.deepcopy(fixture["responses"][0]["body"])
    pk = body["redemption"]["id"]
    body["redemption"]["id"] = str(pk)
    voucher = body.get("voucher") or body["redemption"].get("voucher")
    if voucher is not None:  # the voucher it gave or used, named so too
        voucher["id"] = str(voucher_id := voucher["id"])
    server.on(fixture["path"], reply(200, body))
    result = await CALLS[name][1](make_client(), fixture["request"])
    assert result.redemption_id == pk
    if voucher is not None:
        assert result.voucher is not None and result.voucher.id == voucher_id


@pytest.mark.parametrize("written", ["03", "+3", " 3", "3.0", "3e0", "٣", "R-3", "0"])
async def test_an_id_written_any_other_way_names_no_redemption(
    written: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # only plain digits read as one id; anything that reads two ways proves nothing
    fixture = doc("redeem_reward")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["redemption"]["id"] = written
    server.on(fixture["path"], reply(200, body))
    with pytest.raises(errors.MalformedResponse) as unread:
        await CALLS["redeem_reward"][1](make_client(), fixture["request"])
    assert unread.value.outcome is Outcome.AMBIGUOUS


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("suggestions", "suggestions"),
        ("member_vouchers", "vouchers"),
        ("activities", "activities"),
    ],
)
async def test_a_listing_answered_null_lists_nothing(
    name: str, listed: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # A server that leaves out what it has not got may answer no match, no voucher or no
    # activity as null, as it may a member's tags. It read as an answer the till cannot read:
    # "could not read" of a member with no vouchers, and a name searched with Enter answered
    # "could not read what it said" where the server had said nobody.
    fixture = doc(name)
    server.on(fixture["path"], reply(200, {listed: None}))
    answer = await CALLS[name][1](make_client(), fixture["request"])
    assert getattr(answer, listed) == []


@pytest.mark.parametrize("written", ["0.00", "150000.00", 150000.5])
async def test_a_members_balance_written_as_a_decimal_s_text_is_read(
    written: object, make_client: ClientFactory, server: FakeStamps
) -> None:
    # No page types the balance; a Django REST server writes money as text ("0.00"), and the
    # member of such a server could not be looked up at all.
    fixture = doc("member_details")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["membership"]["balance"] = written
    server.on(fixture["path"], reply(200, body))
    details = await make_client().member_details(fixture["request"]["user"])
    assert details.membership.balance == Decimal(str(written))


async def test_a_balance_the_till_cannot_read_leaves_the_member_readable(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # "150.000" reads as 150 to JSON and as 150 thousand to an Indonesian: unknown, not shown
    fixture = doc("member_details")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["membership"]["balance"] = "150.000"
    server.on(fixture["path"], reply(200, body))
    details = await make_client().member_details(fixture["request"]["user"])
    assert details.membership.balance is None
    assert details.membership.stamps_balance == body["membership"]["stamps"]


@pytest.mark.parametrize("price", ["15000.00", 15000, "Rp 15.000"])
async def test_a_reward_is_offered_whatever_its_price_in_money_reads(
    price: object, make_client: ClientFactory, server: FakeStamps
) -> None:
    # The till prices a reward in stamps; its price in money is only information, which the
    # docs show as null alone. Written as a decimal's text, every priced reward was left out.
    fixture = doc("rewards")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    for reward in body["rewards"]:
        reward["price"] = price
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["rewards"][1](make_client(), fixture["request"])
    assert len(answer.rewards) == len(body["rewards"]) and answer.unread == ()


@pytest.mark.parametrize(
    "written",
    [
        {"referral_code": 9121682},  # the docs' "9121682", written as the number it looks like
        {"start_date": {"date": "2022-10-18"}, "created": ["2022-10-18"]},
    ],
)
async def test_a_member_is_read_whatever_the_fields_the_till_never_uses_hold(
    written: dict[str, object], make_client: ClientFactory, server: FakeStamps
) -> None:
    # These made the whole member unreadable: no lookup, at a counter, over a field the till
    # never shows nor uses.
    fixture = doc("member_details")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["membership"].update(written)
    server.on(fixture["path"], reply(200, body))
    details = await make_client().member_details(fixture["request"]["user"])
    assert details.membership.stamps_balance == body["membership"]["stamps"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # the cart's example writes a reward's code as a number ("code": 1): read as its
        # digits, and named back in a cart as the number it was written as
        ({"code": 1}, {"code": "1", "code_as_written": 1}),
        ({"code": 2024}, {"code": "2024", "code_as_written": 2024}),
        ({"code": "007"}, {"code": "007", "code_as_written": "007"}),
        # ids, prices and types as the digits of the numbers they are
        ({"id": "6"}, {"id": 6}),
        ({"stamps_to_redeem": "20"}, {"stamps_to_redeem": 20}),
        ({"stamps_to_redeem": "0"}, {"stamps_to_redeem": 0}),
        ({"type": "5", "stamps_to_redeem": None}, {"type": 5, "stamps_to_redeem": None}),
    ],
)
async def test_a_reward_listed_with_its_numbers_and_codes_written_otherwise_is_offered(
    written: dict[str, object],
    read: dict[str, object],
    make_client: ClientFactory,
    server: FakeStamps,
) -> None:
    # Each left the reward out of the catalogue as unreadable: a member could not have it.
    fixture = doc("rewards")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["rewards"] = [{**body["rewards"][0], **written}]
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["rewards"][1](make_client(), fixture["request"])
    assert answer.unread == ()
    assert {k: getattr(answer.rewards[0], k) for k in read} == read


# each could be read as more than one reward, code or price, or as none
@pytest.mark.parametrize(
    "written",
    [
        {"code": 1.0},
        {"code": -1},
        {"code": True},
        {"id": "06"},
        {"id": "6.0"},
        {"id": "0"},
        {"stamps_to_redeem": "20.0"},
        {"stamps_to_redeem": " 20"},
        {"stamps_to_redeem": "-1"},
        {"type": "05"},
    ],
)
async def test_a_reward_whose_numbers_read_two_ways_is_left_out_and_counted(
    written: dict[str, object], make_client: ClientFactory, server: FakeStamps
) -> None:
    fixture = doc("rewards")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["rewards"] = [{**body["rewards"][0], **written}]
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["rewards"][1](make_client(), fixture["request"])
    assert answer.rewards == [] and len(answer.unread) == 1


async def test_an_unreadable_reward_listed_by_its_id_in_digits_is_named_unreadable(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # a cashier naming it by its id reads that it could not be read, not that it is not offered
    fixture = doc("rewards")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["rewards"] = [{**body["rewards"][0], "id": "6", "code": 7, "stamps_to_redeem": "lots"}]
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["rewards"][1](make_client(), fixture["request"])
    [unread] = answer.unread
    assert unread.named(6) and unread.named("7")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ({"code": 2024}, "2024"),
        ({"id": "1", "merchant_id": "1"}, "PROMOCODE"),
        # what the till never acts on, unreadable, is left unread
        ({"start_date": {"day": 12}, "constraint": ["10:00"], "name": 5}, "PROMOCODE"),
    ],
)
async def test_a_promo_code_written_otherwise_is_checked(
    written: dict[str, object], code: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # Each made the check unreadable: a promo the server had accepted could not be redeemed.
    fixture = doc("validate_promo")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["promo_code"].update(written)
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["validate_promo"][1](make_client(), fixture["request"])
    assert answer.promo_code.code == code and answer.promo_code.is_active is True


@pytest.mark.parametrize("active", ["false", 0, "no"])
async def test_a_promo_code_whose_activity_reads_two_ways_is_not_checked(
    active: object, make_client: ClientFactory, server: FakeStamps
) -> None:
    # is_active is what the till acts on: "false" or 0, left unread, would pass as a check
    # that refused nothing, so the whole answer stays unreadable and the code unchecked
    fixture = doc("validate_promo")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["promo_code"]["is_active"] = active
    server.on(fixture["path"], reply(200, body))
    with pytest.raises(errors.MalformedResponse):
        await CALLS["validate_promo"][1](make_client(), fixture["request"])


@pytest.mark.parametrize("key", ["stamps", "level"])
async def test_a_member_whose_counts_are_written_as_digits_is_found(
    key: str, make_client: ClientFactory, server: FakeStamps
) -> None:
    # "stamps": "250" can mean nothing but 250; the member could not be looked up at all
    fixture = doc("member_details")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    written = body["membership"][key]
    body["membership"][key] = str(written)
    server.on(fixture["path"], reply(200, body))
    details = await make_client().member_details(fixture["request"]["user"])
    assert getattr(details.membership, key) == written


@pytest.mark.parametrize(
    "customer", [{"id": 3, "stamps_remaining": "many"}, {"id": 3, "status": True}, ["3"]]
)
async def test_a_catalogue_beside_a_member_summary_the_till_cannot_read_is_offered(
    customer: object, make_client: ClientFactory, server: FakeStamps
) -> None:
    # the till reads a member's stamps from their details: a summary beside the catalogue it
    # cannot read made the whole catalogue unreadable, "rewards could not be read"
    fixture = doc("rewards")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["customer"] = customer
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["rewards"][1](make_client(), fixture["request"])
    assert answer.customer is None and len(answer.rewards) == len(body["rewards"])


@pytest.mark.parametrize(
    ("end", "day"),
    [
        ("31-12-2026 23:59:59", date(2026, 12, 31)),
        ("31-12-2026 23:59:59.999999", date(2026, 12, 31)),
        ("31-12-2026 16:59:59Z", date(2026, 12, 31)),
    ],
)
async def test_a_voucher_ending_in_the_docs_day_first_form_with_seconds_is_listed(
    end: str, day: date, make_client: ClientFactory, server: FakeStamps
) -> None:
    # the docs write "DD-MM-YYYY HH:MM"; with its seconds the voucher was left out as
    # unreadable, and the member could not use it
    fixture = doc("member_vouchers")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    body["vouchers"] = [{**body["vouchers"][0], "end_date": end}]
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["member_vouchers"][1](make_client(), fixture["request"])
    assert answer.unread == () and parse_api_date(answer.vouchers[0].end_date) == day


async def test_a_feed_whose_numbers_are_written_as_digits_is_read(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # a page of such lines was unreadable: a redemption left "not confirmed" was never found
    fixture = doc("activities")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    for line in body["activities"]:
        line["id"], line["type"] = str(line["id"]), str(line["type"])
        if isinstance(line.get("redemption"), dict):
            line["redemption"]["stamps"] = str(line["redemption"]["stamps"])
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["activities"][1](make_client(), fixture["request"])
    written = fixture["responses"][0]["body"]["activities"]
    assert [(a.id, a.type) for a in answer.activities] == [(w["id"], w["type"]) for w in written]
    assert [a.redemption.stamps for a in answer.activities if a.redemption] == [
        w["redemption"]["stamps"] for w in written if "redemption" in w
    ]


async def test_a_search_match_whose_stamps_are_written_as_digits_is_listed(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # the match was left out, "1 match could not be read"
    fixture = doc("suggestions")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    for match in body["suggestions"]:
        match["stamps"] = str(match["stamps"])
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["suggestions"][1](make_client(), fixture["request"])
    assert answer.unread == () and [s.stamps for s in answer.suggestions] == [100, 15]


async def test_a_feed_whose_times_are_unix_seconds_with_a_fraction_is_read(
    make_client: ClientFactory, server: FakeStamps
) -> None:
    # "created": 1607049764.25 (a server's time.time()) made the whole page unreadable: a
    # redemption left "not confirmed" was never found in it
    fixture = doc("activities")
    body = copy.deepcopy(fixture["responses"][0]["body"])
    for line in body["activities"]:
        if isinstance(line.get("created"), int):
            line["created"] += 0.25
    server.on(fixture["path"], reply(200, body))
    answer = await CALLS["activities"][1](make_client(), fixture["request"])
    written = fixture["responses"][0]["body"]["activities"]
    assert [a.created_at for a in answer.activities] == [
        datetime.fromtimestamp(w["created"], UTC) if "created" in w else None for w in written
    ]
