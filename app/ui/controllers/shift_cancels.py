"""The shift's list follows a manager's cancel: a row cancelled from manager mode (or by
``stamps-pos cancel`` in another process) reads "Cancel pending", then "Cancelled" or "Cancel
refused: …", as the history does."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from app.core.services import EntryStatus, HistoryFilter, HistoryRow, Till, Verdict
from app.ui.controllers.changes import TillChanges
from app.ui.controllers.manager_words import standing_kind
from app.ui.controllers.tasks import LatestOnly
from app.ui.main_window import CashierWindowView
from app.ui.wording import words

#: A redemption voided before it was sent stands cancelled with no cancel of its own.
_VOIDED = frozenset({EntryStatus.VOIDED})


class ShiftCancels(QObject):
    """Re-reads the shift's rows' cancels whenever the database changes; ``followed()`` after.

    ``undone(HistoryRow)`` when a row's redemption stands undone now (the server confirmed its
    cancel, or it was voided before it was sent): what the cashier's page still shows of it (the
    result panel, the member's balance) is no longer true."""

    followed = Signal()
    undone = Signal(object)

    def __init__(self, view: CashierWindowView, till: Till, changes: TillChanges) -> None:
        super().__init__(view)
        self.view = view
        self.till = till
        self._reading = LatestOnly("shift cancels")
        changes.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Read the cancels of the rows listed."""
        if self.view.redemptions_model.rows():
            self._reading.start(self.follow())

    async def follow(self) -> None:
        """Bring each listed row's cancel standing up to date.

        Only the rows a cancel may have moved are read in full: those a manager asked to cancel
        and those voided. Read whole at every change (several a customer), the shift's list
        cost more with each customer served: by the afternoon, every change read hundreds of
        entries with their attempts, for the cancel of none."""
        model = self.view.redemptions_model
        # (a customer turned away at the counter has no entry, and nothing to cancel)
        ids = frozenset(row.entry_id for row in model.rows() if isinstance(row.entry_id, str))
        if not ids:
            self.followed.emit()
            return
        history = self.till.history
        cancelled = await history.cancels(ids)
        voided = await history.rows(HistoryFilter(entry_ids=ids, statuses=_VOIDED, limit=len(ids)))
        found = list(voided)
        if cancelled:
            found += await history.rows(
                HistoryFilter(entry_ids=frozenset(cancelled), limit=len(cancelled))
            )
        for row in found:
            if row.cancel is None and row.verdict is not Verdict.CANCELLED:
                continue
            number = model.find(row.entry_id)
            if number is None:
                continue
            shown = model.row_data(number)
            text = words(row.standing)
            kind = standing_kind(row)
            if (shown.cancel_text, shown.cancel_kind) != (text, kind):
                model.upsert(dataclasses.replace(shown, cancel_text=text, cancel_kind=kind))
                if _undone(row):
                    self.undone.emit(row)
        self.followed.emit()


def _undone(row: HistoryRow) -> bool:
    """Whether nothing of ``row``'s redemption stands now: voided before it was sent, or its
    cancel confirmed by the server."""
    if row.verdict is Verdict.CANCELLED:
        return True
    return row.cancel is not None and row.cancel.status is EntryStatus.SYNCED
