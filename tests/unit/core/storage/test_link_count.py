"""The log's link count, asked before every commit: read without letting go of the GIL where
the C library has ``statx``, else with ``os.fstat``; both say when the file lost its name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.storage import link_count
from app.core.storage.link_count import LinkCount


@pytest.mark.parametrize("statx", [True, False], ids=["statx", "fstat"])
def test_the_count_follows_the_file_s_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statx: bool
) -> None:
    if not statx:
        monkeypatch.setattr(link_count, "_STATX", None)
    elif link_count._STATX is None:
        pytest.skip("no statx in this C library")
    log = tmp_path / "till.db-wal"
    log.write_bytes(b"")
    descriptor = os.open(log, os.O_RDONLY)
    try:
        links = LinkCount(descriptor)
        assert links.count() == 1
        os.link(log, tmp_path / "copy")
        assert links.count() == 2
        log.unlink()
        (tmp_path / "copy").unlink()
        assert links.count() == 0
    finally:
        os.close(descriptor)
