"""``stamps-pos gui`` (the default) and ``stamps-pos demo``: the cashier window, on the till's
own settings or against an embedded sandbox with a throwaway database."""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, version
from app.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Stop,
    config_folder,
    report_failure,
    settings_and_token,
    token_source,
)
from app.cli.qt_libraries import window_blocker
from app.early_config import CONFIG_ENV, ConfigError, default_config_file, language_setting

if TYPE_CHECKING:
    from app.config import Settings
    from app.core.services import Secret
    from app.ui.cashier import TillStart
    from app.ui.demo import DemoControls

DEMO_MERCHANT, DEMO_STORE, DEMO_STORE_CODE = 14, 32, "RDG-KMG"

DEMO_MANAGER, DEMO_MANAGER_PIN = "Wayan", "246810"
DEMO_CASHIERS = (("Dewi", None), ("Rina", "2580"), ("Agus", None))

DEMO_HINT = """\
Stamps POS demo: the till runs against a sandbox at {url} with a throwaway database.
Pick a cashier (Rina's PIN is 2580; Dewi and Agus have none), then try these members (type or
paste into Member, then Enter):
  customer@stamps.co.id       Ayu, 250 stamps; vouchers (one a Saldo of Rp 150.000 to deduct)
                              also KR24000006, card 70140000000006, phone 081210000006
  budi.santoso@contoh.co.id   PIN-protected: the PIN is 123456
  hendra.gunawan@contoh.co.id blocked: every redemption is refused
  agus.setiawan@contoh.co.id  0 stamps
A name works too: Putri, then Enter (several members called Ayu: pick one from the list).
Voucher code RINDANG-100K-7H2K (Vouchers, F4); promo code NGOPIPAGI (Promo, F5, with an invoice).
The shop's formats (F8, then Settings, Scanner) say what a scan is, wherever the cursor is:
  cards     {card}: looked up as a member, never taken for a code or a receipt
  receipts  {invoice}: into the invoice number (try INV-0042)
  vouchers  {voucher}: the voucher code of the member on screen;
            scanned before the card, it waits for the member
Manager mode (F8): manager {manager}, PIN {manager_pin}. The Demo menu cuts the network and
makes the server fail; Ctrl-C ends the demo.
"""

#: The shop's formats, as its own data has them (app/sandbox/data.py): Member IDs "KR24…" and
#: cards "7014…", the demo's receipts "INV-…", and its vouchers' codes. Set so the demo shows
#: the rules at work; a manager may change them in its settings like any till's.
DEMO_FORMATS = {
    "card_prefixes": "KR24, 7014",
    "invoice_prefixes": "INV-",
    "voucher_prefixes": "RINDANG-, SALDO-, ULTAH-, DSK50-",
}

DEMO_EXCEPTIONS_HINT = """\
Exceptions (--exceptions): this till does not trust the server's idempotency keys, so a
redemption the Demo menu makes fail (server errors, timeouts) is not sent again: it stays "not
confirmed" until a manager decides on it. F8, {manager}, then Exceptions: send it again, mark
it applied or dismiss it. One "Applied, then answered 500" is found in the member's activity
and confirmed, as a real till finds it.
"""

DEMO_KIOSK_HINT = """\
Stamps POS demo: the kiosk runs against a sandbox at {url} with a throwaway database.
The kiosk (--kiosk): scan (or type fast, then Enter) a card: 70140000000006 is Ayu, no PIN;
70140000000123 is Budi, PIN 123456; or tap "Enter phone number" and type 081310000123 (Budi).
Hold the top-left corner for 5 s to leave: manager {manager}, PIN {manager_pin}.
"Demo controls" at the top right cuts the network and makes the server fail (a real kiosk
has no such panel).
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


def _cannot_start(args: argparse.Namespace, stop: Stop, *, language: str | None = None) -> int:
    """Say why the till cannot start on stderr, then in a window until it is closed: started
    from the menu, nobody sees stderr (app/ui/cannot_start.py). Exits as :func:`_fail` does."""
    report_failure(args.command, stop.message)
    from app.ui.cannot_start import StartRefusal, show_cannot_start

    config = Path(args.config) if args.config else None
    doctor = f"{APP_NAME} doctor"
    if config is not None or os.environ.get(CONFIG_ENV):
        # Named by STAMPS_POS_CONFIG too: a terminal opened to run it has not that variable (a
        # launcher or a unit set it), and plain `doctor` checked the platform's file instead.
        named = config or default_config_file()
        doctor = f"{APP_NAME} --config {shlex.quote(str(named))} doctor"
    refusal = StartRefusal(
        stop.message,
        config or default_config_file(),
        doctor,
        stop.refused,
        said=stop.said,
        lines=stop.lines,
    )
    kiosk = bool(getattr(args, "kiosk", False))
    show_cannot_start(refusal, language=language or language_setting(config), kiosk=kiosk)
    return EXIT_USAGE


def gui(args: argparse.Namespace) -> int:
    """Open the cashier window on the till's settings.

    The window shows first, in the settings' language; the settings are validated and the
    token read after its first frame (:func:`_till_start`). What stops the till before it
    opens is said on stderr (one line, exit code 2) and then on a page of the window
    (:func:`_cannot_start`)."""
    blocker = window_blocker()
    if blocker is not None:
        return _fail(args, blocker)  # no window can show it: Qt lacks a library to open one
    if getattr(args, "kiosk", False):
        # The kiosk reads its settings before its window (it has no starting page of its own).
        try:
            settings, token = settings_and_token(args, log_fallback=True)
        except Stop as stop:
            return _cannot_start(args, stop)
        return _kiosk(args, settings, token)
    from app.ui.cashier import DataFolderUnusable, SecondInstance, run_cashier

    config = Path(args.config) if args.config else None
    for _ in range(2):  # again once, on a new database, when one was damaged and may be replaced
        try:
            return run_cashier(
                lambda: _till_start(args),
                on_ready=_window_up,
                support_bundle=_bundle_writer(config),
                language=language_setting(config),
            )
        except Stop as stop:
            return _cannot_start(args, stop)
        except (SecondInstance, DataFolderUnusable) as exc:
            return _cannot_start(args, Stop.saying(EXIT_USAGE, exc.said))
        except KeyboardInterrupt:  # Ctrl-C before the window's loop took the signal over
            return EXIT_INTERRUPTED
        except Exception as exc:
            stopped = _start_failure(args, exc)
            if stopped is None:
                continue
            if _is_damaged(exc):
                # Its own page was up and a manager closed it: no second page to close.
                return _fail(args, stopped.message)
            return _cannot_start(args, stopped)
    return EXIT_USAGE


def _kiosk(args: argparse.Namespace, settings: Settings, token: Secret) -> int:
    """The self-service kiosk on the till's settings (channel 3 unless the settings say
    otherwise); it may share the cashier's data folder (docs/kiosk.md)."""
    from app.ui.cashier import DataFolderUnusable, SecondInstance
    from app.ui.kiosk.boot import run_kiosk

    config = Path(args.config) if args.config else None
    for _ in range(2):  # again once, on a new database, when a damaged one was replaced
        try:
            return run_kiosk(
                settings.till_config(kiosk=True),
                token,
                token_source=token_source(args),
                language=settings.language,
                scanner_prefix=settings.scanner_prefix,
                scanner_pace_ms=settings.scanner_pace_ms,
                scanner_terminator=settings.scanner_terminator,
                scan_formats=settings.scan_formats(),
                on_ready=_kiosk_up,
                support_bundle=_bundle_writer(config),
            )
        except SecondInstance as exc:
            return _second_kiosk(args, exc.folder)
        except DataFolderUnusable as exc:
            stop = Stop.saying(EXIT_USAGE, exc.said)
            return _cannot_start(args, stop, language=settings.language)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except Exception as exc:
            # The kiosk has no page of its own for a damaged database: this one says it.
            stopped = _start_failure(args, exc)
            if stopped is not None:
                return _cannot_start(args, stopped, language=settings.language)
    return EXIT_USAGE


def _second_kiosk(args: argparse.Namespace, folder: Path) -> int:
    """A kiosk already runs on ``folder``: no page over it (a customer would meet it, and it
    waited for a tap on Close), only a line on stderr and in the log; the running kiosk is
    asked to come to the front for whoever started this one (docs/kiosk.md, "Starting")."""
    from app.core.services import english, say
    from app.ui.cashier import held_elsewhere
    from app.ui.kiosk.boot import KIOSK_LOCK
    from app.ui.kiosk.front import knock

    # Started in the running kiosk's first second, this one finds no socket yet: it knocks
    # again while that kiosk holds the folder's lock.
    fronted = knock(folder, still_running=lambda: held_elsewhere(folder, KIOSK_LOCK))
    said = english(
        say("start.second_kiosk_fronted" if fronted else "start.second_kiosk", folder=str(folder))
    )
    logging.getLogger(__name__).warning("%s", said)
    return _fail(args, said)


def _kiosk_up(_kiosk: object) -> None:
    logging.getLogger(__name__).info("the kiosk is up (%s %s)", APP_NAME, version())


def _till_start(args: argparse.Namespace) -> TillStart:
    """What ``stamps-pos gui`` opens the till with: the settings, the token, the store's
    cashiers (``cashiers.txt`` beside the settings file, imported once as accounts); or
    :class:`Stop`. Run on a worker thread while the window's first frame is up."""
    from app.settings_file import SettingsFile
    from app.ui.cashier import TillStart, cashier_names
    from app.ui.options import WindowOptions

    settings, token = settings_and_token(args, log_fallback=True)
    config = Path(args.config) if args.config else None
    options = WindowOptions.from_settings(
        settings,
        SettingsFile(config or default_config_file()),
        token_folder=config_folder(args),
        ask_first_manager=True,
        ask_about_damage=not args.accept_new_database,
    )
    cashiers, unread = cashier_names(config_folder(args))
    return TillStart(
        settings.till_config(),
        token,
        options,
        cashiers=cashiers,
        cashiers_unread=unread,
        token_source=token_source(args),
    )


def _start_failure(args: argparse.Namespace, exc: Exception) -> Stop | None:
    """Why the till could not start on its database or disk, or ``None`` when a damaged
    database was moved aside and the till may start again; anything else is raised again.

    The till finds these as it opens, after the window is up (the checks need the storage layer
    and Alembic, too slow to load before the first paint), so they are imported here. A database
    written by a newer version is refused as the headless commands refuse it. A damaged one
    reaches here only when the window was closed before a manager decided (refused, unchanged),
    or with --accept-new-database (replaced).
    """
    from app.cli.database import refuse_damaged, start_new_database
    from app.core.services import DatabaseDamaged, DatabaseTooNew, StorageProblem

    if isinstance(exc, DatabaseTooNew):
        logging.getLogger(__name__).warning("refused to start: %s", exc)
        return Stop.saying(EXIT_USAGE, exc.said)
    if isinstance(exc, DatabaseDamaged):
        if not args.accept_new_database:
            return refuse_damaged(args, exc)
        start_new_database(exc)
        return None
    if isinstance(exc, StorageProblem):
        return Stop(EXIT_USAGE, exc.sentence, said=exc.said)
    raise exc


def _is_damaged(exc: Exception) -> bool:
    from app.core.services import DatabaseDamaged  # loaded by now: the till found it

    return isinstance(exc, DatabaseDamaged)


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


def demo_settings(
    args: argparse.Namespace, url: str, root: Path
) -> tuple[Settings, dict[str, object]]:
    """The demo's till's settings, on the shop at ``url`` and a data folder in ``root``, and the
    ones a manager may not change in its settings dialog.

    With ``--exceptions`` the till trusts no idempotency key: what the Demo menu makes fail is
    not resent but left unknown, and the member's activity feed is read for it, as a real till
    does. It has the store's code as every till should: without it, the feed's line of an
    "applied, then answered 500" could be another store's, and Exceptions showed that
    redemption as one "that may be in the member's activity", which no till set up whole shows
    (a real one finds it there and confirms it)."""
    from app.config import load_settings

    exceptions = bool(getattr(args, "exceptions", False))
    # A settings file that does not exist: the demo never reads the till's own.
    fixed: dict[str, object] = {
        "base_url": url,
        "merchant": DEMO_MERCHANT,
        "store": DEMO_STORE,
        "idempotency": "unknown" if exceptions else "honoured",
        "data_dir": root / "data",
        "terminal": "demo-till",
        "store_code": DEMO_STORE_CODE,
    }
    return load_settings(root / "settings.toml", **DEMO_FORMATS, **fixed), fixed


def demo_token_source(folder: Path) -> Callable[[], Secret]:
    """The demo's API token, read afresh each time: the one a manager saved in its settings
    (kept in the demo's ``folder``), else the sandbox's. Its till was never told of a token saved
    there, and the settings said "The new token is in use" of one it never sent."""
    from app.core.services import CredentialsError, Secret, load_token_file
    from app.sandbox import DEMO_TOKEN

    def read() -> Secret:
        try:
            kept = load_token_file(folder)
        except CredentialsError:
            kept = None
        return kept or Secret(DEMO_TOKEN)

    return read


def demo_till_start(settings: Settings, fixed: dict[str, object], root: Path) -> TillStart:
    """The demo's till as its window opens it: the sandbox's token, its staff planted, its
    settings kept in the throwaway folder ``root`` (but ``fixed``, what it was started with),
    and a token saved in them read from there (:func:`demo_token_source`)."""
    from app.core.services import Secret
    from app.sandbox import DEMO_TOKEN
    from app.settings_file import SettingsFile
    from app.ui.cashier import TillStart
    from app.ui.options import StaffSeed, WindowOptions

    seed = StaffSeed(
        DEMO_MANAGER,
        Secret(DEMO_MANAGER_PIN),
        tuple((name, Secret(pin) if pin else None) for name, pin in DEMO_CASHIERS),
    )
    source = demo_token_source(root)
    options = WindowOptions.from_settings(
        settings,
        # The demo's settings may be changed in its own throwaway folder; what it was
        # started with (the sandbox's address…) stays.
        SettingsFile(root / "settings.toml", fixed, throwaway=True),
        token_folder=root,
        token_source=source,
        seed=seed,
    )
    return TillStart(settings.till_config(), Secret(DEMO_TOKEN), options, token_source=source)


def demo_hint(url: str, settings: Settings) -> str:
    """What the cashier's demo prints first: how to use it, with the shop's formats as its
    settings have them."""
    formats = settings.scan_formats()

    def listed(prefixes: tuple[str, ...]) -> str:
        return ", ".join(prefixes) or "(no rule)"

    return DEMO_HINT.format(
        url=url,
        manager=DEMO_MANAGER,
        manager_pin=DEMO_MANAGER_PIN,
        card=listed(formats.card),
        invoice=listed(formats.invoice),
        voucher=listed(formats.voucher),
    )


def _demo(args: argparse.Namespace) -> int:
    from app.cli.demo_shop import DemoShop
    from app.core.services import keep_off_the_keyring, logs
    from app.ui.cashier import SecondInstance, run_cashier

    def ready(window: object) -> None:
        _window_up(window)
        print("Ready. Close the window, or press Ctrl-C here, to end the demo.", flush=True)

    # A token saved in the demo's settings is the demo's: never the shop's own till's keyring.
    keep_off_the_keyring()
    with tempfile.TemporaryDirectory(prefix="stamps-pos-demo-") as folder:
        root = Path(folder)
        shop = DemoShop(root, getattr(args, "port", 0))
        try:
            try:
                settings, fixed = demo_settings(args, shop.url, root)
            except ConfigError as exc:
                return _fail(args, str(exc))
            logs.to_folder(settings.data_dir)
            # The kiosk has no cashiers, no member field and no Demo menu: the cashier's hint
            # told whoever ran it to use them.
            if getattr(args, "kiosk", False):
                hint = DEMO_KIOSK_HINT.format(
                    url=shop.url, manager=DEMO_MANAGER, manager_pin=DEMO_MANAGER_PIN
                )
            else:
                hint = demo_hint(shop.url, settings)
            print(hint, flush=True)
            if args.exceptions:
                print(DEMO_EXCEPTIONS_HINT.format(manager=DEMO_MANAGER), flush=True)
            start = demo_till_start(settings, fixed, root)
            if getattr(args, "kiosk", False):
                return _demo_kiosk(args, settings, start.token, start.options.seed, shop)
            try:
                return run_cashier(
                    lambda: start,
                    demo=shop,
                    on_ready=ready,
                    support_bundle=_bundle_writer(None, (settings, start.token)),
                    language=settings.language,
                )
            except SecondInstance as exc:
                return _fail(args, str(exc))
        finally:
            shop.stop()


def _demo_kiosk(
    args: argparse.Namespace, settings: Settings, token: Secret, seed: object, shop: DemoControls
) -> int:
    """``stamps-pos demo --kiosk``: the kiosk against the demo's sandbox, its manager planted."""
    from app.ui.cashier import SecondInstance
    from app.ui.kiosk.boot import run_kiosk
    from app.ui.options import StaffSeed

    assert isinstance(seed, StaffSeed)
    try:
        return run_kiosk(
            settings.till_config(kiosk=True),
            token,
            language=settings.language,
            seed=seed,
            scan_formats=settings.scan_formats(),
            on_ready=_kiosk_up,
            support_bundle=_bundle_writer(None, (settings, token)),
            demo=shop,
        )
    except SecondInstance as exc:
        return _fail(args, str(exc))
