"""The cashier's window over another server written from the same docs, answering every way
they leave open at once (tests/support/other_reading.py): the member card, a reward, and a
PIN taken on the pad, as the cashier sees them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.services import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.dialogs.pin_dialog import PinDialog

from ...support.docs_server import DocsServer
from ...support.other_reading import other_reading
from .conftest import WAIT_MS, find_member, redeem
from .test_member_lookup import docs_cashier

pytestmark = pytest.mark.integration

AYU_MEMBER_ID = "RRROWO5U51"  # 250 stamps
BUDI = "budi@contoh.co.id"  # 40 stamps, PIN 123456
REDEEM_REWARD = "/api/v2/redemptions/redeem-reward"
AUTHORIZE = "/api/redemptions/authorize"


@pytest.fixture
def docs_server() -> Iterator[DocsServer]:
    """The docs server's world, answered the other reading's every way."""
    with DocsServer(reshape=other_reading()) as server:
        yield server


@pytest.fixture
def cashier(
    make_cashier: Callable[..., CashierWindow], docs_server: DocsServer, tmp_path: Path
) -> CashierWindow:
    return docs_cashier(make_cashier, docs_server, tmp_path)


def _budis_pin_typed(qtbot: QtBot, cashier: CashierWindow) -> PinDialog:
    """Budi found, his reward 9 asked for, and his PIN typed on the pad, not yet sent."""
    find_member(qtbot, cashier, BUDI)
    picker = cashier.view.reward_picker
    picker.select_reward(9)
    picker.redeem_button.click()
    qtbot.waitUntil(lambda: cashier.redemption.pin_dialog is not None, timeout=WAIT_MS)
    dialog = cashier.redemption.pin_dialog
    assert dialog is not None
    for digit in "123456":
        dialog.pad.press_digit(digit)
    return dialog


def test_a_reward_is_confirmed_on_screen_as_the_server_made_it(
    qtbot: QtBot, cashier: CashierWindow, docs_server: DocsServer
) -> None:
    find_member(qtbot, cashier, AYU_MEMBER_ID)
    card = cashier.view.member_card
    assert "نور الهدى" in card.name_text() and card.stamps_text() == "250 stamps"
    picker = cashier.view.reward_picker
    picker.select_reward(9)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    # its redemption named by "2002": it read as naming none, "not confirmed"
    assert receipt.verdict is Verdict.CONFIRMED
    result = cashier.view.result_panel.result()
    assert result is not None and result.kind == "confirmed"
    assert result.details == "249 stamps left."
    assert docs_server.member(AYU_MEMBER_ID).stamps == 249  # type: ignore[union-attr]


def test_a_pin_the_server_answers_ok_in_capitals_lets_the_redemption_go(
    qtbot: QtBot, cashier: CashierWindow, docs_server: DocsServer
) -> None:
    dialog = _budis_pin_typed(qtbot, cashier)
    # {"status": "OK"}: the pad said the server did not answer, and nothing was redeemed
    receipt = redeem(qtbot, cashier, dialog.pad.submit)
    assert receipt.verdict is Verdict.CONFIRMED
    assert cashier.redemption.pin_dialog is None
    assert docs_server.member(BUDI).stamps == 39  # type: ignore[union-attr]


def test_a_200_naming_no_redemption_reads_not_confirmed_in_the_servers_words(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], tmp_path: Path
) -> None:
    # {"errors": …} alone, status 200: not confirmed, as designed, and "Out of stock" (the
    # server's words, cleaned of a right-to-left override) beside it, not only "unreadable"
    with DocsServer() as server:
        cashier = docs_cashier(make_cashier, server, tmp_path)
        find_member(qtbot, cashier, AYU_MEMBER_ID)
        server.answer_next(REDEEM_REWARD, 200, {"errors": {"__all__": "Out of \u202estock"}})
        picker = cashier.view.reward_picker
        picker.select_reward(9)
        receipt = redeem(qtbot, cashier, picker.redeem_button.click)
        assert receipt.verdict is Verdict.NOT_CONFIRMED
        result = cashier.view.result_panel.result()
        assert result is not None and result.kind == "not_confirmed"
        assert "“Out of stock”" in result.details
        assert server.member(AYU_MEMBER_ID).stamps == 250  # type: ignore[union-attr]


def test_a_pin_answered_200_with_errors_alone_reads_in_the_servers_words(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], tmp_path: Path
) -> None:
    # the check vouched for nothing: the pad closes, nothing is redeemed, and the panel quotes
    # the server (it read "answered in a form this till cannot read")
    with DocsServer() as server:
        cashier = docs_cashier(make_cashier, server, tmp_path)
        dialog = _budis_pin_typed(qtbot, cashier)
        said = {"errors": {"pin": "PIN pad locked, ask the customer again"}}
        server.answer_next(AUTHORIZE, 200, said)
        with qtbot.waitSignal(cashier.redemption.result_shown, timeout=WAIT_MS):
            dialog.pad.submit()
        result = cashier.view.result_panel.result()
        assert result is not None
        assert "“PIN pad locked, ask the customer again”" in result.details
        assert server.member(BUDI).stamps == 40  # type: ignore[union-attr]
