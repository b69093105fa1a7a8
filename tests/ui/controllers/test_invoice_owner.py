"""Whose the invoice number is: a receipt scanned before the next customer's card goes with
them, and one entered for the customer on screen never with anyone else's sale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.slip import SlipData

from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

AYU, PUTRI = "customer@stamps.co.id", "putri.maharani@contoh.co.id"


def _invoices(qtbot: QtBot, cashier: CashierWindow) -> list[str]:
    shift = cashier.session.shift
    assert shift is not None
    rows = run_async(qtbot, cashier.session.till.shift_rows(shift.id))
    return [row.invoice for row in rows]


def test_a_receipt_scanned_after_the_last_redemption_goes_with_the_next_customer(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # At the counter the receipt is often scanned before the card: Putri's receipt, scanned
    # once Ayu's reward was sent, went with Ayu as Putri's card put her on screen.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0002")  # Putri's receipt, into the invoice number
    assert view.invoice_field.owner.text() == "For the next customer"
    # Ayu asks for another reward meanwhile: Putri's receipt is not on Ayu's sale.
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    find_member(qtbot, cashier, PUTRI)
    assert view.invoice_field.text() == "INV-0002"
    assert view.invoice_field.owner.text() == "For Putri Maharani"
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    assert sorted(_invoices(qtbot, cashier)) == ["", "", "INV-0002"]


def test_a_receipt_entered_with_nobody_on_screen_goes_with_the_member_found_next(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    qtbot.keyClicks(view.invoice_field.field, "INV-0003")
    assert view.invoice_field.owner.text() == "For the next customer"
    find_member(qtbot, cashier, AYU)
    assert view.invoice_field.text() == "INV-0003"
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"

    find_member(qtbot, cashier, PUTRI)  # Ayu's, and she has gone
    assert view.invoice_field.text() == ""
    assert view.invoice_field.owner.text() == ""


def test_an_invoice_asked_for_a_promo_stays_the_customers_own(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Ayu served, then her promo asks for the sale's invoice: what is typed then is hers, not
    # the next customer's, and goes with her promo.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    view.activateWindow()
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.invoice_field.field.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, "INV-0004")
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"
    receipt = redeem(qtbot, cashier, view.promo_panel.submit)
    assert receipt.verdict is Verdict.CONFIRMED
    assert "INV-0004" in _invoices(qtbot, cashier)


def test_the_next_customers_receipt_after_a_promo_waits_for_them(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Ayu's promo asked for her invoice and was sent with it; Putri's receipt, scanned next,
    # was still taken for Ayu's (the till's asking outlived the promo) and was dropped as
    # Putri's card came.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.invoice_field.field.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, "INV-0005")
    assert redeem(qtbot, cashier, view.promo_panel.submit).verdict is Verdict.CONFIRMED

    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0006")  # Putri's receipt
    assert view.invoice_field.owner.text() == "For the next customer"
    find_member(qtbot, cashier, PUTRI)
    assert view.invoice_field.text() == "INV-0006"
    assert view.invoice_field.owner.text() == "For Putri Maharani"


def test_the_slip_keeps_the_invoice_its_redemption_was_sent_with(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ayu's reward went with her receipt; the next customer's receipt, scanned before Ayu asked
    # for her slip, took her invoice off it (the slip read the field, the next customer's now).
    printed: list[SlipData] = []

    def kept(slip: SlipData, **_where: object) -> str:
        printed.append(slip)
        return "the test's printer"

    monkeypatch.setattr("app.ui.controllers.shift.print_slip", kept)
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    qtbot.keyClicks(view.invoice_field.field, "INV-0007")
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0008")  # the next customer's receipt
    assert view.invoice_field.owner.text() == "For the next customer"
    view.result_panel.print_button.click()
    assert [slip.invoice_number for slip in printed] == ["INV-0007"]


def test_a_promo_refused_for_the_next_customers_number_takes_it_scanned_again(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Ayu served, her receipt scanned for her promo: the number waits for the next customer,
    # so the promo is refused. It said only "needs the invoice number" with the number in
    # sight, and scanning that receipt again, as it asked, changed nothing: refused again.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0009")
    assert view.invoice_field.owner.text() == "For the next customer"

    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    panel = view.result_panel
    assert "INV-0009" in panel.details.text()
    assert "next customer" in panel.details.text()
    assert "again" in panel.what_to_do.text()

    cashier.scanned("INV-0009")  # the same receipt, as the refusal asks
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"
    assert redeem(qtbot, cashier, view.promo_panel.submit).verdict is Verdict.CONFIRMED
    assert "INV-0009" in _invoices(qtbot, cashier)
