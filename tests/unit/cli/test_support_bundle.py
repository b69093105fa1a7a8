"""The support bundle without a server: the crash dialog's writer for a running till (the demo's
settings are in no file), what goes in when there are no logs yet, and the names it refuses."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import platformdirs
import pytest

from app.cli import gui_commands
from app.cli.support_bundle import BundleError, write_bundle
from app.config import Settings, load_settings
from app.core import logs
from app.core.credentials import Secret

TOKEN = "bundle-test-token-77aa"


@pytest.fixture
def till(tmp_path: Path) -> Settings:
    return load_settings(
        tmp_path / "no-settings.toml",
        base_url="http://127.0.0.1:9",
        merchant=14,
        store=32,
        data_dir=tmp_path / "data",
        connect_timeout=1,
    )


def unpack(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as bundle:
        return {name.split("/", 1)[1]: bundle.read(name).decode() for name in bundle.namelist()}


def test_the_crash_dialog_s_writer_bundles_the_running_till_into_documents(
    till: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    log = logs.log_file(till.data_dir)
    log.parent.mkdir(parents=True)
    log.write_text(f"INFO sent Authorization: Token {TOKEN}\n", encoding="utf-8")

    written = gui_commands._bundle_writer(None, (till, Secret(TOKEN)))()

    assert written.parent == documents and written.name.startswith("stamps-pos-support-")
    files = unpack(written)
    assert TOKEN not in "".join(files.values())
    doctor = json.loads(files["doctor.json"])
    checks = {c["name"]: c for c in doctor["checks"]}
    assert checks["settings"]["status"] == "ok"  # the running till's, though in no file
    assert checks["server"]["status"] == "fail"  # nothing listens: said, and still written
    assert "logs/stamps-pos.log" in files
    logs.forget_secrets()


def test_a_till_with_no_logs_and_no_database_still_gets_a_bundle(
    till: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "bundle.zip"
    write_bundle(out, None, (till, Secret(TOKEN)))
    files = unpack(out)
    assert not any(name.startswith("logs/") for name in files)
    assert json.loads(files["queue.json"]) == {"summary": None, "unsettled": []}
    manifest = json.loads(files["manifest.json"])
    assert sorted(manifest["files"]) == sorted(set(files) - {"manifest.json"})
    logs.forget_secrets()


@pytest.mark.parametrize("name", ["bundle.tar", "bundle"])
def test_a_bundle_is_a_zip(till: Settings, tmp_path: Path, name: str) -> None:
    with pytest.raises(BundleError, match=r"\.zip"):
        write_bundle(tmp_path / name, None, (till, Secret(TOKEN)))
    assert not (tmp_path / name).exists()


def test_a_folder_that_cannot_be_written_is_said_and_leaves_no_part_file(
    till: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "missing-folder" / "bundle.zip"
    with pytest.raises(BundleError, match="missing-folder does not exist"):
        write_bundle(out, None, (till, Secret(TOKEN)))
    assert not out.parent.exists()
    logs.forget_secrets()
