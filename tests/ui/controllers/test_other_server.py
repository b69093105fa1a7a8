"""The cashier window against a Stamps server that is not the sandbox
(tests/support/other_stamps.py): it leaves optional fields out, adds its own, and can answer 200
with an error body. Nothing is called confirmed but a 2xx that names the redemption, and a PIN
is not taken as checked on a 200 that does not say so."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.offline.connectivity import Connectivity
from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow

from ...support.other_stamps import Behaviour, a_till_on
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

SARI = "+6281200000001"  # no PIN, 300 stamps
SARI_CARD = "OTHER0001"
JOKO = "+6281200000002"  # PIN 654321, 80 stamps
FIRST_REWARD = 9000  # "Reward number 0", 10 stamps


@pytest.fixture
def other() -> Behaviour:
    return Behaviour()


@pytest.fixture
def other_settings(other: Behaviour, tmp_path: Path) -> Iterator[Settings]:
    with a_till_on(other, tmp_path / "till", "till-1") as settings:
        yield settings


@pytest.mark.parametrize(
    ("answer", "verdict", "kind"),
    [
        ("ok", Verdict.CONFIRMED, "confirmed"),
        ("error-200", Verdict.NOT_CONFIRMED, "not_confirmed"),
        ("refused", Verdict.REFUSED, "refused"),
    ],
)
def test_a_redemption_is_confirmed_only_when_the_server_named_it(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    other_settings: Settings,
    other: Behaviour,
    answer: str,
    verdict: Verdict,
    kind: str,
) -> None:
    other.redeem = answer
    cashier = make_cashier(other_settings)
    find_member(qtbot, cashier, SARI)
    assert cashier.view.member_card.stamps_text() == "300 stamps"
    picker = cashier.view.reward_picker
    picker.select_reward(FIRST_REWARD)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is verdict
    result = cashier.view.result_panel.result()
    assert result is not None and result.kind == kind
    assert sum(other.posts.values()) == 1


def test_a_pin_answered_200_with_an_error_body_is_not_taken_and_nothing_is_sent(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    other_settings: Settings,
    other: Behaviour,
) -> None:
    other.pin_error_200 = True
    cashier = make_cashier(other_settings)
    find_member(qtbot, cashier, JOKO)
    picker = cashier.view.reward_picker
    picker.select_reward(FIRST_REWARD)
    picker.redeem_button.click()
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    pad = cashier.redemption.pin_dialog
    assert pad is not None
    for digit in "111111":
        pad.pad.press_digit(digit)
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        pad.pad.submit()
    result = cashier.view.result_panel.result()
    assert result is not None and result.kind == "refused"
    assert result.details.startswith("The PIN could not be checked")
    assert "111111" not in result.details
    assert sum(other.posts.values()) == 0


@pytest.mark.parametrize("seen_before", [False, True])
def test_a_lookup_answered_200_with_an_error_body_finds_no_live_member(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    other_settings: Settings,
    other: Behaviour,
    seen_before: bool,
) -> None:
    # "Try again later" under a 200 names no member: the till shows none as the server's (its
    # offline copy only, said as such), and redeems nothing on it.
    cashier = make_cashier(other_settings)
    if seen_before:
        find_member(qtbot, cashier, SARI_CARD)
    other.details_error_200 = True
    heard: list[Connectivity] = []
    cashier.till.monitor.subscribe(lambda _was, now: heard.append(now))
    field = cashier.view.member_search.field
    field.clear()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClicks(field, SARI_CARD)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    member = found.args[0]
    # an answer the till cannot read: not "Online" under the copy (the bar stayed green)
    assert heard[:1] == [Connectivity.DEGRADED]
    if seen_before:
        assert member is not None and not member.live
        assert cashier.view.member_card.cached_text().startswith("Offline copy — as of ")
        # and why the copy is shown with the server answering: nothing said so
        assert cashier.view.member_search.message_text().startswith(
            "The Stamps server answered about “OTHER0001”, but this till could not read what it "
            "said: shown is the till's saved copy of them, not the server's word."
        )
    else:
        assert member is None
        assert cashier.view.member_search.message_text().startswith(
            "The Stamps server answered without saying who “OTHER0001” is. It said: “Try again "
            "later: Busy”."
        )


def test_the_note_that_the_copy_is_shown_goes_once_the_server_is_read_for_them(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    other_settings: Settings,
    other: Behaviour,
) -> None:
    # Seen under X: the server's answers readable again, Sari's card dropped "Offline copy" and
    # the search still said the till's saved copy was shown, not the server's word.
    cashier = make_cashier(other_settings)
    find_member(qtbot, cashier, SARI_CARD)
    other.details_error_200 = True
    field, search = cashier.view.member_search.field, cashier.view.member_search
    field.clear()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, SARI_CARD)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    card = cashier.view.member_card
    assert card.cached_text().startswith("Offline copy")
    assert "saved copy" in search.message_text()

    other.details_error_200 = False
    run_async(qtbot, cashier.session.till.line.check_connectivity())  # the heartbeat's ping
    qtbot.waitUntil(lambda: card.cached_text() == "", timeout=WAIT_MS)
    assert cashier.session.member is not None and cashier.session.member.live
    assert search.message_text() == ""
