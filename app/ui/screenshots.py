"""Render the cashier window in its main states to PNG files, with demo values (and the page
a till that cannot start shows in its place).

    python -m app.ui.screenshots OUTDIR          # SCREENSHOT_LANG=id for Bahasa Indonesia

Runs offscreen (no display needed); ``make screenshots`` calls it. The states are the ones a
reviewer needs to judge the layout and every outcome at the till's 1366×768; the room-to-read
test (tests/ui/test_room_to_read.py) walks the same states at 1024×768, 1280×720, 1366×768 and
1920×1080 in each language (labels, buttons, table cells and fields' placeholders), and
tests/ui/test_every_word_translated.py walks them in each language.

Every word a state shows comes from where the running window gets it: the core's messages
(``words(say(...))``), the controllers' own sentences (looked up in their translation context,
so the same entry of the ``.ts`` serves both), dates in the window's locale. Only what the till
shows as it comes is written here: people's and shops' names, the server's words (reward,
voucher and level names, its reasons), codes and numbers: :data:`AS_THE_SERVER_SAYS` lists them.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from app.config import Settings
from app.core.services import (
    AttemptLine,
    AuditLine,
    CancelState,
    ClockFault,
    ClockWarning,
    EntryDetails,
    EntryStatus,
    ExceptionItem,
    HistoryRow,
    MemberContact,
    OperationKind,
    SalvagedEntry,
    StorageFull,
    Verdict,
    format_rupiah,
    say,
)
from app.settings_file import SettingsFile
from app.ui.cannot_start import CannotStartPage, StartRefusal
from app.ui.clock_words import clock_fact
from app.ui.controllers.audit_words import action_words, audit_row
from app.ui.controllers.damaged import entry_words
from app.ui.controllers.day import NO_AMOUNT, standing_words
from app.ui.controllers.details_words import details_data
from app.ui.controllers.manager_words import (
    exception_data,
    history_row,
    kind_words,
    status_choices,
)
from app.ui.controllers.offline_copy import offline_copy_note
from app.ui.controllers.settings import setting_fields
from app.ui.controllers.storage import sentence_for
from app.ui.dates import day_text, moment_text, time_text
from app.ui.dialogs.about_dialog import AboutDialog
from app.ui.dialogs.error_dialog import ErrorDialog
from app.ui.dialogs.keyboard_help import KeyboardHelpDialog
from app.ui.dialogs.pin_dialog import PinDialog
from app.ui.main_window import CashierWindowView
from app.ui.manager.decisions import DecisionDialog
from app.ui.manager.details import EntryDetailsDialog
from app.ui.manager.exceptions import ExceptionData
from app.ui.manager.page import ManagerPageView
from app.ui.manager.settings_dialog import SettingsDialog
from app.ui.manager.sign_in_dialog import ManagerSignInDialog
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
from app.ui.widgets.rows_table import TableRow
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
BLOCKED_NAME = "Hendra Gunawan"  # in AS_THE_SERVER_SAYS with the manager's names
CASHIERS = ["Rina", "Agus", "Putri", "Wayan"]
STORE_CODE, TERMINAL = "KS-SENOPATI", "till-2"
KOPI_SUSU, CROISSANT = "Free Kopi Susu", "Butter Croissant"
TUMBLER = "Tumbler Limited Edition Stainless Steel"
FLEXIBLE = "Pay with stamps"
VOUCHER_50K, GIFT_CARD = "Diskon Rp 50.000", "Gift card"
SALDO = "Saldo Hadiah Rindang"  # a balance voucher whose kind no one confirmed
PROMO = "HEMAT10"
EXPIRED_PROMO = "This promo code has expired."
CRASH = "RuntimeError: the member cache could not be read"
MANAGER, OTHER_MANAGER = "Wayan", "Putu"
#: Who the kiosk's redemptions are recorded as, in every language (app/core/services/kiosk.py).
KIOSK = "Kiosk"
ENTRY_ID = "01a22cb8-e2fd-7cc6-bbe3-c599681dca62"
#: The Stamps server the pictured till talks to.
BASE_URL = "https://stamps.co.id"
#: SQLite's own words for a damaged file, shown as the check found them.
DAMAGED = "database disk image is malformed"

#: What the screenshots show as the till receives it, in any language: names, the server's
#: words and codes (the translation test allows these to stay as they are).
AS_THE_SERVER_SAYS: frozenset[str] = frozenset(
    {
        MEMBER_NAME, PIN_MEMBER_NAME, *CASHIERS, STORE_CODE, TERMINAL, "Gold", "Platinum",
        KOPI_SUSU, CROISSANT, TUMBLER, FLEXIBLE, "Iced Americano Large", "Birthday Cake Slice",
        VOUCHER_50K, GIFT_CARD, "Free drink upgrade", "Kopi Gratis Ulang Tahun", SALDO,
        "VC-7Q2M-88KD", "GC-1200-4431", "UP-55TT-0912", "ULTAH-AYU-6", "SALDO-AYU-150K",
        "INV-2026-000812",
        PROMO, EXPIRED_PROMO, "RD-20391-8841", CRASH, "Budiman Hartono", "Buddy Wicaksono",
        "budiman@example.co.id", "0812-3456-7890", "Andi Wijaya", "Dewi Lestari",
        "Agus Setiawan", "agus.setiawan@contoh.co.id", "Hendra Gunawan", "Putri Maharani",
        "Es Kopi Susu Gula Aren", "Croissant Mentega", "Voucher Rindang 100K", "Not enough stamps.",
        "This voucher has expired.", DAMAGED, OTHER_MANAGER, ENTRY_ID, KIOSK,
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
        VoucherRowData(
            "V5",
            SALDO,
            "SALDO-AYU-150K",
            _said("VouchersController", "Saldo {left}", left=format_rupiah(150_000)),
            _until(date(2027, 2, 28)),
            balance=True,
            remaining_value=150_000,
            kind_known=False,
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
    window.status.set_status(StatusData("online"))  # the usual till: the server has answered
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


def _invoice_owner(window: CashierWindowView) -> None:
    # Whose sale the number is for, as the till says it (InvoiceOwner) under the field: the
    # README's picture (this state's) showed the number without it. Only here: in the states
    # the notices tests start from, under all four banners at 1024x768 the line would take 24 px
    # more of the card's room (the invoice moves up by what the card gives: architecture.md).
    name = window.member_card.name_text()
    owner = QCoreApplication.translate("InvoiceOwner", "For {name}").format(name=name)
    window.invoice_field.set_owner(owner, for_next=False)


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
    window.voucher_panel.set_note(offline_copy_note("vouchers", as_of))
    return None


def state_kind_not_confirmed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.show_vouchers()
    window.voucher_panel.select_voucher("V5")
    window.voucher_panel.open_deduct_dialog()
    dialog = window.voucher_panel.deduct_dialog
    assert dialog is not None
    dialog.amount.setValue(50_000)
    return _over(window, dialog)


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
        ResultData("waiting_pin", words(say("what.reward", name=CROISSANT)))
    )
    dialog = PinDialog(member.name, window)
    dialog.show()
    for digit in "48":
        dialog.pad.press_digit(digit)
    return _over(window, dialog)


def state_sending(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    what = words(say("what.rewards", qty=2, name=KOPI_SUSU))
    window.result_panel.set_result(
        ResultData("working", what, _said("RedemptionController", "Sending to Stamps…"))
    )
    # its row says it is being sent, as the panel does, not "NOT CONFIRMED" before it
    window.redemptions_model.upsert(
        RedemptionRowData(
            "e5", time_text(_today_at(14, 20)), MEMBER_NAME, what, "not_confirmed", sending=True
        )
    )
    return None


def state_confirmed(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    _invoice_owner(window)
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
            not_confirmed=1,
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


def state_not_confirmed_offline(window: CashierWindowView) -> QPixmap | None:
    """Accepted offline and handed over, then sent behind a network's sign-in page: not
    confirmed, in words that do not ask for the reward back."""
    _with_member(window)
    window.status.set_status(StatusData("degraded", queued=1, oldest_queued_age_s=540))
    window.result_panel.set_result(
        ResultData(
            "not_confirmed",
            words(say("what.reward", name=CROISSANT)),
            words(say("receipt.detail.web_page")),
            what_to_do=words(say("receipt.not_confirmed.offline.todo")),
            provisional=True,
        )
    )
    # its row in the shift's list says the same, within the list's column
    window.redemptions_model.upsert(
        RedemptionRowData(
            "e5",
            time_text(_today_at(14, 20)),
            MEMBER_NAME,
            words(say("what.reward", name=CROISSANT)),
            "not_confirmed",
            provisional=True,
        )
    )
    return None


def state_accepted_offline_paused(window: CashierWindowView) -> QPixmap | None:
    """Accepted offline and handed over; the network came back to a server that refuses the
    till's token: it waits for a manager's new token, not for the network."""
    _with_member(window)
    window.status.set_status(
        StatusData(
            "online",
            queued=1,
            oldest_queued_age_s=780,
            paused_for_credentials=True,
            paused_text=words(say("queue.paused")),
        )
    )
    window.result_panel.set_result(
        ResultData(
            "accepted_offline",
            words(say("what.reward", name=CROISSANT)),
            words(say("receipt.detail.paused")),
            what_to_do=words(say("receipt.accepted_offline.paused.todo")),
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
            what_to_do=words(say("receipt.refused.todo")),
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


def state_blocked_member(window: CashierWindowView) -> QPixmap | None:
    # The server blocked this member: the card says so, every tile is greyed with the reason,
    # and a code tried anyway is refused by the till before anything is queued.
    member = MemberCardData(BLOCKED_NAME, "Gold", 90, "", blocked=True)
    _with_member(window, member)
    blocked = _said("RewardsController", "The member is blocked")
    window.reward_picker.set_rewards(
        [dataclasses.replace(reward, available=False, reason=blocked) for reward in _rewards()]
    )
    window.result_panel.set_result(
        ResultData(
            "refused",
            words(say("what.promo", code=PROMO)),
            words(say("policy.member_blocked")),
            what_to_do=words(say("receipt.refused.todo")),
        )
    )
    return None


def state_clock_wrong(window: CashierWindowView) -> QPixmap | None:
    """The server's answers are dated 3 h 5 min later than the till's clock reads, while a lane
    has stalled: the clock's banner under the stall's, neither hiding the other."""
    _with_member(window)
    window.status.set_status(
        StatusData(
            "online",
            queued=2,
            oldest_queued_age_s=1260,
            stalled_lane_alert=_said(
                "StatusController",
                "A redemption has waited {age} to sync. Check the network, or call a manager.",
                age=age_text(1260),
            ),
            clock_alert=_said(
                "StatusController",
                "{fact}: ask a manager to set the time.",
                fact=clock_fact(ClockWarning(ClockFault.BEHIND, 3 * 3600 + 5 * 60)),
            ),
        )
    )
    return None


def paused_status() -> StatusData:
    """The bar of a queue paused for the API token, "Check again" tried once."""
    return StatusData(
        "online",
        queued=5,
        failed=2,
        oldest_queued_age_s=3900,
        paused_for_credentials=True,
        credentials_note=words(say("queue.still_refused")),
        paused_text=words(say("queue.paused")),
    )


def state_paused(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    window.status.set_status(paused_status())
    return None


def state_paused_https(window: CashierWindowView) -> QPixmap | None:
    """A 403 that is not about the token: the server refuses plain http (testing.rst §5)."""
    _with_member(window)
    said, address = "Please use https instead of http", "https://stamps.local"
    window.status.set_status(
        StatusData(
            "degraded",
            queued=2,
            oldest_queued_age_s=95,
            paused_for_credentials=True,
            paused_text=words(say("queue.paused.https", said=said, address=address)),
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
            cancelled=1,
            expired=1,
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


# --- manager mode -------------------------------------------------------------------------


def _history_row(
    key: str,
    at: datetime,
    cashier: str,
    user: str,
    verdict: Verdict,
    description: str,
    *,
    stamps: int = 0,
    rupiah: int = 0,
    server_id: int | None = None,
    invoice: str | None = None,
    cancel: str | None = None,
    attempts: tuple[AttemptLine, ...] = (),
    kiosk: bool = False,
    name: str | None = None,
) -> HistoryRow:
    """A row as ``till.history`` reads it; ``cancel`` names its cancel's message, if any;
    ``kiosk`` a redemption made on the kiosk (expired, it was not sent in time); ``name`` the
    member's name where the till knows it (``user`` is the identifier it sent)."""
    status = {
        Verdict.CONFIRMED: EntryStatus.SYNCED,
        Verdict.REFUSED: EntryStatus.REJECTED,
        Verdict.NOT_CONFIRMED: EntryStatus.UNKNOWN,
        Verdict.EXPIRED: EntryStatus.EXPIRED,
    }[verdict]
    headline = f"receipt.{verdict.value}"
    if kiosk and verdict is Verdict.EXPIRED:
        headline += ".kiosk"
    if verdict is Verdict.NOT_CONFIRMED:  # the unknown state by its name, as History reads it
        headline = "standing.not_confirmed"
    cancel_state = None
    if cancel is not None:
        done = cancel == "cancel.done"
        cancel_state = CancelState(
            f"{key}-cancel", EntryStatus.SYNCED if done else EntryStatus.QUEUED, say(cancel), False
        )
    return HistoryRow(
        entry_id=key,
        seq=0,
        created_at=at,
        kind=OperationKind.REWARD,
        status=status,
        verdict=verdict,
        headline=say(headline),
        cashier=cashier,
        terminal=TERMINAL,
        user=user,
        lane=f"member:{key}",
        description=description,
        server_redemption_id=server_id,
        invoice=invoice,
        stamps=stamps,
        rupiah=rupiah,
        provisional=False,
        reconciled=False,
        note=None,
        last_error=None,
        attempts=attempts,
        cancel=cancel_state,
        kiosk=kiosk,
        member_name=name,
    )


def _history() -> list[HistoryRow]:
    return [
        _history_row(
            "h5", _today_at(14, 20), "Rina", "budiman@example.co.id", Verdict.CONFIRMED,
            "Es Kopi Susu Gula Aren", stamps=40, server_id=2031, invoice="INV-2026-000812",
            cancel="cancel.pending", name="Budiman Hartono",
        ),
        _history_row(
            "h4", _today_at(14, 2), "Rina", "0812-3456-7890", Verdict.CONFIRMED,
            "Croissant Mentega", stamps=15, server_id=2030, cancel="cancel.done",
            name="Dewi Lestari",
        ),
        _history_row(
            "h3", _today_at(13, 40), "Agus", PIN_MEMBER_NAME, Verdict.CONFIRMED, GIFT_CARD,
            rupiah=35_000, server_id=2029, name=PIN_MEMBER_NAME,
        ),
        _history_row(
            "h6", _today_at(13, 25), KIOSK, "Hendra Gunawan", Verdict.EXPIRED, CROISSANT,
            stamps=25, kiosk=True, name="Hendra Gunawan",
        ),
        _history_row(
            "h2", _today_at(13, 10), "Agus", "Andi Wijaya", Verdict.NOT_CONFIRMED, KOPI_SUSU,
            stamps=12, name="Andi Wijaya",
        ),
        # one the cache no longer knows: listed by the identifier the till sent
        _history_row(
            "h1", _today_at(12, 55), "Putri", "agus.setiawan@contoh.co.id", Verdict.REFUSED,
            "Es Kopi Susu Gula Aren", stamps=20,
        ),
    ]  # fmt: skip


def _manager(window: CashierWindowView, tab: int = ManagerPageView.HISTORY) -> ManagerPageView:
    page = window.manager
    page.set_manager(MANAGER, 2)
    page.set_exception_count(2)
    page.history.set_choices(status_choices(), ["Agus", "Putri", "Rina"])
    page.history.set_rows([history_row(row) for row in _history()])
    page.tabs.setCurrentIndex(tab)
    window.show_manager()
    window.status.set_exceptions(2)
    return page


def state_manager_sign_in(window: CashierWindowView) -> QPixmap | None:
    why = _said("DecisionsController", "A manager decides on a redemption.")
    dialog = ManagerSignInDialog([OTHER_MANAGER, MANAGER], why, window)
    dialog.names.setCurrentText(MANAGER)
    dialog.show()
    dialog.show_refusal(words(say("staff.wrong_pin", name=MANAGER, left=4, minutes=5)))
    return _over(window, dialog)


def state_history(window: CashierWindowView) -> QPixmap | None:
    _manager(window)
    return None


def _details() -> EntryDetails:
    started = _today_at(14, 2)
    attempts = (
        AttemptLine(1, started, started + timedelta(seconds=20), "ambiguous", 500, None),
        AttemptLine(2, started + timedelta(minutes=1), started + timedelta(minutes=1), "applied",
                    200, None),
    )  # fmt: skip
    row = _history_row(
        ENTRY_ID, started, "Rina", "0812-3456-7890", Verdict.CONFIRMED, "Croissant Mentega",
        stamps=15, server_id=2030, invoice="INV-2026-000812", attempts=attempts,
    )  # fmt: skip
    return EntryDetails(
        row=row,
        payload={},
        evidence=None,
        contact=MemberContact("0812-3456-7890", "Dewi Lestari", None, "0812-3456-7890"),
        audit=({"at": started, "who": "Rina", "action": "sign_in", "detail": {"role": "cashier"}},),
        retry_of=None,
        retried_as=(),
        cancels=(),
        needs_pin=False,
        allowed=frozenset({"cancel"}),
    )


def state_details(window: CashierWindowView) -> QPixmap | None:
    _manager(window)
    dialog = EntryDetailsDialog(window)
    dialog.set_details(details_data(_details()))
    dialog.show()
    return _over(window, dialog)


def state_cancel(window: CashierWindowView) -> QPixmap | None:
    _manager(window)
    # a voucher's redemption: the one kind with a voucher to replace, so the tick box is there
    dialog = DecisionDialog("cancel", "Voucher ULTAH-AYU-6", window, replaceable=True)
    dialog.replacement.setChecked(True)
    dialog.note_box.setPlainText("Pelanggan berubah pikiran <b>")
    dialog.show_note_error(words(say("field.markup", characters="< >")))
    dialog.show()
    return _over(window, dialog)


def _retry_not_confirmed(window: CashierWindowView) -> DecisionDialog:
    """A "Send again" dialog whose retry went out and is not confirmed yet."""
    what = "Es Kopi Susu Gula Aren"
    dialog = DecisionDialog("retry", what, window)
    dialog.show()
    dialog.show_sent(
        ResultData(
            "not_confirmed",
            what,
            words(say("receipt.detail.server_error")),
            what_to_do=words(say("receipt.not_confirmed.todo")),
        )
    )
    return dialog


def state_sent_again(window: CashierWindowView) -> QPixmap | None:
    _manager(window, ManagerPageView.EXCEPTIONS)
    return _over(window, _retry_not_confirmed(window))


def state_sent_past_manager_mode(window: CashierWindowView) -> QPixmap | None:
    """Manager mode ended (2 minutes unused) while the retry's answer is still followed: the
    cashier's page is back, and the dialog stays, saying it only shows the answer."""
    window.status.show_note(
        _said(
            "ManagerModeController", "Manager mode ended after {minutes} minutes unused.", minutes=2
        )
    )
    dialog = _retry_not_confirmed(window)
    dialog.manager_mode_ended()
    return _over(window, dialog)


def _exceptions() -> list[ExceptionData]:
    unknown = _history_row(
        "x2", _today_at(13, 10), "Agus", "Andi Wijaya", Verdict.NOT_CONFIRMED, KOPI_SUSU,
        stamps=12,
    )  # fmt: skip
    refused = _history_row(
        "x1", _today_at(12, 55), "Putri", "Agus Setiawan", Verdict.REFUSED,
        "Es Kopi Susu Gula Aren", stamps=20,
    )  # fmt: skip
    # Scanned twice at the kiosk a minute later: either could own the one line the feed shows.
    rival = _history_row(
        "01a23057-02b4-7c3e-9a11-5d2c6f9a8057", _today_at(13, 11), "Kiosk", "Andi Wijaya",
        Verdict.NOT_CONFIRMED, KOPI_SUSU, stamps=12, kiosk=True,
    )  # fmt: skip
    since = _today_at(13, 10).astimezone(UTC).isoformat(timespec="seconds")
    line = {
        "name": KOPI_SUSU,
        "stamps": 12,
        "created": _today_at(13, 11).astimezone(UTC).isoformat(timespec="seconds"),
        "redemption_id": 2031,
        "channel": "Kiosk",
    }
    ambiguous = {
        "lines_read": 20,
        "candidates": [line],
        "result": "ambiguous: 2 unknown entries could own 1 line",
        "since": since,
    }
    return [
        exception_data(
            ExceptionItem(
                unknown,
                say("exception.ambiguous", entries=2, lines=1),
                ambiguous | {"rivals": [rival.entry_id]},
                MemberContact("Andi Wijaya", "Andi Wijaya", None, "0812-3456-7890"),
                needs_pin=True,
                others=(rival,),
            ),
            frozenset({"retry", "mark_applied", "dismiss"}),
            base_url=BASE_URL,
        ),
        exception_data(
            ExceptionItem(
                rival,
                say("exception.ambiguous", entries=2, lines=1),
                ambiguous | {"rivals": [unknown.entry_id]},
                MemberContact("Andi Wijaya", "Andi Wijaya", None, "0812-3456-7890"),
                needs_pin=False,
                others=(unknown,),
            ),
            frozenset({"retry", "mark_applied", "dismiss"}),
            base_url=BASE_URL,
        ),
        exception_data(
            ExceptionItem(
                refused,
                say("server.refused", reason="Not enough stamps."),
                None,
                MemberContact("Agus Setiawan", "Agus Setiawan", "budiman@example.co.id", None),
                needs_pin=False,
            ),
            frozenset({"retry", "dismiss"}),
            base_url=BASE_URL,
        ),
    ]


def state_exceptions(window: CashierWindowView) -> QPixmap | None:
    page = _manager(window, ManagerPageView.EXCEPTIONS)
    items = _exceptions()
    page.exceptions.set_items(items)
    page.exceptions.table.selectRow(0)
    page.set_exception_count(len(items))  # the tab and the status bar count what is listed
    window.status.set_exceptions(len(items))
    unknown = sum(item.evidence != "" for item in items)  # a refusal has no evidence to show
    window.status.set_status(
        StatusData("online", not_confirmed=unknown, failed=len(items) - unknown)
    )
    return None


def state_audit_log(window: CashierWindowView) -> QPixmap | None:
    page = _manager(window, ManagerPageView.AUDIT)
    page.audit.set_actions([(action, action_words(action)) for action in ("cancel", "sign_in")])
    lines = [
        AuditLine(_today_at(14, 21), MANAGER, "cancel", TERMINAL, ENTRY_ID,
                  {"replacement_voucher": True}),
        AuditLine(_today_at(14, 20), MANAGER, "sign_in", TERMINAL, None, {"role": "manager"}),
        AuditLine(_today_at(14, 19), MANAGER, "sign_in_failed", TERMINAL, None,
                  {"role": "manager", "reason": "wrong PIN"}),
        AuditLine(_today_at(8, 0), "Rina", "sign_in", TERMINAL, None, {"role": "cashier"}),
    ]  # fmt: skip
    page.audit.set_rows([audit_row(line, base_url=BASE_URL) for line in lines])
    return None


def state_end_of_day(window: CashierWindowView) -> QPixmap | None:
    page = _manager(window, ManagerPageView.DAY)

    def line(*cells: str, count: int, stamps: int, rupiah: int) -> TableRow:
        amount = format_rupiah(rupiah) if rupiah else NO_AMOUNT
        return TableRow(cells, (*cells, str(count), str(stamps), amount))

    reward, value = kind_words("reward"), kind_words("deduct")
    confirmed = standing_words("confirmed")
    page.day.set_day(
        [
            line(reward, confirmed, count=41, stamps=812, rupiah=0),
            line(reward, standing_words("confirmed_by_manager"), count=1, stamps=20, rupiah=0),
            line(value, confirmed, count=9, stamps=0, rupiah=1_250_000),
            line(reward, standing_words("not_confirmed"), count=1, stamps=15, rupiah=0),
            line(reward, standing_words("cancelled"), count=1, stamps=15, rupiah=0),
            line(reward, standing_words("refused"), count=3, stamps=60, rupiah=0),
            line(reward, standing_words("not_sent_in_time"), count=1, stamps=25, rupiah=0),
        ],
        [
            line("Putri", TERMINAL, reward, confirmed, count=19, stamps=402, rupiah=0),
            line("Rina", TERMINAL, reward, confirmed, count=22, stamps=410, rupiah=0),
            line("Rina", TERMINAL, value, confirmed, count=9, stamps=0, rupiah=1_250_000),
            line(KIOSK, TERMINAL, reward, standing_words("not_sent_in_time"), count=1, stamps=25,
                 rupiah=0),
        ],
        [
            TableRow(1, ("Putri", TERMINAL, moment_text(_today_at(8, 0)),
                         moment_text(_today_at(13, 0)))),
            TableRow(2, ("Rina", TERMINAL, moment_text(_today_at(13, 2)),
                         _said("DayController", "open"))),
        ],
    )  # fmt: skip
    return None


def state_people(window: CashierWindowView) -> QPixmap | None:
    page = _manager(window, ManagerPageView.PEOPLE)
    yes, no = _said("PeopleController", "yes"), _said("PeopleController", "no")
    active = _said("PeopleController", "active")
    page.people.set_accounts(
        "manager",
        [TableRow(name, (name, yes, active)) for name in (MANAGER, OTHER_MANAGER)],
        {MANAGER: (True, True), OTHER_MANAGER: (True, True)},
    )
    locked = _said("PeopleController", "locked until {time}", time=time_text(_today_at(14, 25)))
    page.people.set_accounts(
        "cashier",
        [
            TableRow("Agus", ("Agus", no, active)),
            TableRow("Putri", ("Putri", yes, locked)),
            TableRow("Rina", ("Rina", yes, active)),
            TableRow("Wayan", ("Wayan", no, _said("PeopleController", "disabled"))),
        ],
        {
            "Agus": (True, False),
            "Putri": (True, True),
            "Rina": (True, True),
            "Wayan": (False, False),
        },
    )
    page.people.tables["cashier"].select_key("Putri")
    return None


def state_settings(window: CashierWindowView) -> QPixmap | None:
    _manager(window)
    settings = Settings(
        base_url=BASE_URL,
        merchant=14,
        store=32,
        store_code=STORE_CODE,
        terminal=TERMINAL,
        data_dir=Path("/var/lib/stamps-pos"),
    )
    fields = setting_fields(settings, SettingsFile(Path("/nonexistent/settings.toml")))
    fields = [
        dataclasses.replace(f, locked_by="STAMPS_POS_STORE") if f.name == "store" else f
        for f in fields
    ]
    dialog = SettingsDialog(fields, None, window)
    dialog.tabs.setCurrentIndex(0)
    dialog.show_check(
        _said(
            "SettingsController",
            "The server at {url} answers and takes the token.",
            url="https://stamps.co.id",
        )
    )
    dialog.show()
    return _over(window, dialog)


def state_first_manager(window: CashierWindowView) -> QPixmap | None:
    window.first_manager.name_edit.setText(MANAGER)
    window.first_manager.pin.set_error(words(say("field.pin_run")))
    window.show_first_manager()
    return None


def state_locked(window: CashierWindowView) -> QPixmap | None:
    window.sign_in.set_store(f"{STORE_CODE} · {TERMINAL}")
    window.sign_in.set_accounts([("Agus", False), ("Rina", True), ("Putri", True)])
    window.sign_in.set_locked("Rina")
    window.show_sign_in()
    return None


def state_storage_banner(window: CashierWindowView) -> QPixmap | None:
    _with_member(window)
    folder = Path("/var/lib/stamps-pos")
    window.set_storage_problem(sentence_for(StorageFull("disk full", folder / "stamps-pos.db")))
    return None


def state_damaged_database(window: CashierWindowView) -> QPixmap | None:
    window.damaged.set_damage(
        "/var/lib/stamps-pos/stamps-pos.db",
        DAMAGED,
        [
            entry_words(entry)
            for entry in (
                SalvagedEntry(
                    "01a22cb8-0a23-72b7-9318-53ba147b76c4",
                    _today_at(13, 10),
                    "reward",
                    "queued",
                    "budiman@example.co.id",
                ),
                SalvagedEntry(
                    "01a22cb8-1453-7f1e-b6c2-a21a38cfcea5",
                    _today_at(13, 12),
                    "voucher",
                    "unknown",
                    "0812-3456-7890",
                ),
            )
        ],
        False,
        ask_manager=True,
    )
    window.show_damaged()
    return None


def state_cannot_start(window: CashierWindowView) -> QPixmap | None:
    # A till started before its settings were written (the page says there is no file yet,
    # unless this machine has one there). It stands in for the window (show_cannot_start
    # hides what was up), at its size.
    settings_file = Path("/home/kasir/.config/stamps-pos/settings.toml")
    refusal = StartRefusal(
        "setting 'merchant' is required",
        settings_file,
        f"stamps-pos --config {settings_file} doctor",
        {"merchant": say("setting.required"), "store": say("setting.required")},
    )
    page = CannotStartPage(refusal, window)
    page.setWindowFlag(Qt.WindowType.Window)  # a window of its own, as it is shown
    page.resize(window.size())
    page.show()
    QApplication.processEvents()
    return page.grab()


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
    "20-paused-https": state_paused_https,
    "21-error": state_error,
    "22-shift-summary": state_shift_summary,
    "23-keyboard": state_keyboard,
    "24-about": state_about,
    "25-manager-sign-in": state_manager_sign_in,
    "26-history": state_history,
    "27-details": state_details,
    "28-cancel": state_cancel,
    "29-exceptions": state_exceptions,
    "30-audit-log": state_audit_log,
    "31-end-of-day": state_end_of_day,
    "32-people": state_people,
    "33-settings": state_settings,
    "34-first-manager": state_first_manager,
    "35-locked": state_locked,
    "36-storage-banner": state_storage_banner,
    "37-damaged-database": state_damaged_database,
    "38-kind-not-confirmed": state_kind_not_confirmed,
    "39-sent-again": state_sent_again,
    "40-blocked-member": state_blocked_member,
    "41-sent-past-manager-mode": state_sent_past_manager_mode,
    "42-not-confirmed-offline": state_not_confirmed_offline,
    "43-clock-wrong": state_clock_wrong,
    "44-accepted-offline-paused": state_accepted_offline_paused,
    "45-cannot-start": state_cannot_start,
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
    from app.ui.kiosk.screenshots import render_kiosk

    for path in render_kiosk(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["STATES", "main", "render_states"]
