"""``stamps-pos token set``: keep the API token where the till looks for it."""

from __future__ import annotations

import argparse
import asyncio
import codecs
import os
import select
import sys
import time
from pathlib import Path

from app import APP_NAME
from app.cli.common import EXIT_OK, EXIT_PAUSED, EXIT_USAGE, report_failure, waiting_for
from app.cli.till_commands import resume_after_token_change
from app.config import ConfigError, default_config_file, load_settings
from app.core.services import (
    MAX_TOKEN_LENGTH,
    CredentialsError,
    Secret,
    check_new_token,
    diagnostics,
    english,
    store_token,
    typed_token,
)

#: After the token's line, what more standard input brings is read for this long at most, so
#: that a second line (a file pasted, two tokens) is refused rather than dropped, while a writer
#: that keeps its pipe open is not waited for: what it writes later is never read.
MORE_INPUT_WAIT_S = 0.5
#: At most this much of standard input is read: the longest token, a byte order mark before it
#: and its line's end. One byte more says the input is longer than a token.
INPUT_BOUND = MAX_TOKEN_LENGTH + len(codecs.BOM_UTF8) + 2


def _read_token() -> str:
    """What standard input holds (a prompt without echo on a terminal), read with two bounds:
    :data:`INPUT_BOUND` bytes, and :data:`MORE_INPUT_WAIT_S` for what follows the first line.
    The check that follows refuses more than one line; a pasted file or an endless stream
    never fills the memory."""
    fd = sys.stdin.fileno()
    data = _typed(fd) if os.isatty(fd) else _piped(fd)
    if len(data) > INPUT_BOUND:
        _first, newline, rest = data.partition(b"\n")
        if not (newline and rest.strip()):  # more than a token on one line (not two lines)
            raise CredentialsError(
                f"the token cannot be sent: it is longer than {MAX_TOKEN_LENGTH} characters"
            )
    # A file saved as "UTF-8 with BOM" (Notepad, a PowerShell pipe) starts with the encoding's
    # mark, which is no part of the token; bytes that are not UTF-8 stay visible to the check,
    # which refuses them.
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")


def _piped(fd: int) -> bytes:
    """The first line, however long its writer takes, then what follows it in time."""
    data, ended = _first_line(fd)
    return data if ended else data + _what_follows(fd, len(data))


def _typed(fd: int) -> bytes:
    """A line typed (or pasted) at the terminal, not echoed; then what a paste put after it,
    read without waiting for its line's end, so that it is refused with the rest rather than
    left for the shell to run as a command once this one ends."""
    try:
        import termios
    except ImportError:  # no POSIX terminal (Windows): one line, as getpass reads it
        import getpass

        return getpass.getpass("API token: ").encode("utf-8", "surrogateescape")
    before = termios.tcgetattr(fd)
    quiet = termios.tcgetattr(fd)
    quiet[3] &= ~termios.ECHO
    # Quiet first, then the prompt: what is typed once it shows is never echoed. (Typed before
    # it, it is dropped, as getpass drops it.)
    termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    try:
        print("API token: ", end="", file=sys.stderr, flush=True)
        data, ended = _first_line(fd)
        if ended:
            return data
        raw = termios.tcgetattr(fd)
        raw[3] &= ~(termios.ECHO | termios.ICANON)
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
        termios.tcsetattr(fd, termios.TCSANOW, raw)
        return data + _what_follows(fd, len(data))
    finally:
        # Anything still unread is dropped with the terminal's settings put back.
        termios.tcsetattr(fd, termios.TCSAFLUSH, before)
        print(file=sys.stderr)


def _first_line(fd: int) -> tuple[bytes, bool]:
    """Standard input up to its first line's end (or :data:`INPUT_BOUND` + 1 bytes), and
    whether it ended there (the writer closed it)."""
    data = b""
    while b"\n" not in data and len(data) <= INPUT_BOUND:
        chunk = os.read(fd, INPUT_BOUND + 1 - len(data))
        if not chunk:
            return data, True
        data += chunk
    return data, False


def _what_follows(fd: int, have: int) -> bytes:
    """What arrives within :data:`MORE_INPUT_WAIT_S`, up to the bound (``have`` bytes read)."""
    more = b""
    deadline = time.monotonic() + MORE_INPUT_WAIT_S
    while have + len(more) <= INPUT_BOUND:
        left = deadline - time.monotonic()
        try:
            ready = left > 0 and bool(select.select([fd], [], [], left)[0])
        except (OSError, ValueError):  # a pipe select cannot wait on (Windows): no more is read
            ready = False
        if not ready:
            break
        chunk = os.read(fd, INPUT_BOUND + 1 - have - len(more))
        if not chunk:
            break
        more += chunk
    return more


def token_set(args: argparse.Namespace) -> int:
    """Read the token from standard input (never from an argument, which ``ps`` would show),
    check it, and only then replace the stored one."""
    config_dir = Path(args.config).parent if args.config else default_config_file().parent
    try:
        # Refused as it is first (exit 2, in the store's words), then asked of the server.
        with waiting_for("the token"):
            typed = _read_token()
        token = Secret(check_new_token(typed_token(typed).reveal(), "the token"))
        # Nothing is kept before the server has answered: Ctrl-C meanwhile changes nothing.
        with waiting_for("the Stamps server to check the token"):
            checks = _asked_of_the_server(args, token)
        checked = next((c for c in checks if c.name == "credentials"), checks[-1])
        if checked.status is diagnostics.Status.FAIL and checked.name == "credentials":
            # A token typed wrong replaced one that worked, "token stored" and exit 0; the first
            # customer's redemption then paused the queue.
            report_failure(
                args.command,
                f"the token is not saved: {checked.detail}. The token kept before is unchanged; "
                f"{checked.fix}",
            )
            return EXIT_PAUSED
        where = store_token(token, config_dir)
    except CredentialsError as exc:
        report_failure(args.command, str(exc))
        return EXIT_USAGE
    print(f"token stored in {where}")
    if checked.status is diagnostics.Status.OK:
        print(f"Checked with the Stamps server: {checked.detail}")
    else:
        print(
            f"Not checked with the Stamps server: {checked.detail}; "
            f"`{APP_NAME} doctor` checks it once the server can be asked"
        )
    resumed = resume_after_token_change(args)  # a queue paused for the old token goes on now
    if resumed is not None:
        print(english(resumed))
    for wrong in checks:
        if wrong.name == "merchant" and wrong.status is diagnostics.Status.FAIL:
            # Another merchant's token, or the settings' merchant typed wrong: the server took
            # the token, "token stored" and exit 0, and every redemption then went under the
            # settings' merchant with it.
            report_failure(args.command, f"{wrong.detail}: {wrong.fix}")
            return EXIT_USAGE
    return EXIT_OK


def _asked_of_the_server(args: argparse.Namespace, token: Secret) -> list[diagnostics.Check]:
    """Doctor's server checks with ``token``: its ``credentials`` (whether the server takes it)
    and ``merchant`` (whose it is) when the server answered; else the one that says why the till
    could not ask (``settings``: none yet; ``dns``, ``server``...: no answer). Only a refusal
    keeps the token from being stored: a till may be set up offline."""
    try:
        settings = load_settings(Path(args.config) if args.config else None)
    except ConfigError:
        return [
            diagnostics.Check(
                "settings", diagnostics.Status.WARN, "the settings are missing or refused"
            )
        ]
    return asyncio.run(diagnostics.check_server(settings.till_config(), token))
