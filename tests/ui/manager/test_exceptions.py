"""Manager mode's exceptions on a counter's smaller screen: the whole list beside the selected
one's pane, every standing whole and the redemption readable, with no sideways scrolling, in
each language; the pane's buttons whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.ui.screenshots import STATES, _window

from ...support.languages import LANGUAGES, speaking

MEMBER, REDEMPTION, STATUS = 1, 2, 4


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with speaking(request.param):
        yield request.param


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_exceptions_fit_beside_their_pane_without_scrolling_sideways(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = _window(size)
    qtbot.addWidget(window)
    STATES["29-exceptions"](window)
    QApplication.processEvents()
    view = window.manager.exceptions
    table, header = view.table, view.table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # the Status column is not past the edge
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(REDEMPTION) >= 100  # more than a "…"
    assert header.sectionSize(MEMBER) >= 90
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    delegate = table.itemDelegateForColumn(STATUS)
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, STATUS)
        # what the standing needs (on two lines at most) fits the column it got
        assert delegate.sizeHint(option, index).width() <= header.sectionSize(STATUS)
    for button in view.pane.findChildren(type(view.buttons["retry"])):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
            assert button.geometry().right() <= view.pane.width(), button.text()
