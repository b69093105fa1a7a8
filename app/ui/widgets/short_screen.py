"""The window's pages on a screen smaller than they need: a page scrolls, the window does not
grow past the screen.

Windows at a desktop scale of 125% or 150% gives Qt a 1366×768 screen as 1093×614 or 911×512,
and a 1024×768 one as 819×614. Each page has a smallest size of its own (the cashier's member
column: the search, the card and the invoice; the shift summary's table); laid straight into
the window, the largest of them was the window's smallest (998×583), and a banner coming made
the window taller than the screen, its status bar below the edge. Here the window's smallest
size is the sync row's and the banners', the page shown keeps its own, and what does not fit is
scrolled to; the keyboard's widget is always brought into sight (:class:`FocusInSight`). On a
screen with room for the page nothing scrolls and nothing moves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QStyle, QWidget

from app.ui.widgets.focus_in_sight import FocusInSight


class PageStack(QStackedWidget):
    """A stack of pages that needs what the page shown needs, not what the largest page would
    (the manager's 876 px wide page made the cashier's page scroll at 819 px)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return QSize(0, 0)
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def least_height(self, width: int) -> int:
        """The least height the page shown needs at ``width`` pixels: its words wrapped as they
        must be at that width. Its smallest size alone counts each wrapping label as one line,
        and on a short screen the offline card's "Projected" line, the shift summary's
        outcomes and the damaged database's explanation were cut at their foot."""
        page = self.currentWidget()
        if page is None:
            return 0
        smallest = self.minimumSizeHint().height()
        least = smallest
        layout = page.layout()
        if layout is None:
            return least
        if layout.hasHeightForWidth():
            least = max(least, layout.totalMinimumHeightForWidth(width))
        # A part laid in the page with an alignment (the summary's and the damaged database's
        # cards, centred) hides its words' heights from the page's layout: ask it, at the
        # width it has, what it needs over its own smallest height.
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None or not item.alignment():
                continue
            part = item.widget()
            inner = part.layout() if part is not None else None
            if part is None or part.isHidden() or inner is None or not inner.hasHeightForWidth():
                continue
            own = part.minimumSizeHint().expandedTo(part.minimumSize()).height()
            over = inner.totalMinimumHeightForWidth(part.width()) - own
            least = max(least, smallest + over)
        return least


class PagesThatScroll(QScrollArea):
    """Shows ``pages`` (a :class:`PageStack`) as large as the area, and no smaller than the page
    shown needs; a scroll bar takes its room only where it needs more. No frame, no focus and
    no background of its own: on a screen with room, the pages look as they did without it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagesThatScroll")
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Sized here, not by QScrollArea's resizable mode: that one makes a page whose words
        # wrap as tall as it would like to be (the reward grid's every row), not as tall as the
        # window is, and a 1366×768 till scrolled.
        self.setWidgetResizable(False)
        # The pages' widgets take the keyboard, not the area around them (Tab stopped on it).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The window's own grey shows through, as it did with the pages straight in the window.
        self.viewport().setAutoFillBackground(False)
        self.pages = PageStack()
        self.setWidget(self.pages)
        self.pages.setAutoFillBackground(False)  # setWidget turned it on
        self.pages.currentChanged.connect(self._fit)
        self._lent: Callable[[], int] = lambda: 0
        FocusInSight(self)

    def lend_height(self, lent: Callable[[], int]) -> None:
        """``lent()`` is the height a passing line under the area takes from it now (the sync
        bar's note on a line of its own): the page shown keeps the height it had without it,
        its foot under that line while it lasts, so nothing on it moves as the line comes and
        goes. The summary's "Close shift", 26 px higher while "Not written: …" was said, came
        back down under a click aimed at it as the note went."""
        self._lent = lent
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        # While a window is torn down, Qt still sends its pages' last events here after the
        # Python side of this area has lost its attributes (seen once in CI: "no attribute
        # 'pages'" on a QHideEvent, an error in the event loop at teardown).
        pages = self.__dict__.get("pages")
        if pages is not None and watched is pages and event.type() == QEvent.Type.LayoutRequest:
            # What the page shown needs has changed (new words, a member's card): it is laid
            # out with them first, then given its size.
            layout = self.pages.layout()
            if layout is not None:
                layout.activate()
            self._fit()
        return handled

    def _fit(self) -> None:
        room = self.maximumViewportSize()
        least_width = self.pages.minimumSizeHint().width()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        # A scroll bar across the foot takes height; one down the side takes width, and the
        # page's words wrap on more lines in what is left.
        height = room.height() - (0 if least_width <= room.width() else bar)
        width = max(room.width(), least_width)
        if self.pages.least_height(width) > height:
            width = max(room.width() - bar, least_width)
            if width > room.width() - bar:
                height = room.height() - bar
        least = self.pages.least_height(width)
        lent = self._lent() if least <= height else 0
        # A page that fits keeps its foot under the lent line without a scroll bar coming for
        # those pixels (it would narrow the page, and move it sideways); the wheel and the
        # keyboard (FocusInSight) still reach it. A page that scrolls already keeps its height.
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if lent else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if policy != self.verticalScrollBarPolicy():  # set again, Qt lays the area out again
            self.setVerticalScrollBarPolicy(policy)
        size = QSize(width, max(height + lent, least))
        if size != self.pages.size():
            self.pages.resize(size)


class WordsPane(QWidget):
    """A pane of wrapping words beside another (the exceptions' reason beside their list, in a
    splitter) that asks for the height its words need at the width it has. A splitter asks its
    panes only for their smallest size, which counts each wrapping label as one line: on a short
    screen the Indonesian reason (four lines at 1093×590) was cut at its foot and the buttons
    under it went below the page, where nothing scrolled to them. Asking for it, the page is
    that much taller and :class:`PagesThatScroll` scrolls to it."""

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth() or self.width() <= 0:
            return least
        return QSize(
            least.width(), max(least.height(), layout.totalMinimumHeightForWidth(self.width()))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # Narrower, its words take more lines: the splitter, and the page, ask again.
            self.updateGeometry()


class WordsInPlace(WordsPane):
    """Wrapping words on a tab's page (a line over End of day's tables, the reasons beside a
    filter's "Show"), as tall as they need at the width they have, with no height for each
    width to tell. Told one, a tab widget asks each of its pages for the height it would like
    at that width (not the least it needs): End of day's line on refusals at the counter made
    every tab of manager mode 995 px tall in a 674 px window, and it scrolled at 1366×768."""

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        # As tall as its words at the width it has: a wrapping label would like a shape of its
        # own (307×76 for one line's words), which made the row beside "Show" 76 px tall.
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height())


class _WordsToScroll(QWidget):
    """The words in a :class:`WordsThatScroll`: as tall, for the scroll area, as they need at
    least at a width (their preferred height counted a box of evidence's liking, 190 px, and
    the words scrolled at 1366×768 with room to spare)."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)


class WordsThatScroll(QScrollArea):
    """A pane's words that scroll by themselves where the screen is too short for them, so the
    buttons under them stay in sight (the exceptions' pane at 1024×600: the second line of its
    buttons was cut at the page's foot). Where there is room it asks for its words' whole
    height at the width it has, and looks as the words alone would: no frame, the page's
    colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        #: Where the words go: a layout set on it holds them.
        self.words = _WordsToScroll()
        self.setWidget(self.words)
        self.viewport().setAutoFillBackground(False)
        self.words.setAutoFillBackground(False)  # setWidget turned it on
        # The keyboard goes to what is in it (the evidence), brought into sight, not to the area.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        FocusInSight(self)

    def sizeHint(self) -> QSize:
        words = self.widget()
        layout = words.layout() if words is not None else None
        hint = super().sizeHint()
        if layout is None or self.width() <= 0:
            return hint
        return QSize(hint.width(), layout.totalHeightForWidth(self.viewport().width()))

    def minimumSizeHint(self) -> QSize:
        # A line or two of words, and the scroll bar beside them: never more of the page.
        return QSize(super().minimumSizeHint().width(), 2 * self.fontMetrics().lineSpacing())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # its words take more lines narrower: it asks again
