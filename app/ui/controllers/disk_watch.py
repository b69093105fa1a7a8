"""The till's one look at its disk (``Till.disk``) on a window's timer: the cashier's window
and the kiosk each keep one, and each reacts in its own way (the banner and greyed tabs, the
kiosk's pause) to what it hears."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.services import DISK_LOOK_EVERY_S, StorageProblem, Till
from app.ui.controllers.tasks import spawn


class DiskWatcher(QObject):
    """Looks at the disk every few seconds (and when asked: :meth:`look`). ``changed(problem)``
    when the disk refuses a write or takes one again, whoever found it: this look, a
    redemption's write, the kiosk's look before a lookup."""

    changed = Signal(object)

    def __init__(self, parent: QObject, till: Till) -> None:
        super().__init__(parent)
        self.till = till
        self._timer = QTimer(self)
        self._timer.setInterval(round(DISK_LOOK_EVERY_S * 1000))
        self._timer.timeout.connect(self.look)
        self._unwatch = till.watch_storage(self._heard)
        self._timer.start()

    def _heard(self, problem: StorageProblem | None) -> None:
        self.changed.emit(problem)

    def look(self) -> None:
        """Ask the disk now (a look under way is joined, not doubled)."""
        spawn(self.till.disk.look(), name="disk look")

    def close(self) -> None:
        """Stop looking and listening (the window is closing)."""
        self._timer.stop()
        self._unwatch()
