"""The kiosk's words for a count of stamps: a member with one stamp has "1 stamp", a reward of one
stamp costs "1 stamp", and after redeeming "You have 1 stamp left." (the kiosk said "1 stamps")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui.kiosk.flow import stamps_left_words
from app.ui.kiosk.offer_page import KioskConfirmPage, KioskRewardsPage, TileData
from app.ui.kiosk.result_page import KioskResultData, KioskResultPage


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


def test_a_name_of_two_thousand_characters_is_read_from_its_start_on_the_kiosk(
    qtbot: QtBot,
) -> None:
    # A label wraps at spaces only: one 2,000-character word was drawn centred and cut at both
    # ends, the member reading the middle of a name on the greeting, the tile and the question.
    long_name = "Panjang" * 290
    rewards = KioskRewardsPage()
    qtbot.addWidget(rewards)
    rewards.resize(1366, 768)
    rewards.show_member(long_name, 250, [TileData(7, long_name, 20)])
    rewards.show()
    qtbot.waitExposed(rewards)
    [tile] = rewards.tiles()
    name = tile.findChild(QLabel, "kioskTileName7")
    assert name is not None
    assert name.minimumSizeHint().width() < 1366 // 3  # a tile: a third of the screen
    assert name.text().startswith("PanjangPanjang") and "…" in name.text()
    assert rewards.hello.minimumSizeHint().width() < 1366

    confirm = KioskConfirmPage()
    qtbot.addWidget(confirm)
    confirm.resize(1366, 768)
    confirm.ask(long_name, 20)
    confirm.show()
    qtbot.waitExposed(confirm)
    assert confirm.question.minimumSizeHint().width() < 1366
    assert confirm.question.text().endswith("for 20 stamps?")

    result = KioskResultPage()
    qtbot.addWidget(result)
    result.resize(1366, 768)
    result.show_result(KioskResultData("confirmed", long_name, long_name, "K-88561D", "K-88561D"))
    result.show()
    qtbot.waitExposed(result)
    assert result.what.minimumSizeHint().width() < 1366 // 2  # beside the QR code
    assert result.details.minimumSizeHint().width() < 1366 // 2


def test_a_reward_s_amount_stays_with_its_currency_on_a_tile(qtbot: QtBot) -> None:
    # Under X at 1366×768: Ayu's tile read "Voucher Diskon Rp" over "25.000". The name as the
    # server sent it is kept for what is said aloud.
    rewards = KioskRewardsPage()
    qtbot.addWidget(rewards)
    rewards.show_member("Ayu", 250, [TileData(6, "Voucher Diskon Rp 25.000", 50)])
    [tile] = rewards.tiles()
    name = tile.findChild(QLabel, "kioskTileName6")
    assert name is not None and name.text() == "Voucher Diskon Rp\u00a025.000"
    assert tile.accessibleName() == "Voucher Diskon Rp 25.000, 50 stamps"


def test_a_reward_s_amount_stays_with_its_currency_in_the_question_and_the_result(
    qtbot: QtBot,
) -> None:
    # Under X at 768×1366 in Bahasa Indonesia, Budi's question read "Tukar Voucher Diskon Rp"
    # over "25.000 dengan 50 stamp?", after a tile that held them together.
    confirm = KioskConfirmPage()
    qtbot.addWidget(confirm)
    confirm.ask("Voucher Diskon Rp 25.000", 50)
    assert confirm.question.text() == "Redeem Voucher Diskon Rp\u00a025.000 for 50 stamps?"

    result = KioskResultPage()
    qtbot.addWidget(result)
    result.show_result(
        KioskResultData("confirmed", "Voucher Diskon Rp 25.000", "", "K-88561D", "K-88561D")
    )
    assert result.what.text() == "Voucher Diskon Rp\u00a025.000"
