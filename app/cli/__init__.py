"""The ``stamps-pos`` command line: the GUI by default, and a headless twin of every cashier and
manager action.

Exit codes, the same for every command: 0 done; 1 refused (by the server or the offline policy);
2 usage or configuration error, or an output that cannot be written (app/cli/output.py); 3 not
confirmed (still queued, provisional or unknown); 4 the queue is paused for credentials; 5 not
built yet; 141 the output's reader went away.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from app import APP_NAME
from app.cli.common import (  # noqa: F401 - the exit codes are part of this module's interface
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_NOT_BUILT,
    EXIT_NOT_CONFIRMED,
    EXIT_OK,
    EXIT_PAUSED,
    EXIT_REFUSED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Stop,
    report_failure,
)
from app.cli.manager_parser import ACCOUNT_ACTIONS
from app.cli.output import CLOSED, OutputFailed, StandardStreams, hold_standard_streams
from app.cli.parser import Runner, build_parser
from app.core.services import logs
from app.hardening import forbid_core_dumps

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
        "outbox export": _lazy("app.cli.transfer_commands", "outbox_export"),
        "outbox import": _lazy("app.cli.transfer_commands", "outbox_import"),
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


def _read_as_utf8(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """The arguments as the UTF-8 text they were typed in, or a message for the first that is
    not UTF-8.

    Python decodes them by the locale's encoding: in the C locale (without its coercion to
    UTF-8) a name typed with accents arrives as escapes of its bytes, in a Latin-1 one as other
    letters. So each is decoded again from its bytes. Bytes that are not UTF-8 would fail at the
    first print or encode, far from here; a command line is refused before anything reads it.
    """
    read = []
    for number, arg in enumerate(argv, start=1):
        try:
            raw = os.fsencode(arg)
        except UnicodeError:  # a lone surrogate that no bytes decode to (a test's argv)
            raw = arg.encode("utf-8", "surrogatepass")
        try:
            read.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            shown = repr(raw[:24] + (b"..." if len(raw) > 24 else b""))
            option = argv[number - 2] if number > 1 else ""
            if option.startswith("--") and "=" not in option:
                return read, f"the value of {option} ({shown}) is not UTF-8 text"
            return read, f"argument {number} ({shown}) is not UTF-8 text"
    return read, None


#: The commands that print nothing of their own: they run with standard output closed.
WINDOW_COMMANDS = frozenset({"gui", "demo"})


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    forbid_core_dumps()  # first: nothing secret is in memory yet
    streams = hold_standard_streams()  # before any file is opened (output.py says why)
    try:
        return _main(list(sys.argv[1:] if argv is None else argv), streams)
    finally:
        streams.restore()


def _main(argv: list[str], streams: StandardStreams) -> int:
    argv, problem = _read_as_utf8(argv)
    if problem:
        print(f"{APP_NAME}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(_runners())
    try:
        try:
            args, rest = parser.parse_known_args(argv)
        finally:
            # --help and --version print, then exit: what the output still holds is written
            # here, so a failure is said here rather than in the interpreter's flush at exit.
            streams.flush()
    except OutputFailed as failure:  # --help or --version with nowhere to print
        print(f"{APP_NAME}: {_unwritten(failure)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `stamps-pos --version | true`: the shell's way, no traceback
        streams.drop_output()
        return EXIT_BROKEN_PIPE
    if rest and not getattr(args, "passthrough", False):
        args.refuse(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    args.argv = argv  # as it was typed: a refusal may give it back to run again
    if args.run is None:
        print(f"{APP_NAME} {args.command}: not built yet.", file=sys.stderr)
        return EXIT_NOT_BUILT
    if streams.output_closed:
        if args.command not in WINDOW_COMMANDS:
            # Refused before it starts: a redemption whose receipt is lost is worse than none.
            report_failure(args.command, f"{_unwritten(OutputFailed(CLOSED))}; nothing was done")
            return EXIT_USAGE
        streams.discard_output()
    # The commands print their own outcome; stderr has errors only unless -v asks for more. The
    # full log goes to the data folder once a command knows it (see settings_and_token).
    logs.start(args.verbose)
    try:
        code: int = args.run(args)
        streams.flush()
    except Stop as stop:
        # A refusal a command makes before its loop starts (`history --since` a day after
        # --until): said in its line, as run() says those met on the loop, not as a traceback.
        report_failure(args.command, stop.message)
        code = stop.code
    except KeyboardInterrupt:
        # A command that is not run on the till's loop (doctor, support-bundle), or one still
        # loading: the same line as the others, not Python's traceback.
        report_failure(args.command, "stopped by Ctrl-C; what it had already done stands")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`| head`): what the command did stands, in the database
        # and the log; only the rest of its output is lost. Said the shell's way, no traceback.
        streams.drop_output()
        code = EXIT_BROKEN_PIPE
    except OutputFailed as failure:
        # Nobody can read what the command found or did: not a success. What it did stands.
        streams.drop_output()
        report_failure(args.command, f"{_unwritten(failure)}; anything it did stands")
        code = EXIT_USAGE
    finally:
        logs.stop()
    return code


def _unwritten(failure: OutputFailed) -> str:
    if failure.reason == CLOSED:
        return f"{CLOSED}: send the output to a file, or to /dev/null to drop it"
    return f"its output could not be written: {failure.reason}"
