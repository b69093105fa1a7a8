"""Manager mode's page: a banner that says who is in manager mode (and that it ends by itself),
and the manager's tabs. It replaces the cashier's page while a manager is in; leaving brings the
page that was there before back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import shortcuts
from app.ui.manager.audit import AuditView
from app.ui.manager.day import DayView
from app.ui.manager.exceptions import ExceptionsView
from app.ui.manager.history import HistoryView
from app.ui.manager.people import PeopleView
from app.ui.widgets.enter_presses import press_focused_button


class ManagerPageView(QWidget):
    """The banner (``leave_requested``, ``settings_requested``) over the tabs: ``history``,
    ``exceptions``, ``audit``, ``day`` and ``people``."""

    leave_requested = Signal()
    settings_requested = Signal()

    HISTORY, EXCEPTIONS, AUDIT, DAY, PEOPLE = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerPage")
        self.banner = QFrame()
        self.banner.setObjectName("managerBanner")
        self.who = QLabel()
        self.who.setObjectName("managerWho")
        self.who.setWordWrap(True)
        self.ends = QLabel()
        self.ends.setObjectName("managerEnds")
        self.ends.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setObjectName("managerSettings")
        self.settings_button.clicked.connect(self.settings_requested)
        self.leave_button = QPushButton(self.tr("Leave manager mode"))
        self.leave_button.setObjectName("managerLeave")
        self.leave_button.clicked.connect(self.leave_requested)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.who)
        words.addWidget(self.ends)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(14, 8, 14, 8)
        banner.addLayout(words, 1)
        banner.addWidget(self.settings_button)
        banner.addWidget(self.leave_button)

        self.history = HistoryView()
        self.exceptions = ExceptionsView()
        self.audit = AuditView()
        self.day = DayView()
        self.people = PeopleView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("managerTabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.exceptions, self.tr("Exceptions"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.addTab(self.day, self.tr("End of day"))
        self.tabs.addTab(self.people, self.tr("People"))
        self._tab_pages: list[QWidget] = [
            self.history,
            self.exceptions,
            self.audit,
            self.day,
            self.people,
        ]
        self._own_heights = [page.sizePolicy().verticalPolicy() for page in self._tab_pages]
        self.tabs.currentChanged.connect(self._need_the_open_tab_only)
        self._need_the_open_tab_only()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        # The banner stands above the tabs, so Tab meets it first, then the tabs, then the open
        # tab's controls (docs/manager-mode.md, "The keyboard"). Said here rather than left to
        # the order things were built in: the tabs' pages join Qt's chain where they were made.
        QWidget.setTabOrder(self.settings_button, self.leave_button)
        QWidget.setTabOrder(self.leave_button, self.tabs)
        # Ctrl+Tab reached the tabs only from a control that let it by: a date field took it
        # for its year, month and day, a table and a list for themselves, and the banner is no
        # child of the tabs. A shortcut on the page is heard before any of them.
        # Ctrl+Shift+Tab is bound three ways (shortcuts.PREVIOUS_TAB), and when more than one
        # matches Qt calls it ambiguous and tells one of them, so that steps too.
        for keys, step in (
            (shortcuts.NEXT_TAB, 1),
            *((previous, -1) for previous in shortcuts.PREVIOUS_TAB),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step_tab(step))
            shortcut.activatedAmbiguously.connect(lambda step=step: self.step_tab(step))
        self.set_manager("", 2)

    def _need_the_open_tab_only(self) -> None:
        """The tabs as tall as the open tab needs, not the tallest: a tab widget's least height
        is its tallest page's, and on a scaled desktop (1093×614) History and the Audit log
        scrolled by the 87 px the tallest tab needed. A page's height given up for the
        others (Ignored) counts for nothing while it is not open; its width still does, so
        the page is as wide whichever tab is open."""
        for index, page in enumerate(self._tab_pages):
            policy = page.sizePolicy()
            policy.setVerticalPolicy(
                self._own_heights[index]
                if index == self.tabs.currentIndex()
                else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(policy)
        self.tabs.updateGeometry()

    def start_afresh(self) -> None:
        """The page as a manager entering finds it: on its first tab, History, with nothing of
        the last session's (a filter typed, a row picked, a refusal said). Each manager comes
        to the same place; the exceptions have their count in their tab's title and the
        status bar's button, which opens them (docs/manager-mode.md)."""
        self.tabs.setCurrentIndex(self.HISTORY)
        for view in (self.history, self.exceptions, self.audit, self.people):
            view.start_afresh()

    def step_tab(self, step: int) -> None:
        """Open the next tab (``step`` 1) or the one before (-1), round from the last to the
        first, the keyboard on its first control (docs/manager-mode.md): Qt's tabs gave it back
        to wherever it last was on that tab (a row of a table, the member field), and from the
        banner left it there."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        page = self.tabs.currentWidget()
        first = first_control(page) if page is not None else None
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_manager(self, name: str, idle_minutes: int) -> None:
        """Who is in manager mode, and after how long without use it ends."""
        self.who.setText(self.tr("Manager mode: {name}").format(name=name))
        self.ends.setText(
            self.tr("It ends on “Leave manager mode”, or after {minutes} minutes unused.").format(
                minutes=idle_minutes
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Tab to an exception's "Send again…" and Enter did nothing. A filter's Enter shows its
        # list before it gets here.
        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def set_exception_count(self, count: int) -> None:
        """The number of exceptions, in their tab's title."""
        text = (
            self.tr("Exceptions ({count})").format(count=count) if count else self.tr("Exceptions")
        )
        self.tabs.setTabText(self.EXCEPTIONS, text)


def first_control(page: QWidget) -> QWidget | None:
    """The control of ``page`` that Tab reaches first from the tabs: the first in the focus
    chain that takes Tab, shown and enabled, and takes the keyboard itself (no proxy)."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusProxy() is None
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None
