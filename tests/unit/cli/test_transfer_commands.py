"""``outbox export --database FILE`` of a file that cannot be exported is said in the words of
the file the manager named, not of the till's own database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main

from ...support.cli import till_in_environment


@pytest.fixture(autouse=True)
def till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    till_in_environment(monkeypatch, tmp_path / "settings.toml", tmp_path / "till")


@pytest.mark.parametrize(
    ("named", "says"),
    [
        pytest.param("dead-till.db", " cannot be read: No such file or directory", id="missing"),
        pytest.param(
            "notes.txt",
            " cannot be exported: the file is not an SQLite database",
            id="not-a-database",
        ),
        pytest.param(".", " cannot be read: Is a directory", id="folder"),
    ],
)
def test_a_database_named_wrong_is_said_as_the_file_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], named: str, says: str
) -> None:
    # A path typed wrong read "The till's database dead-till.db cannot be used", and a file that
    # is no database "The till's database notes.txt is damaged …; it must be moved aside and a
    # new one started": neither is the till's database, and nothing is to be started.
    (tmp_path / "notes.txt").write_text("not a till\n", encoding="utf-8")
    source = tmp_path / named
    out = tmp_path / "out.json"
    assert main(["outbox", "export", str(out), "--database", str(source)]) == 2
    err = capsys.readouterr().err
    assert err == f"stamps-pos outbox export: {source}{says}\n"
    assert not out.exists()
