"""The till locks itself: after ``idle_lock_minutes`` without a key, a click or a touch, the
cashier's page (or the shift's summary) gives way to the sign-in page, the customer on screen is
cleared, the window's dialogs close, and the shift carries on when the cashier signs in again
(docs/manager-mode.md; a setting, 0 for never). A member's PIN pad and a redemption awaiting its
answer hold it off.

Idle time is the till's clock (``clock.monotonic``), so a test moves it instead of waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDialog

from app.core.services import clock
from app.ui.controllers.member import MemberController
from app.ui.controllers.redemption import RedemptionController
from app.ui.controllers.session import CashierSession
from app.ui.controllers.watcher import INPUT_EVENTS, InputWatcher
from app.ui.main_window import CashierWindowView

#: What counts as someone at the till.
_PRESENCE = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_MS = 1000


class IdleLock(InputWatcher):
    """Locks the cashier's page or the shift's summary after ``minutes`` idle;
    ``locked(cashier)`` when it does."""

    locked = Signal(str)

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        member: MemberController,
        redemption: RedemptionController,
        minutes: int,
    ) -> None:
        super().__init__(view, self.check, interval_ms=CHECK_MS)
        self.view = view
        self.session = session
        self.member = member
        self.redemption = redemption
        self.minutes = minutes
        self._last = clock.monotonic()

    def set_minutes(self, minutes: int) -> None:
        """A manager changed the setting: from now on, lock after ``minutes`` (0: never)."""
        self.minutes = minutes
        self.touch()

    def touch(self) -> None:
        """Someone is at the till: the idle time starts again."""
        self._last = clock.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, INPUT_EVENTS) and event.type() in _PRESENCE:
            self._last = clock.monotonic()
        return False

    def check(self) -> bool:
        """Lock if the shift's page has sat idle long enough; whether it locked."""
        if not self.minutes or self.session.cashier is None:
            return False
        if not self.view.is_showing_shift():
            # The cashier's page and the shift's summary (its members' names) lock; the
            # sign-in page is the lock, and manager mode ends by itself.
            return False
        if self._seeing_through():
            return False  # a customer is being served, whatever the keys say
        if clock.monotonic() - self._last < self.minutes * 60:
            return False
        self.lock()
        return True

    def _seeing_through(self) -> bool:
        """Whether the till is in the middle of something it must finish with the customer: a
        PIN being checked, a redemption awaiting its answer. A PIN pad nobody has touched for
        the idle time is not (a customer typing touches the till): it closes with the lock, its
        digits wiped, where it stayed open for ever over an unlocked shift, the digits typed
        waiting for anyone to finish them as a guess at the member's PIN."""
        dialog = self.redemption.pin_dialog
        if dialog is not None:
            return dialog.pad.busy()
        return self.redemption.busy

    def lock_asked(self) -> None:
        """Shift → Lock the till (F12): lock now, as the idle time would, from the cashier's
        page or the shift's summary. Not while the till sees a customer through (a PIN being
        checked, a redemption awaiting its answer): the status bar says why."""
        if self.session.cashier is None or not self.view.is_showing_shift():
            return  # the sign-in page is the lock; manager mode is left on its own
        if self._seeing_through():
            self.view.status.show_note(
                self.tr("Not locked: the till is finishing this customer's redemption.")
            )
            return
        self.lock(idle=False)

    def lock(self, *, idle: bool = True) -> None:
        """Lock now: the sign-in page, the customer and the window's dialogs gone from the
        screen, the shift kept. ``idle``: it sat idle, rather than a cashier locking it."""
        cashier = self.session.cashier
        if cashier is None:
            return
        self._close_dialogs()
        self.member.clear()
        self.view.sign_in.set_locked(cashier, idle=idle)
        self.view.show_sign_in()
        self.locked.emit(cashier)

    def _close_dialogs(self) -> None:
        """Close what the window has open, as its Close or Esc would: left up, it would stay
        over the sign-in page for the next person at the counter (an entry's details, a retry
        following its answer, a kiosk redemption, a voucher's question, F8's sign-in, the help,
        where the shift's CSV was to be saved). Nothing is lost: a retry sent goes on in the
        outbox, its answer in the history. The crash report stays: a lock must not hide that the
        till failed."""
        from app.ui.dialogs.error_dialog import ErrorDialog  # the crash path's, loaded with it

        shown = [dialog for dialog in self.view.findChildren(QDialog) if dialog.isVisible()]
        for dialog in reversed(shown):  # one opened over another closes first
            if not isinstance(dialog, ErrorDialog):
                dialog.reject()
