"""A drop-down list of choices for a filter row: no wider than its longest choice nor a cap, the
choice shown elided (whole in its tooltip), and its list opened whole, every choice readable;
Enter on it (its list closed) is the form's "Show", as in the fields beside it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

#: A filter's usual cap, in capital X's of text: every English status ("Refused at the
#: counter") whole.
CHOICE_CAP_CHARS = 19


class ChoiceBox(QComboBox):
    """A :class:`QComboBox` sized to its longest choice, but no wider than ``cap_chars``
    capital X's of text: a long translation ("Kedaluwarsa (tidak pernah dikirim)") is elided
    in the box rather than taking the width from the fields beside it. The list it opens is as
    tall as all its rows. Given ``least_chars``, it may be squeezed to that many on a narrow
    screen (the history's filters at 819 px), eliding its choice there too. Given
    ``floor_chars``, it is never narrower than that many: a list of short choices ("Any",
    "Agus") read as a squeezed box. ``entered`` on Enter while its list is closed (the list's
    own Enter picks a choice and closes it)."""

    entered = Signal()

    def __init__(
        self,
        name: str,
        *,
        cap_chars: int,
        least_chars: int | None = None,
        floor_chars: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._cap_chars = cap_chars
        self._least_chars = least_chars
        self._floor_chars = floor_chars
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentTextChanged.connect(self._tell_whole)

    def sizeHint(self) -> QSize:
        hint = self._choices_hint()
        if self._floor_chars is not None:
            floor = self._capped_width(hint.height(), self._floor_chars)
            return QSize(max(hint.width(), floor), hint.height())
        return hint

    def minimumSizeHint(self) -> QSize:
        # The floor is room to spare: a tight screen (819 px) takes it back first, down to the
        # longest choice.
        hint = self._choices_hint()
        if self._least_chars is None:
            return hint
        least = self._capped_width(hint.height(), self._least_chars)
        return QSize(min(hint.width(), least), hint.height())

    def offer(self, any_text: str, choices: Iterable[tuple[str, str]]) -> None:
        """A filter's choices (value, words) after ``any_text`` (the value ``""``), read afresh:
        the one picked stays picked while it is among them, else it is back to any."""
        picked = self.currentData()
        self.clear()
        self.addItem(any_text, "")
        for value, text in choices:
            self.addItem(text, value)
        self.setCurrentIndex(max(self.findData(picked), 0))

    def _choices_hint(self) -> QSize:
        hint = super().sizeHint()  # the longest choice's width
        return QSize(min(hint.width(), self._capped_width(hint.height())), hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt's box ignores Enter: a manager who picked "Not confirmed" with the arrows and
        # pressed Enter, as in the days and the member beside it, saw the list unchanged.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)

    def showPopup(self) -> None:
        # Under X, Fusion's list sized itself a little short: the tenth status ("Closed or sent
        # again") showed half hidden behind a scroll arrow. Asked for the height of every row,
        # the list opens whole, no scrolling (its width Qt fits to the longest choice itself).
        view = self.view()
        rows = sum(view.sizeHintForRow(row) for row in range(self.count()))
        frame = 2 * view.frameWidth()
        # No taller than the screen: a longer list (the audit log's every action) scrolls.
        screen = self.screen().availableGeometry().height()
        view.setMinimumHeight(min(rows + frame, screen))
        self.setMaxVisibleItems(max(self.count(), 1))
        super().showPopup()

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox's own painting, but with the choice elided to the room it has: cut off it
        # read as another word.
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._elided(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_whole()

    def is_elided(self) -> bool:
        """Whether the choice shown is cut to fit the box."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._elided(option) != option.currentText

    def _elided(self, option: QStyleOptionComboBox) -> str:
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, room.width()
        )

    def _tell_whole(self) -> None:
        self.setToolTip(self.currentText() if self.is_elided() else "")

    def _capped_width(self, height: int, chars: int | None = None) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        chars = self._cap_chars if chars is None else chars
        text = QSize(self.fontMetrics().horizontalAdvance("X") * chars, height)
        return (
            self.style()
            .sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
            .width()
        )
