"""``stamps-pos doctor``: is this till set up to work? Settings, token, database, server and
credentials, each with a line that says what is wrong and what to do."""

from __future__ import annotations

import argparse
import asyncio
import stat
from pathlib import Path

from app import APP_NAME
from app.config import ConfigError, Settings, default_config_file, load_settings
from app.core.services import (
    CredentialsError,
    DatabaseTooNew,
    Secret,
    check_connection,
    load_token,
    migrate,
)

OK, BAD = "ok  ", "FAIL"


def doctor(args: argparse.Namespace) -> int:
    """Check everything the till needs, in order, stopping at the first failure.

    Exit codes as everywhere: 0 all well; 2 settings, token or database; 3 the server cannot be
    reached; 4 the server refuses the credentials.
    """
    config = Path(args.config) if args.config else default_config_file()
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        print(f"{BAD} settings ({config}):\n{exc}")
        return 2
    print(
        f"{OK} settings: merchant {settings.merchant}, store {settings.store}, {settings.base_url}"
    )
    try:
        token = load_token(config.parent)
    except CredentialsError as exc:
        print(f"{BAD} token: {exc}")
        return 2
    if token is None:
        print(f"{BAD} token: none found; set STAMPS_POS_TOKEN or run `{APP_NAME} token set`")
        return 2
    print(f"{OK} token: found")
    try:
        settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        revision = migrate(settings.database_path)
    except DatabaseTooNew as exc:
        print(f"{BAD} database: {exc}")
        return 2
    except OSError as exc:
        print(f"{BAD} database: {settings.database_path}: {exc.strerror}")
        return 2
    mode = stat.S_IMODE(settings.database_path.stat().st_mode)
    note = "" if mode == 0o600 else f" (mode {mode:o}; expected 600)"
    print(f"{OK} database: {settings.database_path}, revision {revision}{note}")
    return asyncio.run(_check_server(settings, token))


async def _check_server(settings: Settings, token: Secret) -> int:
    check = await check_connection(settings.till_config(), token)
    if check.credentials_refused:
        print(f"{BAD} credentials: the server refuses this token ({settings.auth} style)")
        return 4
    if check.problem is not None:
        print(f"{BAD} server: {check.problem}")
        return 3
    merchant = check.merchant or "the merchant"
    print(f"{OK} credentials: accepted for {merchant} (id {check.merchant_id})")
    if check.merchant_id is not None and check.merchant_id != settings.merchant:
        print(
            f"{BAD} merchant: the token belongs to merchant {check.merchant_id}; the settings say "
            f"{settings.merchant}"
        )
        return 2
    print(f"{OK} all checks passed")
    return 0
