"""A terminal that cannot show every letter (``LC_ALL=C`` with Python's UTF-8 coercion off, a
Latin-1 locale, a Windows code page): a name with accents is still printed, as an escape, and a
``--json`` output stays valid JSON that reads back to the same name. No traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ...support.cli import run_cli

NAME = "Ñoman Ñoño"
PIN = b"246810\n"


def _till(tmp_path: Path) -> dict[str, str]:
    return {
        "STAMPS_POS_CONFIG": str(tmp_path / "settings.toml"),
        "STAMPS_POS_MERCHANT": "14",
        "STAMPS_POS_STORE": "32",
        "STAMPS_POS_TOKEN": "sandbox-demo-token",
        "STAMPS_POS_BASE_URL": "http://127.0.0.1:9",  # the readings here need no server
        "STAMPS_POS_DATA_DIR": str(tmp_path / "data"),
    }


def _ascii_terminal(tmp_path: Path) -> dict[str, str]:
    """The till's environment on a terminal that takes ASCII only: the C locale, which Python
    would otherwise quietly coerce to UTF-8."""
    return {
        **_till(tmp_path),
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONUTF8": "0",
        "PYTHONIOENCODING": "",
    }


def _with_a_manager_named(tmp_path: Path, name: str) -> None:
    done = run_cli(["manager", "add", name], env=_till(tmp_path), stdin=PIN)
    assert done.returncode == 0, done.stderr


def test_a_name_with_accents_is_printed_as_an_escape_on_an_ascii_terminal(
    tmp_path: Path,
) -> None:
    _with_a_manager_named(tmp_path, NAME)
    done = run_cli(["manager", "list"], env=_ascii_terminal(tmp_path))
    assert (done.returncode, done.traceback) == (0, False), done.stderr
    assert "\\u00d1oman \\u00d1o\\u00f1o" in done.stdout
    assert done.stdout.isascii()


def test_json_on_an_ascii_terminal_reads_back_to_the_same_name(tmp_path: Path) -> None:
    _with_a_manager_named(tmp_path, NAME)
    done = run_cli(["audit", "--json"], env=_ascii_terminal(tmp_path))
    assert (done.returncode, done.traceback) == (0, False), done.stderr
    assert {line["who"] for line in json.loads(done.stdout)} == {NAME}


def test_a_csv_on_an_ascii_terminal_keeps_its_rows(tmp_path: Path) -> None:
    _with_a_manager_named(tmp_path, NAME)
    done = run_cli(["audit", "--csv", "-"], env=_ascii_terminal(tmp_path))
    assert (done.returncode, done.traceback) == (0, False), done.stderr
    assert done.stdout.splitlines()[0].startswith("time (UTC),who,")
    assert "\\u00d1oman \\u00d1o\\u00f1o" in done.stdout


def test_an_argument_typed_in_utf8_is_read_as_utf8_on_an_ascii_terminal(
    tmp_path: Path,
) -> None:
    _with_a_manager_named(tmp_path, NAME)
    done = run_cli(["audit", "--who", os.fsencode(NAME), "--json"], env=_ascii_terminal(tmp_path))
    assert (done.returncode, done.traceback) == (0, False), done.stderr
    assert {line["who"] for line in json.loads(done.stdout)} == {NAME}
