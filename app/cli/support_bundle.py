"""``stamps-pos support-bundle OUT.zip``: what support needs to see why a till misbehaves, in one
file a manager can send: doctor's report, the settings, the queue's summary and the entries a
person may have to look at, and the logs.

Nothing in it may identify a member or open the shop's account (Indonesia's personal data
protection law, UU PDP): no token (masked by value and by shape), no PIN, no member's email or
phone (the logs are masked again on the way in, whatever an older version wrote into them), no
request payload. The database is only read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from app import APP_NAME, version
from app.cli.common import Stop, may_write, not_the_tills_own, one_line, report_failure
from app.cli.doctor import Report, examine
from app.config import ConfigError, Settings, default_config_file, default_data_dir, load_settings
from app.core.services import (
    CredentialsError,
    Secret,
    diagnostics,
    load_token,
    logs,
    why_not_written,
)

FOLDER = "stamps-pos-support"

README = """\
Stamps POS support bundle
=========================
Written by {app} {version} on {created} (UTC).

doctor.json    what `stamps-pos doctor --json` found on this till
settings.json  the settings in force (the API token is never a setting)
queue.json     the queue's counts, and the entries not settled yet (no member data)
logs/          the till's logs, masked again on the way in

Nothing here holds the API token, a PIN, or a member's email or phone number.
"""


class BundleError(Exception):
    """The bundle could not be written (the message says why)."""


def support_bundle(args: argparse.Namespace) -> int:
    """Write the bundle to ``args.out``; exit 2 when it cannot be written."""
    out = Path(args.out)
    try:
        written, report = write_bundle(
            out, Path(args.config) if args.config else None, replace=args.replace
        )
    except BundleError as exc:
        report_failure("support-bundle", str(exc))
        return 2
    problems = [c.name for c in report.checks if c.status is diagnostics.Status.FAIL]
    found = f"doctor found problems: {', '.join(problems)}" if problems else "doctor found none"
    print(f"support bundle written to {one_line(str(written))} ({found})")
    return 0


def write_bundle(
    out: Path,
    config: Path | None = None,
    given: tuple[Settings, Secret] | None = None,
    *,
    replace: bool = False,
) -> tuple[Path, Report]:
    """Write the bundle to ``out`` (which must not exist yet, unless ``replace``); returns it and
    doctor's report. ``given``: a running till's settings and token (see
    :func:`~app.cli.doctor.examine`)."""
    try:
        not_the_tills_own(str(out), str(config) if config else None)
        may_write(str(out), replace)
    except Stop as stop:
        raise BundleError(stop.message) from None
    if out.suffix.lower() != ".zip":
        raise BundleError(f"{out}: the bundle is a .zip file; name it OUT.zip")
    config_file = config or default_config_file()
    if given is None:
        data_dir = _data_dir(config_file)
        _mask_the_token(config_file.parent)
    else:
        data_dir = given[0].data_dir
        logs.keep_secret(given[1].reveal())
    report = examine(config, given)
    created = datetime.now(UTC)
    files: dict[str, bytes] = {
        "README.txt": README.format(
            app=APP_NAME, version=version(), created=created.strftime("%Y-%m-%d %H:%M")
        ).encode(),
        "doctor.json": _json(report.as_json()),
        "settings.json": _json(report.settings or {"error": "the settings could not be read"}),
        "queue.json": _json({"summary": report.queue, "unsettled": _entries(data_dir)}),
    }
    for path in _log_files(data_dir):
        files[f"logs/{path.name}"] = _masked_log(path)
    files["manifest.json"] = _json(
        {
            "app": APP_NAME,
            "version": version(),
            "created": created.isoformat(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "frozen": bool(getattr(sys, "frozen", False)),
            "files": sorted(files),
        }
    )
    _write_zip(out, files)
    return out, report


def default_bundle_path() -> Path:
    """Where the crash dialog writes a bundle: the user's documents folder (else home), under a
    name that says what and when."""
    documents = Path(platformdirs.user_documents_dir())
    folder = documents if documents.is_dir() else Path.home()
    return folder / f"stamps-pos-support-{datetime.now(UTC):%Y%m%d-%H%M%S}.zip"


def _data_dir(config_file: Path) -> Path:
    try:
        return load_settings(config_file).data_dir
    except ConfigError:
        return default_data_dir()


def _mask_the_token(config_dir: Path) -> None:
    # The token is masked by its value too, wherever it turns up (a log line from an older
    # version, a server's echo); its shape alone is not a promise.
    try:
        token = load_token(config_dir)
    except CredentialsError:
        return
    if token is not None:
        logs.keep_secret(token.reveal())


def _json(value: Any) -> bytes:
    return logs.redact(json.dumps(value, indent=2, ensure_ascii=False, default=str)).encode()


def _entries(data_dir: Path) -> list[dict[str, Any]]:
    database = data_dir / "stamps-pos.db"
    return [
        {key: logs.redact(value) if isinstance(value, str) else value for key, value in row.items()}
        for row in diagnostics.unsettled_entries(database)
    ]


def _log_files(data_dir: Path) -> list[Path]:
    folder = logs.log_file(data_dir).parent
    try:
        return sorted(p for p in folder.iterdir() if p.name.startswith(logs.LOG_FILE))
    except OSError:
        return []


def _masked_log(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"(could not be read: {exc.strerror})\n".encode()
    return "".join(logs.redact(line) for line in text.splitlines(keepends=True)).encode()


def _write_zip(out: Path, files: dict[str, bytes]) -> None:
    partial = out.with_name(out.name + ".part")
    try:
        # 0600 from the start, and renamed into place only when complete
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in files.items():
                z.writestr(f"{FOLDER}/{name}", content)
        partial.replace(out)
    except OSError as exc:
        # A folder on the way that is a file has no partial file to remove either.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BundleError(why_not_written(out, exc)) from None
    except BaseException:  # Ctrl-C: no half a bundle left beside where it was asked for
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
