"""Codes typed: a card a slow scanner typed into a voucher or promo code, or the invoice
number, is a card (said not read, or its member looked up), never sent as a code or a receipt's
number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.ui.cashier_window import CashierWindow

from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, with_formats
from .test_invoice_owner import promo_asks_for_the_invoice

pytestmark = pytest.mark.integration

AYU = "customer@stamps.co.id"


def _code_field(cashier: CashierWindow, where: str) -> QLineEdit:
    # The field as its F-key opens it: F4 the voucher code, F5 the promo code.
    view = cashier.view
    view.activateWindow()
    if where == "voucher":
        view.show_vouchers()
        return view.voucher_panel.code_field
    view.show_promo()
    return view.promo_panel.code_field


@pytest.mark.parametrize("where", ["voucher", "promo"])
@pytest.mark.parametrize("card", ["70140000000123", "KR24000123"])
def test_a_known_card_typed_into_a_code_is_said_not_read(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, card: str, where: str
) -> None:
    # A scanner a little slower than the filter's pace types Budi's card into Ayu's waiting
    # code as a person would: it went to the server as her code, "Refused", on her record.
    view = cashier.view
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")  # the till has seen Budi
    find_member(qtbot, cashier, AYU)
    view.invoice_field.set_text("INV-0042")  # the promo's invoice, so only the card can stop it
    field = _code_field(cashier, where)
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, card)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.member_search.message_text() != "", timeout=WAIT_MS)
    assert view.member_search.message_text().startswith(f"Card not read (“{card}”)")
    assert f"into the {where} code" in view.member_search.message_text()
    assert view.result_panel.result() is None  # nothing refused for Ayu
    assert field.text() == ""
    assert view.member_search.field.hasFocus()  # where the card scanned again finds him
    assert sandbox.ledger() == []
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"


@pytest.mark.parametrize("where", ["voucher", "promo"])
def test_a_card_of_the_stores_format_never_seen_typed_into_a_code_looks_the_member_up(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    till_settings: Settings,
    where: str,
) -> None:
    # Budi's card, typed by hand into Ayu's code on a till that had never seen him: it went to
    # the server as her code. The store's cards begin with 7014.
    with_formats(cashier, till_settings, card_prefixes="KR, 7014")
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.invoice_field.set_text("INV-0042")
    field = _code_field(cashier, where)
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "70140000000123")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cashier.session.member is not None
    assert cashier.session.member.name == "Budi Santoso"
    assert field.text() == ""
    assert view.result_panel.result() is None  # nothing refused for Ayu
    assert sandbox.ledger() == []


@pytest.mark.parametrize("formats", ["KR, 7014", ""])
def test_a_card_typed_into_the_invoice_number_looks_the_member_up(
    qtbot: QtBot,
    cashier: CashierWindow,
    sandbox: SandboxControl,
    till_settings: Settings,
    formats: str,
) -> None:
    # Budi's card, typed slowly into the invoice number (F6) with Ayu on screen, and Enter: it
    # stayed there as the sale's invoice number, and Budi was never looked up. With no card
    # format, the till tells it from a receipt only when it has seen the card.
    with_formats(cashier, till_settings, card_prefixes=formats)
    view = cashier.view
    if not formats:
        find_member(qtbot, cashier, "budi.santoso@contoh.co.id")
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    view.invoice_field.focus()
    field = view.invoice_field.field
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "70140000000123")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cashier.session.member is not None
    assert cashier.session.member.name == "Budi Santoso"
    assert view.invoice_field.text() == ""
    assert sandbox.ledger() == []


CODE = "RINDANG-100K-7H2K"  # a code of the demo's, not one of Ayu's own vouchers


def _scan_or_type(qtbot: QtBot, cashier: CashierWindow, code: str, how: str) -> None:
    view = cashier.view
    if how == "scanned":
        cashier.scanned(code)
    else:  # typed where the card goes, then Enter
        field = view.member_search.field
        field.selectAll()
        qtbot.keyClicks(field, code)
        qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("how", ["scanned", "typed"])
def test_a_code_of_the_stores_voucher_format_is_the_members_voucher_code_never_a_lookup(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, till_settings: Settings, how: str
) -> None:
    # The store's vouchers begin with RINDANG-: scanned with the cursor in the member search,
    # the code was first asked as a member ("Looking up…"); typed there, it came back "No
    # member matches" and Ayu, the customer on screen, was cleared.
    with_formats(cashier, till_settings, voucher_prefixes="RINDANG-")
    view = cashier.view
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    view.focus_member_search()
    lookups: list[object] = []
    cashier.member.lookup_finished.connect(lookups.append)
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
        _scan_or_type(qtbot, cashier, CODE.lower() if how == "typed" else CODE, how)
    assert done.args[0].verdict.value == "confirmed"
    assert lookups == []  # never asked as a member
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"
    assert view.member_search.field.text() == "Ayu Pratiwi"
    assert [entry["member"] for entry in sandbox.ledger()] == [6]  # Ayu


def test_a_voucher_code_scanned_with_nobody_on_screen_waits_and_is_used_for_the_member_found(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, till_settings: Settings
) -> None:
    # The customer hands over the voucher before the card: scanned first, it was asked as a
    # member, "No member matches", and gone; their card scanned next redeemed nothing.
    with_formats(cashier, till_settings, voucher_prefixes="RINDANG-")
    view = cashier.view
    view.activateWindow()
    cashier.scanned(CODE)
    assert view.member_search.message_text() == (
        f"A voucher needs the member first: voucher code {CODE} waits in Vouchers (F4) and is "
        "used for the member found next."
    )
    assert view.voucher_panel.code_field.text() == CODE
    assert view.tabs.currentIndex() == view.VOUCHERS_TAB
    assert not view.voucher_panel.empty_label.isVisibleTo(view)  # nobody's list to call empty
    assert sandbox.ledger() == []
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
        cashier.scanned("KR24000006")  # Ayu's card
    assert done.args[0].verdict.value == "confirmed"
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"
    assert [entry["member"] for entry in sandbox.ledger()] == [6]  # Ayu
    assert view.voucher_panel.code_field.text() == ""
    assert view.member_search.message_text() == ""


def test_a_voucher_code_typed_with_nobody_on_screen_and_enter_waits_as_a_scanned_one_does(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Typed by hand (F4, the code, Enter) before the card: "Find the member first (F2)", and
    # the card scanned next emptied the code the cashier had typed.
    view = cashier.view
    field = _code_field(cashier, "voucher")
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, CODE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.member_search.message_text() != "", timeout=WAIT_MS)
    assert view.member_search.message_text() == (
        f"A voucher needs the member first: voucher code {CODE} waits in Vouchers (F4) and is "
        "used for the member found next."
    )
    assert field.text() == CODE
    assert view.member_search.field.hasFocus()  # where the card goes
    assert view.result_panel.result() is None  # no "Find the member first" left up for her
    assert sandbox.ledger() == []
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
        cashier.scanned("KR24000006")  # Ayu's card
    assert done.args[0].verdict.value == "confirmed"
    assert [entry["member"] for entry in sandbox.ledger()] == [6]  # Ayu
    assert field.text() == ""


def test_a_voucher_code_typed_with_nobody_on_screen_is_kept_for_the_member_found(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Typed, no Enter yet, and the customer's card scanned: the code was emptied as the last
    # customer's would be. It is the customer's found now, kept for the cashier's Enter.
    view = cashier.view
    field = _code_field(cashier, "voucher")
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(field, CODE)
    find_member(qtbot, cashier, AYU)
    assert field.text() == CODE
    assert view.tabs.currentIndex() == view.VOUCHERS_TAB
    assert sandbox.ledger() == []  # the cashier has not pressed Enter: nothing sent
    # The next customer is another: what was kept for Ayu goes with her.
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")
    assert field.text() == ""


@pytest.mark.parametrize("how", ["scanned", "typed"])
def test_a_known_card_into_the_invoice_number_while_a_promo_waits_is_not_its_invoice(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, how: str
) -> None:
    # No card format: Budi's card, scanned or typed into the invoice number the till asked
    # for Ayu's promo, redeemed the promo at once with the card's number as her receipt's.
    view = cashier.view
    find_member(qtbot, cashier, "budi.santoso@contoh.co.id")  # the till has seen Budi
    find_member(qtbot, cashier, AYU)
    view.activateWindow()
    promo_asks_for_the_invoice(qtbot, view)
    card = "70140000000123"
    lookups: list[object] = []
    cashier.member.lookup_finished.connect(lookups.append)
    if how == "scanned":
        cashier.scanned(card)
    else:
        qtbot.keyClicks(view.invoice_field.field, card)
        qtbot.keyClick(view.invoice_field.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.member_search.message_text() != "", timeout=WAIT_MS)
    assert view.member_search.message_text() == (
        f"“{card}” is a member's card, not the invoice: the promo waits for the receipt. To "
        "serve them, F2 and scan again."
    )
    assert sandbox.ledger() == []  # nothing sent with a card for a receipt
    assert lookups == []  # Ayu stays on screen, her promo with her
    assert cashier.session.member is not None and cashier.session.member.name == "Ayu Pratiwi"
    assert view.invoice_field.text() == ""
    assert view.promo_panel.code_field.text() == "NGOPIPAGI"
    assert "needs the invoice number" in view.result_panel.details.text()
    # The receipt scanned next is the one the promo waited for.
    with qtbot.waitSignal(cashier.redemption.receipt_ready, timeout=WAIT_MS) as done:
        cashier.scanned("INV-0042")
    assert done.args[0].verdict.value == "confirmed"
    assert [entry["member"] for entry in sandbox.ledger()] == [6]  # Ayu
