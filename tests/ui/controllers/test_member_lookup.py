"""Finding a member through the window, against a live sandbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.cashier_window import CashierWindow
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.docs_server import DocsServer, details_with, docs_server
from ...support.network import settings_on
from ...support.sandbox import SandboxControl
from .conftest import WAIT_MS, find_member, run_async

pytestmark = pytest.mark.integration

__all__ = ["docs_server"]


@pytest.mark.parametrize(
    "identifier",
    ["customer@stamps.co.id", "KR24000006", "081210000006", "70140000000006"],
    ids=["email", "member-id", "phone", "card"],
)
def test_a_member_is_found_by_each_identifier(
    qtbot: QtBot, cashier: CashierWindow, identifier: str
) -> None:
    find_member(qtbot, cashier, identifier)
    view = cashier.view
    assert view.member_card.name_text() == "Ayu Pratiwi"
    assert view.member_card.stamps_text() == "250 stamps"
    assert view.member_search.message_text() == ""
    # Her offer fills both tabs: the store's rewards, and her two vouchers (one to deduct from).
    assert len(view.reward_picker.tiles()) > 5
    vouchers = {row.id: row for row in view.voucher_panel._vouchers}
    assert set(vouchers) == {12, 20}
    assert vouchers[12].balance and vouchers[12].remaining_value == 150_000
    assert vouchers[12].value_text == "Saldo Rp 150.000"
    assert not vouchers[20].balance


def test_a_member_id_scanned_with_caps_lock_on_finds_the_member(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # A wedge scanner presses Shift around each capital; with Caps Lock on, Shift+K types "k".
    # These are the key events X delivers then (xdotool key --delay 6 K R 2 4 ... Return).
    field = cashier.view.member_search.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    now = [1_000.0]
    scanner = ScannerFilter(clock_ms=lambda: now[0])
    scanner.scanned.connect(cashier.scanned)
    scanner.install()
    try:
        with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as found:
            for char in "KR24000006":
                now[0] += 6
                shift = Qt.KeyboardModifier.ShiftModifier if char.isalpha() else NO_MODIFIER
                press(QKeyEvent(QEvent.Type.KeyPress, ord(char), shift, char.lower()))
            now[0] += 6
            press(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, NO_MODIFIER, "\r"))
    finally:
        scanner.remove()
    assert found.args[0] is not None, cashier.view.member_search.message_text()
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"
    assert "kr" not in field.text()  # the scan never typed into the search


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(event: QKeyEvent) -> None:
    """``event`` to the focused widget, as the window system delivers a key."""
    QCoreApplication.sendEvent(QApplication.focusWidget(), event)


def test_nobody_found_says_so_and_keeps_the_card_empty(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    field = cashier.view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(field, "nobody@example.com")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == [None]
    assert "No member matches" in cashier.view.member_search.message_text()
    assert cashier.session.member is None


def docs_cashier(
    make_cashier: Callable[..., CashierWindow], docs_server: DocsServer, tmp_path: Path
) -> CashierWindow:
    """The window over a till on the docs server, which answers as a test tells it."""
    settings = settings_on(docs_server.url, tmp_path)
    return make_cashier(settings, token=docs_server.token)


def test_a_member_the_server_answered_for_unreadably_is_not_shown_from_the_till_s_copy(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    docs_server: DocsServer,
    tmp_path: Path,
) -> None:
    # Served once, then the server answers about her with `"is_blocked": "true"`: the card
    # showed the till's copy, not blocked, where the server may just have said she is.
    cashier = docs_cashier(make_cashier, docs_server, tmp_path)
    ayu = "ayu@contoh.co.id"
    find_member(qtbot, cashier, ayu)
    blocked = details_with(docs_server, ayu, is_blocked="true")
    docs_server.answer_next("/api/v2/memberships/details", 200, blocked)
    field = cashier.view.member_search.field
    field.clear()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(field, ayu)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == [None]
    assert cashier.session.member is None
    assert not cashier.view.member_card._details.isVisible()  # "No member", not her copy
    said = cashier.view.member_search.message_text()
    assert "could not read" in said and "saved copy" in said


def test_a_card_the_details_do_not_take_is_found_through_the_suggestions_or_said_so(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    docs_server: DocsServer,
    tmp_path: Path,
) -> None:
    # customer_api §1's user takes no card's number: a documents-only server answered "User
    # not found" to Ayu's card A5MHG, and the window said "No member matches “A5MHG”: User not
    # found", which sent the cashier to check a card that was right
    cashier = docs_cashier(make_cashier, docs_server, tmp_path)
    field = cashier.view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(field, "A5MHG")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == [None]
    said = cashier.view.member_search.message_text()
    assert "If it is a card's number" in said
    assert said.endswith("Ask for the member's email, phone or Member ID.")
    docs_server.cards_in_suggestions = True  # a server whose type-ahead searches cards
    field.clear()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        qtbot.keyClicks(field, "A5MHG")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cashier.session.member is not None
    assert cashier.session.member.email == "ayu@contoh.co.id"


def test_matches_the_till_could_not_read_are_said_not_left_out_silently(
    qtbot: QtBot,
    make_cashier: Callable[..., CashierWindow],
    docs_server: DocsServer,
    tmp_path: Path,
) -> None:
    # The server finds two Budis and lists one in a shape the till cannot read (its stamps in
    # words): the type-ahead showed one Budi without a word, and Enter took him for the only one.
    cashier = docs_cashier(make_cashier, docs_server, tmp_path)
    budi = {"id": 777, "name": "Budi Santoso", "email": "budi@contoh.co.id", "stamps": 40}
    other = {"id": 778, "name": "Budi Hartono", "stamps": "forty"}
    search = cashier.view.member_search
    for _ in range(3):  # the type-ahead's ("Bud", "Budi": one or both), then Enter's
        docs_server.answer_next("/api/memberships/suggestions", 200, {"suggestions": [budi, other]})
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClicks(search.field, "Budi")
    assert [row.label for row in shown.args[0]] == ["Budi Santoso"]
    unread = (
        "1 member found could not be read and is not listed: the Stamps server sent their "
        "details in a form this till cannot read. Scan their card, or type their email, member "
        "ID or phone."
    )
    assert search.message_text() == unread
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as looked_up:
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert looked_up.args == [None]  # not taken for the only Budi: the cashier picks
    assert cashier.session.member is None
    assert search.message_text() == (f"1 member matches “Budi”. Pick it from the list. {unread}")


def test_typing_suggests_members_and_choosing_one_looks_them_up(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    search = cashier.view.member_search
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClicks(search.field, "Pratiwi")
    assert [row.label for row in shown.args[0]] == ["Ayu Pratiwi"]
    assert search.suggestions.isVisible()
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        search.suggestions.setFocus()
        qtbot.keyClick(search.suggestions, Qt.Key.Key_Return)
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"


def test_a_scan_closes_the_suggestions_of_what_was_typed_before_it(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Seen under Xvfb: the cashier typed "Budi", his suggestions showed, then the customer's card
    # was scanned. Ayu came up, and Budi's list stayed open under her name, one click from
    # putting the wrong member on screen.
    search = cashier.view.member_search
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS):
        qtbot.keyClicks(search.field, "Budi")
    assert search.suggestions.isVisible()
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        cashier.scanned("KR24000006")
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"
    assert not search.suggestions.isVisible()


def test_a_newer_lookup_cancels_the_one_still_running(qtbot: QtBot, cashier: CashierWindow) -> None:
    cashier.member.look_up("customer@stamps.co.id")
    first = cashier.member._lookup._task
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        cashier.member.look_up("putri.maharani@contoh.co.id")
    assert first is not None and first.cancelled()
    assert cashier.view.member_card.name_text() == "Putri Maharani"


def type_over(qtbot: QtBot, cashier: CashierWindow, text: str) -> None:
    """The cashier selects what the search field holds and types ``text`` over it."""
    field = cashier.view.member_search.field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def answer_after_typing_on(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, text: str
) -> None:
    """With the lookup just asked held at the sandbox's gate, type ``text`` over it, then let
    its answer come and wait until the lookup has taken it in."""
    asked = cashier.member._lookup._task
    assert asked is not None
    qtbot.waitUntil(lambda: sandbox.holding() > 0, timeout=WAIT_MS)
    type_over(qtbot, cashier, text)
    sandbox.faults(held=False)
    qtbot.waitUntil(asked.done, timeout=WAIT_MS)


def test_a_lookup_answered_after_the_cashier_typed_on_says_nothing(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    search = cashier.view.member_search
    sandbox.faults(held=True)  # the answer waits until the cashier has moved on
    qtbot.keyClicks(search.field, "nobody@example.com")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    answer_after_typing_on(qtbot, cashier, sandbox, "Pratiwi")
    # "No member matches nobody@…" would read as the answer to "Pratiwi".
    assert "nobody@example.com" not in search.message_text()
    assert search.field.text() == "Pratiwi"


@pytest.mark.parametrize("how", ["typed", "scanned"])
def test_a_late_answer_never_replaces_the_member_being_served(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl, how: str
) -> None:
    find_member(qtbot, cashier, "customer@stamps.co.id")
    search = cashier.view.member_search
    sandbox.faults(held=True)
    if how == "typed":
        type_over(qtbot, cashier, "70140000000123")  # Budi's card
        qtbot.keyClick(search.field, Qt.Key.Key_Return)
    else:
        cashier.scanned("70140000000123")
    # Not Budi after all: the cashier starts typing for someone else while Ayu is served.
    answer_after_typing_on(qtbot, cashier, sandbox, "Pratiwi")
    assert cashier.session.member is not None
    assert cashier.session.member.name == "Ayu Pratiwi"
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"
    assert search.field.text() == "Pratiwi"


def test_a_card_scanned_over_the_last_customer_is_what_the_search_says_is_looked_up(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Under X, a slow line: Budi's card scanned with Ayu on screen read "Ayu Pratiwi" and
    # "Looking up…" under it, beside her card and her Redeem, as if she were being looked up.
    find_member(qtbot, cashier, "customer@stamps.co.id")
    search = cashier.view.member_search
    sandbox.faults(held=True)
    cashier.scanned("70140000000123")  # Budi's card
    qtbot.waitUntil(lambda: sandbox.holding() > 0, timeout=WAIT_MS)
    assert search.message_text() == "Looking up…"
    assert search.field.text() == "70140000000123"
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS):
        sandbox.faults(held=False)
    assert search.field.text() == cashier.view.member_card.name_text() == "Budi Santoso"


def test_suggestions_answered_after_the_cashier_typed_on_are_not_shown(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    search = cashier.view.member_search
    shown: list[list[object]] = []
    cashier.member.suggestions_shown.connect(shown.append)
    sandbox.faults(held=True)
    qtbot.keyClicks(search.field, "Pratiwi")
    qtbot.waitUntil(lambda: cashier.member._suggest.running, timeout=WAIT_MS)
    first = cashier.member._suggest._task
    assert first is not None
    qtbot.waitUntil(lambda: sandbox.holding() > 0, timeout=WAIT_MS)
    # Typed on before they came: Ayu is no suggestion for "Pratiwizzz".
    qtbot.keyClicks(search.field, "zzz")
    sandbox.faults(held=False)
    qtbot.waitUntil(first.done, timeout=WAIT_MS)
    assert not any(rows for rows in shown)
    assert not search.suggestions.isVisible()


def test_esc_clears_the_member_for_the_next_customer(qtbot: QtBot, cashier: CashierWindow) -> None:
    find_member(qtbot, cashier, "customer@stamps.co.id")
    cashier.view.back_out()
    assert cashier.session.member is None
    assert cashier.view.reward_picker.tiles() == []
    assert cashier.view.member_search.text() == ""


def test_esc_over_the_suggestions_leaves_the_served_members_name(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # "Budi" typed over Ayu, the suggestions open, Esc: "Budi" stayed in the search above
    # Ayu's rewards, as if Budi were served.
    find_member(qtbot, cashier, "customer@stamps.co.id")
    search = cashier.view.member_search
    cashier.view.activateWindow()
    search.focus()
    qtbot.waitUntil(search.field.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS):
        qtbot.keyClicks(search.field, "Budi")
    assert search.suggestions.isVisible()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert not search.suggestions.isVisible()
    assert search.text() == "Ayu Pratiwi"
    assert search.field.selectedText() == "Ayu Pratiwi"  # typed over by the next name
    assert cashier.session.member is not None
    assert cashier.session.member.name == "Ayu Pratiwi"


def test_a_reward_clicked_with_suggestions_open_closes_them_and_stays_the_served_members(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    # Under Xvfb: "Budi" typed over Ayu (no Enter), a reward tile clicked: the suggestions stayed
    # open over the page, and "Budi" in the search above Ayu's card and her Redeem now.
    find_member(qtbot, cashier, "customer@stamps.co.id")
    search = cashier.view.member_search
    cashier.view.activateWindow()
    search.focus()
    qtbot.waitUntil(search.field.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS):
        qtbot.keyClicks(search.field, "Budi")
    assert search.suggestions.isVisible()
    picker = cashier.view.reward_picker
    qtbot.mouseClick(picker.tile(1), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(picker.qty_spin.hasFocus, timeout=WAIT_MS)
    assert not search.suggestions.isVisible()
    assert search.text() == "Ayu Pratiwi"
    assert cashier.session.member is not None
    assert cashier.session.member.name == "Ayu Pratiwi"
    assert cashier.view.member_card.name_text() == "Ayu Pratiwi"


@pytest.mark.parametrize(
    ("typed", "character"),
    [("KR2400\u200b0006", "U+200B"), ("Ayu\u202e", "U+202E")],
    ids=["member ID with a zero-width space", "name with a right-to-left override"],
)
def test_a_search_with_a_hidden_character_says_it_cannot_be_a_member(
    qtbot: QtBot, cashier: CashierWindow, typed: str, character: str
) -> None:
    field = cashier.view.member_search.field
    with qtbot.waitSignal(cashier.member.lookup_finished, timeout=WAIT_MS) as blocker:
        field.setText(typed)  # as a scanner or a paste leaves it
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == [None]
    said = cashier.view.member_search.message_text()
    assert said.startswith("This cannot be a member's email, member ID, phone or card number")
    assert character in said and "No member matches" not in said
    assert not cashier.view.member_search.suggestions.isVisible()


def test_typing_a_hidden_character_says_so_instead_of_suggesting(
    qtbot: QtBot, cashier: CashierWindow
) -> None:
    search = cashier.view.member_search
    qtbot.keyClicks(search.field, "Pratiwi")
    # as xdotool types it (QTest.keyClicks cannot: it aborts on a character no key makes)
    rlo = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "\u202e")
    QApplication.sendEvent(search.field, rlo)
    assert search.field.text() == "Pratiwi\u202e"  # the cashier's keyboard got it in
    qtbot.waitUntil(lambda: "(U+202E)" in search.message_text(), timeout=WAIT_MS)
    assert not search.suggestions.isVisible()
    # taken out again, the search goes on as typed
    with qtbot.waitSignal(cashier.member.suggestions_shown, timeout=WAIT_MS):
        qtbot.keyClick(search.field, Qt.Key.Key_Backspace)
    assert search.message_text() == ""


def test_a_lookup_answered_after_the_shift_closed_puts_nobody_before_the_next_cashier(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    # Ayu looked up with a slow server, and Dewi closes her shift before the answer: it put Ayu
    # on the cashier's page behind the sign-in, where Rina found her as she opened her shift.
    search = cashier.view.member_search
    sandbox.faults(held=True)
    qtbot.keyClicks(search.field, "customer@stamps.co.id")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    asked = cashier.member._lookup._task
    assert asked is not None
    qtbot.waitUntil(lambda: sandbox.holding() > 0, timeout=WAIT_MS)
    run_async(qtbot, cashier.shift.close_shift())
    sandbox.faults(held=False)
    qtbot.waitUntil(asked.done, timeout=WAIT_MS)
    assert cashier.session.member is None
    with qtbot.waitSignal(cashier.shift.signed_in, timeout=WAIT_MS):
        cashier.shift.sign_in("Rina")
    assert cashier.session.member is None
    assert cashier.view.member_card.name_text() != "Ayu Pratiwi"
    assert search.field.text() == ""
