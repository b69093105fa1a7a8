"""The cashier's window, put together: the view, its controllers, the till they share, and the
process around them (one instance per data folder, the till opened and closed with the loop)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from app.ui.main_window import CashierWindowView
from app.ui.widgets.scanner_filter import ScannerFilter

if TYPE_CHECKING:
    from app.core.services import Secret, TillConfig, TokenSource
    from app.ui.cashier_window import CashierWindow
    from app.ui.demo import DemoControls

LOCK_NAME = "gui.lock"
CASHIERS_FILE = "cashiers.txt"


def cashier_names(folder: Path) -> list[str] | None:
    """The store's cashiers, one name a line, from ``cashiers.txt`` in ``folder`` (if any)."""
    path = folder / CASHIERS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return names or None


class SecondInstance(Exception):
    """Another window already runs on this data folder."""


@contextlib.contextmanager
def single_instance(data_dir: Path) -> Iterator[None]:
    """Hold the GUI's lock in ``data_dir`` for the block; raise :class:`SecondInstance` if
    another process holds it. A lock left by a crashed process is taken over."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        raise SecondInstance(
            f"another Stamps POS window is already open on {data_dir}; use that one"
        )
    try:
        yield
    finally:
        lock.unlock()


def freeze_long_lived_objects() -> None:
    """Everything built at start-up lives for the whole shift: move it out of the collector's
    reach. Its full passes walked it all and took ~55 ms on the GUI thread mid-drain (make bench),
    a visible stall; frozen, a few milliseconds."""
    gc.collect()
    gc.freeze()


def run_cashier(
    config: TillConfig,
    token: Secret,
    *,
    token_source: TokenSource | None = None,
    cashiers: list[str] | None = None,
    demo: DemoControls | None = None,
    on_ready: Callable[[CashierWindow], None] | None = None,
    support_bundle: Callable[[], Path] | None = None,
    language: str | None = None,
) -> int:
    """Run the cashier window until it closes, Ctrl-C or SIGTERM; returns the exit code. Raises
    :class:`SecondInstance` when another window holds the data folder. ``token_source`` re-reads
    the API token where it is kept (a manager may set a new one while the window runs);
    ``support_bundle`` is offered by the crash dialog; ``language`` is the ``language`` setting."""
    from app.ui.app import run

    stack = contextlib.AsyncExitStack()
    parts: dict[str, CashierWindow] = {}
    scanner = ScannerFilter()

    def window_factory() -> QWidget:
        return CashierWindowView()

    async def startup(window: QWidget) -> None:
        # The till's layers load here, after the window is on screen: importing them first
        # kept the cashier looking at nothing for a second (make bench).
        from app.core.services import RuntimeOptions, open_till
        from app.ui.cashier_window import CashierWindow

        assert isinstance(window, CashierWindowView)
        options = RuntimeOptions(start_worker=True, token_source=token_source)
        till = await stack.enter_async_context(open_till(config, token, options))
        scanner.setParent(window)
        scanner.install()
        parts["window"] = CashierWindow(window, till, cashiers=cashiers, scanner=scanner, demo=demo)
        freeze_long_lived_objects()
        if on_ready is not None:
            on_ready(parts["window"])

    async def shutdown() -> None:
        if "window" in parts:
            parts.pop("window").close()
            scanner.remove()
        # The worker stops, then the client and the database close (open_till's own order).
        await stack.aclose()

    with single_instance(config.data_dir):
        return run(
            window_factory,
            startup=startup,
            shutdown=shutdown,
            support_bundle=support_bundle,
            language=language,
        )
