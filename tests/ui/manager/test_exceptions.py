"""Manager mode's exceptions on a counter's smaller screen: the whole list beside the selected
one's pane, every standing whole and the redemption readable, with no sideways scrolling, in
each language; the pane's buttons whole."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ...support.screens import inside_the_frame, standings_cut, window_in

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


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_refusals_pane_reads_as_one_block_from_the_top(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    # A refusal has no evidence to fill the pane: its words and buttons stay together at the
    # top, each as tall as its words, not spread down the screen with the space between them.
    window = window_in(qtbot, "29-exceptions", size)
    view = window.manager.exceptions
    view.table.select_key("x1")  # the refused one (app/ui/screenshots.py)
    QApplication.processEvents()
    assert not view.evidence.isVisible()
    layout = view.pane.layout()
    parts = [
        widget
        for widget in (layout.itemAt(i).widget() for i in range(layout.count()))
        if widget is not None and widget.isVisible()
    ]
    assert parts[0].y() <= layout.contentsMargins().top()
    spread = []
    for part in parts:
        needed = (
            part.heightForWidth(part.width())
            if part.hasHeightForWidth()
            else part.sizeHint().height()
        )
        if part.height() > needed + 1:
            spread.append(f"{_name(part)}: {part.height()} px for {needed}")
    for above, below in itertools.pairwise(parts):
        gap = below.y() - above.geometry().bottom() - 1
        if gap > layout.spacing():
            spread.append(f"{gap} px between {_name(above)} and {_name(below)}")
    assert spread == []


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel) else ""
    return widget.objectName() or text or type(widget).__name__


def test_the_keyboard_goes_to_the_list_when_its_button_goes_with_the_entry(
    qtbot: QtBot,
) -> None:
    # Seen under Xvfb: Wayan marked the last exception applied from the keyboard, its pane went
    # and the keyboard with it, round to the banner's "Settings…", where the next Enter opens
    # the settings. It lands on the list (empty, or the next one to pick) instead.
    window = window_in(qtbot, "29-exceptions", (1366, 768))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.manager.exceptions
    dismiss = view.buttons["dismiss"]
    dismiss.setFocus(Qt.FocusReason.TabFocusReason)
    assert dismiss.hasFocus()
    view.set_items([])
    assert view.table.hasFocus()
    assert not window.manager.settings_button.hasFocus()


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_pane_s_words_scroll_where_the_screen_is_short_and_its_buttons_stay_in_sight(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    # Seen at 1024×600 under a title bar: "Dismiss…" and "Details…" were cut at the page's
    # foot, a scroll of the whole page away. The buttons stay whole; the words scroll.
    window = window_in(qtbot, "29-exceptions", inside_the_frame(size))
    view = window.manager.exceptions
    for button in view.pane.findChildren(type(view.buttons["retry"])):
        if button.isVisible():
            assert button.visibleRegion().boundingRect() == button.rect(), button.text()
    reason = view.reason
    assert reason.height() >= reason.heightForWidth(reason.width())  # whole, if a scroll away
    short = size == (1024, 600)
    assert view.words.verticalScrollBar().isVisible() == short
