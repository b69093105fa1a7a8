"""A shift in Bahasa Indonesia against the live sandbox: finding members, a confirmed
redemption, a refusal and the shift's summary all read in Indonesian, the core's messages
included, and nothing the window shows is still one of its English source texts."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn

from ...support.languages import entries, speaking, ts_file
from ...support.window_texts import plain, visible_texts
from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

AYU, HENDRA = "customer@stamps.co.id", "hendra.gunawan@contoh.co.id"


def english_sources(language: str) -> list[tuple[str, re.Pattern[str]]]:
    """Every source text the translation says differently, as a pattern its English shows as
    (each ``{field}`` standing for whatever fills it)."""
    found = []
    for (_, source, _), message in entries(ts_file(language)).items():
        translated = message.findtext("translation") or ""
        if plain(translated) == plain(source):
            continue
        parts = re.split(r"\{\w+\}", plain(source))
        found.append((source, re.compile("(.+?)".join(map(re.escape, parts)), re.DOTALL)))
    return found


def still_english(texts: list[tuple[str, str]], language: str) -> list[str]:
    sources = english_sources(language)
    return [
        f"{where}: {text!r} (source {source!r})"
        for where, text in texts
        for source, pattern in sources
        if pattern.fullmatch(text)
    ]


def test_a_shift_in_indonesian_reads_in_indonesian(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], till_settings: Settings
) -> None:
    with speaking("id"):
        cashier = make_cashier(till_settings)
        view = cashier.view
        seen: list[tuple[str, str]] = []

        find_member(qtbot, cashier, AYU)
        assert view.member_card.stamps_text() == "250 stamp"
        picker = view.reward_picker
        picker.select_reward(1)
        receipt = redeem(qtbot, cashier, picker.redeem_button.click)
        assert receipt.verdict is Verdict.CONFIRMED
        panel = view.result_panel
        assert panel.title.text() == "Dikonfirmasi"
        assert panel.details.text() == "Sisa 230 stamp."
        assert panel.what_to_do.text() == "Serahkan hadiahnya."
        assert view.redemptions_model.data(view.redemptions_model.index(0, 2)) == "Dikonfirmasi"
        seen += visible_texts(view)

        find_member(qtbot, cashier, HENDRA)
        assert picker.tiles()[0].reason_label.text().startswith("Member diblokir")
        with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS) as refused:
            spawn(cashier.rewards.redeem_one(1, 1, None))
        result = refused.args[0]
        assert panel.title.text() == "Ditolak"
        assert result.details == "Member ini diblokir. Minta member menghubungi toko."
        assert result.what_to_do == "Tidak ada yang ditukar. Beri tahu pelanggan alasannya."
        seen += visible_texts(view)

        with qtbot.waitSignal(cashier.shift.summary_shown, timeout=WAIT_MS):
            spawn(cashier.shift.show_summary())
        assert view.summary.totals.text().startswith("Stamp ditukar: 20")
        seen += visible_texts(view)

        assert still_english(seen, "id") == []


def test_the_check_finds_an_english_source_text_in_a_window() -> None:
    texts = [
        ("queuedCount label", "Queued 3"),
        ("queuedCount label", "Antre 3"),
        ("memberName label", "Budi Santoso"),
        ("resultDetails label", "3 stamps left."),
    ]
    assert still_english(texts, "id") == [
        "queuedCount label: 'Queued 3' (source 'Queued {n}')",
        "resultDetails label: '3 stamps left.' (source '{stamps} stamps left.')",
    ]


def test_a_manager_reads_what_each_redemption_was_in_indonesian(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], till_settings: Settings
) -> None:
    # What a redemption was is written down when it is made; the history, read in Indonesian
    # later, says "Kode promo …", not the English it was written in.
    from app.core.credentials import Secret

    with speaking("id"):
        cashier = make_cashier(till_settings)
        view = cashier.view
        find_member(qtbot, cashier, AYU)
        view.invoice_field.set_text("INV-0042")
        view.promo_panel.code_field.setText("NGOPIPAGI")
        assert redeem(qtbot, cashier, view.promo_panel.submit).verdict is Verdict.CONFIRMED
        view.voucher_panel.code_field.setText("RINDANG-100K-7H2K")
        receipt = redeem(qtbot, cashier, view.voucher_panel.submit_code)
        assert receipt.verdict is Verdict.CONFIRMED
        run_async(qtbot, cashier.till.staff.add_first_manager("Wayan", Secret("246810")))
        with qtbot.waitSignal(cashier.history.rows_shown, timeout=WAIT_MS) as shown:
            run_async(qtbot, cashier.mode.sign_in("Wayan", Secret("246810")))
        whats = sorted(row.cells[3] for row in shown.args[0])
        assert whats == [
            "Kode promo NGOPIPAGI",
            "Kode voucher RINDANG-100K-7H2K (Diskon Rp 100.000)",
        ]
