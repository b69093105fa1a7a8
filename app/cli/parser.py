"""The ``stamps-pos`` argument parser: every command and option, and nothing else.

Every value is checked here, before the till opens: a number is plain ASCII digits and fits the
database, a text fits its field and holds no control characters, an entry id is an entry id. A
refusal is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from app import APP_NAME, version
from app.cli.common import EXIT_USAGE, REPLACE_HELP, one_line
from app.core.services import MOST_FLEXIBLE_STAMPS, MOST_OF_A_REWARD, EntryStatus
from app.early_config import MAX_WHOLE, unprintable

Runner = Callable[[argparse.Namespace], int]

# Only ASCII digits: int() would also take "1_0", " +10 " and Arabic-Indic or full-width digits.
_WHOLE = re.compile(r"[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[0-9]{1,9}(\.[0-9]{1,9})?", re.ASCII)
_ENTRY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
#: The longest ``sync --timeout``: a week (a sync meant to run for ever takes no timeout).
MAX_SECONDS = 7 * 24 * 3600.0
SHOWN = 24


def _shown(text: str) -> str:
    """A refused value as a message quotes it: short, and never obeyed by the terminal."""
    return repr(text if len(text) <= SHOWN else text[:SHOWN] + "…")


class VersionAction(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"{APP_NAME} {version()}")
        parser.exit()


def positive_int(text: str) -> int:
    """An argparse type: a whole number above zero, in ASCII digits, below 2⁶³."""
    if not _WHOLE.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"expected a whole number written with 0-9 only, got {_shown(text)}"
        )
    if len(text) > len(str(MAX_WHOLE)) or not 0 < int(text) <= MAX_WHOLE:
        raise argparse.ArgumentTypeError(
            f"expected a number from 1 to {MAX_WHOLE}, got {_shown(text)}"
        )
    return int(text)


def at_most(most: int) -> Callable[[str], int]:
    """An argparse type: a whole number from 1 to ``most``. ``--qty 0`` was told "from 1 to
    9223372036854775807" when the till takes at most 99 of a reward."""

    def whole(text: str) -> int:
        if not _WHOLE.fullmatch(text):
            return positive_int(text)  # refused in its words for what is no number at all
        if len(text) > len(str(most)) or not 0 < int(text) <= most:
            raise argparse.ArgumentTypeError(
                f"expected a number from 1 to {most}, got {_shown(text)}"
            )
        return int(text)

    return whole


def port(text: str) -> int:
    """An argparse type: a TCP port, 0 for one the system picks."""
    if not _WHOLE.fullmatch(text) or len(text) > 5 or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {_shown(text)}")
    return int(text)


def positive_float(text: str) -> float:
    """An argparse type: a number of seconds above zero and at most a week."""
    if not _DECIMAL.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds written with 0-9 and '.', got {_shown(text)}"
        )
    value = float(text)
    if not 0 < value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds above 0 and at most {MAX_SECONDS:.0f}, got {text}"
        )
    return value


def history_status(value: str) -> str:
    """An argparse type: a choice of the History's status filter, as manager mode's History
    names them, or a stored status as ``history --status`` took them before."""
    from app.core.services import STATUS_NAMES

    name = value.strip().lower().replace("-", "_")  # "Not-confirmed" is not_confirmed
    if name in STATUS_NAMES:
        return name
    raise argparse.ArgumentTypeError(
        f"{_shown(value)} is not a status: use one of {', '.join(STATUS_NAMES)}"
    )


def audit_action(value: str) -> str:
    """An argparse type: an action the till records in its audit log. Another matched no line
    and said "no audit lines match", exit 0: a typo read as a day nothing was done. The refusal
    names the nearest (every one would not fit one line); ``audit --help`` lists them all."""
    from difflib import get_close_matches

    from app.core.services import AUDIT_ACTIONS

    if value in AUDIT_ACTIONS:
        return value
    near = get_close_matches(value.strip().lower(), AUDIT_ACTIONS, n=3, cutoff=0.7)
    meant = f" (did you mean {' or '.join(near)}?)" if near else ""
    raise argparse.ArgumentTypeError(
        f"{_shown(value)} is not an action the till records{meant}; --help lists every one"
    )


def audit_actions_listed() -> str:
    """The actions ``audit --action`` takes, for its help."""
    from app.core.services import AUDIT_ACTIONS

    return ", ".join(repr(a) if " " in a else a for a in AUDIT_ACTIONS)


def text(max_length: int) -> Callable[[str], str]:
    """An argparse type: one line of printable text, not blank, at most ``max_length`` long."""

    def check(value: str) -> str:
        problem = unprintable(value)
        if problem:
            raise argparse.ArgumentTypeError(f"the value {problem}")
        if not value.strip():
            raise argparse.ArgumentTypeError("must not be empty")
        if len(value) > max_length:
            raise argparse.ArgumentTypeError(
                f"is {len(value)} characters long; at most {max_length} are accepted"
            )
        return value

    return check


def code(field: str) -> Callable[[str], str]:
    """An argparse type: a code the cashier gives (``"invoice"``, ``"voucher"``, ``"promo"``),
    checked by the till's own rule (app/core/services/codes.py) and refused in the words the
    window shows; returned trimmed and composed, as it will be sent."""

    def check(value: str) -> str:
        from app.core.services import INVOICE, PROMO_CODE, VOUCHER_CODE, CodeRefused, check_code

        if unprintable(value) == "is not valid UTF-8":  # said as every other argument says it
            raise argparse.ArgumentTypeError(f"the value {unprintable(value)}")
        fields = {"invoice": INVOICE, "voucher": VOUCHER_CODE, "promo": PROMO_CODE}
        try:
            return check_code(value, fields[field])
        except CodeRefused as refused:
            raise argparse.ArgumentTypeError(str(refused)) from None

    return check


def file_path(value: str) -> str:
    """An argparse type: a file's path. An empty one (``--csv "$OUT"`` with ``OUT`` unset) would
    quietly mean no file at all (the default settings, the table instead of the CSV) or the
    folder the command runs in, so it is refused."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty: name a file")
    return value


def file_to_write(value: str) -> str:
    """An argparse type: a new file to write. ``-`` is refused: it would be a file named ``-``,
    where ``--csv -`` means standard output."""
    if value == "-":
        raise argparse.ArgumentTypeError("'-' is not a file here: name the file to write")
    return file_path(value)


IDENTIFIER = text(254)  # an email is at most 254 characters; a phone or card number far fewer
REWARD_CODE = text(64)
VOUCHER_CODE = code("voucher")
PROMO_CODE = code("promo")
INVOICE = code("invoice")
NAME = text(64)
NOTE = text(500)


def entry_id(value: str) -> str:
    """An argparse type: an outbox entry's id (a UUID, as ``outbox list`` prints it)."""
    lowered = value.lower()
    if not _ENTRY_ID.fullmatch(lowered):
        raise argparse.ArgumentTypeError(
            "expected an entry id such as 01a22c17-05e4-7955-a363-5020063cb488, "
            f"got {_shown(value)}"
        )
    return lowered


def cart_item(value: str) -> tuple[str, int, int | None]:
    """``CODE[:QTY[:STAMPS]]`` for ``redeem multi --reward``."""
    parts = value.split(":")
    if len(parts) > 3:
        raise argparse.ArgumentTypeError(f"expected CODE[:QTY[:STAMPS]], got {_shown(value)}")
    code = REWARD_CODE(parts[0])
    qty = at_most(MOST_OF_A_REWARD)(parts[1]) if len(parts) > 1 else 1
    stamps = at_most(MOST_FLEXIBLE_STAMPS)(parts[2]) if len(parts) > 2 else None
    return code, qty, stamps


if TYPE_CHECKING:  # generic to the type checker only: not subscriptable at run time
    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _Commands = argparse._SubParsersAction


class _DescribedCommands(_Commands):
    """Subcommands whose own ``--help`` opens with the line their parent lists them by:
    ``stamps-pos sync --help`` said nothing of what sync does."""

    def add_parser(
        self,
        name: str,
        *,
        parser_class: type[argparse.ArgumentParser] | None = None,
        **kwargs: Any,
    ) -> argparse.ArgumentParser:
        kwargs.setdefault("description", kwargs.get("help"))
        if parser_class is None:
            made: argparse.ArgumentParser = super().add_parser(name, **kwargs)
            return made
        # one command parsed by another class (``token``, whose arguments may be a secret)
        usual = self._parser_class
        self._parser_class = parser_class
        try:
            parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        finally:
            self._parser_class = usual
        return parser


class CommandLine(argparse.ArgumentParser):
    """An argument parser whose refusals are one line (and a pointer to ``--help``), exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _DescribedCommands)

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {one_line(message)} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)

    def _print_message(self, message: str, file: Any = None) -> None:
        """Help and usage as argparse prints them, but a write the output refuses is raised,
        not dropped: argparse let ``--help | head`` into a gone reader exit 0, unread."""
        if message:
            (file or sys.stderr).write(message)


class TokenCommandLine(CommandLine):
    """The parser of ``token`` and ``token set``, which take the token on standard input only.

    A word left over there is most likely the token itself (``stamps-pos token set TOKEN``),
    and argparse's refusal repeated it ("unrecognized arguments: TOKEN") into a terminal's
    scrollback or a script's log: it is refused without being said."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("the following arguments are required"):
            super().error(message)  # `stamps-pos token`, no action: nothing secret to repeat
        print(
            f"{self.prog}: the token is read from standard input, never from an argument "
            "(every user of this computer can see a command's arguments): run `stamps-pos "
            "token set` and paste it, or pipe it in; nothing was stored",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_USAGE)


def add_acting_manager(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--manager NAME``: who takes a manager action; their PIN comes on standard input."""
    parser.add_argument(
        "--manager",
        metavar="MANAGER",
        type=NAME,
        required=required,
        help="the manager taking this action (their PIN is read from standard input)",
    )


def build_parser(runners: dict[str, Runner]) -> argparse.ArgumentParser:
    """The whole command line. ``runners`` maps a command path (``"redeem reward"``) to what runs
    it; a command missing from it is reported as not built."""
    # manager_parser builds on this module's types: imported here, not at the top
    from app.cli.manager_parser import add_manager_commands

    def bind(sub: argparse.ArgumentParser, path: str) -> None:
        # `refuse`: what is left over is refused by the command's own parser, whose help tells
        # what it takes (`stamps-pos cashier list --manager Ayu` pointed at `stamps-pos --help`).
        sub.set_defaults(command=path, run=runners.get(path), refuse=sub.error)

    parser = CommandLine(
        prog=APP_NAME,
        description="Stamps POS: the loyalty till for the Stamps platform. "
        "With no command it opens the cashier window.",
        # The README's exit codes, every one (tests/unit/test_cli.py holds the two together).
        epilog="exit codes: 0 done, 1 refused (or not redeemed; so is a well-formed name or id "
        "that names nothing here: an unknown member, reward, cashier, manager or outbox entry), "
        "2 usage or configuration (or a "
        "disk the till cannot use, or an output that cannot be written: closed or full), "
        "3 not confirmed (queued, --queue-only included, accepted offline or unknown), 4 the "
        "server refuses the till's token (the queue is paused), 5 not built yet, 130 stopped by "
        "Ctrl-C and 143 by SIGTERM, 141 the output's reader went away (| head; what the command "
        "did stands). A manager action without --manager or that manager's PIN on standard "
        "input is a usage error (2); a wrong PIN or a locked, disabled or unknown manager is "
        "refused (1). doctor's 3 and 4 say what it found: see stamps-pos doctor --help.",
    )
    parser.add_argument("--version", action=VersionAction, dest=argparse.SUPPRESS)
    parser.add_argument(
        "--config", type=file_path, metavar="FILE", help="settings file (default: the platform's)"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug)"
    )
    parser.add_argument(
        "--accept-new-database",
        action="store_true",
        help="if the database is damaged, keep it aside (renamed with the time) and start a "
        "new one; its readable entries are listed, for `outbox import`",
    )
    bind(parser, "gui")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the cashier window (the default)")
    gui.add_argument("--kiosk", action="store_true", help="full-screen self-service kiosk mode")
    bind(gui, "gui")
    demo = commands.add_parser("demo", help="the window against an embedded sandbox")
    shown = demo.add_mutually_exclusive_group()
    shown.add_argument("--kiosk", action="store_true", help="the self-service kiosk instead")
    shown.add_argument(
        "--exceptions",
        action="store_true",
        help="a till that trusts no idempotency key: what the Demo menu makes fail stays "
        "unknown, not sent again, for a manager to clear in manager mode (F8, Exceptions)",
    )
    demo.add_argument(
        "--port",
        type=port,
        default=0,
        help="the port its sandbox listens on, on loopback (default 0: a free one)",
    )
    bind(demo, "demo")

    sandbox = commands.add_parser(
        "sandbox", help="serve a Stamps-compatible sandbox on loopback", add_help=False
    )
    bind(sandbox, "sandbox")
    sandbox.set_defaults(passthrough=True)

    _add_member(commands, bind)
    _add_redeem(commands, bind)

    cancel = commands.add_parser("cancel", help="cancel a redemption (a manager action)")
    which = cancel.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "entry_id", nargs="?", type=entry_id, metavar="ENTRY_ID", help="the outbox entry"
    )
    which.add_argument("--server-id", type=positive_int, help="the server's redemption id")
    cancel.add_argument(
        "--user",
        type=IDENTIFIER,
        metavar="ID",
        help="with --server-id, for a redemption made elsewhere: the member (email, member ID, "
        "phone or card number)",
    )
    cancel.add_argument(
        "--replacement-voucher",
        action="store_true",
        help="give the member a replacement voucher (the window's tick box)",
    )
    cancel.add_argument("--note", type=NOTE, help="why (goes to the audit log)")
    add_acting_manager(cancel)
    cancel.add_argument("--json", action="store_true", help="print the entry as JSON")
    bind(cancel, "cancel")

    sync = commands.add_parser(
        "sync", help="send the outbox to the server: until Ctrl-C or --timeout, or --once"
    )
    sync.add_argument(
        "--once",
        action="store_true",
        help="drain the queue (then the daily upkeep, when one is due), then exit",
    )
    sync.add_argument(
        "--timeout",
        type=positive_float,
        help="stop after so many seconds (--once: default 300; else none)",
    )
    bind(sync, "sync")

    _add_outbox(commands, bind)
    add_manager_commands(commands, bind)
    doctor = commands.add_parser(
        "doctor",
        help="check settings, data folder, database, queue, libraries and server",
        # As the README's "stamps-pos doctor" says them.
        epilog="exit codes: 0 nothing failed (warnings allowed); else the first failure's: "
        "2 settings, storage, clock or libraries; 3 the server cannot be reached; 4 the "
        "credentials are refused or the queue is paused.",
    )
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    bind(doctor, "doctor")
    bundle = commands.add_parser(
        "support-bundle", help="write doctor's report, settings, queue and logs for support"
    )
    bundle.add_argument(
        "out", type=file_path, metavar="OUT.zip", help="the file to write (see --replace)"
    )
    bundle.add_argument("--replace", action="store_true", help=REPLACE_HELP.replace("FILE", "OUT"))
    bind(bundle, "support-bundle")

    token = commands.add_parser("token", help="store the API token", parser_class=TokenCommandLine)
    token_commands = token.add_subparsers(
        title="actions", metavar="ACTION", required=True, parser_class=TokenCommandLine
    )
    bind(
        token_commands.add_parser(
            "set",
            help="read the token from standard input (typed unseen at a terminal), check it "
            "(with the server too, once the settings are in: a token it refuses is not kept, "
            "exit 4), and keep it for this till",
        ),
        "token set",
    )
    return parser


def _add_member(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    member = commands.add_parser("member", help="look a member up")
    actions = member.add_subparsers(title="actions", metavar="ACTION", required=True)
    find = actions.add_parser("find", help="by email, member ID, phone or card number")
    find.add_argument("query", type=IDENTIFIER, help="email, member ID, phone or card number")
    find.add_argument("--json", action="store_true", help="print the member as JSON")
    bind(find, "member find")


def _add_redeem(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    common = CommandLine(add_help=False)
    common.add_argument(
        "--user", type=IDENTIFIER, required=True, help="email, member ID, phone or card number"
    )
    common.add_argument("--channel", type=positive_int, help="API channel (default: the setting)")
    common.add_argument(
        "--cashier",
        type=NAME,
        help="who redeems (default: $USER); on a till with cashier accounts, one of them, "
        "the default too",
    )
    common.add_argument(
        "--pin-stdin", action="store_true", help="read the member's PIN from standard input"
    )
    common.add_argument(
        "--queue-only",
        action="store_true",
        help="print the queued entry without waiting (exit 3: not confirmed)",
    )
    common.add_argument("--json", action="store_true", help="print the entry as JSON")
    invoice = CommandLine(add_help=False)
    invoice.add_argument("--invoice", type=INVOICE, help="the POS invoice number")

    redeem = commands.add_parser("redeem", help="redeem a reward, voucher, code or promo code")
    kinds = redeem.add_subparsers(title="what", metavar="WHAT", required=True)

    reward = kinds.add_parser("reward", parents=[common, invoice], help="one reward")
    reward.add_argument("--reward", type=positive_int, required=True, help="the reward's id")
    reward.add_argument(
        "--stamps", type=at_most(MOST_FLEXIBLE_STAMPS), help="stamps for a flexible reward"
    )
    reward.add_argument(
        "--qty", type=at_most(MOST_OF_A_REWARD), default=1, help="how many (default 1)"
    )
    bind(reward, "redeem reward")

    multi = kinds.add_parser("multi", parents=[common, invoice], help="several rewards, one cart")
    multi.add_argument(
        "--reward",
        type=cart_item,
        action="append",
        required=True,
        metavar="CODE[:QTY[:STAMPS]]",
        help="a reward of the cart by its code, how many (default 1) and, for a flexible "
        "reward, its stamps; repeatable",
    )
    bind(multi, "redeem multi")

    voucher = kinds.add_parser("voucher", parents=[common, invoice], help="a member's voucher")
    voucher.add_argument("--voucher", type=positive_int, required=True, help="the voucher's id")
    voucher.add_argument(
        "--whole",
        action="store_true",
        help="use up a balance voucher whole: what it has left is lost (else `redeem deduct`)",
    )
    bind(voucher, "redeem voucher")

    deduct = kinds.add_parser("deduct", parents=[common, invoice], help="from a balance voucher")
    deduct.add_argument("--voucher", type=positive_int, required=True, help="the voucher's id")
    deduct.add_argument("--value", type=positive_int, required=True, help="rupiah to deduct")
    bind(deduct, "redeem deduct")

    code = kinds.add_parser("code", parents=[common, invoice], help="by voucher code")
    code.add_argument("--code", type=VOUCHER_CODE, required=True, help="the voucher code")
    code.add_argument("--template", type=positive_int, help="the voucher template id")
    code.add_argument(
        "--transaction-value",
        type=positive_int,
        metavar="RUPIAH",
        help="the sale the voucher is used on, for the server's check (a minimum purchase)",
    )
    bind(code, "redeem code")

    promo = kinds.add_parser("promo", parents=[common], help="a promo code")
    promo.add_argument("--code", type=PROMO_CODE, required=True, help="the promo code")
    promo.add_argument(
        "--invoice", type=INVOICE, required=True, help="the POS invoice number (required)"
    )
    bind(promo, "redeem promo")


def _add_outbox(commands: Any, bind: Callable[[argparse.ArgumentParser, str], None]) -> None:
    outbox = commands.add_parser("outbox", help="list and manage outbox entries")
    actions = outbox.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="entries, newest last")
    listing.add_argument(
        "--status", choices=[s.value for s in EntryStatus], help="only the entries in this status"
    )
    listing.add_argument("--json", action="store_true", help="print the entries as JSON")
    listing.add_argument(
        "--limit",
        type=positive_int,
        default=1000,
        help="the newest so many (default 1000; a year's outbox lists for minutes)",
    )
    bind(listing, "outbox list")
    show = actions.add_parser("show", help="one entry with its attempts")
    show.add_argument("entry_id", type=entry_id, metavar="ENTRY_ID", help="the outbox entry")
    show.add_argument("--json", action="store_true", help="print the entry as JSON")
    bind(show, "outbox show")
    export = actions.add_parser(
        "export", help="write the queued, sending and unknown entries to a file (for another till)"
    )
    export.add_argument(
        "file", type=file_to_write, metavar="FILE", help="the file to write (see --replace)"
    )
    export.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    export.add_argument(
        "--database",
        type=file_path,
        metavar="DB",
        help="export from this database file (a damaged or a dead till's) instead of this till's",
    )
    bind(export, "outbox export")
    load = actions.add_parser(
        "import", help="add the entries of an export (or of a database file) to this till"
    )
    load.add_argument(
        "file", type=file_path, metavar="FILE", help="an `outbox export` file or a database file"
    )
    add_acting_manager(load)
    bind(load, "outbox import")
    for name, text in [
        ("retry", "send a rejected or unknown entry again, as new"),
        ("mark-applied", "the server did apply it"),
        ("dismiss", "close it"),
    ]:
        action = actions.add_parser(name, help=text)
        action.add_argument("entry_id", type=entry_id, metavar="ENTRY_ID", help="the outbox entry")
        action.add_argument("--note", type=NOTE, required=True, help="why (goes to the audit log)")
        add_acting_manager(action)
        if name == "retry":
            action.add_argument(
                "--member-pin-stdin",
                action="store_true",
                help="a PIN member's redemption: read their PIN from standard input, after the "
                "manager's",
            )
        if name == "mark-applied":
            action.add_argument(
                "--server-id",
                type=positive_int,
                metavar="N",
                help="the redemption id the Stamps dashboard shows for it: the till can then "
                "cancel it itself",
            )
        bind(action, f"outbox {name}")
