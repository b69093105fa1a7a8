"""Running the real ``stamps-pos`` command in a child process, with bytes where a shell would
pass bytes (argv and stdin that are not UTF-8), and reading what it printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


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
