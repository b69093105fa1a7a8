"""Every kiosk screen in its states, with demo values, for ``make screenshots`` (files named
``kiosk-*``, standing 1080×1920 and lying 1920×1080) and for the tests that walk them (touch
sizes, words left in English).

Words come from where the running kiosk gets them: the core's messages (``words(say(...))``),
the flow's own sentences looked up in its translation context; only what the till shows as it
comes (a first name, the server's reward names, numbers, a reference) is written here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app.core.services import (
    ClockFault,
    ClockWarning,
    EntryStatus,
    KioskRedemption,
    OperationKind,
    Receipt,
    Verdict,
    qr_payload,
    reference_of,
    say,
)
from app.ui.kiosk.handover import KioskHandoverDialog
from app.ui.kiosk.offer_page import TileData
from app.ui.kiosk.result_page import KioskResultData
from app.ui.kiosk.view import KioskWindowView
from app.ui.wording import words

PORTRAIT, LANDSCAPE = (1080, 1920), (1920, 1080)
ORIENTATIONS = {"portrait": PORTRAIT, "landscape": LANDSCAPE}
LANGUAGES = ["en", "id"]
ENTRY_ID = "019a5f3e-7c21-7d4e-9b6a-2f41c09a8057"
FIRST_NAME = "Ayu"
TILES = [
    TileData(1, "Es Kopi Susu Gula Aren", 20),
    TileData(2, "Croissant Mentega", 15),
    TileData(3, "Kopi Tubruk Toraja", 25),
    TileData(4, "Teh Tarik Rindang", 12),
    TileData(5, "Upgrade ke Ukuran Large", 5),
    TileData(7, "Tumbler Kopi Rindang", 150),
    TileData(8, "Paket Sarapan Nasi Uduk", 40),
]
MANAGERS = ["Wayan", "Sari"]
#: What the kiosk shows as it comes: a first name, reward names, a manager's name.
AS_THE_SERVER_SAYS = frozenset(
    {FIRST_NAME, *(tile.name for tile in TILES), *MANAGERS, "English", "Bahasa Indonesia"}
)


def _flow_says(source: str, **params: str | int) -> str:
    return QCoreApplication.translate("KioskFlow", source).format(**params)


def _result(kind: str) -> KioskResultData:
    if kind == "confirmed":
        details = _flow_says("You have {count} stamps left.", count=230)
    elif kind == "not_confirmed":
        details = words(say("kiosk.not_confirmed"))
    else:  # not redeemed: the kiosk could not send it (what the kiosk's offline policy says)
        details = words(say("kiosk.not_redeemed"))
    return KioskResultData(
        kind=kind,  # type: ignore[arg-type]
        what=TILES[0].name,
        details=details,
        reference=reference_of(ENTRY_ID),
        qr=qr_payload(ENTRY_ID),
    )


def state_welcome(view: KioskWindowView) -> None:
    view.show_page(view.welcome)


def state_welcome_paused(view: KioskWindowView) -> None:
    view.welcome.set_paused(True)
    view.show_page(view.welcome)


def state_phone(view: KioskWindowView) -> None:
    for digit in "0812100":
        view.phone.keypad.press(digit)
    view.show_page(view.phone)


def state_pin(view: KioskWindowView) -> None:
    # All six in: OK is on, as the customer sees it before the last tap.
    for digit in "123456":
        view.pin.pad.press_digit(digit)
    view.show_page(view.pin)


def state_pin_wrong(view: KioskWindowView) -> None:
    view.pin.say(words(say("kiosk.pin_wrong")), 2)
    view.show_page(view.pin)


def state_working(view: KioskWindowView) -> None:
    view.show_page(view.working)


def state_rewards(view: KioskWindowView) -> None:
    view.rewards.show_member(FIRST_NAME, 250, TILES)
    view.show_page(view.rewards)


def state_no_rewards(view: KioskWindowView) -> None:
    view.rewards.show_member(FIRST_NAME, 3, [], short_of_stamps=True)
    view.show_page(view.rewards)


def state_no_rewards_here(view: KioskWindowView) -> None:
    # the store lists no reward the kiosk can offer: more stamps would not get one
    view.rewards.show_member(FIRST_NAME, 250, [])
    view.show_page(view.rewards)


def state_rewards_unread(view: KioskWindowView) -> None:
    # the server listed rewards the till could not read: the customer is sent to the counter
    view.rewards.show_member(FIRST_NAME, 250, TILES[:2], some_unread=True)
    view.show_page(view.rewards)


def state_confirm(view: KioskWindowView) -> None:
    view.confirm.ask(TILES[0].name, TILES[0].stamps)
    view.show_page(view.confirm)


def state_confirmed(view: KioskWindowView) -> None:
    view.result.show_result(_result("confirmed"))
    view.show_page(view.result)


def state_not_confirmed(view: KioskWindowView) -> None:
    view.result.show_result(_result("not_confirmed"))
    view.show_page(view.result)


def state_not_redeemed(view: KioskWindowView) -> None:
    view.result.show_result(_result("refused"))
    view.show_page(view.result)


def state_paused(view: KioskWindowView) -> None:
    view.notice.set_notice("paused", words(say("kiosk.paused")))
    view.show_page(view.notice)


def state_waiting(view: KioskWindowView) -> None:
    view.notice.set_notice("counter", words(say("kiosk.waiting")))
    view.show_page(view.notice)


def state_scan_card(view: KioskWindowView) -> None:
    view.notice.set_notice("scan", words(say("kiosk.scan_card")))
    view.show_page(view.notice)


def state_manager_name(view: KioskWindowView) -> None:
    view.manager.ask_name(MANAGERS)
    view.show_page(view.manager)


def state_manager_pin(view: KioskWindowView) -> None:
    view.manager.ask_name(MANAGERS)
    view.manager.ask_pin(MANAGERS[0])
    view.manager.show_refusal(words(say("staff.wrong_pin", name=MANAGERS[0], left=4, minutes=5)))
    for digit in "2468":
        view.manager.keypad.press(digit)
    view.show_page(view.manager)


def state_manager_signed_in(view: KioskWindowView) -> None:
    view.manager.ask_name(MANAGERS)
    view.manager.ask_pin(MANAGERS[0])
    view.manager.signed_in()
    view.show_page(view.manager)


def state_manager_clock_wrong(view: KioskWindowView) -> None:
    """Signed in on a till whose clock reads earlier than what it recorded (moved back)."""
    view.manager.ask_name(MANAGERS)
    view.manager.ask_pin(MANAGERS[0])
    view.manager.set_clock(ClockWarning(ClockFault.MOVED_BACK, 3 * 3600 + 5 * 60))
    view.manager.signed_in()
    view.show_page(view.manager)


STATES: dict[str, Callable[[KioskWindowView], None]] = {
    "01-welcome": state_welcome,
    "02-welcome-paused": state_welcome_paused,
    "03-phone": state_phone,
    "04-pin": state_pin,
    "05-pin-wrong": state_pin_wrong,
    "06-working": state_working,
    "07-rewards": state_rewards,
    "08-no-rewards": state_no_rewards,
    "08-no-rewards-here": state_no_rewards_here,
    "08-rewards-unread": state_rewards_unread,
    "09-confirm": state_confirm,
    "10-confirmed": state_confirmed,
    "11-not-confirmed": state_not_confirmed,
    "12-not-redeemed": state_not_redeemed,
    "13-paused": state_paused,
    "14-waiting": state_waiting,
    "15-scan-card": state_scan_card,
    "16-manager-name": state_manager_name,
    "17-manager-pin": state_manager_pin,
    "18-manager-signed-in": state_manager_signed_in,
    "18-manager-clock-wrong": state_manager_clock_wrong,
}


def kiosk_in(state: str, size: tuple[int, int]) -> KioskWindowView:
    """A kiosk view of ``size`` in ``state``, shown (offscreen in tests and screenshots)."""
    view = KioskWindowView(LANGUAGES)
    view.resize(*size)
    STATES[state](view)
    view.show()
    QApplication.processEvents()
    return view


def handover_dialog(parent: QWidget | None = None) -> KioskHandoverDialog:
    """The cashier's till with a scanned kiosk QR code: a confirmed redemption to hand over."""
    made = datetime(2026, 11, 25, 7, 14, tzinfo=UTC)
    receipt = Receipt(
        entry_id=ENTRY_ID,
        kind=OperationKind.REWARD,
        status=EntryStatus.SYNCED,
        verdict=Verdict.CONFIRMED,
        headline=say("receipt.confirmed"),
        what_to_do=say("receipt.confirmed.todo"),
        details=say("receipt.stamps_left", stamps=230),
        description=TILES[0].name,
        attempts=1,
        lane="member:6",
        provisional=False,
        server_redemption_id=5012,
        last_error=None,
        voucher_code=None,
        stamps_remaining=230,
        created_at=made,
        cashier="Kiosk",
    )
    dialog = KioskHandoverDialog(parent)
    dialog.show_redemption(
        KioskRedemption(reference_of(ENTRY_ID), receipt, "Ayu Pratiwi", TILES[0].name)
    )
    return dialog


def render_kiosk(outdir: Path) -> list[Path]:
    """Every kiosk state, standing and lying, to ``outdir/kiosk-<state>-<orientation>.png``, and
    the till's hand-over dialog; returns the files written."""
    written = []
    for state in STATES:
        for orientation, size in ORIENTATIONS.items():
            view = kiosk_in(state, size)
            path = outdir / f"kiosk-{state}-{orientation}.png"
            view.grab().save(str(path))
            written.append(path)
            view.allow_close()
            view.close()
            view.deleteLater()
    dialog = handover_dialog()
    dialog.show()
    QApplication.processEvents()
    path = outdir / "kiosk-19-till-handover.png"
    pixmap: QPixmap = dialog.grab()
    pixmap.save(str(path))
    written.append(path)
    dialog.close()
    dialog.deleteLater()
    QApplication.processEvents()
    return written
