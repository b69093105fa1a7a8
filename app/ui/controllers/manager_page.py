"""Manager mode's page's own controllers, made with the page: the first time manager mode
opens, not at the window's start (docs/performance.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.ui.controllers.audit import AuditController
from app.ui.controllers.day import DayController
from app.ui.controllers.history import HistoryController
from app.ui.controllers.people import PeopleController
from app.ui.controllers.settings import SettingsController

if TYPE_CHECKING:
    from app.ui.cashier_window import CashierWindow


class ManagerPage(QObject):
    """The controllers of manager mode's page (its history, audit, day and people tabs, its
    settings), made when the page is: the first time manager mode opens, not at the start."""

    def __init__(self, window: CashierWindow) -> None:
        super().__init__(window)
        view, till, changes, options = window.view, window.till, window.changes, window.options
        self.history = HistoryController(view, till, changes)
        self.audit = AuditController(view, till, changes, window.mode)
        self.day = DayController(view, till, changes, window.mode)
        self.people = PeopleController(view, till, window.mode, window.shift, changes)
        self.settings = SettingsController(
            view,
            till,
            window.mode,
            settings=options.settings,
            file=options.settings_file,
            token_folder=options.token_folder,
            token_source=options.token_source,
            lock=window.lock,
            scanner=window.scanner,
        )
        self.settings.saved.connect(lambda _changed: window.formats_changed(self.settings.settings))
