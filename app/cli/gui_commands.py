"""``stamps-pos gui`` (the default) and ``stamps-pos demo``: the cashier window, on the till's
own settings or against an embedded sandbox with a throwaway database."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from app import APP_NAME
from app.cli.common import (
    EXIT_NOT_BUILT,
    EXIT_USAGE,
    Stop,
    config_folder,
    settings_and_token,
    token_source,
)
from app.config import ConfigError, load_settings
from app.core.services import Secret

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


def _fail(args: argparse.Namespace, message: str) -> int:
    print(f"{APP_NAME} {args.command}: {message}", file=sys.stderr)
    return EXIT_USAGE


def gui(args: argparse.Namespace) -> int:
    """Open the cashier window on the till's settings."""
    if getattr(args, "kiosk", False):
        _fail(args, "kiosk mode: not built yet; run `stamps-pos gui` without --kiosk")
        return EXIT_NOT_BUILT
    try:
        settings, token = settings_and_token(args)
    except Stop as stop:
        return _fail(args, stop.message)
    from app.ui.cashier import SecondInstance, cashier_names, run_cashier

    # The store's cashiers: cashiers.txt beside the settings file, one name a line.
    cashiers = cashier_names(config_folder(args))
    try:
        return run_cashier(
            settings.till_config(), token, token_source=token_source(args), cashiers=cashiers
        )
    except SecondInstance as exc:
        return _fail(args, str(exc))


class _Terminated(Exception):
    """SIGTERM before the window's loop takes over the signal: unwind, removing the folder."""


def _terminated(signum: int, _frame: object) -> None:
    raise _Terminated(signum)


def demo(args: argparse.Namespace) -> int:
    """The cashier window against an embedded sandbox and a throwaway database; the folder goes
    when the demo ends, however it ends (closed, Ctrl-C, SIGTERM)."""
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

    def ready(_window: object) -> None:
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
            print(DEMO_HINT.format(url=shop.url), flush=True)
            try:
                return run_cashier(
                    settings.till_config(), Secret(DEMO_TOKEN), demo=shop, on_ready=ready
                )
            except SecondInstance as exc:
                return _fail(args, str(exc))
        finally:
            shop.stop()
