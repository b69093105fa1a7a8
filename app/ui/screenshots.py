"""Render the cashier window in its main states to PNG files, with demo values.

    python -m app.ui.screenshots OUTDIR          # SCREENSHOT_LANG=id for Bahasa Indonesia

Runs offscreen (no display needed); ``make screenshots`` calls it. The states are the ones a
reviewer needs to judge the layout and every outcome at the till's 1366×768; the label-width test
(tests/ui/test_room_to_read.py) walks the same states at 1366×768 and 1920×1080, and
tests/ui/test_every_word_translated.py walks them in each language.

Every word a state shows comes from where the running window gets it: the core's messages
(``words(say(...))``), the controllers' own sentences (looked up in their translation context,
so the same entry of the ``.ts`` serves both), dates in the window's locale. Only what the till
shows as it comes is written here: people's and shops' names, the server's words (reward,
voucher and level names, its reasons), codes and numbers: :data:`AS_THE_SERVER_SAYS` lists them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from app.core.services import format_rupiah, say
from app.ui.dates import day_text, moment_text, time_text
from app.ui.dialogs.about_dialog import AboutDialog
from app.ui.dialogs.error_dialog import ErrorDialog
from app.ui.dialogs.keyboard_help import KeyboardHelpDialog
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
from app.ui.widgets.status_bar import age_text
from app.ui.wording import words

SIZE = (1366, 768)
#: The environment variable that picks the screenshots' language (``id``; English without it).
LANGUAGE_ENV = "SCREENSHOT_LANG"


def _said(context: str, source: str, **params: str | int) -> str:
    """A controller's sentence as the window shows it: ``source`` is that controller's own
    source text, looked up in its translation context."""
    return QCoreApplication.translate(context, source).format(**params)


def _today_at(hour: int, minute: int) -> datetime:
    return datetime.now().astimezone().replace(hour=hour, minute=minute, second=0, microsecond=0)


MEMBER_NAME = "Budi Santoso"
PIN_MEMBER_NAME = "Siti Rahmawati"
CASHIERS = ["Rina", "Agus", "Putri", "Wayan"]
STORE_CODE, TERMINAL = "KS-SENOPATI", "till-2"
KOPI_SUSU, CROISSANT = "Free Kopi Susu", "Butter Croissant"
TUMBLER = "Tumbler Limited Edition Stainless Steel"
FLEXIBLE = "Pay with stamps"
VOUCHER_50K, GIFT_CARD = "Diskon Rp 50.000", "Gift card"
PROMO = "HEMAT10"
EXPIRED_PROMO = "This promo code has expired."
CRASH = "RuntimeError: the member cache could not be read"

#: What the screenshots show as the till receives it, in any language: names, the server's
#: words and codes (the translation test allows these to stay as they are).
AS_THE_SERVER_SAYS: frozenset[str] = frozenset(
    {
        MEMBER_NAME, PIN_MEMBER_NAME, *CASHIERS, STORE_CODE, TERMINAL, "Gold", "Platinum",
        KOPI_SUSU, CROISSANT, TUMBLER, FLEXIBLE, "Iced Americano Large", "Birthday Cake Slice",
        VOUCHER_50K, GIFT_CARD, "Free drink upgrade", "Kopi Gratis Ulang Tahun",
        "VC-7Q2M-88KD", "GC-1200-4431", "UP-55TT-0912", "ULTAH-AYU-6", "INV-2026-000812",
        PROMO, EXPIRED_PROMO, "RD-20391-8841", CRASH, "Budiman Hartono", "Buddy Wicaksono",
        "budiman@example.co.id", "0812-3456-7890", "Andi Wijaya", "Dewi Lestari",
        "Agus Setiawan", "Hendra Gunawan", "Putri Maharani", "Es Kopi Susu Gula Aren",
        "Croissant Mentega", "Voucher Rindang 100K", "Not enough stamps.",
        "This voucher has expired.",
    }
)  # fmt: skip


def _member() -> MemberCardData:
    return MemberCardData(
        name=MEMBER_NAME,
        level="Gold",
        stamps=120,
        balance_text=format_rupiah(250_000),
        pin_protected=False,
    )


def _pin_member() -> MemberCardData:
    return MemberCardData(
        name=PIN_MEMBER_NAME,
        level="Platinum",
        stamps=340,
        balance_text=format_rupiah(1_200_000),
        pin_protected=True,
    )


def _rewards() -> list[RewardCardData]:
    not_offered = _said("RewardsController", "Not offered to this member (level or store)")
    needs = _said(
        "RewardsController", "Needs {cost} stamps; member has {stamps}", cost=500, stamps=120
    )
    return [
        RewardCardData("R1", KOPI_SUSU, 10),
        RewardCardData("R2", CROISSANT, 25),
        RewardCardData("R3", FLEXIBLE, 5, flexible=True),
        RewardCardData("R4", "Iced Americano Large", 30),
        RewardCardData("R5", TUMBLER, 500, False, None, False, needs),
        RewardCardData("R6", "Birthday Cake Slice", 40, False, None, False, not_offered),
    ]


def _until(day: date) -> str:
    return _said("VouchersController", "until {end}", end=day_text(day))


def _vouchers() -> list[VoucherRowData]:
    today = datetime.now().astimezone().date()
    return [
        VoucherRowData(
            "V1", VOUCHER_50K, "VC-7Q2M-88KD", format_rupiah(50_000), _until(date(2026, 12, 31))
        ),
        VoucherRowData(
            "V2",
            GIFT_CARD,
            "GC-1200-4431",
            _said("VouchersController", "Saldo {left}", left=format_rupiah(145_000)),
            _until(date(2027, 6, 30)),
            balance=True,
            remaining_value=145_000,
        ),
        VoucherRowData("V3", "Free drink upgrade", "UP-55TT-0912", "—", _until(today)),
        VoucherRowData(
            "V4",
            "Kopi Gratis Ulang Tahun",
            "ULTAH-AYU-6",
            format_rupiah(35_000),
            _until(date(2026, 12, 20)),
            usable=False,
            note=_said("VouchersController", "Already used on this till; waiting to sync"),
        ),
    ]


def _rows() -> list[RedemptionRowData]:
    return [
        RedemptionRowData(
            "e4",
            time_text(_today_at(14, 2)),
            MEMBER_NAME,
            words(say("what.rewards", qty=2, name=KOPI_SUSU)),
            "confirmed",
        ),
        RedemptionRowData(
            "e3",
            time_text(_today_at(13, 40)),
            PIN_MEMBER_NAME,
            words(say("what.voucher", name=VOUCHER_50K)),
            "not_confirmed",
        ),
        RedemptionRowData(
            "e2",
            time_text(_today_at(13, 10)),
            "Andi Wijaya",
            words(say("what.reward", name=CROISSANT)),
            "accepted_offline",
        ),
        RedemptionRowData(
            "e1",
            time_text(_today_at(12, 55)),
            "Dewi Lestari",
            words(say("what.promo", code=PROMO)),
            "refused",
        ),
    ]


def _window(size: tuple[int, int] = SIZE) -> CashierWindowView:
    window = CashierWindowView()
    window.resize(*size)
    window.show()
    window.show_cashier()
    window.status.set_cashier(CASHIERS[0])
    window.redemptions_model.set_rows(_rows())
    return window


def _with_member(window: CashierWindowView, member: MemberCardData | None = None) -> None:
    member = member or _member()
    window.member_search.field.setText(member.name)
    window.member_card.set_member(member)
    window.reward_picker.set_rewards(_rewards())
    window.reward_picker.set_available_stamps(member.stamps)
    window.voucher_panel.set_vouchers(_vouchers())
    window.invoice_field.set_text("INV-2026-000812")


def _offline(window: CashierWindowView) -> None:
    cached = datetime.now(UTC) - timedelta(hours=2, minutes=14)
    member = _member()
    window.member_card.set_member(
        MemberCardData(
            member.name,
            member.level,
            100,
            member.balance_text,
            cached_as_of=cached,
            projected=True,
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
    window.sign_in.set_store(
        _said(
            "ShiftController",
            "Store {store} · till {terminal}",
            store=STORE_CODE,
            terminal=TERMINAL,
        )
    )
    window.sign_in.set_cashiers(CASHIERS)
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
            MemberSuggestion(MEMBER_NAME, "0812-3456-7890", "m1"),
            MemberSuggestion("Budiman Hartono", "budiman@example.co.id", "m2"),
            MemberSuggestion("Buddy Wicaksono", "0812-9900-9172", "m3"),
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
    cart.add("R1", KOPI_SUSU, 2, 10)
    cart.add("R2", CROISSANT, 1, 25)
    cart.add("R3", FLEXIBLE, 1, 5, 30)
    return None


def state_pin_pad(window: CashierWindowView) -> QPixmap | None:
    member = _pin_member()
    _with_member(window, member)
    dialog = PinDialog(member.name, window)
    dialog.show()
    for digit in "482":
        dialog.pad.press_digit(digit)
    dialog.show_failure(words(say("pin.wrong")), 2)
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
    as_of = datetime.now(UTC) - timedelta(hours=2, minutes=14)
    window.voucher_panel.set_note(
        _said(
            "VouchersController",
            "Offline copy of this member's vouchers, as of {time}.",
            time=moment_text(as_of),
        )
    )
    return None


def state_promo(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_promo()
    window.promo_panel.code_field.setText(PROMO)
    window.invoice_field.clear()
    window.invoice_field.set_required(True)
    return None


def state_waiting_for_pin(window: CashierWindowView) -> QPixmap | None:
    member = _pin_member()
    _with_member(window, member)
    window.result_panel.set_result(
        ResultData(
            "waiting_pin",
            words(say("what.reward", name=CROISSANT)),
            _said("RedemptionController", "The customer types their PIN on the pad."),
        )
    )
    dialog = PinDialog(member.name, window)
    dialog.show()
    for digit in "48":
        dialog.pad.press_digit(digit)
    return _over(window, dialog)


def state_sending(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData(
            "working",
            words(say("what.rewards", qty=2, name=KOPI_SUSU)),
            _said("RedemptionController", "Sending to Stamps…"),
        )
    )
    return None


def state_confirmed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData(
            "confirmed",
            words(say("what.rewards", qty=2, name=KOPI_SUSU)),
            words(say("receipt.stamps_left", stamps=100)),
            redemption_id="RD-20391-8841",
            what_to_do=words(say("receipt.confirmed.todo")),
        )
    )
    return None


def state_accepted_offline(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _offline(window)
    window.result_panel.set_result(
        ResultData(
            "accepted_offline",
            words(say("what.reward", name=CROISSANT)),
            what_to_do=words(say("receipt.accepted_offline.todo")),
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
            stalled_lane_alert=_said(
                "StatusController",
                "A redemption has waited {age} to sync. Check the network, or call a manager.",
                age=age_text(1260),
            ),
        )
    )
    window.result_panel.set_result(
        ResultData(
            "not_confirmed",
            words(say("what.voucher", name=VOUCHER_50K)),
            words(say("receipt.detail.lost")),
            what_to_do=words(say("receipt.not_confirmed.todo")),
        )
    )
    return None


def state_refused(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.result_panel.set_result(
        ResultData(
            "refused",
            words(say("what.promo", code=PROMO)),
            words(say("server.refused", reason=EXPIRED_PROMO)),
            what_to_do=_said(
                "RedemptionController", "Nothing was redeemed. Tell the customer why."
            ),
        )
    )
    return None


def state_not_redeemed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _offline(window)
    window.result_panel.set_result(
        ResultData(
            "not_redeemed",
            words(say("what.reward", name=TUMBLER)),
            words(say("policy.too_costly_offline", limit=100, cost=150)),
            what_to_do=words(say("receipt.not_redeemed.todo")),
        )
    )
    window.redemptions_model.upsert(
        RedemptionRowData(
            "e5",
            time_text(_today_at(14, 20)),
            MEMBER_NAME,
            words(say("what.reward", name=TUMBLER)),
            "not_redeemed",
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
            credentials_note=words(say("queue.still_refused")),
        )
    )
    return None


def state_error(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    dialog = ErrorDialog(
        CRASH, f"Traceback (most recent call last):\n  …\n{CRASH}", window, lambda: Path()
    )
    dialog.show()
    return _over(window, dialog)


def state_shift_summary(window: CashierWindowView) -> QPixmap | None:
    window.summary.set_summary(
        ShiftSummaryData(
            CASHIERS[0],
            moment_text(_today_at(8, 0)),
            moment_text(_today_at(16, 2)),
            confirmed=41,
            accepted_offline=6,
            not_confirmed=1,
            refused=3,
            not_redeemed=1,
            stamps_redeemed=812,
            rupiah_text=format_rupiah(1_250_000),
            vouchers_used=9,
            promo_codes_used=4,
            refusals=(
                RefusalRowData(
                    time_text(_today_at(9, 12)),
                    "Agus Setiawan",
                    "Es Kopi Susu Gula Aren",
                    words(say("server.refused", reason="Not enough stamps.")),
                ),
                RefusalRowData(
                    time_text(_today_at(11, 40)),
                    "Hendra Gunawan",
                    "Croissant Mentega",
                    words(say("policy.member_blocked")),
                ),
                RefusalRowData(
                    time_text(_today_at(13, 5)),
                    MEMBER_NAME,
                    TUMBLER,
                    words(say("policy.too_costly_offline", limit=100, cost=150)),
                ),
                RefusalRowData(
                    time_text(_today_at(15, 31)),
                    "Putri Maharani",
                    "Voucher Rindang 100K",
                    words(say("server.refused", reason="This voucher has expired.")),
                ),
            ),
        )
    )
    window.show_summary()
    return None


def state_keyboard(window: CashierWindowView) -> QPixmap | None:
    dialog = KeyboardHelpDialog(window)
    dialog.show()
    return _over(window, dialog)


def state_about(window: CashierWindowView) -> QPixmap | None:
    dialog = AboutDialog(window)
    dialog.show()
    return _over(window, dialog)


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
    "23-keyboard": state_keyboard,
    "24-about": state_about,
}


def render_states(outdir: Path, language: str = "en") -> list[Path]:
    """Render every state to ``outdir/<state>.png`` in ``language`` (``en`` or ``id``); returns
    the files written."""
    from app.ui.app import create_application

    create_application([], language=language)
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
    """``python -m app.ui.screenshots OUTDIR``, in the language ``$SCREENSHOT_LANG`` names."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: [SCREENSHOT_LANG=id] python -m app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    language = os.environ.get(LANGUAGE_ENV) or "en"
    if language not in ("en", "id"):
        print(f"{LANGUAGE_ENV} must be en or id, not {language!r}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render_states(Path(args[0]), language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["STATES", "main", "render_states"]
