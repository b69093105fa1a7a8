"""The deduct dialog names the voucher in the server's words."""

from __future__ import annotations

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
