"""The ``stamps-pos`` argument parser: every command and option, and nothing else."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app import APP_NAME, version
from app.core.domain import EntryStatus

Runner = Callable[[argparse.Namespace], int]


class VersionAction(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"{APP_NAME} {version()}")
        parser.exit()


def positive_int(text: str) -> int:
    """An argparse type: a whole number above zero."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above zero, got {value}")
    return value


def positive_float(text: str) -> float:
    """An argparse type: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number above zero, got {text}")
    return value


def cart_item(text: str) -> tuple[str, int, int | None]:
    """``CODE[:QTY[:STAMPS]]`` for ``redeem multi --reward``."""
    parts = text.split(":")
    if not parts[0] or len(parts) > 3:
        raise argparse.ArgumentTypeError(f"expected CODE[:QTY[:STAMPS]], got {text!r}")
    qty = positive_int(parts[1]) if len(parts) > 1 else 1
    stamps = positive_int(parts[2]) if len(parts) > 2 else None
    return parts[0], qty, stamps


def add_acting_manager(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--manager NAME``: who takes a manager action; their PIN comes on standard input."""
    parser.add_argument(
        "--manager",
        metavar="MANAGER",
        required=required,
        help="the manager taking this action (their PIN is read from standard input)",
    )


def build_parser(runners: dict[str, Runner]) -> argparse.ArgumentParser:
    """The whole command line. ``runners`` maps a command path (``"redeem reward"``) to what runs
    it; a command missing from it is reported as not built."""
    # manager_parser builds on this module's types: imported here, not at the top
    from app.cli.manager_parser import add_manager_commands

    def bind(sub: argparse.ArgumentParser, path: str) -> None:
        sub.set_defaults(command=path, run=runners.get(path))

    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Stamps POS: the loyalty till for the Stamps platform. "
        "With no command it opens the cashier window.",
        epilog="exit codes: 0 done, 1 refused, 2 usage or configuration error, "
        "3 not confirmed, 4 queue paused for credentials, 5 not built. "
        "A manager action without --manager or that manager's PIN on standard input is a usage "
        "error (2); a wrong PIN or a locked, disabled or unknown manager is refused (1).",
    )
    parser.add_argument("--version", action=VersionAction, dest=argparse.SUPPRESS)
    parser.add_argument("--config", metavar="FILE", help="settings file (default: the platform's)")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug)"
    )
    bind(parser, "gui")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the cashier window (the default)")
    gui.add_argument("--kiosk", action="store_true", help="full-screen self-service kiosk mode")
    bind(gui, "gui")
    bind(commands.add_parser("demo", help="the window against an embedded sandbox"), "demo")

    sandbox = commands.add_parser(
        "sandbox", help="serve a Stamps-compatible sandbox on loopback", add_help=False
    )
    bind(sandbox, "sandbox")
    sandbox.set_defaults(passthrough=True)

    _add_member(commands, bind)
    _add_redeem(commands, bind)

    cancel = commands.add_parser("cancel", help="cancel a redemption (a manager action)")
    which = cancel.add_mutually_exclusive_group(required=True)
    which.add_argument("entry_id", nargs="?", metavar="ENTRY_ID", help="the outbox entry")
    which.add_argument("--server-id", type=positive_int, help="the server's redemption id")
    cancel.add_argument(
        "--user", metavar="ID", help="with --server-id, for a redemption made elsewhere: the member"
    )
    cancel.add_argument("--replacement-voucher", action="store_true")
    cancel.add_argument("--note", help="why (goes to the audit log)")
    add_acting_manager(cancel)
    cancel.add_argument("--json", action="store_true", help="print the entry as JSON")
    bind(cancel, "cancel")

    sync = commands.add_parser("sync", help="send the outbox to the server")
    sync.add_argument("--once", action="store_true", help="drain the queue, then exit")
    sync.add_argument("--timeout", type=positive_float, help="seconds (--once: default 300)")
    bind(sync, "sync")

    _add_outbox(commands, bind)
    add_manager_commands(commands, bind)
    doctor = commands.add_parser(
        "doctor", help="check settings, data folder, database, queue, libraries and server"
    )
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    bind(doctor, "doctor")
    bundle = commands.add_parser(
        "support-bundle", help="write doctor's report, settings, queue and logs for support"
    )
    bundle.add_argument("out", metavar="OUT.zip", help="the file to write (must not exist)")
    bind(bundle, "support-bundle")

    token = commands.add_parser("token", help="store the API token")
    token_commands = token.add_subparsers(title="actions", metavar="ACTION", required=True)
    bind(token_commands.add_parser("set", help="read the token from standard input"), "token set")
    return parser


def _add_member(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    member = commands.add_parser("member", help="look a member up")
    actions = member.add_subparsers(title="actions", metavar="ACTION", required=True)
    find = actions.add_parser("find", help="by email, member ID, phone or card number")
    find.add_argument("query")
    find.add_argument("--json", action="store_true")
    bind(find, "member find")


def _add_redeem(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--user", required=True, help="email, member ID, phone or card number")
    common.add_argument("--channel", type=positive_int, help="API channel (default: the setting)")
    common.add_argument("--cashier", help="who redeems (default: $USER)")
    common.add_argument(
        "--pin-stdin", action="store_true", help="read the member's PIN from standard input"
    )
    common.add_argument(
        "--queue-only", action="store_true", help="print the queued entry without waiting"
    )
    common.add_argument("--json", action="store_true", help="print the entry as JSON")
    invoice = argparse.ArgumentParser(add_help=False)
    invoice.add_argument("--invoice", help="the POS invoice number")

    redeem = commands.add_parser("redeem", help="redeem a reward, voucher, code or promo code")
    kinds = redeem.add_subparsers(title="what", metavar="WHAT", required=True)

    reward = kinds.add_parser("reward", parents=[common, invoice], help="one reward")
    reward.add_argument("--reward", type=positive_int, required=True, help="the reward's id")
    reward.add_argument("--stamps", type=positive_int, help="stamps for a flexible reward")
    reward.add_argument("--qty", type=positive_int, default=1)
    bind(reward, "redeem reward")

    multi = kinds.add_parser("multi", parents=[common, invoice], help="several rewards, one cart")
    multi.add_argument(
        "--reward", type=cart_item, action="append", required=True, metavar="CODE[:QTY[:STAMPS]]"
    )
    bind(multi, "redeem multi")

    voucher = kinds.add_parser("voucher", parents=[common, invoice], help="a member's voucher")
    voucher.add_argument("--voucher", type=positive_int, required=True, help="the voucher's id")
    bind(voucher, "redeem voucher")

    deduct = kinds.add_parser("deduct", parents=[common, invoice], help="from a dynamic voucher")
    deduct.add_argument("--voucher", type=positive_int, required=True)
    deduct.add_argument("--value", type=positive_int, required=True, help="rupiah to deduct")
    bind(deduct, "redeem deduct")

    code = kinds.add_parser("code", parents=[common, invoice], help="by voucher code")
    code.add_argument("--code", required=True)
    code.add_argument("--template", type=positive_int, help="the voucher template id")
    bind(code, "redeem code")

    promo = kinds.add_parser("promo", parents=[common], help="a promo code")
    promo.add_argument("--code", required=True)
    promo.add_argument("--invoice", required=True, help="the POS invoice number (required)")
    bind(promo, "redeem promo")


def _add_outbox(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    outbox = commands.add_parser("outbox", help="list and manage outbox entries")
    actions = outbox.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="entries, newest last")
    listing.add_argument("--status", choices=[s.value for s in EntryStatus])
    listing.add_argument("--json", action="store_true")
    bind(listing, "outbox list")
    show = actions.add_parser("show", help="one entry with its attempts")
    show.add_argument("entry_id")
    show.add_argument("--json", action="store_true")
    bind(show, "outbox show")
    for name, text in [
        ("retry", "send a rejected or unknown entry again, as new"),
        ("mark-applied", "the server did apply it"),
        ("dismiss", "close it"),
    ]:
        action = actions.add_parser(name, help=text)
        action.add_argument("entry_id")
        action.add_argument("--note", required=True, help="why (goes to the audit log)")
        add_acting_manager(action)
        if name == "retry":
            action.add_argument(
                "--member-pin-stdin",
                action="store_true",
                help="a PIN member's redemption: read their PIN from standard input, after the "
                "manager's",
            )
        bind(action, f"outbox {name}")
