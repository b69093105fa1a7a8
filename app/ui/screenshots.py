"""Render the cashier window in its main states to PNG files, with demo values.

    python -m app.ui.screenshots OUTDIR

Runs offscreen (no display needed); ``make screenshots`` calls it. The states are the ones a
reviewer needs to judge the layout and every outcome at the till's 1366×768; the label-width test
(tests/ui/test_room_to_read.py) walks the same states at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from app.ui.dialogs.error_dialog import ErrorDialog
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import (
    MemberCardData,
    MemberSuggestion,
    RedemptionRowData,
    RefusalRowData,
    ResultData,
    RewardCardData,
    ShiftSummaryData,
    StatusData,
    VoucherRowData,
)

SIZE = (1366, 768)

MEMBER = MemberCardData(
    name="Budi Santoso",
    level="Gold member · since 2021",
    stamps=120,
    balance_text="Rp 250.000 balance",
    pin_protected=False,
)
PIN_MEMBER = MemberCardData(
    name="Siti Rahmawati",
    level="Platinum member",
    stamps=340,
    balance_text="Rp 1.200.000 balance",
    pin_protected=True,
)
REWARDS = [
    RewardCardData("R1", "Free Kopi Susu", 10),
    RewardCardData("R2", "Butter Croissant", 25),
    RewardCardData("R3", "Pay with stamps", 5, flexible=True),
    RewardCardData("R4", "Iced Americano Large", 30),
    RewardCardData(
        "R5",
        "Tumbler Limited Edition Stainless Steel",
        500,
        False,
        None,
        False,
        "Needs 500 stamps; member has 120",
    ),
    RewardCardData("R6", "Birthday Cake Slice", 40, False, None, False, "Only in birthday month"),
]
VOUCHERS = [
    VoucherRowData("V1", "Diskon Rp 50.000", "VC-7Q2M-88KD", "Rp 50.000", "1 Nov – 31 Dec 2026"),
    VoucherRowData(
        "V2",
        "Gift card",
        "GC-1200-4431",
        "Saldo Rp 145.000",
        "until 30 Jun 2027",
        balance=True,
        remaining_value=145_000,
    ),
    VoucherRowData("V3", "Free drink upgrade", "UP-55TT-0912", "1 upgrade", "today only"),
    VoucherRowData(
        "V4",
        "Kopi Gratis Ulang Tahun",
        "ULTAH-AYU-6",
        "—",
        "until 20 Dec 2026",
        usable=False,
        note="Already used on this till; waiting to sync",
    ),
]
ROWS = [
    RedemptionRowData("e4", "14:02", "Budi Santoso", "2 × Free Kopi Susu", "confirmed"),
    RedemptionRowData("e3", "13:40", "Siti Rahmawati", "Voucher Rp 50.000", "not_confirmed"),
    RedemptionRowData("e2", "13:10", "Andi Wijaya", "Butter Croissant", "accepted_offline"),
    RedemptionRowData("e1", "12:55", "Dewi Lestari", "Promo HEMAT10", "refused"),
]


def _window(size: tuple[int, int] = SIZE) -> CashierWindowView:
    window = CashierWindowView()
    window.resize(*size)
    window.show()
    window.show_cashier()
    window.status.set_cashier("Rina")
    window.redemptions_model.set_rows(ROWS)
    return window


def _with_member(window: CashierWindowView, member: MemberCardData = MEMBER) -> None:
    window.member_search.field.setText(member.name)
    window.member_card.set_member(member)
    window.reward_picker.set_rewards(REWARDS)
    window.reward_picker.set_available_stamps(member.stamps)
    window.voucher_panel.set_vouchers(VOUCHERS)
    window.invoice_field.set_text("INV-2026-000812")


def _offline(window: CashierWindowView) -> None:
    cached = datetime.now(UTC) - timedelta(hours=2, minutes=14)
    window.member_card.set_member(
        MemberCardData(
            MEMBER.name, MEMBER.level, 100, MEMBER.balance_text, cached_as_of=cached, projected=True
        )
    )
    window.status.set_status(StatusData("offline", queued=3, oldest_queued_age_s=420))


def _over(window: CashierWindowView, dialog: QDialog) -> QPixmap:
    """The window with a dialog drawn centred over it, as the cashier would see them."""
    QApplication.processEvents()
    shot = window.grab()
    dialog.adjustSize()
    QApplication.processEvents()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
    picture = dialog.grab()
    painter.drawPixmap(
        QPoint((shot.width() - picture.width()) // 2, (shot.height() - picture.height()) // 2),
        picture,
    )
    painter.end()
    return shot


def state_sign_in(window: CashierWindowView) -> QPixmap | None:
    window.sign_in.set_store("Kopi Senja — Senopati · till 2")
    window.sign_in.set_cashiers(["Rina", "Agus", "Putri", "Wayan"])
    window.sign_in.set_pin_required(True)
    window.show_sign_in()
    return None


def state_empty(window: CashierWindowView) -> QPixmap | None:
    window.redemptions_model.set_rows([])
    return None


def state_search(window: CashierWindowView) -> QPixmap | None:
    window.member_search.field.setText("bud")
    window.member_search.set_suggestions(
        [
            MemberSuggestion("Budi Santoso", "0812-3456-7890", "m1"),
            MemberSuggestion("Budiman Hartono", "budiman@example.co.id", "m2"),
            MemberSuggestion("Buddy Wicaksono", "member 0099172", "m3"),
        ]
    )
    return None


def state_member_found(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    return None


def state_rewards(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.reward_picker.select_reward("R3")
    window.reward_picker.stamps_spin.setValue(40)
    return None


def state_cart(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    cart = window.reward_picker.cart
    cart.add("R1", "Free Kopi Susu", 2, 10)
    cart.add("R2", "Butter Croissant", 1, 25)
    cart.add("R3", "Pay with stamps", 1, 5, 30)
    return None


def state_pin_pad(window: CashierWindowView) -> QPixmap | None:
    _with_member(window, PIN_MEMBER)
    dialog = PinDialog(PIN_MEMBER.name, window)
    dialog.show()
    for digit in "482":
        dialog.pad.press_digit(digit)
    dialog.show_failure("Wrong PIN. Try again.", 2)
    for digit in "193":
        dialog.pad.press_digit(digit)
    return _over(window, dialog)


def state_voucher(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_vouchers()
    window.voucher_panel.select_voucher("V2")
    window.voucher_panel.open_deduct_dialog()
    dialog = window.voucher_panel.deduct_dialog
    assert dialog is not None
    dialog.amount.setValue(35_000)
    return _over(window, dialog)


def state_balance_voucher(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_vouchers()
    window.voucher_panel.select_voucher("V2")
    return None


def state_use_up_whole(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_vouchers()
    window.voucher_panel.select_voucher("V2")
    window.voucher_panel.ask_use_whole()
    dialog = window.voucher_panel.whole_dialog
    assert dialog is not None
    return _over(window, dialog)


def state_offline_offer(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _offline(window)
    window.show_vouchers()
    window.voucher_panel.set_note("Offline copy of this member's vouchers, as of 25 Nov 11:48.")
    return None


def state_promo(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_promo()
    window.promo_panel.code_field.setText("HEMAT10")
    window.invoice_field.clear()
    window.invoice_field.set_required(True)
    return None


def state_waiting_for_pin(window: CashierWindowView) -> QPixmap | None:
    _with_member(window, PIN_MEMBER)
    window.result_panel.set_result(
        ResultData(
            "waiting_pin",
            "Butter Croissant",
            "The customer types their PIN on the pad.",
        )
    )
    dialog = PinDialog(PIN_MEMBER.name, window)
    dialog.show()
    for digit in "48":
        dialog.pad.press_digit(digit)
    return _over(window, dialog)


def state_sending(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData("working", "2 × Free Kopi Susu", "Sending to Stamps…")
    )
    return None


def state_confirmed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData(
            "confirmed",
            "2 × Free Kopi Susu for Budi Santoso",
            "20 stamps redeemed; 100 left.",
            redemption_id="RD-20391-8841",
        )
    )
    return None


def state_accepted_offline(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _offline(window)
    window.result_panel.set_result(
        ResultData(
            "accepted_offline",
            "Butter Croissant for Budi Santoso",
            "25 stamps held from the offline balance; sent when the network is back.",
        )
    )
    return None


def state_not_confirmed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.status.set_status(
        StatusData(
            "degraded",
            queued=2,
            unknown=1,
            oldest_queued_age_s=1260,
            stalled_lane_alert="Budi Santoso's redemptions have not moved for 20 min.",
        )
    )
    window.result_panel.set_result(
        ResultData(
            "not_confirmed",
            "Voucher Rp 50.000 for Budi Santoso",
            "Sent, but the server did not answer. The till is checking whether it went through.",
        )
    )
    return None


def state_refused(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData(
            "refused",
            "Promo code HEMAT10",
            "The Stamps server refused it: This promo code has expired.",
            what_to_do="Nothing was redeemed. Tell the customer why.",
        )
    )
    return None


def state_not_redeemed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _offline(window)
    window.result_panel.set_result(
        ResultData(
            "not_redeemed",
            "Tumbler Limited Edition Stainless Steel",
            "Offline, one redemption may cost at most 100 stamps; this costs 150.",
            what_to_do=(
                "The server could not be reached and the offline rules do not allow this. "
                "Nothing was redeemed; tell the customer why."
            ),
        )
    )
    window.redemptions_model.upsert(
        RedemptionRowData(
            "e5", "14:20", "Budi Santoso", "Tumbler Limited Edition Stainless Steel", "not_redeemed"
        )
    )
    return None


def state_paused(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.status.set_status(
        StatusData(
            "online",
            queued=5,
            failed=2,
            oldest_queued_age_s=3900,
            paused_for_credentials=True,
            credentials_note=(
                "The Stamps server still refuses this till's API token. A manager must set the "
                "new token (stamps-pos token set)."
            ),
        )
    )
    return None


def state_error(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    dialog = ErrorDialog(
        "RuntimeError: the member cache could not be read",
        "Traceback (most recent call last):\n  …\nRuntimeError: the member cache could not be read",
        window,
    )
    dialog.show()
    return _over(window, dialog)


def state_shift_summary(window: CashierWindowView) -> QPixmap | None:
    window.summary.set_summary(
        ShiftSummaryData(
            "Rina",
            "25 Nov 08:00",
            "25 Nov 16:02",
            confirmed=41,
            accepted_offline=6,
            not_confirmed=1,
            refused=3,
            not_redeemed=1,
            stamps_redeemed=812,
            rupiah_text="Rp 1.250.000",
            vouchers_used=9,
            promo_codes_used=4,
            refusals=(
                RefusalRowData(
                    "09:12",
                    "Agus Setiawan",
                    "Es Kopi Susu Gula Aren",
                    "The Stamps server refused it: Not enough stamps.",
                ),
                RefusalRowData(
                    "11:40",
                    "Hendra Gunawan",
                    "Croissant Mentega",
                    "This member is blocked. Ask them to contact the store.",
                ),
                RefusalRowData(
                    "13:05",
                    "Budi Santoso",
                    "Tumbler Limited Edition Stainless Steel",
                    "Offline, one redemption may cost at most 100 stamps; this costs 150.",
                ),
                RefusalRowData(
                    "15:31",
                    "Putri Maharani",
                    "Voucher code RINDANG-100K-LAMA",
                    "The Stamps server refused it: This voucher has expired.",
                ),
            ),
        )
    )
    window.show_summary()
    return None


STATES: dict[str, Callable[[CashierWindowView], QPixmap | None]] = {
    "01-sign-in": state_sign_in,
    "02-empty": state_empty,
    "03-search": state_search,
    "04-member-found": state_member_found,
    "05-rewards": state_rewards,
    "06-cart": state_cart,
    "07-pin-pad": state_pin_pad,
    "08-waiting-for-pin": state_waiting_for_pin,
    "09-balance-voucher": state_balance_voucher,
    "10-deduct": state_voucher,
    "11-use-up-whole": state_use_up_whole,
    "12-promo": state_promo,
    "13-sending": state_sending,
    "14-confirmed": state_confirmed,
    "15-offline-offer": state_offline_offer,
    "16-accepted-offline": state_accepted_offline,
    "17-not-confirmed": state_not_confirmed,
    "18-refused": state_refused,
    "19-not-redeemed": state_not_redeemed,
    "20-paused-credentials": state_paused,
    "21-error": state_error,
    "22-shift-summary": state_shift_summary,
}


def render_states(outdir: Path) -> list[Path]:
    """Render every state to ``outdir/<state>.png``; returns the files written."""
    from app.ui.app import create_application

    create_application([])
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in STATES.items():
        window = _window()
        shot = build(window)
        QApplication.processEvents()
        if shot is None:
            shot = window.grab()
        path = outdir / f"{name}.png"
        shot.save(str(path))
        written.append(path)
        for dialog in window.findChildren(QDialog):
            dialog.close()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m app.ui.screenshots OUTDIR``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render_states(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["STATES", "main", "render_states"]
