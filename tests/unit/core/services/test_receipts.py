"""The outcome a cashier sees for each state of an entry: never blurred (DESIGN.md §4)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.domain import EntryStatus
from app.core.services.receipts import Verdict, receipt_for
from app.core.storage.tables import OutboxEntry

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def entry(status: EntryStatus, **fields: object) -> OutboxEntry:
    values: dict[str, object] = {
        "id": "01a2",
        "seq": 1,
        "kind": "reward",
        "payload": {},
        "lane": "member:6",
        "user": "u@x.id",
        "status": status,
        "cashier": "dewi",
        "terminal": "till-1",
        "created_at": NOW,
        "updated_at": NOW,
    }
    values.update(fields)
    return OutboxEntry(**values)


@pytest.mark.parametrize(
    ("status", "provisional", "ambiguous", "verdict"),
    [
        (EntryStatus.SYNCED, False, False, Verdict.CONFIRMED),
        (EntryStatus.SYNCED, True, False, Verdict.CONFIRMED),
        (EntryStatus.QUEUED, True, False, Verdict.ACCEPTED_OFFLINE),
        (EntryStatus.SENDING, True, False, Verdict.ACCEPTED_OFFLINE),
        (EntryStatus.QUEUED, True, True, Verdict.NOT_CONFIRMED),
        (EntryStatus.QUEUED, False, False, Verdict.NOT_CONFIRMED),
        (EntryStatus.SENDING, False, False, Verdict.NOT_CONFIRMED),
        (EntryStatus.UNKNOWN, True, True, Verdict.NOT_CONFIRMED),
        (EntryStatus.REJECTED, False, False, Verdict.REFUSED),
        (EntryStatus.VOIDED, False, False, Verdict.CANCELLED),
        (EntryStatus.EXPIRED, False, False, Verdict.EXPIRED),
        (EntryStatus.DISMISSED, False, False, Verdict.CLOSED),
    ],
)
def test_each_state_has_one_verdict(
    status: EntryStatus, provisional: bool, ambiguous: bool, verdict: Verdict
) -> None:
    receipt = receipt_for(entry(status, provisional=provisional), ambiguous_attempt=ambiguous)
    assert receipt.verdict is verdict


def test_not_confirmed_tells_the_cashier_not_to_hand_over() -> None:
    receipt = receipt_for(entry(EntryStatus.UNKNOWN))
    assert "do not hand over" in receipt.headline
    assert "manager" in receipt.what_to_do


def test_a_refusal_gives_the_server_reason() -> None:
    receipt = receipt_for(entry(EntryStatus.REJECTED, last_error="Not enough stamps"))
    assert receipt.what_to_do.startswith("Not enough stamps")


def test_a_confirmed_redemption_shows_what_the_server_said_beside_it() -> None:
    receipt = receipt_for(
        entry(EntryStatus.SYNCED, server_redemption_id=7, last_error="Receipt printer offline")
    )
    assert receipt.verdict is Verdict.CONFIRMED
    assert "Hand over" in receipt.what_to_do
    assert "Receipt printer offline" in receipt.what_to_do


def test_a_reconciled_redemption_says_a_cancel_needs_the_dashboard() -> None:
    receipt = receipt_for(entry(EntryStatus.SYNCED, reconciled=True))
    assert receipt.verdict is Verdict.CONFIRMED
    assert "dashboard" in receipt.what_to_do


def test_the_json_form_has_the_documented_keys() -> None:
    response = {
        "redemption": {"id": 9, "voucher": {"code": "ABCD12345"}},
        "membership": {"stamps": 230},
    }
    receipt = receipt_for(entry(EntryStatus.SYNCED, server_redemption_id=9, response=response))
    data = receipt.as_json()
    assert {
        "id",
        "kind",
        "status",
        "attempts",
        "lane",
        "provisional",
        "server_redemption_id",
        "last_error",
    } <= data.keys()
    assert (data["server_redemption_id"], data["voucher_code"], data["stamps_remaining"]) == (
        9,
        "ABCD12345",
        230,
    )
