"""The kiosk's words for a count of stamps: a member with one stamp has "1 stamp", a reward of one
stamp costs "1 stamp", and after redeeming "You have 1 stamp left." (the kiosk said "1 stamps")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui.kiosk.flow import stamps_left_words
from app.ui.kiosk.offer_page import KioskConfirmPage, KioskRewardsPage, TileData


def test_one_stamp_is_said_in_the_singular_on_the_rewards_and_the_question(qtbot: QtBot) -> None:
    rewards = KioskRewardsPage()
    qtbot.addWidget(rewards)
    rewards.show_member("Ayu", 1, [TileData(7, "Stiker Rindang", 1)])
    assert rewards.balance.text() == "You have 1 stamp"
    [tile] = rewards.tiles()
    assert tile.accessibleName() == "Stiker Rindang, 1 stamp"
    assert tile.findChild(QLabel, "kioskTileCost7").text() == "1 stamp"
    rewards.show_member("Ayu", 2, [TileData(7, "Stiker Rindang", 2)])
    assert rewards.balance.text() == "You have 2 stamps"
    assert rewards.tiles()[0].accessibleName() == "Stiker Rindang, 2 stamps"

    confirm = KioskConfirmPage()
    qtbot.addWidget(confirm)
    confirm.ask("Stiker Rindang", 1)
    assert confirm.question.text() == "Redeem Stiker Rindang for 1 stamp?"


def test_what_is_left_after_a_redemption_is_counted_as_such() -> None:
    assert stamps_left_words(1) == "You have 1 stamp left."
    assert stamps_left_words(0) == "You have 0 stamps left."
