"""``stamps-pos gui`` (the default) and ``stamps-pos demo``: the cashier window, on the till's
own settings or against an embedded sandbox with a throwaway database."""

from __future__ import annotations

import argparse
import logging
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

from app import APP_NAME, version
from app.cli.common import (
    EXIT_NOT_BUILT,
    EXIT_USAGE,
    Stop,
    config_folder,
    report_failure,
    settings_and_token,
    token_source,
)
from app.cli.qt_libraries import window_blocker
from app.config import ConfigError, Settings, load_settings
from app.core.services import Secret, logs

DEMO_MERCHANT, DEMO_STORE, DEMO_STORE_CODE = 14, 32, "RDG-KMG"

DEMO_HINT = """\
Stamps POS demo: the till runs against a sandbox at {url} with a throwaway database.
Pick a cashier, then try these members (type or paste into Member, then Enter):
  customer@stamps.co.id       Ayu, 250 stamps; vouchers (one a Saldo of Rp 150.000 to deduct)
                              also KR24000006, card 70140000000006, phone 081210000006
  budi.santoso@contoh.co.id   PIN-protected: the PIN is 123456
  hendra.gunawan@contoh.co.id blocked: every redemption is refused
  agus.setiawan@contoh.co.id  0 stamps
A name works too: Putri, then Enter (several members called Ayu: pick one from the list).
Voucher code RINDANG-100K-7H2K (Vouchers, F4); promo code NGOPIPAGI (Promo, F5, with an invoice).
The Demo menu cuts the network and makes the server fail; Ctrl-C ends the demo.
"""


def _window_up(_window: object) -> None:
    # the line support (and make package's smoke test) looks for: this build opened its window
    logging.getLogger(__name__).info("the cashier window is up (%s %s)", APP_NAME, version())


def _bundle_writer(
    config: Path | None, given: tuple[Settings, Secret] | None = None
) -> Callable[[], Path]:
    """What the crash dialog calls to write a support bundle for this till (its modules load
    only then: the window's start does not wait for them)."""

    def write() -> Path:
        from app.cli.support_bundle import default_bundle_path, write_bundle

        return write_bundle(default_bundle_path(), config, given)[0]

    return write


def _fail(args: argparse.Namespace, message: str) -> int:
    report_failure(args.command, message)
    return EXIT_USAGE


def gui(args: argparse.Namespace) -> int:
    """Open the cashier window on the till's settings."""
    blocker = window_blocker()
    if blocker is not None:
        return _fail(args, blocker)
    if getattr(args, "kiosk", False):
        _fail(args, "kiosk mode: not built yet; run `stamps-pos gui` without --kiosk")
        return EXIT_NOT_BUILT
    try:
        settings, token = settings_and_token(args, log_fallback=True)
    except Stop as stop:
        return _fail(args, stop.message)
    from app.ui.cashier import SecondInstance, cashier_names, run_cashier

    # The store's cashiers: cashiers.txt beside the settings file, one name a line.
    cashiers = cashier_names(config_folder(args))
    config = Path(args.config) if args.config else None
    for _ in range(2):  # again once, on a new database, when one was damaged and may be replaced
        try:
            return run_cashier(
                settings.till_config(),
                token,
                token_source=token_source(args),
                cashiers=cashiers,
                on_ready=_window_up,
                support_bundle=_bundle_writer(config),
                language=settings.language,
            )
        except SecondInstance as exc:
            return _fail(args, str(exc))
        except KeyboardInterrupt:  # Ctrl-C before the window's loop took the signal over
            return 128 + signal.SIGINT
        except Exception as exc:
            code = _start_failure(args, exc)
            if code is not None:
                return code
    return EXIT_USAGE


def _start_failure(args: argparse.Namespace, exc: Exception) -> int | None:
    """The exit code for a database or disk the till could not start on, or ``None`` when a
    damaged database was moved aside and the till may start again; anything else is raised again.

    The till finds these as it opens, after the window is up (the checks need the storage layer
    and Alembic, too slow to load before the first paint), so they are imported here. A database
    written by a newer version is refused as the headless commands refuse it. Until the window
    asks a manager itself, a damaged database is replaced only with --accept-new-database.
    """
    from app.cli.database import refuse_damaged, start_new_database
    from app.core.services import DatabaseDamaged, DatabaseTooNew, StorageProblem

    if isinstance(exc, DatabaseTooNew):
        logging.getLogger(__name__).warning("refused to start: %s", exc)
        return _fail(args, str(exc))
    if isinstance(exc, DatabaseDamaged):
        if not args.accept_new_database:
            return _fail(args, refuse_damaged(args, exc).message)
        start_new_database(exc)
        return None
    if isinstance(exc, StorageProblem):
        return _fail(args, exc.sentence)
    raise exc


class _Terminated(Exception):
    """SIGTERM before the window's loop takes over the signal: unwind, removing the folder."""


def _terminated(signum: int, _frame: object) -> None:
    raise _Terminated(signum)


def demo(args: argparse.Namespace) -> int:
    """The cashier window against an embedded sandbox and a throwaway database; the folder goes
    when the demo ends, however it ends (closed, Ctrl-C, SIGTERM)."""
    # Before the temporary folder: Qt aborting on a missing library would leave it behind.
    blocker = window_blocker()
    if blocker is not None:
        return _fail(args, blocker)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        return _demo(args)
    except (_Terminated, KeyboardInterrupt) as stopped:
        signum = stopped.args[0] if isinstance(stopped, _Terminated) else signal.SIGINT
        return 128 + int(signum)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _demo(args: argparse.Namespace) -> int:
    from app.cli.demo_shop import DemoShop
    from app.sandbox import DEMO_TOKEN
    from app.ui.cashier import SecondInstance, run_cashier

    def ready(window: object) -> None:
        _window_up(window)
        print("Ready. Close the window, or press Ctrl-C here, to end the demo.", flush=True)

    with tempfile.TemporaryDirectory(prefix="stamps-pos-demo-") as folder:
        root = Path(folder)
        shop = DemoShop(root)
        try:
            try:
                # A settings file that does not exist: the demo never reads the till's own.
                settings = load_settings(
                    root / "no-settings.toml",
                    base_url=shop.url,
                    merchant=DEMO_MERCHANT,
                    store=DEMO_STORE,
                    store_code=DEMO_STORE_CODE,
                    idempotency="honoured",
                    data_dir=root / "data",
                    terminal="demo-till",
                )
            except ConfigError as exc:
                return _fail(args, str(exc))
            logs.to_folder(settings.data_dir)
            print(DEMO_HINT.format(url=shop.url), flush=True)
            token = Secret(DEMO_TOKEN)
            try:
                return run_cashier(
                    settings.till_config(),
                    token,
                    demo=shop,
                    on_ready=ready,
                    support_bundle=_bundle_writer(None, (settings, token)),
                    language=settings.language,
                )
            except SecondInstance as exc:
                return _fail(args, str(exc))
        finally:
            shop.stop()
