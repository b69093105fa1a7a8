"""``app/cli/database.py``: a damaged database is refused with the command that keeps it aside
and starts a new one, as the person ran it, ready to run again."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from app.sandbox import DEMO_TOKEN

from ...support.cli import run_cli


@pytest.mark.parametrize(
    ("argv", "again"),
    [
        (["outbox", "list"], "outbox list"),
        (["-v", "history", "--cashier", "Rina Putri"], "history --cashier 'Rina Putri'"),
        (["--config", "{config}", "member", "find", "KR24000006"], "member find KR24000006"),
    ],
    ids=["no-arguments", "arguments", "config-named"],
)
def test_a_damaged_database_names_the_command_to_run_again_whole(
    tmp_path: Path, argv: list[str], again: str
) -> None:
    # The refusal ended "To keep it aside and start a new database: stamps-pos
    # --accept-new-database outbox list ...": run as printed, `...` was an unrecognized argument.
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "stamps-pos.db").write_bytes(b"SQLite format 2\0" + b"\0" * 4080)
    config = tmp_path / "settings.toml"
    config.write_text(
        f'merchant = 14\nstore = 32\nbase_url = "http://127.0.0.1:9"\ndata_dir = "{data}"\n'
    )
    given = [word.format(config=config) for word in argv]
    done = run_cli(given, env={"STAMPS_POS_CONFIG": str(config), "STAMPS_POS_TOKEN": DEMO_TOKEN})
    assert not done.traceback, done.stderr
    assert done.returncode == 2
    named = f"--config {shlex.quote(str(config))} " if "--config" in argv else ""
    command = f"stamps-pos {named}--accept-new-database {again}"
    assert done.stderr.rstrip().endswith(f"To keep it aside and start a new database: {command}")
