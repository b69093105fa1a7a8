"""The command line, run as a shell script or a support engineer would run it, against the live
sandbox: a till's settings in the environment of ``python -m app``."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Settings

from ...support.cli import MANAGER, MANAGER_PIN
from ...support.cli import TillCli as Cli

__all__ = ["MANAGER", "MANAGER_PIN", "Cli"]


@pytest.fixture
def cli(till_settings: Settings, tmp_path: Path) -> Cli:
    """The command line of a till on the session's sandbox, with its own fresh database."""
    return Cli(till_settings, tmp_path)
