"""The member's vouchers on the counter's screens: at 1024×768, 1280×720 and 1366×768, in each
language, every row shows its whole name, code, value, dates and notes ("Already used on this
till; waiting to sync"), on as many lines as they take, with no sideways scrolling. At 1024 the
name's column was a word wide and the notes ended in "…"; the rows' heights, set once while the
tab was hidden, did not follow the columns when the tab was shown or the window resized."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView
from app.ui.screenshots import STATES, _vouchers, _window
from app.ui.viewmodels import VoucherRowData
from app.ui.widgets.voucher_panel import VoucherPanel

from ...support.screens import window_in
from ..test_room_to_read import crowded_columns, cut_cells

COUNTER_SCREENS = [(1024, 768), (1280, 720), (1366, 768)]
#: The list under a selected balance voucher, offline, and under the deduct dialog of a
#: voucher whose kind no one confirmed; each has a voucher used on this till.
VOUCHER_STATES = ["09-balance-voucher", "15-offline-offer", "38-kind-not-confirmed"]

USED_HERE = VoucherRowData(
    "v9",
    "Kopi Gratis Ulang Tahun Spesial Member Platinum",
    "ULTAH-PLAT-0009",
    "Rp 35.000",
    "until 20 Dec 2026",
    usable=False,
    note="Already used on this till; waiting to sync",
)


def unreadable(panel: VoucherPanel) -> list[str]:
    """What of the voucher list a cashier cannot read without scrolling sideways or at all."""
    return crowded_columns(panel.table) + cut_cells(panel.table)


def shown(panel: VoucherPanel, row: int) -> str:
    """A row's words in the columns shown, as the cashier reads them."""
    table = panel.table
    columns = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    return "\n".join(table.item(row, c).text() for c in columns)


def _rows_fit_their_words(panel: VoucherPanel) -> bool:
    table = panel.table
    return all(table.rowHeight(r) == table.sizeHintForRow(r) for r in range(table.rowCount()))


@pytest.mark.parametrize("size", COUNTER_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", VOUCHER_STATES)
def test_every_voucher_row_is_whole_without_scrolling_sideways(
    qtbot: QtBot, language: str, state: str, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, state, size)
    try:
        assert unreadable(window.voucher_panel) == []
        for row, voucher in enumerate(_vouchers()):
            words = shown(window.voucher_panel, row)
            facts = (voucher.name, voucher.note, voucher.code, voucher.value_text)
            assert all(fact in words for fact in (*facts, voucher.dates_text)), words
    finally:
        if window.voucher_panel.deduct_dialog is not None:
            window.voucher_panel.deduct_dialog.close()


def test_rows_set_while_the_tab_was_hidden_fit_when_it_is_first_shown(qtbot: QtBot) -> None:
    window = _window((1024, 768))
    qtbot.addWidget(window)
    window.show_rewards()
    window.voucher_panel.set_vouchers([USED_HERE])
    QApplication.processEvents()

    window.show_vouchers()
    qtbot.waitUntil(lambda: _rows_fit_their_words(window.voucher_panel))
    assert unreadable(window.voucher_panel) == []


def _resized(qtbot: QtBot, window: CashierWindowView, width: int, height: int) -> None:
    """Resize the window and wait for its layout to give the list its new width."""
    viewport = window.voucher_panel.table.viewport()
    before = viewport.width()
    window.resize(width, height)
    qtbot.waitUntil(lambda: viewport.width() != before)


def test_rows_follow_the_window_when_it_is_resized(qtbot: QtBot) -> None:
    window = _window((1366, 768))
    qtbot.addWidget(window)
    window.show_vouchers()
    window.voucher_panel.set_vouchers([USED_HERE])
    qtbot.waitUntil(lambda: _rows_fit_their_words(window.voucher_panel))
    wide = window.voucher_panel.table.rowHeight(0)

    _resized(qtbot, window, 1024, 768)
    qtbot.waitUntil(lambda: _rows_fit_their_words(window.voucher_panel))
    assert unreadable(window.voucher_panel) == []
    assert window.voucher_panel.table.rowHeight(0) > wide  # more lines in a narrower column

    _resized(qtbot, window, 1366, 768)
    # Back to the lines it took before, not left as tall as at 1024.
    qtbot.waitUntil(lambda: window.voucher_panel.table.rowHeight(0) == wide)
    assert unreadable(window.voucher_panel) == []


def test_rows_follow_the_vouchers_when_they_change(qtbot: QtBot) -> None:
    window = _window((1024, 768))
    qtbot.addWidget(window)
    window.show_vouchers()
    short = VoucherRowData("v1", "Gift card", "GC-2", "Rp 50.000", "until 31 Dec 2026")
    window.voucher_panel.set_vouchers([short])
    qtbot.waitUntil(lambda: _rows_fit_their_words(window.voucher_panel))

    window.voucher_panel.set_vouchers([USED_HERE, short])
    qtbot.waitUntil(lambda: _rows_fit_their_words(window.voucher_panel))
    assert unreadable(window.voucher_panel) == []


def test_the_selected_voucher_stays_selected_when_the_page_turns_narrow(qtbot: QtBot) -> None:
    window = _window((1366, 768))
    qtbot.addWidget(window)
    STATES["09-balance-voucher"](window)  # the gift card selected
    panel = window.voucher_panel
    assert panel.table.isColumnHidden(1) is False

    _resized(qtbot, window, 1024, 768)
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(1))
    selected = panel.selected_voucher()
    assert selected is not None and selected.id == "V2"
    assert shown(panel, 1).startswith("Gift card\nGC-1200-4431\n")
    assert panel.redeem_button.text() == "Deduct from saldo…"


def test_on_a_tight_page_the_deduction_s_button_is_short_and_says_it_whole_in_its_tooltip(
    qtbot: QtBot,
) -> None:
    # 1024×768 at a desktop scale of 125% (819 px to Qt): "Deduct from saldo…" beside "Use up
    # whole…" read "luct from salc". Back on a wide page, its words are whole again.
    window = _window((1366, 768))
    qtbot.addWidget(window)
    STATES["09-balance-voucher"](window)  # the gift card selected
    button = window.voucher_panel.redeem_button

    window.resize(819, 590)
    qtbot.waitUntil(lambda: button.text() == "Deduct…")
    assert button.toolTip() == "Deduct from saldo…"
    assert button.width() >= button.sizeHint().width()
    assert window.voucher_panel.whole_button.isVisible()

    window.resize(1366, 768)
    qtbot.waitUntil(lambda: button.text() == "Deduct from saldo…")
    assert button.toolTip() == ""
