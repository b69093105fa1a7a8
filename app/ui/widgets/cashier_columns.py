"""The cashier page's three columns on the counter screens the till meets: at 1366 px and wider
the member and result columns keep the widths the till was drawn for; narrower (1280×800,
1024×768) both give up width in proportion, so the middle keeps room for three tiles a row; and
when even that leaves the middle less than it needs for them, the page turns ``narrow``: the
middle shows two tiles a row and puts its buttons on lines of their own (see the widgets'
``set_narrow``), so nothing a cashier reads or presses is cut or pushed off the screen.

Narrower still (1024×768 at a desktop scale of 125% is 819 px to Qt), the middle keeps its two
tiles a row and the side columns give on, down to their ``tightest``: the page turns ``tight``,
and the member's stamps and the result's banner words take a smaller type (``set_tight``), so
the three columns still fit side by side, none cut off at the screen's right edge.

The window's minimum width is that of the tightest arrangement, whatever is shown: a minimum
taken from the wide one (1285 px) kept the window wider than a 1024 px screen, cutting off the
result and the shift's status, which say whether to hand a reward over.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class SideColumn(QWidget):
    """A column beside the middle one, as wide as :meth:`set_width` last said (its size hint):
    ``widest`` on a roomy page, ``narrowest`` on a narrow one, and no narrower than
    ``tightest`` for the window's minimum, whatever it is set to now."""

    def __init__(
        self, widest: int, narrowest: int, tightest: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.widest = widest
        self.narrowest = narrowest
        self._tightest = tightest
        self._width = widest
        self.setMaximumWidth(widest)

    def set_width(self, width: int) -> bool:
        """Ask the page's layout for ``width`` pixels; whether that is a change."""
        if width == self._width:
            return False
        self._width = width
        # No wider either: what the page has over goes to the middle.
        self.setMaximumWidth(width)
        self.updateGeometry()
        return True

    def sizeHint(self) -> QSize:
        return QSize(self._width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._tightest, super().minimumSizeHint().height())


class CashierColumns(QObject):
    """Fits ``left``, ``middle`` and ``right`` to ``page``'s width each time it is resized, and
    says ``narrowed(True)`` when the middle goes below ``roomy`` pixels (``narrowed(False)``
    when it is back), and ``tightened(True)`` when the side columns go below their narrowest
    to leave the middle ``narrowest_middle`` pixels. ``gaps`` are the page's margins and
    spacings, in pixels."""

    narrowed = Signal(bool)
    tightened = Signal(bool)

    def __init__(
        self,
        page: QWidget,
        left: SideColumn,
        middle: QWidget,
        right: SideColumn,
        *,
        narrowest_middle: int,
        tightest_middle: int,
        roomy: int,
        gaps: int,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._sides = (left, right)
        self._narrowest_middle = narrowest_middle
        self._roomy = roomy
        self._gaps = gaps
        self.is_narrow = False
        self.is_tight = False
        # The middle takes what the sides leave (its hint is ignored), down to the tight
        # arrangement's width: its wide arrangement's own minimum must not widen the window.
        middle.setMinimumWidth(tightest_middle)
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
        widest = (left.widest, right.widest)
        narrowest = (left.narrowest, right.narrowest)
        tightest = (left.minimumSizeHint().width(), right.minimumSizeHint().width())
        room = page_width - self._gaps - self._roomy
        sides = min(sum(widest), max(sum(narrowest), room))
        # Past the narrow arrangement's middle, the sides give on down to their tightest.
        sides = min(sides, max(sum(tightest), page_width - self._gaps - self._narrowest_middle))
        # Each gives up width in proportion to what it can give: first down to its narrowest,
        # then the rest down to its tightest.
        upper, lower = (widest, narrowest) if sides >= sum(narrowest) else (narrowest, tightest)
        slack = (upper[0] - lower[0], upper[1] - lower[1])
        given_up = sum(upper) - sides
        left_width = upper[0] - round(given_up * slack[0] / sum(slack))
        return left_width, sides - left_width

    def fit(self, page_width: int) -> None:
        """Size the side columns for a page ``page_width`` pixels wide, and the middle's
        arrangement for what they leave it."""
        widths = self.widths(page_width)
        changed = [
            column.set_width(width) for column, width in zip(self._sides, widths, strict=True)
        ]
        layout = self._page.layout()
        if any(changed) and layout is not None:
            # Laid out at once at these widths: left to the request the new widths post, the
            # page kept the columns where its last layout put them (seen at 1024 px: the sides
            # as wide as at 1366, the middle at its least, the vouchers' heading cut).
            layout.invalidate()
            layout.activate()
        narrow = page_width - self._gaps - sum(widths) < self._roomy
        if narrow != self.is_narrow:
            self.is_narrow = narrow
            self.narrowed.emit(narrow)
        tight = sum(widths) < sum(side.narrowest for side in self._sides)
        if tight != self.is_tight:
            self.is_tight = tight
            self.tightened.emit(tight)
