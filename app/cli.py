"""The ``stamps-pos`` command line: the GUI by default, and a headless twin of every cashier and
manager action.

Exit codes, the same for every command: 0 done; 1 refused (by the server or the offline policy);
2 usage or configuration error; 3 not confirmed (still queued, provisional or unknown); 4 the queue
is paused for credentials; 5 not built yet.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import APP_NAME, __version__

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_NOT_CONFIRMED = 3
EXIT_PAUSED = 4
EXIT_NOT_BUILT = 5

Command = Callable[[argparse.Namespace], int]

# Which issue builds each command that is not there yet, so the message can say so.
_NOT_BUILT: dict[str, str] = {
    "gui": "the cashier window (issue 6)",
    "demo": "the cashier window that `make demo` opens (issue 6)",
    "sync": "the outbox and sync worker (issue 4)",
    "outbox": "the outbox and sync worker (issue 4)",
    "redeem": "the till's services (issue 4)",
    "cancel": "the till's services (issue 4)",
    "member": "the member lookup service (issues 4 and 5)",
    "doctor": "the credentials and connectivity check",
    "sandbox": "the Stamps sandbox (issue 3)",
}


def _not_built(name: str) -> Command:
    def run(_: argparse.Namespace) -> int:
        print(f"{APP_NAME} {name}: not built yet — waiting on {_NOT_BUILT[name]}.", file=sys.stderr)
        return EXIT_NOT_BUILT

    return run


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, for ``--help`` and for tests."""
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Stamps POS: the loyalty till for the Stamps platform. "
        "With no command it opens the cashier window.",
        epilog="exit codes: 0 done, 1 refused, 2 usage or configuration error, "
        "3 not confirmed, 4 queue paused for credentials, 5 not built",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.set_defaults(run=_not_built("gui"))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the cashier window (the default)")
    gui.add_argument("--kiosk", action="store_true", help="full-screen self-service kiosk mode")
    gui.set_defaults(run=_not_built("gui"))

    demo = commands.add_parser("demo", help="the window against an embedded sandbox")
    demo.set_defaults(run=_not_built("demo"))

    for name, text in [
        ("sandbox", "serve a Stamps-compatible sandbox on loopback"),
        ("sync", "send the outbox to the server"),
        ("outbox", "list and manage outbox entries"),
        ("redeem", "redeem a reward, voucher, code or promo code"),
        ("cancel", "cancel a redemption"),
        ("member", "look a member up"),
        ("doctor", "check settings, credentials and the connection"),
    ]:
        sub = commands.add_parser(name, help=text, add_help=False)
        sub.set_defaults(run=_not_built(name), accepts_anything=True)

    token = commands.add_parser("token", help="store the API token (read from standard input)")
    token_commands = token.add_subparsers(title="token commands", metavar="ACTION", required=True)
    token_set = token_commands.add_parser("set", help="read the token from standard input")
    token_set.set_defaults(run=_token_set)
    return parser


def _token_set(_: argparse.Namespace) -> int:
    from app.config import default_config_file
    from app.core.credentials import CredentialsError, Secret, store_token

    if sys.stdin.isatty():
        import getpass

        text = getpass.getpass("API token: ")
    else:
        text = sys.stdin.readline()
    try:
        where = store_token(Secret(text.strip()), default_config_file().parent)
    except CredentialsError as exc:
        print(f"{APP_NAME} token set: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"token stored in {where}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    # A command that is not built yet takes any arguments, so its message is what the user sees.
    if unknown and not getattr(args, "accepts_anything", False):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    run: Command = args.run
    return run(args)
