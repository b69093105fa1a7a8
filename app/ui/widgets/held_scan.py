"""A scan made while the till is still starting: heard from the first frame, held until the
window can act on it, and handed over then (docs/kiosk.md, "Starting").

The window is shown before the till is open (docs/performance.md, "Start-up"), and a customer
at a terminal that just restarted scans their card at once. Without a scanner filter listening
the scan's keys went to a window with nothing to take them, and the card was lost without a
word. Qt only, like the filter: it is made before the first frame, when nothing of the core is
loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.ui.widgets.scanner_filter import ScannerFilter

#: A held scan older than this when the till opens is not acted on. The kiosk starts in 1–2 s
#: (longer on a slow disk or with the connectivity check); a customer who scanned and sees
#: "starting" waits that long at the screen. Past five seconds they may have turned to the
#: counter or left, and the kiosk would show their first name and stamps to whoever stands
#: there now.
HOLD_MS = 5_000


def monotonic_ms() -> float:
    """The monotonic clock in milliseconds: what a held scan's age is read on."""
    return time.monotonic() * 1000.0


class HeldScan(QObject):
    """The last scan ``scanner`` read before :meth:`hand_over`, with when it was read.

    Only the last: a customer who scans again meanwhile is the same customer, or the one now in
    front of the screen. ``clock_ms`` stands in for the monotonic clock (tests script it).
    """

    def __init__(
        self,
        scanner: ScannerFilter,
        *,
        hold_ms: float = HOLD_MS,
        clock_ms: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(scanner)
        self.scanner = scanner
        self.hold_ms = hold_ms
        self._clock_ms = clock_ms
        self._scan: tuple[str, float] | None = None
        self._holding = True
        scanner.scanned.connect(self._hold)

    @classmethod
    def listening(
        cls,
        window: QWidget,
        scanner: ScannerFilter,
        *,
        clock_ms: Callable[[], float] = monotonic_ms,
    ) -> HeldScan:
        """``scanner`` installed for the whole application (owned by ``window``), its scans held
        from now until the window can act on them."""
        scanner.setParent(window)
        scanner.install()
        return cls(scanner, clock_ms=clock_ms)

    def held(self) -> str | None:
        """The scan held now, if any."""
        return self._scan[0] if self._scan is not None else None

    def hand_over(
        self, fresh: Callable[[str], None], stale: Callable[[str], None] | None = None
    ) -> None:
        """Stop holding: the scan held, if any, goes to ``fresh`` when it was read within
        ``hold_ms``, else to ``stale`` (say it was not read). Scans from now on are the
        scanner's listeners' alone."""
        if not self._holding:
            return
        self._holding = False
        self.scanner.scanned.disconnect(self._hold)
        scan, self._scan = self._scan, None
        if scan is None:
            return
        code, at = scan
        if self._clock_ms() - at <= self.hold_ms:
            fresh(code)
        elif stale is not None:
            stale(code)

    def _hold(self, code: str) -> None:
        self._scan = (code, self._clock_ms())
