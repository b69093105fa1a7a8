"""Whose the invoice number is: a receipt scanned before the next customer's card goes with
them, and one entered for the customer on screen never with anyone else's sale."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow
from app.ui.main_window import CashierWindowView
from app.ui.slip import SlipData

from ...support.network import Network
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, redeem, run_async, with_formats

pytestmark = pytest.mark.integration

AYU, PUTRI = "customer@stamps.co.id", "putri.maharani@contoh.co.id"


def _invoices(qtbot: QtBot, cashier: CashierWindow) -> list[str]:
    shift = cashier.session.shift
    assert shift is not None
    rows = run_async(qtbot, cashier.session.till.shift_record.shift_rows(shift.id))
    return [row.invoice for row in rows]


def test_a_receipt_scanned_after_the_last_redemption_goes_with_the_next_customer(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # At the counter the receipt is often scanned before the card: Putri's receipt, scanned
    # once Ayu's reward was sent, went with Ayu as Putri's card put her on screen.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0002")  # Putri's receipt, into the invoice number
    assert view.invoice_field.owner.text() == "For the next customer"
    # Ayu asks for another reward meanwhile: Putri's receipt is not on Ayu's sale.
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    find_member(qtbot, cashier, PUTRI)
    assert view.invoice_field.text() == "INV-0002"
    assert view.invoice_field.owner.text() == "For Putri Maharani"
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    assert sorted(_invoices(qtbot, cashier)) == ["", "", "INV-0002"]


def test_a_receipt_entered_with_nobody_on_screen_goes_with_the_member_found_next(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    qtbot.keyClicks(view.invoice_field.field, "INV-0003")
    assert view.invoice_field.owner.text() == "For the next customer"
    find_member(qtbot, cashier, AYU)
    assert view.invoice_field.text() == "INV-0003"
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"

    find_member(qtbot, cashier, PUTRI)  # Ayu's, and she has gone
    assert view.invoice_field.text() == ""
    assert view.invoice_field.owner.text() == ""


def test_an_invoice_asked_for_a_promo_stays_the_customers_own(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Ayu served, then her promo asks for the sale's invoice: what is typed then is hers, not
    # the next customer's, and goes with her promo.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    view.activateWindow()
    promo_asks_for_the_invoice(qtbot, view)
    qtbot.keyClicks(view.invoice_field.field, "INV-0004")
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"
    receipt = redeem(qtbot, cashier, view.promo_panel.submit)
    assert receipt.verdict is Verdict.CONFIRMED
    assert "INV-0004" in _invoices(qtbot, cashier)


def test_the_next_customers_receipt_after_a_promo_waits_for_them(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Ayu's promo asked for her invoice and was sent with it; Putri's receipt, scanned next,
    # was still taken for Ayu's (the till's asking outlived the promo) and was dropped as
    # Putri's card came.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    promo_asks_for_the_invoice(qtbot, view)
    qtbot.keyClicks(view.invoice_field.field, "INV-0005")
    assert redeem(qtbot, cashier, view.promo_panel.submit).verdict is Verdict.CONFIRMED

    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0006")  # Putri's receipt
    assert view.invoice_field.owner.text() == "For the next customer"
    find_member(qtbot, cashier, PUTRI)
    assert view.invoice_field.text() == "INV-0006"
    assert view.invoice_field.owner.text() == "For Putri Maharani"


def test_the_slip_keeps_the_invoice_its_redemption_was_sent_with(
    qtbot: QtBot, cashier: CashierWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ayu's reward went with her receipt; the next customer's receipt, scanned before Ayu asked
    # for her slip, took her invoice off it (the slip read the field, the next customer's now).
    printed: list[SlipData] = []

    def kept(slip: SlipData, **_where: object) -> str:
        printed.append(slip)
        return "the test's printer"

    monkeypatch.setattr("app.ui.controllers.shift.print_slip", kept)
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    qtbot.keyClicks(view.invoice_field.field, "INV-0007")
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED

    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0008")  # the next customer's receipt
    assert view.invoice_field.owner.text() == "For the next customer"
    view.result_panel.print_button.click()
    assert [slip.invoice_number for slip in printed] == ["INV-0007"]


def promo_asks_for_the_invoice(qtbot: QtBot, view: CashierWindowView) -> None:
    """The cashier asks for the promo NGOPIPAGI (F5, the code, Enter) with no invoice of this
    sale in the field: the till asks for it, the cursor in the invoice field."""
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)


def test_a_promo_code_scanned_again_as_the_till_asks_for_the_invoice_is_not_the_receipt(
    qtbot: QtBot, cashier: CashierWindow, till_settings: Settings, sandbox: SandboxControl
) -> None:
    # Seen under X: NGOPIPAGI scanned twice at once (a scanner's double read) with no receipt
    # yet: the first asked for the invoice, the cursor in it, and the second was the invoice
    # number; the promo went to the server with "NGOPIPAGI" for a receipt, confirmed.
    with_formats(cashier, till_settings, invoice_prefixes="INV-")
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    promo_asks_for_the_invoice(qtbot, view)
    cashier.scanned("NGOPIPAGI")
    assert view.invoice_field.text() == ""
    assert view.invoice_field.field.hasFocus()
    assert view.member_search.message_text() == (
        "Receipt not read (“NGOPIPAGI”): this store's receipts begin INV-. Scan the receipt, "
        "or type its number."
    )
    assert sandbox.ledger() == []

    # The sale's receipt scanned next is the invoice, and the promo that waited goes with it.
    receipt = redeem(qtbot, cashier, lambda: cashier.scanned("INV-0042"))
    assert receipt.verdict is Verdict.CONFIRMED
    assert _invoices(qtbot, cashier) == ["INV-0042"]
    assert view.member_search.message_text() == ""


def test_a_promo_code_scanned_again_once_it_went_is_the_promo_not_her_voucher_code(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under X: NGOPIPAGI scanned twice at once with INV-0042 in: the promo was confirmed
    # and the cursor went to the member search, where the second read found no member and went
    # to the server as Ayu's voucher code: "Refused: Voucher not found" over the promo.
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, "INV-0042")
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    field = view.promo_panel.code_field
    receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(field, Qt.Key.Key_Return))
    assert receipt.verdict is Verdict.CONFIRMED
    qtbot.waitUntil(view.member_search.field.hasFocus, timeout=WAIT_MS)

    cashier.scanned("NGOPIPAGI")
    details = view.result_panel.details
    qtbot.waitUntil(lambda: "already went on invoice INV-0042" in details.text(), timeout=WAIT_MS)
    assert view.tabs.currentIndex() == view.PROMO_TAB
    shift = cashier.session.shift
    assert shift is not None
    rows = run_async(qtbot, cashier.session.till.shift_record.shift_rows(shift.id))
    assert [row.what for row in rows] == ["Promo code NGOPIPAGI"] * 2  # no voucher code


def _ayu_served_then_next_receipt_typed(qtbot: QtBot, cashier: CashierWindow) -> None:
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.CONFIRMED
    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, "INV-0042")
    assert view.invoice_field.owner.text() == "For the next customer"


def test_a_promo_asking_for_the_invoice_says_the_one_in_the_field_waits_and_enter_makes_it_hers(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen at the counter: INV-0042 typed after Ayu's reward was sent (the next customer's, by
    # the rule), then Ayu's promo was refused "A promo code needs the invoice number of this
    # sale" with INV-0042 plainly in the field; only typing it again made it hers.
    view = cashier.view
    _ayu_served_then_next_receipt_typed(qtbot, cashier)
    promo_asks_for_the_invoice(qtbot, view)
    panel = view.result_panel
    assert "needs the invoice number" not in panel.details.text()
    assert "kept for the next customer" in panel.details.text()
    assert panel.what_to_do.text() == (
        "If it is this sale's, press Enter in the invoice field to use it for Ayu Pratiwi: the "
        "promo is redeemed with it. If not, type or scan this sale's (F6)."
    )
    owner, offer = view.invoice_field.owner, view.invoice_field.offer
    assert owner.text() == "For the next customer"
    assert offer.isVisibleTo(view) and offer.text() == "Enter: use it for Ayu Pratiwi"

    # Enter makes it Ayu's, and the promo that waited for it goes: no F5 and Enter again.
    receipt = redeem(
        qtbot, cashier, lambda: qtbot.keyClick(view.invoice_field.field, Qt.Key.Key_Return)
    )
    assert receipt.verdict is Verdict.CONFIRMED
    assert owner.text() == "For Ayu Pratiwi"
    assert not offer.isVisibleTo(view)
    assert "INV-0042" in _invoices(qtbot, cashier)
    assert panel.what_to_do.text() == "Apply the promo to this sale."


def test_enter_on_the_next_customers_receipt_unasked_keeps_it_theirs(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # A receipt typed for the next customer ends with Enter too: it stays theirs.
    view = cashier.view
    _ayu_served_then_next_receipt_typed(qtbot, cashier)
    qtbot.keyClick(view.invoice_field.field, Qt.Key.Key_Return)
    assert view.invoice_field.owner.text() == "For the next customer"
    assert not view.invoice_field.offer.isVisibleTo(view)
    find_member(qtbot, cashier, PUTRI)
    assert view.invoice_field.text() == "INV-0042"
    assert view.invoice_field.owner.text() == "For Putri Maharani"


def test_the_promo_s_invoice_reminder_shows_only_while_the_sale_has_no_invoice(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # It stayed under the promo field after the promo went with the invoice, as if it lacked one.
    view = cashier.view
    hint = view.promo_panel.findChild(QLabel, "promoInvoiceHint")
    assert hint is not None
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    view.show_promo()
    assert hint.isVisibleTo(view)
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.invoice_field.field.hasFocus(), timeout=WAIT_MS)
    assert "needs the invoice number" in view.result_panel.details.text()
    qtbot.keyClicks(view.invoice_field.field, "INV-0043")
    assert not hint.isVisibleTo(view)
    # What was asked for is there: the asking goes (it said "Not sent — the till needs
    # something first" beside the number), and under the field Enter says what it does now.
    assert view.result_panel.result() is None
    assert view.result_panel.title.text() == "No redemption yet"
    offer = view.invoice_field.offer
    assert offer.isVisibleTo(view)
    assert offer.text() == "Enter: redeem the promo"
    view.invoice_field.field.clear()  # the wrong receipt: the sale has none again
    assert "needs the invoice number" in view.result_panel.details.text()
    assert view.result_panel.title.text() == "Not sent — the till needs something first"
    assert not offer.isVisibleTo(view)
    qtbot.keyClicks(view.invoice_field.field, "INV-0043")
    assert redeem(qtbot, cashier, view.promo_panel.submit).verdict is Verdict.CONFIRMED
    assert not hint.isVisibleTo(view)

    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    cashier.scanned("INV-0044")  # the next customer's receipt: this sale has none of its own
    assert view.invoice_field.owner.text() == "For the next customer"
    assert hint.isVisibleTo(view)


def _promo_with_nobody_on_screen(qtbot: QtBot, view: CashierWindowView) -> None:
    view.activateWindow()
    view.show_promo()
    qtbot.keyClicks(view.promo_panel.code_field, "NGOPIPAGI")
    qtbot.keyClick(view.promo_panel.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.result_panel.result() is not None, timeout=WAIT_MS)
    # Nothing was sent: the till asks for the member, never in the server's red "Refused".
    assert view.result_panel.title.text() == "Not sent — the till needs something first"
    assert view.result_panel.details.text() == (
        "Find the member first (F2): promo code NGOPIPAGI waits in Promo (F5) and is redeemed "
        "for the member found next."
    )
    assert view.member_search.field.hasFocus()
    assert not view.invoice_field.asked  # not asked for yet: the member comes first
    assert view.promo_panel.code_field.text() == "NGOPIPAGI"  # kept for when they are found


def test_a_promo_with_nobody_on_screen_waits_and_asks_for_the_invoice_once_the_member_is_found(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The customer reads out the promo before their card: the till asked for the member, and
    # once they were found the cashier had to press F5 and Enter again for the code typed.
    view = cashier.view
    _promo_with_nobody_on_screen(qtbot, view)
    find_member(qtbot, cashier, AYU)
    qtbot.waitUntil(lambda: view.invoice_field.field.hasFocus(), timeout=WAIT_MS)
    assert "needs the invoice number" in view.result_panel.details.text()
    assert view.result_panel.title.text() == "Not sent — the till needs something first"
    assert _invoices(qtbot, cashier) == []  # nothing sent without the sale's number


def test_a_promo_and_a_receipt_entered_before_the_card_are_redeemed_for_the_member_found(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    qtbot.keyClicks(view.invoice_field.field, "INV-0050")  # the receipt, scanned first
    _promo_with_nobody_on_screen(qtbot, view)
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
        find_member(qtbot, cashier, AYU)
    assert done.args[0].verdict is Verdict.CONFIRMED
    assert _invoices(qtbot, cashier) == ["INV-0050"]
    assert view.promo_panel.code_field.text() == ""


def test_a_promo_left_waiting_is_not_redeemed_once_its_code_is_emptied(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    qtbot.keyClicks(view.invoice_field.field, "INV-0051")
    _promo_with_nobody_on_screen(qtbot, view)
    view.promo_panel.clear()  # the customer changed their mind
    # The panel said the code waited for the member: it waits for nobody now.
    assert view.result_panel.result() is None
    find_member(qtbot, cashier, AYU)
    assert _invoices(qtbot, cashier) == []  # the code went: nothing waits to be sent


def test_a_promo_refused_for_the_next_customers_number_takes_it_scanned_again(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # The refusal asks for this sale's number: a cashier with a scanner scans the same receipt
    # again. That changed nothing (the field's text was the same), and the promo was refused
    # each time until the number was typed by hand.
    view = cashier.view
    _ayu_served_then_next_receipt_typed(qtbot, cashier)
    promo_asks_for_the_invoice(qtbot, view)
    assert view.invoice_field.owner.text() == "For the next customer"

    # The same receipt, scanned again: it is this sale's, and the promo asked for it goes.
    receipt = redeem(qtbot, cashier, lambda: cashier.scanned("INV-0042"))
    assert receipt.verdict is Verdict.CONFIRMED
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"
    assert "INV-0042" in _invoices(qtbot, cashier)


@pytest.mark.parametrize("given", ["typed", "scanned"])
def test_a_promo_waiting_for_the_member_goes_once_the_invoice_asked_for_is_given(
    qtbot: QtBot, cashier: CashierWindow, given: str
) -> None:
    # Seen under X: NGOPIPAGI with nobody on screen waited for Ayu, then asked for her
    # invoice; INV-1001 typed and Enter sent nothing, and the cashier had to go back to F5
    # and press Enter for a code the till already had.
    view = cashier.view
    _promo_with_nobody_on_screen(qtbot, view)
    find_member(qtbot, cashier, AYU)
    field = view.invoice_field.field
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    assert _invoices(qtbot, cashier) == []  # never sent before the number
    if given == "typed":
        qtbot.keyClicks(field, "INV-1001")
        assert view.result_panel.result() is None  # its cause gone, the asking went
        receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(field, Qt.Key.Key_Return))
    else:
        receipt = redeem(qtbot, cashier, lambda: cashier.scanned("INV-1001"))
    assert receipt.verdict is Verdict.CONFIRMED
    assert _invoices(qtbot, cashier) == ["INV-1001"]
    assert view.promo_panel.code_field.text() == ""
    assert view.result_panel.title.text() == "Confirmed"
    assert not view.invoice_field.offer.isVisibleTo(view)


def test_a_promo_asking_for_the_invoice_is_dropped_with_its_code(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    promo_asks_for_the_invoice(qtbot, view)
    view.promo_panel.clear()  # the customer changed their mind
    assert view.result_panel.result() is None  # no invoice asked for a promo not there
    field = view.invoice_field.field
    qtbot.keyClicks(field, "INV-1002")
    assert not view.invoice_field.offer.isVisibleTo(view)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # A reward next: had Enter sent the promo, the reward's press would have been dropped
    # while it was sent, and the receipt waited for the promo's.
    picker = view.reward_picker
    picker.select_reward(1)
    receipt = redeem(qtbot, cashier, picker.redeem_button.click)
    assert receipt.gives == "reward"
    assert _invoices(qtbot, cashier) == ["INV-1002"]


@pytest.mark.parametrize("card", ["KR24000006", "70140000000006", "kr-24000006"])
def test_the_customer_on_screen_scanned_again_offline_keeps_the_invoice_typed_for_their_sale(
    qtbot: QtBot, make_cashier: Callable[..., CashierWindow], network_settings: Settings,
    network: Network, card: str
) -> None:  # fmt: skip
    # Seen on a walk: the line down, Ayu on screen; the cashier typed this sale's receipt
    # number (F6) and scanned Ayu's card again to be sure of her balance. The card went into
    # the invoice number in place of the receipt's, "For the next customer".
    cashier = make_cashier(network_settings)
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    network.down()
    view.activateWindow()
    view.focus_invoice()
    qtbot.waitUntil(view.invoice_field.field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(view.invoice_field.field, "INV-0043")
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
        cashier.scanned(card)
    assert found.args[0] is not None and not found.args[0].live  # her offline copy
    assert view.invoice_field.text() == "INV-0043"
    assert view.invoice_field.owner.text() == "For Ayu Pratiwi"
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"
    picker = view.reward_picker
    picker.select_reward(1)
    assert redeem(qtbot, cashier, picker.redeem_button.click).verdict is Verdict.ACCEPTED_OFFLINE
    assert _invoices(qtbot, cashier) == ["INV-0043"]
