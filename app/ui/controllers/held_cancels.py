"""The cancels a manager made at this window that were still waiting when their first answer
was said: the status bar says how each ends, as it said the first answer. Held in the queue
while the network was down, a cancel went through minutes later and nothing said so; only the
shift's row, if it was on screen, changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.services import EntryStatus, Receipt, Till
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.tasks import LatestOnly

#: Still on its way: not sent yet, or being sent.
_WAITING = (EntryStatus.QUEUED, EntryStatus.SENDING)


class HeldCancels(QObject):
    """Follows the cancels given to :meth:`follow` until each settles (confirmed, refused, not
    confirmed, voided); ``settled(Receipt)`` once for each, then it is forgotten."""

    settled = Signal(object)

    def __init__(self, till: Till, changes: TillChanges, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self._waiting: set[str] = set()
        self._reading = LatestOnly("held cancels")
        changes.changed.connect(self.refresh)

    def follow(self, receipt: Receipt) -> None:
        """Say how the cancel of ``receipt`` ends (nothing if it has ended already)."""
        if receipt.status in _WAITING:
            self._waiting.add(receipt.entry_id)

    def following(self, entry_id: str) -> bool:
        """Whether the cancel's end is still to be said."""
        return entry_id in self._waiting

    def told(self, receipt: Receipt) -> bool:
        """``receipt`` was said elsewhere: whether it was still to be said (it is forgotten if it
        has ended; a second note of the same end would read as a second cancel)."""
        if receipt.entry_id not in self._waiting:
            return False
        if receipt.status not in _WAITING:
            self._waiting.discard(receipt.entry_id)
        return True

    def refresh(self) -> None:
        """Read again the cancels still waiting."""
        if self._waiting:
            self._reading.start(self._read())

    async def _read(self) -> None:
        for entry_id in sorted(self._waiting):
            receipt = await self.till.receipt(entry_id)
            if receipt.status not in _WAITING and entry_id in self._waiting:
                self._waiting.discard(entry_id)
                self.settled.emit(receipt)
