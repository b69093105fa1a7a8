"""The tooltip a widget shows, as the person hovering it sees it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget
from pytestqt.qtbot import QtBot


def shown_tooltip(qtbot: QtBot, widget: QWidget, text: str | None = None) -> QLabel:
    """Show ``widget``'s tooltip (or ``text``, an item's) over it and return the label Qt shows
    it in."""
    QToolTip.showText(widget.mapToGlobal(QPoint(4, 4)), text or widget.toolTip(), widget)

    def tip() -> QLabel | None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if w.metaObject().className() == "QTipLabel" and w.isVisible()
        ]
        return shown[0] if shown else None  # type: ignore[return-value]

    qtbot.waitUntil(lambda: tip() is not None)
    label = tip()
    assert label is not None
    return label
