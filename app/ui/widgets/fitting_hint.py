"""The hint in an empty field (its placeholder) in words the field has room for.

Qt cuts a placeholder wider than its field with "…" and carries it nowhere else. The member
column is 200 px wide at 819 px (1024×768 at a desktop scale of 125%) and 214 px at 911 px
(1366×768 at 150%): "Name, phone, email, ID" and "Type or scan the receipt" read "Name, phone,
e…" and "Type or scan the r…" there. A field given a longer and a shorter hint shows the
longest its room holds; the longer one wherever it fits, so nothing changes on a wider screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QToolButton

#: Qt keeps this much either side of a placeholder, inside the field's contents.
_SIDE = 2


def hint_room(edit: QLineEdit) -> int:
    """The width ``edit`` draws its placeholder in, as QLineEdit's paint works it out: its
    contents less the text margins, the icons shown in it (the member's, the voucher's) with
    the style's gap, and 2 px each side."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    style = edit.style()
    area = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    area = area.marginsRemoved(edit.textMargins())
    gap = style.pixelMetric(QStyle.PixelMetric.PM_LineEditIconMargin, None, edit)
    icons = edit.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = sum(icon.width() + gap for icon in icons if icon.isVisibleTo(edit))
    return area.width() - shown - 2 * _SIDE


class FittingHint(QObject):
    """Keeps in ``edit`` the first of ``hints`` (longest first) that fits it, or the last,
    as the field is resized or its type changes; the field is kept no narrower than the last
    needs (a squeezed filter row at 819 px left the history's "name or card" cut)."""

    def __init__(self, edit: QLineEdit, hints: Sequence[str]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._hints = list(hints)
        edit.setPlaceholderText(self._hints[0])
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return False

    def _fit(self) -> None:
        room = hint_room(self._edit)
        metrics = self._edit.fontMetrics()
        least = metrics.horizontalAdvance(self._hints[-1]) + self._edit.width() - room
        if self._edit.minimumWidth() != least:
            self._edit.setMinimumWidth(least)
        fitting = next(
            (hint for hint in self._hints if metrics.horizontalAdvance(hint) <= room),
            self._hints[-1],
        )
        if fitting != self._edit.placeholderText():
            self._edit.setPlaceholderText(fitting)
