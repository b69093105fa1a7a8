"""The kiosk over a till on the session's live sandbox (or a sandbox whose network can be cut),
shown, with a manager account to leave it by. Plain ``def`` tests on the ``qasync_loop`` fixture:
the controllers' tasks run while ``qtbot.waitSignal`` / ``waitUntil`` process events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.core.credentials import Secret
from app.core.services.till import Till
from app.ui.controllers import tasks
from app.ui.kiosk.boot import KioskStart
from app.ui.kiosk.view import KioskWindowView
from app.ui.kiosk.window import KioskWindow
from app.ui.widgets.scanner_filter import ScannerFilter

from ...support.gates import ScriptedClock
from ..controllers.conftest import WAIT_MS, no_retry_meanwhile, open_running_till, run_async

__all__ = ["WAIT_MS", "no_retry_meanwhile", "open_running_till", "run_async"]

MANAGER, MANAGER_PIN = "Wayan", "246810"
AYU_CARD, BUDI_CARD = "70140000000006", "70140000000123"
AYU, BUDI = "customer@stamps.co.id", "budi.santoso@contoh.co.id"
AYU_ID = 6  # the sandbox's id of her


@pytest.fixture
def open_kiosk_till(qtbot: QtBot, open_running_till: Callable[..., Till]) -> Callable[..., Till]:
    """``open_kiosk_till(settings, **till)``: a till on ``settings`` with the kiosk's channel and
    manager Wayan (PIN 246810), for a kiosk to open over; ``till`` goes to
    ``open_running_till`` (``options``, ``token``)."""

    def open_till(settings: Settings, **till_args: Any) -> Till:
        till = open_running_till(settings.model_copy(update={"channel": 3}), **till_args)
        run_async(qtbot, till.staff.add_first_manager(MANAGER, Secret(MANAGER_PIN)))
        return till

    return open_till


@pytest.fixture
def make_kiosk(qtbot: QtBot, open_kiosk_till: Callable[..., Till]) -> Callable[..., KioskWindow]:
    """``make_kiosk(settings, size=(1080, 1920), **till)``: the kiosk over a till on
    ``settings`` (:func:`open_kiosk_till`'s), shown at ``size``."""

    def make(
        settings: Settings, size: tuple[int, int] = (1080, 1920), **till_args: Any
    ) -> KioskWindow:
        till = open_kiosk_till(settings, **till_args)
        view = KioskWindowView(["en", "id"])
        kiosk = KioskWindow(view, till)

        def before_close(_view: object) -> None:
            qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
            kiosk.close()
            view.allow_close()

        qtbot.addWidget(view, before_close_func=before_close)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        return kiosk

    return make


@pytest.fixture
def kiosk(make_kiosk: Callable[..., KioskWindow], till_settings: Settings) -> KioskWindow:
    """The kiosk over a till on the reset sandbox."""
    return make_kiosk(till_settings)


def visible_words(widget: QWidget) -> str:
    """Every text the kiosk shows now, joined: what a passer-by could read."""
    from app.ui.kiosk.view import KioskWindowView as _View

    assert isinstance(widget, _View)
    page = widget.current_page()
    QApplication.processEvents()
    found = []
    for child in [page, *page.findChildren(QWidget)]:
        if child.isVisibleTo(widget):
            text = getattr(child, "text", None)
            if callable(text):
                found.append(str(text()))
    return " ".join(found)


@pytest.fixture
def clock() -> ScriptedClock:
    return ScriptedClock()


@pytest.fixture
def start_kiosk(qtbot: QtBot, clock: ScriptedClock) -> Callable[[ScannerFilter], KioskStart]:
    """``start_kiosk(scanner)``: the kiosk's window from its first frame, its till not open yet,
    reading cards through ``scanner`` (on ``clock``); the scanner filter installed before the
    controllers' (the lock's) filters, as ``run_kiosk`` does."""

    def start_with(scanner: ScannerFilter) -> KioskStart:
        view = KioskWindowView(["en", "id"])
        start = KioskStart(view, scanner, clock_ms=clock)

        def before_close(_view: object) -> None:
            qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT_MS)
            if start.kiosk is not None:
                start.kiosk.close()
            start.scanner.remove()  # before the window that owns it goes
            view.allow_close()

        qtbot.addWidget(view, before_close_func=before_close)
        view.resize(1080, 1920)
        view.show()
        qtbot.waitExposed(view)
        return start

    return start_with


@pytest.fixture
def starting(
    clock: ScriptedClock, start_kiosk: Callable[[ScannerFilter], KioskStart]
) -> KioskStart:
    """:func:`start_kiosk`'s kiosk with the scanner filter's defaults."""
    return start_kiosk(ScannerFilter(clock_ms=clock))


@pytest.fixture
def open_starting(
    starting: KioskStart, open_kiosk_till: Callable[..., Till], till_settings: Settings
) -> Callable[[], KioskWindow]:
    """``open_starting()``: open ``starting``'s till on the reset sandbox now (a test types
    first, at the kiosk still starting); returns the kiosk."""
    return lambda: starting.open(open_kiosk_till(till_settings))


@pytest.fixture
def started(starting: KioskStart, open_starting: Callable[[], KioskWindow]) -> KioskWindow:
    """``starting``'s kiosk once its till has opened, its window the active one (where the
    keyboard, and so the scanner, types)."""
    kiosk = open_starting()
    starting.view.activateWindow()
    return kiosk


#: The key presses a scanner may end a code with: Enter, or a line feed as X delivers it (Ctrl+J,
#: or the Linefeed key, Qt's key 0x0a), typing "\n" either way.
TERMINATOR_KEYS = {
    "Return": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"),
    "Tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "\t"),
    "ctrl+j": (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, "\n"),
    "Linefeed": (Qt.Key(0x0A), Qt.KeyboardModifier.NoModifier, "\n"),
}


def type_keys(
    qtbot: QtBot, clock: ScriptedClock, text: str, gap_ms: float, *, end: str = "Return"
) -> None:
    """``text`` then ``end`` (one of :data:`TERMINATOR_KEYS`), a key every ``gap_ms``, where
    the keyboard is (as X delivers it)."""
    for char in text:
        clock.advance(gap_ms)
        qtbot.keyClick(_keyboard(), char)
    clock.advance(gap_ms)
    key, modifiers, typed = TERMINATOR_KEYS[end]
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(_keyboard(), QKeyEvent(kind, key, modifiers, typed))


def _keyboard() -> QWidget:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    return target
