"""A scroll area shows whatever inside it takes the keyboard, however the keyboard came.

Qt scrolls a ``QScrollArea`` to a child only when Tab moves between its own children. Shift+Tab
from a dialog's buttons into the last control of its scrolled part (the details' audit trail,
a setting at the foot of a group) put the keyboard out of sight, below the fold, and a manager
saw the focus nowhere.
"""

from __future__ import annotations

import contextlib
import weakref

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class FocusInSight(QObject):
    """Scrolls ``area`` to each widget in it that takes the keyboard; lives as long as it.

    The application's ``focusChanged`` goes to a plain function holding the area weakly, not to a
    method of this object: focus moves while a window is torn down, after this object's Python
    side is gone, and PySide then raised "Slot 'FocusInSight::' not found" in the event loop (a
    CI run, in the order its windows happened to close). The connection goes with the area."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        held = weakref.ref(area)

        def focus_changed(_old: QWidget | None, now: QWidget | None) -> None:
            area = held()
            if now is None or area is None or not shiboken6.isValid(area):
                return
            body = area.widget()
            if body is not None and body.isAncestorOf(now):
                area.ensureWidgetVisible(now)

        def forget() -> None:
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusChanged.disconnect(focus_changed)

        app.focusChanged.connect(focus_changed)
        area.destroyed.connect(forget)
