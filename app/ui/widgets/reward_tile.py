"""One reward in the picker's grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.services import format_count
from app.ui.plain_text import amounts_whole, short_words
from app.ui.resources import icon
from app.ui.viewmodels import RewardCardData
from app.ui.widgets.whole_words_label import WholeWordsLabel

IMAGE_SIZE = 40
#: The tile's least size with its picture, and the room between its edge and its words.
TILE_WIDTH = 150
TILE_HEIGHT = 176
MARGIN = 8
#: A compact tile's (see :meth:`RewardTile.set_compact`): narrower too, as two a row fit
#: beside the grid's scroll bar in the middle column at 819 px (1024×768 at 125%).
COMPACT_WIDTH = 120
COMPACT_MARGIN = 4
#: The thickest border till.qss draws round a tile (the keyboard's, 5 px): a compact tile's
#: words keep their room under it.
THICKEST_BORDER = 5


def lines_at_spaces(text: str, metrics: QFontMetrics, width: int, most: int = 0) -> str:
    """``text`` broken at spaces into lines of ``width`` pixels, a word wider than that on a line
    of its own. Broken at spaces only: an amount's no-break space (``amounts_whole``) holds it to
    its currency. With ``most`` (a name, a reason), no more lines than that, the rest elided on
    the last, and from the first word too wide for a line: every tile keeps the same height
    whatever the reward is called. Without (a price), as many as it needs: a price is never
    shortened (its label draws a word still too wide in smaller type,
    app/ui/widgets/whole_words_label.py)."""
    lines: list[str] = []
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    if not most:
        return "\n".join(lines)
    kept: list[str] = []
    for line in lines[: most - 1]:
        if metrics.horizontalAdvance(line) > width:  # one very long word
            break
        kept.append(line)
    if rest := lines[len(kept) :]:
        kept.append(metrics.elidedText(" ".join(rest), Qt.TextElideMode.ElideRight, width))
    return "\n".join(kept)


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
        self.setMinimumSize(TILE_WIDTH, TILE_HEIGHT)
        self._compact = False
        self._pressed_at: QPoint | None = None  # on the screen

        self._picture_label = picture = QLabel()
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image_path: str | None = None

        self.name_label = name = QLabel()
        name.setObjectName("rewardName")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a price wider than the tile ("9.223.372.036.854.775.807 stamps") in smaller type, not cut
        self.cost_label = cost = WholeWordsLabel()
        cost.setObjectName("rewardCost")
        cost.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (name, cost):
            # Ignored width: the text is fitted in resizeEvent, so it must not set the tile's.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(2)
        layout.addWidget(picture)
        layout.addWidget(name)
        layout.addWidget(cost)

        self.reason_label = QLabel()
        self.reason_label.setObjectName("rewardReason")
        # Wrapped by lines_at_spaces, not by word wrap: a word-wrapped label gives the grid a
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
        self._cost_text = cost_text
        self.reason_label.setVisible(not reward.available and bool(reward.reason))
        self._fit_words()
        self.setEnabled(reward.available)
        tip = reward.name if reward.available else f"{reward.name} — {reward.reason or ''}"
        # Qt wraps a tooltip at spaces only: one long word of a name would hide the reason
        self.setToolTip(short_words(tip))
        self.setAccessibleName(short_words(tip))

    def set_compact(self, compact: bool) -> None:
        """On a short screen (a desktop scaled to 125%) the tile leaves out its picture and
        keeps the reason to two lines (whole in its tooltip), and may be narrower: the grid there
        is shorter than a tile with its picture, and every tile's cost was under the grid's
        foot, a scroll away. Its name and cost keep their type. Else the tile as the till was
        drawn."""
        if compact == self._compact:
            return
        self._compact = compact
        self._picture_label.setVisible(not compact)
        margin = COMPACT_MARGIN if compact else MARGIN
        self._layout.setContentsMargins(margin, margin, margin, margin)
        if compact:
            self.setMinimumSize(COMPACT_WIDTH, self._compact_height())
        else:
            self.setMinimumSize(TILE_WIDTH, TILE_HEIGHT)
        self._fit_words()

    def is_compact(self) -> bool:
        """Whether the tile is compact (:meth:`set_compact`)."""
        return self._compact

    def _compact_height(self) -> int:
        # Every tile as tall as the tallest words can make one (a name on two lines, the
        # reason's two: on one, "Perlu 500 stamp…" lost what the member has), under the
        # keyboard's border: tiles of one height read as a grid.
        for label in (self.name_label, self.cost_label, self.reason_label):
            label.ensurePolished()
        lines = (
            2 * self.name_label.fontMetrics().lineSpacing()
            + self.cost_label.fontMetrics().lineSpacing()
            + 2 * self.reason_label.fontMetrics().lineSpacing()
        )
        return lines + 2 * self._layout.spacing() + 2 * (COMPACT_MARGIN + THICKEST_BORDER)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        # The whole name until the tile is laid out; then at most two lines of its width.
        margin = COMPACT_MARGIN if self._compact else MARGIN
        width = self.contentsRect().width() - 2 * margin
        self.name_label.setText(
            lines_at_spaces(
                amounts_whole(self.reward.name), self.name_label.fontMetrics(), width, most=2
            )
        )
        cost = self.cost_label
        cost.setText(lines_at_spaces(self._cost_text, cost.style_metrics(), width))
        reason = self.reward.reason or ""
        metrics = self.reason_label.fontMetrics()
        fitted = lines_at_spaces(reason, metrics, width, most=2)
        self.reason_label.setText(fitted if reason else "")

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
