"""The cashier page's three columns on the counter screens the till meets: at 1366 px and wider
the member and result columns keep the widths the till was drawn for; narrower (1280×800,
1024×768) both give up width in proportion, so the middle keeps room for three tiles a row; and
when even that leaves the middle less than it needs for them, the page turns ``narrow``: the
middle shows two tiles a row and puts its buttons on lines of their own (see the widgets'
``set_narrow``), so nothing a cashier reads or presses is cut or pushed off the screen.

The window's minimum width is that of the narrowest arrangement, whatever is shown: a minimum
taken from the wide one (1285 px) kept the window wider than a 1024 px screen, cutting off the
result and the shift's status, which say whether to hand a reward over.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SideColumn(QWidget):
    """A column beside the middle one, as wide as :meth:`set_width` last said (its size hint),
    and no narrower than ``narrowest`` for the window's minimum, whatever it is set to now."""

    def __init__(self, widest: int, narrowest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._narrowest = narrowest
        self._width = widest
        self.setMaximumWidth(widest)

    def set_width(self, width: int) -> None:
        """Ask the page's layout for ``width`` pixels."""
        if width != self._width:
            self._width = width
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self._width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._narrowest, super().minimumSizeHint().height())


class CashierColumns(QObject):
    """Fits ``left``, ``middle`` and ``right`` to ``page``'s width each time it is resized, and
    says ``narrowed(True)`` when the middle goes below ``roomy`` pixels (``narrowed(False)``
    when it is back). ``gaps`` are the page's margins and spacings, in pixels."""

    narrowed = Signal(bool)

    def __init__(
        self,
        page: QWidget,
        left: SideColumn,
        middle: QWidget,
        right: SideColumn,
        *,
        narrowest_middle: int,
        roomy: int,
        gaps: int,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._sides = (left, right)
        self._roomy = roomy
        self._gaps = gaps
        self.is_narrow = False
        # The middle takes what the sides leave (its hint is ignored), down to the narrow
        # arrangement's width: its wide arrangement's own minimum must not widen the window.
        middle.setMinimumWidth(narrowest_middle)
        policy = middle.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        middle.setSizePolicy(policy)
        # Before the page's layout hears of the resize (event filters come first): the columns
        # are laid out once, at the widths they are given here.
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and isinstance(event, QResizeEvent):
            self.fit(event.size().width())
        return False

    def widths(self, page_width: int) -> tuple[int, int]:
        """The member and result columns' widths on a page ``page_width`` pixels wide."""
        left, right = self._sides
        widest = (left.maximumWidth(), right.maximumWidth())
        narrowest = (left.minimumSizeHint().width(), right.minimumSizeHint().width())
        room = page_width - self._gaps - self._roomy
        sides = min(sum(widest), max(sum(narrowest), room))
        # Each gives up width in proportion to what it can give.
        slack = (widest[0] - narrowest[0], widest[1] - narrowest[1])
        given_up = sum(widest) - sides
        left_width = widest[0] - round(given_up * slack[0] / sum(slack))
        return left_width, sides - left_width

    def fit(self, page_width: int) -> None:
        """Size the side columns for a page ``page_width`` pixels wide, and the middle's
        arrangement for what they leave it."""
        widths = self.widths(page_width)
        for column, width in zip(self._sides, widths, strict=True):
            column.set_width(width)
        narrow = page_width - self._gaps - sum(widths) < self._roomy
        if narrow != self.is_narrow:
            self.is_narrow = narrow
            self.narrowed.emit(narrow)
