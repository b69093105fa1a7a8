"""The cashier page on counter screens narrower than the till's 1366×768: at 1280×800, 1280×720
and 1024×768 the result (its colour and verdict), the shift list's Status column and the buttons
a cashier presses are whole on the screen, their words not cut. The window was 1285 px wide at
least, so at 1024 the result and the statuses, which say whether to hand a reward over, were past
the screen's edge and "Add to cart", "Redeem now" and "Redeem cart (F9)" cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.main_window import LEFT_WIDTH, RIGHT_WIDTH, CashierWindowView
from app.ui.screenshots import STATES, _window
from app.ui.widgets.redemptions_table import ShiftRedemptionsModel
from app.ui.widgets.reward_picker import COLUMNS, NARROW_COLUMNS

from ..test_room_to_read import cut_texts

SMALLER_SCREENS = [(1024, 768), (1280, 720), (1280, 800)]
#: A cart to redeem (its buttons enabled), a confirmed result with its slip, a not confirmed one.
STATES_TO_SEE = ["06-cart", "14-confirmed", "17-not-confirmed"]


def _on_screen(window: QWidget, widget: QWidget, rect: QRect | None = None) -> QRect:
    """``rect`` of ``widget`` (all of it by default) in the window's coordinates."""
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def _room_for_words(button: QPushButton) -> int:
    """The width a button's style leaves its words (inside the style sheet's border and
    padding)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    style = button.style()
    return style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()


def _shown(window: CashierWindowView, state: str) -> None:
    STATES[state](window)
    # The columns are fitted on the resize, before the page is laid out: nothing to wait for
    # but the layout's own pass.
    QApplication.processEvents()


@pytest.mark.parametrize("size", SMALLER_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", STATES_TO_SEE)
def test_what_says_whether_to_hand_over_and_the_buttons_are_whole_on_a_smaller_screen(
    qtbot: QtBot, language: str, state: str, size: tuple[int, int]
) -> None:
    window = _window(size)
    qtbot.addWidget(window)
    _shown(window, state)
    screen = QRect(QPoint(0, 0), QSize(*size))

    panel = window.result_panel
    assert screen.contains(_on_screen(window, panel)), "the result runs off the screen"
    assert screen.contains(_on_screen(window, panel.banner)), "its verdict runs off the screen"

    table = window.redemptions
    viewport = table.viewport()
    header = table.horizontalHeader()
    status = ShiftRedemptionsModel.STATUS
    column = QRect(
        header.sectionViewportPosition(status), 0, header.sectionSize(status), viewport.height()
    )
    assert viewport.rect().contains(column), "the Status column is scrolled out of the list"
    assert screen.contains(_on_screen(window, viewport, column)), "Status runs off the screen"
    model = window.redemptions_model
    for row in range(model.rowCount()):
        cell = table.visualRect(model.index(row, status))
        assert cell.left() >= 0 and cell.right() <= viewport.width(), model.row_data(row)

    picker = window.reward_picker
    buttons = [picker.add_button, picker.redeem_button, picker.cart.remove_button]
    buttons += [picker.cart.redeem_button, panel.print_button]
    for button in (b for b in buttons if b.isVisible()):
        name = button.objectName()
        assert screen.contains(_on_screen(window, button)), f"{name} runs off the screen"
        words = button.fontMetrics().horizontalAdvance(button.text())
        assert words <= _room_for_words(button), f"{name}: {button.text()!r} is cut"

    bar = window.tabs.tabBar()
    for index in range(bar.count()):
        tab = bar.tabRect(index)
        assert bar.rect().contains(tab), f"the tab {bar.tabText(index)!r} is behind an arrow"
        assert screen.contains(_on_screen(window, bar, tab))

    assert cut_texts(window) == []
    # Nothing pushed the window past the screen: what the cashier sees is all there is.
    assert (window.width(), window.height()) == size


@pytest.mark.parametrize(
    ("width", "narrow"), [(1920, False), (1366, False), (1280, False), (1024, True)]
)
def test_the_page_turns_narrow_only_when_three_tiles_a_row_no_longer_fit(
    qtbot: QtBot, width: int, narrow: bool
) -> None:
    window = _window((width, 768))
    qtbot.addWidget(window)
    _shown(window, "05-rewards")

    assert window.columns.is_narrow is narrow
    tiles = window.reward_picker.tiles()
    tops = {tile.geometry().top() for tile in tiles[: COLUMNS + 1]}
    # Three tiles a row, or two: the fourth (or third) starts the second row.
    per_row = NARROW_COLUMNS if narrow else COLUMNS
    assert len({tile.geometry().top() for tile in tiles[:per_row]}) == 1
    assert len(tops) == 2
    assert window.tabs.tabIcon(window.REWARDS_TAB).isNull() is narrow


def test_at_the_tills_own_size_and_wider_the_side_columns_keep_their_widths(
    qtbot: QtBot,
) -> None:
    window = _window((1366, 768))
    qtbot.addWidget(window)
    _shown(window, "14-confirmed")
    assert window.member_card.parentWidget().width() == LEFT_WIDTH
    assert window.result_panel.parentWidget().width() == RIGHT_WIDTH

    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.columns.is_narrow)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not window.columns.is_narrow)
    QApplication.processEvents()
    assert window.member_card.parentWidget().width() == LEFT_WIDTH
    assert window.result_panel.parentWidget().width() == RIGHT_WIDTH
    assert not window.tabs.tabIcon(window.REWARDS_TAB).isNull()
