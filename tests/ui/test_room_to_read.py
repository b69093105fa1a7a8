"""Room to read: at the till's 1366×768, at 1920×1080 and on the smaller counter screens
(1280×720, 1024×768), no text a cashier must read is cut.
Every visible label either shows its whole text (wrapped where it wraps) or carries it in a
tooltip; every button is wide enough for its words.

Parametrised by language: each translation in resources/translations runs the same walk, so a
longer language is checked the day it lands.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.screenshots import STATES, _window
from app.ui.widgets.elided_label import ElidedLabel

from ..support.languages import LANGUAGES, speaking

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with speaking(request.param):
        yield request.param


def _has_whole_text_in_a_tooltip(widget: QWidget, text: str) -> bool:
    while widget is not None and not widget.isWindow():
        if text.replace("\n", " ") in widget.toolTip().replace("\n", " "):
            return True
        widget = widget.parentWidget()
    return False


def cut_texts(window: QWidget) -> list[str]:
    """What a cashier cannot read whole: "<widget>: <text>" for each."""
    cut = []
    roots = [window, *[w for w in QApplication.topLevelWidgets() if w.isVisible()]]
    for root in roots:
        for widget in root.findChildren(QWidget):
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
                if isinstance(widget, ElidedLabel) or _fits(widget):
                    continue
                if not _has_whole_text_in_a_tooltip(widget, widget.text()):
                    cut.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()!r}")
            elif (
                isinstance(widget, QAbstractButton)
                and widget.text()
                and widget.width() + 1 < widget.sizeHint().width()
            ):
                cut.append(f"button {widget.objectName()}: {widget.text()!r}")
    return cut


def _fits(label: QLabel) -> bool:
    if label.wordWrap():  # the height the wrapped text needs at the label's width (padding in)
        return label.heightForWidth(label.width()) <= label.height() + 1
    area = label.contentsRect()
    metrics = label.fontMetrics()
    return all(
        metrics.horizontalAdvance(line) <= area.width() + 1 for line in label.text().split("\n")
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", sorted(STATES))
def test_nothing_a_cashier_must_read_is_cut(
    qtbot: QtBot, language: str, state: str, size: tuple[int, int]
) -> None:
    window = _window(size)
    qtbot.addWidget(window)
    STATES[state](window)
    QApplication.processEvents()
    try:
        # A window pushed wider or taller than the screen is cut by the screen itself.
        assert (window.width(), window.height()) == size
        assert cut_texts(window) == []
    finally:
        for dialog in window.findChildren(QWidget):
            if dialog.isWindow() and dialog is not window:
                dialog.close()
