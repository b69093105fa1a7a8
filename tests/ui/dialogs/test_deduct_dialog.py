"""The deduct dialog names the voucher in the server's words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.ui.dialogs.deduct_dialog import DeductDialog
from app.ui.viewmodels import VoucherRowData


def test_a_voucher_name_of_two_thousand_characters_keeps_the_dialog_on_the_screen(
    qtbot: QtBot,
) -> None:
    # One word the heading cannot wrap made the dialog 18,000 px wide: the amount field and the
    # Deduct button were off the till's 1366 px screen.
    voucher = VoucherRowData("V2", "Panjang" * 290, "GC-1", "Saldo Rp 145.000", "", balance=True)
    dialog = DeductDialog(voucher)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.sizeHint().width() < 1366


def test_an_amount_over_what_is_left_is_said_not_cut_to_another(qtbot: QtBot) -> None:
    # Seen under Xvfb: Rp 80.000 left, the cashier typed 90000 and pressed Enter; the box had
    # dropped the last 0 it could not hold and Rp 9.000 was deducted, the bill taken down by
    # a tenth of what the cashier meant, with nothing said.
    voucher = VoucherRowData(
        "V1",
        "Saldo Hadiah Rindang",
        "GC-1",
        "Saldo Rp 80.000",
        "",
        balance=True,
        remaining_value=80_000,
    )
    dialog = DeductDialog(voucher)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount, "90000")
    assert dialog.value() == 90_000  # what was typed stays in the box, to be put right
    too_much = dialog.findChild(QLabel, "deductTooMuch")
    assert too_much is not None and too_much.isVisible()
    assert too_much.text() == "Only Rp 80.000 is left on this voucher."
    deduct = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not deduct.isEnabled()
    dialog.accept()  # Enter in the box
    assert dialog.isVisible()  # nothing deducted
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "80000")
    assert deduct.isEnabled() and not too_much.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.accept()
    assert dialog.value() == 80_000


def test_the_amount_opens_empty_and_an_early_enter_deducts_nothing(qtbot: QtBot) -> None:
    # Seen under Xvfb: the box opened at "Rp 1", selected; an Enter pressed a moment early
    # deducted Rp 1 from Ayu's saldo, and the server confirmed it.
    voucher = VoucherRowData(
        "V1", "Saldo Hadiah Rindang", "GC-1", "Saldo Rp 80.000", "", balance=True,
        remaining_value=80_000,
    )  # fmt: skip
    dialog = DeductDialog(voucher)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.amount.text() == "Type the amount"
    deduct = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not deduct.isEnabled()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.amount, "25000")
    assert dialog.value() == 25_000 and deduct.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.value() == 25_000
