"""``extra_members``: generated members with plenty of stamps, for load tests and benchmarks."""

from __future__ import annotations

import httpx
import pytest

from app.sandbox import SandboxServer
from app.sandbox.cli import main
from app.sandbox.data import EXTRA_MEMBER_STAMPS, build_world, extra_member_email

pytestmark = pytest.mark.integration


def test_build_world_adds_distinct_members_and_keeps_the_demo_ones():
    plain = build_world(0.0)
    world = build_world(0.0, extra_members=3)
    assert len(world.members) == len(plain.members) + 3
    added = [m for pk, m in world.members.items() if pk not in plain.members]
    assert [m.email for m in added] == [extra_member_email(n) for n in (1, 2, 3)]
    assert all(m.stamps == EXTRA_MEMBER_STAMPS for m in added)
    assert len({m.phone for m in world.members.values()}) == len(world.members)


def test_a_generated_member_redeems_and_survives_a_reset():
    with SandboxServer(extra_members=2) as server, httpx.Client(base_url=server.url) as http:
        auth = {"Authorization": f"Token {server.token}"}
        body = {"user": extra_member_email(2), "store": 32, "channel": 2, "reward": 5, "qty": 1}
        redeemed = http.post("/api/v2/redemptions/redeem-reward", json=body, headers=auth)
        assert redeemed.status_code == 200
        assert redeemed.json()["membership"]["stamps"] == EXTRA_MEMBER_STAMPS - 5
        http.post("/_sandbox/reset").raise_for_status()
        details = http.get(
            "/api/v2/memberships/details",
            params={"user": extra_member_email(2), "merchant": server.merchant_id},
            headers=auth,
        )
        assert details.json()["membership"]["stamps"] == EXTRA_MEMBER_STAMPS


def test_main_rejects_a_negative_count(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exited:
        main(["--extra-members", "-1"])
    assert exited.value.code == 2
    assert "argument --extra-members: expected a count" in capsys.readouterr().err
