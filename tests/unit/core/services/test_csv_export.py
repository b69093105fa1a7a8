"""A CSV file is written whole or not at all: a disk that fills or a Ctrl-C halfway leaves the
file a manager had before (or none), never a CSV cut short that reads as the whole day."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from app.core.services.csv_export import write_csv, write_csv_file

YESTERDAY = "cashier,count\nDewi,3\n"


def _rows_then(failure: BaseException) -> Callable[[TextIO], int]:
    def write(stream: TextIO) -> int:
        write_csv(stream, ["cashier", "count"], [["Rina", 1], ["Wayan", 2]])
        raise failure

    return write


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk full", "Ctrl-C"],
)
def test_a_csv_cut_short_leaves_the_file_that_was_there(
    tmp_path: Path, failure: BaseException
) -> None:
    day = tmp_path / "day.csv"
    day.write_text(YESTERDAY, encoding="utf-8")
    with pytest.raises(type(failure)):
        write_csv_file(day, _rows_then(failure))
    assert day.read_text(encoding="utf-8") == YESTERDAY
    assert [p.name for p in tmp_path.iterdir()] == ["day.csv"]


def test_a_csv_cut_short_where_there_was_none_leaves_none(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="full"):
        write_csv_file(tmp_path / "day.csv", _rows_then(OSError(errno.ENOSPC, "full")))
    assert list(tmp_path.iterdir()) == []


def test_a_whole_csv_takes_the_old_ones_place(tmp_path: Path) -> None:
    day = tmp_path / "day.csv"
    day.write_text(YESTERDAY, encoding="utf-8")
    assert write_csv_file(day, lambda s: write_csv(s, ["cashier"], [["Rina"]])) == 1
    assert day.read_text(encoding="utf-8") == "cashier\nRina\n"
    assert [p.name for p in tmp_path.iterdir()] == ["day.csv"]


def test_a_csv_through_a_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text(YESTERDAY, encoding="utf-8")
    link = tmp_path / "today.csv"
    link.symlink_to(real)
    write_csv_file(link, lambda s: write_csv(s, ["cashier"], [["Rina"]]))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "cashier\nRina\n"


def test_a_device_is_written_as_it_is() -> None:
    # /dev/stdout, /dev/null: nothing is made beside it, nothing replaces it
    assert write_csv_file(Path("/dev/null"), lambda s: write_csv(s, ["cashier"], [])) == 0
    assert not Path("/dev/.null.partial").exists()


def test_standard_output_named_as_a_file_is_written_as_it_is() -> None:
    # `--csv /dev/stdout | head`: /dev/stdout leads to a pipe, which has no folder to write beside
    read_end, write_end = os.pipe()
    try:
        stdout = Path(f"/proc/self/fd/{write_end}")
        assert write_csv_file(stdout, lambda s: write_csv(s, ["cashier"], [["Rina"]])) == 1
        assert os.read(read_end, 100) == b"cashier\nRina\n"
    finally:
        os.close(read_end)
        os.close(write_end)
