"""Manager mode's exceptions and the status bar's badge: the rejected and unknown redemptions,
read again whenever the till or another process changes the database. The badge counts them
whoever is signed in; opening it asks for a manager."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from app.core.services import Till
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.manager_mode import ManagerModeController
from app.ui.controllers.manager_words import exception_data, exception_decisions
from app.ui.controllers.tasks import LatestOnly, spawn
from app.ui.main_window import CashierWindowView


class ExceptionsController(QObject):
    """``counted(int)`` after the badge is brought up to date; ``listed(list)`` after the list."""

    counted = Signal(int)
    listed = Signal(object)

    def __init__(
        self,
        view: CashierWindowView,
        till: Till,
        changes: TillChanges,
        mode: ManagerModeController,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.mode = mode
        self.count = 0
        # Every reading goes through these, manager mode's opening too: the newest wins. (Its
        # first reading, slow and outside them, came after the one a dismissal brought and
        # listed the dismissed exception again, to be decided twice.)
        self._counting = LatestOnly("exception count")
        self._listing = LatestOnly("exceptions")
        changes.changed.connect(self.refresh)
        view.status.exceptions_requested.connect(self.open)
        view.manager_built.connect(lambda: view.manager.set_exception_count(self.count))
        self.refresh()

    def refresh(self) -> None:
        """Count again (and list again while manager mode's page is up)."""
        self._counting.start(self.recount())
        if self.view.is_showing_manager():
            self._listing.start(self.load())

    async def read_again(self) -> None:
        """Count and list again, and return once both are read, or a newer reading took their
        place (manager mode's page coming up)."""
        await asyncio.wait({self._counting.start(self.recount()), self._listing.start(self.load())})

    async def recount(self) -> int:
        """Bring the badge up to date; the count."""
        self.count = await self.till.history.exception_count()
        self.view.status.set_exceptions(self.count)
        page = self.view.built_manager  # not built for a badge: it takes the count when it is
        if page is not None:
            page.set_exception_count(self.count)
        self.counted.emit(self.count)
        return self.count

    async def load(self) -> None:
        """Read and show the exceptions."""
        found = await self.till.history.exceptions()
        config = self.till.config
        # the evidence names this store by the code the sign-in page shows, not its id
        codes = {config.store: config.store_code} if config.store_code else {}
        items = [
            exception_data(
                item, exception_decisions(item.row), base_url=config.base_url, store_codes=codes
            )
            for item in found
        ]
        self.view.manager.exceptions.set_items(items)
        self.listed.emit(items)

    def open(self) -> None:
        """The badge: manager mode, on the exceptions."""
        spawn(self._open(), name="exceptions")

    async def _open(self) -> None:
        if await self.mode.ensure(self.tr("A manager decides on the exceptions.")):
            from app.ui.manager.page import ManagerPageView

            self.view.manager.tabs.setCurrentIndex(ManagerPageView.EXCEPTIONS)
            await asyncio.wait({self._listing.start(self.load())})
