"""The cashier window: pages, function keys, Esc, help, tab order."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.core.messages import say
from app.ui.damaged import DamagedDatabaseView
from app.ui.first_manager import FirstManagerView
from app.ui.main_window import CashierWindowView
from app.ui.manager.page import ManagerPageView
from app.ui.shift_summary import ShiftSummaryView
from app.ui.shortcuts import keyboard_shortcuts
from app.ui.viewmodels import (
    MemberSuggestion,
    RedemptionRowData,
    ResultData,
    RewardCardData,
    VoucherRowData,
)
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.wording import words

from ..support.languages import speaking
from ..support.screens import inside_the_frame, window_in


@pytest.fixture
def window(qtbot: QtBot, shown) -> CashierWindowView:
    window = shown(CashierWindowView())
    window.show_cashier()
    qtbot.waitUntil(window.member_search.field.hasFocus)
    return window


def press(qtbot: QtBot, window: CashierWindowView, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


def test_it_is_laid_out_for_the_till_screen(window: CashierWindowView):
    assert window.size().width() == 1366 and window.size().height() == 768
    assert not window.windowIcon().isNull()
    assert window.tabs.count() == 3


def test_function_keys_move_to_each_part_of_the_till(qtbot: QtBot, window: CashierWindowView):
    window.reward_picker.set_rewards([RewardCardData("coffee", "Free Kopi Susu", 10)])

    press(qtbot, window, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.voucher_panel
    qtbot.waitUntil(window.voucher_panel.code_field.hasFocus)

    press(qtbot, window, Qt.Key.Key_F5)
    assert window.tabs.currentWidget() is window.promo_panel
    qtbot.waitUntil(window.promo_panel.code_field.hasFocus)

    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(window.invoice_field.field.hasFocus)

    press(qtbot, window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.reward_picker
    qtbot.waitUntil(window.reward_picker.tile("coffee").hasFocus)

    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(window.member_search.field.hasFocus)


def test_f9_redeems_the_cart(qtbot: QtBot, window: CashierWindowView):
    window.reward_picker.set_rewards([RewardCardData("coffee", "Free Kopi Susu", 10)])
    window.reward_picker.select_reward("coffee")
    window.reward_picker.add_selected_to_cart()
    window.show_vouchers()
    with qtbot.waitSignal(window.reward_picker.cart_submitted) as submitted:
        press(qtbot, window, Qt.Key.Key_F9)
    assert submitted.args == [[("coffee", 1, None)]]
    assert window.tabs.currentWidget() is window.reward_picker


def test_escape_closes_the_suggestions_first_then_backs_out(qtbot, window: CashierWindowView):
    window.member_search.set_suggestions([MemberSuggestion("Budi")])
    with qtbot.assertNotEmitted(window.back_requested):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.member_search.suggestions.isVisible()
    with qtbot.waitSignal(window.back_requested):
        press(qtbot, window, Qt.Key.Key_Escape)


def test_the_suggestions_float_over_the_page_and_nothing_under_them_moves(
    qtbot: QtBot, window: CashierWindowView
):
    # Seen under Xvfb: typing "bud" pushed the member card and the invoice field ~195 px down,
    # from under the pointer aiming at them; the list now floats over them.
    search, card, invoice = window.member_search, window.member_card, window.invoice_field

    def places() -> list[QPoint]:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        return [widget.mapTo(window, QPoint(0, 0)) for widget in (card, invoice.field)]

    before = places()
    suggestions = [MemberSuggestion(f"Budi {n}", "budi@contoh.co.id") for n in range(6)]
    search.set_suggestions(suggestions)
    assert places() == before
    shown = search.suggestions
    assert shown.isVisible() and search.field.hasFocus()
    field_bottom = search.field.mapTo(window, QPoint(0, search.field.height()))
    top_left = shown.mapTo(window, QPoint(0, 0))
    assert field_bottom.y() <= top_left.y() <= field_bottom.y() + 4  # right under the field
    assert top_left.x() == field_bottom.x() and shown.width() == search.field.width()
    # over the card, and every row reachable in it (scrolled past four or so)
    assert top_left.y() + shown.height() > card.mapTo(window, QPoint(0, 0)).y()
    shown.scrollToItem(shown.item(len(suggestions) - 1))
    last = shown.visualItemRect(shown.item(len(suggestions) - 1))
    assert shown.viewport().rect().contains(last)
    search.hide_suggestions()
    assert places() == before


@pytest.mark.parametrize("size", [(1366, 768), (1093, 614)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_suggestions_cast_a_shadow_on_the_member_card_under_them(
    qtbot: QtBot, size: tuple[int, int]
):
    # Seen under X: over Ayu's card the list ended across the card's "Gold", which peeked out
    # under the last suggestion as if the list were see-through. A shadow under the list's
    # lower edge sets it above the card.
    window = window_in(qtbot, "04-member-found", size)
    search = window.member_search
    search.set_suggestions([MemberSuggestion(f"Budi {n}", "0812-3456-7890") for n in range(3)])
    QApplication.processEvents()
    shown = search.suggestions
    bottom = shown.mapTo(window, QPoint(0, shown.height())).y() + 2
    left = shown.mapTo(window, QPoint(0, 0)).x() + 16
    right = left + shown.width() - 32
    assert window.member_card.geometry().contains(
        window.member_card.parentWidget().mapFrom(window, QPoint(left, bottom))
    )

    def lightness_under_the_list() -> float:
        image = window.grab().toImage()
        row = [image.pixelColor(x, bottom).lightness() for x in range(left, right)]
        return sum(row) / len(row)

    with_list = lightness_under_the_list()
    search.hide_suggestions()
    QApplication.processEvents()
    assert with_list < lightness_under_the_list() - 10


def _card_lines_cut(window: CashierWindowView, edge: int) -> list[str]:
    """The member card's words that a list ending at ``edge`` (in the window) cuts through."""
    cut = []
    for label in window.member_card.findChildren(QLabel):
        text = label.displayed_text() if isinstance(label, ElidedLabel) else label.text()
        if not label.isVisible() or not text.strip():
            continue
        flags = int(label.alignment()) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
        words = label.fontMetrics().boundingRect(label.contentsRect(), flags, text)
        top = label.mapTo(window, words.topLeft()).y()
        if top < edge <= top + words.height() - 1:
            cut.append(text)
    return cut


@pytest.mark.parametrize(
    "size", [(1366, 768), (1093, 614), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("count", range(1, 7))
def test_the_suggestions_end_clear_of_the_card_s_words_and_under_a_whole_row(
    qtbot: QtBot, size: tuple[int, int], count: int
):
    # Seen under X, typing slowly over Ayu's card: the list's lower edge cut through the card's
    # name (half of it peeking out under the last suggestion), and six suggestions showed a
    # half row at the list's foot. The list covers a line of the card whole or not at all.
    window = window_in(qtbot, "04-member-found", inside_the_frame(size))
    search = window.member_search
    search.set_suggestions([MemberSuggestion(f"Budi {n}", "0812-3456-7890") for n in range(count)])
    QApplication.processEvents()
    shown = search.suggestions
    edge = shown.mapTo(window, QPoint(0, shown.height())).y()
    assert _card_lines_cut(window, edge) == []
    seen = shown.viewport().rect()
    for row in range(count):
        place = shown.visualItemRect(shown.item(row))
        assert seen.contains(place) or not seen.intersects(place), (row, place, seen)
    assert seen.contains(shown.visualItemRect(shown.item(0)))


def test_what_is_said_of_the_suggestions_is_not_covered_by_them(
    qtbot: QtBot, window: CashierWindowView
):
    # Seen under Xvfb: the type-ahead from the till's copy said "Only members this till has seen
    # before are listed: …" under the field, and its list covered all but "this search."
    search = window.member_search
    search.set_message("Only members this till has seen before are listed.", error=False)
    search.set_suggestions([MemberSuggestion("Budi", "budi@contoh.co.id")])
    QApplication.processEvents()
    said_bottom = search.message.mapTo(window, QPoint(0, search.message.height())).y()
    assert search.suggestions.mapTo(window, QPoint(0, 0)).y() >= said_bottom
    search.set_message("")  # nothing said: the list goes back right under the field
    field_bottom = search.field.mapTo(window, QPoint(0, search.field.height())).y()
    assert search.suggestions.mapTo(window, QPoint(0, 0)).y() <= field_bottom + 4


def test_the_suggestions_go_with_the_cashier_s_page(qtbot: QtBot, window: CashierWindowView):
    # They float in the window, not in the page: they must not stay over the sign-in page.
    window.member_search.set_suggestions([MemberSuggestion("Budi")])
    assert window.member_search.suggestions.isVisible()
    window.show_sign_in()
    assert not window.member_search.suggestions.isVisible()


def test_f1_lists_every_function_key(qtbot: QtBot, window: CashierWindowView):
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    table = window.help_dialog.table
    keys = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert keys == [shortcut.shown for shortcut in keyboard_shortcuts()]
    assert {"F2", "F3", "F4", "F5", "F6", "F9", "Esc"} <= set(keys)
    # The arrow keys walk the reward grid: a cashier reading this list learns they do.
    assert "← ↑ → ↓" in keys
    window.help_dialog.close()


def test_f1_lists_every_key_the_window_binds(qtbot: QtBot, window: CashierWindowView):
    # Manager mode's Ctrl+Tab (its tabs) was bound on its page and missing from F1's list.
    window.show_manager()
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    table = window.help_dialog.table
    listed = {table.item(row, 0).text() for row in range(table.rowCount())}
    shown_for = {key.toString(): s.shown for s in keyboard_shortcuts() for key in s.keys}
    bound = [s.key() for s in window.findChildren(QShortcut)]
    bound += [a.shortcut() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert window.manager.findChildren(QShortcut)  # the page's keys are among them
    for key in bound:
        assert shown_for.get(key.toString()) in listed, key.toString()
    assert {"Ctrl+Tab", "Ctrl+Shift+Tab"} <= listed
    window.help_dialog.close()


def test_function_keys_do_nothing_on_the_sign_in_page(qtbot: QtBot, window: CashierWindowView):
    window.show_sign_in()
    press(qtbot, window, Qt.Key.Key_F4)
    assert window.tabs.currentWidget() is window.reward_picker
    with qtbot.assertNotEmitted(window.back_requested):
        press(qtbot, window, Qt.Key.Key_Escape)


def tab_walk(qtbot: QtBot, key: Qt.Key, steps: int) -> list[QWidget | None]:
    """Where the focus lands after each of ``steps`` presses of ``key``."""
    landed: list[QWidget | None] = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), key)
        landed.append(QApplication.focusWidget())
    return landed


def test_tab_walks_the_cashier_page_in_the_order_a_cashier_fills_a_redemption(
    qtbot: QtBot, window: CashierWindowView
):
    # member, invoice, the reward tabs and tiles, the amount, Add to cart / Redeem now, the cart,
    # Redeem cart, then the shift's list and round to the member again (docs/architecture.md).
    # The rewards come after the window is built, as a member's do: their tiles are in the
    # order too, the one the member cannot have skipped.
    picker = window.reward_picker
    picker.set_rewards(
        [
            RewardCardData("coffee", "Free Kopi Susu", 10),
            RewardCardData("tumbler", "Tumbler", 500, available=False, reason="Needs 500"),
            RewardCardData("croissant", "Butter Croissant", 25),
        ]
    )
    picker.select_reward("croissant")
    picker.add_selected_to_cart()
    picker.select_reward("coffee")
    window.redemptions_model.set_rows(
        [RedemptionRowData(n, f"10:0{n}", "Ayu", "Free Kopi Susu", "confirmed") for n in (1, 2)]
    )
    window.focus_member_search()
    qtbot.waitUntil(window.member_search.field.hasFocus)
    expected = [
        window.invoice_field.field,
        window.tabs.tabBar(),
        picker.tile("coffee"),
        picker.tile("croissant"),
        picker.qty_spin,
        picker.add_button,
        picker.redeem_button,
        picker.cart.list,
        picker.cart.remove_button,
        picker.cart.redeem_button,
        window.redemptions,
        window.member_search.field,
    ]

    forth = tab_walk(qtbot, Qt.Key.Key_Tab, len(expected))
    back = tab_walk(qtbot, Qt.Key.Key_Backtab, len(expected))

    assert forth == expected
    assert back == [*reversed(expected[:-1]), window.member_search.field]


def test_tab_walks_the_vouchers_tab_top_to_bottom(qtbot: QtBot, window: CashierWindowView):
    # Under Xvfb: the code is at the top of the tab, the buttons over the member's list, the
    # list at its foot; Tab went into the list first and reached the code last.
    panel = window.voucher_panel
    panel.set_vouchers(
        [VoucherRowData("saldo", "Saldo Rindang", "SALDO-1", "Rp 150.000", "", balance=True)]
    )
    panel.select_voucher("saldo")
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(panel.code_field.hasFocus)
    expected = [
        panel.code_button,
        panel.whole_button,
        panel.redeem_button,
        panel.table,
        window.redemptions,  # the result panel's next: it has no slip to print
    ]

    assert tab_walk(qtbot, Qt.Key.Key_Tab, len(expected)) == expected
    assert tab_walk(qtbot, Qt.Key.Key_Backtab, 5) == [
        panel.table,
        panel.redeem_button,
        panel.whole_button,
        panel.code_button,
        panel.code_field,
    ]


def test_tab_into_the_shift_s_list_comes_to_the_newest_row_picked_and_in_sight(
    qtbot: QtBot, window: CashierWindowView
):
    # Under Xvfb: Shift+Tab into the list and Enter opened the shift's first redemption, out of
    # sight at the foot of the list: Qt's current row, never drawn picked, had gone down as each
    # new redemption came in on top.
    model, view = window.redemptions_model, window.redemptions
    model.upsert(RedemptionRowData(1, "10:01", "Ayu", "Croissant", "confirmed"))
    qtbot.keyClick(window.member_search.field, Qt.Key.Key_Backtab)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    for n in range(2, 10):
        model.upsert(RedemptionRowData(n, f"10:0{n}", "Ayu", f"Reward {n}", "confirmed"))
    qtbot.keyClick(window.member_search.field, Qt.Key.Key_Backtab)
    qtbot.waitUntil(view.hasFocus)

    assert [index.row() for index in view.selectionModel().selectedRows()] == [0]
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert model.row_data(opened.args[0].row()).what == "Reward 9"


ENTER_KEYS = pytest.mark.parametrize(
    "key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Return", "Enter"]
)


@ENTER_KEYS
def test_enter_presses_the_cashier_page_s_button_the_keyboard_is_on(
    qtbot: QtBot, window: CashierWindowView, key: Qt.Key
):
    # Under Xvfb: Tab to "Print slip" (or "Add to cart") and Enter did nothing: a window is no
    # dialog, and Qt's buttons there take Space only, though F1 says Enter confirms.
    picker = window.reward_picker
    picker.set_rewards([RewardCardData("coffee", "Free Kopi Susu", 10)])
    picker.select_reward("coffee")
    picker.add_button.setFocus()
    qtbot.waitUntil(picker.add_button.hasFocus)
    qtbot.keyClick(picker.add_button, key)
    qtbot.waitUntil(lambda: picker.cart.lines() == [("coffee", 1, None)])


@ENTER_KEYS
def test_enter_presses_the_sign_in_s_button_the_keyboard_is_on(
    qtbot: QtBot, window: CashierWindowView, key: Qt.Key
):
    # Under Xvfb: Tab from the list to "Continue shift" and Enter did nothing.
    window.show_sign_in()
    window.sign_in.set_cashiers(["Rina"])
    window.sign_in.start_button.setFocus()
    qtbot.waitUntil(window.sign_in.start_button.hasFocus)
    with qtbot.waitSignal(window.sign_in.sign_in_requested) as request:
        qtbot.keyClick(window.sign_in.start_button, key)
    assert request.args == ["Rina", ""]


def test_shift_menu_asks_to_close_the_shift(qtbot: QtBot, window: CashierWindowView):
    with qtbot.waitSignal(window.close_shift_requested):
        window.close_shift_action.trigger()


def test_the_pages(qtbot: QtBot, window: CashierWindowView):
    window.show_summary()
    assert window.pages.currentWidget() is window.summary
    window.show_sign_in()
    assert window.pages.currentWidget() is window.sign_in
    window.show_cashier()
    assert window.pages.currentWidget() is window.cashier_page
    assert window.status.isVisible()


def test_a_starting_window_says_so_and_offers_nothing_else_until_a_page_is_shown(
    qtbot: QtBot, shown
) -> None:
    window = shown(CashierWindowView(starting=True))
    assert window.frame.currentWidget() is window.starting_page
    assert window.starting_page.text.text() == "Starting…"
    assert not window.is_built and not window.menuBar().isVisible()

    window.build()  # the pages are made behind it: still starting, still no menu to act on
    assert window.is_built
    assert window.frame.currentWidget() is window.starting_page
    assert not window.menuBar().isVisible()

    window.show_sign_in()  # the till is open
    assert window.frame.currentWidget() is window.content
    assert window.pages.currentWidget() is window.sign_in
    assert window.menuBar().isVisible()


class _Restyles(QObject):
    """Counts the style changes Qt sends to widgets (those being built included, before they
    join a window)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            self.count += 1
        return False


def test_the_pages_are_built_in_place_not_restyled_at_every_step(qtbot: QtBot, shown) -> None:
    # Under the style sheet, a widget that joins a new parent is styled again with all it holds.
    # Pages built apart, then put in a stack, the stack in the content and the content in the
    # window, were styled at each step: 5.4 style changes a widget, and half the time the pages
    # took to build (docs/performance.md, Start-up). Built in place: 2.3. Nothing here is timed.
    window = shown(CashierWindowView(starting=True))
    restyles = _Restyles()
    app = QApplication.instance()
    app.installEventFilter(restyles)
    try:
        window.build()
    finally:
        app.removeEventFilter(restyles)
    widgets = len(window.findChildren(QWidget))
    assert restyles.count < 3.5 * widgets, f"{restyles.count} style changes for {widgets} widgets"


def built_pages(window: CashierWindowView) -> set[type]:
    return {type(window.pages.widget(index)) for index in range(window.pages.count())}


def test_pages_a_start_does_not_show_are_built_when_first_shown(qtbot: QtBot, shown) -> None:
    # A start shows the sign-in page, then the cashier's; the shift's summary, the first
    # manager's setup, a damaged database and manager mode wait until they are wanted.
    window = shown(CashierWindowView(starting=True))
    window.build()
    later = {ShiftSummaryView, FirstManagerView, DamagedDatabaseView, ManagerPageView}
    assert built_pages(window).isdisjoint(later)

    window.show_summary()
    assert isinstance(window.pages.currentWidget(), ShiftSummaryView)
    qtbot.waitUntil(window.summary.close_button.hasFocus)
    window.show_first_manager()
    assert window.pages.currentWidget() is window.first_manager
    window.show_damaged()
    assert window.pages.currentWidget() is window.damaged
    qtbot.waitUntil(window.damaged.name_edit.hasFocus)
    assert built_pages(window) & later == later - {ManagerPageView}


def test_a_window_closed_and_let_go_is_freed(qtbot: QtBot):
    """Nothing the window made keeps a way back to it from where Python's collector cannot see
    (a Qt child holding the window's own method): such a window was never freed, every test's
    window stayed in memory (5.8 GB for the screenshot tests), and collecting it crashed."""
    window = CashierWindowView()
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    freed = weakref.ref(window)
    window.close()
    del window
    gc.collect()
    assert freed() is None


def _darkest_in(menu: QMenu, action: QAction) -> int:
    """The lightness of the darkest pixel of ``action``'s row in ``menu`` as drawn: its words.
    Drawn without popping it up (the offscreen platform grabs no keyboard for a popup)."""
    menu.ensurePolished()
    menu.adjustSize()
    image = menu.grab().toImage()
    rect = menu.actionGeometry(action)
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    )


def test_the_manager_menu_greys_what_cannot_be_chosen_now(
    qtbot: QtBot, window: CashierWindowView
) -> None:
    # Seen under X: "Manager mode… F8" and "Leave manager mode" drawn alike whichever was off
    # (the theme's QWidget colour reached the disabled item), so the menu offered both.
    menu = next(
        menu
        for menu in window.menuBar().findChildren(QMenu)
        if window.manager_action in menu.actions()
    )
    assert window.manager_action.isEnabled() and not window.leave_manager_action.isEnabled()
    assert _darkest_in(menu, window.manager_action) < 80
    assert _darkest_in(menu, window.leave_manager_action) > 110
    window.show_manager()
    assert _darkest_in(menu, window.manager_action) > 110
    assert _darkest_in(menu, window.leave_manager_action) < 80


def test_the_shift_menu_greys_locking_and_closing_off_the_shift_s_pages(
    qtbot: QtBot, window: CashierWindowView
) -> None:
    # Seen under X: on the sign-in page (a shift just closed), at the lock and in manager mode,
    # Shift offered "Lock the till F12" and "Close shift…" as on the till, and either did
    # nothing at all when chosen.
    menu = next(
        menu
        for menu in window.menuBar().findChildren(QMenu)
        if window.lock_action in menu.actions()
    )
    shift_actions = (window.lock_action, window.close_shift_action)

    def offered() -> list[bool]:
        return [_darkest_in(menu, action) < 80 for action in shift_actions]

    assert offered() == [True, True]  # the till itself
    window.show_summary()
    assert offered() == [True, True]
    window.show_sign_in()
    assert offered() == [False, False]
    assert not any(action.isEnabled() for action in shift_actions)
    window.show_manager()
    assert offered() == [False, False]
    window.show_cashier()
    assert offered() == [True, True]


@pytest.mark.parametrize(
    "size", [(1024, 600), (1093, 614), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("language", ["en", "id"])
def test_the_member_s_whole_name_shows_where_the_card_has_room_for_it(
    qtbot: QtBot, size: tuple[int, int], language: str
):
    # Seen under X at 1024×600 with openbox: the card read "Hendra Gun…" (Hendra Gunawan,
    # blocked) with half the card empty under its badge. The name wraps onto a second line.
    with speaking(language):
        window = window_in(qtbot, "40-blocked-member", inside_the_frame(size))
        name = window.findChild(ElidedLabel, "memberName")
        assert name.displayed_text().replace("\n", " ") == "Hendra Gunawan"
        area = window.findChild(QWidget, "pagesThatScroll")
        assert area.widget().height() <= area.viewport().height()
        assert not area.verticalScrollBar().isVisible()


@pytest.mark.parametrize("size", [(1024, 600), (1093, 614)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_confirmed_redemption_shows_its_print_slip_button_whole(
    qtbot: QtBot, size: tuple[int, int], language: str
):
    # Seen under X at 1024×600 with openbox: after "Redeem now" the result panel showed half
    # of "Print slip" under the redemption's ID and QR code, the rest scrolled out of sight.
    with speaking(language):
        window = window_in(qtbot, "14-confirmed", inside_the_frame(size))
        button = window.result_panel.print_button
        assert button.isVisible()
        assert button.visibleRegion().boundingRect() == button.rect()
        # The shift's list keeps its header and a row in sight.
        table = window.redemptions
        assert table.viewport().height() >= table.verticalHeader().defaultSectionSize()


#: A cart of three redeemed, as the demo's Ayu redeems it: its headline takes three lines.
CART_OF_THREE = "Es Kopi Susu Gula Aren, Croissant Mentega, Kopi Tubruk Toraja"


@pytest.mark.parametrize(
    "size", [(1024, 600), (1093, 614), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_confirmed_cart_of_three_shows_its_print_slip_button_whole(
    qtbot: QtBot, size: tuple[int, int], language: str
):
    # Seen under X at 1024×600 with openbox: after "Redeem cart" of three rewards, the result
    # panel's three-line headline left "Print slip" half cut at its foot, the rest a scroll
    # away. The button stays whole in sight; the words scroll above it where they must.
    with speaking(language):
        window = window_in(qtbot, "14-confirmed", inside_the_frame(size))
        panel = window.result_panel
        panel.set_result(
            ResultData(
                "confirmed",
                CART_OF_THREE,
                words(say("receipt.stamps_left", stamps=190)),
                redemption_id="2001",
                what_to_do=words(say("receipt.confirmed.todo.cart")),
                gives="cart",
            )
        )
        QApplication.processEvents()
        button = panel.print_button
        assert button.isVisible()
        assert button.visibleRegion().boundingRect() == button.rect()
        assert button.width() >= button.sizeHint().width()  # its words whole
        # The outcome and what was redeemed are read without scrolling.
        assert panel.banner.visibleRegion().boundingRect() == panel.banner.rect()
        assert not panel.headline.visibleRegion().isEmpty()
        table = window.redemptions
        assert table.viewport().height() >= table.verticalHeader().defaultSectionSize()


def _words_whole_in(view: QWidget, label: QLabel) -> bool:
    """``label``'s words, as drawn, lie whole inside ``view`` (a scroll area's viewport)."""
    flags = int(label.alignment()) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
    words = label.fontMetrics().boundingRect(label.contentsRect(), flags, label.text())
    top_left = label.mapTo(view, words.topLeft())
    bottom_right = label.mapTo(view, words.bottomRight())
    return view.rect().contains(top_left) and view.rect().contains(bottom_right)


@pytest.mark.parametrize("size", [(1024, 600), (1093, 614)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "id"])
def test_on_a_small_screen_the_quantity_shares_the_buttons_line_and_two_rows_of_names_show(
    qtbot: QtBot, size: tuple[int, int], language: str
):
    # Seen at 1024×600 under a title bar: the quantity had a line of its own above "Add to
    # cart" and "Redeem now", and the grid showed one row of rewards, the second's names a
    # scroll away. The quantity goes beside the buttons (their words whole), and the second
    # row's names are in sight with a cart of three.
    with speaking(language):
        window = window_in(qtbot, "06-cart", inside_the_frame(size))
        picker = window.reward_picker
        picker.select_reward("R1")
        QApplication.processEvents()
        qty, add, redeem = picker.qty_spin, picker.add_button, picker.redeem_button
        middle = qty.mapTo(window, QPoint(0, qty.height() // 2)).y()
        for button in (add, redeem):
            top = button.mapTo(window, QPoint(0, 0)).y()
            assert top <= middle <= top + button.height(), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()  # words whole
            assert button.visibleRegion().boundingRect() == button.rect(), button.text()
        grid = window.findChild(QWidget, "rewardGrid")
        tiles = picker.tiles()
        names = [_words_whole_in(grid.viewport(), tile.name_label) for tile in tiles[:4]]
        assert names == [True] * 4
        area = window.findChild(QWidget, "pagesThatScroll")
        assert not area.verticalScrollBar().isVisible()
        cart = picker.cart.list
        assert cart.viewport().rect().contains(cart.visualItemRect(cart.item(1)))
