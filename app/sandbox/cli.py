"""``stamps-pos sandbox`` / ``python -m app.sandbox``: serve the sandbox until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import errno
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import NoReturn

from app.sandbox.data import DEMO_TOKEN, MERCHANT_ID, PIN_MEMBER_PIN
from app.sandbox.embedded import SandboxServer
from app.sandbox.faults import SCOPES, FaultConfig
from app.sandbox.persistence import StateUnusable

#: The most generated members or rewards: a mistyped count (99999999999) built members until
#: the memory ran out, saying nothing.
MAX_EXTRA = 100_000


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0  # said below, not as argparse's "invalid _rate value"
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a probability from 0 to 1, got {text!r}")
    return value


def _whole(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (``what`` says what it is)."""

    def check(text: str) -> int:
        if not text.strip().isascii() or not text.strip().lstrip("-").isdigit():
            raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high}, got {text!r}")
        return value

    return check


def _integer(what: str) -> Callable[[str], int]:
    """An argparse type: a whole number (its range is checked with the other faults)."""

    def check(text: str) -> int:
        stripped = text.strip()
        if not stripped.isascii() or not stripped.lstrip("-").isdigit():
            raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
        return int(stripped)

    return check


class _CommandLine(argparse.ArgumentParser):
    """Refusals as ``stamps-pos`` says its own: one line, a pointer to ``--help``, exit 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def _statuses(text: str) -> tuple[int, ...]:
    """``--error-statuses``: comma-separated HTTP statuses (their range is checked with the
    other faults)."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isascii() and part.isdigit() for part in parts):
        raise argparse.ArgumentTypeError(f"expected statuses such as 500,503, got {text!r}")
    return tuple(int(part) for part in parts)


def build_parser() -> argparse.ArgumentParser:
    p = _CommandLine(
        prog="stamps-pos sandbox",
        description="A Stamps-compatible server with demo data, for demos and tests.",
        epilog="exit codes: 0 stopped (Ctrl-C or SIGTERM are how it stops); 2 a bad option, or "
        "an address or port it cannot listen on.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: loopback, as its demo token is public)",
    )
    p.add_argument(
        "--port", type=_whole(0, 65535, "a port"), default=8800, help="0 picks a free port"
    )
    p.add_argument("--token", default=DEMO_TOKEN, help="the static API token to accept")
    p.add_argument("--state", metavar="FILE", help="keep state in this SQLite file")
    p.add_argument(
        "--no-idempotency",
        action="store_true",
        help="ignore Idempotency-Key, like a server that does not honour it",
    )
    p.add_argument(
        "--extra-members",
        type=_whole(0, MAX_EXTRA, "a count"),
        default=0,
        metavar="N",
        help="add N generated members (bench1@contoh.co.id …) with 10,000 stamps each",
    )
    p.add_argument(
        "--extra-rewards",
        type=_whole(0, MAX_EXTRA, "a count"),
        default=0,
        metavar="N",
        help="add N generated rewards (GEN-0001 …), so the catalogue takes several pages",
    )
    p.add_argument("--seed", type=_integer("a whole number"), help="seed for repeatable faults")
    p.add_argument("--error-rate", type=_rate, default=0.0, help="5xx answers (not applied)")
    p.add_argument(
        "--latency-ms",
        type=_integer("milliseconds"),
        default=0,
        help="delay added to every request",
    )
    p.add_argument("--timeout-rate", type=_rate, default=0.0, help="requests never answered")
    p.add_argument("--drop-rate", type=_rate, default=0.0, help="connections closed unanswered")
    p.add_argument(
        "--applied-then-500-rate", type=_rate, default=0.0, help="applied, then answered 500"
    )
    p.add_argument(
        "--applied-then-503-rate", type=_rate, default=0.0, help="applied, then answered 503"
    )
    p.add_argument(
        "--errors-only-rate",
        type=_rate,
        default=0.0,
        help="answered 200 with only 'errors', naming no redemption (not applied)",
    )
    p.add_argument(
        "--trickle-rate",
        type=_rate,
        default=0.0,
        help="applied, then the answer trickled out a byte at a time (see --trickle-ms)",
    )
    p.add_argument(
        "--trickle-ms",
        type=_integer("milliseconds"),
        default=100,
        help="milliseconds between two trickled bytes",
    )
    p.add_argument(
        "--timeout-after-apply", action="store_true", help="timeouts happen after the effect"
    )
    p.add_argument("--drop-after-apply", action="store_true", help="drops happen after the effect")
    p.add_argument(
        "--errors-only-after-apply",
        action="store_true",
        help="errors-only answers come after the effect",
    )
    p.add_argument(
        "--retry-after", metavar="VALUE", help="the Retry-After header of every injected error"
    )
    p.add_argument(
        "--member-details-plural",
        action="store_true",
        help="member details say 'memberships'/'users' (the docs' table), not 'membership'/'user'",
    )
    p.add_argument(
        "--vouchers-kind-unlisted",
        action="store_true",
        help="the rewards list's vouchers say no 'type' either (no listing says a 'validity')",
    )
    p.add_argument(
        "--error-statuses",
        type=_statuses,
        default=(500, 502, 503, 504),
        help="comma-separated statuses an injected error answers with (a 3xx redirects)",
    )
    p.add_argument(
        "--redirect-location",
        default=FaultConfig.redirect_location,
        help="where an injected 3xx sends the client (a network's sign-in page by default)",
    )
    p.add_argument(
        "--fault-scope",
        choices=SCOPES,
        default="all",
        help="'redemptions' faults only the POSTs that redeem or cancel",
    )
    return p


def fault_config(args: argparse.Namespace) -> FaultConfig:
    """The faults the command line asked for; each flag is the control API's field name."""
    return FaultConfig(
        error_rate=args.error_rate,
        latency_ms=args.latency_ms,
        timeout_rate=args.timeout_rate,
        drop_rate=args.drop_rate,
        applied_then_500_rate=args.applied_then_500_rate,
        applied_then_503_rate=args.applied_then_503_rate,
        errors_only_rate=args.errors_only_rate,
        trickle_rate=args.trickle_rate,
        trickle_ms=args.trickle_ms,
        scope=args.fault_scope,
        error_statuses=args.error_statuses,
        redirect_location=args.redirect_location,
        timeout_after_apply=args.timeout_after_apply,
        drop_after_apply=args.drop_after_apply,
        errors_only_after_apply=args.errors_only_after_apply,
        retry_after=args.retry_after,
        member_details_plural=args.member_details_plural,
        vouchers_kind_unlisted=args.vouchers_kind_unlisted,
        seed=args.seed,
    )


def _cannot_listen(args: argparse.Namespace, exc: OSError) -> str:
    """Why the sandbox cannot listen where it was told, and what to do about it."""
    why = exc.strerror or str(exc)  # "Address already in use", not "[Errno 98] …"
    where = f"cannot listen on {args.host}:{args.port}: {why}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"{where}: another program (another sandbox, perhaps) listens on port {args.port}; "
            "stop it, or give another port with --port N (--port 0 picks a free one)"
        )
    return f"{where}: give another --port or --host"


def _unusable_state(state: str, exc: OSError | sqlite3.Error | StateUnusable) -> str:
    """Why ``--state FILE`` cannot be the sandbox's state, in one line: a file named by mistake
    (the till's settings, a folder) ended in sqlite3's traceback."""
    why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    in_the_way = next((p for p in Path(state).parents if p.exists() and not p.is_dir()), None)
    if in_the_way is not None:
        why = f"{in_the_way} is a file, not a folder"
    return (
        f"--state {state} cannot be used: {why}; name a new file (the sandbox makes it), or one "
        "an earlier sandbox kept"
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        faults = fault_config(args)
        faults.validate()
    except ValueError as exc:
        print(f"stamps-pos sandbox: {exc}", file=sys.stderr)
        return 2
    try:
        server = SandboxServer(
            args.host,
            args.port,
            args.token,
            idempotency=not args.no_idempotency,
            faults=faults,
            state_path=args.state,
            extra_members=args.extra_members,
            extra_rewards=args.extra_rewards,
        )
    except (OSError, sqlite3.Error, StateUnusable) as exc:  # only --state is opened here
        print(f"stamps-pos sandbox: {_unusable_state(args.state, exc)}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Signals can only be caught on the main thread; elsewhere the caller owns shutdown.
    on_main = threading.current_thread() is threading.main_thread()
    signals = (signal.SIGINT, signal.SIGTERM) if on_main else ()
    previous = {s: signal.signal(s, on_signal) for s in signals}
    try:
        try:
            server.start()
        except OSError as exc:
            print(f"stamps-pos sandbox: {_cannot_listen(args, exc)}", file=sys.stderr)
            return 2  # the place it was given cannot be used: a usage error, as stamps-pos counts
        print(f"Stamps sandbox serving at {server.url}", flush=True)
        print(f"  token:    {server.token}", flush=True)
        # The store codes too: a till set up for store 33 needs its code for `store_code`. And
        # the PIN member by email: "PIN member 123" read as a member's PIN, or a card.
        print(
            f"  merchant: {MERCHANT_ID}, stores 32 (Kemang, RDG-KMG) and 33 (Braga, RDG-BRG)",
            flush=True,
        )
        print(
            "  try:      customer@stamps.co.id; budi.santoso@contoh.co.id (member 123) has "
            f"PIN {PIN_MEMBER_PIN}",
            flush=True,
        )
        print("Press Ctrl-C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0
