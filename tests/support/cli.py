"""The command line as a shell script or a support engineer drives it: ``python -m app`` with a
till's settings in its environment (:class:`TillCli`, shared by the CLI and UI tests), or with
bytes where a shell would pass bytes (argv and stdin that are not UTF-8: :func:`run_cli`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.sandbox import DEMO_TOKEN

from .network import AMPLE_TIMEOUTS

#: A server where nothing listens (the discard port): for commands that need no server.
NOWHERE = "http://127.0.0.1:9"


def till_in_environment(monkeypatch: pytest.MonkeyPatch, config: Path, data: Path) -> None:
    """A till's settings in the environment, as ``stamps-pos`` reads them: its settings file
    ``config`` (there or not), its data folder ``data``, the demo shop's merchant, store and
    token, and a server at :data:`NOWHERE`."""
    for name, value in {
        "CONFIG": str(config),
        "BASE_URL": NOWHERE,
        "TOKEN": DEMO_TOKEN,
        "MERCHANT": "14",
        "STORE": "32",
        "DATA_DIR": str(data),
        "TERMINAL": "till-1",
    }.items():
        monkeypatch.setenv(f"STAMPS_POS_{name}", value)


@dataclass(frozen=True)
class Done:
    """What a finished command left: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def traceback(self) -> bool:
        """Whether Python printed a traceback (a crash, not a message)."""
        return "Traceback (most recent call last)" in self.stderr


def run_cli(
    args: Sequence[str | bytes],
    *,
    env: Mapping[str, str],
    stdin: bytes = b"",
    timeout: float = 60,
) -> Done:
    """``python -m app ARGS`` with exactly ``env`` (plus PATH and the test's isolation)."""
    argv: list[str | bytes] = [sys.executable, "-m", "app", *args]
    done = subprocess.run(
        [os.fsencode(a) for a in argv],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env},
        timeout=timeout,
        check=False,
    )
    return Done(
        done.returncode,
        done.stdout.decode("utf-8", "backslashreplace"),
        done.stderr.decode("utf-8", "backslashreplace"),
    )


#: The first manager a test that needs one adds (:meth:`TillCli.first_manager`), and their PIN
#: as standard input carries it.
MANAGER, MANAGER_PIN = "Ayu", "246810\n"


class TillCli:
    """Runs ``python -m app`` with a till's settings in its environment."""

    def __init__(self, settings: Settings, home: Path) -> None:
        self.settings = settings
        self.env = {
            **os.environ,
            "STAMPS_POS_BASE_URL": settings.base_url,
            "STAMPS_POS_TOKEN": DEMO_TOKEN,
            "STAMPS_POS_MERCHANT": str(settings.merchant),
            "STAMPS_POS_STORE": str(settings.store),
            "STAMPS_POS_STORE_CODE": settings.store_code or "",
            "STAMPS_POS_DATA_DIR": str(settings.data_dir),
            "STAMPS_POS_TERMINAL": settings.terminal,
            "STAMPS_POS_IDEMPOTENCY": settings.idempotency,
            **{f"STAMPS_POS_{name.upper()}": str(value) for name, value in AMPLE_TIMEOUTS.items()},
            "STAMPS_POS_CONFIG": str(home / "settings.toml"),
        }

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
            check=False,
        )

    def json(self, *args: str, stdin: str = "") -> tuple[int, Any]:
        done = self(*args, "--json", stdin=stdin)
        return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None

    def first_manager(self, name: str = MANAGER, pin: str = MANAGER_PIN) -> None:
        """Add the till's first manager (no manager needed for that one)."""
        done = self("manager", "add", name, stdin=pin)
        assert done.returncode == 0, done.stderr
