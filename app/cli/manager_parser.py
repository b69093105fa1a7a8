"""The command line of manager mode: accounts (``manager``, ``cashier``), what managers read
(``history``, ``exceptions``, ``audit``, ``summary``), and the acting manager's option shared by
every manager action.

PINs are read from standard input, never from an argument (``ps`` would show it): the acting
manager's first, then a new PIN when the command sets one, then the member's when a retry needs it.
Without ``--manager`` or the PIN a manager action exits 2 (usage); a wrong PIN, an unknown,
disabled or locked manager exits 1 (refused). Reading commands need no PIN: they show what the
database file, readable only by the till's own account, already holds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app.cli.common import REPLACE_HELP
from app.cli.parser import (
    IDENTIFIER,
    NAME,
    add_acting_manager,
    audit_action,
    audit_actions_listed,
    entry_id,
    file_path,
    history_status,
    positive_int,
)
from app.core.services import STANDINGS, EntryStatus

#: The stored statuses ``history --status`` took before that the History names otherwise.
STORED = [status for status in EntryStatus if status.value not in STANDINGS]

Bind = Callable[[argparse.ArgumentParser, str], None]

ACCOUNT_ACTIONS = {
    "manager": ("add", "list", "disable", "enable", "reset-pin"),
    "cashier": ("add", "list", "rename", "disable", "enable", "reset-pin", "import"),
}


#: The days a reading can ask for. The till turns a day into its local span (and a time into UTC)
#: with the platform's clock functions, which fail at the calendar's ends (year 1, year 9999); no
#: till has a record outside these anyway.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)


def _within_reach(when: datetime | date, text: str) -> datetime | date:
    day = when.date() if isinstance(when, datetime) else when
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            f"expected a day from {FIRST_DAY} to {LAST_DAY}, got {text!r}"
        )
    return when


def moment(text: str) -> datetime | date:
    """An argparse type: a day (``2026-11-25``) or a local time (``2026-11-25T14:30``)."""
    try:
        if "T" in text or " " in text.strip():
            when: datetime | date = datetime.fromisoformat(text.strip())
        else:
            when = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a day such as 2026-11-25 or a time such as 2026-11-25T14:30, got {text!r}"
        ) from None
    return _within_reach(when, text)


def day(text: str) -> date:
    """An argparse type: a day, ``2026-11-25``."""
    try:
        when = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a day such as 2026-11-25, got {text!r}"
        ) from None
    _within_reach(when, text)
    return when


def add_manager_commands(commands: Any, bind: Bind) -> None:
    """``manager``, ``cashier``, ``history``, ``exceptions``, ``audit`` and ``summary``."""
    _add_accounts(commands, bind)
    _add_reading(commands, bind)


def _add_accounts(commands: Any, bind: Bind) -> None:
    for role, actions in ACCOUNT_ACTIONS.items():
        group = commands.add_parser(role, help=f"{role} accounts (a manager's PIN for changes)")
        sub = group.add_subparsers(title="actions", metavar="ACTION", required=True)
        for action in actions:
            parser = sub.add_parser(action, help=_ACCOUNT_HELP[action].format(role=role))
            if action == "list":
                parser.add_argument("--json", action="store_true", help="print the names as JSON")
                bind(parser, f"{role} list")
                continue
            if action == "import":
                parser.add_argument(
                    "file",
                    nargs="?",
                    type=file_path,
                    metavar="FILE",
                    help="one name a line (default: cashiers.txt beside the settings file)",
                )
            else:
                parser.add_argument("name", metavar="NAME", help=f"the {role}'s name")
            if action == "rename":
                parser.add_argument("new_name", metavar="NEW_NAME", help="the name it becomes")
            if role == "cashier" and action in ("add", "reset-pin"):
                parser.add_argument(
                    "--no-pin",
                    action="store_true",
                    help="no PIN at sign-in (adding), or remove the PIN (resetting)",
                )
            # the first manager is added without one: checked when the command runs
            add_acting_manager(parser, required=(role, action) != ("manager", "add"))
            bind(parser, f"{role} {action}")


_ACCOUNT_HELP = {
    "add": "add a {role} (their new PIN on standard input, after the acting manager's)",
    "list": "the {role}s' names (no PIN needed)",
    "rename": "rename a {role}",
    "disable": "stop a {role} signing in",
    "enable": "let a disabled {role} sign in again",
    "reset-pin": "set a {role}'s PIN (new PIN on standard input, after the acting manager's)",
    "import": "add cashiers, without PINs, from a file of names",
}


def _add_reading(commands: Any, bind: Bind) -> None:
    history = commands.add_parser(
        "history",
        help="this till's redemptions and the customers refused at the counter, newest first",
    )
    _add_span(history)
    history.add_argument(
        "--status",
        action="append",
        type=history_status,
        metavar="STATUS",
        help=f"as manager mode's History names them: {', '.join(STANDINGS)}; or a stored "
        f"status, each of its entries: {', '.join(s.value for s in STORED)}; repeatable (any of "
        "them)",
    )
    history.add_argument("--cashier", type=NAME, metavar="NAME", help="only this cashier's")
    history.add_argument(
        "--member",
        type=IDENTIFIER,
        metavar="ID",
        help="email, member ID, phone or card number, or the start of any word of a name",
    )
    history.add_argument(
        "--limit", type=positive_int, default=200, help="the newest so many (default 200)"
    )
    history.add_argument("--json", action="store_true", help="print the redemptions as JSON")
    bind(history, "history")

    exceptions = commands.add_parser(
        "exceptions", help="rejected and unknown entries waiting for a manager"
    )
    exceptions.add_argument("--json", action="store_true", help="print the entries as JSON")
    bind(exceptions, "exceptions")

    audit = commands.add_parser("audit", help="the audit log: who did what, when")
    _add_span(audit)
    audit.add_argument("--who", type=NAME, metavar="NAME", help="only what this person did")
    audit.add_argument(
        "--action",
        type=audit_action,
        metavar="ACTION",
        help=f"only this action: one of {audit_actions_listed().replace('%', '%%')}",
    )
    audit.add_argument(
        "--entry", type=entry_id, metavar="ENTRY_ID", help="only the lines of this outbox entry"
    )
    audit.add_argument(
        "--limit",
        type=positive_int,
        help="the newest so many (default 1000 on screen; a CSV holds every line unless given)",
    )
    output = audit.add_mutually_exclusive_group()
    output.add_argument(
        "--csv", type=file_path, metavar="FILE", help="write CSV to FILE ('-': standard output)"
    )
    output.add_argument("--json", action="store_true", help="print the lines as JSON")
    audit.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    bind(audit, "audit")

    summary = commands.add_parser(
        "summary", help="end of day: counts, stamps and rupiah by cashier, kind and standing"
    )
    summary.add_argument(
        "--date",
        type=day,
        metavar="DAY",
        help="default: today, or yesterday past midnight while a shift begun then is open",
    )
    output = summary.add_mutually_exclusive_group()
    output.add_argument(
        "--csv", type=file_path, metavar="FILE", help="write CSV to FILE ('-': standard output)"
    )
    output.add_argument("--json", action="store_true", help="print the day as JSON")
    summary.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    bind(summary, "summary")


def _add_span(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=moment, metavar="WHEN", help="a day or a local time (from its start)"
    )
    parser.add_argument(
        "--until", type=moment, metavar="WHEN", help="a day (to its end) or a local time"
    )
