"""A label of one line (or a few) that shortens its text with "…" instead of widening its
column."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

from app.ui.plain_text import amounts_whole, short_words


class ElidedLabel(QLabel):
    """Shows as much of its text as fits, ending in "…"; the full text is in the tooltip.

    A plain QLabel asks for its whole text's width, which on a fixed 1366 px till pushes the
    buttons beside it out of shape. Given ``lines`` above 1, the text wraps at spaces onto that
    many lines before its last is shortened: a reward's name in the selection bar read
    "Es Kopi Susu …" with a second line's room beside the buttons.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        lines: int = 1,
        as_needed: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self._lines = lines
        # Asks for only the lines its text takes at its width: a member's name on the card
        # takes a second line when it needs one, not the card's height for every member.
        self._as_needed = as_needed
        self._asked = 1
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(short_words(text))  # a tooltip wraps at spaces only

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._lines == 1:
            return hint
        # Room for every line it may take, as its neighbours' height allows: a layout that
        # has less gives it less, and it elides sooner.
        wanted = self._lines_taken() if self._as_needed else self._lines
        extra = (wanted - 1) * self.fontMetrics().lineSpacing()
        return QSize(hint.width(), hint.height() + extra)

    def _lines_taken(self) -> int:
        """The lines its text wraps onto at its width, no more than ``lines``."""
        metrics, width = self.fontMetrics(), self.contentsRect().width()
        rest, taken = amounts_whole(self.text()), 1
        while rest and taken < self._lines and metrics.horizontalAdvance(rest) > width:
            line, rest = _first_line(rest, metrics, width)
            if not line:
                break
            taken += 1
        self._asked = taken
        return taken

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(short_words(text))
        if self._as_needed:
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wider or narrower, the name may take one line less or more.
        if self._as_needed and self._asked != self._lines_taken():
            self.updateGeometry()

    def displayed_text(self) -> str:
        """The text as painted at the current width and height (its lines joined by "\n")."""
        metrics = self.fontMetrics()
        room = self.contentsRect()
        fitting = max(1, min(self._lines, room.height() // max(1, metrics.lineSpacing())))
        shown: list[str] = []
        rest = amounts_whole(self.text())  # "Rp" with its amount, on the screen only
        while rest and len(shown) < fitting - 1:
            line, after = _first_line(rest, metrics, room.width())
            if not line:
                break
            shown.append(line)
            rest = after
        if rest:
            shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room.width()))
        return "\n".join(shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        # The style sheet's background and border, then the text in the label's own colour.
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.displayed_text())
        painter.end()


def _first_line(text: str, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit ``width`` (at least its first word), and the rest."""
    words = text.split(" ")
    taken = 1
    while taken < len(words) and metrics.horizontalAdvance(" ".join(words[: taken + 1])) <= width:
        taken += 1
    if taken == 1 and metrics.horizontalAdvance(words[0]) > width:
        return "", text  # too long for a line: the last line shortens it
    return " ".join(words[:taken]), " ".join(words[taken:])
