"""The command line's contract: help, version, and honest refusals for what is not built."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import __version__
from app.cli import EXIT_NOT_BUILT, EXIT_USAGE, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"stamps-pos {__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ["gui", "sandbox", "sync", "outbox", "redeem", "cancel", "doctor"]:
        assert command in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--bogus"])
    assert exited.value.code == EXIT_USAGE


def test_python_dash_m_app_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"stamps-pos {__version__}"


@pytest.mark.parametrize("command", [["gui"], ["gui", "--kiosk"], ["demo"]])
def test_a_command_not_built_yet_says_so_and_exits_5(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(command) == EXIT_NOT_BUILT
    assert "not built yet" in capsys.readouterr().err
