"""A label whose words are never cut: a number too wide for its room is drawn in smaller type.

A balance or a price the server gives may be any length ("9.223.372.036.854.775.807 stamps"). A
label cuts what does not fit its width, and a word-wrapped one breaks between words only, never
inside one: the member card read "9.223.372.036.85", a wrong number, with nothing to say so. Type
smaller than the till's style (down to :data:`SMALLEST_PX`) keeps every digit in sight.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The smallest type a label shrinks to: still read at arm's length on a till's screen.
SMALLEST_PX = 8


class WholeWordsLabel(QLabel):
    """A :class:`QLabel` in the till's style until a word (or, not word-wrapped, a line) is wider
    than the label: then in the largest type at which it fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The style's own type, kept while the label is drawn smaller (``None``: it is not).
        self._style_font: QFont | None = None

    def setText(self, text: str) -> None:
        """Show ``text``, in smaller type if it does not fit."""
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def restyled(self) -> None:
        """Fit again after the style gave the label other type (a property it selects on)."""
        if self._style_font is not None:
            self._style_font = None
            self.setStyleSheet("")
        self.fit()

    def style_metrics(self) -> QFontMetrics:
        """The metrics of the style's own type, whether or not the label is drawn smaller."""
        self.ensurePolished()
        return QFontMetrics(self._style_font or self.font())

    def shrunk(self) -> bool:
        """Whether the label is drawn smaller than its style's type."""
        return self._style_font is not None

    def fit(self) -> None:
        """Draw the text in the style's type if it fits the label's width, else in the largest
        smaller type that does."""
        width = self.contentsRect().width()
        if width <= 0 or not self.text():
            return  # not laid out yet: its resize fits it
        self.ensurePolished()
        style_font = QFont(self._style_font or self.font())
        pieces = self.text().split() if self.wordWrap() else self.text().splitlines()
        widest = max(pieces, key=QFontMetrics(style_font).horizontalAdvance, default="")
        px = _largest_px(style_font, widest, width)
        if px is None:
            if self._style_font is not None:
                self._style_font = None
                self.setStyleSheet("")
            return
        sheet = f"font-size: {px}px;"
        if sheet != self.styleSheet():
            # the widget's own sheet wins over the till's, whatever its selectors
            self._style_font = style_font
            self.setStyleSheet(sheet)


def _largest_px(font: QFont, text: str, width: int) -> int | None:
    """The largest pixel size, below ``font``'s, at which ``text`` is no wider than ``width``
    (:data:`SMALLEST_PX` at the least); ``None`` when it fits as it is."""
    if QFontMetrics(font).horizontalAdvance(text) <= width:
        return None
    trial = QFont(font)
    px = QFontInfo(font).pixelSize()
    while px > SMALLEST_PX:
        px -= 1
        trial.setPixelSize(px)
        if QFontMetrics(trial).horizontalAdvance(text) <= width:
            break
    return px
