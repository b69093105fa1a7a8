"""How a headless manager action signs its manager in: ``--manager NAME`` and the PINs on
standard input, then manager mode for the length of the command.

PINs are read one a line, in the order the command needs them (the acting manager's, then a new
PIN, then a member's); at a terminal they are asked for without echo, and a new PIN twice.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TextIO

from app.cli.common import (
    EXIT_NOT_CONFIRMED,
    EXIT_REFUSED,
    EXIT_USAGE,
    Stop,
    counted,
    waiting_for,
)
from app.core.services import (
    PIN_INPUT_MAX,
    FieldRefused,
    Manager,
    MemberNeeded,
    MemberNotFound,
    NewPinNeeded,
    NotOnline,
    PinRejected,
    Refused,
    Secret,
    StaffRefused,
    Till,
)


class ManagerPins:
    """The PINs of one command, read from ``stream`` (standard input) in order."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin

    def read(self, what: str, *, confirm: bool = False) -> Secret:
        """The next PIN; :class:`Stop` (usage) when there is none. Every PIN is read before
        the command changes anything: Ctrl-C meanwhile stops it saying so."""
        with waiting_for(what):
            return self._read(what, confirm=confirm)

    def _read(self, what: str, *, confirm: bool) -> Secret:
        if self.stream.isatty():
            first = getpass.getpass(f"{what}: ")
            if confirm and getpass.getpass(f"{what} again: ") != first:
                raise Stop(EXIT_USAGE, "the two PINs typed differ; nothing was changed")
            text = first
        else:
            # Bounded: `< /dev/zero` or a file with no line end must not be read into memory.
            line = self.stream.readline(PIN_INPUT_MAX + 2)
            if len(line) > PIN_INPUT_MAX and not line.endswith("\n"):
                raise Stop(EXIT_USAGE, f"{what} on standard input is longer than any PIN")
            # A file saved as "UTF-8 with BOM" starts with the mark, which no PIN holds.
            text = line.removeprefix("\ufeff").rstrip("\r\n")
        if not text:
            raise Stop(EXIT_USAGE, f"{what} must come on standard input, one PIN a line")
        return Secret(text)


@asynccontextmanager
async def acting_manager(
    till: Till, args: argparse.Namespace, pins: ManagerPins
) -> AsyncIterator[Manager]:
    """Manager mode for ``--manager`` with the first PIN on standard input, left at the end."""
    name = getattr(args, "manager", None)
    if not name:
        raise Stop(
            EXIT_USAGE,
            "this is a manager action: give --manager NAME and the manager's PIN on standard input",
        )
    pin = pins.read("the acting manager's PIN")
    try:
        manager = await till.manager.enter(name, pin)
    except StaffRefused as exc:
        raise Stop(EXIT_REFUSED, exc.message) from None
    try:
        yield manager
    finally:
        await till.manager.leave("command finished")


def refusal_exit(exc: Exception) -> Stop:
    """The exit for a refusal of manager mode or of the till: a bad or missing value is a usage
    error (2), an offline till is "not confirmed" (3), anything else refused (1)."""
    if isinstance(exc, FieldRefused):
        return Stop(EXIT_USAGE, str(exc))
    if isinstance(exc, MemberNeeded):
        return Stop(EXIT_USAGE, _and_then(exc.message, "give --user"))
    if isinstance(exc, NewPinNeeded):
        return Stop(EXIT_USAGE, _and_then(exc.message, "give --member-pin-stdin"))
    if isinstance(exc, NotOnline):
        return Stop(EXIT_NOT_CONFIRMED, str(exc))
    if isinstance(exc, StaffRefused):
        return Stop(EXIT_REFUSED, exc.message)
    if isinstance(exc, PinRejected) and exc.attempts_left is not None:
        return Stop(EXIT_REFUSED, f"{exc} ({counted(exc.attempts_left, 'attempt')} left)")
    if isinstance(exc, Refused):
        return Stop(EXIT_REFUSED, str(exc))
    if isinstance(exc, MemberNotFound):
        return Stop(EXIT_REFUSED, str(exc))
    raise exc


def _and_then(sentence: str, option: str) -> str:
    """The core's sentence and the option that does what it asks: "… to cancel it: give
    --user" (the sentence's own full stop left out, where it read "… to cancel it.: give")."""
    return f"{sentence.rstrip('.')}: {option}"


#: What :func:`refusal_exit` turns into an exit code.
REFUSALS = (FieldRefused, StaffRefused, Refused, MemberNotFound)
