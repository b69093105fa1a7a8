"""``stamps-pos token set``: keep the API token where the till looks for it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import APP_NAME
from app.cli.till_commands import resume_after_token_change
from app.config import default_config_file
from app.core.services import CredentialsError, Secret, english, store_token


def token_set(args: argparse.Namespace) -> int:
    """Read the token from standard input (never from an argument, which ``ps`` would show)."""
    if sys.stdin.isatty():
        import getpass

        text = getpass.getpass("API token: ")
    else:
        text = sys.stdin.readline()
    config_dir = Path(args.config).parent if args.config else default_config_file().parent
    try:
        where = store_token(Secret(text.strip()), config_dir)
    except CredentialsError as exc:
        print(f"{APP_NAME} token set: {exc}", file=sys.stderr)
        return 2
    print(f"token stored in {where}")
    resumed = resume_after_token_change(args)  # a queue paused for the old token goes on now
    if resumed is not None:
        print(english(resumed))
    return 0
