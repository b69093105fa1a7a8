"""Manager mode's page walked with the keyboard: the banner first (it stands above the tabs),
the tabs, then the open tab's controls in reading order (top to bottom, left to right), out of
each table with Tab, the status bar's button last, and round to the banner again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView

from ...support.keyboard import focus_name, reversed_walk, walk_both_ways
from ...support.screens import inside_the_frame, window_in
from ...support.windows import make_active

BANNER = ["managerLeave", "managerTabs.tabBar"]
#: The status bar's "2 exceptions" button, then the banner's "Settings…" again.
AFTER = ["exceptionBadge", "managerSettings"]


@pytest.mark.parametrize(
    ("state", "controls"),
    [
        (
            "26-history",
            [
                "historySince",  # a date is one stop: the digits and the arrows move in it
                "historyUntil",
                "historyStatus",
                "historyCashier",
                "historyMemberInput",
                "historyShow",
                "historyCancelByServerId",
                "historyTable",
            ],
        ),
        (
            "29-exceptions",
            [
                "exceptionsTable",
                "exceptionEvidence",
                "exception_retry",
                "exception_mark_applied",
                "exception_dismiss",
                "exceptionDetails",
            ],
        ),
        (
            "30-audit-log",
            [
                "auditSince",
                "auditUntil",
                "auditAction",
                "auditWhoInput",
                "auditEntryInput",
                "auditShow",
                "auditExport",
                "auditTable",
            ],
        ),
        (
            "31-end-of-day",
            [
                "dayDate",
                "dayShow",
                "dayExportSummary",
                "dayExportRows",
                "dayTotals",
                "dayShifts",
                "dayCashiers",
            ],
        ),
        (
            "32-people",
            [  # each list with its buttons, managers (left) before cashiers
                "managerAccounts",
                "manager_add",
                "manager_rename",
                "manager_set_pin",
                "manager_disable",  # "Enable" is greyed for an active manager: skipped
                "cashierAccounts",
                "cashier_add",
                "cashier_rename",
                "cashier_set_pin",
                "cashier_remove_pin",
                "cashier_disable",
            ],
        ),
    ],
)
def test_tab_walks_a_manager_tab_from_the_banner_down(
    qtbot: QtBot, state: str, controls: list[str]
) -> None:
    window = window_in(qtbot, state, (1366, 768))
    make_active(qtbot, window)
    start = window.manager.settings_button
    stops = [*BANNER, *controls, *AFTER]

    forth, back = walk_both_ways(qtbot, start, stops)

    assert forth == stops
    assert back == reversed_walk(start, stops)


def test_manager_mode_opens_with_the_keyboard_on_its_tabs(qtbot: QtBot) -> None:
    window = window_in(qtbot, "26-history", (1366, 768))
    make_active(qtbot, window)
    window.show_manager()
    qtbot.waitUntil(window.manager.tabs.tabBar().hasFocus)


def test_enter_presses_the_button_the_keyboard_is_on_as_space_does(qtbot: QtBot) -> None:
    # Seen under Xvfb: Tab to the exception's "Send again…" and Enter did nothing (a page is no
    # dialog: its buttons take Space only), though the keyboard help (F1) says Enter confirms.
    window = window_in(qtbot, "29-exceptions", (1366, 768))
    make_active(qtbot, window)
    exceptions = window.manager.exceptions
    entry = exceptions.selected()
    assert entry is not None
    retry = exceptions.buttons["retry"]
    retry.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(exceptions.decision_requested, timeout=2000) as asked:
        qtbot.keyClick(retry, Qt.Key.Key_Return)
    assert asked.args[0] == "retry"
    leave = window.manager.leave_button
    leave.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(window.manager.leave_requested, timeout=2000):
        qtbot.keyClick(leave, Qt.Key.Key_Enter)


#: A control of each tab with the keyboard on it, and the tab it is on: Ctrl+Tab was taken by
#: a date field (Qt's moves between its year, month and day) and by the tables.
FOCUSED = [
    ("26-history", "historySince"),
    ("26-history", "historyUntil"),
    ("26-history", "historyMemberInput"),
    ("26-history", "historyTable"),
    ("29-exceptions", "exceptionsTable"),
    ("30-audit-log", "auditSince"),
    ("30-audit-log", "auditAction"),
    ("30-audit-log", "auditTable"),
    ("31-end-of-day", "dayDate"),
    ("31-end-of-day", "dayTotals"),
    ("32-people", "cashierAccounts"),
    ("26-history", "managerLeave"),
]


@pytest.mark.parametrize(("state", "focused"), FOCUSED)
def test_ctrl_tab_switches_manager_mode_s_tabs_wherever_the_keyboard_is(
    qtbot: QtBot, state: str, focused: str
) -> None:
    window, widget = _keyboard_on(qtbot, state, focused)
    tabs = window.manager.tabs
    first = tabs.currentIndex()
    count = tabs.count()
    qtbot.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == (first + 1) % count
    # the keyboard is not left on the page just hidden
    assert QApplication.focusWidget() is not None and QApplication.focusWidget().isVisible()
    # back where it was, with Ctrl+Shift+Tab, from wherever the keyboard is now
    here = QApplication.focusWidget()
    assert here is not None
    qtbot.keyClick(
        here,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tabs.currentIndex() == first


#: Each tab's first control (its first stop after the tabs, above), where Ctrl+Tab puts the
#: keyboard: usually the filter.
FIRST_CONTROLS = ["historySince", "exceptionsTable", "auditSince", "dayDate", "managerAccounts"]


@pytest.mark.parametrize(("state", "focused"), FOCUSED)
def test_ctrl_tab_puts_the_keyboard_on_the_tab_s_first_control(
    qtbot: QtBot, state: str, focused: str
) -> None:
    # docs/manager-mode.md promises the new tab's first control; Qt's tabs gave the keyboard
    # back to wherever it last was on that tab (a table's row, the member field), or left it
    # on the tabs' bar from the banner.
    window, widget = _keyboard_on(qtbot, state, focused)
    tabs = window.manager.tabs
    first = tabs.currentIndex()
    qtbot.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    opened = tabs.currentIndex()
    assert focus_name(QApplication.focusWidget()) == FIRST_CONTROLS[opened]
    # back, then forth again: each time the first control, not where the keyboard was left
    for key, modifiers, expected in (
        (
            Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            first,
        ),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier, opened),
    ):
        here = QApplication.focusWidget()
        assert here is not None
        qtbot.keyClick(here, key, modifiers)
        assert tabs.currentIndex() == expected
        assert focus_name(QApplication.focusWidget()) == FIRST_CONTROLS[expected]


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        # as Qt offscreen and Windows give Ctrl+Shift+Tab, and as X11's keymap matches it
        (
            Qt.Key.Key_Backtab,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
    ids=["ctrl-shift-backtab", "ctrl-backtab", "ctrl-shift-tab"],
)
def test_ctrl_shift_tab_opens_the_tab_before_from_a_date_field_once_a_press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    window = window_in(qtbot, "30-audit-log", (1366, 768))
    make_active(qtbot, window)
    tabs = window.manager.tabs
    since = window.manager.audit.since
    since.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(since.hasFocus)
    opened = [tabs.currentIndex()]
    for _ in range(3):  # round from the first to the last
        here = QApplication.focusWidget()
        assert here is not None
        qtbot.keyClick(here, key, modifiers)
        opened.append(tabs.currentIndex())
    assert opened == [2, 1, 0, 4]


def _not_whole(page: QWidget) -> list[str]:
    for _ in range(8):  # every layout request delivered, as by the frame the manager sees
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()
    return [
        widget.objectName() or widget.text()
        for widget in page.findChildren(QAbstractButton)
        if widget.isVisible() and widget.visibleRegion().boundingRect() != widget.rect()
    ]


MANAGER_TABS = ["26-history", "29-exceptions", "30-audit-log", "31-end-of-day", "32-people"]


@pytest.mark.parametrize("screen", [(1093, 614), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("tab", MANAGER_TABS)
def test_on_a_scaled_screen_a_tab_scrolls_only_as_far_as_it_needs_and_says_so(
    qtbot: QtBot, language: str, screen: tuple[int, int], tab: str
) -> None:
    # A tab widget is as tall as its tallest page: at 1093×614 History, the Audit log and
    # People scrolled by the 87 px the tallest tab needed, People's buttons for a picked cashier
    # (Remove PIN, Disable) a scroll away. Now only a tab that needs it scrolls, its bar shown.
    # The exceptions never do: at 1024×600 their second line of buttons ("Dismiss…",
    # "Details…") was cut at the page's foot; their pane's words scroll instead.
    window = window_in(qtbot, tab, inside_the_frame(screen))
    scroll = window.findChild(QScrollArea, "pagesThatScroll")
    hidden = _not_whole(window.pages.currentWidget())
    assert hidden == [] or scroll.verticalScrollBar().isVisible()
    # End of day's totals are as tall as their seven rows (read whole, never scrolled inside:
    # tests/ui/manager/test_day.py), three per-cashier lines under them: at 1093×614 the page
    # scrolls for them, as a whole.
    if (screen == (1093, 614) and tab != "31-end-of-day") or tab == "29-exceptions":
        assert not scroll.verticalScrollBar().isVisible()
        assert hidden == []


def _keyboard_on(qtbot: QtBot, state: str, focused: str) -> tuple[CashierWindowView, QWidget]:
    """The window in ``state`` at 1366×768, active, the keyboard on manager mode's ``focused``."""
    window = window_in(qtbot, state, (1366, 768))
    make_active(qtbot, window)
    widget = window.manager.findChild(QWidget, focused)
    assert widget is not None
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return window, widget
