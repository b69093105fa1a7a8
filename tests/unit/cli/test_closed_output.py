"""A command whose reader stops reading (``stamps-pos doctor | head -1``): it ends the shell's
way, exit 141 and no traceback, whatever it had done standing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_reader_that_went_away_ends_the_command_without_a_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "STAMPS_POS_CONFIG": str(tmp_path / "settings.toml"),
        "STAMPS_POS_MERCHANT": "14",
        "STAMPS_POS_STORE": "32",
        "STAMPS_POS_TOKEN": "sandbox-demo-token",
        "STAMPS_POS_BASE_URL": "http://127.0.0.1:9",  # nothing listens: doctor says so
        "STAMPS_POS_DATA_DIR": str(tmp_path / "data"),
    }
    read_end, write_end = os.pipe()
    os.close(read_end)  # gone before the first line is printed
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", "doctor"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr.decode() == ""
