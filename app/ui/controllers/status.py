"""The always-visible sync bar: connectivity, queue counts, the oldest queued entry's age, and
the alerts (queue paused for credentials, a lane that has not moved, and why: the network, or
a disk that refuses the writes a send needs first). While the queue is paused
the till checks the token it finds now, on a timer and on "Check again", so a token set by
another process (``stamps-pos token set``) lifts the pause without a restart."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.services import (
    ClockWarning,
    Connectivity,
    OutboxStatus,
    StorageFull,
    StorageProblem,
)
from app.ui.clock_words import clock_fact
from app.ui.controllers.session import CashierSession
from app.ui.controllers.tasks import spawn
from app.ui.main_window import CashierWindowView
from app.ui.viewmodels import Connectivity as ConnectivityText
from app.ui.viewmodels import PausedWhy, StatusData
from app.ui.widgets.status_bar import age_text
from app.ui.wording import words

#: A queued entry older than this means its lane is stuck (architecture §5: "a setting").
STALL_AFTER_S = 120.0
#: The age ticks every second without asking the database; a full re-read catches what another
#: process (a headless ``stamps-pos sync``) changed.
TICK_MS = 1000
REREAD_MS = 10_000
#: While paused for credentials, how often the till tries the token it finds.
RECHECK_MS = 30_000


class StatusController(QObject):
    """Keeps the :class:`SyncStatusBar` current. ``refreshed(StatusData)`` after each update;
    ``credentials_checked(str)`` with what a check of the token found; ``pause_lifted()`` when
    the queue, read paused, is read running again (the token works: here or elsewhere)."""

    refreshed = Signal(object)
    credentials_checked = Signal(str)
    pause_lifted = Signal()

    def __init__(
        self,
        view: CashierWindowView,
        session: CashierSession,
        *,
        stall_after_s: float = STALL_AFTER_S,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.session = session
        self.till = session.till
        self.stall_after_s = stall_after_s
        self._status: OutboxStatus | None = None
        self._read_at = 0.0
        self._reading = False
        self._again = False
        self._checking = False
        self._credentials_note = ""

        self._unsubscribe = self.till.subscribe(self.refresh)
        session.cashier_changed.connect(self._cashier_changed)
        view.status.check_again_requested.connect(self.check_credentials)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show)
        self._tick.start()
        self._reread = QTimer(self)
        self._reread.setInterval(REREAD_MS)
        self._reread.timeout.connect(self.refresh)
        self._reread.start()
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.recheck)
        self.refresh()

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        self._tick.stop()
        self._reread.stop()
        self._recheck.stop()
        self._unsubscribe()

    def check_credentials(self) -> None:
        """Try the token the till finds now, and say what was found under the pause ("Check
        again"); the pause lifts if the server takes it."""
        self._start_check(said=True)

    def recheck(self) -> None:
        """The till's own try of the token it finds now, on its timer while paused: said only
        by the pause lifting. Its answer under the banner would repeat the banner's own words
        ("still refuses… A manager must set the new token") every half minute, and "Checking…"
        between, for no one who asked."""
        self._start_check(said=False)

    def _start_check(self, *, said: bool) -> None:
        if self._checking:
            return
        self._checking = True
        spawn(self._check(said), name="check credentials")

    async def _check(self, said: bool) -> None:
        try:
            if said:
                self._credentials_note = self.tr("Checking…")
                self._show()
            outcome = await self.till.line.resume_after_credentials_change()
        finally:
            self._checking = False
        found = words(outcome) if outcome is not None else ""
        if said:
            self._credentials_note = found
        self.refresh()
        self.credentials_checked.emit(found)

    def refresh(self) -> None:
        """Re-read the queue's counts (coalesced: one read at a time, one more if asked)."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        spawn(self._read(), name="status")

    async def _read(self) -> None:
        lifted = False
        try:
            self._again = True
            while self._again:
                self._again = False
                status = await self.till.status()
                # Each read against the one before it, not the loop's last against its start: a
                # read that began before the pause was seen, and went round again after "Check
                # again" lifted it, saw paused, then running, and said nothing; the search kept
                # "the server refuses this till's API token" over a till that worked.
                if self._status is not None and self._status.paused and not status.paused:
                    lifted = True
                self._status, self._read_at = status, time.monotonic()
        finally:
            self._reading = False
        if lifted and not status.paused:
            self.pause_lifted.emit()
        # While paused, the till looks for a new token by itself; not otherwise.
        if status.paused and not self._recheck.isActive():
            self._recheck.start()
        elif not status.paused and self._recheck.isActive():
            # Lifted elsewhere (`stamps-pos token set` shares the database): take up the token
            # it set before the worker sends with the old one and pauses the queue again.
            self._recheck.stop()
            self._credentials_note = ""
            self.check_credentials()
        self._show()

    def data(self) -> StatusData:
        """What the bar shows now."""
        state = _connectivity(self.till.connectivity, self.till.connectivity_proven)
        status = self._status
        clock_alert = self._clock_words(self.till.clock_warning(status))
        if status is None:
            return StatusData(connectivity=state, clock_alert=clock_alert)
        age = status.oldest_queued_age
        if age is not None:
            age += time.monotonic() - self._read_at
        paused = self.till.line.why_paused(status) if status.paused else None
        stalled = None
        if age is not None and age > self.stall_after_s and not status.paused:
            stalled = self._stall_words(self.till.storage_problem).format(age=age_text(age))
        return StatusData(
            connectivity=state,
            # An entry whose lost answer is being sent again reads "NOT CONFIRMED" on its card:
            # the bar read "Queued 1 · Not confirmed 0" beside it. Each entry in one count.
            queued=status.waiting,
            not_confirmed=status.not_confirmed,
            # a cancel only the dashboard can make failed nothing the till could send again
            failed=status.rejected - status.dashboard_cancels,
            dashboard=status.dashboard_cancels,
            oldest_queued_age_s=age,
            paused_for_credentials=status.paused,
            stalled_lane_alert=stalled,
            credentials_note=self._credentials_note,
            paused_text=words(paused) if paused is not None else "",
            paused_why=_PAUSED_WHY.get(paused.id, "token") if paused is not None else "",
            clock_alert=clock_alert,
        )

    def _stall_words(self, problem: StorageProblem | None) -> str:
        """Why a redemption waits so long. On a disk that refuses writes the worker cannot claim
        an entry (a claim is written before its request leaves), so nothing moves whatever the
        network does: "Check the network" sent the cashier to a cable that was fine."""
        if isinstance(problem, StorageFull):
            return self.tr(
                "A redemption has waited {age} to sync: the disk is full, and the till sends "
                "nothing it cannot save first. Call a manager to free space."
            )
        if problem is not None:
            return self.tr(
                "A redemption has waited {age} to sync: the till cannot save to its disk, and "
                "sends nothing it cannot save first. Call a manager."
            )
        return self.tr(
            "A redemption has waited {age} to sync. Check the network, or call a manager."
        )

    def _clock_words(self, warning: ClockWarning | None) -> str:
        if warning is None:
            return ""
        return self.tr("{fact}: ask a manager to set the time.").format(fact=clock_fact(warning))

    def _show(self) -> None:
        data = self.data()
        self.view.status.set_status(data)
        self.refreshed.emit(data)

    def _cashier_changed(self, name: object) -> None:
        self.view.status.set_cashier(name if isinstance(name, str) else None)


#: The bar's few words of why the queue is paused, by the banner's message (any other: the token).
_PAUSED_WHY: dict[str, PausedWhy] = {
    "queue.paused.https": "https",
    "queue.paused.token_unusable": "token_unusable",
}


def _connectivity(state: Connectivity, proven: bool) -> ConnectivityText:
    if not proven:  # the start's belief, not yet an answer: the bar must not say "online"
        return "checking"
    words: dict[Connectivity, ConnectivityText] = {
        Connectivity.ONLINE: "online",
        Connectivity.DEGRADED: "degraded",
        Connectivity.OFFLINE: "offline",
    }
    return words[state]
