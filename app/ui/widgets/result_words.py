"""The result's words under its banner, which scroll on a short page rather than push the
shift's list down.

On the cashier's page the result panel takes a share of its column (``take_a_share``) so that
"This shift" and its rows stay where the cashier's eye goes. A long not-confirmed result (in
Indonesian, offline, at 1280x720: the web page's explanation and the four lines of what to do)
needed more than that share, and the panel grew: "This shift" moved 83 px down, and at 1093x614
the page itself scrolled. Its words now scroll inside the panel instead, a scroll bar saying
there is more; the banner above them, the outcome, stays in sight. Where the panel is as tall
as its words (a manager's dialog), this is as tall as they are and never scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class ResultWords(QScrollArea):
    """Shows ``words`` (a widget whose words wrap) as tall as they are, or, once
    :meth:`set_scrolls` says so, in the height it is given, scrolling what is past it."""

    def __init__(self, words: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultWords")
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Sized here (_fit), not by the resizable mode: there a scroll bar coming made the words
        # wrap narrower and taller, and going, wider, and the longest references at 819 px
        # never settled. They keep the bar's room on their right, shown or not.
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The keyboard stays where the cashier works (the panel took none before either).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(words)
        # The panel's colour (a not-confirmed result's amber) shows through, as before.
        self.viewport().setAutoFillBackground(False)
        words.setAutoFillBackground(False)
        self._scrolls = False

    def set_scrolls(self, scrolls: bool) -> None:
        """Whether the words take the height they are given (scrolling), not what they need."""
        self._scrolls = scrolls
        self.updateGeometry()

    def words_changed(self) -> None:
        """New words were set: laid out now, and the layouts around told of their height (a
        dialog grows for them at once: ``ResultPanel._tell_height``)."""
        layout = self._words().layout()
        if layout is not None:
            layout.activate()
        self._fit()
        self.updateGeometry()

    def bar_room(self) -> int:
        """The width the scroll bar takes, kept on the words' right whether it shows or not."""
        bar = self.verticalScrollBar()
        bar.ensurePolished()  # the style sheet's width
        return bar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)

    def scrolls(self) -> bool:
        """Whether the words take the height they are given (:meth:`set_scrolls`)."""
        return self._scrolls

    def words_height(self, width: int) -> int:
        """The height the words need at ``width`` pixels, none of them scrolled."""
        words = self._words()
        layout = words.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return words.minimumSizeHint().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        # Torn down, Qt may still send the words' last events after the Python side is gone.
        if (
            self.__dict__.get("_scrolls") is not None
            and watched is self.widget()
            and event.type() == QEvent.Type.LayoutRequest
        ):
            # New words: laid out with them first, then given their size.
            layout = self._words().layout()
            if layout is not None:
                layout.activate()
            self._fit()
        return handled

    def _fit(self) -> None:
        """The words as wide as the area, a scroll bar's width less where they need more height
        than it has (decided once, at the full width), and as tall as the area or as they
        need."""
        words = self.widget()
        if words is None:
            return
        room = self.maximumViewportSize()
        width = max(0, room.width() - self.bar_room())
        size = QSize(width, max(room.height(), self.words_height(width)))
        if size != words.size():
            words.resize(size)

    def _words(self) -> QWidget:
        words = self.widget()
        assert words is not None
        return words

    def sizeHint(self) -> QSize:
        return self._words().sizeHint() + QSize(self.bar_room(), 0)

    def minimumSizeHint(self) -> QSize:
        least = self._words().minimumSizeHint()
        # Scrolling, no height of its own: the panel's share is all it takes.
        width = least.width() + self.bar_room()
        return QSize(width, 0) if self._scrolls else QSize(width, least.height())

    def hasHeightForWidth(self) -> bool:
        return not self._scrolls and self._words().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self._words().heightForWidth(max(0, width - self.bar_room()))
