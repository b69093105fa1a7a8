"""A scroll area shows whatever inside it takes the keyboard, however the keyboard came.

Qt scrolls a ``QScrollArea`` to a child only when Tab moves between its own children. Shift+Tab
from a dialog's buttons into the last control of its scrolled part (the details' audit trail,
a setting at the foot of a group) put the keyboard out of sight, below the fold, and a manager
saw the focus nowhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class FocusInSight(QObject):
    """Scrolls ``area`` to each widget in it that takes the keyboard; lives as long as it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        body = self._area.widget()
        if now is not None and body is not None and body.isAncestorOf(now):
            self._area.ensureWidgetVisible(now)
