"""The ``stamps-pos`` command line: the GUI by default, and a headless twin of every cashier and
manager action.

Exit codes, the same for every command: 0 done; 1 refused (by the server or the offline policy);
2 usage or configuration error; 3 not confirmed (still queued, provisional or unknown); 4 the queue
is paused for credentials; 5 not built yet.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import APP_NAME
from app.cli.common import (  # noqa: F401 - the exit codes are part of this module's interface
    EXIT_NOT_BUILT,
    EXIT_NOT_CONFIRMED,
    EXIT_OK,
    EXIT_PAUSED,
    EXIT_REFUSED,
    EXIT_USAGE,
)
from app.cli.manager_parser import ACCOUNT_ACTIONS
from app.cli.parser import Runner, build_parser
from app.core import logs

REDEEM_KINDS = ("reward", "multi", "voucher", "deduct", "code", "promo")


def _sandbox(args: argparse.Namespace) -> int:
    from app.sandbox.cli import main as sandbox_main

    return sandbox_main(list(args.rest))


def _lazy(module: str, name: str) -> Runner:
    """A runner that imports its command's module only when that command runs, so
    ``stamps-pos gui`` does not load the outbox before the window is up, nor ``--help`` the till."""

    def run(args: argparse.Namespace) -> int:
        command: Runner = getattr(importlib.import_module(module), name)
        return command(args)

    return run


def _runners() -> dict[str, Runner]:
    till = "app.cli.till_commands"
    return {
        "gui": _lazy("app.cli.gui_commands", "gui"),
        "demo": _lazy("app.cli.gui_commands", "demo"),
        "token set": _lazy("app.cli.token_commands", "token_set"),
        "doctor": _lazy("app.cli.doctor", "doctor"),
        "support-bundle": _lazy("app.cli.support_bundle", "support_bundle"),
        "sandbox": _sandbox,
        "member find": _lazy(till, "member_find"),
        **{f"redeem {what}": _lazy(till, "redeem") for what in REDEEM_KINDS},
        "cancel": _lazy(till, "cancel"),
        "sync": _lazy(till, "sync"),
        "outbox list": _lazy(till, "outbox_list"),
        "outbox show": _lazy(till, "outbox_show"),
        **{
            f"outbox {a}": _lazy(till, "outbox_decide")
            for a in ("retry", "mark-applied", "dismiss")
        },
        **_manager_runners(),
    }


def _manager_runners() -> dict[str, Runner]:
    staff, reading = "app.cli.staff_commands", "app.cli.manager_commands"
    runners: dict[str, Runner] = {
        f"{role} list": _lazy(staff, "accounts_list") for role in ACCOUNT_ACTIONS
    }
    for role, actions in ACCOUNT_ACTIONS.items():
        for action in actions:
            if action != "list":
                runners[f"{role} {action}"] = _lazy(staff, "account_change")
    for command in ("history", "exceptions", "audit", "summary"):
        runners[command] = _lazy(reading, command)
    return runners


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    parser = build_parser(_runners())
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    if args.run is None:
        print(f"{APP_NAME} {args.command}: not built yet.", file=sys.stderr)
        return EXIT_NOT_BUILT
    # The commands print their own outcome; stderr has errors only unless -v asks for more. The
    # full log goes to the data folder once a command knows it (see settings_and_token).
    logs.start(args.verbose)
    try:
        code: int = args.run(args)
    finally:
        logs.stop()
    return code
