"""The sandbox refuses what the docs refuse, each lenient input it once accepted: a primary key or
a phone where the docs take an email or Member ID, a Member ID where they take an email or phone,
a reward code where an id is asked for (and an id where a cart needs a code), a voucher template
other than the two architecture §1 allows."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import AYU, BUDI_PIN, BUDI_PK, KEMANG, MERCHANT, SLAMET_PHONE, Control, assert_error

pytestmark = pytest.mark.integration

AYU_PK, AYU_MEMBER_ID, AYU_PHONE, AYU_CARD = "6", "KR24000006", "081210000006", "70140000000006"

REDEMPTIONS: dict[str, dict[str, Any]] = {
    "/api/v2/redemptions/redeem-reward": {"reward": 4, "store": KEMANG},
    "/api/v2/redemptions/redeem-voucher": {"voucher": 20, "store": KEMANG},
    "/api/vouchers/deduct-value": {"voucher": 12, "store": KEMANG, "value": 1000},
    "/api/v3/redemptions/redeem-promo-code": {
        "promo_code": "PROMOCODE",
        "store": KEMANG,
        "invoice_number": "KMG-9",
    },
    "/api/v2/redemptions/redeem-multiple-rewards": {"rewards": [{"code": "KR-004", "qty": 1}]},
}


# --- "email or Member ID": the redemptions, the rewards, the member's vouchers ------------------


@pytest.mark.parametrize("path", sorted(REDEMPTIONS))
@pytest.mark.parametrize("user", [AYU_PK, AYU_PHONE])
def test_redemptions_refuse_a_primary_key_or_a_phone(
    api: httpx.Client, control: Control, path: str, user: str
):
    r = api.post(path, json={"user": user, "store": KEMANG, **REDEMPTIONS[path]})
    assert_error(r, 400, None, "user")
    assert control.ledger() == []


@pytest.mark.parametrize("path", sorted(REDEMPTIONS))
@pytest.mark.parametrize("user", [AYU, AYU_MEMBER_ID])
def test_redemptions_take_an_email_or_a_member_id(api: httpx.Client, path: str, user: str):
    r = api.post(path, json={"user": user, "store": KEMANG, **REDEMPTIONS[path]})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("path", sorted(REDEMPTIONS))
def test_redemptions_take_no_cards_number(api: httpx.Client, path: str):
    # "A string indicating customer's email or Member ID": a card's number is neither
    r = api.post(path, json={"user": AYU_CARD, "store": KEMANG, **REDEMPTIONS[path]})
    assert r.status_code == 400, r.text


@pytest.mark.parametrize("user", [AYU_PK, AYU_PHONE])
def test_rewards_and_vouchers_refuse_a_primary_key_or_a_phone(api: httpx.Client, user: str):
    r = api.get("/api/rewards/", params={"merchant": MERCHANT, "store": KEMANG, "user": user})
    assert r.status_code == 400, r.text
    assert_error(
        api.get("/api/vouchers/by-merchant-group", params={"user": user}), 400, None, "user"
    )


# --- "email or phone": redeeming by voucher code, the activity feed -------------------------------


@pytest.mark.parametrize("field", ["identifier", "user"])  # the table, and the seed's curl
@pytest.mark.parametrize("who", [AYU_PK, AYU_MEMBER_ID])
def test_by_voucher_code_refuses_a_primary_key_or_a_member_id(
    api: httpx.Client, control: Control, field: str, who: str
):
    body = {field: who, "voucher_code": "ABCD100k", "voucher_template": 12, "store": KEMANG}
    assert_error(api.post("/api/redemptions/by-voucher-code", json=body), 400, None, field)
    assert control.ledger() == []


@pytest.mark.parametrize("who", [AYU, AYU_PHONE, SLAMET_PHONE])
def test_by_voucher_code_takes_an_email_or_a_phone(api: httpx.Client, who: str):
    body = {"identifier": who, "voucher_code": "ABCD100k", "voucher_template": 12, "store": KEMANG}
    r = api.post("/api/redemptions/by-voucher-code", json=body)
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("user", [AYU_PK, AYU_MEMBER_ID])
def test_the_activity_feed_refuses_a_primary_key_or_a_member_id(api: httpx.Client, user: str):
    assert_error(api.get("/api/v3/activities/", params={"user": user}), 400, None, "user")
    assert api.get("/api/v3/activities/", params={"user": AYU_PHONE}).status_code == 200


# --- anything: member details and PIN authorisation -----------------------------------------------


def test_details_and_authorize_still_take_a_primary_key(api: httpx.Client):
    r = api.get("/api/v2/memberships/details", params={"user": AYU_PK, "merchant": MERCHANT})
    assert r.status_code == 200, r.text
    body = {"user": BUDI_PK, "pin": BUDI_PIN, "request_id": "strict-1", "timeout": 60}
    assert api.post("/api/redemptions/authorize", json=body).status_code == 200


def test_a_member_with_only_a_phone_is_found_by_it(api: httpx.Client):
    r = api.get("/api/v2/memberships/details", params={"user": SLAMET_PHONE, "merchant": MERCHANT})
    assert r.status_code == 200, r.text
    user = r.json()["user"]
    assert user["email"] is None and user["member_ids"] == []


# --- rewards by id, carts by code ----------------------------------------------------------------


def test_a_reward_code_is_not_a_reward_id(api: httpx.Client, control: Control):
    body = {"user": AYU, "reward": "KR-001", "store": KEMANG}
    assert_error(api.post("/api/v2/redemptions/redeem-reward", json=body), 400, None, "reward")
    assert control.ledger() == []


@pytest.mark.parametrize("code", [4, "4"])
def test_a_reward_id_is_not_a_cart_code(api: httpx.Client, control: Control, code: object):
    body = {"user": AYU, "store": KEMANG, "rewards": [{"code": code, "qty": 1}]}
    r = api.post("/api/v2/redemptions/redeem-multiple-rewards", json=body)
    assert_error(r, 400, None, "rewards[0]")
    assert control.ledger() == []


def test_a_reward_without_a_code_cannot_go_in_a_cart(api: httpx.Client):
    listed = api.get("/api/rewards/", params={"merchant": MERCHANT, "store": KEMANG}).json()
    codeless = [r for r in listed["rewards"] if r["code"] is None]
    assert codeless, "the demo has a reward without a code"
    reward = codeless[0]
    body = {"user": AYU, "store": KEMANG, "rewards": [{"code": str(reward["id"]), "qty": 1}]}
    r = api.post("/api/v2/redemptions/redeem-multiple-rewards", json=body)
    assert_error(r, 400, None, "rewards[0]")
    # on its own, by id, it redeems
    single = {"user": AYU, "reward": reward["id"], "store": KEMANG}
    assert api.post("/api/v2/redemptions/redeem-reward", json=single).status_code == 200


# --- voucher_template: the template of the code, or the id validation answers -------------------


def test_by_voucher_code_takes_exactly_two_templates(api: httpx.Client, control: Control):
    validated = api.get(
        "/api/vouchers/validate",
        params={"voucher_code": "ABCD100k", "merchant": MERCHANT, "store": KEMANG},
    ).json()["voucher"]
    assert "template" not in validated  # the docs' validate answer carries no template
    body = {"identifier": AYU, "voucher_code": "ABCD100k", "store": KEMANG}
    for other in (10, 14, 31, 9999):
        r = api.post("/api/redemptions/by-voucher-code", json={**body, "voucher_template": other})
        assert_error(r, 400, None, "voucher_template")
    assert control.ledger() == []
    r = api.post(
        "/api/redemptions/by-voucher-code", json={**body, "voucher_template": validated["id"]}
    )
    assert r.status_code == 200, r.text
