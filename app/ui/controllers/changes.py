"""One signal for "what the till holds may have changed": this process's own changes (the queue,
connectivity) and another process's commits to the same database (a ``stamps-pos cancel`` while
the window is open, heard through ``till.changes``), coalesced so a burst re-reads once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.services import Till

#: A burst of changes (a drain, an import) is read once, this long after its first change.
COALESCE_MS = 150


class TillChanges(QObject):
    """``changed()`` after the till or another process changed the database."""

    changed = Signal()

    def __init__(self, till: Till, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.changed)
        self._unsubscribe = till.subscribe(self.poke)
        till.changes.subscribe(self.poke)
        till.changes.start()

    def poke(self) -> None:
        """Something changed: tell the views soon (once for a burst)."""
        if not self._timer.isActive():
            self._timer.start()

    def close(self) -> None:
        """Stop listening (the window is closing; the till stops its watch when it closes)."""
        self._timer.stop()
        self._unsubscribe()
        self.till.changes.unsubscribe(self.poke)
