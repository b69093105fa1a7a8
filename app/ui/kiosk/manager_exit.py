"""The manager's way out: the corner held, a manager's name and PIN (manager mode's accounts,
lockout and audit), then leave kiosk mode or go back to it. Nothing else of the till (settings,
the cashier's or the manager's screens) runs in the kiosk: leaving is the way to them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.core.services import Role, Secret, StaffRefused, StorageProblem, Till
from app.ui.controllers.tasks import spawn
from app.ui.kiosk.flow import KioskFlow
from app.ui.kiosk.lockdown import KioskLock
from app.ui.kiosk.view import KioskWindowView
from app.ui.wording import words

#: The audit log's action for a manager leaving kiosk mode.
KIOSK_LEFT = "kiosk_left"

log = logging.getLogger(__name__)


class ManagerExit(QObject):
    """Opens the manager's page when the corner is held; ``left(manager)`` once a signed-in
    manager chose to leave kiosk mode (the window then closes)."""

    left = Signal(str)

    def __init__(self, view: KioskWindowView, till: Till, flow: KioskFlow, lock: KioskLock) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self.flow = flow
        page = view.manager
        lock.corner_held.connect(self.open)
        page.pin_entered.connect(lambda name, pin: spawn(self.sign_in(name, Secret(pin))))
        page.leave_requested.connect(lambda: spawn(self.leave_kiosk()))
        page.cancelled.connect(self.back_to_kiosk)
        # Each step is another screen where a finger lands: the second tap of a double tap on a
        # manager's name typed the PIN pad's key under it, and the PIN then typed was wrong.
        page.step_shown.connect(lambda: self.flow.page_shown.emit(page))
        flow.reset_done.connect(lambda: spawn(self._manager_leaves()))

    def open(self) -> None:
        """The corner was held: the customer's screen goes, the manager's page comes."""
        if self.flow.busy:
            return  # a redemption's answer is awaited: its result comes first
        self.flow.reset()
        spawn(self._ask_name(), name="kiosk manager names")

    async def _ask_name(self) -> None:
        names = await self.till.staff.names(Role.MANAGER)
        self.view.manager.ask_name(names)
        self.view.show_page(self.view.manager)
        self.flow.page_shown.emit(self.view.manager)

    async def sign_in(self, name: str, pin: Secret) -> None:
        """Check the manager's PIN (the lockout counts every wrong one)."""
        try:
            await self.till.manager.enter(name, pin)
        except StaffRefused as refused:
            self.view.manager.show_refusal(words(refused.said))
            return
        finally:
            del pin
        if self.view.current_page() is not self.view.manager:
            # "Back to the kiosk" (or the idle reset) came while the PIN was checked, and its
            # leaving found nobody in yet: manager mode stayed on at the unattended kiosk.
            await self.till.manager.leave("back to the kiosk")
            return
        self.view.manager.set_clock(self.till.clock_warning(await self.till.status()))
        self.view.manager.signed_in()

    async def leave_kiosk(self) -> None:
        """A manager chose to leave: audited, manager mode ends, the window closes."""
        manager = self.till.manager.current
        if manager is None:  # went idle meanwhile: start again
            await self._ask_name()
            return
        try:
            await self.till.staff.audit_action(manager.name, KIOSK_LEFT)
        except StorageProblem as refusal:
            # Out all the same, as manager mode's own leaving is: a kiosk on a full disk is
            # paused for every customer, and leaving is the manager's way to the till that
            # frees the space. "Leave kiosk mode" did nothing at all (seen under Xvfb).
            log.warning(
                "%s left kiosk mode; the audit log could not record it: %s", manager.name, refusal
            )
        await self.till.manager.leave("left kiosk mode")
        self.view.allow_close()
        self.left.emit(manager.name)
        self.view.close()

    def back_to_kiosk(self) -> None:
        """ "Back to the kiosk": manager mode ends as the manager chose, then welcome."""
        spawn(self._manager_leaves("back to the kiosk"))
        self.flow.reset()

    async def _manager_leaves(self, reason: str = "idle") -> None:
        # Any other reset with a manager in is the kiosk's idle seconds: they walked away, and
        # the audit log said they had pressed "Back to the kiosk".
        if self.till.manager.current is not None:
            await self.till.manager.leave(reason)
