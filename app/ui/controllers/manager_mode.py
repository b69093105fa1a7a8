"""Entering and leaving manager mode in the window: the sign-in dialog (F8, the Manager menu, or a
decision that needs a manager), the page with its banner, and the end after two minutes unused.

Every key, click or touch while a manager is in counts as their use (``till.manager.touch()``);
a timer notices when manager mode ended by itself and puts back the page it replaced, and the
manager's forms it was given (:meth:`ManagerModeController.own`) close with it. Whatever the
window shows, every manager action still asks ``till.manager`` first (``require()``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.core.services import Manager, Role, Secret, StaffRefused
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import spawn
from app.ui.controllers.watcher import INPUT_EVENTS, InputWatcher
from app.ui.main_window import CashierWindowView
from app.ui.manager.sign_in_dialog import ManagerSignInDialog
from app.ui.wording import words

CHECK_MS = 1000
_PRESENCE = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class ManagerModeController(InputWatcher):
    """Manager mode for one window. ``entered(name)``, ``left(reason)`` and
    ``sign_in_refused(reason)``; ``dialog`` is the sign-in dialog while it is open."""

    entered = Signal(str)
    left = Signal(str)
    sign_in_refused = Signal(str)

    def __init__(self, view: CashierWindowView, session: CashierSession) -> None:
        super().__init__(view, self.check_idle, interval_ms=CHECK_MS)
        self.view = view
        self.session = session
        self.till = session.till
        self.dialog: ManagerSignInDialog | None = None
        self._asked: asyncio.Future[bool] | None = None
        self._previous: QWidget = view.sign_in
        #: Why manager mode is being left, while it is.
        self._leaving: str | None = None
        # The manager's forms open now: they close when manager mode ends.
        self._owned: list[QDialog] = []
        # Other controllers' forms, which close themselves as manager mode is left (a decision):
        # whether one is open, asked as it ends.
        self._forms_elsewhere: list[Callable[[], bool]] = []
        #: Says a form was closed when manager mode ended by itself, until it is closed.
        self.form_closed_notice: QMessageBox | None = None
        view.manager_requested.connect(self.open)
        view.leave_manager_requested.connect(self.leave)
        # Manager mode's page is built when first wanted; its own "Leave" is heard from then.
        view.manager_built.connect(lambda: view.manager.leave_requested.connect(self.leave))
        view.sign_in.manager_requested.connect(self.open)
        self.till.manager.add_listener(self._mode_changed)

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        super().close()
        self.till.manager.remove_listener(self._mode_changed)

    @property
    def manager(self) -> Manager | None:
        """The manager in manager mode, or ``None``."""
        return self.till.manager.current

    # -- entering ----------------------------------------------------------------------------

    def open(self) -> None:
        """F8 or Manager → Manager mode: sign a manager in, then show manager mode's page."""
        spawn(self.ensure(), name="manager mode")

    async def ensure(self, why: str = "") -> bool:
        """A manager in manager mode, asked for if there is none (``why`` says what for);
        whether there is one now. Manager mode's page shows once one is in."""
        if self.manager is not None:
            self._show(self.manager)
            return True
        if self._asked is not None and not self._asked.done():
            return await asyncio.shield(self._asked)
        managers = await self.till.staff.names(Role.MANAGER)
        self._asked = asyncio.get_running_loop().create_future()
        dialog = ManagerSignInDialog(managers, why, self.view)
        dialog.sign_in_requested.connect(
            lambda name, pin: spawn(self._try(name, Secret(pin)), name="manager sign-in")
        )
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return await asyncio.shield(self._asked)

    async def sign_in(
        self, name: str, pin: Secret, *, asked_in: ManagerSignInDialog | None = None
    ) -> Manager | None:
        """Enter manager mode as ``name``; ``None`` (with ``sign_in_refused``) when refused, or
        when ``asked_in``, the sign-in the PIN was typed in, closed while it was checked."""
        try:
            manager = await self.till.manager.enter(name, pin)
        except StaffRefused as exc:
            reason = words(exc.said)
            if self.dialog is not None:
                self.dialog.show_refusal(reason)
            self.sign_in_refused.emit(reason)
            return None
        if asked_in is not None and self.dialog is not asked_in:
            # Closed (Cancel, the till locking) before the PIN was taken: the manager has gone,
            # and manager mode with them. Its page came up anyway, over the lock too, and stayed
            # open for the next F8 without a PIN.
            await self.till.manager.leave("left")
            return None
        self._show(manager)
        return manager

    async def _try(self, name: str, pin: Secret) -> None:
        manager = await self.sign_in(name, pin, asked_in=self.dialog)
        del pin
        if manager is None:
            return
        if self._asked is not None and not self._asked.done():
            self._asked.set_result(True)
        if self.dialog is not None:
            self.dialog.accept()

    def _dialog_finished(self, _result: int) -> None:
        if self._asked is not None and not self._asked.done():
            self._asked.set_result(self.manager is not None)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _show(self, manager: Manager) -> None:
        current = self.view.pages.currentWidget()
        if current is not None and not self.view.is_showing_manager():
            self._previous = current
        idle_minutes = max(1, int(self.till.manager.idle_limit // 60))
        self.view.manager.set_manager(manager.name, idle_minutes)
        # Every manager action checks for a manager first: one already in keeps the keyboard
        # where it is (the button pressed gets it back when its dialog closes), not the tabs.
        if not self.view.is_showing_manager():
            # A manager entering: the page as nobody left it (the last one's tab and filters
            # were still up, a customer's name in the Member filter among them).
            self.view.manager.start_afresh()
            self.view.show_manager()
        self.entered.emit(manager.name)

    def own(self, dialog: QDialog) -> None:
        """``dialog`` is the manager's (an account's form, the settings, where an export goes):
        it closes when manager mode ends, if still open, rather than stay over the page that
        comes back for whoever is at the till next."""
        self._owned.append(dialog)
        dialog.finished.connect(lambda _result: self._disown(dialog))
        dialog.destroyed.connect(lambda _obj: self._disown(dialog))

    def watch_form(self, open_now: Callable[[], bool]) -> None:
        """``open_now()`` says whether a manager's form that another controller closes when
        manager mode ends (a decision being typed) is open: one open as manager mode ends by
        itself is said in the box, as a form of its own would be."""
        self._forms_elsewhere.append(open_now)

    def _disown(self, dialog: QDialog) -> None:
        if dialog in self._owned:
            self._owned.remove(dialog)

    # -- leaving -----------------------------------------------------------------------------

    def leave(self) -> None:
        """ "Leave manager mode": the manager leaves; the page manager mode replaced comes back."""
        spawn(self._leave("left"), name="leave manager mode")

    async def _leave(self, reason: str) -> None:
        if self._leaving is not None:
            return
        self._leaving = reason
        try:
            await self.till.manager.leave(reason)
        finally:
            self._leaving = None
        self._put_back(reason)

    def check_idle(self) -> bool:
        """Whether manager mode ended by itself (unused for its idle time); it is then left and
        audited as idle, and the page it replaced comes back."""
        if not self.view.is_showing_manager() or self.manager is not None:
            return False
        spawn(self._leave("idle"), name="manager mode idle")
        return True

    def _mode_changed(self, manager: Manager | None) -> None:
        if manager is None:
            interrupted = bool(self._owned) or any(open_now() for open_now in self._forms_elsewhere)
            for dialog in list(self._owned):
                dialog.reject()  # as its "Go back" would: nothing of it is saved
            self._put_back(self._leaving or "left", interrupted=interrupted)

    def _put_back(self, reason: str, *, interrupted: bool = False) -> None:
        if self.view.is_showing_manager():
            self.view.show_page(self._previous)
            if reason == "idle":
                minutes = max(1, int(self.till.manager.idle_limit // 60))
                said = self.tr("Manager mode ended after {minutes} minutes unused.").format(
                    minutes=minutes
                )
                self.view.status.show_note(said, 10_000)
                if interrupted:
                    self._say_form_closed(said)
            self.left.emit(reason)

    def _say_form_closed(self, said: str) -> None:
        """A form was open when manager mode ended by itself: said in a box to close, which
        takes the keys typed next. The manager back at the till went on typing the new PIN they
        had begun into the cashier's page, where it landed in the member search and the invoice
        number, to be sent with the next redemption."""
        box = QMessageBox(self.view)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Manager mode ended"))
        box.setText(said)
        box.setInformativeText(
            self.tr("The form that was open is closed, and nothing typed in it was saved.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(box.deleteLater)
        box.finished.connect(lambda _result: setattr(self, "form_closed_notice", None))
        self.form_closed_notice = box
        box.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, INPUT_EVENTS)
            and event.type() in _PRESENCE
            and self.till.manager.current is not None
        ):
            self.till.manager.touch()
        return False
