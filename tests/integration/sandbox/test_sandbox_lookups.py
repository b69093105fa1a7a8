"""The read-only endpoints: members, suggestions, activity, rewards, vouchers, promo codes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import (
    AYU,
    BRAGA,
    BUDI,
    HENDRA,
    KEMANG,
    MERCHANT,
    PUTRI,
    RINA,
    SRI,
    Control,
    assert_error,
)

pytestmark = pytest.mark.integration


def details(api: httpx.Client, user: object) -> httpx.Response:
    return api.get("/api/v2/memberships/details", params={"user": user, "merchant": MERCHANT})


@pytest.mark.parametrize(
    "identifier",
    [
        "customer@stamps.co.id",
        "CUSTOMER@stamps.co.id",
        "KR24000006",  # member ID
        "6",  # primary key
        "+6281210000006",
        "6281210000006",
        "081210000006",
    ],
)
def test_member_details_finds_a_member_by_any_identifier(api: httpx.Client, identifier: str):
    r = details(api, identifier)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["user"]["email"] == AYU
    assert body["user"]["id"] == "6"
    assert body["membership"]["stamps"] == 250
    assert body["membership"]["level_text"] == "Blue"
    assert body["user"]["member_ids"] == ["KR24000006"]
    assert body["membership"]["primary_card"]["number"] == "70140000000006"


def test_member_details_take_no_cards_number_and_the_suggestions_find_it(api: httpx.Client):
    # customer_api §1: user is "email, Member ID, mobile number or primary key ID"; the sandbox
    # also took Ayu's card's number (primary_card.number), so the till leaned on a lookup no
    # documents-only server makes
    refused = details(api, "70140000000006")
    assert refused.status_code == 400, refused.text
    assert refused.json()["errors"] == {"__all__": "User not found"}
    found = api.get(
        "/api/memberships/suggestions", params={"query": "70140000000006", "merchant": MERCHANT}
    ).json()["suggestions"]
    assert [s["id"] for s in found] == [6]


def test_member_details_flags(api: httpx.Client):
    ayu = details(api, AYU).json()
    assert ayu["membership"]["is_blocked"] is False
    assert ayu["membership"]["redemption_allowed"] is True
    assert ayu["user"]["protected_redemption"] is False
    assert ayu["user"]["pin_is_blocked"] is False

    assert details(api, HENDRA).json()["membership"]["is_blocked"] is True
    assert details(api, RINA).json()["membership"]["redemption_allowed"] is False
    budi = details(api, BUDI).json()
    assert budi["user"]["protected_redemption"] is True
    assert budi["user"]["has_pin"] is True
    assert details(api, SRI).json()["user"]["pin_is_blocked"] is True


def test_member_details_unknown_member_is_the_documented_400(api: httpx.Client):
    r = details(api, "nobody@contoh.co.id")
    assert_error(r, 400, "invalid_data", "__all__")
    assert r.json()["error_message"] == "User not found"


def test_member_details_missing_and_wrong_merchant(api: httpx.Client):
    r = api.get("/api/v2/memberships/details", params={"user": AYU})
    assert_error(r, 400, "invalid_data", "merchant")
    assert_error(details_for_merchant(api, 999), 400, "invalid_data", "merchant")


def details_for_merchant(api: httpx.Client, merchant: int) -> httpx.Response:
    return api.get("/api/v2/memberships/details", params={"user": AYU, "merchant": merchant})


@pytest.mark.parametrize(
    ("query", "email"),
    [("putri", PUTRI), ("0811100001", PUTRI), ("KR24000128", PUTRI), ("Ayu Prat", AYU)],
)
def test_suggestions(api: httpx.Client, query: str, email: str):
    r = api.get("/api/memberships/suggestions", params={"query": query, "merchant": MERCHANT})
    assert r.status_code == 200, r.text
    suggestions = r.json()["suggestions"]
    assert email in [s["email"] for s in suggestions]
    assert {"id", "name", "stamps", "email", "phone", "membership", "member_ids"} <= set(
        suggestions[0]
    )


def test_suggestions_nothing_found_and_missing_query(api: httpx.Client):
    r = api.get("/api/memberships/suggestions", params={"query": "zzzz", "merchant": MERCHANT})
    assert r.json() == {"suggestions": []}
    r = api.get("/api/memberships/suggestions", params={"merchant": MERCHANT})
    assert_error(r, 400, "invalid_data", "query")


def test_activities_pages_of_twenty_newest_first(api: httpx.Client):
    first = api.get("/api/v3/activities/", params={"user": PUTRI}).json()["activities"]
    assert len(first) == 20
    ids = [a["id"] for a in first]
    assert ids == sorted(ids, reverse=True)
    assert [a["created"] for a in first] == sorted((a["created"] for a in first), reverse=True)
    second = api.get("/api/v3/activities/", params={"user": PUTRI, "older_than": ids[-1]}).json()[
        "activities"
    ]
    assert second and all(a["id"] < ids[-1] for a in second)
    assert len(first) + len(second) == 24  # 22 purchases and 2 redemptions
    assert {a["type"] for a in first + second} == {0, 1}


def test_activities_without_slash_and_unknown_user(api: httpx.Client):
    r = api.get("/api/v3/activities", params={"user": AYU})
    assert r.status_code == 200
    assert_error(api.get("/api/v3/activities/", params={"user": "x@y.z"}), 400, None, "user")


def test_rewards_catalogue_with_redeemable_per_member(api: httpx.Client):
    params = {"merchant": MERCHANT, "store": KEMANG, "user": AYU}
    body = api.get("/api/rewards/", params=params).json()
    by_id = {r["id"]: r for r in body["rewards"]}
    assert by_id[1]["redeemable"] is True  # 20 stamps, Ayu has 250
    assert by_id[7]["redeemable"] is False  # Gold only
    assert by_id[12]["type"] == 5  # flexible
    assert by_id[12]["redeemable"] is True
    assert body["customer"] == {
        "id": 6,
        "stamps": 250,
        "stamps_remaining": 250,
        "membership_status": "Blue",
    }
    assert {v["id"] for v in body["vouchers"]} == {12, 20}
    assert body["vouchers"][0]["expires_on"].count("-") == 2  # DD-MM-YYYY HH:MM


def test_the_rewards_lists_vouchers_carry_the_keys_the_docs_show_and_no_kind(api: httpx.Client):
    # reward_api §1's vouchers: id, name, code, landscape_url, image_url, type ("promotion 1"),
    # expires_on, terms, quantity, constraint, extra_data. The sandbox wrote its vouchers'
    # validity as "type" ("dynamic") with a value and a template, which the till read as a
    # voucher's kind where a documents-only server says none.
    params = {"merchant": MERCHANT, "store": KEMANG, "user": AYU}
    vouchers = api.get("/api/rewards/", params=params).json()["vouchers"]
    shown = {"id", "name", "code", "landscape_url", "image_url", "type", "expires_on", "terms"}
    shown |= {"quantity", "constraint", "extra_data"}
    for voucher in vouchers:
        assert set(voucher) == shown
        assert voucher["type"].lower() not in ("dynamic", "fixed")

    blocked = api.get("/api/rewards/", params={**params, "user": HENDRA}).json()
    assert not any(r["redeemable"] for r in blocked["rewards"])


def test_rewards_store_only_filter_and_without_user(api: httpx.Client):
    body = api.get(
        "/api/rewards/",
        params={"merchant": MERCHANT, "store": BRAGA, "only_redeemable_in_this_store": "true"},
    ).json()
    ids = {r["id"] for r in body["rewards"]}
    assert 8 not in ids and 1 in ids  # the breakfast is Kemang's only
    assert "redeemable" not in body["rewards"][0]
    assert "customer" not in body


def test_rewards_missing_parameter_uses_the_list_shape(api: httpx.Client):
    r = api.get("/api/rewards/", params={"merchant": MERCHANT})
    assert r.status_code == 400
    assert r.json()["errors"] == [{"store": "This field is required"}]
    r = api.get("/api/rewards/", params={"merchant": MERCHANT, "store": 99})
    assert_error(r, 400, "invalid_data", "store")


def test_vouchers_by_merchant_group_lists_only_usable_ones(api: httpx.Client):
    vouchers = api.get("/api/vouchers/by-merchant-group", params={"user": PUTRI}).json()["vouchers"]
    assert [v["id"] for v in vouchers] == [21]  # 22 used, 23 and 26 expired
    v = vouchers[0]
    assert v["code"] == "DSK50-PUTRI-A"
    assert v["value"] == 50000
    assert v["template"]["id"] == 10
    ayu = api.get("/api/vouchers/by-merchant-group", params={"user": AYU}).json()["vouchers"]
    dynamic = next(v for v in ayu if v["id"] == 12)
    assert dynamic["value"] == 150000


def test_the_voucher_listing_carries_the_keys_the_docs_show_and_no_kind(api: httpx.Client):
    # voucher_api §3's listing: a voucher's template has no "validity" (only validation says
    # the kind, §2); the sandbox wrote it there, where a real server never will
    shown = {"id", "code", "is_active", "quantity", "value", "notes", "start_date", "end_date"}
    shown |= {"constraint", "template"}
    template = {"id", "name", "type", "short_description", "picture_url"}
    template |= {"landscape_picture_url", "merchant_id", "merchant_code", "extra_data"}
    for user in (AYU, PUTRI):
        vouchers = api.get("/api/vouchers/by-merchant-group", params={"user": user}).json()
        for voucher in vouchers["vouchers"]:
            assert set(voucher) == shown
            assert set(voucher["template"]) == template


def validate(api: httpx.Client, code: str, **extra: object) -> httpx.Response:
    params = {"voucher_code": code, "merchant": MERCHANT, "store": KEMANG, **extra}
    return api.get("/api/vouchers/validate", params=params)


def test_validate_voucher(api: httpx.Client):
    r = validate(api, "ABCD100k")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["is_redeemable"] is True
    assert body["voucher"]["id"] == 30  # the voucher's own id; the docs' answer has no template
    assert "template" not in body["voucher"]
    assert body["voucher"]["value"] == 100000
    assert validate(api, "abcd100K").status_code == 200  # codes are case-insensitive
    assert validate(api, "DSK50-PUTRI-A", user=PUTRI).json()["user"]["email"] == PUTRI


def test_validate_voucher_refusals(api: httpx.Client):
    assert_error(validate(api, "DSK50-PUTRI-A", user=AYU), 400, "invalid_voucher_owner", "user")
    assert_error(validate(api, "DSK50-PUTRI-B"), 400, "voucher_used", "voucher_code")
    assert_error(validate(api, "DSK50-PUTRI-C"), 400, "voucher_expired", "voucher_code")
    assert_error(validate(api, "RINDANG-100K-LAMA"), 400, "voucher_expired", "voucher_code")
    assert_error(validate(api, "NOPE"), 400, "invalid_data", "voucher_code")
    assert_error(validate(api, "ABCD100k", store=77), 400, "invalid_data", "store")


@pytest.mark.parametrize(
    ("code", "status"),
    [("PROMOCODE", 200), ("ngopipagi", 200), ("MERDEKA17", 400), ("LEBARANTIBA", 400), ("X", 400)],
)
def test_validate_promo_code(api: httpx.Client, code: str, status: int):
    r = api.get("/api/promo-codes/validate", params={"promo_code": code, "store": KEMANG})
    assert r.status_code == status, r.text
    if status == 200:
        assert r.json()["promo_code"]["code"].lower() == code.lower()
    else:
        assert_error(r, 400, "invalid_data", "promo_code")


def test_ping(api: httpx.Client):
    r = api.post("/api/ping")
    assert r.json() == {"pong": {"merchant": "Kopi Rindang", "merchant_id": 14}}


# --- the catalogue, page by page (reward_api.rst: per_page, last_reward_id, last_voucher_id) ----


def rewards_page(api: httpx.Client, **params: object) -> dict[str, Any]:
    answer = api.get("/api/rewards/", params={"merchant": MERCHANT, "store": KEMANG, **params})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_a_merchant_with_250_rewards_pages_them(api: httpx.Client, control: Control):
    control.reset(extra_rewards=239)  # the demo's 11, and 239 more
    seen: list[int] = []
    after: dict[str, object] = {}
    while True:
        page = rewards_page(api, per_page=100, **after)
        ids = [r["id"] for r in page["rewards"]]
        assert ids == sorted(ids) and len(ids) <= 100
        seen += ids
        if len(ids) < 100:
            break
        after = {"last_reward_id": ids[-1]}
    assert len(seen) == len(set(seen)) == 250
    # without per_page, one page of the default size: a client that reads one page misses some
    assert len(rewards_page(api)["rewards"]) == 50
    assert len(rewards_page(api, per_page=1000)["rewards"]) == 100  # capped


def test_vouchers_beside_the_rewards_page_on_their_own(api: httpx.Client):
    page = rewards_page(api, user=AYU, per_page=1)
    assert [v["id"] for v in page["vouchers"]] == [12]
    page = rewards_page(api, user=AYU, per_page=1, last_voucher_id=12, last_reward_id=1)
    assert [v["id"] for v in page["vouchers"]] == [20]
    assert [r["id"] for r in page["rewards"]] == [2]
