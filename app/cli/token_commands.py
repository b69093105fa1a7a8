"""``stamps-pos token set``: keep the API token where the till looks for it."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from app.cli.common import EXIT_OK, EXIT_USAGE, report_failure
from app.cli.till_commands import resume_after_token_change
from app.config import default_config_file
from app.core.services import (
    MAX_TOKEN_LENGTH,
    CredentialsError,
    Secret,
    english,
    store_token,
)


def _read_token() -> str:
    """One line from standard input (a prompt without echo on a terminal), read in bounded
    bytes: a pasted file or an endless stream must not fill the memory."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("API token: ")
    line = sys.stdin.buffer.readline(MAX_TOKEN_LENGTH + 3)
    if len(line) > MAX_TOKEN_LENGTH + 2 and not line.endswith(b"\n"):
        raise CredentialsError(
            f"the token cannot be sent: it is longer than {MAX_TOKEN_LENGTH} characters"
        )
    # A file saved as "UTF-8 with BOM" (Notepad, a PowerShell pipe) starts with the encoding's
    # mark, which is no part of the token; bytes that are not UTF-8 stay visible to the check,
    # which refuses them.
    return line.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")


def token_set(args: argparse.Namespace) -> int:
    """Read the token from standard input (never from an argument, which ``ps`` would show),
    check it, and only then replace the stored one."""
    config_dir = Path(args.config).parent if args.config else default_config_file().parent
    try:
        where = store_token(Secret(_read_token()), config_dir)
    except CredentialsError as exc:
        report_failure(args.command, str(exc))
        return EXIT_USAGE
    print(f"token stored in {where}")
    resumed = resume_after_token_change(args)  # a queue paused for the old token goes on now
    if resumed is not None:
        print(english(resumed))
    return EXIT_OK
