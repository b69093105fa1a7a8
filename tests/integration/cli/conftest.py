"""The command line, run as a shell script or a support engineer would run it, against the live
sandbox: a till's settings in the environment of ``python -m app``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.sandbox import DEMO_TOKEN

#: The first manager every test that needs one adds (:meth:`Cli.first_manager`), and their PIN
#: as standard input carries it.
MANAGER, MANAGER_PIN = "Ayu", "246810\n"


class Cli:
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
            "STAMPS_POS_CONNECT_TIMEOUT": "1",
            "STAMPS_POS_READ_TIMEOUT": "10",
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


@pytest.fixture
def cli(till_settings: Settings, tmp_path: Path) -> Cli:
    """The command line of a till on the session's sandbox, with its own fresh database."""
    return Cli(till_settings, tmp_path)
