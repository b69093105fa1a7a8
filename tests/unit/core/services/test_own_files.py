"""The till's own files (``app/core/services/own_files.py``): a name is one of them by its path
with symlinks followed, or by the file itself (a hard link), whether the file is there yet or
not; the same name elsewhere is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.services.own_files import OwnFile, tills_own_files, which_own_file


@pytest.fixture
def own(tmp_path: Path) -> list[OwnFile]:
    (tmp_path / "config").mkdir()
    (tmp_path / "data" / "logs").mkdir(parents=True)
    (tmp_path / "data" / "stamps-pos.db").write_bytes(b"SQLite format 3\0")
    return tills_own_files(tmp_path / "config" / "settings.toml", tmp_path / "data")


def _what(path: Path, own: list[OwnFile]) -> str | None:
    found = which_own_file(path, own)
    return None if found is None else found.what


def test_each_of_the_till_s_files_is_named_by_what_it_is(tmp_path: Path, own: list[OwnFile]):
    data = tmp_path / "data"
    assert _what(tmp_path / "config" / "settings.toml", own) == "the till's settings file"
    assert _what(tmp_path / "config" / "token", own) == "the till's API token file"
    assert _what(tmp_path / "config" / "cashiers.txt", own) == "the till's list of cashiers"
    assert _what(data / "stamps-pos.db", own) == "the till's database"
    assert _what(data / "stamps-pos.db-shm", own) == "the till's database's journal"
    assert _what(data / "logs" / "stamps-pos.log.3", own) == "the till's log"
    assert _what(data / "kiosk.lock", own) == "a lock file of the till"
    assert _what(data / "slips" / "shift.pdf", own) == "the till's shift slips"


def test_a_link_or_a_way_round_is_the_file_it_leads_to(tmp_path: Path, own: list[OwnFile]):
    (tmp_path / "usb").mkdir()
    hard = tmp_path / "usb" / "day.csv"
    os.link(tmp_path / "data" / "stamps-pos.db", hard)
    assert _what(hard, own) == "the till's database"
    soft = tmp_path / "usb" / "week.csv"
    soft.symlink_to(tmp_path / "config" / "settings.toml")  # not there yet
    assert _what(soft, own) == "the till's settings file"
    round_about = tmp_path / "usb" / ".." / "config" / "settings.toml"
    assert _what(round_about, own) == "the till's settings file"


def test_a_file_named_as_one_of_the_till_s_elsewhere_is_not_one(
    tmp_path: Path, own: list[OwnFile]
) -> None:
    (tmp_path / "usb").mkdir()
    for name in ("settings.toml", "stamps-pos.db", "token", "gui.lock"):
        assert _what(tmp_path / "usb" / name, own) is None
    assert _what(tmp_path / "data" / "export.csv", own) is None
