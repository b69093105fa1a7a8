"""Vouchers, voucher codes, promo codes and the invoice number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.domain import format_rupiah
from app.ui.viewmodels import VoucherRowData
from app.ui.widgets.invoice_field import InvoiceField
from app.ui.widgets.promo_panel import PromoPanel
from app.ui.widgets.voucher_panel import VoucherPanel

FIXED = VoucherRowData("v1", "Diskon Rp 50.000", "VC-1", "Rp 50.000", "until 31 Dec")
GIFT = VoucherRowData(
    "v2",
    "Gift card",
    "GC-2",
    "Saldo Rp 145.000",
    "until 30 Jun",
    balance=True,
    remaining_value=145_000,
)
USED = VoucherRowData(
    "v3", "Free drink", "FD-3", "Rp 30.000", "", usable=False, note="Already used on this till"
)


@pytest.fixture
def panel(qtbot: QtBot) -> VoucherPanel:
    panel = VoucherPanel()
    qtbot.addWidget(panel)
    panel.set_vouchers([FIXED, GIFT, USED])
    panel.show()
    return panel


def test_the_members_vouchers_are_listed_with_values_and_dates(panel: VoucherPanel):
    assert panel.table.rowCount() == 3
    row = [panel.table.item(1, column).text() for column in range(3)]
    assert row == ["Gift card", "GC-2", "Saldo Rp 145.000\nuntil 30 Jun"]


def test_a_voucher_already_used_here_says_so_and_cannot_be_redeemed(
    qtbot: QtBot, panel: VoucherPanel
):
    assert panel.table.item(2, 0).text() == "Free drink — Already used on this till"
    panel.select_voucher("v3")
    assert not panel.redeem_button.isEnabled()
    with qtbot.assertNotEmitted(panel.voucher_redeem_requested):
        panel.redeem_selected()


def test_redeeming_a_fixed_voucher(qtbot: QtBot, panel: VoucherPanel):
    panel.select_voucher("v1")
    with qtbot.waitSignal(panel.voucher_redeem_requested) as request:
        panel.redeem_button.click()
    assert request.args == ["v1"]


def test_a_balance_voucher_asks_how_much_to_deduct(qtbot: QtBot, panel: VoucherPanel):
    panel.select_voucher("v2")
    assert panel.redeem_button.text() == "Deduct from saldo…"
    with qtbot.assertNotEmitted(panel.voucher_redeem_requested):
        panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.most_to_deduct == 145_000
    assert dialog.findChild(QLabel, "deductRemaining").text() == "Saldo Rp 145.000"
    dialog.amount.setValue(35_000)
    assert dialog.amount.text() == format_rupiah(35_000)  # "Rp 35.000", as everywhere else

    with qtbot.waitSignal(panel.deduct_requested) as request:
        dialog.accept()
    assert request.args == ["v2", 35_000]


def test_using_a_balance_voucher_up_whole_is_a_separate_choice_that_says_what_is_lost(
    qtbot: QtBot, panel: VoucherPanel
):
    panel.select_voucher("v1")
    assert not panel.whole_button.isVisibleTo(panel)  # a fixed voucher is used whole anyway
    panel.select_voucher("v2")
    assert panel.whole_button.isVisibleTo(panel) and panel.whole_button.isEnabled()
    with qtbot.assertNotEmitted(panel.whole_balance_requested):
        panel.whole_button.click()
        box = panel.whole_dialog
        assert box is not None and box.isVisible()
        assert "Saldo Rp 145.000 left on it will be lost" in box.text()
        box.reject()  # "Keep it" is the default and Esc
    panel.whole_button.click()
    box = panel.whole_dialog
    assert box is not None
    use = next(b for b in box.buttons() if b.text() == "Use it up whole")
    with qtbot.waitSignal(panel.whole_balance_requested) as request:
        use.click()
    assert request.args == ["v2"]


def test_cancelling_the_deduct_dialog_sends_nothing(qtbot: QtBot, panel: VoucherPanel):
    panel.select_voucher("v2")
    panel.open_deduct_dialog()
    with qtbot.assertNotEmitted(panel.deduct_requested):
        panel.deduct_dialog.reject()
    assert panel.deduct_dialog is None


def test_a_voucher_code_is_sent_on_enter(qtbot: QtBot, panel: VoucherPanel):
    qtbot.keyClicks(panel.code_field, "  VC-9Q  ")
    with qtbot.waitSignal(panel.code_entered) as code:
        qtbot.keyClick(panel.code_field, Qt.Key.Key_Return)
    assert code.args == ["VC-9Q"]


def test_no_vouchers_says_so(qtbot: QtBot, panel: VoucherPanel):
    panel.set_vouchers([])
    assert panel.empty_label.isVisible()
    assert not panel.redeem_button.isEnabled()


def test_a_list_not_read_is_not_said_to_be_empty(qtbot: QtBot, panel: VoucherPanel):
    # While the vouchers are read, and when they could not be, the panel said "No vouchers for
    # this member." above "Reading the vouchers…" or "…could not be read": a list never read is
    # unknown, not empty.
    panel.set_vouchers([], read=False)
    assert not panel.empty_label.isVisible() and not panel.table.isVisible()
    assert not panel.redeem_button.isEnabled()
    panel.set_vouchers([])
    assert panel.empty_label.isVisible()


def test_promo_code(qtbot: QtBot):
    promo = PromoPanel()
    qtbot.addWidget(promo)
    with qtbot.assertNotEmitted(promo.promo_entered):
        promo.redeem_button.click()
    qtbot.keyClicks(promo.code_field, "HEMAT10")
    with qtbot.waitSignal(promo.promo_entered) as entered:
        promo.redeem_button.click()
    assert entered.args == ["HEMAT10"]


def test_invoice_field(qtbot: QtBot):
    invoice = InvoiceField()
    qtbot.addWidget(invoice)
    with qtbot.waitSignal(invoice.invoice_changed) as changed:
        invoice.set_text(" INV-812 ")
    assert changed.args == ["INV-812"]
    assert invoice.text() == "INV-812"
    invoice.set_required(True)
    assert invoice.field.property("required") == "true"
    invoice.clear()
    assert invoice.text() == ""
    assert invoice.field.property("required") == "false"


def test_a_balance_voucher_with_a_fraction_left_allows_the_whole_rupiah_left(
    qtbot: QtBot, panel: VoucherPanel
):
    half = VoucherRowData(
        "v4",
        "Saldo",
        "SL-4",
        "Saldo Rp 150.000,50",
        "",
        balance=True,
        remaining_value=Decimal("150000.50"),
    )
    panel.set_vouchers([half])
    panel.select_voucher("v4")
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None
    assert dialog.findChild(QLabel, "deductRemaining").text() == "Saldo Rp 150.000,50"
    assert dialog.most_to_deduct == 150_000  # whole rupiah, never more than is left


def test_a_balance_voucher_with_less_than_a_rupiah_left_deducts_nothing(
    qtbot: QtBot, panel: VoucherPanel
):
    empty = VoucherRowData(
        "v5", "Saldo", "SL-5", "Saldo Rp 0,50", "", balance=True, remaining_value=Decimal("0.5")
    )
    panel.set_vouchers([empty])
    panel.select_voucher("v5")
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None
    assert dialog.amount.maximum() == 0
    with qtbot.assertNotEmitted(panel.deduct_requested):
        dialog.accept()


def test_a_voucher_of_unconfirmed_kind_says_so_on_its_row_and_when_deducting(
    qtbot: QtBot, panel: VoucherPanel
):
    unsure = VoucherRowData(
        "v6",
        "Saldo Ulang Tahun",
        "SU-6",
        "Saldo Rp 80.000",
        "until 30 Jun",
        balance=True,
        remaining_value=80_000,
        kind_known=False,
    )
    panel.set_vouchers([GIFT, unsure])
    value = panel.table.item(1, 2)
    assert value.text() == "Saldo Rp 80.000\nuntil 30 Jun\nkind not confirmed"
    assert panel.table.item(1, 0).toolTip() == (
        "Saldo Ulang Tahun\n"
        "No one has confirmed that this is a balance voucher: it is treated as one, and offline "
        "nothing can be deducted from it."
    )
    assert panel.table.item(0, 2).text() == "Saldo Rp 145.000\nuntil 30 Jun"
    assert panel.table.item(0, 0).toolTip() == "Gift card"

    panel.select_voucher("v6")
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None and dialog.isVisible()
    line = dialog.findChild(QLabel, "deductKindUnconfirmed")
    assert line is not None and line.isVisible()
    assert line.text() == (
        "Kind not confirmed: if this is not a balance voucher, the server refuses the "
        "deduction. Offline, nothing can be deducted from it."
    )
    dialog.reject()

    panel.select_voucher("v2")  # a confirmed balance voucher's dialog says nothing of it
    panel.redeem_button.click()
    assert panel.deduct_dialog is not None
    assert panel.deduct_dialog.findChild(QLabel, "deductKindUnconfirmed") is None
