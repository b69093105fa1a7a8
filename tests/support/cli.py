"""The command line as a shell script or a support engineer drives it: ``python -m app`` with a
till's settings in its environment. Shared by the CLI and UI tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.config import Settings
from app.sandbox import DEMO_TOKEN


class Cli:
    """Runs ``python -m app`` with a till's settings in its environment."""

    def __init__(self, settings: Settings, home: Path) -> None:
        self.env = {
            **os.environ,
            "STAMPS_POS_BASE_URL": settings.base_url,
            "STAMPS_POS_TOKEN": DEMO_TOKEN,
            "STAMPS_POS_MERCHANT": str(settings.merchant),
            "STAMPS_POS_STORE": str(settings.store),
            "STAMPS_POS_STORE_CODE": settings.store_code or "",
            "STAMPS_POS_DATA_DIR": str(settings.data_dir),
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
