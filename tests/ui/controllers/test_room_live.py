"""Room to read in the real window, on the demo shop's real names, and controls that stay where
they are when a message comes and goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.cashier_window import CashierWindow
from app.ui.controllers.tasks import spawn

from ..test_room_to_read import cut_texts
from .conftest import WAIT_MS, find_member

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_real_window_cuts_nothing_a_cashier_reads(
    qtbot: QtBot, cashier: CashierWindow, size: tuple[int, int]
) -> None:
    view = cashier.view
    view.resize(*size)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    assert cut_texts(view) == []
    view.show_vouchers()
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    spawn(cashier.vouchers.redeem_voucher(12))  # a balance voucher: refused, with the reason
    qtbot.waitUntil(lambda: view.result_panel.result() is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    assert cut_texts(view) == []
    assert (view.width(), view.height()) == size


def test_a_message_does_not_move_the_controls_under_the_cashiers_finger(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    card, invoice = view.member_card, view.invoice_field
    QApplication.processEvents()  # the page laid out as the cashier first sees it
    before = (
        card.mapTo(view, card.rect().topLeft()),
        invoice.mapTo(view, invoice.rect().topLeft()),
    )
    field = view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "nobody@example.com")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.member_search.message_text()
    QApplication.processEvents()
    after = (card.mapTo(view, card.rect().topLeft()), invoice.mapTo(view, invoice.rect().topLeft()))
    assert after == before


@pytest.mark.parametrize("tab", ["vouchers", "promo"])
def test_a_code_pasted_far_too_long_is_refused_without_pushing_the_shift_away(
    qtbot: QtBot, cashier: CashierWindow, tab: str
) -> None:
    # Seen under Xvfb: 10,000 characters pasted as a voucher code were refused, with all of
    # them in the result panel's headline. The panel grew over the screen and "This shift" was
    # left one row high. Nothing was sent: the till asks for the code put right first.
    view = cashier.view
    view.resize(1366, 768)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    QApplication.processEvents()
    shift = view.redemptions
    before = shift.mapTo(view, shift.rect().topLeft())
    pasted = ("Wayan Dewi Putu Made " * 500)[:10_000]
    if tab == "vouchers":
        view.show_vouchers()
        field = view.voucher_panel.code_field
    else:
        view.invoice_field.set_text("INV-0042")
        view.show_promo()
        field = view.promo_panel.code_field
    field.insert(pasted)
    with qtbot.waitSignal(
        cashier.redemption.result_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda r: r is not None and r.kind == "asks_first",
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    result = view.result_panel.result()
    assert result is not None and result.kind == "asks_first"
    assert result.details.startswith("The ") and "longer than 64 characters" in result.details
    assert len(result.headline) < 100 and result.headline.endswith("…")
    QApplication.processEvents()
    assert shift.mapTo(view, shift.rect().topLeft()) == before


def test_a_confirmed_code_with_its_qr_does_not_push_the_shift_down(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb at 1366x768: "Voucher code RINDANG-100K-7H2K (Diskon Rp 100.000)" took two
    # lines, what to do two more, and with the QR code the panel grew: "This shift" moved 39 px.
    view = cashier.view
    view.resize(1366, 768)
    find_member(qtbot, cashier, "customer@stamps.co.id")
    QApplication.processEvents()
    shift = view.redemptions
    before = shift.mapTo(view, shift.rect().topLeft())
    view.show_vouchers()
    field = view.voucher_panel.code_field
    qtbot.keyClicks(field, "RINDANG-100K-7H2K")
    with qtbot.waitSignal(
        cashier.redemption.result_shown,
        timeout=WAIT_MS,
        check_params_cb=lambda r: r is not None and r.kind == "confirmed",
    ):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert not view.result_panel.qr.isHidden()
    assert shift.mapTo(view, shift.rect().topLeft()) == before
