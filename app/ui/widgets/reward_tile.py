"""One reward in the picker's grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.services import format_count
from app.ui.plain_text import short_words
from app.ui.resources import icon
from app.ui.viewmodels import RewardCardData

IMAGE_SIZE = 40


def two_line_text(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` wrapped at word boundaries into at most two lines of ``width`` pixels, the second
    elided: every tile keeps the same height whatever the reward is called."""
    words = text.split()
    first: list[str] = []
    while words and metrics.horizontalAdvance(" ".join([*first, words[0]])) <= width:
        first.append(words.pop(0))
    if not first:  # one very long word
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if not words:
        return " ".join(first)
    rest = metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
    return " ".join(first) + "\n" + rest


class RewardTile(QFrame):
    """A reward the cashier can pick: picture, name, cost; greyed with the reason when the member
    cannot have it.

    An unavailable tile is a disabled widget, so Qt delivers it no clicks or keys at all, rather
    than this class remembering to ignore them.
    """

    chosen = Signal(object)

    def __init__(self, reward: RewardCardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(150, 176)
        self._pressed_at: QPoint | None = None  # on the screen

        self._picture_label = picture = QLabel()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image_path: str | None = None

        self.name_label = name = QLabel()
        name.setObjectName("rewardName")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cost_label = cost = QLabel()
        cost.setObjectName("rewardCost")
        cost.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (name, cost):
            # Ignored width: the text is fitted in resizeEvent, so it must not set the tile's.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(picture)
        layout.addWidget(name)
        layout.addWidget(cost)

        self.reason_label = QLabel()
        self.reason_label.setObjectName("rewardReason")
        # Wrapped by two_line_text, not by word wrap: a word-wrapped label gives the grid a
        # height-for-width that QScrollArea underestimates, squeezing rows into each other.
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.reason_label)
        self.reward = reward
        self.show_reward(reward, picture_first=True)

    def show_reward(self, reward: RewardCardData, *, picture_first: bool = False) -> None:
        """Show ``reward`` on this tile. The picker keeps its tiles from one customer to the
        next and gives each the reward of its place: building eleven tiles anew for every
        member was most of the time between the member found and their offer shown."""
        self.reward = reward
        self.setObjectName(f"rewardTile-{reward.id}")
        if picture_first or reward.image_path != self._image_path:
            self._image_path = reward.image_path
            self._picture_label.setPixmap(self._picture(reward.image_path))
        one = reward.stamps_cost == 1
        if reward.flexible:
            cost_text = (
                self.tr("from {stamps} stamp") if one else self.tr("from {stamps} stamps")
            ).format(stamps=format_count(reward.stamps_cost))
        else:
            cost_text = (self.tr("{stamps} stamp") if one else self.tr("{stamps} stamps")).format(
                stamps=format_count(reward.stamps_cost)
            )
        self.cost_label.setText(cost_text)
        self.reason_label.setVisible(not reward.available and bool(reward.reason))
        self._fit_words()
        self.setEnabled(reward.available)
        tip = reward.name if reward.available else f"{reward.name} — {reward.reason or ''}"
        # Qt wraps a tooltip at spaces only: one long word of a name would hide the reason
        self.setToolTip(short_words(tip))
        self.setAccessibleName(short_words(tip))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        # The whole name until the tile is laid out; then at most two lines of its width.
        width = self.contentsRect().width() - 16
        self.name_label.setText(
            two_line_text(self.reward.name, self.name_label.fontMetrics(), width)
        )
        reason = self.reward.reason or ""
        self.reason_label.setText(
            two_line_text(reason, self.reason_label.fontMetrics(), width) if reason else ""
        )

    def _picture(self, image_path: str | None) -> QPixmap:
        if image_path and Path(image_path).is_file():
            pixmap = QPixmap(image_path)
            if not pixmap.isNull():
                return pixmap.scaled(
                    IMAGE_SIZE,
                    IMAGE_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        return icon("reward").pixmap(IMAGE_SIZE, IMAGE_SIZE)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.globalPosition().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed_at, self._pressed_at = self._pressed_at, None
        if event.button() == Qt.MouseButton.LeftButton and (
            self.rect().contains(event.position().toPoint())
            or self._pointer_stayed(pressed_at, event)
        ):
            self.chosen.emit(self.reward.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    @staticmethod
    def _pointer_stayed(pressed_at: QPoint | None, event: QMouseEvent) -> bool:
        # A tile half out of sight is scrolled into it as the press gives it the keyboard, so
        # it moves under a pointer that stays: the release fell outside it and the click was
        # lost, the cashier clicking the tile a second time.
        if pressed_at is None:
            return False
        moved = event.globalPosition().toPoint() - pressed_at
        return moved.manhattanLength() < QApplication.startDragDistance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.reward.id)
            event.accept()
            return
        super().keyPressEvent(event)
