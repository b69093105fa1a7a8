"""What the sync bar and the result panel say for states hard to reach live: a paused queue, and
each of the till's verdicts; and the member card's values."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core.domain import EntryStatus, OperationKind
from app.core.outbox.outbox import OutboxStatus
from app.core.services.members import Member
from app.core.services.receipts import Receipt, Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.member import card_data
from app.ui.controllers.redemption import _sentence

from .conftest import WAIT_MS

MOMENT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
MEMBER = Member(
    server_id="6",
    name="Ayu Pratiwi",
    email="customer@stamps.co.id",
    phone=None,
    member_ids=("KR24000006",),
    card_number=None,
    level="Blue",
    stamps=250,
    balance=150000.0,
    is_blocked=False,
    redemption_allowed=True,
    protected_redemption=True,
    pin_is_blocked=False,
    fetched_at=MOMENT,
)


def _receipt(verdict: Verdict, **changes: object) -> Receipt:
    receipt = Receipt(
        entry_id="e1",
        kind=OperationKind.REWARD,
        status=EntryStatus.SYNCED,
        verdict=verdict,
        headline="",
        what_to_do="Nothing was redeemed. Tell the customer why.",
        attempts=1,
        lane="member:6",
        provisional=False,
        server_redemption_id=None,
        last_error=None,
        voucher_code=None,
        stamps_remaining=None,
        created_at=MOMENT,
        cashier="Dewi",
    )
    return dataclasses.replace(receipt, **changes)  # type: ignore[arg-type]


@pytest.mark.integration
def test_a_paused_queue_shows_the_credentials_banner(qtbot: QtBot, cashier: CashierWindow) -> None:
    status = cashier.status
    qtbot.waitUntil(lambda: status._status is not None, timeout=WAIT_MS)
    status._status = OutboxStatus(
        queued=2,
        sending=0,
        unknown=1,
        rejected=3,
        held=0,
        oldest_queued_age=30.0,
        paused=True,
        paused_reason="401",
    )
    status._show()
    bar = cashier.view.status
    assert bar.credentials_banner.isVisibleTo(bar)
    assert not bar.stall_alert.isVisibleTo(bar)  # paused explains the wait; no second alert
    text = bar.summary_text()
    assert text.startswith("Sync paused")
    assert "Queued 2 · Unknown 1 · Failed 3 · oldest 30 s" in text


@pytest.mark.integration
@pytest.mark.parametrize(
    ("receipt", "kind", "details"),
    [
        (
            _receipt(Verdict.CONFIRMED, server_redemption_id=2001, stamps_remaining=230),
            "confirmed",
            "230 stamps left",
        ),
        (_receipt(Verdict.ACCEPTED_OFFLINE, provisional=True), "accepted_offline", ""),
        (
            _receipt(Verdict.NOT_CONFIRMED, last_error="ReadTimeout"),
            "not_confirmed",
            "No answer from the server: ReadTimeout.",
        ),
        (
            _receipt(Verdict.REFUSED, last_error="insufficient stamps"),
            "refused",
            "Insufficient stamps.",
        ),
        (_receipt(Verdict.EXPIRED, headline="PIN authorisation ran out"), "refused", ""),
    ],
    ids=["confirmed", "offline", "not-confirmed", "refused", "expired"],
)
def test_each_verdict_has_its_own_look_and_words(
    cashier: CashierWindow, receipt: Receipt, kind: str, details: str
) -> None:
    result = cashier.redemption.result_for(receipt, "Es Kopi Susu")
    assert (result.kind, result.headline) == (kind, "Es Kopi Susu")
    if receipt.verdict is Verdict.EXPIRED:
        assert result.details == "PIN authorisation ran out"
    else:
        assert result.details == details
    assert result.redemption_id == ("2001" if kind == "confirmed" else None)
    # Only a refusal carries the till's own advice; the others use the panel's fixed words.
    assert bool(result.what_to_do) == (kind == "refused")


def test_the_member_card_shows_projections_badges_and_cached_copies() -> None:
    live = card_data(MEMBER)
    assert (live.stamps, live.projected, live.pin_protected, live.blocked) == (
        250,
        False,
        True,
        False,
    )
    assert live.balance_text == "Rp 150.000"
    assert live.cached_as_of is None
    projected = card_data(MEMBER, 230)
    assert (projected.stamps, projected.projected) == (230, True)
    cached = card_data(dataclasses.replace(MEMBER, live=False, redemption_allowed=False))
    assert cached.cached_as_of == MOMENT and cached.projected and cached.blocked


def test_server_messages_read_as_sentences() -> None:
    assert _sentence("voucher has already been used") == "Voucher has already been used."
    assert _sentence("Nothing to do!") == "Nothing to do!"
    assert _sentence("  ") == ""
