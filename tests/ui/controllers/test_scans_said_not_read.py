"""A scan the window cannot take is said, never lost without a word and never typed where it was
not meant to go: real key events through the scanner filter, at a wedge scanner's pace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.credentials import Secret
from app.settings_file import SettingsFile
from app.ui.cashier_window import CashierWindow
from app.ui.manager.decisions import CancelByServerIdDialog
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.gates import ScriptedClock
from .conftest import WAIT_MS, find_member, run_async, with_formats

pytestmark = pytest.mark.integration

AYU_CARD = "70140000000006"
#: Ayu's balance voucher, deducted from (tests/ui/controllers/test_lock.py).
SALDO = 12
#: Ayu's card as a scanner set up for a US keyboard types it on a French (AZERTY) one: the keys
#: of the digits' row, unshifted.
AYU_CARD_ON_AZERTY = "èà&'àààààààà-"
NOT_READ = "Card not read: finish with the open window, then scan it again."


@pytest.fixture
def clock() -> ScriptedClock:
    return ScriptedClock()


@pytest.fixture
def scanner(cashier: CashierWindow, clock: ScriptedClock) -> Iterator[ScannerFilter]:
    scanner = ScannerFilter(clock_ms=clock)
    cashier.listen_to(scanner)
    scanner.install()
    yield scanner
    scanner.remove()


def keyboard(cashier: CashierWindow) -> QWidget:
    """Where a key goes now: the keyboard's widget, else the window."""
    return QApplication.focusWidget() or cashier.view


def typed(qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, text: str, ms: float) -> None:
    """``text`` typed a key every ``ms``, each key to wherever the keyboard is as it is pressed.
    The events are made here: QTest turns "è" into "Ã" on its way to Qt."""
    for character in text:
        clock.advance(ms)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                kind, ord(character.upper()), Qt.KeyboardModifier.NoModifier, character
            )
            QApplication.sendEvent(keyboard(cashier), event)


def scan(qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, code: str) -> None:
    """``code`` and Enter, a key every 6 ms, as a wedge scanner types them."""
    typed(qtbot, cashier, clock, code, 6)
    clock.advance(6)
    qtbot.keyClick(keyboard(cashier), Qt.Key.Key_Return)


def test_a_card_scanned_on_another_keyboard_layout_is_said_not_read_not_tried_as_a_code(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb (setxkbmap fr): with Ayu on screen, her own card came back "Refused:
    # Voucher not found", as her voucher code, and nothing said the scanner had misread.
    find_member(qtbot, cashier, AYU_CARD)
    with (
        qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS),
        qtbot.assertNotEmitted(cashier.member.lookup_finished, wait=300),
        qtbot.assertNotEmitted(cashier.redemption.refused, wait=300),
    ):
        scan(qtbot, cashier, clock, AYU_CARD_ON_AZERTY)
    said = cashier.view.member_search.message_text()
    layout = "the scanner's keyboard layout is not the till's."
    assert said == f"Card not read (“{AYU_CARD_ON_AZERTY}”): {layout}"
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"  # still served


def scan_with_shift_held(
    qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, code: str
) -> None:
    """``code`` and Enter at a scanner's pace, the cashier holding Shift down meanwhile: what X
    sends for a digit so is the sign above it (``&`` for 7), each key with Shift."""
    shift = Qt.KeyboardModifier.ShiftModifier
    above = dict(zip("1234567890", "!@#$%^&*()", strict=True))
    typed = [above.get(char, char.upper()) for char in code]  # a card's letters are capitals
    for key, text in [*((ord(char), char) for char in typed), (Qt.Key.Key_Return, "\r")]:
        clock.advance(6)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(keyboard(cashier), QKeyEvent(kind, key, shift, text))


@pytest.mark.parametrize(
    ("served", "card", "came_as"),
    [
        # Seen under Xvfb: Budi's card, Ayu on screen, came as "&)!$)))))))!@#" and was tried
        # as her voucher code: "Refused: Voucher not found. … Tell the customer why."
        (AYU_CARD, "70140000000123", "&)!$)))))))!@#"),
        # Ayu's card, Putri on screen: the capitals of a card's letters stay what they are, and
        # only a card of digits alone was told apart.
        ("putri.maharani@contoh.co.id", "KR24000006", "KR@$)))))^"),
    ],
    ids=["digits", "lettered"],
)
def test_a_card_scanned_with_shift_held_is_said_not_read_not_tried_as_a_code(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    served: str,
    card: str,
    came_as: str,
) -> None:
    find_member(qtbot, cashier, served)
    name = cashier.view.member_card.name_text()
    with (
        qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS),
        qtbot.assertNotEmitted(cashier.member.lookup_finished, wait=300),
        qtbot.assertNotEmitted(cashier.redemption.refused, wait=300),
    ):
        scan_with_shift_held(qtbot, cashier, clock, card)
    said = cashier.view.member_search.message_text()
    assert said == f"Card not read (“{came_as}”): let go of Shift, then scan it again."
    assert cashier.view.member_card.name_text() == name  # still served


def scanned_over_drop_the_cart(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    code: str = "KR24000128",
) -> QMessageBox:
    """Ayu found, a reward in the cart, Esc's "Drop the cart?" up, and the next card (or
    ``code``) scanned over it; returns the question, still open."""
    find_member(qtbot, cashier, AYU_CARD)
    picker = cashier.view.reward_picker
    picker.select_reward(1)
    picker.add_button.click()
    cashier.ask_drop_cart()
    box = cashier.drop_cart_dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, code)
    return box


@pytest.mark.parametrize("code", ["KR24000128", "NGOPIPAGI"], ids=["card", "promo"])
def test_a_card_scanned_over_the_drop_the_cart_question_is_said_not_read(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    code: str,
) -> None:
    # Seen under Xvfb: Esc over a cart, the next customer's card scanned while "Drop the cart?"
    # was up: nothing happened and nothing was said. A promo code (no card by the store's
    # format) is no typing to give back to a question: its Enter would answer it.
    with_formats(cashier, till_settings, card_prefixes="KR, 7014")
    box = scanned_over_drop_the_cart(qtbot, cashier, scanner, clock, code)
    assert cashier.view.status.note_text() == NOT_READ
    assert box.isVisible()  # its Enter pressed no button
    assert cashier.view.reward_picker.cart.lines()


def test_a_card_scanned_over_a_dialog_is_said_under_the_member_search_until_the_next_scan(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb: a card scanned over the deduction dialog said "Card not read" only in the
    # status bar, at the foot of the screen; the cashier looks at the member search.
    box = scanned_over_drop_the_cart(qtbot, cashier, scanner, clock)
    search = cashier.view.member_search
    assert search.message_text() == NOT_READ
    assert search.message.property("role") == "error"  # in red, as a lookup's refusal
    assert cashier.view.status.note_text() == NOT_READ  # and still in the status bar
    box.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert search.message_text() == ""


def test_a_scan_not_read_is_no_longer_said_once_a_receipt_is_scanned(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    find_member(qtbot, cashier, AYU_CARD)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD_ON_AZERTY)
    assert cashier.view.member_search.message_text().startswith("Card not read")
    invoice = cashier.view.invoice_field.field
    invoice.setFocus()
    qtbot.waitUntil(invoice.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, "INV-0002")
    assert cashier.view.invoice_field.text() == "INV-0002"
    assert cashier.view.member_search.message_text() == ""


@pytest.fixture
def cancel_by_server_id(qtbot: QtBot, cashier: CashierWindow) -> CancelByServerIdDialog:
    run_async(qtbot, cashier.till.staff.add_first_manager("Wayan", Secret("246810")))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in("Wayan", Secret("246810")))
    cashier.view.manager.history.by_server_id.click()
    qtbot.waitUntil(
        lambda: isinstance(cashier.decisions.dialog, CancelByServerIdDialog), timeout=WAIT_MS
    )
    dialog = cashier.decisions.dialog
    assert isinstance(dialog, CancelByServerIdDialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=WAIT_MS)
    return dialog


def test_a_card_scanned_into_a_manager_s_note_is_not_written_in_it(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    cancel_by_server_id: CancelByServerIdDialog,
    till_settings: Settings,
) -> None:
    with_formats(cashier, till_settings, card_prefixes="KR, 7014")  # a card, by its format
    note = cancel_by_server_id.note_box
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=WAIT_MS)
    typed(qtbot, cashier, clock, "Dobel", 150)
    qtbot.waitUntil(lambda: scanner.held_count() == 0, timeout=WAIT_MS)  # a person's pause
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert note.text() == "Dobel"
    assert cashier.view.status.note_text() == NOT_READ


def test_with_no_card_format_a_card_scanned_into_a_manager_s_note_stays_there_in_sight(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    cancel_by_server_id: CancelByServerIdDialog,
) -> None:
    # With no card format nothing tells a card from a word typed fast, and a note typed so was
    # lost as a scan. A card scanned there is kept as text instead: the manager sees it in the
    # note, and nothing is decided by its Enter.
    note = cancel_by_server_id.note_box
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=WAIT_MS)
    typed(qtbot, cashier, clock, "Dobel ", 150)
    qtbot.waitUntil(lambda: scanner.held_count() == 0, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert note.text() == f"Dobel {AYU_CARD}\n"
    assert cancel_by_server_id.isVisible()
    assert cashier.view.status.note_text() != NOT_READ


def test_with_no_card_format_a_card_scanned_over_an_amount_is_said_not_read(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # An amount keeps a card's digits, and its Enter deducts them: no card is given back there.
    find_member(qtbot, cashier, AYU_CARD)
    panel = cashier.view.voucher_panel
    panel.select_voucher(SALDO)
    panel.redeem_button.click()
    dialog = panel.deduct_dialog
    assert dialog is not None
    dialog.amount.setValue(50_000)
    dialog.amount.setFocus()
    qtbot.waitUntil(dialog.amount.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert cashier.view.status.note_text() == NOT_READ
    assert dialog.isVisible() and dialog.amount.value() == 50_000
    dialog.reject()


def autotyped(
    qtbot: QtBot, cashier: CashierWindow, clock: ScriptedClock, text: str, ending: Qt.Key
) -> None:
    """``text`` and ``ending`` (Enter or Tab), a key every 6 ms, as a password manager's
    autotype (or xdotool) types them: a scanner's pace."""
    typed(qtbot, cashier, clock, text, 6)
    clock.advance(6)
    qtbot.keyClick(keyboard(cashier), ending)


@pytest.mark.parametrize("formats", ["", "KR, 7014"])
@pytest.mark.parametrize("words", ["Scanned twice by mistake", "Duplicate"])
def test_a_note_typed_at_a_scanner_s_pace_stays_in_it_and_its_tab_moves_on(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    cancel_by_server_id: CancelByServerIdDialog,
    till_settings: Settings,
    formats: str,
    words: str,
) -> None:
    # A manager's note typed fast and Tab (xdotool, a practised hand) was swallowed as a scan:
    # "Card not read", the note empty. Words are no card, whatever the store's format; with
    # none, one word was taken for a card all the same.
    with_formats(cashier, till_settings, card_prefixes=formats)
    note = cancel_by_server_id.note_box
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        autotyped(qtbot, cashier, clock, words, Qt.Key.Key_Tab)
    assert note.text() == words
    assert not note.hasFocus()  # the Tab moved on, as the person meant
    assert cashier.view.status.note_text() != NOT_READ


def test_a_card_scanned_into_the_member_field_of_a_cancel_by_server_id_fills_it(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    cancel_by_server_id: CancelByServerIdDialog,
) -> None:
    # "email, member ID, phone or card": the one field of a dialog a card is meant for.
    member = cancel_by_server_id.member_edit
    member.setFocus()
    qtbot.waitUntil(member.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert member.text() == AYU_CARD
    assert cancel_by_server_id.isVisible()


def test_a_card_scanned_into_the_manager_s_pin_says_the_pin_was_emptied(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb: F8, Wayan typed "24" of his PIN, a card was scanned: the field was
    # emptied (no wrong PIN sent), his digits with it, and nothing said why.
    run_async(qtbot, cashier.till.staff.add_first_manager("Wayan", Secret("246810")))
    cashier.mode.open()
    qtbot.waitUntil(lambda: cashier.mode.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.mode.dialog
    assert dialog is not None
    pin = dialog.pin_field
    try:
        qtbot.waitUntil(pin.hasFocus, timeout=WAIT_MS)
        typed(qtbot, cashier, clock, "24", 200)
        with qtbot.waitSignal(scanner.taken_back, timeout=WAIT_MS):
            scan(qtbot, cashier, clock, AYU_CARD)
        assert pin.text() == ""
        said = dialog.pin.error_text()
        assert said == "Card not read, and the PIN emptied: type the PIN again."
    finally:
        dialog.reject()  # the sign-in waits on its dialog
        qtbot.waitUntil(lambda: cashier.mode.dialog is None, timeout=WAIT_MS)


def settings_token(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, tmp_path: Path
) -> QLineEdit:
    """Manager mode, Settings…, the keyboard in the API token; returns that field."""
    cashier.settings.settings = till_settings
    cashier.settings.file = SettingsFile(tmp_path / "settings.toml")
    run_async(qtbot, cashier.till.staff.add_first_manager("Wayan", Secret("246810")))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in("Wayan", Secret("246810")))
    cashier.settings.open()
    qtbot.waitUntil(lambda: cashier.settings.dialog is not None, timeout=WAIT_MS)
    dialog = cashier.settings.dialog
    assert dialog is not None
    token = dialog.token_edit
    token.setFocus()
    qtbot.waitUntil(token.hasFocus, timeout=WAIT_MS)
    return token


def test_a_token_typed_at_a_scanner_s_pace_stays_in_the_settings_token_field(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    tmp_path: Path,
) -> None:
    # Seen under Xvfb: the token typed by xdotool (as a password manager types it) was emptied
    # as it stopped, and the field said "Card not read, and the PIN emptied": no PIN is there.
    token = settings_token(qtbot, cashier, till_settings, tmp_path)
    with qtbot.assertNotEmitted(scanner.taken_back, wait=300):
        typed(qtbot, cashier, clock, "sandbox-demo-token", 6)
    assert token.text() == "sandbox-demo-token"
    dialog = cashier.settings.dialog
    assert dialog is not None and dialog.error_of("token") == ""


def test_a_token_autotyped_with_enter_is_kept_where_the_store_s_card_format_tells_it(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    tmp_path: Path,
) -> None:
    # A password manager's autotype ends in Enter: the token came at a scanner's pace, and
    # was emptied, "Card not read, and the token emptied". The store's cards begin KR or 7014:
    # this is no card.
    with_formats(cashier, till_settings, card_prefixes="KR, 7014")
    token = settings_token(qtbot, cashier, till_settings, tmp_path)
    dialog = cashier.settings.dialog
    assert dialog is not None
    with (
        qtbot.assertNotEmitted(scanner.taken_back),
        qtbot.waitSignal(cashier.settings.saved, timeout=WAIT_MS) as saved,
    ):
        scan(qtbot, cashier, clock, "sandbox-demo-token")  # its Enter saves, as typed by hand
    assert "token" in saved.args[0]
    assert dialog.error_of("token") == ""
    assert token.text() == ""  # saved: the field shows no token


def settings_field(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, tmp_path: Path, setting: str
) -> QLineEdit:
    """Manager mode, Settings…, the keyboard in ``setting`` (emptied); returns that field."""
    settings_token(qtbot, cashier, till_settings, tmp_path)
    dialog = cashier.settings.dialog
    assert dialog is not None
    field = dialog.controls[setting]
    assert isinstance(field, QLineEdit)
    field.clear()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    return field


@pytest.mark.parametrize(
    ("setting", "text", "formats"),
    [
        ("base_url", "https://stamps.example.com/", ""),
        ("base_url", "https://stamps.example.com/", "KR, 7014"),
        ("store_code", "ST-JKT-01", "KR, 7014"),
    ],
)
def test_a_setting_autotyped_with_enter_is_kept_and_its_enter_submits(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    tmp_path: Path,
    setting: str,
    text: str,
    formats: str,
) -> None:
    # A password manager autotypes the Server URL or the store code and presses Enter, at a
    # scanner's pace: it was taken for a scan, "Card not read", and neither typed nor saved
    # (with no card format to tell, the store code was taken for a card).
    with_formats(cashier, till_settings, card_prefixes=formats)
    field = settings_field(qtbot, cashier, till_settings, tmp_path, setting)
    # Its Enter submits the form as typed by hand: saved, or refused for the settings the
    # test's till leaves empty (either says the dialog took the Enter).
    submitted: list[object] = []
    cashier.settings.saved.connect(submitted.append)
    cashier.settings.refused.connect(submitted.append)
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        autotyped(qtbot, cashier, clock, text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(submitted), timeout=WAIT_MS)
    assert field.text() == text
    assert cashier.view.status.note_text() != NOT_READ


@pytest.mark.parametrize("text", [AYU_CARD, "ST-JKT-01"], ids=["card", "store code"])
def test_with_no_card_format_a_setting_s_enter_at_a_scanner_s_pace_does_not_save(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    tmp_path: Path,
    text: str,
) -> None:
    # With no card format, Ayu's card scanned into the store code was kept there as text, and
    # its Enter saved the settings with her card's number as the store code. Nothing tells it
    # from a store code autotyped: either is kept, in sight, and its Enter waits for a person.
    field = settings_field(qtbot, cashier, till_settings, tmp_path, "store_code")
    submitted: list[object] = []
    cashier.settings.saved.connect(submitted.append)
    cashier.settings.refused.connect(submitted.append)
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        scan(qtbot, cashier, clock, text)
    dialog = cashier.settings.dialog
    assert dialog is not None and dialog.isVisible()
    assert field.text() == text
    assert submitted == []
    assert dialog.error_of("store_code") == (
        "This came at a scanner's pace, so its Enter was not taken: check it, then press "
        "Enter again."
    )
    clock.advance(1000)  # a person's Enter, on its own
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(submitted), timeout=WAIT_MS)


@pytest.mark.parametrize("formats", ["", "KR, 7014"])
def test_a_card_scanned_into_the_settings_token_field_says_the_token_was_emptied(
    qtbot: QtBot,
    cashier: CashierWindow,
    scanner: ScannerFilter,
    clock: ScriptedClock,
    till_settings: Settings,
    tmp_path: Path,
    formats: str,
) -> None:
    # A card and its Enter are taken back, or the card's number would be saved as the token;
    # with no card format, anything scanned there could be one.
    with_formats(cashier, till_settings, card_prefixes=formats)
    token = settings_token(qtbot, cashier, till_settings, tmp_path)
    with qtbot.waitSignal(scanner.taken_back, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert token.text() == ""
    dialog = cashier.settings.dialog
    assert dialog is not None and dialog.isVisible()
    said = "Card not read, and the token emptied: paste or type the token again."
    assert dialog.error_of("token") == said


def test_a_card_scanned_on_manager_mode_s_page_outside_a_filter_is_said_not_read(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb: Wayan signed in (F8), the keyboard on the History tab, a card scanned:
    # nothing happened and nothing was said.
    run_async(qtbot, cashier.till.staff.add_first_manager("Wayan", Secret("246810")))
    with qtbot.waitSignal(cashier.mode.entered, timeout=WAIT_MS):
        run_async(qtbot, cashier.mode.sign_in("Wayan", Secret("246810")))
    show = cashier.view.manager.history.show_button
    show.setFocus()
    qtbot.waitUntil(show.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, AYU_CARD)
    assert cashier.view.status.note_text() == (
        "Card not read: put the cursor in a filter (Member), or leave manager mode."
    )


def test_a_card_scanned_on_the_first_manager_s_setup_is_not_taken_as_the_name(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    # Seen under Xvfb on a new till: Ayu's card scanned, "KR24000006" stood in the Name field,
    # and "Create the manager" would have saved it as the manager's name.
    assert run_async(qtbot, cashier.first_manager.ask_if_needed())
    page = cashier.view.first_manager
    qtbot.waitUntil(page.name_edit.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scan(qtbot, cashier, clock, "KR24000006")
    said = "Card not read: set up the first manager, then scan it again."
    assert page.name_edit.text() == ""
    assert page.scan_note.isVisible() and page.scan_note.text() == said
    assert cashier.view.status.note_text() == said
    qtbot.keyClicks(page.name_edit, "W")  # the manager types: the note has said its piece
    qtbot.waitUntil(lambda: page.name_edit.text() == "W", timeout=WAIT_MS)  # held, then typed
    assert page.scan_note.isHidden()


def test_a_card_scanned_on_the_shift_s_summary_is_said_not_read(
    qtbot: QtBot, cashier: CashierWindow, scanner: ScannerFilter, clock: ScriptedClock
) -> None:
    run_async(qtbot, cashier.shift.show_summary())
    qtbot.waitUntil(lambda: cashier.view.pages.currentWidget() is cashier.view.summary)
    with (
        qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS),
        qtbot.assertNotEmitted(cashier.member.lookup_finished, wait=300),
    ):
        scan(qtbot, cashier, clock, AYU_CARD)
    # Seen under X: the cashier, signed in with the shift still open, was told to sign in first.
    assert cashier.view.status.note_text() == (
        "Card not read: go back to the till first (Back to the till), then scan it again."
    )
