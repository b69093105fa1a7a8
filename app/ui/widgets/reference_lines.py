"""A result's references (its redemption id, its voucher code), each read whole at any width.

A cashier reads them aloud to support or types them into the dashboard, so none may be cut. An
id or a code has no space to wrap at: a word-wrapped label drew "9223372036854775807" past its
edge beside the QR code at 911 and 819 px. Here a reference that does not fit on its caption's
line goes on a line of its own, and one wider than the label is broken where a person would
read it in parts (after a hyphen, else where the line is full), each part a whole line; one that
fits a line is never broken at its hyphens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QMenu, QWidget

#: Where a reference breaks: invisible, so Qt wraps there only where the line is full, and
#: taken out again of what the cashier copies.
BREAK = "\u200b"
#: Where a reference must not break (a word joiner): Qt's wrapping breaks after a hyphen as
#: after a space, and "Voucher code: SALDO-AYU-150K" read "…SALDO-" over "AYU-150K", the code
#: cut in two where it would fit whole on the next line. Taken out of a copy as well.
NO_BREAK = "\u2060"


def parts(value: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``value`` in pieces of at most ``width`` pixels: after a hyphen where one falls within a
    line, else as many characters as the line holds."""
    pieces: list[str] = []
    line = ""
    for char in value:
        if line and metrics.horizontalAdvance(line + char) > width:
            hyphen = line.rfind("-") + 1
            if 0 < hyphen < len(line):
                pieces.append(line[:hyphen])
                line = line[hyphen:]
            else:
                pieces.append(line)
                line = ""
        line += char
    return [*pieces, line] if line else pieces


def laid_out(references: list[tuple[str, str]], metrics: QFontMetrics, width: int) -> str:
    """The lines of ``references`` (caption, value) at ``width``: "Caption: value" where the
    value fits a line (wrapped at the caption's spaces), else the caption and, under it, the
    value in :func:`parts`."""
    lines = []
    for caption, value in references:
        if metrics.horizontalAdvance(value) <= width:
            # Qt wraps it at a space where the line is full, the value whole on the last
            # ("Redemption" over "ID: 2001" at 819 px, not over "ID:" over "2001"); at a
            # space only, not after the value's hyphens.
            lines.append(f"{caption} {value.replace('-', '-' + NO_BREAK)}")
            continue
        lines.append(caption)
        lines.append(BREAK.join(parts(value, metrics, max(width, 1))))
    return "\n".join(lines)


class ReferenceLines(QLabel):
    """Shows references laid out for its width (:func:`laid_out`), whole in its tooltip; what
    the cashier selects and copies has no break in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._references: list[tuple[str, str]] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_references(self, references: list[tuple[str, str]]) -> None:
        """Show ``references``, each ``(caption, value)``: "Redemption ID:", its id."""
        self._references = list(references)
        whole = "\n".join(f"{caption} {value}" for caption, value in self._references)
        self.setToolTip(whole)
        self._lay_out()

    def least_width(self) -> int:
        """The narrowest it reads whole: its captions' longest word ("Redemption"), which
        breaks at its spaces only; a value breaks anywhere."""
        metrics = self.fontMetrics()
        words = [word for caption, _ in self._references for word in caption.split()]
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        margins = self.contentsMargins()
        return widest + margins.left() + margins.right() + 2 * self.margin()

    def references_text(self) -> str:
        """The references as the cashier reads them, one a line, with no break in a value."""
        return self.toolTip()

    def words_shown(self) -> str:
        """The lines as shown, without the invisible marks that say where they may break."""
        return _unmarked(self.text())

    def heightForWidth(self, width: int) -> int:
        # As laid out at ``width``, not as the words now shown were for the width it has: the
        # layout asks before it resizes the label, and a height for other lines cut the last.
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * self.margin()
        text = laid_out(self._references, self.fontMetrics(), room)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = self.fontMetrics().boundingRect(QRect(0, 0, max(room, 1), 100_000), flags, text)
        return lines.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        # The same width gives the same words, which Qt takes as no change: no layout loop.
        width = self.contentsRect().width()
        self.setText(laid_out(self._references, self.fontMetrics(), width))

    # -- copying -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("ReferenceLines", "Copy"), self._copy)
        menu.exec(event.globalPos())

    def _copy(self) -> None:
        # What is selected, else every reference: a break is for the screen, not for a paste.
        chosen = self.selectedText() if self.hasSelectedText() else self.references_text()
        QGuiApplication.clipboard().setText(_unmarked(chosen))


def _unmarked(text: str) -> str:
    return text.replace(BREAK, "").replace(NO_BREAK, "")
