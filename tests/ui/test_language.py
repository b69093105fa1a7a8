"""The window's language: the setting (or the system's languages) picks Bahasa Indonesia or
English before the window is built; dates and times follow it on screen and on the slip; money
reads ``Rp 100.000`` in both."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.domain import OperationKind
from app.core.messages import TEMPLATES, fields_of
from app.core.outbox import Outbox, OutboxError, OutboxPolicy
from app.core.services import say
from app.ui import language
from app.ui.app import run
from app.ui.controllers.activity_words import stamps_text
from app.ui.controllers.rewards import short_of
from app.ui.dates import day_text, full_moment_text, moment_text, time_text
from app.ui.dialogs.deduct_dialog import DeductDialog
from app.ui.kiosk.flow import stamps_left_words
from app.ui.main_window import CashierWindowView
from app.ui.os_reasons import OS_REASON_MESSAGES
from app.ui.slip import SlipData, slip_document
from app.ui.viewmodels import MemberCardData, RewardCardData, VoucherRowData
from app.ui.widgets.member_card import MemberCard
from app.ui.widgets.reward_cart import RewardCart
from app.ui.widgets.reward_tile import RewardTile
from app.ui.wording import words

from ..support.languages import speaking

CHRISTMAS_MORNING = datetime(2026, 12, 25, 7, 2).astimezone()


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (["id-ID", "en-US"], "id"),
        (["in"], "id"),
        (["id_ID"], "id"),
        (["en-US", "id-ID"], "en"),
        (["fr-FR", "id"], "id"),
        (["fr-FR", "de-DE"], "en"),
        ([], "en"),
    ],
)
def test_auto_follows_the_first_of_the_systems_languages_the_till_speaks(
    preferred: list[str], expected: str
) -> None:
    assert language.resolve("auto", preferred) == expected


def test_a_setting_of_id_or_en_wins_over_the_system() -> None:
    assert language.resolve("id", ["en-US"]) == "id"
    assert language.resolve("en", ["id-ID"]) == "en"
    with pytest.raises(ValueError, match="auto, id, en"):
        language.resolve("fr")


def test_the_window_built_after_install_speaks_indonesian_then_english_again(
    qtbot: QtBot,
) -> None:
    with speaking("id"):
        assert language.current() == "id"
        window = CashierWindowView()
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        tabs = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    english = CashierWindowView()
    qtbot.addWidget(english)

    assert menus == ["&Shift", "&Manajer", "&Bantuan"]
    assert tabs == ["Hadiah (F3)", "Voucher (F4)", "Promo (F5)"]
    assert english.tabs.tabText(0) == "Rewards (F3)"
    assert language.current() == "en"


def test_the_cores_messages_and_qts_own_buttons_are_in_indonesian(qtbot: QtBot) -> None:
    voucher = VoucherRowData("V2", "Gift card", "GC-1", "Saldo Rp 145.000", "", balance=True)
    with speaking("id"):
        said = words(say("policy.too_costly_offline", limit=100, cost=150))
        dialog = DeductDialog(voucher)
        qtbot.addWidget(dialog)
        buttons = sorted(button.text() for button in dialog.findChildren(QPushButton))

    assert said == "Saat offline, satu penukaran paling banyak 100 stamp; ini perlu 150."
    assert buttons == ["Batal", "Potong"]


def test_a_tab_bar_too_narrow_for_its_tabs_names_its_scroll_buttons_in_indonesian(
    qtbot: QtBot,
) -> None:
    # The settings' and manager mode's tabs scroll at 1024x768; a screen reader read
    # "Scroll Left" on an Indonesian till.
    with speaking("id"):
        bar = QTabBar()
        qtbot.addWidget(bar)
        names = sorted(button.accessibleName() for button in bar.findChildren(QToolButton))

    assert names == ["Geser ke kanan", "Geser ke kiri"]


@pytest.mark.parametrize("message_id", sorted(OS_REASON_MESSAGES))
def test_the_os_s_reason_inside_a_message_is_in_the_window_s_language(message_id: str) -> None:
    # strerror is the C library's English whatever the language: an Indonesian page read
    # "… tidak bisa dibuat: Permission denied".
    fields = {field: "/data/till" for field in fields_of(TEMPLATES[message_id])}
    denied = say(message_id, **{**fields, "reason": os.strerror(errno.EACCES)})
    with speaking("id"):
        said = words(denied)
    assert "izin ditolak" in said
    assert os.strerror(errno.EACCES) not in said
    assert os.strerror(errno.EACCES) in words(denied)  # and English in English


def test_a_reason_the_os_did_not_give_is_said_as_it_came() -> None:
    # the server's words, quoted, are no OS reason, even when they read like one
    with speaking("id"):
        server = words(say("server.refused", reason=os.strerror(errno.EACCES)))
        odd = words(say("storage.cannot_use", path="/data/till.db", reason="disk I/O error"))
    assert server.endswith(os.strerror(errno.EACCES))
    assert odd.endswith("disk I/O error")


async def test_a_cancel_with_nothing_to_cancel_says_why_in_indonesian(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # A redemption voided before it was sent, cancelled again (a second manager, the command
    # line): the refusal said "berstatus voided", the till's word for it, in English.
    outbox = await Outbox.open(tmp_path / "till.db", OutboxPolicy())
    try:
        entry = await outbox.enqueue(
            OperationKind.REWARD,
            {"user": "m1", "reward": 1, "store": 32},
            lane="m1",
            user="m1",
            cashier="Dewi",
            terminal="till-1",
        )
        await outbox.cancel(entry.id, who="Wayan", terminal="till-1")
        with pytest.raises(OutboxError) as refused:
            await outbox.cancel(entry.id, who="Wayan", terminal="till-1")
    finally:
        await outbox.close()
    message = refused.value.said
    assert message is not None
    assert str(message) == (
        "Nothing to cancel: the redemption was voided before it was sent, so nothing was redeemed."
    )
    with speaking("id"):
        said = words(message)
    assert said == (
        "Tidak ada yang perlu dibatalkan: penukaran ini dibatalkan sebelum dikirim, jadi tidak "
        "ada yang ditukar."
    )


def test_without_its_built_translation_the_window_stays_english_and_says_why(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(language, "translation_file", lambda _language: tmp_path / "none.qm")
    with caplog.at_level(logging.WARNING, logger="app.ui.language"):
        chosen = language.install("id")
    try:
        assert chosen == "en"
        assert language.current() == "en"
        assert "stays in English" in caplog.text
    finally:
        monkeypatch.undo()
        language.install("en")


def test_run_installs_the_language_before_the_window_is_built(qapp: QApplication) -> None:
    seen: list[str] = []
    quit_policy = qapp.quitOnLastWindowClosed()

    def make_window() -> QWidget:
        window = CashierWindowView()
        seen.append(window.tabs.tabText(0))
        return window

    async def startup(window: QWidget) -> None:
        await asyncio.sleep(0)
        QTimer.singleShot(0, window.close)

    try:
        assert run(make_window, startup=startup, language="id") == 0
    finally:
        qapp.setQuitOnLastWindowClosed(quit_policy)
        language.install("en")
    assert seen == ["Hadiah (F3)"]


@pytest.mark.parametrize(
    ("lang", "day", "moment", "on_paper"),
    [
        ("id", "31 Des 2026", "25 Des 07.02", "25 Des 2026 07.02"),
        ("en", "31 Dec 2026", "25 Dec 07.02", "25 Dec 2026 07.02"),
    ],
)
def test_dates_and_times_are_written_as_the_language_writes_them_in_indonesia(
    lang: str, day: str, moment: str, on_paper: str
) -> None:
    with speaking(lang):
        assert day_text(datetime(2026, 12, 31).date()) == day
        assert time_text(CHRISTMAS_MORNING) == "07.02"
        assert moment_text(CHRISTMAS_MORNING) == moment
        assert full_moment_text(CHRISTMAS_MORNING) == on_paper


def test_the_member_cards_offline_time_is_in_indonesian(qtbot: QtBot) -> None:
    with speaking("id"):
        card = MemberCard()
        qtbot.addWidget(card)
        card.set_member(MemberCardData("Ayu", "Gold", 250, "", cached_as_of=CHRISTMAS_MORNING))
        assert card.cached_text() == "Salinan offline — per 25 Des 07.02"
        assert card.stamps_text() == "250 stamp"


def test_the_slip_is_printed_in_indonesian_with_the_date_as_indonesia_writes_it() -> None:
    with speaking("id"):
        slip = SlipData(
            store="RDG-KMG",
            cashier="Rina",
            member="Ayu Pratiwi",
            outcome="accepted_offline",
            when_text=full_moment_text(CHRISTMAS_MORNING),
            lines=("2 × Es Kopi Susu",),
            invoice_number="INV-1",
        )
        text = slip_document(slip).toPlainText()

    assert "Diterima offline — akan disinkronkan" in text
    assert "25 Des 2026 07.02" in text
    assert "Kasir: Rina" in text
    assert "Member: Ayu Pratiwi" in text
    assert "No. struk: INV-1" in text
    assert "Dicatat offline; akan dikirim ke Stamps secara otomatis." in text


@pytest.mark.parametrize(
    ("lang", "card", "tile", "cart", "short", "manager"),
    [
        (
            "id",
            "10.000 stamp",
            "1.500 stamp",
            "Total 12.000 stamp — member punya 10.000",
            "Perlu 1.500 stamp; member punya 1.200",
            "2.500 stamp",
        ),
        (
            "en",
            "10.000 stamps",
            "1.500 stamps",
            "Total 12.000 stamps — member has 10.000",
            "Needs 1.500 stamps; member has 1.200",
            "2.500 stamps",
        ),
    ],
)
def test_stamp_counts_group_thousands_the_indonesian_way_in_both_languages(
    qtbot: QtBot, lang: str, card: str, tile: str, cart: str, short: str, manager: str
) -> None:
    # Seen with a sandbox member of 10000 stamps: "10000 stamp", where Indonesia writes 10.000
    # (as the money beside it, "Rp 150.000").
    with speaking(lang):
        member = MemberCard()
        qtbot.addWidget(member)
        member.set_member(MemberCardData("Ayu", "Gold", 10_000, ""))
        reward = RewardTile(RewardCardData(7, "Tumbler", 1_500))
        qtbot.addWidget(reward)
        basket = RewardCart()
        qtbot.addWidget(basket)
        basket.add(7, "Tumbler", 8, 1_500)
        basket.set_available_stamps(10_000)

        assert member.stamps_text() == card
        assert reward.cost_label.text() == tile
        assert basket.total_label.text().replace("\n", " — ") == cart  # on two lines if narrow
        assert short_of(1_500, 1_200) == short
        assert stamps_text(2_500) == manager
        kiosk_left = stamps_left_words(9_980)
        left = words(say("receipt.stamps_left", stamps=9_980))
        offline = words(say("policy.too_costly_offline", limit=1_000, cost=1_500))

    assert "9.980" in left and "9980" not in left
    assert "9.980" in kiosk_left and "9980" not in kiosk_left
    assert "1.000" in offline and "1.500" in offline


@pytest.mark.parametrize("lang", ["id", "en"])
def test_money_reads_rupiah_the_indonesian_way_in_both_languages(qtbot: QtBot, lang: str) -> None:
    voucher = VoucherRowData(
        "V2", "Gift card", "GC-1", "Saldo Rp 150.000,50", "", balance=True, remaining_value=150_000
    )
    with speaking(lang):
        dialog = DeductDialog(voucher)
        qtbot.addWidget(dialog)
        dialog.amount.setValue(35_000)
        assert dialog.amount.text() == "Rp 35.000"
