"""The kiosk, put together: the view full screen and frameless, its controllers, the till they
share, and the process around them (one kiosk per data folder; it may share the cashier's, so
the cashier's till sees its entries: docs/kiosk.md)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.core.services import ScanFormats
from app.ui.cashier import freeze_long_lived_objects, single_instance
from app.ui.kiosk.languages import available_languages
from app.ui.kiosk.view import KioskWindowView
from app.ui.widgets.held_scan import HeldScan, monotonic_ms
from app.ui.widgets.scanner_filter import ScannerFilter

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

    from app.core.services import Secret, Till, TillConfig, TokenSource
    from app.ui.demo import DemoControls
    from app.ui.kiosk.window import KioskWindow
    from app.ui.options import StaffSeed

#: The kiosk's own lock in the data folder (the cashier's window holds ``gui.lock``).
KIOSK_LOCK = "kiosk.lock"

log = logging.getLogger(__name__)


def kiosk_view() -> KioskWindowView:
    """The kiosk's window, frameless and full screen once shown."""
    view = KioskWindowView(available_languages())
    # The whole screen even where no window manager honours "full screen" (a bare X session).
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        view.setGeometry(screen.geometry())
    view.setWindowState(Qt.WindowState.WindowFullScreen)
    return view


def kiosk_scanner(
    prefix: str, pace_ms: int, terminator: str, formats: ScanFormats | None = None
) -> ScannerFilter:
    """The scanner filter as the till's settings describe its scanner (``scanner_prefix``,
    ``scanner_pace_ms``, ``scanner_terminator``) and the shop's codes (``card_prefixes`` and
    the rest, read into ``formats``), as the cashier's window sets its own."""
    scanner = ScannerFilter(prefix=prefix, scan_pace_ms=pace_ms)
    scanner.set_terminators(terminator)
    scanner.scans_end_at_a_pause = True  # no field on the kiosk waits for an Enter
    if formats is not None:
        # Where timing splits a card (a key let go late, a stall on a loaded till), the
        # formats tell whether it was one: the welcome read "R24000006" as a card too.
        known = formats
        scanner.names_a_code = lambda text: known.kind_of(text) is not None
        scanner.may_become_a_code = known.may_begin_a_code
    return scanner


def listen_for_a_second_kiosk(data_dir: Path, view: QWidget) -> QLocalServer:
    """A kiosk started again on ``data_dir`` brings this one's window to the front and exits
    (``front.py``); the socket is closed (its file removed) at shutdown."""
    from app.ui.kiosk.front import FrontDoor

    door = FrontDoor(data_dir, view)
    if not door.listening:
        log.warning("a second kiosk started on %s cannot bring this one to the front", data_dir)
    return door


def demo_panel(view: KioskWindowView, controls: DemoControls) -> QWidget:
    """The demo's panel of faults, shown in the kiosk's top-right corner, in a strip the kiosk
    leaves it across its top (folded or opened)."""
    from app.ui.kiosk.demo_panel import KioskDemoPanel

    panel = KioskDemoPanel(controls)
    # The kiosk's own window to a window manager (transient for it), so it stays above the
    # kiosk: Openbox stacks a focused full-screen window over every window that is only
    # "above", and the panel, folded or opened, was hidden under the kiosk (seen under Xvfb).
    panel.winId()
    handle, kiosk = panel.windowHandle(), view.windowHandle()
    if handle is not None and kiosk is not None:
        handle.setTransientParent(kiosk)
    panel.place(view.geometry())
    view.leave_room_above(panel.room_above())
    # Folded, opened, or in the language a customer picked: the strip as tall as it is now.
    panel.placed.connect(lambda: view.leave_room_above(panel.room_above()))
    panel.show()
    panel.raise_()
    return panel


class KioskStart:
    """The kiosk from its first frame until its till is open: the welcome screen says it is
    starting and offers nothing, and the scanner filter already listens, holding the last card
    scanned meanwhile. :meth:`open` wires the flow and serves that card if it is fresh
    (:data:`~app.ui.widgets.held_scan.HOLD_MS`), else asks for it again: nothing the customer
    did is lost without a word. Qt only: made before the first frame."""

    def __init__(
        self,
        view: KioskWindowView,
        scanner: ScannerFilter,
        *,
        formats: ScanFormats | None = None,
        clock_ms: Callable[[], float] = monotonic_ms,
    ) -> None:
        self.view = view
        self.scanner = scanner
        self.formats = formats
        self.kiosk: KioskWindow | None = None
        view.welcome.set_starting(True)
        self.held = HeldScan.listening(view, scanner, clock_ms=clock_ms)

    def open(self, till: Till) -> KioskWindow:
        """The kiosk's controllers over ``till``; the welcome screen invites a scan again."""
        from app.ui.kiosk.window import KioskWindow

        self.kiosk = kiosk = KioskWindow(
            self.view, till, scanner=self.scanner, formats=self.formats
        )
        self.view.welcome.set_starting(False)
        self.held.hand_over(kiosk.flow.scanned, stale=kiosk.flow.scan_again)
        return kiosk


def run_kiosk(
    config: TillConfig,
    token: Secret,
    *,
    token_source: TokenSource | None = None,
    language: str | None = None,
    seed: StaffSeed | None = None,
    scanner_prefix: str = "",
    scanner_pace_ms: int = 32,
    scanner_terminator: str = "either",
    scan_formats: ScanFormats | None = None,
    on_ready: Callable[[KioskWindow], None] | None = None,
    support_bundle: Callable[[], Path] | None = None,
    demo: DemoControls | None = None,
) -> int:
    """Run the kiosk until a manager leaves it, SIGTERM or Ctrl-C; returns the exit code. Raises
    :class:`~app.ui.cashier.SecondInstance` when another kiosk holds the data folder. ``seed``
    plants the demo's manager on a database without one; ``demo`` (the demo's sandbox) puts
    the demo's panel of faults beside the kiosk (``demo_panel.py``)."""
    from app.ui.app import run

    stack = contextlib.AsyncExitStack()
    parts: dict[str, KioskWindow] = {}
    starts: list[KioskStart] = []
    panels: list[QWidget] = []
    doors: list[QLocalServer] = []

    def window_factory() -> QWidget:
        # The scanner listens from the first frame: a customer scans the moment the screen
        # lights up, long before the till is open.
        scanner = kiosk_scanner(scanner_prefix, scanner_pace_ms, scanner_terminator, scan_formats)
        starts.append(KioskStart(kiosk_view(), scanner, formats=scan_formats))
        return starts[0].view

    async def startup(window: QWidget) -> None:
        from app.core.services import Role, RuntimeOptions, open_till

        assert isinstance(window, KioskWindowView)
        # After the first frame, which waits for no module it can do without (QtNetwork).
        doors.append(listen_for_a_second_kiosk(config.data_dir, window))
        if demo is not None:
            panels.append(demo_panel(window, demo))
        runtime = RuntimeOptions(
            start_worker=True,
            token_source=token_source,
            check_at_start=True,
            heartbeat=config.heartbeat,
            upkeep=True,
            hear_other_processes=True,
        )
        till = await stack.enter_async_context(open_till(config, token, runtime))
        if seed is not None and not await till.staff.has_manager():
            await till.staff.add_first_manager(seed.manager, seed.manager_pin)
        if not await till.staff.names(Role.MANAGER):
            log.warning(
                "no manager account on this till: nobody can leave kiosk mode from the screen "
                "(stamps-pos manager add NAME)"
            )
        parts["kiosk"] = starts[0].open(till)
        freeze_long_lived_objects()
        if on_ready is not None:
            on_ready(parts["kiosk"])

    async def shutdown() -> None:
        while doors:
            doors.pop().close()
        while panels:
            panels.pop().close()
        if "kiosk" in parts:
            parts.pop("kiosk").close()
        if starts:
            starts.pop().scanner.remove()
        await stack.aclose()

    with single_instance(config.data_dir, KIOSK_LOCK):
        return run(
            window_factory,
            startup=startup,
            shutdown=shutdown,
            support_bundle=support_bundle,
            language=language,
        )
