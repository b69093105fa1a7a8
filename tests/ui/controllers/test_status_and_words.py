"""What the sync bar and the result panel say for states hard to reach live: a paused queue, and
each of the till's verdicts; and the member card's values."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.core.domain import EntryStatus
from app.core.offline.connectivity import Connectivity
from app.core.outbox.status import OutboxStatus
from app.core.services.receipts import Receipt, receipt_for
from app.core.storage.tables import OutboxEntry
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.member import card_data
from app.ui.widgets.member_card import MemberCard

from ...support.languages import speaking
from ...support.members import ayu
from .conftest import WAIT_MS

MOMENT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
MEMBER = ayu(level="Blue", balance=150000.0, protected_redemption=True, fetched_at=MOMENT)


def _receipt(status: EntryStatus, **fields: object) -> Receipt:
    """The receipt of an entry in ``status`` (and ``fields``), as the till makes it."""
    values: dict[str, object] = {
        "id": "e1",
        "seq": 1,
        "kind": "reward",
        "payload": {},
        "lane": "member:6",
        "user": "customer@stamps.co.id",
        "status": status,
        "cashier": "Dewi",
        "terminal": "till-1",
        "created_at": MOMENT,
        "updated_at": MOMENT,
    }
    ambiguous = bool(fields.pop("ambiguous", False))
    values.update(fields)
    return receipt_for(OutboxEntry(**values), ambiguous_attempt=ambiguous)


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
    assert text.startswith("Sync is paused: the Stamps server refuses this till's API token.")
    assert "Queued 2 · Not confirmed 1 · Failed 3 · oldest 30 s" in text


@pytest.mark.integration
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_queue_paused_by_a_server_asking_for_https_says_so_not_the_token(
    qtbot: QtBot, cashier: CashierWindow, language: str
) -> None:
    # testing.rst §5: over plain http the server answers 403 "Please use https instead of
    # http"; a manager sent to set a new token would replace one that works.
    status = cashier.status
    qtbot.waitUntil(lambda: status._status is not None, timeout=WAIT_MS)
    status._status = OutboxStatus(
        queued=1,
        sending=0,
        unknown=0,
        rejected=0,
        held=0,
        oldest_queued_age=30.0,
        paused=True,
        paused_reason="CredentialsRejected: Please use https instead of http",
    )
    with speaking(language):
        status._show()
    bar = cashier.view.status
    text = bar.credentials_text.text()
    assert bar.credentials_banner.isVisibleTo(bar)
    assert "“Please use https instead of http”" in text  # quoted, never translated
    assert "https://127.0.0.1" in text  # the sandbox's address, over https
    assert "stamps-pos token set" not in text
    if language == "id":
        assert "server" in text and "refuses" not in text


@pytest.mark.integration
@pytest.mark.parametrize(
    ("reason", "language", "said"),
    [
        ("401", "en", "Sync paused — API token refused"),
        ("401", "id", "Sinkronisasi dijeda — token API ditolak"),
        (
            "CredentialsRejected: Please use https instead of http",
            "en",
            "Sync paused — the server refuses http",
        ),
        (
            "CredentialsRejected: Please use https instead of http",
            "id",
            "Sinkronisasi dijeda — server menolak http",
        ),
        ("CredentialsUnusable: bad characters", "en", "Sync paused — API token unusable"),
    ],
)
def test_a_paused_queue_s_bar_says_the_server_refuses_not_slow_or_failing(
    qtbot: QtBot, cashier: CashierWindow, reason: str, language: str, said: str
) -> None:
    # Seen under X: the banner said the server refuses the till's token, and the bar beside it
    # "Degraded — slow or failing", sending the cashier to a network that was fine.
    status = cashier.status
    qtbot.waitUntil(lambda: status._status is not None, timeout=WAIT_MS)
    cashier.till.monitor.prove(Connectivity.DEGRADED)  # what a refused token leaves
    paused = OutboxStatus(
        queued=1,
        sending=0,
        unknown=0,
        rejected=0,
        held=0,
        oldest_queued_age=30.0,
        paused=True,
        paused_reason=reason,
    )
    status._status = paused
    with speaking(language):
        status._show()
        bar = cashier.view.status
        assert bar.connectivity.text() == said
        # lifted, the bar says what the line does again
        status._status = dataclasses.replace(paused, paused=False, paused_reason=None)
        status._show()
        assert bar.connectivity.text() != said


@pytest.mark.integration
@pytest.mark.parametrize(
    ("receipt", "kind", "details"),
    [
        (
            _receipt(
                EntryStatus.SYNCED,
                server_redemption_id=2001,
                response={"membership": {"stamps": 230}},
            ),
            "confirmed",
            "230 stamps left.",
        ),
        (_receipt(EntryStatus.QUEUED, provisional=True), "accepted_offline", ""),
        (
            _receipt(EntryStatus.QUEUED, last_error="ResponseLost: ReadTimeout", ambiguous=True),
            "not_confirmed",
            "It was sent but no answer came back: it may have gone through. The till is "
            "finding out.",
        ),
        (
            _receipt(EntryStatus.REJECTED, last_error="ValidationFailed: insufficient stamps"),
            "refused",
            "The Stamps server refused it: insufficient stamps",
        ),
        (
            _receipt(
                EntryStatus.VOIDED, policy_refusal={"id": "policy.voucher_used_here", "params": {}}
            ),
            "not_redeemed",
            "This voucher was already used on this till.",
        ),
        # never sent: nobody refused them (they read a red "Refused" over "never sent")
        (_receipt(EntryStatus.EXPIRED), "not_redeemed", ""),
        (_receipt(EntryStatus.VOIDED), "not_redeemed", ""),
    ],
    ids=["confirmed", "offline", "not-confirmed", "refused", "not-redeemed", "expired", "voided"],
)
def test_each_verdict_has_its_own_look_and_words(
    cashier: CashierWindow, receipt: Receipt, kind: str, details: str
) -> None:
    result = cashier.redemption.result_for(receipt, "Es Kopi Susu")
    assert (result.kind, result.headline) == (kind, "Es Kopi Susu")
    assert result.details == details
    assert result.redemption_id == ("2001" if kind == "confirmed" else None)
    assert result.what_to_do  # every outcome says what to do next, in the till's words
    assert "Error" not in f"{result.details} {result.what_to_do}"


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
    # An offline copy is the balance as of its time: "projected" only when this till's waiting
    # redemptions take from it (it read "Projected" with nothing queued for the member).
    cached = card_data(dataclasses.replace(MEMBER, live=False, redemption_allowed=False))
    assert cached.cached_as_of == MOMENT and not cached.projected and cached.blocked
    held = card_data(dataclasses.replace(MEMBER, live=False), 240)
    assert (held.cached_as_of, held.stamps, held.projected) == (MOMENT, 240, True)
    # a balance the server never gave is not projected from anything, live or cached
    unknown = card_data(dataclasses.replace(MEMBER, stamps=None, live=False))
    assert (unknown.stamps, unknown.projected) == (None, False)


@pytest.mark.parametrize(("language", "said"), [("en", "Level 2"), ("id", "Level 2")])
def test_a_level_the_server_gave_by_number_alone_is_said_by_its_number(
    qtbot: QtBot, language: str, said: str
) -> None:
    # A member whose answer had "level": 2 and no "level_text" read "no level".
    with speaking(language):
        card = MemberCard()
        qtbot.addWidget(card)
        card.set_member(card_data(dataclasses.replace(MEMBER, level="2")))
        assert card.level_text() == said
        card.set_member(card_data(MEMBER))
        assert card.level_text() == "Blue"  # a level's name is the server's, in any language
