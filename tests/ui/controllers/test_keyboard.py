"""The till driven from the keyboard, as a cashier does: F2 to search, Enter to look up, a tile
and F9 for the cart, Esc for the next customer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.services.receipts import Verdict
from app.ui.cashier_window import CashierWindow

from ...support.sandbox import SandboxControl
from ...support.windows import make_active
from .conftest import WAIT_MS, redeem

pytestmark = pytest.mark.integration


def test_search_pick_redeem_the_cart_and_clear_by_keyboard(
    qtbot: QtBot, cashier: CashierWindow, sandbox: SandboxControl
) -> None:
    view = cashier.view
    make_active(qtbot, view)

    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = view.member_search.field
    assert field.hasFocus()
    with qtbot.waitSignal(cashier.session.offer_loaded, timeout=WAIT_MS):
        qtbot.keyClicks(field, "KR24000006")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    qtbot.keyClick(view, Qt.Key.Key_F3)
    tile = view.reward_picker.tile(4)
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert view.reward_picker.selected() is not None
    assert view.reward_picker.selected().id == 4  # type: ignore[union-attr]
    view.reward_picker.add_button.click()
    assert view.reward_picker.cart.can_submit()

    # F9 is a window shortcut: it fires only in the active window, and offscreen the window can
    # lose its activation while the offer settles (below; on a loaded machine, here too).
    make_active(qtbot, view)
    receipt = redeem(qtbot, cashier, lambda: qtbot.keyClick(view, Qt.Key.Key_F9))
    assert receipt.verdict is Verdict.CONFIRMED
    assert sandbox.stamps("customer@stamps.co.id") == 250 - 12

    # Offscreen, the window has lost its activation by here (cause not pinned down: it happens
    # while the redemption settles and the offer is re-read; not checked on a real display).
    make_active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert cashier.session.member is None
    assert view.result_panel.result() is None
    assert field.hasFocus()
