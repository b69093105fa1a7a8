"""The keyboard goes back to the window under a dialog when the dialog closes.

A window manager does this: it activates the dialog's parent as the dialog goes. A till or a
kiosk run on a bare X server has none, and X then gives the keyboard to nobody: a scanner and
the F-keys type into nothing until someone clicks the window, which a cashier does not know to
do and a kiosk's customer cannot. So the application does it itself, for every dialog.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    """The application's event filter that, once a dialog is hidden and no window has the
    keyboard, activates the window under it (the dialog still open beneath it, else its parent's
    window); Qt then gives focus back to the widget that had it there. Where a window manager
    has already activated a window, it does nothing."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.installEventFilter(self)

    @classmethod
    def install(cls, app: QApplication) -> FocusReturn:
        """The application's one ``FocusReturn``, made the first time."""
        existing = app.findChild(cls)
        return existing if existing is not None else cls(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: this filter sees every event of every object (watcher.py says why).
        if (
            isinstance(event, QHideEvent)
            and isinstance(watched, QDialog)
            and not event.spontaneous()
            and watched.isWindow()
        ):
            parent = watched.parentWidget()
            under = parent.window() if parent is not None else None
            # After the hide is done: Qt forgets the active window only once the event is sent.
            QTimer.singleShot(0, self, lambda: self._give_back(under))
        return False

    @staticmethod
    def _give_back(under: QWidget | None) -> None:
        if QApplication.activeWindow() is not None:
            return  # a window manager, or a dialog opened since, has the keyboard
        modal = QApplication.activeModalWidget()
        target = modal if modal is not None else under
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            return
        target.activateWindow()
