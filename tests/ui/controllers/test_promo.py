"""The promo tab as a cashier meets it: what Enter in the invoice field offers once a promo code
was refused with the number in it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.controllers import tasks

from .conftest import WAIT_MS, find_member, redeem, run_async

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


def _promo_rows(qtbot: QtBot, cashier: CashierWindow) -> list[str]:
    shift = cashier.session.shift
    assert shift is not None
    rows = run_async(qtbot, cashier.session.till.shift_record.shift_rows(shift.id))
    return [row.status.value for row in rows if row.what.startswith("Promo code")]


def _promo_on_invoice(qtbot: QtBot, cashier: CashierWindow, invoice: str) -> None:
    view = cashier.view
    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, invoice)
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "PROMOCODE")


def test_a_promo_refused_on_this_invoice_is_not_offered_again_by_enter_in_the_invoice_field(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under X: PROMOCODE on INV-0042 confirmed, then the same again: "Refused … already
    # went on invoice INV-0042 for this member". Under the invoice number still: "Enter: redeem
    # the promo"; F6 and Enter sent the refused code with the same number again, another red
    # "Refused" row in the shift, counted again at its close.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    _promo_on_invoice(qtbot, cashier, "INV-0042")
    code = view.promo_panel.code_field
    receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(code, Qt.Key.Key_Return))
    assert receipt.verdict is Verdict.CONFIRMED

    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "PROMOCODE")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    details = view.result_panel.details
    qtbot.waitUntil(lambda: "already went on invoice INV-0042" in details.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(_promo_rows(qtbot, cashier)) == 2, timeout=WAIT_MS)
    assert view.promo_panel.code_field.text() == "PROMOCODE"  # kept, to be put right
    offer = view.invoice_field.offer
    assert offer.text() == ""

    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    before = set(tasks._running)
    qtbot.keyClick(view.invoice_field.field, Qt.Key.Key_Return)
    started = set(tasks._running) - before  # what the Enter set going, if anything
    qtbot.waitUntil(lambda: all(task.done() for task in started), timeout=WAIT_MS)
    assert _promo_rows(qtbot, cashier) == ["confirmed", "refused"]  # nothing sent again

    # Another code typed in its place: Enter in the invoice field sends it, as its line says.
    view.show_promo()
    view.promo_panel.code_field.clear()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    assert offer.text() == "Enter: redeem the promo"
    field = view.invoice_field.field
    receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(field, Qt.Key.Key_Return))
    assert receipt.verdict is Verdict.CONFIRMED
    assert _promo_rows(qtbot, cashier) == ["confirmed", "refused", "confirmed"]
