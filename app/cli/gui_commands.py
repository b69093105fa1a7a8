"""``stamps-pos gui`` (the default) and ``stamps-pos demo``: the cashier window, on the till's
own settings or against an embedded sandbox with a throwaway database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from app.cli.common import EXIT_USAGE, Stop, report_failure, settings_and_token
from app.config import ConfigError, default_config_file, load_settings
from app.core.credentials import Secret

EXIT_INTERRUPTED = 130
DEMO_MERCHANT, DEMO_STORE, DEMO_STORE_CODE = 14, 32, "RDG-KMG"

DEMO_HINT = """\
Stamps POS demo: the till runs against a sandbox at {url} with a throwaway database.
Pick a cashier, then try these members (type or paste into Member, then Enter):
  customer@stamps.co.id       Ayu, 250 stamps; vouchers (one with Rp 150.000 to deduct)
                              also KR24000006, card 70140000000006, phone 081210000006
  budi.santoso@contoh.co.id   PIN-protected: the PIN is 123456
  hendra.gunawan@contoh.co.id blocked: every redemption is refused
  agus.setiawan@contoh.co.id  0 stamps
Voucher code RINDANG-100K-7H2K (Vouchers, F4); promo code NGOPIPAGI (Promo, F5, with an invoice).
"""


def _fail(args: argparse.Namespace, message: str) -> int:
    report_failure(args.command, message)
    return EXIT_USAGE


def gui(args: argparse.Namespace) -> int:
    """Open the cashier window on the till's settings."""
    if getattr(args, "kiosk", False):
        from app.cli import EXIT_NOT_BUILT

        _fail(args, "kiosk mode: not built yet; run `stamps-pos gui` without --kiosk")
        return EXIT_NOT_BUILT
    try:
        settings, token = settings_and_token(args)
    except Stop as stop:
        return _fail(args, stop.message)
    from app.ui.cashier import SecondInstance, cashier_names, run_cashier

    # The store's cashiers: cashiers.txt beside the settings file, one name a line.
    config_file = Path(args.config) if args.config else default_config_file()
    cashiers = cashier_names(config_file.parent)
    for _ in range(2):  # again once, on a new database, when one was damaged and may be replaced
        try:
            return run_cashier(settings, token, cashiers=cashiers)
        except SecondInstance as exc:
            return _fail(args, str(exc))
        except KeyboardInterrupt:  # Ctrl-C in the terminal: the window has shut down cleanly
            return EXIT_INTERRUPTED
        except Exception as exc:
            code = _disk_failure(args, exc)
            if code is not None:
                return code
    return EXIT_USAGE


def _disk_failure(args: argparse.Namespace, exc: Exception) -> int | None:
    """The exit code for a disk the till could not start on, or ``None`` when a damaged
    database was moved aside and the till may start again; anything else is raised again.

    Imported here, not above: the window paints before the storage layer loads. Until the window
    asks a manager itself, a damaged database is replaced only with --accept-new-database.
    """
    from app.cli.database import refuse_damaged, start_new_database
    from app.core.storage.problems import DatabaseDamaged, StorageProblem

    if isinstance(exc, DatabaseDamaged):
        if not args.accept_new_database:
            return _fail(args, refuse_damaged(args, exc).message)
        start_new_database(exc)
        return None
    if isinstance(exc, StorageProblem):
        return _fail(args, exc.sentence)
    raise exc


def demo(args: argparse.Namespace) -> int:
    """The cashier window against an embedded sandbox and a throwaway database."""
    from app.sandbox import DEMO_TOKEN, SandboxServer
    from app.ui.cashier import SecondInstance, run_cashier

    with tempfile.TemporaryDirectory(prefix="stamps-pos-demo-") as folder:
        root = Path(folder)
        with SandboxServer(port=0, token=DEMO_TOKEN, idempotency=True) as sandbox:
            try:
                # A settings file that does not exist: the demo never reads the till's own.
                settings = load_settings(
                    root / "no-settings.toml",
                    base_url=sandbox.url,
                    merchant=DEMO_MERCHANT,
                    store=DEMO_STORE,
                    store_code=DEMO_STORE_CODE,
                    idempotency="honoured",
                    data_dir=root / "data",
                    terminal="demo-till",
                )
            except ConfigError as exc:
                return _fail(args, str(exc))
            print(DEMO_HINT.format(url=sandbox.url), flush=True)
            try:
                return run_cashier(settings, Secret(DEMO_TOKEN))
            except SecondInstance as exc:
                return _fail(args, str(exc))
            except KeyboardInterrupt:
                return EXIT_INTERRUPTED
