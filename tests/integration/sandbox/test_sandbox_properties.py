"""Properties over random sequences of redemptions and cancels: balances always agree with the
ledger, and cancelling everything gives every stamp back."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import KEMANG, MERCHANT

pytestmark = pytest.mark.integration

MEMBERS = {6: 250, 128: 520, 129: 45, 133: 12}
# redemptions take an email or Member ID, never the primary key
EMAILS = {
    6: "customer@stamps.co.id",
    128: "putri.maharani@contoh.co.id",
    129: "fajar.nugroho@contoh.co.id",
    133: "yoga.pratama@contoh.co.id",
}
step = st.one_of(
    st.tuples(
        st.just("reward"),
        st.sampled_from(sorted(MEMBERS)),
        st.sampled_from([1, 2, 3, 4, 5]),
        st.integers(1, 4),
    ),
    st.tuples(st.just("flex"), st.sampled_from(sorted(MEMBERS)), st.integers(10, 60)),
    st.tuples(st.just("cart"), st.sampled_from(sorted(MEMBERS)), st.integers(1, 3)),
    st.tuples(st.just("cancel"), st.integers(0, 30)),
)


def balance(api: httpx.Client, member: int) -> int:
    params = {"user": member, "merchant": MERCHANT}
    return int(api.get("/api/v2/memberships/details", params=params).json()["membership"]["stamps"])


def apply(api: httpx.Client, action: tuple[Any, ...], made: list[int]) -> None:
    kind = action[0]
    if kind == "reward":
        _, member, reward, qty = action
        body = {"user": EMAILS[member], "reward": reward, "store": KEMANG, "qty": qty}
        r = api.post("/api/v2/redemptions/redeem-reward", json=body)
    elif kind == "flex":
        _, member, stamps = action
        body = {"user": EMAILS[member], "reward": 12, "store": KEMANG, "stamps": stamps}
        r = api.post("/api/v2/redemptions/redeem-reward", json=body)
    elif kind == "cart":
        _, member, qty = action
        items = [{"code": "KR-001", "qty": qty}, {"code": "KR-004"}]
        body = {"user": EMAILS[member], "store": KEMANG, "rewards": items}
        r = api.post("/api/v2/redemptions/redeem-multiple-rewards", json=body)
    else:
        if not made:
            return
        r = api.post("/api/redemptions/cancel", json={"id": made[action[1] % len(made)]})
        assert r.status_code in (200, 400), r.text
        return
    assert r.status_code in (200, 400), r.text
    if r.status_code == 200:
        made.append(r.json()["redemption"]["id"])
    else:
        assert r.json()["error_code"] == "insufficient_stamps", r.text


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(actions=st.lists(step, max_size=12))
def test_balances_follow_the_ledger(
    session_api: httpx.Client, session_control: httpx.Client, actions: list[tuple[Any, ...]]
):
    session_control.post("/_sandbox/reset").raise_for_status()
    made: list[int] = []
    for action in actions:
        apply(session_api, action, made)
    ledger = session_control.get("/_sandbox/ledger").json()["entries"]
    for member, start in MEMBERS.items():
        delta = sum(e["stamps_delta"] for e in ledger if e["member"] == member)
        now = balance(session_api, member)
        assert now == start + delta
        assert now >= 0
    for rid in made:  # cancel whatever is still standing: everyone is whole again
        session_api.post("/api/redemptions/cancel", json={"id": rid})
    for member, start in MEMBERS.items():
        assert balance(session_api, member) == start
