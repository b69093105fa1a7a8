"""The command line's contract: help, version, and honest refusals for what is not built."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import __version__
from app.cli import EXIT_USAGE, main
from app.cli.parser import build_parser

from ..support.cannot_start import PageReader
from ..support.disk import fill, mounted_read_only, small_disk

README = Path(__file__).resolve().parents[2] / "README.md"


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


def exit_codes(text: str) -> set[int]:
    """The exit codes ``text`` gives a meaning to: each number that a word or a bracket follows
    ("0 done", "3 not confirmed", "exit 2 with"), not one inside an expression ("2⁶³", "128 +")."""
    return {int(code) for code in re.findall(r"\b(\d+) (?=[a-z(])", " ".join(text.split()))}


def _readme_exit_codes() -> str:
    """The README's paragraph of exit codes, from "Exit codes:" to the blank line after it."""
    text = README.read_text(encoding="utf-8")
    start = text.index("Exit codes:")
    return text[start : text.index("\n\n", start)]


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    return capsys.readouterr().out


def test_help_lists_every_exit_code_the_readme_does(capsys: pytest.CaptureFixture[str]) -> None:
    # The README is the reference: a script's author reading `stamps-pos --help` must meet the
    # same codes, 141 for a reader gone away and 130 for Ctrl-C among them.
    help_text = _help(capsys)
    epilog = help_text[help_text.index("exit codes:") :]
    readme = exit_codes(_readme_exit_codes())
    assert readme >= {0, 1, 2, 3, 4, 5, 130, 141, 143}  # the paragraph is read whole
    assert exit_codes(epilog) == readme


def test_doctors_help_gives_its_exit_codes_as_the_readme_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # doctor's 3 and 4 say what it found (the server unreachable, the credentials refused), not
    # what a redemption's do.
    text = README.read_text(encoding="utf-8")
    start = text.index("**`stamps-pos doctor")
    readme = exit_codes(text[start : text.index("\n- ", start)])
    help_text = _help(capsys, "doctor")
    assert readme == {2, 3, 4}
    assert exit_codes(help_text[help_text.index("exit codes:") :]) == {0} | readme


def test_cancels_help_says_what_each_of_its_options_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Seen: "--replacement-voucher" listed bare, a decision on the member's behalf unexplained,
    # and "--user ID" without saying which ID.
    help_text = " ".join(_help(capsys, "cancel").split())
    assert "--replacement-voucher give the member a replacement voucher" in help_text
    assert "the member (email, member ID, phone or card number)" in help_text


def _commands() -> list[tuple[list[str], str, argparse.ArgumentParser]]:
    """Every command and subcommand: its words, the line its parent lists it by, its parser
    (the sandbox's own command line, passed through whole, apart)."""
    found = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for listed in action._choices_actions:
                    if listed.dest != "sandbox":
                        sub = action.choices[listed.dest]
                        found.append(([*path, listed.dest], str(listed.help), sub))
                        walk(sub, [*path, listed.dest])

    walk(build_parser({}), [])
    return found


@pytest.mark.parametrize(
    ("command", "summary", "parser"), _commands(), ids=[" ".join(c[0]) for c in _commands()]
)
def test_every_commands_help_says_what_it_does_and_what_each_argument_is(
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    summary: str,
    parser: argparse.ArgumentParser,
) -> None:
    # Seen: `stamps-pos sync --help` said nothing of what sync does (only `stamps-pos --help`
    # did), and --json, --qty, `member find`'s query or `outbox show`'s ENTRY_ID stood bare.
    help_text = " ".join(_help(capsys, *command).split())
    assert f"usage: stamps-pos {' '.join(command)} " in help_text
    assert " ".join(summary.split()) in help_text
    for argument in parser._actions:
        listing = isinstance(argument, argparse._SubParsersAction)  # its commands, each above
        if argument.help != argparse.SUPPRESS and not listing:
            assert argument.help, f"{argument.option_strings or argument.dest} has no help"
            assert " ".join(str(argument.help).split()) in help_text


def test_the_readme_gives_every_exit_code_the_command_line_returns() -> None:
    from app.cli import common

    named = {value for name, value in vars(common).items() if name.startswith("EXIT_")}
    assert named <= exit_codes(_readme_exit_codes())


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--bogus"], "stamps-pos: unrecognized arguments: --bogus (see stamps-pos --help)"),
        # Seen: "stamps-pos: unrecognized arguments: --manager Ayu (see stamps-pos --help)",
        # where the help that says what `cashier list` takes is the command's own.
        (
            ["cashier", "list", "--manager", "Ayu"],
            "stamps-pos cashier list: unrecognized arguments: --manager Ayu "
            "(see stamps-pos cashier list --help)",
        ),
        (
            ["history", "--since", "2026-12-01", "extra"],
            "stamps-pos history: unrecognized arguments: extra (see stamps-pos history --help)",
        ),
        (
            ["demo", "--port", "70000"],
            "stamps-pos demo: argument --port: expected a port from 0 to 65535, got '70000' "
            "(see stamps-pos demo --help)",
        ),
    ],
)
def test_unknown_option_is_a_usage_error_pointing_at_its_commands_help(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == EXIT_USAGE
    assert capsys.readouterr().err == said + "\n"


def test_ctrl_c_in_a_command_off_the_tills_loop_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # doctor and support-bundle ask the server with their own loop; Ctrl-C there (or while a
    # command's module still loads) printed Python's KeyboardInterrupt traceback
    import app.cli.doctor

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(app.cli.doctor, "doctor", interrupted)
    assert main(["doctor"]) == 130
    err = capsys.readouterr().err
    assert err == "stamps-pos doctor: stopped by Ctrl-C; what it had already done stands\n"


def test_ctrl_c_while_redeem_waits_for_the_members_pin_says_nothing_was_changed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It said "what it had already done stands" before anything was queued.
    class Interrupted:
        def readline(self, size: int = -1) -> bytes:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", argparse.Namespace(buffer=Interrupted()))
    argv = ["redeem", "reward", "--user", "x@contoh.co.id", "--reward", "1", "--pin-stdin"]
    assert main(argv) == 130
    assert capsys.readouterr().err == (
        "stamps-pos redeem reward: stopped by Ctrl-C while it waited for the member's PIN; "
        "nothing was changed\n"
    )


def test_python_dash_m_app_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"stamps-pos {__version__}"


@pytest.fixture
def page_reader(qapp: QApplication) -> Iterator[PageReader]:
    """The window's cannot-start page read and closed as a manager would."""
    reader = PageReader()
    qapp.installEventFilter(reader)
    yield reader
    qapp.removeEventFilter(reader)


@pytest.mark.parametrize("command", [[], ["gui"], ["gui", "--kiosk"]])
def test_the_window_without_settings_is_a_configuration_error(
    command: list[str], capsys: pytest.CaptureFixture[str], page_reader: PageReader
) -> None:
    assert main(command) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("stamps-pos gui: setting 'merchant' is required")
    assert "STAMPS_POS_MERCHANT" in err
    [page] = page_reader.pages  # and the window said it, for a manager who never sees stderr
    assert "merchant: This setting is required." in page["text"]


@pytest.mark.parametrize("command", [["gui"], ["gui", "--kiosk"]])
def test_the_window_without_a_token_says_how_to_set_one(
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    page_reader: PageReader,
) -> None:
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "14")
    monkeypatch.setenv("STAMPS_POS_STORE", "32")
    assert main(command) == EXIT_USAGE
    assert "no API token" in capsys.readouterr().err
    [page] = page_reader.pages
    assert "no API token: set STAMPS_POS_TOKEN or run `stamps-pos token set`" in page["text"]


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


def test_a_second_kiosk_sees_the_first_one_s_lock_held_only_while_it_is(tmp_path: Path) -> None:
    # A second kiosk knocks again while the first starts, and only while that one holds the
    # folder's lock: looking must not take it, nor see the cashier's lock as the kiosk's.
    from app.ui.cashier import held_elsewhere, single_instance
    from app.ui.kiosk.boot import KIOSK_LOCK

    with single_instance(tmp_path, KIOSK_LOCK):
        assert held_elsewhere(tmp_path, KIOSK_LOCK)
    with single_instance(tmp_path):
        assert not held_elsewhere(tmp_path, KIOSK_LOCK)
    with single_instance(tmp_path, KIOSK_LOCK):  # looking did not keep it
        pass


def test_a_data_folder_that_cannot_be_made_is_said_as_such_not_raised_as_a_traceback(
    tmp_path: Path,
) -> None:
    from app.ui.cashier import DataFolderUnusable, single_instance

    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    with (
        pytest.raises(DataFolderUnusable, match=r"data folder .*a-file/data cannot be made"),
        single_instance(blocked / "data"),
    ):
        pass


def test_a_data_folder_on_a_read_only_disk_is_said_as_read_only(tmp_path: Path) -> None:
    # Not "set data_dir to a folder this user may write": root could not write it either.
    from app.ui.cashier import DataFolderUnusable, single_instance

    (tmp_path / "data").mkdir()
    with (
        mounted_read_only(tmp_path / "data", tmp_path / "ro") as read_only,
        pytest.raises(DataFolderUnusable) as refused,
        single_instance(read_only),
    ):
        pass
    assert str(refused.value) == (
        f"The till's data folder {tmp_path / 'ro'} is read-only: nothing new can be saved (no "
        "redemption can be queued) until it can be written again"
    )


def test_a_window_starts_on_a_full_disk_to_be_read_and_keeps_a_second_one_out(
    tmp_path: Path,
) -> None:
    # The lock file's holder cannot be written there: the window did not start at all, on the
    # day a manager most needs to read the till. Its lock is then the file's flock alone.
    from app.ui.cashier import SecondInstance, single_instance

    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        data.mkdir()
        filler = fill(disk)
        with (
            single_instance(data),
            pytest.raises(SecondInstance, match="already open"),
            single_instance(data),
        ):
            pass
        assert not (data / "gui.lock").exists()  # the lock goes with the window

        # one such window killed leaves its empty file: not taken for a window for ever
        (data / "gui.lock").touch()
        os.utime(data / "gui.lock", (0, 0))
        filler.unlink()
        with single_instance(data), pytest.raises(SecondInstance), single_instance(data):
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
    _summary_text(DaySummary(at, at, lines), "Tuesday 2026-12-01", said.append)
    rows = [line for line in said if "reward" in line]
    assert [line.split()[2:5] for line in rows[:2]] == [["1", "1", "stamp"], ["2", "40", "stamps"]]
    # the rupiah column ("—" for rewards, which have none) ends in one place, whatever the word
    # before it
    assert len({len(line.rstrip()) for line in rows}) == 1
    assert all(line.rstrip().endswith("—") for line in rows)


def test_the_summary_s_counts_stand_in_one_column_whatever_the_standing() -> None:
    from datetime import UTC, datetime

    from app.cli.manager_commands import _summary_text
    from app.core.services.day_summary import STANDINGS, DaySummary, SummaryLine

    at = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    lines = tuple(SummaryLine("Rina", "till-1", "reward", s, 1, 10, 0) for s in STANDINGS)
    said: list[str] = []
    _summary_text(DaySummary(at, at, lines), "Tuesday 2026-12-01", said.append)
    rows = [line for line in said if line.startswith("  reward ")]
    assert len(rows) == 2 * len(STANDINGS)  # the day's totals, then Rina's
    # the count "1" right-aligned after each standing's words: one column for every standing
    assert len({line.index("    1  ") for line in rows}) == 1, rows


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
