"""A one-line label that shortens its text with "…" instead of widening its column."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

from app.ui.plain_text import short_words


class ElidedLabel(QLabel):
    """Shows as much of its text as fits, ending in "…"; the full text is in the tooltip.

    A plain QLabel asks for its whole text's width, which on a fixed 1366 px till pushes the
    buttons beside it out of shape.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(short_words(text))  # a tooltip wraps at spaces only

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(short_words(text))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def displayed_text(self) -> str:
        """The text as painted at the current width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        # The style sheet's background and border, then the text in the label's own colour.
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.displayed_text())
        painter.end()
