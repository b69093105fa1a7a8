"""What the command line says when the till's disk or database is in trouble, and how a damaged
database is replaced: only when asked (``--accept-new-database``), keeping the old one aside and
listing what it still holds, so a person decides what becomes of those entries."""

from __future__ import annotations

import argparse
import shlex
import sys

from app import APP_NAME
from app.cli.common import EXIT_USAGE, Stop, one_line
from app.core.services import DatabaseDamaged, entry_lines, readable_unsettled, say, set_aside


def _entries(count: int) -> str:
    return f"{count} readable queued, sending or unknown entr{'y' if count == 1 else 'ies'}"


def refuse_damaged(args: argparse.Namespace, damage: DatabaseDamaged) -> Stop:
    """The one-line refusal to work on a damaged database, saying what it still holds and how
    to start a new one; nothing is changed."""
    unsettled, _complete = readable_unsettled(damage.path)
    said = say(
        "start.database_damaged",
        path=str(damage.path),
        problem=damage.first_problem,
        count=len(unsettled),
        command=_run_again(args),
    )
    return Stop.saying(EXIT_USAGE, said)


def _run_again(args: argparse.Namespace) -> str:
    """The command that was run, with ``--accept-new-database``: a kiosk's is ``gui --kiosk``
    (``gui`` alone would open the cashier's window on the kiosk's terminal), and its settings
    file stays the one named."""
    line = [APP_NAME]
    if args.config:
        line += ["--config", shlex.quote(str(args.config))]
    line.append("--accept-new-database")
    typed = _as_typed(args)
    if typed is not None:
        return " ".join(line + [shlex.quote(word) for word in typed])
    line.append(args.command)  # `stamps-pos` alone opens the window: its command is `gui`
    if args.command == "gui":
        line += ["--kiosk"] if getattr(args, "kiosk", False) else []
    return " ".join(line)


def _as_typed(args: argparse.Namespace) -> list[str] | None:
    """The command and its own arguments as they were typed (``history --cashier Rina``), the
    options before it (``--config``, ``-v``) left out; ``None`` when no command was typed. A
    ``...`` stood for the arguments, and the line run as printed refused ``...``."""
    typed: list[str] = getattr(args, "argv", None) or []
    first = args.command.split()[0]
    for at, word in enumerate(typed):
        before = typed[at - 1] if at else ""
        if word == first and not (len(before) > 2 and "--config".startswith(before)):
            return typed[at:]
    return None


def _tell(line: str) -> None:
    print(line, file=sys.stderr)


def start_new_database(damage: DatabaseDamaged) -> None:
    """Move the damaged database aside and tell, on stderr, where it went and what it holds."""
    aside = set_aside(damage.path)
    _tell(f"{APP_NAME}: {damage.sentence}.")
    _tell(f"{APP_NAME}: it was kept as {aside.path}; this till starts on a new, empty database.")
    if not aside.unsettled:
        _tell(
            "Nothing could be read from it."
            if not aside.complete
            else "It held no queued, sending or unknown entry."
        )
        return
    _tell(f"It still holds {_entries(len(aside.unsettled))}:")
    for line in entry_lines(aside.unsettled):
        _tell(f"  {one_line(line)}")
    if not aside.complete:
        _tell("Some of its rows could not be read; the rest are listed.")
    _tell(f"To add them to this till: {APP_NAME} outbox import {aside.path} --manager NAME")
