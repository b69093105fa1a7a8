"""Rewards and vouchers the server listed and the till could not read: left out of the tabs,
and the cashier told so in the window's language, not shown "no rewards" or fewer vouchers as if
that were all the member has."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from app.ui.cashier_window import CashierWindow

from ...support.languages import speaking
from .conftest import WAIT_MS, find_member

pytestmark = pytest.mark.integration


def show_with_unread(qtbot: QtBot, cashier: CashierWindow, *, rewards: bool) -> None:
    """Ayu's offer shown again as a server would have left it with 2 rewards (and all of
    them, unless ``rewards``) and 1 voucher unread."""
    find_member(qtbot, cashier, "customer@stamps.co.id")
    offer = cashier.session.offer
    assert offer is not None
    shown = replace(
        offer,
        rewards=offer.rewards if rewards else (),
        vouchers=offer.vouchers[:1],
        rewards_unread=2,
        vouchers_unread=1,
    )
    with qtbot.waitSignal(cashier.vouchers.vouchers_shown, timeout=WAIT_MS):
        cashier.session.offer_loaded.emit(shown)


def test_rewards_and_vouchers_left_unread_are_said(qtbot: QtBot, cashier: CashierWindow) -> None:
    show_with_unread(qtbot, cashier, rewards=True)
    view = cashier.view
    assert len(view.voucher_panel._vouchers) == 1
    assert view.voucher_panel.note.text().startswith("1 voucher could not be read")
    assert view.reward_picker.note().startswith("2 rewards could not be read")
    # the next customer's tabs start clean
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")
    assert view.reward_picker.note() == ""


def test_no_reward_read_is_not_no_rewards_offered(qtbot: QtBot, cashier: CashierWindow) -> None:
    show_with_unread(qtbot, cashier, rewards=False)
    picker = cashier.view.reward_picker
    assert picker.empty_text().startswith("2 rewards could not be read")
    assert picker.note() == ""  # said once, where the tiles would be


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Only the first 3 rewards are shown"),
        ("id", "Hanya 3 hadiah pertama yang ditampilkan"),
    ],
)
def test_a_cut_catalogue_is_said(
    qtbot: QtBot, cashier: CashierWindow, language: str, said: str
) -> None:
    # A store with more rewards than the till reads: the rest were dropped with a log line,
    # and the cashier looked for a reward that was not there.
    with speaking(language):
        find_member(qtbot, cashier, "customer@stamps.co.id")
        offer = cashier.session.offer
        assert offer is not None
        shown = replace(offer, rewards=offer.rewards[:3], rewards_cut=True)
        with qtbot.waitSignal(cashier.vouchers.vouchers_shown, timeout=WAIT_MS):
            cashier.session.offer_loaded.emit(shown)
        picker = cashier.view.reward_picker
        assert picker.note().startswith(said)
        assert [tile.reward.name for tile in picker.tiles()] == [r.name for r in shown.rewards]


def test_in_indonesian(qtbot: QtBot, cashier: CashierWindow) -> None:
    with speaking("id"):
        show_with_unread(qtbot, cashier, rewards=True)
        assert cashier.view.voucher_panel.note.text().startswith("1 voucher tidak bisa dibaca")
        assert cashier.view.reward_picker.note().startswith("2 hadiah tidak bisa dibaca")
