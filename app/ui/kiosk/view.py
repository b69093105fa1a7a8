"""The kiosk's window: frameless, full screen, one screen at a time. It lays out and refuses to be
closed; the controllers decide what it shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from app.ui.kiosk.manager_page import KioskManagerPage
from app.ui.kiosk.offer_page import KioskConfirmPage, KioskRewardsPage
from app.ui.kiosk.pages import (
    KioskNoticePage,
    KioskPage,
    KioskPhonePage,
    KioskPinPage,
    KioskWelcomePage,
    KioskWorkingPage,
    density,
)
from app.ui.kiosk.result_page import KioskResultPage
from app.ui.resources import style_sheet


class KioskWindowView(QWidget):
    """Every kiosk screen in one stack. A close request (the window manager's close, Alt+F4) is
    refused unless :meth:`allow_close` was called (a manager signed in and chose to leave), and
    a window minimised by a window manager comes back full screen;
    ``close_refused()`` fires each time one is. ``language_changed()`` after another language
    is installed, once the screens' words follow it."""

    close_refused = Signal()
    language_changed = Signal()

    def __init__(self, languages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowTitle("Stamps")
        self.setStyleSheet(style_sheet("kiosk"))
        self.welcome = KioskWelcomePage(languages)
        self.phone = KioskPhonePage()
        self.pin = KioskPinPage()
        self.working = KioskWorkingPage()
        self.rewards = KioskRewardsPage()
        self.confirm = KioskConfirmPage()
        self.result = KioskResultPage()
        self.notice = KioskNoticePage()
        self.manager = KioskManagerPage()
        self.pages = QStackedWidget()
        for page in self.all_pages():
            self.pages.addWidget(page)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The window is the screen's size, whatever its screens would like: they fit into it
        # (resizeEvent), it does not grow past the screen's edge for them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.pages)
        self._may_close = False
        self._fit(self.size())

    def leave_room_above(self, height: int) -> None:
        """Keep ``height`` pixels across the window's top empty, the screens under them (the
        demo's panel sits there: ``demo_panel.py``). The window, and the manager's corner in
        it, stay where they are."""
        if self._layout.contentsMargins().top() == height:
            return
        self._layout.setContentsMargins(0, height, 0, 0)
        self._fit(self.size())

    def all_pages(self) -> list[KioskPage]:
        """Every screen, welcome first."""
        return [
            self.welcome,
            self.phone,
            self.pin,
            self.working,
            self.rewards,
            self.confirm,
            self.result,
            self.notice,
            self.manager,
        ]

    def show_page(self, page: KioskPage) -> None:
        """Put ``page`` on screen."""
        self.pages.setCurrentWidget(page)

    def current_page(self) -> KioskPage:
        """The screen on show."""
        page = self.pages.currentWidget()
        assert isinstance(page, KioskPage)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size())
        super().resizeEvent(event)

    def _fit(self, window: QSize) -> None:
        # A short screen (1366×768) takes the kiosk's compact type and targets (kiosk.qss),
        # still above the touch floor; every screen sets its room around it to the size.
        size = window.shrunkBy(self._layout.contentsMargins())
        fitted = density(size)
        if self.property("density") != fitted:
            self.setProperty("density", fitted)
            self.setStyleSheet(style_sheet("kiosk"))  # the same sheet, polished again for it
        for page in self.all_pages():
            page.fit(size)

    # -- locked down -------------------------------------------------------------------------

    def allow_close(self) -> None:
        """Let the next close request through (a manager chose to leave kiosk mode)."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
            return
        event.ignore()
        self.close_refused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Nothing a keyboard sends reaches past the kiosk: no key is a shortcut here.
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for page in self.all_pages():
                page.retranslate()
            self.language_changed.emit()
        elif (
            event.type() == QEvent.Type.WindowStateChange
            and self.isMinimized()
            and not self._may_close
        ):
            # A window manager's own menu (Alt+Space under Openbox: Iconify) or keys minimise
            # past the kiosk's key lock, which never sees them: the next customer met a black
            # screen until someone restarted it (seen under Xvfb). Full screen again at once,
            # once the state change is done, unless a manager is leaving.
            QTimer.singleShot(0, self._back_full_screen)
        super().changeEvent(event)

    def _back_full_screen(self) -> None:
        if self._may_close or not self.isMinimized():
            return
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
