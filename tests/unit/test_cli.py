"""The command line's contract: help, version, and honest refusals for what is not built."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import EXIT_USAGE, main


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


@pytest.mark.parametrize("command", [[], ["gui"], ["gui", "--kiosk"]])
def test_the_window_without_settings_is_a_configuration_error(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(command) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("stamps-pos gui: setting 'merchant' is required")
    assert "STAMPS_POS_MERCHANT" in err


@pytest.mark.parametrize("command", [["gui"], ["gui", "--kiosk"]])
def test_the_window_without_a_token_says_how_to_set_one(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "14")
    monkeypatch.setenv("STAMPS_POS_STORE", "32")
    assert main(command) == EXIT_USAGE
    assert "no API token" in capsys.readouterr().err


def test_a_kiosk_may_share_the_cashiers_data_folder_but_not_with_another_kiosk(
    tmp_path: Path,
) -> None:
    from app.ui.cashier import SecondInstance, single_instance
    from app.ui.kiosk.boot import KIOSK_LOCK

    with (
        single_instance(tmp_path),
        single_instance(tmp_path, KIOSK_LOCK),
        pytest.raises(SecondInstance, match="already open"),
        single_instance(tmp_path, KIOSK_LOCK),
    ):
        pass


def test_a_second_window_on_the_same_data_folder_is_refused(tmp_path: Path) -> None:
    from app.ui.cashier import SecondInstance, single_instance

    # QLockFile is per process and path: a second holder in this process is refused too.
    with (
        single_instance(tmp_path),
        pytest.raises(SecondInstance, match="already open"),
        single_instance(tmp_path),
    ):
        pass
    with single_instance(tmp_path):  # released: the next start takes it
        pass


def test_a_count_is_said_in_the_singular_or_the_plural() -> None:
    from app.cli.common import counted

    assert counted(1, "attempt") == "1 attempt"
    assert counted(2, "attempt") == "2 attempts"
    assert counted(0, "summary line") == "0 summary lines"
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"


def test_history_and_the_summary_say_one_stamp_in_the_singular() -> None:
    from datetime import UTC, datetime

    from app.cli.manager_commands import _row_text, _summary_text
    from app.core.domain import EntryStatus, OperationKind
    from app.core.messages import say
    from app.core.services.day_summary import DaySummary, SummaryLine
    from app.core.services.history import HistoryRow
    from app.core.services.receipts import Verdict

    at = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    row = HistoryRow(
        entry_id="e-1", seq=1, created_at=at, kind=OperationKind.REWARD,
        status=EntryStatus.SYNCED, verdict=Verdict.CONFIRMED, headline=say("receipt.confirmed"),
        cashier="Rina", terminal="till-1", user="ayu@example.com", lane="member:1",
        description="Stiker", server_redemption_id=7, invoice=None, stamps=1, rupiah=0,
        provisional=False, reconciled=False, note=None, last_error=None,
    )  # fmt: skip
    assert "  1 stamp  " in _row_text(row)
    lines = (
        SummaryLine("Rina", "till-1", "reward", "confirmed", 1, 1, 0),
        SummaryLine("Rina", "till-1", "reward", "refused", 2, 40, 0),
    )
    said: list[str] = []
    _summary_text(DaySummary(at, at, lines), said.append)
    rows = [line for line in said if "reward" in line]
    assert [line.split()[2:5] for line in rows[:2]] == [["1", "1", "stamp"], ["2", "40", "stamps"]]
    # the rupiah stay in one column, whatever the word before them
    assert len({line.index("Rp") for line in rows}) == 1


def test_nothing_the_till_prints_hedges_a_count_with_s_in_brackets() -> None:
    # "(1 attempt(s) left)": the command line and the core's records say 1 attempt, 2 attempts.
    # The sandbox is left out: it says what the Stamps server says, as the server words it.
    import ast

    app = Path(__file__).resolve().parents[2] / "app"
    hedged = []
    for path in sorted([*(app / "cli").rglob("*.py"), *(app / "core").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and re.search(r"\w\(s\)", text):
                hedged.append(f"{path.relative_to(app)}:{node.lineno}: {text!r}")
    assert hedged == []
