"""Names and helpers shared by the sandbox tests (a plain module, so tests can import it)."""

from __future__ import annotations

from typing import Any

import httpx

MERCHANT = 14
KEMANG, BRAGA = 32, 33
AYU = "customer@stamps.co.id"  # member 6, 250 stamps, vouchers 12 (dynamic) and 20
BUDI = "budi.santoso@contoh.co.id"  # PIN-protected, PIN 123456
BUDI_PK = 123  # his primary key: what authorize and member details also take
BUDI_PIN = "123456"
HENDRA = "hendra.gunawan@contoh.co.id"  # blocked
RINA = "rina.wulandari@contoh.co.id"  # redemption_allowed false
AGUS = "agus.setiawan@contoh.co.id"  # no stamps
SRI = "sri.rahayu@contoh.co.id"  # PIN-protected and PIN blocked
PUTRI = "putri.maharani@contoh.co.id"  # Gold, 520 stamps, vouchers 21 ok / 22 used / 23 expired
FAJAR = "fajar.nugroho@contoh.co.id"  # voucher 25 (dynamic, Rp 75.000)
SLAMET_PHONE = "081290000142"  # member 142: a phone number, no email, no Member ID


class Control:
    """The sandbox's ``/_sandbox`` endpoints."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def reset(self, **options: Any) -> None:
        self.client.post("/_sandbox/reset", json=options).raise_for_status()

    def faults(self, **settings: Any) -> dict[str, Any]:
        r = self.client.post("/_sandbox/faults", json=settings)
        r.raise_for_status()
        return r.json()

    def ledger(self) -> list[dict[str, Any]]:
        return self.client.get("/_sandbox/ledger").json()["entries"]

    def advance(self, seconds: float) -> None:
        self.client.post("/_sandbox/clock", json={"advance": seconds}).raise_for_status()

    def idempotency(self, enabled: bool) -> None:
        self.client.post("/_sandbox/idempotency", json={"enabled": enabled}).raise_for_status()


def stamps_of(api: httpx.Client, user: object) -> int:
    r = api.get("/api/v2/memberships/details", params={"user": user, "merchant": MERCHANT})
    assert r.status_code == 200, r.text
    return int(r.json()["membership"]["stamps"])


def voucher_codes(api: httpx.Client, user: object) -> set[str]:
    r = api.get("/api/vouchers/by-merchant-group", params={"user": user})
    assert r.status_code == 200, r.text
    return {v["code"] for v in r.json()["vouchers"]}


def assert_error(r: httpx.Response, status: int, code: str | None, field: str | None) -> None:
    """The common error shape: detail, errors{field: msg}, error_code, error_message."""
    assert r.status_code == status, r.text
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"]
    if code is not None:
        assert body["error_code"] == code, body
        assert body["error_message"]
    if field is not None:
        assert field in body["errors"], body
