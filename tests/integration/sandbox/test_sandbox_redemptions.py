"""The redemption rules: balances, vouchers, promo codes, carts, cancels, refusals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import (
    AGUS,
    AYU,
    BRAGA,
    FAJAR,
    HENDRA,
    KEMANG,
    PUTRI,
    RINA,
    Control,
    assert_error,
    stamps_of,
    voucher_codes,
)

pytestmark = pytest.mark.integration

REWARD = "/api/v2/redemptions/redeem-reward"
VOUCHER = "/api/v2/redemptions/redeem-voucher"
DEDUCT = "/api/vouchers/deduct-value"
BY_CODE = "/api/redemptions/by-voucher-code"
PROMO = "/api/v3/redemptions/redeem-promo-code"
MULTI = "/api/v2/redemptions/redeem-multiple-rewards"
CANCEL = "/api/redemptions/cancel"


def post(api: httpx.Client, path: str, **body: Any) -> httpx.Response:
    return api.post(path, json=body)


def voucher_value(api: httpx.Client, user: str, voucher_id: int) -> int | None:
    r = api.get("/api/vouchers/by-merchant-group", params={"user": user})
    for v in r.json()["vouchers"]:
        if v["id"] == voucher_id:
            return int(v["value"])
    return None


# --- rewards -----------------------------------------------------------------------------


def test_redeem_reward_moves_the_balance_and_writes_the_feed(api: httpx.Client, control: Control):
    r = post(api, REWARD, user=AYU, reward=1, store=KEMANG, qty=2, invoice_number="KMG-1")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["reward"] == "Es Kopi Susu Gula Aren"
    assert body["redemption"]["stamps_used"] == 40
    assert body["membership"]["stamps"] == 210
    assert body["reward"]["code"] == "KR-001"
    assert "voucher" not in body
    assert stamps_of(api, AYU) == 210
    latest = api.get("/api/v3/activities/", params={"user": AYU}).json()["activities"][0]
    assert latest["type"] == 1
    assert latest["redemption"] == {
        "stamps": 40,
        "name": "Es Kopi Susu Gula Aren",
        "status": 1,
        "channel": "POS",
    }
    assert latest["store"]["display_name"] == "Kopi Rindang Kemang"
    [entry] = control.ledger()
    assert entry["kind"] == "redeem_reward"
    assert entry["stamps_delta"] == -40
    assert entry["redemption_id"] == body["redemption"]["id"]


def test_redeem_reward_by_member_id_and_channel(api: httpx.Client):
    r = post(api, REWARD, user="KR24000006", reward=2, store=BRAGA, channel=3)
    assert r.status_code == 200, r.text
    feed = api.get("/api/v3/activities/", params={"user": AYU}).json()["activities"]
    assert feed[0]["redemption"]["channel"] == "Kiosk"


def test_flexible_reward_costs_the_stamps_given(api: httpx.Client):
    r = post(api, REWARD, user=AYU, reward=12, store=KEMANG, stamps=35)
    assert r.status_code == 200, r.text
    assert r.json()["redemption"]["stamps_used"] == 35
    assert stamps_of(api, AYU) == 215
    assert_error(
        post(api, REWARD, user=AYU, reward=12, store=KEMANG), 400, "invalid_data", "stamps"
    )
    assert_error(
        post(api, REWARD, user=AYU, reward=12, store=KEMANG, stamps=5),
        400,
        "invalid_data",
        "stamps",
    )


def test_voucher_reward_issues_a_voucher(api: httpx.Client):
    r = post(api, REWARD, user=AYU, reward=6, store=KEMANG)
    assert r.status_code == 200, r.text
    voucher = r.json()["voucher"]
    assert voucher["value"] == 25000
    assert voucher["code"] in voucher_codes(api, AYU)


def test_insufficient_stamps(api: httpx.Client, control: Control):
    r = post(api, REWARD, user=AGUS, reward=1, store=KEMANG)
    assert_error(r, 400, "insufficient_stamps", "stamps")
    r = post(api, REWARD, user=AYU, reward=1, store=KEMANG, qty=13)  # 260 > 250
    assert_error(r, 400, "insufficient_stamps", "stamps")
    assert stamps_of(api, AYU) == 250
    assert control.ledger() == []


def test_reward_level_and_store_restrictions(api: httpx.Client):
    assert_error(post(api, REWARD, user=AYU, reward=7, store=KEMANG), 400, "invalid_data", "reward")
    assert post(api, REWARD, user=PUTRI, reward=7, store=KEMANG).status_code == 200
    assert_error(
        post(api, REWARD, user=PUTRI, reward=8, store=BRAGA), 400, "invalid_data", "reward"
    )
    assert post(api, REWARD, user=PUTRI, reward=8, store=KEMANG).status_code == 200


def test_unknown_member_store_reward_and_missing_fields(api: httpx.Client):
    assert_error(
        post(api, REWARD, user="ghost@contoh.co.id", reward=1, store=KEMANG),
        400,
        "user_not_found",
        "user",
    )
    assert_error(post(api, REWARD, user=AYU, reward=1, store=99), 400, "invalid_data", "store")
    assert_error(post(api, REWARD, user=AYU, reward=999, store=KEMANG), 400, None, "reward")
    r = post(api, REWARD, user=AYU)
    assert_error(r, 400, "invalid_data", "reward")
    assert "store" in r.json()["errors"]
    assert_error(post(api, REWARD, user=AYU, reward=1, store="x"), 400, None, "store")


def test_blocked_and_not_allowed_members_are_refused(api: httpx.Client, control: Control):
    assert_error(
        post(api, REWARD, user=HENDRA, reward=1, store=KEMANG), 400, "member_blocked", "user"
    )
    r = post(api, REWARD, user=RINA, reward=1, store=KEMANG)
    assert_error(r, 400, "redemption_not_allowed", "user")
    assert control.ledger() == []


def test_a_member_the_server_gives_no_balance_is_refused_stamps_in_words_not_a_500(
    api: httpx.Client, control: Control
):
    # ``"stamps": null`` (the till reads it since migration 0012): a reward paid in stamps was a
    # TypeError, answered 500, so the till said "not confirmed" of what the server refused.
    control.reset(stamps_unknown=[128])  # Putri
    details = api.get("/api/v2/memberships/details", params={"user": PUTRI, "merchant": 14})
    assert details.json()["membership"]["stamps"] is None
    refused = post(api, REWARD, user=PUTRI, reward=1, store=KEMANG)
    assert_error(refused, 400, "insufficient_stamps", "stamps")
    assert refused.json()["errors"]["stamps"] == (
        "This member's stamp balance is not available: 20 stamps cannot be redeemed"
    )
    cart = post(api, MULTI, user=PUTRI, store=KEMANG, rewards=[{"code": "KR-001", "qty": 1}])
    assert_error(cart, 400, "insufficient_stamps", "stamps")
    # a voucher costs no stamps: it goes through, and cancelling it leaves the balance unknown
    used = post(api, VOUCHER, user=PUTRI, voucher=21, store=KEMANG)
    assert used.status_code == 200, used.text
    assert used.json()["membership"]["stamps"] is None
    cancelled = post(api, CANCEL, id=used.json()["redemption"]["id"])
    assert cancelled.status_code == 200, cancelled.text
    assert [e["kind"] for e in control.ledger()] == ["redeem_voucher", "cancel"]


def test_a_reset_refuses_a_member_it_does_not_have_to_give_no_balance(control: Control):
    answer = control.client.post("/_sandbox/reset", json={"stamps_unknown": [999_999]})
    assert answer.status_code == 400 and "no member 999999" in answer.json()["detail"]


# --- vouchers ----------------------------------------------------------------------------


def test_redeem_voucher_uses_it_up(api: httpx.Client):
    r = post(api, VOUCHER, user=PUTRI, voucher=21, store=KEMANG, invoice_number="KMG-2")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["voucher"]["code"] == "DSK50-PUTRI-A"
    assert body["redemption"]["stamps_used"] == 0
    assert body["membership"]["stamps"] == 520
    assert "DSK50-PUTRI-A" not in voucher_codes(api, PUTRI)
    again = post(api, VOUCHER, user=PUTRI, voucher=21, store=KEMANG)
    assert_error(again, 400, "voucher_used", "voucher")


def test_redeem_voucher_refusals(api: httpx.Client):
    assert_error(
        post(api, VOUCHER, user=PUTRI, voucher=22, store=KEMANG), 400, "voucher_used", None
    )
    r = post(api, VOUCHER, user=PUTRI, voucher=23, store=KEMANG)
    assert_error(r, 400, "voucher_expired", "voucher")
    r = post(api, VOUCHER, user=AYU, voucher=21, store=KEMANG)
    assert_error(r, 400, "invalid_voucher_owner", "user")
    assert_error(post(api, VOUCHER, user=AYU, voucher=999, store=KEMANG), 400, None, "voucher")


def test_deduct_value_from_a_dynamic_voucher(api: httpx.Client, control: Control):
    r = post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=25000)
    assert r.status_code == 200, r.text
    assert r.json()["voucher"]["value"] == 50000
    assert voucher_value(api, FAJAR, 25) == 50000
    r = post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=50001)
    assert_error(r, 400, "invalid_data", "value")
    assert post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=50000).status_code == 200
    assert voucher_value(api, FAJAR, 25) is None  # used up
    r = post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=1)
    assert_error(r, 400, "voucher_used", "voucher")
    assert [e["value_delta"] for e in control.ledger()] == [-25000, -50000]


def test_deduct_value_refusals(api: httpx.Client):
    r = post(api, DEDUCT, user=PUTRI, voucher=21, store=KEMANG, value=1000)  # fixed voucher
    assert_error(r, 400, "invalid_data", "voucher")
    r = post(api, DEDUCT, user=AYU, voucher=25, store=KEMANG, value=1000)
    assert_error(r, 400, "invalid_voucher_owner", "user")
    r = post(api, DEDUCT, user=PUTRI, voucher=26, store=KEMANG, value=1000)
    assert_error(r, 400, "voucher_expired", "voucher")
    assert_error(post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG), 400, None, "value")
    r = post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=0)
    assert_error(r, 400, "invalid_data", "value")


def test_redeem_by_voucher_code(api: httpx.Client):
    r = post(
        api, BY_CODE, identifier=PUTRI, voucher_code="RINDANG-100K-7H2K", voucher_template=12,
        store=KEMANG,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["status"] == "Created"
    assert body["customer"] == {"id": 128, "status": "Gold", "stamps_remaining": 520}
    again = post(
        api, BY_CODE, identifier=AYU, voucher_code="RINDANG-100K-7H2K", voucher_template=12,
        store=KEMANG,
    )  # fmt: skip
    assert again.status_code == 400  # now Putri's and used


def test_redeem_by_voucher_code_accepts_user_and_the_voucher_id(api: httpx.Client):
    r = post(api, BY_CODE, user=AYU, voucher_code="ABCD100k", voucher_template=30, store=KEMANG)
    assert r.status_code == 200, r.text


def test_redeem_by_voucher_code_own_voucher_and_refusals(api: httpx.Client):
    ok = post(api, BY_CODE, identifier=PUTRI, voucher_code="DSK50-PUTRI-A", voucher_template=10,
              store=KEMANG)  # fmt: skip
    assert ok.status_code == 200, ok.text
    cases = [
        ({"identifier": AYU, "voucher_code": "SALDO-FAJAR-75K", "voucher_template": 11},
         "invalid_voucher_owner", "identifier"),
        ({"identifier": AYU, "voucher_code": "RINDANG-100K-PAKAI", "voucher_template": 12},
         "voucher_used", "voucher_code"),
        ({"identifier": AYU, "voucher_code": "RINDANG-100K-LAMA", "voucher_template": 12},
         "voucher_expired", "voucher_code"),
        ({"identifier": AYU, "voucher_code": "ABCD100k", "voucher_template": 11},
         "invalid_data", "voucher_template"),
        ({"identifier": AYU, "voucher_code": "NOPE", "voucher_template": 12},
         "invalid_data", "voucher_code"),
        ({"identifier": HENDRA, "voucher_code": "ABCD100k", "voucher_template": 12},
         "member_blocked", "user"),
    ]  # fmt: skip
    for body, code, field in cases:
        assert_error(api.post(BY_CODE, json={**body, "store": KEMANG}), 400, code, field)
    assert_error(post(api, BY_CODE, voucher_code="ABCD100k", store=KEMANG), 400, None, "identifier")


def test_redeem_promo_code(api: httpx.Client, control: Control):
    r = post(api, PROMO, user=AYU, promo_code="PROMOCODE", store=KEMANG, invoice_number="KMG-9")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["user"]["email"] == AYU
    assert body["membership"]["level"] == 100
    assert body["redemption"]["stamps_used"] == 0
    assert control.ledger()[0]["kind"] == "redeem_promo_code"


def test_redeem_promo_code_refusals(api: httpx.Client):
    r = post(api, PROMO, user=AYU, promo_code="PROMOCODE", store=KEMANG)
    assert_error(r, 400, "invalid_data", "invoice_number")
    r = post(api, PROMO, user=AYU, promo_code="MERDEKA17", store=KEMANG, invoice_number="1")
    assert_error(r, 400, "invalid_data", "promo_code")
    r = post(api, PROMO, user=AYU, promo_code="NOPE", store=KEMANG, invoice_number="1")
    assert_error(r, 400, "invalid_data", "promo_code")
    r = post(api, PROMO, user=AYU, promo_code="PROMOCODE", store=1, invoice_number="1")
    assert_error(r, 400, "invalid_data", "store")


# --- carts -------------------------------------------------------------------------------


def test_multiple_rewards_is_one_redemption(api: httpx.Client, control: Control):
    items = [
        {"code": "KR-001", "qty": 2},
        {"code": "kr-002", "qty": 1},  # codes are case-insensitive
        {"code": "KR-FLEX", "qty": 1, "stamps": 30},
    ]
    r = post(api, MULTI, user=AYU, store=KEMANG, rewards=items, invoice_number="KMG-7")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["redemption"]["stamps_used"] == 2 * 20 + 15 + 30
    assert body["membership"]["stamps"] == 250 - 85
    assert stamps_of(api, AYU) == 165
    [entry] = control.ledger()
    assert entry["kind"] == "redeem_multiple_rewards" and entry["stamps_delta"] == -85
    feed = api.get("/api/v3/activities/", params={"user": AYU}).json()["activities"]
    assert feed[0]["redemption"]["stamps"] == 85


REWARD_KEYS = {"id", "name", "stamps_to_redeem", "extra_data", "code", "type"}


def test_a_cart_answers_in_the_documented_shape(api: httpx.Client):
    # redemption_api.rst §8: the redemption holds the reward (an object) and, for a voucher-type
    # reward, the voucher; the example's "reward" name is overwritten by the object in any reader
    items = [{"code": "KR-006", "qty": 1}, {"code": "KR-001", "qty": 1}]
    body = post(api, MULTI, user=AYU, store=KEMANG, rewards=items).json()
    redemption = body["redemption"]
    assert set(redemption) == {"id", "reward", "stamps_used", "extra_data", "voucher"}
    assert set(redemption["reward"]) == REWARD_KEYS
    assert redemption["reward"]["code"] == "KR-006"
    assert redemption["reward"]["type"] == "reward"  # the example's word, not the list's number
    assert redemption["voucher"]["code"].startswith("RDG-")
    plain = post(api, MULTI, user=AYU, store=KEMANG, rewards=[{"code": "KR-004"}]).json()
    assert set(plain["redemption"]) == {"id", "reward", "stamps_used", "extra_data"}


def test_a_reward_answer_types_its_reward_as_the_example_does(api: httpx.Client):
    body = post(api, REWARD, user=AYU, reward=1, store=KEMANG).json()
    assert set(body["reward"]) == REWARD_KEYS
    assert body["reward"]["type"] == "reward"
    listed = api.get("/api/rewards/", params={"merchant": 14, "store": KEMANG}).json()
    assert {r["type"] for r in listed["rewards"]} <= {1, 3, 4, 5}  # the list's numbers


def test_a_cart_item_without_qty_is_one(api: httpx.Client):
    # the parameter table's items are "request_id, code, and stamps"; qty is the example's
    r = post(api, MULTI, user=AYU, store=KEMANG, rewards=[{"code": "KR-004"}])
    assert r.status_code == 200, r.text
    assert r.json()["redemption"]["stamps_used"] == 12


def test_multiple_rewards_all_or_nothing(api: httpx.Client, control: Control):
    items = [{"code": "KR-001", "qty": 1}, {"code": "NOPE", "qty": 1}]
    assert_error(post(api, MULTI, user=AYU, store=KEMANG, rewards=items), 400, None, "rewards[1]")
    too_much = [{"code": "KR-001", "qty": 10}, {"code": "KR-003", "qty": 3}]  # 200 + 75 > 250
    r = post(api, MULTI, user=AYU, store=KEMANG, rewards=too_much)
    assert_error(r, 400, "insufficient_stamps", None)
    flex = [{"code": "KR-FLEX", "qty": 1}]
    assert_error(post(api, MULTI, user=AYU, store=KEMANG, rewards=flex), 400, None, "stamps")
    assert_error(post(api, MULTI, user=AYU, store=KEMANG, rewards="x"), 400, None, "rewards")
    assert stamps_of(api, AYU) == 250
    assert control.ledger() == []


# --- cancel ------------------------------------------------------------------------------


def test_cancel_refunds_and_shows_in_the_feed(api: httpx.Client, control: Control):
    rid = post(api, REWARD, user=AYU, reward=3, store=KEMANG).json()["redemption"]["id"]
    assert stamps_of(api, AYU) == 225
    r = post(api, CANCEL, id=rid)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "redemption": {"id": rid, "status": "Canceled"},
        "customer": {"id": 6, "status": "Blue", "stamps_remaining": 250},
    }
    assert stamps_of(api, AYU) == 250
    feed = api.get("/api/v3/activities/", params={"user": AYU}).json()["activities"]
    redemption_line = next(a for a in feed if a["type"] == 1)
    assert redemption_line["redemption"]["status"] == 2
    refund = feed[0]
    assert refund["type"] == 16 and str(rid) in refund["notes"]
    # activity_api.rst shows type 16 ("Refund Stamps") with a transaction_modification
    assert "refund" not in refund
    change = refund["transaction_modification"]
    assert set(change) == {
        "root_transaction",
        "original_transaction",
        "modified_transaction",
        "stamps_delta",
        "stamps_delta_override",
        "stamps_refund_from_payments",
        "total_stamps_delta",
        "subtotal_delta",
        "grand_total_delta",
        "invoice_number",
        "channel",
    }
    assert change["original_transaction"]["id"] == rid
    assert change["modified_transaction"] is None
    assert change["total_stamps_delta"] == 25
    assert refund["store"]["name"] == "RDG-KMG"
    assert [(e["kind"], e["stamps_delta"]) for e in control.ledger()] == [
        ("redeem_reward", -25),
        ("cancel", 25),
    ]
    assert_error(post(api, CANCEL, id=rid), 400, "invalid_data", "id")


def test_a_reset_never_hands_out_an_id_again(api: httpx.Client, control: Control):
    """A till keeps the ids of what it redeemed before the demo's "Reset the shop": cancelling
    one of those after the reset must not cancel another customer's redemption."""
    before = post(api, REWARD, user=AYU, reward=6, store=KEMANG).json()
    control.reset(ids_carry_on=True)  # as the demo's "Reset the shop" asks
    after = post(api, REWARD, user=AYU, reward=6, store=KEMANG).json()
    assert after["redemption"]["id"] > before["redemption"]["id"]
    assert after["voucher"]["id"] > before["voucher"]["id"]
    assert post(api, CANCEL, id=before["redemption"]["id"]).status_code == 404
    assert stamps_of(api, AYU) == 250 - after["redemption"]["stamps_used"]


def test_a_test_s_reset_starts_the_ids_again(api: httpx.Client, control: Control):
    """Each test's till starts afresh with the sandbox, so each reads the same ids."""
    first = post(api, REWARD, user=AYU, reward=3, store=KEMANG).json()["redemption"]["id"]
    control.reset()
    assert post(api, REWARD, user=AYU, reward=3, store=KEMANG).json()["redemption"]["id"] == first


def test_cancel_unknown_redemption_is_404(api: httpx.Client):
    r = post(api, CANCEL, id=987654)
    assert r.status_code == 404
    assert "detail" in r.json()
    assert_error(post(api, CANCEL), 400, "invalid_data", "id")


def test_cancel_voucher_redemption_gives_the_voucher_back(api: httpx.Client):
    rid = post(api, VOUCHER, user=PUTRI, voucher=21, store=KEMANG).json()["redemption"]["id"]
    assert "DSK50-PUTRI-A" not in voucher_codes(api, PUTRI)
    assert post(api, CANCEL, id=rid).status_code == 200
    assert "DSK50-PUTRI-A" in voucher_codes(api, PUTRI)


def test_cancel_with_replacement_voucher(api: httpx.Client):
    rid = post(api, VOUCHER, user=PUTRI, voucher=21, store=KEMANG).json()["redemption"]["id"]
    r = post(api, CANCEL, id=rid, create_replacement_voucher=True)
    assert r.status_code == 200, r.text
    replacement = r.json()["voucher"]
    assert replacement["value"] == 50000 and replacement["template"] == 10
    codes = voucher_codes(api, PUTRI)
    assert replacement["code"] in codes
    assert "DSK50-PUTRI-A" not in codes  # the original stays used


def test_cancel_deduct_restores_the_value(api: httpx.Client):
    rid = post(api, DEDUCT, user=FAJAR, voucher=25, store=KEMANG, value=30000).json()
    assert voucher_value(api, FAJAR, 25) == 45000
    assert post(api, CANCEL, id=rid["redemption"]["id"]).status_code == 200
    assert voucher_value(api, FAJAR, 25) == 75000


def test_cancel_a_cart_cancels_all_of_it(api: httpx.Client):
    items = [{"code": "KR-001", "qty": 1}, {"code": "KR-006", "qty": 1}]
    body = post(api, MULTI, user=AYU, store=KEMANG, rewards=items).json()
    issued = body["redemption"]["voucher"]["code"]
    assert stamps_of(api, AYU) == 180
    assert post(api, CANCEL, id=body["redemption"]["id"]).status_code == 200
    assert stamps_of(api, AYU) == 250
    assert issued not in voucher_codes(api, AYU)  # the voucher it gave is taken back


def test_cancel_the_seeded_redemption(api: httpx.Client):
    r = post(api, CANCEL, id=1)
    assert r.status_code == 200
    assert r.json()["customer"]["stamps_remaining"] == 270
