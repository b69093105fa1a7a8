"""``stamps-pos doctor``: is this till set up to work? Settings, token, database, server and
credentials, each with a line that says what is wrong and what to do."""

from __future__ import annotations

import argparse
import asyncio
import stat
from pathlib import Path

from app import APP_NAME
from app.cli.common import one_line
from app.config import ConfigError, Settings, default_config_file, load_settings
from app.core.credentials import CredentialsError, Secret, load_token
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import CredentialsRejected, StampsError
from app.core.storage.integrity import check
from app.core.storage.migrate import DatabaseTooNew, head_revision, prepare_database
from app.core.storage.problems import StorageProblem, folder_read_only

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
    if not _database_is_sound(settings.database_path):
        return 2
    return asyncio.run(_check_server(settings, token))


def _database_is_sound(path: Path) -> bool:
    """Open (or create) and migrate the database, then read every page of it: SQLite's full
    ``integrity_check``, indexes against their tables, not just the start-up ``quick_check``."""
    try:
        read_only = prepare_database(path)
        problems = check(path, "integrity_check", read_only=read_only)
        revision = head_revision()
    except (DatabaseTooNew, StorageProblem) as exc:
        print(f"{BAD} database: {one_line(str(exc))}")
        return False
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        print(f"{BAD} database: {path} is damaged: {one_line(problems[0])}{more}")
        print(
            f"     move it aside and start a new one: {APP_NAME} --accept-new-database outbox list"
        )
        return False
    if read_only:
        print(f"{BAD} database: {one_line(folder_read_only(path).sentence)}")
        return False
    mode = stat.S_IMODE(path.stat().st_mode)
    note = "" if mode == 0o600 else f" (mode {mode:o}; expected 600)"
    print(f"{OK} database: {path}, revision {revision}, every page readable{note}")
    return True


async def _check_server(settings: Settings, token: Secret) -> int:
    async with StampsClient(
        base_url=settings.base_url,
        token=token.reveal(),
        merchant=settings.merchant,
        store=settings.store,
        auth=settings.auth,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
    ) as client:
        try:
            pong = (await client.ping()).pong
        except CredentialsRejected:
            print(f"{BAD} credentials: the server refuses this token ({settings.auth} style)")
            return 4
        except StampsError as exc:
            print(f"{BAD} server: {exc.message}")
            return 3
    print(
        f"{OK} credentials: accepted for {pong.merchant or 'the merchant'} (id {pong.merchant_id})"
    )
    if pong.merchant_id is not None and pong.merchant_id != settings.merchant:
        print(
            f"{BAD} merchant: the token belongs to merchant {pong.merchant_id}; the settings say "
            f"{settings.merchant}"
        )
        return 2
    print(f"{OK} all checks passed")
    return 0
