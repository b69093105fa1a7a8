"""``stamps-pos doctor [--json]``: is this till set up to work? Every check runs (one failure does
not hide the next), each says ok, warn or FAIL, and each problem comes with what to do about it.

Exit codes as everywhere: 0 nothing failed (warnings allowed); else the first failure's: 2
settings, token, data folder, database, clock or the window's libraries; 3 the server cannot be
reached; 4 the server refuses the credentials (or the queue is paused for them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app import APP_NAME, version
from app.cli import qt_libraries
from app.cli.common import lines_joined, one_line
from app.config import ConfigError, Settings, default_config_file, load_settings
from app.core.services import (
    TOKEN_ENV,
    CredentialsError,
    Secret,
    diagnostics,
    load_token,
    token_file,
)
from app.early_config import ENV_PREFIX

LABEL = {
    diagnostics.Status.OK: "ok  ",
    diagnostics.Status.WARN: "warn",
    diagnostics.Status.FAIL: "FAIL",
}


@dataclass(frozen=True)
class Report:
    """Everything doctor found, for the terminal, ``--json`` and the support bundle."""

    checks: list[diagnostics.Check]
    settings: dict[str, Any] | None
    queue: dict[str, Any] | None

    @property
    def exit_code(self) -> int:
        """0, or the exit code of the first failed check."""
        return next((c.exit_code for c in self.checks if c.status is diagnostics.Status.FAIL), 0)

    def as_json(self) -> dict[str, Any]:
        """The report as JSON: no token, no PIN, nothing about a member."""
        return {
            "version": version(),
            "ok": self.exit_code == 0,
            "exit_code": self.exit_code,
            "checks": [c.as_json() for c in self.checks],
            "settings": self.settings,
            "queue": self.queue,
        }


def doctor(args: argparse.Namespace) -> int:
    """Run every check and print them (``--json``: as one JSON document)."""
    report = examine(Path(args.config) if args.config else None)
    if getattr(args, "json", False):
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return report.exit_code
    print(f"{APP_NAME} {version()} doctor")
    # Each on its line, escapes shown and not obeyed: a path or a server's words may hold a
    # clear-screen or a line break (a --config named so cleared the terminal and split "fix:").
    for check in report.checks:
        print(f"{LABEL[check.status]}  {check.name}: {one_line(check.detail)}")
        if check.data.get("record"):  # as it came, for support: the sentence is above it
            print(f"      detail: {one_line(str(check.data['record']))}")
        if check.fix and check.status is not diagnostics.Status.OK:
            print(f"      fix: {one_line(check.fix)}")
    problems = [c.name for c in report.checks if c.status is diagnostics.Status.FAIL]
    print("all checks passed" if not problems else f"problems: {', '.join(problems)}")
    return report.exit_code


def examine(config: Path | None, given: tuple[Settings, Secret] | None = None) -> Report:
    """Every check, in the order a person would fix them. ``given``: the settings and token a
    running till already has (the demo's are not in any file), instead of reading them."""
    config_file = config or default_config_file()
    checks = [_check_version(), _check_window_libraries()]
    if given is None:
        settings_check, settings = _check_settings(config_file)
    else:
        settings_check, settings = diagnostics.ok("settings", "those of the running till"), given[0]
    checks.append(settings_check)
    if given is None:
        checks += _check_environment()
    if settings is None:
        return Report(checks, None, None)
    checks.append(diagnostics.check_data_folder(settings.data_dir))
    database, status = diagnostics.check_database(settings.database_path)
    checks += [
        database,
        diagnostics.check_queue(status, settings.base_url),
        diagnostics.check_recorded_times(status),
    ]
    if given is None:
        token_check, token = _check_token(config_file.parent)
    else:
        token_check, token = diagnostics.ok("token", "the running till's"), given[1]
    checks += [token_check, diagnostics.check_keyring()]
    if token is not None:
        checks += asyncio.run(diagnostics.check_server(settings.till_config(), token))
    queue = diagnostics.queue_summary(status) if status is not None else None
    return Report(checks, settings_summary(settings, config_file), queue)


def _check_version() -> diagnostics.Check:
    return diagnostics.ok(
        "version",
        f"{APP_NAME} {version()} on Python {platform.python_version()}, {platform.platform()}",
        version=version(),
        python=platform.python_version(),
        frozen=bool(getattr(sys, "frozen", False)),
    )


def _check_window_libraries() -> diagnostics.Check:
    name = "window libraries"
    chosen = qt_libraries.qt_platform()
    if chosen != "xcb":
        return diagnostics.ok(
            name, f"Qt platform {chosen or 'native'}: nothing to check", platform=chosen
        )
    missing = qt_libraries.missing_libraries()
    if not missing:
        count = len(qt_libraries.XCB_LIBRARIES)
        return diagnostics.ok(
            name, f"Qt platform xcb: all {count} system libraries found", platform=chosen
        )
    names = ", ".join(m.soname for m in missing)
    command = qt_libraries.install_command(missing)
    return diagnostics.fail(
        name,
        f"Qt platform xcb: missing {names}; the window cannot open",
        command or "install the packages that provide them",
        platform=chosen,
        missing=[m.soname for m in missing],
        install=command,
    )


def _check_settings(config_file: Path) -> tuple[diagnostics.Check, Settings | None]:
    try:
        settings = load_settings(config_file)
    except ConfigError as exc:
        detail = lines_joined(str(exc))
        return diagnostics.fail(
            "settings", detail, f"fix the settings in {config_file} or the environment"
        ), None
    where = config_file if config_file.exists() else f"{config_file} (absent; environment only)"
    detail = (
        f"{where}: merchant {settings.merchant}, store {settings.store}, "
        f"{_without_credentials(settings.base_url)} ({settings.auth} auth)"
    )
    return diagnostics.ok("settings", detail), settings


#: The ``STAMPS_POS_`` variables read that are no setting (the last: ``make reliability``'s).
_NOT_SETTINGS = frozenset({"CONFIG", "TOKEN", "RELIABILITY"})


def _check_environment() -> list[diagnostics.Check]:
    """A warning for each ``STAMPS_POS_`` variable that names no setting: the till ignores it,
    and a name typed wrong in a unit (``STAMPS_POS_DATADIR``) left the default in use without a
    word. None when there is none (the report is as it was)."""
    known = {name.upper() for name in Settings.model_fields} | _NOT_SETTINGS
    unknown = sorted(
        key
        for key in os.environ
        if key.upper().startswith(ENV_PREFIX) and key.upper()[len(ENV_PREFIX) :] not in known
    )
    return [
        diagnostics.warn(
            "environment",
            f"{key} is no setting of {APP_NAME}: the till ignores it",
            "name the setting meant (README, Settings) or remove the variable",
        )
        for key in unknown
    ]


def _check_token(config_dir: Path) -> tuple[diagnostics.Check, Secret | None]:
    try:
        token = load_token(config_dir)
    except CredentialsError as exc:
        return diagnostics.fail("token", str(exc), f"`{APP_NAME} token set` stores it again"), None
    if token is None:
        return (
            diagnostics.fail(
                "token", "none found", f"set STAMPS_POS_TOKEN or run `{APP_NAME} token set`"
            ),
            None,
        )
    path = token_file(config_dir)
    if os.environ.get(TOKEN_ENV, "").strip():
        return diagnostics.ok("token", f"found in {TOKEN_ENV}", source="environment"), token
    if not path.exists():
        return diagnostics.ok("token", "found in the system keyring", source="keyring"), token
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return diagnostics.warn(
            "token", f"found in {path}, mode {mode:o}", f"chmod 600 {path}"
        ), token
    return diagnostics.ok("token", f"found in {path}", source="file"), token


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def settings_summary(settings: Settings, config_file: Path) -> dict[str, Any]:
    """The settings in force, as JSON: every setting (none of them is a secret: the token never
    is one), with a URL's user and password, if any, left out."""
    values = settings.model_dump(mode="json")
    values["base_url"] = _without_credentials(settings.base_url)
    return {"file": str(config_file), "values": values}
