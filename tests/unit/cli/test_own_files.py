"""No command writes a file the manager names onto one of the till's own (``app/cli/common.py``,
``not_the_tills_own``): its settings file, token, database and journals, log, locks. Each such
name is refused in one line, exit 2, ``--replace`` or not, and the file is left as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli import main

from ...support.cli import till_in_environment

#: Every command that writes a file on request, as it names the file.
WRITES = [
    pytest.param(("audit", "--csv"), id="audit"),
    pytest.param(("summary", "--csv"), id="summary"),
    pytest.param(("outbox", "export"), id="outbox-export"),
    pytest.param(("support-bundle",), id="support-bundle"),
]


@pytest.fixture
def till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A till's settings in the environment (its settings file not written yet), its database
    made; its data folder."""
    data = tmp_path / "till"
    till_in_environment(monkeypatch, tmp_path / "config" / "settings.toml", data)
    (tmp_path / "config").mkdir()
    assert main(["audit"]) == 0  # the till opened once: its database and log are there
    return data


def _refused(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], name: Path, what: str
) -> None:
    for replace in ([], ["--replace"]):
        assert main([*command, str(name), *replace]) == 2
        err = capsys.readouterr().err
        assert err.endswith(f"{name} is {what}: name another file\n"), err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", WRITES)
def test_the_settings_file_not_written_yet_is_not_written_by_an_export(
    till: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    # Seen: `outbox export ~/.config/stamps-pos/settings.toml` wrote the export there, and the
    # next start read it as the till's settings.
    settings = tmp_path / "config" / "settings.toml"
    _refused(capsys, command, settings, "the till's settings file")
    assert not settings.exists()


@pytest.mark.parametrize("command", WRITES)
def test_the_database_and_its_journals_are_not_written_over_even_with_replace(
    till: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    database = till / "stamps-pos.db"
    before = database.read_bytes()
    _refused(capsys, command, database, "the till's database")
    _refused(capsys, command, till / "stamps-pos.db-wal", "the till's database's journal")
    assert database.read_bytes() == before
    assert main(["audit"]) == 0  # the till still opens


@pytest.mark.parametrize("command", WRITES)
def test_a_link_to_one_of_the_till_s_files_is_that_file(
    till: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    token = tmp_path / "config" / "token"
    token.write_text("kept token\n")
    symlink = tmp_path / "day.zip"
    symlink.symlink_to(token)
    _refused(capsys, command, symlink, "the till's API token file")
    assert token.read_text() == "kept token\n"
    hard_link = tmp_path / "week.zip"
    os.link(till / "stamps-pos.db", hard_link)
    _refused(capsys, command, hard_link, "the till's database")
    # a folder reached through a symlink to the data folder
    (tmp_path / "data").symlink_to(till)
    _refused(capsys, command, tmp_path / "data" / "logs" / "stamps-pos.log", "the till's log")
    _refused(capsys, command, tmp_path / "data" / "gui.lock", "a lock file of the till")


def test_an_export_is_not_written_onto_the_database_it_reads(
    till: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = tmp_path / "dead-till.db"
    dead.write_bytes((till / "stamps-pos.db").read_bytes())
    command = ("outbox", "export", "--database", str(dead))
    _refused(capsys, command, dead, "the database it reads")
    assert dead.read_bytes() == (till / "stamps-pos.db").read_bytes()


@pytest.mark.parametrize("command", WRITES)
def test_a_file_of_the_till_s_own_name_elsewhere_is_written(
    till: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    name = elsewhere / ("stamps-pos.zip" if command[0] == "support-bundle" else "stamps-pos.db")
    assert main([*command, str(name)]) == 0, capsys.readouterr().err
    assert name.exists()
