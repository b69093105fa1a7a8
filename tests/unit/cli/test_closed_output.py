"""A command whose output cannot be written: a reader that stops reading (``stamps-pos doctor |
head -1``) ends it the shell's way, exit 141 and no traceback, whatever it had done standing; an
output that is closed (``>&-``) or full (``> /dev/full``) is a failure said in one line on stderr,
exit 2, not a silent success. A closed stderr (``2>&-``) costs the messages, never the output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Every command that prints what it found or did (the window's commands print nothing).
PRINTING = [
    ["history"],
    ["exceptions"],
    ["audit"],
    ["summary"],
    ["outbox", "list"],
    ["sync", "--once"],
    ["doctor"],
    ["manager", "list"],
    ["--version"],
    ["--help"],
]


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "STAMPS_POS_CONFIG": str(tmp_path / "settings.toml"),
        "STAMPS_POS_MERCHANT": "14",
        "STAMPS_POS_STORE": "32",
        "STAMPS_POS_TOKEN": "sandbox-demo-token",
        "STAMPS_POS_BASE_URL": "http://127.0.0.1:9",  # nothing listens: doctor says so
        "STAMPS_POS_DATA_DIR": str(tmp_path / "data"),
    }


def _run_in_shell(
    tmp_path: Path, command: list[str], redirect: str
) -> subprocess.CompletedProcess[str]:
    """``stamps-pos COMMAND REDIRECT`` as a shell runs it (``>&-`` closes the descriptor)."""
    return subprocess.run(
        ["/bin/sh", "-c", f'"$0" "$@" {redirect}', sys.executable, "-m", "app", *command],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "command", [["doctor"], ["--version"], ["--help"], ["history", "--help"]], ids=" ".join
)
def test_a_reader_that_went_away_ends_the_command_without_a_traceback(
    tmp_path: Path, command: list[str], buffered: bool
) -> None:
    # --version printed a traceback (exit 1), and --help exited 0, its lines dropped unread.
    # Python's own buffering decides whether the write or the flush at exit meets the gone
    # reader (a shell with PYTHONUNBUFFERED set), so both are run.
    environment = _environment(tmp_path)
    environment.pop("PYTHONUNBUFFERED", None)
    if not buffered:
        environment["PYTHONUNBUFFERED"] = "1"
    read_end, write_end = os.pipe()
    os.close(read_end)  # gone before the first line is printed
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=environment,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr.decode() == ""


@pytest.mark.parametrize("command", PRINTING, ids=" ".join)
def test_a_command_whose_output_is_closed_fails_saying_so(
    tmp_path: Path, command: list[str]
) -> None:
    done = _run_in_shell(tmp_path, command, ">&-")
    assert done.returncode == 2
    said = done.stderr.splitlines()
    assert len(said) == 1, done.stderr
    path = " ".join(word for word in command if not word.startswith("-"))
    assert said[0].startswith(f"stamps-pos {path}:" if path else "stamps-pos:")
    assert "standard output is closed" in said[0]


@pytest.mark.parametrize("command", [["history"], ["doctor"], ["--version"]], ids=" ".join)
def test_a_command_whose_output_is_full_fails_saying_so(tmp_path: Path, command: list[str]) -> None:
    done = _run_in_shell(tmp_path, command, "> /dev/full")
    assert done.returncode == 2
    said = done.stderr.splitlines()
    assert len(said) == 1, done.stderr
    assert "its output could not be written" in said[0]
    assert "No space left on device" in said[0]


def test_a_closed_stderr_loses_the_messages_not_the_output(tmp_path: Path) -> None:
    listed = _run_in_shell(tmp_path, ["history"], "2>&-")
    assert (listed.returncode, listed.stdout) == (0, "no redemptions match\n")
    refused = _run_in_shell(tmp_path, ["history", "--since", "nonsense"], "2>&-")
    assert refused.returncode == 2
    assert refused.stdout == ""  # the refusal went nowhere, not into the output
    checked = _run_in_shell(tmp_path, ["-vv", "doctor"], "2>&-")
    assert checked.returncode == 3  # the server is unreachable: doctor's own answer
    assert "Traceback" not in checked.stdout
    assert checked.stdout.startswith("stamps-pos ")
