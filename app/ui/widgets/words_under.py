"""How tall a list floating over the page is drawn: whole rows of its own, and its lower edge
not across a line of the words under it.

Typed slowly, the member search's suggestions came and went over the member's card, and the
list's lower edge cut through the card's words ("Gold" peeking out under the last suggestion,
half of "Ayu Pratiwi"); with more suggestions than its height held, it cut its own last row in
half too. The list now ends under a whole row, and where that is across a line of words it ends
a row sooner, or, showing every row it has, grows a little past those words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.widgets.elided_label import ElidedLabel

#: Room left under the words a list grows past, in pixels.
CLEARANCE = 4


def words_of(label: QLabel) -> QRect:
    """Where ``label`` draws its words, in its own coordinates (empty: it draws none)."""
    text = label.displayed_text() if isinstance(label, ElidedLabel) else label.text()
    if not text.strip():
        return QRect()
    flags = int(label.alignment())
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
    return label.fontMetrics().boundingRect(label.contentsRect(), flags, text)


def words_crossed(under: QWidget, host: QWidget, span: QRect, edge: int) -> QRect | None:
    """The words of a label shown in ``under`` that a list over ``span`` (in ``host``'s
    coordinates) would cut with its lower ``edge``, where they are in ``host``; or None."""
    for label in under.findChildren(QLabel):
        if not label.isVisible():
            continue
        words = words_of(label)
        if words.isEmpty():
            continue
        place = words.translated(label.mapTo(host, words.topLeft()) - words.topLeft())
        sideways = place.left() <= span.right() and place.right() >= span.left()
        if sideways and place.top() < edge <= place.bottom():
            return place
    return None


def list_height(
    rows: Sequence[int], frame: int, room: int, span: QRect, under: QWidget, host: QWidget
) -> int:
    """The height of a list of ``rows`` (their heights, in order; ``frame`` its borders) shown
    over ``under`` from ``span``'s top, in ``host``'s coordinates, no taller than ``room``."""
    top = span.top()
    heights = []
    height = frame
    for row in rows:
        if height + row > room:
            break
        height += row
        heights.append(height)
    if not heights:
        return room  # not even one whole row has room: all there is
    if len(heights) == len(rows):
        crossed = words_crossed(under, host, span, top + heights[-1])
        if crossed is None:
            return heights[-1]
        # Every row shown: a little more of the list's ground covers those words whole (and
        # the next line's, where the words under it follow close).
        grown = heights[-1]
        while crossed is not None and grown <= room:
            grown = crossed.bottom() + 1 + CLEARANCE - top
            crossed = words_crossed(under, host, span, top + grown)
        if grown <= room:
            return grown
    # A row fewer shown (the rest a scroll away), until the edge is clear of words.
    for height in reversed(heights):
        if words_crossed(under, host, span, top + height) is None:
            return height
    return heights[0]
