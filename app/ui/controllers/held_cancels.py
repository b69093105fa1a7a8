"""The cancels a manager made at this window that were still waiting when their first answer
was said: the status bar says how each ends, as it said the first answer. Held in the queue
while the network was down, a cancel went through minutes later and nothing said so; only the
shift's row, if it was on screen, changed.

A cancel another process queued on the same database (``stamps-pos cancel`` while the window
is open) is found on the till's change notices (``till.changes``, the database's
``data_version``) by its place in the queue, after where the queue stood when the window
opened: its end is said the same way, once, when it comes (at once when it had come already;
the command said its first answer to the manager who typed it, the window says nothing of it
before its end)."""

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
        # Cancels whose end was said: one of this window's may be found among the new ones
        # before its own note follows it, and its end must not be said twice.
        self._said: set[str] = set()
        # The queue's newest entry when last looked: a cancel after it is new (``None``: not
        # looked yet; what was queued before the window opened is not said).
        self._seen_up_to: int | None = None
        self._reading = LatestOnly("held cancels")
        changes.changed.connect(self.refresh)
        self.refresh()

    def follow(self, receipt: Receipt) -> None:
        """Say how the cancel of ``receipt`` ends (nothing if it has ended already)."""
        if receipt.status in _WAITING and receipt.entry_id not in self._said:
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
            self._said.add(receipt.entry_id)
        return True

    def refresh(self) -> None:
        """Read again the cancels still waiting, and look for new ones."""
        self._reading.start(self._read())

    async def _read(self) -> None:
        newest, found = await self.till.cancels_after(self._seen_up_to)
        # no await from here to the last of ``found``: a newer read never skips one of them
        self._seen_up_to = max(newest, self._seen_up_to or 0)
        for receipt in found:
            entry_id = receipt.entry_id
            if entry_id in self._waiting or entry_id in self._said:
                continue
            if receipt.status in _WAITING:
                self._waiting.add(entry_id)
            else:
                self._said.add(entry_id)
                self.settled.emit(receipt)
        for entry_id in sorted(self._waiting):
            receipt = await self.till.receipt(entry_id)
            if receipt.status not in _WAITING and entry_id in self._waiting:
                self._waiting.discard(entry_id)
                self._said.add(entry_id)
                self.settled.emit(receipt)
