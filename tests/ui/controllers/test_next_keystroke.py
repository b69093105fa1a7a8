"""Where the keyboard is after each action on the cashier's page: the next customer's card,
scanned a moment later, or their name typed, finds them; it never lands in another field or in
nothing (a wedge scanner types wherever the focus is)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.main_window import CashierWindowView
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.sandbox import SandboxControl
from ...support.windows import make_active
from .conftest import WAIT_MS, find_member, redeem

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"
BUDI_CARD = "70140000000123"
BUDI_EMAIL = "budi.santoso@contoh.co.id"


def _activate(qtbot: QtBot, view: CashierWindowView) -> None:
    # Offscreen the window can lose its activation while an offer settles (test_keyboard.py).
    make_active(qtbot, view)


def _ayu_on_screen(qtbot: QtBot, cashier: CashierWindow, key: Qt.Key | None = None) -> None:
    """Ayu found, the window active, and ``key`` (F3, F4…) pressed if given."""
    find_member(qtbot, cashier, AYU)
    _activate(qtbot, cashier.view)
    if key is not None:
        qtbot.keyClick(cashier.view, key)


def _scanner(cashier: CashierWindow) -> ScannerFilter:
    scanner = ScannerFilter()
    cashier.listen_to(scanner)
    return scanner


def _focused(view: CashierWindowView) -> QWidget:
    # The window's own: offscreen, the application may have no active window by then.
    focus = view.focusWidget()
    assert focus is not None
    return focus


@pytest.mark.parametrize("member_on_screen", [True, False], ids=["with Ayu", "before anyone"])
def test_a_card_scanned_after_the_invoice_is_entered_finds_the_member_and_keeps_the_invoice(
    qtbot: QtBot, cashier: CashierWindow, member_on_screen: bool
) -> None:
    # The invoice typed and Enter pressed, then a card scanned: the card went into the invoice
    # field (the cursor stayed there), over the invoice, and nobody was found.
    view = cashier.view
    scanner = _scanner(cashier)
    if member_on_screen:
        find_member(qtbot, cashier, AYU)
    _activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    field = view.invoice_field.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "INV-0042")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        scanner.scanned.emit(BUDI_CARD)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    # Another customer's sale starts with no invoice; before anyone, the invoice stays theirs.
    assert view.invoice_field.text() == ("" if member_on_screen else "INV-0042")


def test_a_card_scanned_after_the_invoice_is_scanned_finds_the_member_and_keeps_the_invoice(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: F6, the receipt scanned, then Ayu's card: the scanner's Enter, swallowed,
    # never moved the cursor on as a typed Enter does, and the card replaced the invoice.
    view = cashier.view
    clock = _Clock()
    scanner = ScannerFilter(clock_ms=clock)
    scanner.scanned.connect(cashier.scanned)
    _activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert view.invoice_field.field.hasFocus()
    scanner.install()
    try:
        with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
            _typed_at_pace(qtbot, view, clock, "INV-2026-000812")
        clock.now += 500
        with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
            _typed_at_pace(qtbot, view, clock, BUDI_CARD)
    finally:
        scanner.remove()
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert view.invoice_field.text() == "INV-2026-000812"


def _enter_in_the_amount(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.keyClick(cashier.view.reward_picker.qty_spin, Qt.Key.Key_Return)


def _click_redeem_now(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.mouseClick(cashier.view.reward_picker.redeem_button, Qt.MouseButton.LeftButton)


def _cart_by_f9(qtbot: QtBot, cashier: CashierWindow) -> None:
    picker = cashier.view.reward_picker
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    _activate(qtbot, cashier.view)
    qtbot.keyClick(cashier.view, Qt.Key.Key_F9)


def _click_redeem_cart(qtbot: QtBot, cashier: CashierWindow) -> None:
    picker = cashier.view.reward_picker
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.cart.redeem_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    "action",
    [_enter_in_the_amount, _click_redeem_now, _cart_by_f9, _click_redeem_cart],
    ids=["Enter in the amount", "Redeem now", "F9", "Redeem cart"],
)
def test_the_next_customers_name_typed_after_a_reward_is_redeemed_finds_them(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    action: Callable[[QtBot, CashierWindow], None],
) -> None:
    # The reward redeemed, its rewards re-read: the keyboard fell to the emptied cart's list,
    # where the next customer's name typed went nowhere.
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    tile = view.reward_picker.tiles()[0]
    assert tile.hasFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert view.reward_picker.qty_spin.hasFocus()

    receipt = redeem(qtbot, cashier, lambda: action(qtbot, cashier))
    assert receipt.verdict is Verdict.CONFIRMED
    qtbot.waitUntil(lambda: view.reward_picker.tiles()[0].isEnabled(), timeout=WAIT_MS)

    focus = _focused(view)
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClicks(focus, BUDI_EMAIL)
        qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert len(sandbox.ledger()) == 1


def test_a_card_scanned_after_f9_in_the_invoice_finds_the_next_customer(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # The invoice typed, then F9 there: the cart was redeemed and the keyboard stayed in the
    # invoice, where the next customer's card, scanned, became the invoice number while Ayu
    # stayed on screen.
    view = cashier.view
    scanner = _scanner(cashier)
    _ayu_on_screen(qtbot, cashier)
    picker = view.reward_picker
    picker.select_reward(1)
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    _activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    field = view.invoice_field.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "INV-0042")

    receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(field, Qt.Key.Key_F9))
    assert receipt.verdict is Verdict.CONFIRMED

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        scanner.scanned.emit(BUDI_CARD)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert view.invoice_field.text() != BUDI_CARD
    assert len(sandbox.ledger()) == 1


def test_the_arrow_keys_move_between_reward_tiles_as_the_grid_shows_them(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    picker = view.reward_picker
    tiles = picker.tiles()
    columns = picker.columns()
    assert tiles[0].hasFocus()

    qtbot.keyClick(tiles[0], Qt.Key.Key_Right)
    assert tiles[1].hasFocus()
    qtbot.keyClick(tiles[1], Qt.Key.Key_Down)
    assert tiles[1 + columns].hasFocus()
    qtbot.keyClick(tiles[1 + columns], Qt.Key.Key_Left)
    assert tiles[columns].hasFocus()
    qtbot.keyClick(tiles[columns], Qt.Key.Key_Up)
    assert tiles[0].hasFocus()
    # At the grid's edge the keyboard stays on the tile rather than leave the grid.
    qtbot.keyClick(tiles[0], Qt.Key.Key_Up)
    qtbot.keyClick(tiles[0], Qt.Key.Key_Left)
    assert tiles[0].hasFocus()


def test_after_remove_empties_the_cart_the_keyboard_picks_the_next_reward(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The cart's last line removed, "Remove" went grey and Qt passed the keyboard out of the
    # tab to the shift's list: Enter there picked nothing, and the next name typed was lost.
    view = cashier.view
    _ayu_on_screen(qtbot, cashier)
    picker = view.reward_picker
    picker.select_reward(1)
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    picker.cart.list.setCurrentRow(0)
    qtbot.mouseClick(picker.cart.remove_button, Qt.MouseButton.LeftButton)
    assert not picker.cart.lines()

    qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert picker.selected() is not None
    assert picker.selected().id == picker.tiles()[0].reward.id  # type: ignore[union-attr]


def _offer_for(qtbot: QtBot, cashier: CashierWindow, email: str) -> Callable[[], None]:
    """Start listening for the offer of the member with ``email``; the returned call waits on it."""
    offers: list[str] = []
    keep = offers.append

    def on_offer(offer: object) -> None:
        keep(getattr(getattr(offer, "member", None), "email", "") or "")

    cashier.session.offer_loaded.connect(on_offer)

    def wait() -> None:
        try:
            qtbot.waitUntil(lambda: email in offers, timeout=WAIT_MS)
        finally:
            cashier.session.offer_loaded.disconnect(on_offer)

    return wait


def test_a_name_typed_after_a_card_scanned_on_a_reward_tile_finds_that_member(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # A card scanned while a reward tile had the keyboard: the tiles were rebuilt for the new
    # member and Qt dropped the keyboard on the empty cart's list, where a name typed was lost.
    view = cashier.view
    scanner = _scanner(cashier)
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    assert view.reward_picker.tiles()[0].hasFocus()

    budis_offer = _offer_for(qtbot, cashier, BUDI_EMAIL)
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        scanner.scanned.emit(BUDI_CARD)
    budis_offer()
    assert view.member_card.name_text() == "Budi Santoso"

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClicks(_focused(view), AYU)
        qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Ayu Pratiwi"


def test_the_rewards_read_again_leave_the_keyboard_on_the_reward_it_was_on(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The member's rewards are read again as the queue moves on (a redemption settles, the
    # balance moves): the tiles were rebuilt and Qt dropped the keyboard on the empty cart,
    # where Enter picked nothing and a name typed was lost.
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    picker = view.reward_picker
    qtbot.keyClick(picker.tiles()[0], Qt.Key.Key_Right)
    on = picker.tiles()[1].reward.id

    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        cashier.session.reload_offer()
    QApplication.processEvents()  # what the tiles' new rewards posted (focus moves, deletions)
    assert picker.tile(on).hasFocus()

    qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert picker.selected() is not None
    assert picker.selected().id == on  # type: ignore[union-attr]


AYU_ID = 6  # the sandbox's Ayu Pratiwi (250 stamps)


class _Clock:
    """The scanner filter's clock for key events that carry no time: the test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _typed_at_pace(qtbot: QtBot, view: CashierWindowView, clock: _Clock, text: str) -> None:
    """``text`` and Enter, a key every 8 ms as a wedge scanner types them (``clock`` moved, nothing
    sleeps), each key to wherever the keyboard is as it is pressed."""
    for character in text:
        clock.now += 8
        qtbot.keyClick(_focused_or_window(view), character)
    clock.now += 8
    qtbot.keyClick(_focused_or_window(view), Qt.Key.Key_Return)


def _focused_or_window(view: CashierWindowView) -> QWidget:
    # Where a key goes: the keyboard's widget, else the window itself (Qt sends it there).
    return view.focusWidget() or view


def _nothing_left_for_ayu(qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl) -> None:
    """The keyboard on the reward Ayu can have; then the queue moves on and an answer says her
    balance fell under every reward (another till or the kiosk redeemed meanwhile)."""
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    picker = view.reward_picker
    assert picker.tiles()[0].hasFocus()
    sandbox.change_member(AYU_ID, stamps=0)
    member = cashier.session.member
    assert member is not None
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        cashier.session.balance_changed(member.lane, 0)  # as a confirmed answer does
    qtbot.waitUntil(lambda: not any(tile.isEnabled() for tile in picker.tiles()), timeout=WAIT_MS)
    QApplication.processEvents()  # the old tiles deleted
    _activate(qtbot, view)


def test_a_name_typed_when_the_rewards_read_again_leave_nothing_finds_that_member(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # The tile with the keyboard went with the re-read, and no reward was left to take it: the
    # keyboard was nowhere, and the next customer's name typed was lost.
    view = cashier.view
    _nothing_left_for_ayu(qtbot, cashier, sandbox)
    assert view.focusWidget() is view.member_search.field

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        for character in "Budi Santoso":
            qtbot.keyClick(_focused_or_window(view), character)
        qtbot.keyClick(_focused_or_window(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"


def test_a_card_scanned_when_the_rewards_read_again_leave_nothing_finds_that_member(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    view = cashier.view
    clock = _Clock()
    scanner = ScannerFilter(clock_ms=clock)
    scanner.scanned.connect(cashier.scanned)
    _nothing_left_for_ayu(qtbot, cashier, sandbox)
    scanner.install()
    try:
        with (
            qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS),
            qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found,
        ):
            _typed_at_pace(qtbot, view, clock, BUDI_CARD)
    finally:
        scanner.remove()
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"


def _voucher_row(cashier: CashierWindow, balance: bool) -> int:
    """The row of Ayu's first voucher that is (or is not) a balance voucher."""
    offer = cashier.session.offer
    assert offer is not None
    wanted = next(v.id for v in offer.vouchers if v.balance is balance)
    table = cashier.view.voucher_panel.table
    return next(
        row
        for row in range(table.rowCount())
        if table.item(row, 0).data(Qt.ItemDataRole.UserRole) == wanted
    )


def _click_redeem_voucher(qtbot: QtBot, cashier: CashierWindow) -> None:
    panel = cashier.view.voucher_panel
    panel.table.selectRow(_voucher_row(cashier, balance=False))
    qtbot.mouseClick(panel.redeem_button, Qt.MouseButton.LeftButton)


def _enter_on_the_voucher(qtbot: QtBot, cashier: CashierWindow) -> None:
    panel = cashier.view.voucher_panel
    panel.table.setFocus()
    panel.table.setCurrentCell(_voucher_row(cashier, balance=False), 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)


def _deduct(qtbot: QtBot, cashier: CashierWindow) -> None:
    panel = cashier.view.voucher_panel
    panel.table.selectRow(_voucher_row(cashier, balance=True))
    qtbot.mouseClick(panel.redeem_button, Qt.MouseButton.LeftButton)
    dialog = panel.deduct_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.amount, "25000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    "action",
    [_click_redeem_voucher, _enter_on_the_voucher, _deduct],
    ids=["Redeem voucher", "Enter on the voucher", "a deduction"],
)
def test_the_next_customers_name_typed_after_a_voucher_is_redeemed_finds_them(
    qtbot: QtBot, cashier: CashierWindow, action: Callable[[QtBot, CashierWindow], None]
) -> None:
    # The voucher redeemed, the vouchers re-read: the keyboard stayed on the voucher's button,
    # now "Deduct from saldo…" for the row selected next (a space in the name typed opened the
    # deduction), or in the table, where the name went to its row search.
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F4)

    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        receipt = redeem(qtbot, cashier, lambda: action(qtbot, cashier))
    assert receipt.verdict is Verdict.CONFIRMED
    assert cashier.view.voucher_panel.deduct_dialog is None

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClicks(_focused(view), "Budi Santoso")
        qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert cashier.view.voucher_panel.deduct_dialog is None


def _enter_on_the_suggestion(qtbot: QtBot, cashier: CashierWindow) -> None:
    search = cashier.view.member_search
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.suggestions, Qt.Key.Key_Return)


def _click_the_suggestion(qtbot: QtBot, cashier: CashierWindow) -> None:
    suggestions = cashier.view.member_search.suggestions
    where = suggestions.visualItemRect(suggestions.item(0)).center()
    qtbot.mouseClick(suggestions.viewport(), Qt.MouseButton.LeftButton, pos=where)


@pytest.mark.parametrize(
    "choose",
    [_enter_on_the_suggestion, _click_the_suggestion],
    ids=["arrows and Enter", "a click"],
)
def test_the_next_name_typed_after_a_suggestion_is_chosen_finds_that_member(
    qtbot: QtBot, cashier: CashierWindow, choose: Callable[[QtBot, CashierWindow], None]
) -> None:
    # The member chosen from the suggestions, their name filled the search with the cursor at
    # its end: the next customer's name typed was added to it ("Budi Santosoayu"), no one found.
    view = cashier.view
    _activate(qtbot, view)
    search = view.member_search
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS):
        qtbot.keyClicks(search.field, "Budi")
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        choose(qtbot, cashier)
    assert view.member_card.name_text() == "Budi Santoso"

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        qtbot.keyClicks(_focused(view), AYU)
        qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Ayu Pratiwi"


def _type_by_hand(qtbot: QtBot, view: CashierWindowView, text: str) -> None:
    """Each key to wherever the keyboard is as it is pressed, as a keyboard types."""
    for character in text:
        qtbot.keyClick(_focused(view), character)


def _print_the_slip(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.keyClick(cashier.view, Qt.Key.Key_F3)
    picker = cashier.view.reward_picker
    qtbot.keyClick(picker.tiles()[0], Qt.Key.Key_Return)
    redeem(qtbot, cashier, lambda: _enter_in_the_amount(qtbot, cashier))
    button = cashier.view.result_panel.print_button
    qtbot.waitUntil(button.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    button.setFocus()  # a click gives a button the keyboard (offscreen, QTest's click does not)


def _cancel_the_deduction(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.keyClick(cashier.view, Qt.Key.Key_F4)
    panel = cashier.view.voucher_panel
    panel.table.selectRow(_voucher_row(cashier, balance=True))
    panel.redeem_button.setFocus()
    qtbot.keyClick(panel.redeem_button, Qt.Key.Key_Space)
    dialog = panel.deduct_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.deduct_dialog is None, timeout=WAIT_MS)


def _on_a_reward_tile(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.keyClick(cashier.view, Qt.Key.Key_F3)
    assert cashier.view.reward_picker.tiles()[0].hasFocus()


def _on_a_voucher(qtbot: QtBot, cashier: CashierWindow) -> None:
    qtbot.keyClick(cashier.view, Qt.Key.Key_F4)
    cashier.view.voucher_panel.table.setFocus()


def _in_the_amount(qtbot: QtBot, cashier: CashierWindow) -> None:
    # Where the keyboard is back after a PIN pad is cancelled, too.
    qtbot.keyClick(cashier.view, Qt.Key.Key_F3)
    qtbot.keyClick(cashier.view.reward_picker.tiles()[0], Qt.Key.Key_Return)
    assert cashier.view.reward_picker.qty_spin.hasFocus()


@pytest.mark.parametrize(
    "before",
    [_print_the_slip, _cancel_the_deduction, _on_a_reward_tile, _on_a_voucher, _in_the_amount],
    ids=[
        "Print slip",
        "the deduction cancelled",
        "a reward tile",
        "the vouchers' list",
        "the amount",
    ],
)
def test_a_name_typed_where_nothing_takes_words_finds_that_member(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    before: Callable[[QtBot, CashierWindow], None],
) -> None:
    # The keyboard on a button, a tile or a list, which take no words: the next customer's
    # name typed was lost, and its space pressed the button ("Print slip" again, the deduction).
    view = cashier.view
    _ayu_on_screen(qtbot, cashier)
    before(qtbot, cashier)
    entries = len(sandbox.ledger())

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        _type_by_hand(qtbot, view, "Budi Santoso")
        qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert view.voucher_panel.deduct_dialog is None
    assert len(sandbox.ledger()) == entries


def test_the_amount_typed_after_a_reward_is_picked_replaces_the_one(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The reward picked with Enter, the cursor stood before the amount's "1": "2" typed made
    # it 21, and Enter would have redeemed 21.
    view = cashier.view
    _ayu_on_screen(qtbot, cashier, Qt.Key.Key_F3)
    picker = view.reward_picker
    cheapest = min(
        (tile for tile in picker.tiles() if not tile.reward.flexible and tile.isEnabled()),
        key=lambda tile: tile.reward.stamps_cost,
    )
    cheapest.setFocus()
    qtbot.keyClick(cheapest, Qt.Key.Key_Return)

    _type_by_hand(qtbot, view, "2")
    assert picker.qty_spin.value() == 2


def _refused_promo(qtbot: QtBot, cashier: CashierWindow) -> None:
    view = cashier.view
    view.invoice_field.set_text("INV-0042")
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.keyClicks(view.promo_panel.code_field, "MERDEKA17")  # ended 90 days ago
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)


def _refused_voucher_code(qtbot: QtBot, cashier: CashierWindow) -> None:
    view = cashier.view
    qtbot.keyClick(view, Qt.Key.Key_F4)
    qtbot.keyClicks(view.voucher_panel.code_field, "NO-SUCH-CODE")
    qtbot.keyClick(view.voucher_panel.code_field, Qt.Key.Key_Return)


@pytest.mark.parametrize("code", [_refused_promo, _refused_voucher_code], ids=["promo", "voucher"])
@pytest.mark.parametrize("next_customer", ["scanned", "typed"])
def test_the_next_customer_after_a_code_is_refused_is_found(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    code: Callable[[QtBot, CashierWindow], None],
    next_customer: str,
) -> None:
    # The code refused, the cursor stayed after it in its field: the next customer's card
    # scanned went to the server as a code for the last one, and their name typed was added
    # to the refused code. Nobody was found.
    view = cashier.view
    scanner = _scanner(cashier)
    _ayu_on_screen(qtbot, cashier)
    with qtbot.waitSignal(cashier.redemption.refused, timeout=WAIT_MS):
        code(qtbot, cashier)
    qtbot.waitUntil(lambda: not cashier.redemption.busy, timeout=WAIT_MS)
    entries = len(sandbox.ledger())

    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        if next_customer == "scanned":
            scanner.scanned.emit(BUDI_CARD)
        else:
            _type_by_hand(qtbot, view, "Budi Santoso")
            qtbot.keyClick(_focused(view), Qt.Key.Key_Return)
    assert found.args[0] is not None
    assert view.member_card.name_text() == "Budi Santoso"
    assert len(sandbox.ledger()) == entries
