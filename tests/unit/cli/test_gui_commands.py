"""``stamps-pos gui --kiosk`` starts the kiosk on the till's settings: the scanner's among them."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.ui.cannot_start
import app.ui.kiosk.boot
from app.cli import main
from app.core.services import ScanFormats
from app.ui.cannot_start import StartRefusal


def test_the_kiosk_s_scanner_is_set_as_the_settings_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The settings said the scanner ends its codes with Tab (and sends "#" first, 15 ms a key):
    # the cashier's window heard it, the kiosk was never told the terminator.
    for name, value in {
        "MERCHANT": "14",
        "STORE": "32",
        "TOKEN": "sandbox-demo-token",
        "BASE_URL": "http://127.0.0.1:9",
        "DATA_DIR": str(tmp_path / "data"),
        "CONFIG": str(tmp_path / "config" / "settings.toml"),
        "SCANNER_TERMINATOR": "tab",
        "SCANNER_PREFIX": "#",
        "SCANNER_PACE_MS": "15",
        "CARD_PREFIXES": "KR24",
    }.items():
        monkeypatch.setenv(f"STAMPS_POS_{name}", value)
    started: dict[str, object] = {}

    def run_kiosk(*args: object, **kwargs: object) -> int:
        started.update(kwargs)
        return 0

    monkeypatch.setattr(app.ui.kiosk.boot, "run_kiosk", run_kiosk)
    assert main(["gui", "--kiosk"]) == 0
    assert started["scanner_terminator"] == "tab"
    assert started["scanner_prefix"] == "#"
    assert started["scanner_pace_ms"] == 15
    # The shop's card format too: the kiosk's filter reads a card timing split by it.
    assert started["scan_formats"] == ScanFormats.read("KR24", "", "")


class StandInShop:
    """The demo's sandbox, without a server: what ``demo`` hands the kiosk."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.url = "http://127.0.0.1:9"

    def stop(self) -> None:
        pass


@pytest.mark.parametrize(
    ("command", "controls"), [(["demo", "--kiosk"], True), (["gui", "--kiosk"], False)]
)
def test_only_the_kiosk_demo_hands_the_kiosk_its_controls(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    controls: bool,
) -> None:
    # The kiosk demo had no Demo menu, and nothing else: nobody trying it could cut the network.
    for name, value in {
        "MERCHANT": "14",
        "STORE": "32",
        "TOKEN": "sandbox-demo-token",
        "BASE_URL": "http://127.0.0.1:9",
        "DATA_DIR": str(tmp_path / "data"),
        "CONFIG": str(tmp_path / "config" / "settings.toml"),
    }.items():
        monkeypatch.setenv(f"STAMPS_POS_{name}", value)
    monkeypatch.setattr("app.cli.demo_shop.DemoShop", StandInShop)
    monkeypatch.setattr("app.core.logs.to_folder", lambda *_a, **_k: None)
    started: dict[str, object] = {}

    def run_kiosk(*args: object, **kwargs: object) -> int:
        started.update(kwargs)
        return 0

    monkeypatch.setattr(app.ui.kiosk.boot, "run_kiosk", run_kiosk)
    assert main(command) == 0
    assert isinstance(started.get("demo"), StandInShop) is controls
    if controls:
        assert '"Demo controls" at the top right' in capsys.readouterr().out


@pytest.mark.parametrize("named_by", ["variable", "option"])
def test_the_cannot_start_page_names_the_settings_file_the_till_read_in_its_doctor_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named_by: str
) -> None:
    # A till started with STAMPS_POS_CONFIG (a launcher or a unit sets it) said "run in a
    # terminal: stamps-pos doctor", and the terminal, without that variable, checked another file.
    config = tmp_path / "braga" / "settings.toml"
    config.parent.mkdir()
    config.write_text('merchant = "14"\nstore = 33\n', encoding="utf-8")
    args = ["gui", "--kiosk"]
    if named_by == "variable":
        monkeypatch.setenv("STAMPS_POS_CONFIG", str(config))
    else:
        monkeypatch.delenv("STAMPS_POS_CONFIG", raising=False)
        args = ["--config", str(config), *args]
    shown: list[StartRefusal] = []
    monkeypatch.setattr(
        app.ui.cannot_start,
        "show_cannot_start",
        lambda refusal, **kwargs: shown.append(refusal),
    )
    assert main(args) == 2
    [refusal] = shown
    assert refusal.doctor == f"stamps-pos --config {config} doctor"
