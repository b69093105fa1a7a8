"""The ``stamps-pos`` command line: the GUI by default, and a headless twin of every cashier and
manager action.

Exit codes, the same for every command: 0 done; 1 refused (by the server or the offline policy);
2 usage or configuration error; 3 not confirmed (still queued, provisional or unknown); 4 the queue
is paused for credentials; 5 not built yet.
"""

from __future__ import annotations

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
_NOT_BUILT: dict[str, str] = {
    "gui": "the cashier window (issue 6)",
    "demo": "the cashier window that `make demo` opens (issue 6)",
    "doctor": "the credentials and connectivity check",
}


def _runners() -> dict[str, Runner]:
    from app.cli import token_commands

    return {"token set": token_commands.token_set}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; returns the exit code."""
    parser = build_parser(_runners())
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    if args.run is None:
        waiting = _NOT_BUILT.get(args.command, "a later issue")
        print(f"{APP_NAME} {args.command}: not built yet — waiting on {waiting}.", file=sys.stderr)
        return EXIT_NOT_BUILT
    code: int = args.run(args)
    return code
