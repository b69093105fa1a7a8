"""Manager mode's exceptions on a counter's smaller screen: the whole list beside the selected
one's pane, every standing whole and the redemption readable, with no sideways scrolling, in
each language; the pane's buttons whole."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ...support.screens import standings_cut, window_in

MEMBER, REDEMPTION, STATUS = 1, 2, 4


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_exceptions_fit_beside_their_pane_without_scrolling_sideways(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, "29-exceptions", size)
    view = window.manager.exceptions
    table, header = view.table, view.table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # the Status column is not past the edge
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(REDEMPTION) >= 100  # more than a "…"
    assert header.sectionSize(MEMBER) >= 90
    assert standings_cut(table, STATUS) == []  # each standing whole, on two lines at most
    for button in view.pane.findChildren(type(view.buttons["retry"])):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
            assert button.geometry().right() <= view.pane.width(), button.text()
