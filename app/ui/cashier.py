"""The cashier's window, put together: the view, its controllers, the till they share, and the
process around them (one instance per data folder, the till opened and closed with the loop)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QWidget

from app.ui.main_window import CashierWindowView
from app.ui.options import WindowOptions
from app.ui.widgets.scanner_filter import ScannerFilter

if TYPE_CHECKING:
    from app.core.services import DatabaseDamaged, Secret, Till, TillConfig, TokenSource
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
def single_instance(data_dir: Path, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold the GUI's lock ``name`` in ``data_dir`` for the block; raise :class:`SecondInstance`
    if another process holds it. A lock left by a crashed process is taken over. (The kiosk
    holds a lock of its own: it may share the cashier's data folder.)"""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / name))
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
    options: WindowOptions | None = None,
    language: str | None = None,
) -> int:
    """Run the cashier window until it closes, Ctrl-C or SIGTERM; returns the exit code. Raises
    :class:`SecondInstance` when another window holds the data folder. ``token_source`` re-reads
    the API token where it is kept (a manager may set a new one while the window runs);
    ``support_bundle`` is offered by the crash dialog; ``options`` say how the window runs
    (the first manager's setup, the idle lock, the scanner, the settings it may change);
    ``language`` is the ``language`` setting."""
    from app.ui.app import run

    # The settings dialog's "Check" tries the token in use when none is typed: the one kept
    # where it lives, else (the demo) the one the till was started with.
    options = dataclasses.replace(
        options or WindowOptions(), token_source=token_source or (lambda: token)
    )
    stack = contextlib.AsyncExitStack()
    parts: dict[str, CashierWindow] = {}
    scanner = ScannerFilter(prefix=options.scanner_prefix, scan_pace_ms=options.scanner_pace_ms)
    scanner.set_terminators(options.scanner_terminator)

    def window_factory() -> QWidget:
        return CashierWindowView()

    async def startup(window: QWidget) -> None:
        # The till's layers load here, after the window is on screen: importing them first
        # kept the cashier looking at nothing for a second (make bench).
        from app.core.services import DatabaseDamaged, RuntimeOptions, open_till
        from app.ui.cashier_window import CashierWindow

        assert isinstance(window, CashierWindowView)
        runtime = RuntimeOptions(start_worker=True, token_source=token_source)
        try:
            till = await stack.enter_async_context(open_till(config, token, runtime))
        except DatabaseDamaged as damage:
            if not options.ask_about_damage:
                raise  # refused as the command line refuses it (or replaced, when asked to)
            till = await _after_damage(window, damage, lambda: open_till(config, token, runtime))
        scanner.setParent(window)
        scanner.install()
        parts["window"] = CashierWindow(
            window, till, cashiers=cashiers, scanner=scanner, demo=demo, options=options
        )
        if aside:
            window.status.show_note(aside[0], 30_000)
        freeze_long_lived_objects()
        if on_ready is not None:
            on_ready(parts["window"])

    async def shutdown() -> None:
        if "window" in parts:
            parts.pop("window").close()
            scanner.remove()
        # The worker stops, then the client and the database close (open_till's own order).
        await stack.aclose()

    aside: list[str] = []

    async def _after_damage(
        window: CashierWindowView,
        damage: DatabaseDamaged,
        reopen: Callable[[], contextlib.AbstractAsyncContextManager[Till]],
    ) -> Till:
        """A manager decides; only then is the damaged file set aside and a new one started,
        whose first manager is the person who decided."""
        from app.core.services import set_aside
        from app.ui.controllers.damaged import DamagedDatabaseController

        decision = await DamagedDatabaseController(window).decide(damage)
        if decision is None:
            raise damage  # closed without a decision: the file stays as it was
        kept = await asyncio.to_thread(set_aside, damage.path)
        logging.getLogger(__name__).warning(
            "%s set the damaged database aside as %s (%d readable entries)",
            decision.manager,
            kept.path,
            len(kept.unsettled),
        )
        till = await stack.enter_async_context(reopen())
        await till.staff.add_first_manager(decision.manager, decision.pin)
        aside.append(
            QCoreApplication.translate(
                "DamagedDatabaseController",
                "The damaged database was kept as {path}. Add its entries back with: "
                "stamps-pos outbox import {path} --manager NAME",
            ).format(path=kept.path)
        )
        window.show_sign_in()
        return till

    with single_instance(config.data_dir):
        return run(
            window_factory,
            startup=startup,
            shutdown=shutdown,
            support_bundle=support_bundle,
            language=language,
        )
