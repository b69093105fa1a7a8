"""The Makefile's `make demo` passes the demo's options on: README documents
`stamps-pos demo --exceptions`, which `make demo` could not start."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")


def _demo_command(*make_args: str) -> str:
    """The command `make demo` would run (`make -n`: printed, nothing run)."""
    done = subprocess.run(
        [str(MAKE), "-n", "--no-print-directory", "demo", *make_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    [line] = [line for line in done.stdout.splitlines() if " -m app demo" in line]
    return line


@pytest.mark.skipif(MAKE is None, reason="no make on this machine")
def test_make_demo_passes_the_demos_options_on() -> None:
    assert _demo_command("DEMO_ARGS=--exceptions").endswith(" -m app demo --exceptions")
    # without them it starts the plain demo, as before
    assert _demo_command().rstrip().endswith(" -m app demo")
