"""The cashier's window, put together: the view, its controllers, the till they share, and the
process around them (one instance per data folder, the till opened and closed with the loop)."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QWidget

from app.ui.full_disk_lock import forget_left_behind, held_by_flock
from app.ui.main_window import CashierWindowView
from app.ui.options import WindowOptions

if TYPE_CHECKING:
    from app.core.services import (
        DatabaseDamaged,
        Message,
        Secret,
        Till,
        TillConfig,
        TokenSource,
    )
    from app.ui.cashier_window import CashierWindow
    from app.ui.demo import DemoControls
    from app.ui.widgets.held_scan import HeldScan

LOCK_NAME = "gui.lock"
CASHIERS_FILE = "cashiers.txt"


def cashier_names(folder: Path) -> tuple[dict[int, str] | None, Message | None]:
    """The store's cashiers, one name a line, from ``cashiers.txt`` in ``folder`` (if any), and
    why the file was not read (``None`` when it was, or when there is none).

    A file that cannot be read as UTF-8 text is said in the log and on the sign-in page
    (:meth:`SignInView.set_cashiers_unread`), and not imported (nor marked imported: saved again
    as UTF-8, it is read at the next start); the till starts without it. Saved as Windows'
    "ANSI" ("José"), it stopped the window before its first page; then it left only "No cashier
    accounts yet" on the page, and the reason on a stderr nobody at the till reads."""
    from app.core.services import StaffRefused, read_cashiers_file

    path = folder / CASHIERS_FILE
    if not path.exists():
        return None, None
    try:
        names = read_cashiers_file(path)
    except StaffRefused as refused:
        logging.getLogger(__name__).warning("%s: not imported", refused.message)
        return None, refused.said
    return names or None, None


def listening(window: CashierWindowView) -> HeldScan:
    """The scanner filter, listening from the window's first frame ("Starting…") on: a card
    scanned before the till is open is held for :func:`take_held_scan`, not lost on a page with
    nothing to take it. Right after the first frame, not before: its module makes Qt's
    namespace, which the first frame does without (docs/performance.md). Its settings come
    later, with the till's."""
    from app.ui.widgets.held_scan import HeldScan
    from app.ui.widgets.scanner_filter import ScannerFilter

    return HeldScan.listening(window, ScannerFilter())


def take_held_scan(held: HeldScan, window: CashierWindow) -> None:
    """The counter's rule for a card scanned while the till was starting: the window takes it
    as any scan, on the sign-in page it opens on, which says it was not read (no cashier has
    signed in to serve it). Held whatever its age: it is only ever said, never acted on."""
    held.hand_over(window.scanned, stale=window.scanned)


class StartStopped(Exception):
    """The till cannot start; ``said`` is why, which the window's cannot-start page shows in its
    language (``str()``: the same in English, for the command line)."""

    def __init__(self, said: Message) -> None:
        from app.core.services import english

        super().__init__(english(said))
        self.said = said


class SecondInstance(StartStopped):
    """Another window already runs on this data folder (``folder``)."""

    def __init__(self, folder: Path) -> None:
        from app.core.services import say

        super().__init__(say("start.second_window", folder=str(folder)))
        self.folder = folder


class DataFolderUnusable(StartStopped):
    """The data folder cannot be made, or its lock cannot be written there; says which folder
    and why, for the command line and the window's cannot-start page."""


def _why_unwritable(data_dir: Path) -> Message:
    """Why the lock file could not be written in ``data_dir``, in the words the till says it
    with later (its storage banner, the command line), when the disk says it is read-only or
    full: there, "a folder this user may write" would send a manager after a permission."""
    from app.core.services import say, unwritable_folder

    problem = unwritable_folder(data_dir)
    if problem is not None and problem.said is not None:
        return problem.said
    return say("start.data_folder_unwritable", folder=str(data_dir))


@contextlib.contextmanager
def single_instance(data_dir: Path, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold the GUI's lock ``name`` in ``data_dir`` for the block; raise :class:`SecondInstance`
    if another process holds it, :class:`DataFolderUnusable` if the folder cannot be made or
    written. A lock left by a crashed process is taken over. (The kiosk holds a lock of its own:
    it may share the cashier's data folder.)"""
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        from app.core.services import say

        why = say(
            "start.data_folder_not_made", folder=str(data_dir), reason=exc.strerror or str(exc)
        )
        raise DataFolderUnusable(why) from None
    forget_left_behind(data_dir / name)
    lock = QLockFile(str(data_dir / name))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        if lock.error() is QLockFile.LockError.LockFailedError:
            raise SecondInstance(data_dir)
        # Not another window: the folder refuses the lock file itself.
        why = _why_unwritable(data_dir)
        if why.id != "storage.full":
            raise DataFolderUnusable(why)
        # A full disk: the till opens to be read (its database read-only until space returns)
        with held_by_flock(data_dir / name) as held:
            if not held:
                raise DataFolderUnusable(why)
            yield
        return
    try:
        yield
    finally:
        lock.unlock()


def held_elsewhere(data_dir: Path, name: str = LOCK_NAME) -> bool:
    """Whether another live process holds the lock ``name`` in ``data_dir`` now, as
    :func:`single_instance` would find it (one left by a crashed process is not held)."""
    lock = QLockFile(str(data_dir / name))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return lock.error() is QLockFile.LockError.LockFailedError


@contextlib.contextmanager
def no_collection_meanwhile() -> Iterator[None]:
    """No garbage collection starts during the block (it resumes after, as it was).

    The settings and the till's modules load on a worker thread while the window is up: a
    collection triggered by that thread's allocations would free unreachable Qt objects on it,
    off the GUI thread, and crash the process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What loaded meanwhile (modules, the window's pages) lives as long as the process: out
        # of the collector's reach at once, or the first collection would walk all of it.
        gc.freeze()
        if was_enabled:
            gc.enable()


def freeze_long_lived_objects() -> None:
    """Everything built at start-up lives for the whole shift: move it out of the collector's
    reach. Its full passes walked it all and took ~55 ms on the GUI thread mid-drain (make bench),
    a visible stall; frozen, a few milliseconds."""
    gc.collect()
    gc.freeze()


@dataclasses.dataclass(frozen=True)
class TillStart:
    """What the till opens with: its configuration and API token, how the window runs, the
    store's cashiers (``cashiers.txt``) or why that file was not read (``cashiers_unread``),
    and where the token is read again (``token_source``: a manager may set a new one while the
    window runs)."""

    config: TillConfig
    token: Secret
    options: WindowOptions = dataclasses.field(default_factory=WindowOptions)
    cashiers: dict[int, str] | None = None
    cashiers_unread: Message | None = None
    token_source: TokenSource | None = None


def _read_and_load(read: Callable[[], TillStart]) -> TillStart:
    """``read`` the settings, then import the till's layers (SQLAlchemy, SQLModel, httpx...):
    run on a worker thread while the window's first frame is up. Pure Python, no Qt object."""
    from app.core.services import load_every_module

    start = read()
    load_every_module()
    return start


def run_cashier(
    read: Callable[[], TillStart],
    *,
    demo: DemoControls | None = None,
    on_ready: Callable[[CashierWindow], None] | None = None,
    support_bundle: Callable[[], Path] | None = None,
    language: str | None = None,
) -> int:
    """Run the cashier window until it closes, Ctrl-C or SIGTERM; returns the exit code.

    The window is shown first, made of PySide6 alone and saying it is starting, in ``language``
    (the ``language`` setting, read before the window's words are made). Then the window builds
    its pages, and ``read`` runs on a worker thread (the settings validated, the token read:
    what it raises ends the window and is raised here); then the data folder's lock is taken
    (:class:`SecondInstance` when another window holds it), the till opened and the first page
    shown. ``support_bundle`` is offered by the crash dialog.
    """
    from app.ui.app import run

    stack = contextlib.AsyncExitStack()
    parts: dict[str, CashierWindow] = {}
    aside: list[str] = []
    helds: list[HeldScan] = []

    def window_factory() -> QWidget:
        return CashierWindowView(starting=True)

    def after_first_frame(window: QWidget) -> None:
        assert isinstance(window, CashierWindowView)
        helds.append(listening(window))

    async def startup(window: QWidget) -> None:
        import asyncio  # loaded by the loop by now: the first frame did not wait for it

        assert isinstance(window, CashierWindowView)
        held = helds[0]
        scanner = held.scanner
        with no_collection_meanwhile():
            # The pages first, then the settings and the till's modules on a worker thread (the
            # window stays painted meanwhile). One after the other, not side by side: both are
            # Python holding the GIL, and run together they took 0.2 s longer in all than in turn
            # (the GUI thread's many short Qt calls queue for the lock: docs/performance.md).
            window.build()
            start = await asyncio.to_thread(_read_and_load, read)
        stack.enter_context(single_instance(start.config.data_dir))
        # The till's layers are loaded by now (_read_and_load): these imports find them.
        from app.core.services import DatabaseDamaged, RuntimeOptions, open_till
        from app.ui.cashier_window import CashierWindow

        config, token = start.config, start.token
        # The settings dialog's "Check" tries the token in use when none is typed: the one kept
        # where it lives, else (the demo) the one the till was started with.
        options = dataclasses.replace(
            start.options, token_source=start.token_source or (lambda: token)
        )
        runtime = RuntimeOptions(
            start_worker=True,
            token_source=start.token_source,
            check_at_start=True,
            heartbeat=config.heartbeat,
            upkeep=True,
            hear_other_processes=True,
        )
        try:
            till = await stack.enter_async_context(open_till(config, token, runtime))
        except DatabaseDamaged as damage:
            if not options.ask_about_damage:
                raise  # refused as the command line refuses it (or replaced, when asked to)
            till = await _after_damage(window, damage, lambda: open_till(config, token, runtime))
        # Listening since the first frame; the settings say now how this till's scanner types.
        scanner.prefix, scanner.scan_pace_ms = options.scanner_prefix, options.scanner_pace_ms
        scanner.set_terminators(options.scanner_terminator)
        window.show_sign_in()  # the starting page goes: the till is open
        parts["window"] = CashierWindow(
            window, till, cashiers=start.cashiers, scanner=scanner, demo=demo, options=options
        )
        take_held_scan(held, parts["window"])
        if start.cashiers_unread is not None:
            from app.ui.wording import words

            window.sign_in.set_cashiers_unread(words(start.cashiers_unread))
        if aside:
            window.status.show_note(aside[0], 30_000)
        freeze_long_lived_objects()
        if on_ready is not None:
            on_ready(parts["window"])

    async def shutdown() -> None:
        if "window" in parts:
            parts.pop("window").close()
        # The scanner goes (any keys it holds delivered), the worker stops, then the client and
        # the database close (open_till's own order), and the data folder's lock goes last.
        for held in helds:
            held.scanner.remove()
        await stack.aclose()

    async def _after_damage(
        window: CashierWindowView,
        damage: DatabaseDamaged,
        reopen: Callable[[], contextlib.AbstractAsyncContextManager[Till]],
    ) -> Till:
        """A manager decides; only then is the damaged file set aside and a new one started,
        whose first manager is the person who decided."""
        import asyncio

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

    return run(
        window_factory,
        startup=startup,
        shutdown=shutdown,
        after_first_frame=after_first_frame,
        support_bundle=support_bundle,
        language=language,
    )
