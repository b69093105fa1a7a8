"""What every command shares: the exit codes, the way a command stops with a message, and
reading the settings and the token (cheaply: the window's command must not load the outbox)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.config import ConfigError, Settings, default_config_file, load_settings
from app.core import logs
from app.core.credentials import CredentialsError, Secret, load_token

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_NOT_CONFIRMED, EXIT_PAUSED, EXIT_NOT_BUILT = range(6)


class Stop(Exception):
    """End the command with this exit code after printing ``message`` to stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def settings_and_token(args: argparse.Namespace) -> tuple[Settings, Secret]:
    """The settings (``--config`` or the default file) and the API token, or :class:`Stop`."""
    config = Path(args.config) if args.config else None
    try:
        settings = load_settings(config)
        token = load_token((config or default_config_file()).parent)
    except (ConfigError, CredentialsError) as exc:
        raise Stop(EXIT_USAGE, str(exc)) from None
    if token is None:
        raise Stop(EXIT_USAGE, "no API token: set STAMPS_POS_TOKEN or run `stamps-pos token set`")
    logs.keep_secret(token.reveal())
    logs.to_folder(settings.data_dir)
    return settings, token
