"""The pages around the cashier's, walked with Tab as a keyboard user meets them: the sign-in
(and the lock, the same page), the shift's summary and the first manager's setup, each top to
bottom, and round again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import CashierWindowView

from ..support.keyboard import reversed_walk, walk_both_ways
from ..support.screens import window_in


def page_start(window: CashierWindowView, state: str) -> QWidget:
    return {
        "01-sign-in": window.sign_in.cashiers,
        "35-locked": window.sign_in.cashiers,
        "22-shift-summary": window.summary.refusals,
        "34-first-manager": window.first_manager.name_edit,
    }[state]


@pytest.mark.parametrize(
    ("state", "stops"),
    [
        ("01-sign-in", ["cashierPin", "signInStart", "signInManager", "cashierList"]),
        ("35-locked", ["cashierPin", "signInStart", "signInManager", "cashierList"]),
        ("22-shift-summary", ["summaryBack", "summaryExport", "summaryClose", "summaryRefusals"]),
        (
            "34-first-manager",
            ["firstPinInput", "firstPinAgainInput", "firstManagerCreate", "firstManagerNameInput"],
        ),
    ],
)
def test_tab_walks_the_page_top_to_bottom(qtbot: QtBot, state: str, stops: list[str]) -> None:
    window = window_in(qtbot, state, (1366, 768))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start = page_start(window, state)

    forth, back = walk_both_ways(qtbot, start, stops)

    assert forth == stops
    assert back == reversed_walk(start, stops)
