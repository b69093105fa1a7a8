"""The ``stamps-pos`` command line: the GUI by default, and a headless twin of every cashier and
manager action.

Exit codes, the same for every command: 0 done; 1 refused (by the server or the offline policy);
2 usage or configuration error; 3 not confirmed (still queued, provisional or unknown); 4 the queue
is paused for credentials; 5 not built yet.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app import APP_NAME
from app.cli.parser import Runner, build_parser

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_NOT_CONFIRMED = 3
EXIT_PAUSED = 4
EXIT_NOT_BUILT = 5

# Which issue builds each command that is not there yet, so the message can say so.
_NOT_BUILT: dict[str, str] = {}


def _sandbox(args: argparse.Namespace) -> int:
    from app.sandbox.cli import main as sandbox_main

    return sandbox_main(list(args.rest))


def _runners() -> dict[str, Runner]:
    from app.cli import gui_commands, token_commands
    from app.cli import till_commands as till
    from app.cli.doctor import doctor

    return {
        "gui": gui_commands.gui,
        "demo": gui_commands.demo,
        "token set": token_commands.token_set,
        "doctor": doctor,
        "sandbox": _sandbox,
        "member find": till.member_find,
        "redeem reward": till.redeem,
        "redeem multi": till.redeem,
        "redeem voucher": till.redeem,
        "redeem deduct": till.redeem,
        "redeem code": till.redeem,
        "redeem promo": till.redeem,
        "cancel": till.cancel,
        "sync": till.sync,
        "outbox list": till.outbox_list,
        "outbox show": till.outbox_show,
        "outbox retry": till.outbox_decide,
        "outbox mark-applied": till.outbox_decide,
        "outbox dismiss": till.outbox_decide,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    parser = build_parser(_runners())
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    # The commands print their own outcome; logs are for when someone asks for them.
    level = {0: logging.ERROR, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.run is None:
        waiting = _NOT_BUILT.get(args.command, "a later issue")
        print(f"{APP_NAME} {args.command}: not built yet — waiting on {waiting}.", file=sys.stderr)
        return EXIT_NOT_BUILT
    code: int = args.run(args)
    return code
