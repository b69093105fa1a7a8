"""One reward in the picker's grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

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
        self.reward = reward
        self.setObjectName(f"rewardTile-{reward.id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(150, 176)

        picture = QLabel()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setPixmap(self._picture(reward.image_path))

        self.name_label = name = QLabel(reward.name)
        name.setObjectName("rewardName")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)

        one = reward.stamps_cost == 1
        if reward.flexible:
            cost_text = (
                self.tr("from {stamps} stamp") if one else self.tr("from {stamps} stamps")
            ).format(stamps=reward.stamps_cost)
        else:
            cost_text = (self.tr("{stamps} stamp") if one else self.tr("{stamps} stamps")).format(
                stamps=reward.stamps_cost
            )
        cost = QLabel(cost_text)
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

        self.reason_label = QLabel(reward.reason or "")
        self.reason_label.setObjectName("rewardReason")
        # Wrapped by two_line_text, not by word wrap: a word-wrapped label gives the grid a
        # height-for-width that QScrollArea underestimates, squeezing rows into each other.
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reason_label.setVisible(not reward.available and bool(reward.reason))
        layout.addWidget(self.reason_label)

        self.setEnabled(reward.available)
        tip = reward.name if reward.available else f"{reward.name} — {reward.reason or ''}"
        # Qt wraps a tooltip at spaces only: one long word of a name would hide the reason
        self.setToolTip(short_words(tip))
        self.setAccessibleName(short_words(tip))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.contentsRect().width() - 16
        self.name_label.setText(
            two_line_text(self.reward.name, self.name_label.fontMetrics(), width)
        )
        if self.reward.reason:
            reason_metrics = self.reason_label.fontMetrics()
            self.reason_label.setText(two_line_text(self.reward.reason, reason_metrics, width))

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

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.chosen.emit(self.reward.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.reward.id)
            event.accept()
            return
        super().keyPressEvent(event)
